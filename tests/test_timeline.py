"""Each question page's timeline: the commits that changed it, read from git, shallow clones too."""

from __future__ import annotations

import datetime
import html
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import time_machine

from conftest import ExampleProject, ask_then_reword, commit_all, git
from dossier.adapters.cli import main

pytestmark = pytest.mark.integration

ANSWER = {
    "text": "Data encryption is named.",
    "items": [
        {
            "item": "parameter",
            "text": "Data encryption.",
            "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
        }
    ],
}


@pytest.fixture
def repository(example_project: ExampleProject) -> ExampleProject:
    """A question asked, reworded and answered in three commits on three days."""
    root = ask_then_reword(example_project)
    example_project.add_question(
        "crypto-scheme/keys", title="Who holds <the> keys?", status="answered", answer=ANSWER
    )
    commit_all(root, "2026-11-05T10:00:00+00:00", "Answer the keys question")
    return example_project


RE_TIMELINE_ROW = re.compile(
    r"<tr>\n<td>(20[^<]*)</td>\n<td>(.*)</td>\n<td>(.*)</td>\n<td>(.*)</td>"
)


def timeline(root: Path, out: Path, question_id: str = "crypto-scheme/keys") -> list[str]:
    """The rows of the question page's timeline, as `dossier render` writes it, each as
    `| date | commit | change | subject |` with its cells' HTML; then the first line of a note
    on a partial history."""
    if not out.exists():
        assert main(["render", "--out", str(out), "--root", str(root)]) == 0
    page = (out / f"register/{question_id}.md").read_text(encoding="utf-8")
    section = page.split("## Timeline { #timeline }\n", 1)[1].split("\n## ", 1)[0]
    rows = ["| " + " | ".join(cells) + " |" for cells in RE_TIMELINE_ROW.findall(section)]
    notes = [line for line in section.splitlines() if line.startswith("<p>The history")]
    return rows + [note.removeprefix("<p>") for note in notes]


def test_the_timeline_lists_each_commit_with_its_status_change(
    repository: ExampleProject, tmp_path: Path
) -> None:
    rows = timeline(repository.root, tmp_path / "pages")

    assert [row.split(" | ")[0::2] for row in rows] == [
        ["| 2026-11-05", "status open → answered, answer changed"],
        ["| 2026-11-03", "title changed"],
        ["| 2026-11-01", "added as open"],
    ]
    assert rows[0].endswith(" | Answer the keys question |")
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=repository.root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert rows[0].split(" | ")[1] == f"<code>{head}</code>"
    register_history = (tmp_path / "pages/register/history.md").read_text(encoding="utf-8")
    assert "partial" not in register_history


def shallow_clone(project: ExampleProject, folder: Path) -> Path:
    """A clone of `project` into `folder` holding only its last commit."""
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", project.root.as_uri(), str(folder)],
        check=True,
        capture_output=True,
    )
    return folder


def test_in_a_shallow_clone_the_page_says_its_history_is_partial(
    repository: ExampleProject, tmp_path: Path
) -> None:
    shallow = shallow_clone(repository, tmp_path / "shallow")

    rows = timeline(shallow, tmp_path / "pages")

    # git shows the clone's one commit adding the file, and the note says why it may not have.
    assert rows[0].startswith("| 2026-11-05 | ")
    assert rows[0].endswith(" | added as answered | Answer the keys question |")
    assert rows[1] == (
        "The history is partial: this copy of the repository holds only its latest commits (a shallow"
    )
    assert len(rows) == 2
    register_history = (tmp_path / "pages/register/history.md").read_text(encoding="utf-8")
    assert "The history is partial: this copy of the repository holds only its latest" in (
        register_history
    )


def test_an_answer_edited_under_the_same_status_says_answer_changed(
    repository: ExampleProject, tmp_path: Path
) -> None:
    edited = {**ANSWER, "text": "Data encryption is named, and nothing more."}
    repository.add_question(
        "crypto-scheme/keys", title="Who holds <the> keys?", status="answered", answer=edited
    )
    commit_all(repository.root, "2026-11-06T10:00:00+00:00", "Say more in the answer")

    rows = timeline(repository.root, tmp_path / "pages")

    commit = rows[0].split("<code>")[1].split("</code>")[0]
    assert (
        rows[0]
        == f"| 2026-11-06 | <code>{commit}</code> | answer changed | Say more in the answer |"
    )
    assert len(rows) == 4


def test_an_evidence_change_counts_the_entries_added_and_removed(
    repository: ExampleProject, tmp_path: Path
) -> None:
    cipher = {"source": "000_abc", "quote": "El cifrado de datos", "note": "Names encryption."}
    fields: dict[str, Any] = {
        "title": "Who holds <the> keys?",
        "status": "answered",
        "answer": ANSWER,
    }
    repository.add_question("crypto-scheme/keys", evidence=[cipher], **fields)
    commit_all(repository.root, "2026-11-06T10:00:00+00:00", "Cite the cipher, not the talks")
    repository.add_question(
        "crypto-scheme/keys", evidence=[{**cipher, "note": "Names data encryption."}], **fields
    )
    commit_all(repository.root, "2026-11-07T10:00:00+00:00", "Reword a note")

    rows = timeline(repository.root, tmp_path / "pages")

    assert [html.unescape(row.split(" | ")[2]) for row in rows[:2]] == [
        "evidence changed",
        "evidence changed (1 added, 1 removed)",
    ]


