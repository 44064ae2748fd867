"""Each question page's timeline: the commits that changed it, read from git, shallow clones too."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ExampleProject, ask_then_reword, commit_all
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


def timeline(root: Path, out: Path) -> list[str]:
    """The rows of the question page's timeline, as `dossier render` writes it."""
    assert main(["render", "--out", str(out), "--root", str(root)]) == 0
    page = (out / "register/crypto-scheme/keys.md").read_text(encoding="utf-8")
    section = page.split("## Timeline { #timeline }\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith(("| 20", "The history"))]


def test_the_timeline_lists_each_commit_with_its_status_change(
    repository: ExampleProject, tmp_path: Path
) -> None:
    rows = timeline(repository.root, tmp_path / "pages")

    assert [row.split(" | ")[0::2] for row in rows] == [
        ["| 2026-11-05", "open → answered"],
        ["| 2026-11-03", "edited"],
        ["| 2026-11-01", "added as open"],
    ]
    assert rows[0].endswith(" | Answer the keys question |")
    register_history = (tmp_path / "pages/register/history.md").read_text(encoding="utf-8")
    assert "partial" not in register_history


def test_in_a_shallow_clone_the_page_says_its_history_is_partial(
    repository: ExampleProject, tmp_path: Path
) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", repository.root.as_uri(), str(shallow)],
        check=True,
        capture_output=True,
    )

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
