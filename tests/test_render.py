"""Generated pages: what a source page and the sources index say, and that text stays inert."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from conftest import ExampleProject
from dossier.checks import check_project
from dossier.render import escape_text, render_pages
from dossier.sources import load_sources

Golden = Callable[[str, str], None]

ARTICLE = (
    "Italia negocia un acuerdo de 1.500 millones de euros con SpaceX.\n\n"
    "«Es ridículo», manifestó la oficina. El Sr. García calló.\n"
)


def test_a_source_page_matches_its_golden_file(
    example_project: ExampleProject, golden: Golden
) -> None:
    example_project.add_seed("000_abc", ARTICLE)
    notes = example_project.root / "docs" / "notes"
    notes.mkdir(parents=True)
    (notes / "denial.md").write_text(
        '# The denial\n\nCalled ridiculous [@000_abc "Es ridículo"] [@000_abc "ridículo», manifestó"].\n',
        encoding="utf-8",
    )
    checked = check_project(example_project.root)
    assert checked.findings == ()

    pages = render_pages(checked.sources, checked.citations)

    golden("source_page.md", pages["sources/000_abc.md"])


def test_the_sources_index_matches_its_golden_file(
    example_project: ExampleProject, golden: Golden
) -> None:
    example_project.add_seed("001_def", "L’Italia tratta con SpaceX.", language="it")
    example_project.add_seed("000_abc", ARTICLE)
    pages = render_pages(load_sources(example_project.root).sources, ())

    assert list(pages) == ["sources/index.md", "sources/000_abc.md", "sources/001_def.md"]
    golden("sources_index.md", pages["sources/index.md"])


def test_rendering_twice_gives_the_same_pages(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", ARTICLE)
    sources = load_sources(example_project.root).sources

    assert render_pages(sources, ()) == render_pages(tuple(reversed(sources)), ())
    assert render_pages(sources, ()) == render_pages(load_sources(example_project.root).sources, ())


@given(st.text())
def test_escaped_text_reads_back_as_the_same_text(text: str) -> None:
    assert html.unescape(escape_text(text)) == text


@given(st.text())
def test_escaped_text_has_no_markup_character_left(text: str) -> None:
    outside_references = re.sub(r"&#[0-9]+;", "", escape_text(text))

    assert not set(outside_references) & set("&<>\"'`*_[]()!|~^=:$\\{}#+-\n")
