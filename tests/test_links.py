"""Every link and anchor of the built site resolves, and nothing loads from another host."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.integration

LYCHEE = Path(sys.executable).parent / "lychee"
# Every element that makes the browser fetch something, and the attribute it fetches.
ASSET_SELECTORS = {
    "script[src]": "src",
    "img[src]": "src",
    "iframe[src]": "src",
    "source[src]": "src",
    "audio[src]": "src",
    "video[src]": "src",
    "embed[src]": "src",
    "object[data]": "data",
    "link[rel~=stylesheet]": "href",
    "link[rel~=preload]": "href",
    "link[rel~=modulepreload]": "href",
    "link[rel~=icon]": "href",
}
RE_CSS_URL = re.compile(r"""url\(\s*['"]?(?P<address>[^'")\s]+)""")
RE_CSS_IMPORT = re.compile(r"""@import\s+['"](?P<address>[^'"]+)""")


def lychee(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(LYCHEE),
            "--offline",
            "--include-fragments",
            "--index-files",
            "index.html",
            "--root-dir",
            str(site.resolve()),
            "--no-progress",
            "--format",
            "json",
            f"{site}/**/*.html",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_lychee_finds_no_broken_link_or_anchor_in_the_site(built_site: Path) -> None:
    result = lychee(built_site)

    report = json.loads(result.stdout)
    assert report["error_map"] == {}
    assert (result.returncode, report["errors"]) == (0, 0)
    # Every page's sentence anchors and citations were followed, not skipped.
    assert report["successful"] > 100


def test_lychee_would_catch_a_broken_anchor(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    home = site / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace("#p2-s1", "#p99-s1", 1), encoding="utf-8"
    )

    result = lychee(site)

    assert result.returncode != 0
    assert "p99-s1" in result.stdout + result.stderr


def _is_other_host(address: str) -> bool:
    parts = urlsplit(address.strip())
    return bool(parts.netloc or parts.scheme not in ("", "data", "blob"))


def assets_from_other_hosts(site: Path) -> list[str]:
    """Every script, style, font, image or frame that a page or stylesheet loads from elsewhere."""
    found = []
    for html_file in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        page = html_file.relative_to(site).as_posix()
        for selector, attribute in ASSET_SELECTORS.items():
            for element in soup.select(selector):
                address = str(element.get(attribute))
                if _is_other_host(address):
                    found.append(f"{page}: {element.name} {address}")
        css_in_page = [style.get_text() for style in soup.find_all("style")]
        css_in_page += [str(element.get("style")) for element in soup.select("[style]")]
        found += [f"{page}: css {address}" for address in _css_addresses("\n".join(css_in_page))]
    for css_file in sorted(site.rglob("*.css")):
        addresses = _css_addresses(css_file.read_text(encoding="utf-8"))
        found += [
            f"{css_file.relative_to(site).as_posix()}: css {address}" for address in addresses
        ]
    return found


def _css_addresses(css: str) -> list[str]:
    addresses = [m.group("address") for m in RE_CSS_URL.finditer(css)]
    addresses += [m.group("address") for m in RE_CSS_IMPORT.finditer(css)]
    return [address for address in addresses if _is_other_host(address)]


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    assert assets_from_other_hosts(built_site) == []


def test_the_scan_would_catch_a_font_a_script_and_an_import_from_elsewhere(
    built_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    home = site / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace(
            "</head>",
            '<script src="https://cdn.example.org/x.js"></script>'
            "<style>@font-face { src: url(//fonts.example.org/f.woff2) }</style></head>",
        ),
        encoding="utf-8",
    )
    (site / "stylesheets" / "extra.css").write_text(
        '@import "https://cdn.example.org/a.css";', encoding="utf-8"
    )

    assert assets_from_other_hosts(site) == [
        "index.html: script https://cdn.example.org/x.js",
        "index.html: css //fonts.example.org/f.woff2",
        "stylesheets/extra.css: css https://cdn.example.org/a.css",
    ]
