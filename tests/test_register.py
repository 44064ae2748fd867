"""The register's rules, each with a passing and a failing example in a temporary project."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import yaml

from conftest import (
    EXAMPLE_ARTICLE,
    TODAY,
    ExampleProject,
    run_dossier,
    without_curation,
)
from dossier.adapters.cli import main
from dossier.build import check_project
from dossier.load.new_files import slugify
from dossier.text.folding import fold_for_watch


@pytest.fixture
def register_project(example_project: ExampleProject) -> ExampleProject:
    """A project with one source and two categories, and no question yet."""
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("architecture", "crypto-scheme")
    return example_project


def messages(project: ExampleProject) -> list[str]:
    return [
        str(finding) for finding in without_curation(check_project(project.root, TODAY).findings)
    ]


def test_a_valid_question_loads_with_its_fields_and_resolved_evidence(
    register_project: ExampleProject,
) -> None:
    register_project.add_question(
        "crypto-scheme/keys", body='It names data encryption [@000_abc "El cifrado de datos"].\n'
    )

    checked = check_project(register_project.root, TODAY)

    assert without_curation(checked.findings) == []
    (question,) = checked.questions
    assert (question.id, question.status, question.raised) == (
        "crypto-scheme/keys",
        "open",
        datetime.date(2026, 11, 1),
    )
    cited = sorted((c.citation.place.fragment, c.anchor) for c in checked.citations)
    assert cited == [("cite-1", "p1-s2"), ("evidence-1", "p1-s1")]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"status": "closed"},
            "status: 'closed' is not one of ['open', 'partially-answered', 'answered', 'superseded', 'withdrawn']",
        ),
        ({"priority": None}, "missing field 'priority'"),
        ({"title": "Keys"}, "title: 'Keys' does not match '\\\\?$'"),
        ({"evidence": []}, "evidence: [] should be non-empty"),
        (
            {"evidence": [{"source": "000_abc", "quote": "Italia"}]},
            "evidence.0: missing field 'note'",
        ),
        ({"colour": "red"}, "unknown field 'colour'"),
        ({"raised": "23/11/2026"}, "raised: '23/11/2026' is not a 'date'"),
    ],
)
def test_schema_errors_name_the_field(
    register_project: ExampleProject, fields: dict[str, Any], expected: str
) -> None:
    register_project.add_question("crypto-scheme/keys", **fields)

    found = messages(register_project)

    assert any(f": error: {expected}" in message for message in found), found


def test_schema_errors_point_at_the_line_of_the_field(register_project: ExampleProject) -> None:
    path = register_project.add_question("crypto-scheme/keys", priority="urgent")
    line = path.read_text(encoding="utf-8").splitlines().index("priority: urgent") + 1

    (message,) = messages(register_project)

    assert message.startswith(
        f"docs/register/crypto-scheme/keys.md:{line}: error: priority: 'urgent' is not one of"
    )


def test_an_unknown_category_lists_the_valid_ones(register_project: ExampleProject) -> None:
    register_project.add_question("hardware/terminals", category="hardware")

    (message,) = messages(register_project)

    assert "error: unknown category 'hardware'. Categories: architecture, crypto-scheme." in message


def test_a_category_that_disagrees_with_the_folder_is_an_error(
    register_project: ExampleProject,
) -> None:
    register_project.add_question("crypto-scheme/keys", category="architecture")

    (message,) = messages(register_project)

    assert "error: category 'architecture' disagrees with the folder 'crypto-scheme'" in message


def test_duplicate_titles_are_errors_on_both_files(register_project: ExampleProject) -> None:
    register_project.add_question("crypto-scheme/keys", title="Who holds the keys?")
    register_project.add_question("architecture/keys", title="Who holds the KEYS?")

    found = messages(register_project)

    assert len(found) == 2
    assert "duplicate title 'Who holds the keys?', also in architecture/keys" in found[1]


def test_related_and_superseded_by_must_name_existing_questions(
    register_project: ExampleProject,
) -> None:
    register_project.add_question("crypto-scheme/keys", related=["crypto-scheme/ciphers"])
    register_project.add_question(
        "architecture/tier", status="superseded", superseded_by="architecture/gone"
    )
    register_project.add_question(
        "architecture/gateways", title="Where?", related=["crypto-scheme/keys"]
    )

    found = messages(register_project)

    assert len(found) == 2
    assert "error: related: 'crypto-scheme/ciphers' names no question of the register" in found[1]
    assert "error: superseded_by: 'architecture/gone' names no question of the register" in found[0]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"status": "answered"}, "status is answered but there is no answer"),
        ({"status": "partially-answered"}, "status is partially-answered but there is no answer"),
        ({"status": "superseded"}, "status is superseded but superseded_by is missing"),
        ({"status": "withdrawn"}, "status is withdrawn but there is no reason"),
        ({"raised": "2026-11-24"}, "raised 2026-11-24 is in the future"),
        ({"answer": {"text": "Yes.", "citations": []}}, "answer.citations: [] should be non-empty"),
    ],
)
def test_status_rules(
    register_project: ExampleProject, fields: dict[str, Any], expected: str
) -> None:
    register_project.add_question("crypto-scheme/keys", **fields)

    assert any(expected in message for message in messages(register_project)), messages(
        register_project
    )


def test_an_answered_question_with_a_citation_passes(register_project: ExampleProject) -> None:
    register_project.add_question(
        "crypto-scheme/keys",
        status="answered",
        answer={
            "text": "Data encryption.",
            "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
            "items": [
                {
                    "item": "parameter",
                    "text": "Data encryption.",
                    "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
                }
            ],
        },
    )

    assert messages(register_project) == []


def test_evidence_that_does_not_resolve_is_reported_at_its_line(
    register_project: ExampleProject,
) -> None:
    path = register_project.add_question(
        "crypto-scheme/keys", evidence=[{"source": "000_abc", "quote": "Italia firma", "note": "n"}]
    )
    line = next(
        n
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "Italia firma" in text
    )

    (message,) = messages(register_project)

    assert message.startswith(
        f"docs/register/crypto-scheme/keys.md:{line}: error: quote not found in 000_abc: 'Italia firma'."
    )


def test_watch_hits_in_a_new_source_are_warnings_one_line_per_hit(
    register_project: ExampleProject,
) -> None:
    register_project.add_question("crypto-scheme/keys", watch=["cifrado", "Conexiones", "satélite"])
    register_project.add_seed("001_new", "Usará un satelite. Las conexiones usan CIFRADO fuerte.\n")

    checked = check_project(register_project.root, TODAY)

    warnings = [f.message for f in without_curation(checked.findings)]
    assert warnings == [
        "crypto-scheme/keys: 001_new #p1-s1 contains watch term 'satélite'",
        "crypto-scheme/keys: 001_new #p1-s2 contains watch term 'Conexiones'",
        "crypto-scheme/keys: 001_new #p1-s2 contains watch term 'cifrado'",
    ]
    assert checked.errors == ()
    # The source the question cites and has reviewed is shown on the page, not warned about.
    reviewed_hits = [
        (h.source_id, h.anchor, h.is_news) for h in checked.watch_hits if h.source_id == "000_abc"
    ]
    assert reviewed_hits == [("000_abc", "p1-s2", False), ("000_abc", "p1-s2", False)]


def test_watch_terms_match_whole_words_only(register_project: ExampleProject) -> None:
    register_project.add_question(
        "crypto-scheme/keys", watch=["cifra", "datos protege"], reviewed=[]
    )

    checked = check_project(register_project.root, TODAY)

    assert [(h.term, h.anchor) for h in checked.watch_hits] == [("datos protege", "p1-s2")]


def test_fold_for_watch_ignores_case_and_accents() -> None:
    assert fold_for_watch("Satélite CRITTOGRAFÍA") == fold_for_watch("satelite crittografia")


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Who generates, holds and can revoke the encryption keys?",
            "who-generates-holds-and-can-revoke-the-encryption-keys",
        ),
        ("¿Qué órbita y qué satélites?", "que-orbita-y-que-satelites"),
        (
            "What is the end-to-end latency target, one-way, at the 95th percentile, for voice and data?",
            "what-is-the-end-to-end-latency-target-one-way-at-the-95th",
        ),
    ],
)
def test_slugs_are_ascii_words_of_at_most_sixty_characters(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert len(slug) <= 60


def test_new_question_writes_a_template_dated_today_that_check_then_guides(
    register_project: ExampleProject, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["new-question", "crypto-scheme", "Who can revoke the keys?"]

    assert main([*arguments, "--root", str(register_project.root)]) == 0

    written = capsys.readouterr().out
    assert written == "docs/register/crypto-scheme/who-can-revoke-the-keys.md\n"
    text = (register_project.root / written.strip()).read_text(encoding="utf-8")
    assert 'title: "Who can revoke the keys?"' in text
    assert "raised: 2026-11-23\n" in text  # the frozen clock's date
    found = messages(register_project)
    assert len(found) == 2
    assert (
        "quote not found in 000_abc: 'the exact words of the source closest to the question'"
        in found[0]
    )
    # Until a reviewer pins the source the new question cites, it needs review.
    assert "crypto-scheme/who-can-revoke-the-keys needs re-review: 000_abc" in found[1]


@pytest.mark.integration
def test_new_question_refuses_an_existing_slug_and_an_unknown_category(
    register_project: ExampleProject,
) -> None:
    register_project.add_question("crypto-scheme/who-can-revoke-the-keys")
    before = (
        register_project.root / "docs/register/crypto-scheme/who-can-revoke-the-keys.md"
    ).read_bytes()

    existing = run_dossier(
        "new-question", "crypto-scheme", "Who can revoke the keys?", cwd=register_project.root
    )
    unknown = run_dossier("new-question", "crypto", "Who?", cwd=register_project.root)
    not_a_question = run_dossier("new-question", "crypto-scheme", "Keys", cwd=register_project.root)

    assert existing.returncode == 2
    assert (
        "docs/register/crypto-scheme/who-can-revoke-the-keys.md exists already" in existing.stderr
    )
    assert (
        register_project.root / "docs/register/crypto-scheme/who-can-revoke-the-keys.md"
    ).read_bytes() == before
    assert unknown.returncode == 2
    assert "unknown category 'crypto'; categories: architecture, crypto-scheme" in unknown.stderr
    assert not_a_question.returncode == 2
    assert "is not a question; end it with '?'" in not_a_question.stderr


@pytest.mark.integration
def test_new_question_writes_the_title_exactly(register_project: ExampleProject) -> None:
    title = 'Who said "no": and #why?'

    result = run_dossier("new-question", "crypto-scheme", title, cwd=register_project.root)

    written = (register_project.root / result.stdout.strip()).read_text(encoding="utf-8")
    assert yaml.safe_load(written.split("---\n")[1])["title"] == title
