"""The lifecycle in review: `diff --check` fails on each status change the rules forbid."""

from __future__ import annotations

import datetime
import subprocess
from typing import Any

import pytest

from conftest import EXAMPLE_ARTICLE, ExampleProject, git, run_dossier, without_curation
from dossier.build import check_project
from dossier.checks.lifecycle import met_items
from dossier.load.register_state import read_state
from dossier.render.pages import render_pages

TODAY = datetime.date(2026, 11, 23)
CITED = [{"source": "000_abc", "quote": "El cifrado de datos"}]
MISSING = [
    {"id": "authority", "text": "key-generation authority"},
    {"id": "escrow", "text": "key escrow"},
]


def answer(*item_ids: str) -> dict[str, Any]:
    return {
        "text": "In brief.",
        "items": [{"item": i, "text": "Named.", "citations": CITED} for i in item_ids],
    }


def keys(project: ExampleProject, **fields: Any) -> None:
    """Write crypto-scheme/keys, a question with two items, with `fields` changed."""
    project.add_question(
        "crypto-scheme/keys", title="Who holds the keys?", missing=MISSING, **fields
    )


@pytest.fixture
def repository(example_project: ExampleProject) -> ExampleProject:
    """A git repository whose register holds crypto-scheme/keys, open, committed as `base`."""
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme")
    keys(example_project)
    example_project.add_question("crypto-scheme/ciphers", title="Which ciphers?")
    git(example_project.root, "init", "-q", "-b", "main")
    git(example_project.root, "add", "-A")
    git(example_project.root, "commit", "-q", "-m", "base")
    git(example_project.root, "tag", "base")
    return example_project


def diff_check(project: ExampleProject) -> subprocess.CompletedProcess[str]:
    return run_dossier("diff", "--check", "base", cwd=project.root)


def check_messages(project: ExampleProject) -> list[str]:
    return [str(f) for f in without_curation(check_project(project.root, TODAY).findings)]


def test_each_step_with_its_item_citations_passes(repository: ExampleProject) -> None:
    keys(repository, status="partially-answered", answer=answer("authority"))
    step = diff_check(repository)
    git(repository.root, "commit", "-qam", "partly")
    git(repository.root, "tag", "-f", "base")
    keys(repository, status="answered", answer=answer("authority", "escrow"))
    final = diff_check(repository)

    assert (step.returncode, final.returncode) == (0, 0), step.stderr + final.stderr
    assert "Lifecycle rules broken" not in final.stdout
    assert "**partially-answered → answered**" in final.stdout
    assert check_messages(repository) == []


@pytest.mark.parametrize(
    ("fields", "rule", "fix"),
    [
        (
            {"status": "answered", "answer": answer("authority")},
            "crypto-scheme/keys: open → answered breaks the rule "
            "'answered means every item is met, with a citation'",
            "Answer escrow under `answer.items` with citations",
        ),
        (
            {"status": "partially-answered", "answer": {"text": "A one-line answer."}},
            "crypto-scheme/keys: open → partially-answered breaks the rule "
            "'partially-answered means at least one item is met, with a citation'",
            "Answer an item under `answer.items` with a citation",
        ),
        (
            {"status": "superseded", "superseded_by": "crypto-scheme/no-such"},
            "crypto-scheme/keys: open → superseded breaks the rule "
            "'superseded names an existing question'",
            "Set `superseded_by:` to the id of the question that replaces it "
            "(now 'crypto-scheme/no-such')",
        ),
        (
            {"status": "withdrawn"},
            "crypto-scheme/keys: open → withdrawn breaks the rule 'withdrawn says why'",
            "Say why in `reason:`.",
        ),
    ],
)
def test_a_status_change_that_breaks_a_rule_fails_the_review_and_check(
    repository: ExampleProject, fields: dict[str, Any], rule: str, fix: str
) -> None:
    keys(repository, **fields)

    result = diff_check(repository)

    assert result.returncode == 1
    line = next(
        number
        for number, text in enumerate(
            (repository.root / "docs/register/crypto-scheme/keys.md").read_text().splitlines(), 1
        )
        if text.startswith("status:")
    )
    assert f"docs/register/crypto-scheme/keys.md:{line}: error: {rule}. {fix}" in result.stderr
    assert f"### Lifecycle rules broken (1)\n\n- `docs/register/crypto-scheme/keys.md:{line}`" in (
        result.stdout
    )
    assert check_messages(repository) != []  # `check` rejects the same file on its own


