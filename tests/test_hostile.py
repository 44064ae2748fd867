"""Hostile and malformed input: shown as text, never run; reported, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from conftest import (
    PROJECT_ROOT,
    TODAY,
    ExampleProject,
    mkdocs_build,
    run_dossier,
    tree_snapshot,
    valid_sidecar,
)
from dossier.build import check_project
from dossier.load.segmentation import segment
from dossier.model.sources import Source, SourceMetadata
from dossier.render.pages import render_pages
from dossier.render.sources import build_view, render_source_page
from dossier.render.templating import environment

HOSTILE_LINES = (
    "<script>alert('seed')</script> Primera frase.",
    '<img src="https://evil.example/x.png" onerror="alert(1)"> Segunda frase.',
    "Un [enlace](javascript:alert(1)) y una ![imagen](https://evil.example/y.png) aquí.",
    '--8<-- "/etc/passwd"',
    '!!! danger "Admonición"',
    '<div onclick="alert(2)">HTML crudo</div> y *énfasis* y `código`.',
)
HOSTILE_ARTICLE = "\n\n".join(HOSTILE_LINES) + "\n"


def add_hostile_source(root: Path) -> None:
    data = HOSTILE_ARTICLE.encode()
    (root / "seeds" / "002_0000000000000bad.txt").write_bytes(data)
    sidecar = valid_sidecar(data).replace(
        "title: A test article", "title: '<img src=x onerror=alert(3)> Título'"
    )
    sidecar += "notes: '<script>alert(4)</script> [x](javascript:alert(5))'\n"
    (root / "seeds" / "002_0000000000000bad.yml").write_text(sidecar, encoding="utf-8")


def add_hostile_question(root: Path) -> None:
    path = root / "docs" / "register" / "crypto-scheme" / "hostile.md"
    path.write_text(
        "---\n"
        "title: '<script>alert(6)</script> Who?'\n"
        "category: crypto-scheme\nstatus: open\npriority: low\nraised: 2026-11-01\n"
        "basis: inference\nresolve_before: operation\n"
        "evidence:\n  - source: 000_7edff155f20879db\n    quote: Italia negocia\n"
        "    note: '<img src=x onerror=alert(7)>'\n"
        "missing: [{id: click, text: '[click](javascript:alert(8))'}]\nwatch: [zzzz-no-such-term]\n"
        "reviewed:\n"
        + "".join(
            f"  - {{source: {source}, sha256: {'a' * 64}}}\n"
            for source in ("000_7edff155f20879db", "001_de767ab6f4448240", "002_0000000000000bad")
        )
        + "---\n"
        '<script>alert(9)</script>\n\n--8<-- "/etc/passwd"\n\n!!! note\n    Not an admonition.\n',
        encoding="utf-8",
    )


def scripts_and_handlers(soup: BeautifulSoup) -> list[str]:
    found = [
        str(tag)[:80]
        for tag in soup.find_all("script")
        if not tag.get("src") and "alert" in tag.get_text()
    ]
    found += [
        str(tag)[:80] for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)
    ]
    found += [
        str(tag)[:80] for tag in soup.find_all("a", href=re.compile(r"^\s*javascript:", re.I))
    ]
    found += [str(tag)[:80] for tag in soup.find_all("img", src=re.compile("evil"))]
    found += [str(tag)[:80] for tag in soup.select(".admonition.danger, .admonition.note")]
    return found


@pytest.mark.integration
def test_hostile_text_in_seeds_sidecars_and_questions_is_shown_not_run(
    project_copy: Path, tmp_path: Path
) -> None:
    add_hostile_source(project_copy)
    add_hostile_question(project_copy)
    before = tree_snapshot(project_copy)

    # Not strict: the hostile source is uncurated, which is a warning.
    result = mkdocs_build(project_copy, tmp_path / "site", strict=False)

    assert result.returncode == 0, result.stderr
    assert tree_snapshot(project_copy) == before
    source = BeautifulSoup(
        (tmp_path / "site/sources/002_0000000000000bad/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    question = BeautifulSoup(
        (tmp_path / "site/register/crypto-scheme/hostile/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert scripts_and_handlers(source) == []
    assert scripts_and_handlers(question) == []
    paragraphs = [p.get_text() for p in source.select(".dossier-text p")]
    assert paragraphs == list(HOSTILE_LINES)
    assert [h1.get_text().removesuffix("¶") for h1 in source.select("h1")] == [
        "<img src=x onerror=alert(3)> Título"
    ]
    assert "<script>alert(4)</script> [x](javascript:alert(5))" in source.get_text()
    header_titles = [
        t.get_text() for t in source.select(".md-header__topic[data-md-component=header-topic]")
    ]
    assert [title.strip() for title in header_titles] == ["<img src=x onerror=alert(3)> Título"]
    assert "<script>alert(9)</script>" in question.get_text()
    assert '--8<-- "/etc/passwd"' in question.get_text()
    assert "root:" not in question.get_text() + source.get_text()


@pytest.fixture(scope="module")
def markdown_converter() -> markdown.Markdown:
    """Python-Markdown with the site's own extensions and settings, as MkDocs would run it."""
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )


def source_page_html(text: str, converter: markdown.Markdown) -> BeautifulSoup:
    metadata = SourceMetadata(
        title=text or "Untitled", language="es", kind="news", outlet=text or None, published=None, url=None,
        reports_cited=(text,) if text else (), sha256="0" * 64, notes=text or None, date_evidence=None,
        abstract=None, abstract_line=1, claims=(), quotations=(),
    )  # fmt: skip
    source = Source(
        "000_x", "seeds/000_x.txt", "seeds/000_x.yml", metadata, text, segment(text, "es")
    )
    page = render_source_page(source, build_view((source,), (), (), {}), environment())
    body = page.split("---\n", 2)[2]
    converter.reset()
    return BeautifulSoup(converter.convert(body), "html.parser")


