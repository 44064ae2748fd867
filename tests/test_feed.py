"""The register's Atom change feed, read with a feed parser as a reader's feed client reads it."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
import time_machine

from conftest import EXAMPLE_ARTICLE, TODAY, ExampleProject, commit_all, git, pin
from dossier.adapters.cli import main
from dossier.adapters.git import history, project_history
from dossier.build import build, check_project
from dossier.model.history import HistoryEntry, StatusChange
from dossier.render.pages import render_pages
from dossier.site import REGISTER_FEED

FEED_URL = "https://dossier.example/changes.xml"


def parse(feed: str) -> Any:
    """The feed as a client reads it from its published address; a malformed feed fails."""
    parsed = feedparser.parse(
        feed.encode("utf-8"),
        response_headers={"content-location": FEED_URL, "content-type": "application/atom+xml"},
    )
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


@pytest.fixture
def register(example_project: ExampleProject) -> ExampleProject:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("architecture", "crypto-scheme")
    example_project.add_question("crypto-scheme/keys", title="Who holds <the> keys?")
    example_project.add_question("architecture/tier", title="Which service tier?")
    return example_project


HISTORY = (
    HistoryEntry(
        "2b3c4d5",
        "2026-11-20",
        "Answer the tier & ask about keys",
        (
            ("M", "docs/register/architecture/tier.md"),
            ("A", "docs/register/crypto-scheme/keys.md"),
        ),
        "2b3c4d5e" * 5,
        "2026-11-20T09:30:00+01:00",
        (
            StatusChange("docs/register/architecture/tier.md", "open", "answered"),
            StatusChange("docs/register/crypto-scheme/keys.md", None, "open"),
        ),
    ),
    HistoryEntry("9f8e7d6", "2026-11-10", "Add a source", (("A", "seeds/000_abc.txt"),)),
    HistoryEntry(
        "1a2b3c4",
        "2026-10-01",
        "Start the register",
        (("A", "docs/register/architecture/tier.md"), ("A", "docs/register/architecture/old.md")),
        "1a2b3c4d" * 5,
        "2026-10-01T08:00:00+00:00",
    ),
)


def test_each_commit_that_changed_a_question_is_an_entry_linking_its_pages(
    register: ExampleProject,
) -> None:
    feed = parse(render_pages(check_project(register.root, TODAY), TODAY, HISTORY)[REGISTER_FEED])

    assert feed.feed.title == "Secure-communications dossier: register changes"
    assert feed.feed.updated == "2026-11-20T09:30:00+01:00"
    # The commit that touched only the sources is not a change of the register.
    assert [entry.title for entry in feed.entries] == [
        "Answer the tier & ask about keys",
        "Start the register",
    ]
    newest, oldest = feed.entries
    assert newest.id == "urn:dossier:commit:" + "2b3c4d5e" * 5
    assert newest.updated == "2026-11-20T09:30:00+01:00"
    assert newest.link == "https://dossier.example/register/history/"
    content = newest.content[0].value
    assert 'href="https://dossier.example/register/architecture/tier/"' in content
    assert 'href="https://dossier.example/register/crypto-scheme/keys/"' in content
    assert (
        "Which service tier?</a> (<code>architecture/tier</code>): status open → answered"
        in content
    )
    assert (
        "Who holds &lt;the&gt; keys?</a> (<code>crypto-scheme/keys</code>): added as open"
        in content
    )
    # A question since removed is named by its id, with no link to a page that is gone.
    assert (
        "<li>architecture/old (<code>architecture/old</code>): added</li>"
        in oldest.content[0].value
    )


def test_the_same_history_gives_the_same_bytes_whatever_the_day(
    register: ExampleProject, frozen_clock: time_machine.Traveller
) -> None:
    checked = check_project(register.root, TODAY)
    first = render_pages(checked, TODAY, HISTORY)[REGISTER_FEED]
    frozen_clock.shift(datetime.timedelta(days=400))
    later = render_pages(checked, TODAY + datetime.timedelta(days=400), HISTORY)[REGISTER_FEED]

    assert first == later


def test_with_no_history_the_feed_is_valid_and_empty(register: ExampleProject) -> None:
    feed = parse(render_pages(check_project(register.root, TODAY), TODAY)[REGISTER_FEED])

    assert feed.entries == []
    assert feed.feed.updated == f"{TODAY.isoformat()}T00:00:00+00:00"


@pytest.mark.integration
def test_status_changes_and_dates_are_read_from_git(register: ExampleProject) -> None:
    git(register.root, "init", "-q", "-b", "main")
    commit_all(register.root, "2026-11-01T10:00:00+00:00", "Ask about keys and the tier")
    register.add_question(
        "crypto-scheme/keys",
        title="Who holds <the> keys?",
        status="answered",
        answer={
            "text": "Data encryption is named.",
            "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
        },
    )
    commit_all(register.root, "2026-11-05T16:45:00+02:00", "Answer the keys")
    (register.seeds / "000_abc.yml").write_text(
        (register.seeds / "000_abc.yml").read_text(encoding="utf-8") + "# reviewed\n",
        encoding="utf-8",
    )
    commit_all(register.root, "2026-11-06T10:00:00+00:00", "Touch a sidecar only")
    changes = history(register.root, ("docs/register", "seeds"))

    checked = check_project(register.root, TODAY)
    rendered = render_pages(checked, TODAY, changes)[REGISTER_FEED]
    feed = parse(rendered)

    assert [(e.title, e.updated) for e in feed.entries] == [
        ("Answer the keys", "2026-11-05T16:45:00+02:00"),
        ("Ask about keys and the tier", "2026-11-01T10:00:00+00:00"),
    ]
    answered, asked = feed.entries
    assert "(<code>crypto-scheme/keys</code>): status open → answered" in (
        answered.content[0].value
    )
    assert "(<code>architecture/tier</code>): added as open" in asked.content[0].value
    assert (
        render_pages(checked, TODAY, history(register.root, ("docs/register", "seeds")))[
            REGISTER_FEED
        ]
        == rendered
    )


def test_a_commit_with_no_subject_gets_an_entry_titled_by_its_hash(
    register: ExampleProject,
) -> None:
    silent = HistoryEntry(
        "5e6f7a8", "2026-11-21", "", (("M", "docs/register/architecture/tier.md"),)
    )
    checked = check_project(register.root, TODAY)

    feed = parse(render_pages(checked, TODAY, (silent, *HISTORY))[REGISTER_FEED])

    assert feed.entries[0].title == "Commit 5e6f7a8"


KEYS_ANSWER = {
    "text": "Data encryption is named.",
    "items": [
        {
            "item": "parameter",
            "text": "Data encryption.",
            "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
        }
    ],
}
OTHER_ARTICLE = "Roma firma un contrato con la agencia. La red usa satélites propios.\n"


def feed_at_head(root: Path) -> Any:
    """The feed as `mkdocs build` renders it at the repository's last commit."""
    built = build(root, today=TODAY, history=project_history(root))
    assert not built.failures(strict=False), built.failures(strict=False)
    return parse(built.pages[REGISTER_FEED])