@pytest.fixture
def watched(repository: ExampleProject) -> ExampleProject:
    """The keys question (watching "satellite", "satélite") and a tier question (watching
    "gateway"), then a source naming a satellite, then that source extended."""
    repository.add_categories("crypto-scheme", "architecture")
    repository.add_question("architecture/tier", title="Which tier?", watch=["gateway"])
    commit_all(repository.root, "2026-11-07T10:00:00+00:00", "Ask about the tier")
    repository.add_seed("001_new", "Un satélite nuevo protege las conexiones.\n")
    commit_all(repository.root, "2026-11-08T10:00:00+00:00", "Add a source naming a satellite")
    repository.add_seed("001_new", "Un satélite nuevo protege las conexiones. Otra frase.\n")
    commit_all(repository.root, "2026-11-09T10:00:00+00:00", "Extend the source")
    return repository


def test_a_source_that_newly_contains_a_watch_term_shows_on_that_questions_timeline(
    watched: ExampleProject, tmp_path: Path
) -> None:
    out = tmp_path / "pages"
    rows = timeline(watched.root, out)

    # The extension matches no term that the source did not match already.
    assert [row.split(" | ")[0::2] for row in rows] == [
        [
            "| 2026-11-08",
            'new watch-term match: “satélite” in <a href="../../../sources/001_new/">001&#95;new</a>',
        ],
        ["| 2026-11-05", "status open → answered, answer changed"],
        ["| 2026-11-03", "title changed"],
        ["| 2026-11-01", "added as open"],
    ]
    assert rows[0].endswith(" | Add a source naming a satellite |")
    # The tier question watches another term: the source is not news to it.
    assert [row.split(" | ")[0::2] for row in timeline(watched.root, out, "architecture/tier")] == [
        ["| 2026-11-07", "added as open"]
    ]


def test_a_match_in_a_source_since_removed_names_it_without_a_link(
    watched: ExampleProject, tmp_path: Path
) -> None:
    git(watched.root, "rm", "-q", "seeds/001_new.txt", "seeds/001_new.yml")
    commit_all(watched.root, "2026-11-10T10:00:00+00:00", "Drop the source")

    rows = timeline(watched.root, tmp_path / "pages")

    assert rows[0].split(" | ")[2] == "new watch-term match: “satélite” in 001&#95;new"


def test_in_a_shallow_clone_the_one_commit_holds_every_match_and_says_so(
    watched: ExampleProject, tmp_path: Path
) -> None:
    shallow = shallow_clone(watched, tmp_path / "shallow")

    rows = timeline(shallow, tmp_path / "pages")

    assert [row.split(" | ")[2] for row in rows[:1]] == [
        "added as answered; new watch-term match: “satélite” in "
        '<a href="../../../sources/001_new/">001&#95;new</a>'
    ]
    assert rows[1].startswith("The history is partial")
    assert len(rows) == 2


def test_a_date_no_calendar_has_in_an_old_commit_breaks_neither_the_timeline_nor_the_build(
    repository: ExampleProject, tmp_path: Path
) -> None:
    question = repository.root / "docs/register/crypto-scheme/keys.md"
    good = question.read_text(encoding="utf-8")
    question.write_text(good.replace("raised:", "raised: 2026-02-30\nwas_raised:"), "utf-8")
    commit_all(repository.root, "2026-11-06T10:00:00+00:00", "A date that does not exist")
    question.write_text(good, encoding="utf-8")
    commit_all(repository.root, "2026-11-07T10:00:00+00:00", "Fix the date")

    rows = timeline(repository.root, tmp_path / "pages")

    subjects = [row.split(" | ")[3].removesuffix(" |") for row in rows[:2]]
    assert subjects == ["Fix the date", "A date that does not exist"]


def test_the_history_is_the_same_whatever_the_users_git_configuration_says(
    repository: ExampleProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = repository.root / "docs/register/crypto-scheme/keys.md"
    question.rename(question.with_name("custody.md"))
    commit_all(repository.root, "2026-11-06T10:00:00+00:00", "Rename the keys question")
    timeline(repository.root, tmp_path / "plain", "crypto-scheme/custody")

    # Settings that would hide the first commit's files and split the rename in two.
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", "'log.showroot=false' 'diff.renames=false'")
    timeline(repository.root, tmp_path / "configured", "crypto-scheme/custody")

    for page in ("register/history.md", "changes.xml", "register/crypto-scheme/custody.md"):
        plain = (tmp_path / "plain" / page).read_text(encoding="utf-8")
        assert (tmp_path / "configured" / page).read_text(encoding="utf-8") == plain, page
    # The first commit's files are listed, as git lists them by default.
    history = (tmp_path / "plain/register/history.md").read_text(encoding="utf-8")
    assert "crypto&#45;scheme/keys (added)" in history


def test_a_fresh_clone_renders_the_same_feed_and_history_bytes_on_another_day(
    repository: ExampleProject, tmp_path: Path, frozen_clock: time_machine.Traveller
) -> None:
    timeline(repository.root, tmp_path / "here")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", repository.root.as_uri(), str(clone))
    frozen_clock.shift(datetime.timedelta(days=400))

    timeline(clone, tmp_path / "there")

    for page in ("changes.xml", "register/history.md", "register/crypto-scheme/keys.md"):
        assert (tmp_path / "there" / page).read_bytes() == (tmp_path / "here" / page).read_bytes()