def element_shapes(soup: BeautifulSoup) -> set[tuple[str, tuple[str, ...]]]:
    return {(tag.name, tuple(sorted(tag.attrs))) for tag in soup.find_all(True)}


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"
        ),
        min_size=1,
        max_size=120,
    ).filter(str.strip)
)
def test_any_text_renders_as_that_text_and_adds_no_element(
    text: str, markdown_converter: markdown.Markdown
) -> None:
    benign = element_shapes(
        source_page_html("Una frase tranquila. Otra frase.", markdown_converter)
    )

    soup = source_page_html(text, markdown_converter)

    assert element_shapes(soup) <= benign | {("p", ("id",))}
    sentences = [span.get_text() for span in soup.select(".dossier-sentence")]
    assert "".join("".join(s.split()) for s in sentences) == "".join(text.split())


@pytest.mark.integration
def test_malformed_files_are_findings_all_in_one_run(
    example_project: ExampleProject, tmp_path: Path
) -> None:
    example_project.add_seed("000_ok", "Una frase.\n")
    example_project.add_seed("001_sidecar", "Otra frase.\n", sidecar="")
    (example_project.seeds / "002_latin.txt").write_text("Tercera frase.\n", encoding="utf-8")
    (example_project.seeds / "002_latin.yml").write_bytes("title: Título\n".encode("latin-1"))
    example_project.add_categories("crypto-scheme")
    register = example_project.root / "docs" / "register" / "crypto-scheme"
    register.mkdir()
    (register / "latin.md").write_bytes("---\ntitle: ¿Qué?\n---\n".encode("latin-1"))
    (register / "types.md").write_text(
        "---\ntitle: [not, a, string]\nraised: yesterday\n---\nBody.\n", encoding="utf-8"
    )
    (register / "empty.md").write_text("", encoding="utf-8")
    (register / "dates.md").write_text(
        "---\ntitle: When?\nraised: 2026-02-30\n---\n", encoding="utf-8"
    )
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: Outside?\n---\n", encoding="utf-8")
    (register / "linked.md").symlink_to(outside)
    before = tree_snapshot(example_project.root)

    result = run_dossier("check", cwd=example_project.root)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    expected = [
        "docs/register/crypto-scheme/dates.md:3: error: invalid YAML: not a valid date",
        "docs/register/crypto-scheme/empty.md:1: error: no front matter.",
        "docs/register/crypto-scheme/latin.md:2: error: not UTF-8 text (byte 0xbf at offset 11).",
        "docs/register/crypto-scheme/linked.md:1: error: a link to a file outside docs/register/.",
        "docs/register/crypto-scheme/types.md:2: error: title: ['not', 'a', 'string'] is not of type 'string'.",
        "docs/register/crypto-scheme/types.md:3: error: raised: 'yesterday' is not a 'date'.",
        "seeds/001_sidecar.yml:1: error: the sidecar is not a mapping of fields.",
        "seeds/002_latin.yml:1: error: not UTF-8 text (byte 0xed at offset 8).",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert tree_snapshot(example_project.root) == before


@pytest.mark.integration
def test_a_failed_build_leaves_the_previous_site_and_no_partial_one(project_copy: Path) -> None:
    (project_copy / "Makefile").write_bytes((PROJECT_ROOT / "Makefile").read_bytes())
    (project_copy / "requirements.txt").write_bytes(
        (PROJECT_ROOT / "requirements.txt").read_bytes()
    )
    (project_copy / "pyproject.toml").write_bytes((PROJECT_ROOT / "pyproject.toml").read_bytes())
    venv = Path(sys.executable).parent.parent
    # The test's own environment, taken as up to date (-o): the copy must not reinstall into it.
    make = ["make", "--no-print-directory", "-o", f"{venv}/.installed", "build", f"VENV={venv}"]
    first = subprocess.run(
        make, cwd=project_copy, capture_output=True, text=True, timeout=300, check=False
    )
    assert first.returncode == 0, first.stderr
    built = tree_snapshot(project_copy / "site")
    sidecar = project_copy / "seeds" / "000_7edff155f20879db.yml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("language: es", "language: xx"),
        encoding="utf-8",
    )

    second = subprocess.run(
        make, cwd=project_copy, capture_output=True, text=True, timeout=300, check=False
    )

    assert second.returncode != 0
    assert "seeds/000_7edff155f20879db.yml:2: error: language: 'xx' is not one of" in second.stderr
    assert tree_snapshot(project_copy / "site") == built
    assert not (project_copy / "site.partial").exists()


@pytest.mark.integration
def test_a_ten_megabyte_seed_gets_a_page_anchored_from_its_first_to_its_last_sentence(
    example_project: ExampleProject,
) -> None:
    count = 10_000_000 // len("El párrafo 000000 empieza aquí. Y el párrafo 000000 acaba aquí.\n\n")
    paragraphs = [
        f"El párrafo {n} empieza aquí. Y el párrafo {n} acaba aquí." for n in range(1, count + 2)
    ]
    text = "\n\n".join(paragraphs) + "\n"
    assert len(text.encode()) >= 10_000_000
    example_project.add_seed("000_big", text)

    checked = check_project(example_project.root, TODAY)
    page = render_pages(checked, TODAY)["sources/000_big.md"]

    assert checked.errors == ()
    assert 'id="p1-s1" lang="es">El párrafo 1 empieza aquí.</span>' in page
    last = count + 1
    assert f'id="p{last}-s2" lang="es">Y el párrafo {last} acaba aquí.</span>' in page
    assert f'id="p{last + 1}-s1"' not in page