@pytest.fixture
def reviewed_register(register: ExampleProject) -> ExampleProject:
    """A register in git: keys answered and tier open pin 000_abc; gateways cites 001_xyz only."""
    register.add_seed("001_xyz", OTHER_ARTICLE)
    register.add_question(
        "crypto-scheme/keys", title="Who holds <the> keys?", status="answered", answer=KEYS_ANSWER
    )
    register.add_question(
        "architecture/gateways",
        title="Where are the gateways?",
        evidence=[{"source": "001_xyz", "quote": "Roma firma un contrato", "note": "No more."}],
        reviewed=[pin("001_xyz", OTHER_ARTICLE)],
    )
    git(register.root, "init", "-q", "-b", "main")
    commit_all(register.root, "2026-11-01T10:00:00+00:00", "Start the register")
    return register


@pytest.mark.integration
def test_an_answer_edited_under_the_same_status_is_an_entry_saying_so(
    reviewed_register: ExampleProject,
) -> None:
    answer = {**KEYS_ANSWER, "text": "Data encryption is named, nothing about keys."}
    reviewed_register.add_question(
        "crypto-scheme/keys", title="Who holds <the> keys?", status="answered", answer=answer
    )
    commit_all(reviewed_register.root, "2026-11-04T10:00:00+00:00", "Say what the answer lacks")

    feed = feed_at_head(reviewed_register.root)

    assert [entry.title for entry in feed.entries] == [
        "Say what the answer lacks",
        "Start the register",
    ]
    content = feed.entries[0].content[0].value
    assert content == (
        '<ul><li><a href="https://dossier.example/register/crypto-scheme/keys/">'
        "Who holds &lt;the&gt; keys?</a> (<code>crypto-scheme/keys</code>): "
        "answer changed</li></ul>"
    )


@pytest.mark.integration
def test_a_source_change_is_an_entry_naming_the_questions_it_flags_and_review_clears_them(
    reviewed_register: ExampleProject,
) -> None:
    root = reviewed_register.root
    reviewed_register.add_seed("000_abc", EXAMPLE_ARTICLE + "El gobierno añadió una nota.\n")
    commit_all(root, "2026-11-06T10:00:00+00:00", "Correct the Spanish article")
    assert main(["review", "crypto-scheme/keys", "--root", str(root)]) == 0
    commit_all(root, "2026-11-07T10:00:00+00:00", "Review the keys question again")

    feed = feed_at_head(root)

    assert [entry.title for entry in feed.entries] == [
        "Review the keys question again",
        "Correct the Spanish article",
        "Start the register",
    ]
    reviewed, corrected = (entry.content[0].value for entry in feed.entries[:2])
    # The commit touched no question: its entry names the two pinning 000_abc, with their pages,
    # and not gateways, which cites only 001_xyz.
    assert corrected == (
        '<ul><li><a href="https://dossier.example/register/architecture/tier/">Which service '
        "tier?</a> (<code>architecture/tier</code>): needs re-review: 000_abc changed since it "
        "was reviewed</li>"
        '<li><a href="https://dossier.example/register/crypto-scheme/keys/">Who holds &lt;the&gt; '
        "keys?</a> (<code>crypto-scheme/keys</code>): needs re-review: 000_abc changed since it "
        "was reviewed</li></ul>"
    )
    assert reviewed == (
        '<ul><li><a href="https://dossier.example/register/crypto-scheme/keys/">Who holds '
        "&lt;the&gt; keys?</a> (<code>crypto-scheme/keys</code>): review pins updated, "
        "re-reviewed: its pins match its sources again</li></ul>"
    )
    # The same commit gives the same bytes.
    again = build(root, today=TODAY, history=project_history(root)).pages[REGISTER_FEED]
    assert parse(again).entries == feed.entries
