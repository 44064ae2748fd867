"""Answers item by item: a status says how many items of `missing` are met, and check holds it."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE_ARTICLE, ExampleProject, run_dossier, without_curation
from dossier.build import check_project

TODAY = datetime.date(2026, 11, 23)
CITED = [{"source": "000_abc", "quote": "El cifrado de datos"}]
MISSING = [
    {"id": "key-generation", "text": "key-generation authority (Italian state or supplier)"},
    {"id": "escrow", "text": "key escrow arrangements"},
]


def item(item_id: str, **fields: Any) -> dict[str, Any]:
    """An entry of answer.items; a field given as None is left out."""
    entry = {"item": item_id, "citations": CITED, "text": "Data encryption."} | fields
    return {key: value for key, value in entry.items() if value is not None}


@pytest.fixture
def project(example_project: ExampleProject) -> ExampleProject:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme")
    return example_project


def messages(project: ExampleProject, status: str, items: list[dict[str, Any]] | None) -> list[str]:
    answer = None if items is None else {"text": "In brief.", "items": items}
    project.add_question("crypto-scheme/keys", status=status, missing=MISSING, answer=answer)
    return [str(f) for f in without_curation(check_project(project.root, TODAY).findings)]


@pytest.mark.parametrize(
    ("status", "items"),
    [
        ("open", None),
        ("partially-answered", [item("key-generation")]),
        ("answered", [item("key-generation"), item("escrow")]),
        (
            "answered",
            [item("key-generation"), item("escrow", text=None, not_applicable="No escrow.")],
        ),
        ("withdrawn", [item("key-generation")]),
    ],
)
def test_a_status_that_agrees_with_its_items_passes(
    project: ExampleProject, status: str, items: list[dict[str, Any]] | None
) -> None:
    extra = {"reason": "Out of scope."} if status == "withdrawn" else {}
    answer = None if items is None else {"text": "In brief.", "items": items}
    project.add_question(
        "crypto-scheme/keys", status=status, missing=MISSING, answer=answer, **extra
    )

    assert without_curation(check_project(project.root, TODAY).findings) == []


@pytest.mark.parametrize(
    ("status", "items", "expected"),
    [
        (
            "answered",
            [item("key-generation")],
            "error: status is answered but item(s) escrow are still open. Answer each under "
            "`answer.items` with a citation, declare it `not_applicable` with a reason and a "
            "citation, or set `status: partially-answered`.",
        ),
        (
            "answered",
            [],
            "error: status is answered but item(s) key-generation, escrow are still open.",
        ),
        (
            "partially-answered",
            [],
            "error: status is partially-answered but no item is answered; "
            "open: key-generation, escrow.",
        ),
        (
            "partially-answered",
            [item("key-generation"), item("escrow")],
            "error: status is partially-answered but every item is answered. "
            "Set `status: answered`.",
        ),
        (
            "open",
            [item("escrow")],
            "error: status is open but item(s) escrow are answered.",
        ),
        (
            "partially-answered",
            [item("key-generation"), item("signing")],
            "error: answer.items: 'signing' is no item of missing. "
            "Name one of the question's items: key-generation, escrow.",
        ),
        (
            "partially-answered",
            [item("key-generation"), item("key-generation")],
            "error: answer.items: 'key-generation' is answered twice.",
        ),
        (
            "partially-answered",
            [item("key-generation", not_applicable="No keys.")],  # and text: both
            "error: answer.items: 'key-generation' needs either `text` or `not_applicable`.",
        ),
        (
            "partially-answered",
            [item("key-generation", citations=[])],
            "answer.items.0.citations: [] should be non-empty",
        ),
    ],
)
def test_check_rejects_a_status_its_items_do_not_bear_out(
    project: ExampleProject, status: str, items: list[dict[str, Any]], expected: str
) -> None:
    found = messages(project, status, items)

    assert any(expected in message for message in found), found


def test_a_duplicate_item_id_is_an_error(project: ExampleProject) -> None:
    project.add_question(
        "crypto-scheme/keys", missing=[{"id": "keys", "text": "a"}, {"id": "keys", "text": "b"}]
    )

    (message,) = [str(f) for f in without_curation(check_project(project.root, TODAY).findings)]

    assert message.startswith("docs/register/crypto-scheme/keys.md:")
    assert "error: missing: the id 'keys' is used 2 times." in message


def test_an_item_id_must_be_a_slug(project: ExampleProject) -> None:
    project.add_question("crypto-scheme/keys", missing=[{"id": "Key Gen", "text": "a"}])

    found = [str(f) for f in check_project(project.root, TODAY).findings]

    assert any("missing.0.id" in message for message in found), found


def test_a_one_line_answer_no_longer_closes_a_real_question(project_copy: Path) -> None:
    """Issue 15, as a user found it: a later article, and a one-line answer that cites it."""
    article = project_copy.parent / "later.txt"
    article.write_text("Il governo ha firmato il contratto con SpaceX.\n", encoding="utf-8")
    added = run_dossier("add-source", str(article), "--language", "it", cwd=project_copy)
    source_id = Path(added.stdout.strip()).stem
    path = project_copy / "docs/register/schedule/negotiation-status.md"
    text = path.read_text(encoding="utf-8").replace("status: open", "status: answered")
    path.write_text(
        text.replace(
            "answer: null",
            "answer:\n  text: The contract is signed.\n  citations:\n"
            f"    - source: {source_id}\n      quote: ha firmato il contratto",
        ),
        encoding="utf-8",
    )

    result = run_dossier("check", cwd=project_copy)

    assert result.returncode == 1
    assert (
        "docs/register/schedule/negotiation-status.md:4: error: status is answered but item(s) "
        "record-position-italian, stage-reached-exploratory, date-signature, denial-covered-deal "
        "are still open."
    ) in result.stdout
