"""Every built page is valid HTML, but for what a plain Material build has too (the theme's own)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import require
from conftest import PROJECT_ROOT, mkdocs_environment

pytestmark = pytest.mark.integration

VNU = PROJECT_ROOT / ".cache" / "vnu" / "vnu.jar"
JAVA = Path("/usr/bin/java")
# The real configuration with its fixes to the theme, but plain pages, no hook and no own assets.
PLAIN_CONFIG = """\
INHERIT: {root}/mkdocs.yml
theme: {{custom_dir: {root}/overrides}}
docs_dir: docs
hooks: []
extra_css: []
extra_javascript: []
nav: [index.md, other.md]
"""
PLAIN_PAGE = "# {title}\n\nSome text with [a link](other.md).\n\n## A section\n\nMore text.\n"


def validate(folder: Path) -> Iterator[tuple[str, str]]:
    """(page, message) for each error the Nu Html Checker finds in the HTML files of `folder`."""
    require(JAVA, "Java")
    require(VNU, "The Nu Html Checker")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    for message in json.loads(result.stderr)["messages"]:
        if message["type"] == "error":
            page = Path(message["url"].removeprefix("file:")).relative_to(folder).as_posix()
            yield page, message["message"]


@pytest.fixture(scope="session")
def plain_material_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("plain")
    (project / "docs").mkdir()
    for name, title in (("index", "Home"), ("other", "Other")):
        (project / "docs" / f"{name}.md").write_text(PLAIN_PAGE.format(title=title), "utf-8")
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG.format(root=PROJECT_ROOT), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        env=mkdocs_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return project / "site"


def errors_beyond_the_theme(site: Path, plain_site: Path) -> list[str]:
    """The errors in `site` that the plain build does not have, as `page: message`."""
    theme_faults = {message for _, message in validate(plain_site)}
    return [
        f"{page}: {message}"
        for page, message in sorted(set(validate(site)))
        if message not in theme_faults
    ]


def test_every_page_is_valid_html_but_for_the_themes_own_faults(
    built_site: Path, plain_material_site: Path
) -> None:
    assert errors_beyond_the_theme(built_site, plain_material_site) == []


def test_the_check_sees_an_error_a_page_adds(
    built_site: Path, plain_material_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    page = (built_site / "index.html").read_text(encoding="utf-8")
    (site / "index.html").write_text(
        page.replace("</article>", '<label for="nowhere">x</label></article>', 1),
        encoding="utf-8",
    )

    errors = errors_beyond_the_theme(site, plain_material_site)

    assert errors == [
        "index.html: The value of the “for” attribute of the “label” element must be the ID of "
        "a non-hidden form control."
    ]
