"""Generated pages: what a source page and the sources index say, and that text stays inert."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from conftest import TODAY, ExampleProject, without_curation
from dossier.build import check_project
from dossier.render.pages import render_pages

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
    checked = check_project(example_project.root, TODAY)
    assert without_curation(checked.findings) == []

    pages = render_pages(checked, TODAY)

    golden("source_page.md", pages["sources/000_abc.md"])


def test_the_sources_index_matches_its_golden_file(
    example_project: ExampleProject, golden: Golden
) -> None:
    example_project.add_seed("001_def", "L’Italia tratta con SpaceX.", language="it")
    example_project.add_seed("000_abc", ARTICLE)
    pages = render_pages(check_project(example_project.root, TODAY), TODAY)

    assert [path for path in pages if path.startswith("sources/")] == [
        "sources/index.md",
        "sources/000_abc.md",
        "sources/001_def.md",
    ]
    golden("sources_index.md", pages["sources/index.md"])


def test_rendering_twice_gives_the_same_pages(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", ARTICLE)
    example_project.add_seed("001_def", "L’Italia tratta con SpaceX.", language="it")
    checked = check_project(example_project.root, TODAY)
    reordered = dataclasses.replace(
        checked, sources=checked.sources[::-1], citations=checked.citations[::-1]
    )

    assert render_pages(checked, TODAY) == render_pages(reordered, TODAY)
    assert render_pages(checked, TODAY) == render_pages(
        check_project(example_project.root, TODAY), TODAY
    )


def test_hand_written_pages_come_back_with_citations_linked_and_the_register_summary(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", ARTICLE)
    example_project.add_categories("crypto-scheme")
    example_project.add_question(
        "crypto-scheme/keys", evidence=[{"source": "000_abc", "quote": "Es ridículo", "note": "n"}]
    )
    (example_project.root / "docs" / "index.md").write_text(
        '# Home\n\nA denial [@000_abc "Es ridículo"].\n\n<!-- dossier: register summary -->\n\nEnd.\n',
        encoding="utf-8",
    )

    pages = render_pages(check_project(example_project.root, TODAY), TODAY)

    home = pages["index.md"]
    assert (
        '[\\[000 p2&#45;s1\\]](sources/000_abc.md#p2-s1 "Es ridículo"){#cite-1 .dossier-cite}'
        in home
    )
    assert (
        "The [register](register/index.md) holds 1 questions, 1 of them open, as of 2026-11-23"
        in home
    )
    assert (
        "| [Crypto&#45;Scheme](register/crypto-scheme/index.md) | 1 | 0 | 0 | 0 | 0 | 1 |" in home
    )
    assert "<!-- dossier" not in home


def test_a_hand_written_page_where_the_dossier_generates_one_is_an_error(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", ARTICLE)
    (example_project.root / "docs" / "sources").mkdir(parents=True)
    (example_project.root / "docs" / "sources" / "index.md").write_text(
        "# Mine\n", encoding="utf-8"
    )

    (finding,) = check_project(example_project.root, TODAY).errors

    assert str(finding).startswith(
        "docs/sources/index.md:1: error: the dossier generates this page; a hand-written one would be replaced."
    )
