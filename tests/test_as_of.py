"""`render --as-of`: the project as it stood at a tag, a date or a commit, and the tags listed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import (
    ExampleProject,
    ask_then_reword,
    commit_all,
    git,
    tree_snapshot,
)
from dossier.adapters.cli import main

pytestmark = pytest.mark.integration


@pytest.fixture
def repository(example_project: ExampleProject) -> ExampleProject:
    """A question asked (tagged `asked`), reworded, then a second one asked, on three days."""
    root = ask_then_reword(example_project)
    git(root, "tag", "asked", "HEAD~1")
    git(root, "tag", "-a", "-m", "Reviewed", "reviewed", at="2026-11-04T10:00:00+00:00")
    example_project.add_question("crypto-scheme/rotation", title="Who rotates the keys?")
    commit_all(root, "2026-11-05T10:00:00+00:00", "Ask who rotates the keys")
    return example_project


def render(root: Path, out: Path, *options: str) -> dict[str, bytes]:
    assert main(["render", "--out", str(out), "--root", str(root), *options]) == 0
    return tree_snapshot(out)


def checkout(root: Path, revision: str, folder: Path) -> Path:
    """A clone of the repository at `root`, with `revision` checked out."""
    subprocess.run(
        ["git", "clone", "-q", root.as_uri(), str(folder)], check=True, capture_output=True
    )
    git(folder, "checkout", "-q", revision)
    return folder


@pytest.mark.parametrize(
    ("revision", "checked_out"),
    [
        ("asked", "asked"),
        ("reviewed", "reviewed"),
        ("2026-11-04", "reviewed"),
        ("2026-11-01", "asked"),
        ("HEAD~1", "HEAD~1"),
    ],
)
def test_an_as_of_render_equals_a_checkout_of_that_revision_rendered(
    repository: ExampleProject, tmp_path: Path, revision: str, checked_out: str
) -> None:
    as_of = render(repository.root, tmp_path / "as-of", "--as-of", revision)
    clone = checkout(repository.root, checked_out, tmp_path / "clone")
    expected = render(clone, tmp_path / "checkout")

    assert as_of == expected
    assert "register/crypto-scheme/rotation.md" not in as_of


def test_an_as_of_render_reads_the_revision_not_the_working_tree(
    repository: ExampleProject, tmp_path: Path
) -> None:
    repository.add_question("crypto-scheme/uncommitted", title="Not committed yet?")
    pages = render(repository.root, tmp_path / "as-of", "--as-of", "asked")

    question = pages["register/crypto-scheme/keys.md"].decode()
    assert "Who holds the keys?" in question
    assert "register/crypto-scheme/uncommitted.md" not in pages
    history = pages["register/history.md"].decode()
    assert "Ask who holds the keys" in history
    assert "Reword the keys question" not in history


@pytest.mark.parametrize("revision", ["no-such-tag", "2020-01-01", "0123456789abcdef"])
def test_a_bad_revision_is_a_usage_error_and_writes_nothing(
    repository: ExampleProject,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    revision: str,
) -> None:
    out = tmp_path / "pages"
    with pytest.raises(SystemExit) as exited:
        main(["render", "--out", str(out), "--root", str(repository.root), "--as-of", revision])

    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert repr(revision) in error
    assert "`git tag`" in error
    assert not out.exists()


def test_the_history_page_lists_the_tags_with_the_command_for_each(
    repository: ExampleProject, tmp_path: Path
) -> None:
    pages = render(repository.root, tmp_path / "pages")
    history = pages["register/history.md"].decode()
    commits = {
        tag: subprocess.run(
            ["git", "rev-parse", "--short", f"{tag}^{{commit}}"],
            cwd=repository.root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for tag in ("asked", "reviewed")
    }

    rows = [line for line in history.splitlines() if line.startswith("| ") and "REV=" in line]
    assert rows == [
        f"| reviewed | 2026-11-03 | `{commits['reviewed']}` | `make snapshot REV=reviewed` |",
        f"| asked | 2026-11-01 | `{commits['asked']}` | `make snapshot REV=asked` |",
    ]
    # As of the first tag, the later one did not exist yet.
    earlier = render(repository.root, tmp_path / "as-of", "--as-of", "asked")
    assert "REV=reviewed" not in earlier["register/history.md"].decode()
    assert "REV=asked" in earlier["register/history.md"].decode()
