"""Claims of absence: `[@SOURCE !"term"]` is checked against the whole text, now and later."""

from __future__ import annotations

import datetime
import hashlib
import re
from pathlib import Path

import pytest

from conftest import AFTER_ALL_CONTENT, ExampleProject, without_curation
from dossier.build import check_project
from dossier.render.pages import render_pages

TODAY = datetime.date(2026, 11, 23)
ARTICLE = "Italia negocia con SpaceX. El cifrado de datos protege las conexiones del satélite.\n"


def errors_of(project: ExampleProject, page: str) -> list[str]:
    (project.root / "docs").mkdir(exist_ok=True)
    (project.root / "docs" / "page.md").write_text(f"# Page\n\n{page}\n", encoding="utf-8")
    return [str(f) for f in without_curation(check_project(project.root, TODAY).findings)]


@pytest.fixture
def project(example_project: ExampleProject) -> ExampleProject:
    example_project.add_seed("000_abc", ARTICLE)
    return example_project


@pytest.mark.parametrize(
    "page",
    [
        'It names no scheme [@000_abc !"AES" "RSA"].',
        'Nor any figure [@all !"Mbit"].',
        'Its only word for it [@000_abc "El cifrado de datos" !"cifr"].',
    ],
)
def test_a_true_claim_of_absence_passes(project: ExampleProject, page: str) -> None:
    assert errors_of(project, page) == []


@pytest.mark.parametrize(
    ("term", "anchor"), [("cifrado", "p1-s2"), ("Cifr", "p1-s2"), ("satelite", "p1-s2")]
)
def test_a_term_the_text_has_is_an_error_whatever_its_case_and_accents(
    project: ExampleProject, term: str, anchor: str
) -> None:
    (error,) = errors_of(project, f'No encryption [@000_abc !"{term}"].')

    assert error.startswith(
        f"docs/page.md:3: error: says 000_abc lacks '{term}', but it has it at #{anchor}: "
    )
    assert error.endswith(
        "Cite that passage, or reword the statement so it says no more than the sources."
    )


def test_terms_match_at_the_start_of_words_only(project: ExampleProject) -> None:
    assert errors_of(project, 'No "ifrado" [@000_abc !"ifrado" "tos"].') == []


def test_the_only_mention_fails_when_the_term_occurs_outside_the_quote(
    project: ExampleProject,
) -> None:
    project.add_seed("001_def", "El cifrado de datos importa. Y el cifrado de voz también.\n")

    (error,) = errors_of(project, 'Only here [@001_def "El cifrado de datos" !"cifr"].')

    assert "says 001_def lacks 'cifr', but it has it outside the quoted passage at #p1-s2" in error


def test_a_source_added_later_with_the_term_breaks_a_claim_about_all_sources(
    project: ExampleProject,
) -> None:
    claims = 'No figure [@all !"Mbit"]. None in the first [@000_abc !"Mbit"].'
    assert errors_of(project, claims) == []

    project.add_seed("001_def", "La capacidad es de 100 Mbit/s por terminal.\n")

    (error,) = errors_of(project, claims)
    assert error.startswith(
        "docs/page.md:3: error: says 001_def lacks 'Mbit', but it has it at #p1-s1"
    )


def test_an_unknown_source_and_a_quote_from_all_are_errors(project: ExampleProject) -> None:
    found = errors_of(project, '[@000_xyz !"x"] and [@all "Italia negocia"].')

    assert found == [
        "docs/page.md:3: error: a quote needs one source, not 'all': 'Italia negocia'. "
        "Name the source the words are quoted from.",
        "docs/page.md:3: error: claim of absence about unknown source '000_xyz'. "
        "Known sources: 000_abc, or all.",
    ]


def test_the_page_says_where_the_terms_were_searched_for(project: ExampleProject) -> None:
    (project.root / "docs").mkdir()
    (project.root / "docs" / "page.md").write_text(
        '# Page\n\nNo scheme [@000_abc !"AES" "RSA"]; none in any [@all !"Mbit"]; '
        'only [@000_abc "El cifrado de datos" !"cifr"].\n',
        encoding="utf-8",
    )
    checked = check_project(project.root, TODAY)

    page = render_pages(checked, TODAY)["page.md"]

    assert (
        'No scheme <span class="dossier-absence" id="cite-absent-1">(not in the text of '
        "[000](sources/000_abc.md); searched: “AES”, “RSA”)</span>; "
        'none in any <span class="dossier-absence" id="cite-absent-2">(in none of the sources; '
        "searched: “Mbit”)</span>; only "
    ) in page
    assert page.endswith(
        '{#cite-1 .dossier-cite} <span class="dossier-absence">(nowhere else in the text; '
        "searched: “cifr”)</span>.\n"
    )


@pytest.mark.integration
def test_a_seed_given_a_word_the_register_says_it_lacks_breaks_every_claim_naming_it(
    project_copy: Path,
) -> None:
    italian = "001_de767ab6f4448240"
    seed, sidecar = (
        project_copy / "seeds" / f"{italian}.txt",
        project_copy / "seeds" / f"{italian}.yml",
    )
    before = seed.read_bytes()
    after = before.rstrip(b"\n") + b" Il servizio userebbe satelliti.\n"
    seed.write_bytes(after)
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace(
            hashlib.sha256(before).hexdigest(), hashlib.sha256(after).hexdigest()
        ),
        encoding="utf-8",
    )
    # Read independently of the code: every claim of absence about this source or all sources
    # that names a term "satelliti" starts with.
    written = [
        *sorted((project_copy / "docs").rglob("*.md")),
        project_copy / "seeds" / "topics.yml",
    ]
    claims = {
        (path.relative_to(project_copy).as_posix(), number)
        for path in written
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in re.finditer(rf'\[@(?:{italian}|all)\s+!((?:\s*"[^"]*")+)\]', line)
        if any("satelliti".startswith(term.lower()) for term in re.findall(r'"([^"]*)"', match[1]))
    }
    assert len(claims) >= 2

    found = check_project(project_copy, AFTER_ALL_CONTENT).errors

    broken = {(f.path, f.line) for f in found if f"says {italian} lacks" in f.message}
    assert broken == claims