def test_re_opening_an_answered_question_needs_new_evidence_or_a_note(
    repository: ExampleProject,
) -> None:
    keys(repository, status="answered", answer=answer("authority", "escrow"))
    git(repository.root, "commit", "-qam", "answered")
    git(repository.root, "tag", "-f", "base")

    keys(repository, status="open")
    bare = diff_check(repository)
    keys(repository, status="open", body="A later report contradicts the answer.\n")
    explained = diff_check(repository)

    assert bare.returncode == 1
    assert (
        "crypto-scheme/keys: answered → open breaks the rule "
        "'re-opening needs new evidence or a note'. Add the evidence that re-opens it"
    ) in bare.stderr
    assert explained.returncode == 0, explained.stderr
    assert check_messages(repository) == []  # so only the review can catch it


def test_a_removed_question_fails_the_review(repository: ExampleProject) -> None:
    (repository.root / "docs/register/crypto-scheme/ciphers.md").unlink()

    result = diff_check(repository)

    assert result.returncode == 1
    assert (
        "docs/register/crypto-scheme/ciphers.md:1: error: crypto-scheme/ciphers was removed, "
        "which breaks the rule 'ids are permanent'. Restore docs/register/crypto-scheme/ciphers.md "
        "and set `status: withdrawn` with a `reason:`, or `status: superseded` with "
        "`superseded_by:`"
    ) in result.stderr


def test_a_renamed_question_fails_the_review_and_says_how_to_supersede_it(
    repository: ExampleProject,
) -> None:
    folder = repository.root / "docs/register/crypto-scheme"
    (folder / "ciphers.md").rename(folder / "cipher-suites.md")

    result = diff_check(repository)

    assert result.returncode == 1
    assert (
        "crypto-scheme/ciphers was renamed to crypto-scheme/cipher-suites, which breaks the rule "
        "'ids are permanent'. Restore docs/register/crypto-scheme/ciphers.md with "
        "`status: superseded` and `superseded_by: crypto-scheme/cipher-suites`"
    ) in result.stderr


def test_without_check_the_diff_reports_and_exits_0(repository: ExampleProject) -> None:
    (repository.root / "docs/register/crypto-scheme/ciphers.md").unlink()

    result = run_dossier("diff", "base", cwd=repository.root)

    assert result.returncode == 0
    assert "### Lifecycle rules broken (1)" in result.stdout


def test_a_superseded_question_passes_and_its_page_links_to_its_successor(
    repository: ExampleProject,
) -> None:
    repository.add_question(
        "crypto-scheme/ciphers",
        title="Which ciphers?",
        status="superseded",
        superseded_by="crypto-scheme/keys",
    )

    result = diff_check(repository)
    pages = render_pages(check_project(repository.root, TODAY), TODAY)

    assert result.returncode == 0, result.stderr
    page = pages["register/crypto-scheme/ciphers.md"]
    assert (
        '!!! warning "Superseded"\n'
        "    This question is closed: [Who holds the keys?](keys.md) replaces it."
    ) in page
    assert page.index("Superseded") < page.index("## What the sources say")


def test_values_of_the_wrong_type_are_reported_not_a_crash(repository: ExampleProject) -> None:
    # What check rejects at HEAD, the review still reads: a list where text belongs, a number
    # for a key.
    keys(repository, status=["open"])
    path = repository.root / "docs/register/crypto-scheme/keys.md"
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\n1: x\n", 1), "utf-8")
    listed = diff_check(repository)
    keys(repository, status="superseded", superseded_by=["crypto-scheme/ciphers"])
    superseded = diff_check(repository)

    assert listed.returncode == 0, listed.stderr
    assert "**open → \\['open'\\]**" in listed.stdout
    assert superseded.returncode == 1, superseded.stderr
    assert "breaks the rule 'superseded names an existing question'" in superseded.stderr
    assert "Traceback" not in listed.stderr + superseded.stderr


def test_the_review_and_check_agree_on_which_items_are_met(repository: ExampleProject) -> None:
    # The review reads raw front matter leniently, check reads the model: one rule, two readers.
    entries = [
        {"item": "authority", "text": "The state.", "citations": CITED},
        {"item": "escrow", "not_applicable": "No escrow.", "citations": CITED},
    ]
    for met in (entries, entries[:1], entries[1:], []):
        keys(
            repository,
            status="open" if not met else "answered",
            answer={"text": "In brief.", "items": met} if met else None,
        )
        (question,) = [
            q for q in check_project(repository.root, TODAY).questions if q.id.endswith("keys")
        ]
        front_matter = read_state(repository.root).questions["crypto-scheme/keys"].front_matter

        assert met_items(front_matter)[1] == list(question.open_items())
