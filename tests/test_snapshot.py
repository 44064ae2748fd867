"""`make snapshot`: the site as it stood at a revision, equal to a build of a checkout of it."""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path

import pytest
import time_machine

from conftest import commit_all, git, mkdocs_build, tree_snapshot
from dossier.adapters.snapshot import build_snapshot, main

pytestmark = pytest.mark.integration

QUESTION = "docs/register/crypto-scheme/key-custody.md"
# After every question the real project raises; commits made then are dated after them too.
LATER = datetime.datetime(2027, 6, 3, 12, tzinfo=datetime.UTC)


@pytest.fixture
def repository(project_copy: Path, frozen_clock: time_machine.Traveller) -> Path:
    """The real project committed and tagged `decided`, then a question reworded after it."""
    frozen_clock.move_to(LATER)
    git(project_copy, "init", "-q", "-b", "main")
    commit_all(project_copy, "2027-06-01T10:00:00+00:00", "The register as decided")
    git(project_copy, "tag", "decided")
    question = project_copy / QUESTION
    text = question.read_text(encoding="utf-8")
    question.write_text(text.replace("title: ", "title: Reworded: ", 1), encoding="utf-8")
    commit_all(project_copy, "2027-06-02T10:00:00+00:00", "Reword a question")
    return project_copy


def comparable(site: Path) -> dict[str, bytes]:
    """The site's files; the search index's entries sorted, as MkDocs orders them by file order."""
    files = tree_snapshot(site)
    index = json.loads(files.pop("search/search_index.json"))
    index["docs"].sort(key=lambda doc: json.dumps(doc, sort_keys=True))
    files["search/search_index.json"] = json.dumps(index, sort_keys=True).encode()
    return files


def test_a_snapshot_equals_the_site_built_from_a_checkout_of_the_tag(
    repository: Path, tmp_path: Path
) -> None:
    assert build_snapshot(repository, "decided", tmp_path / "snapshot") == 0
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", repository.as_uri(), str(clone)], check=True, capture_output=True
    )
    git(clone, "checkout", "-q", "decided")
    built = mkdocs_build(clone, tmp_path / "checkout")
    assert built.returncode == 0, built.stderr

    snapshot = comparable(tmp_path / "snapshot")
    assert snapshot == comparable(tmp_path / "checkout")
    assert b"Reworded: " not in snapshot["register/crypto-scheme/key-custody/index.html"]


def test_a_snapshot_of_an_unknown_revision_writes_nothing(
    repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_snapshot(repository, "no-such-tag", tmp_path / "snapshot") == 2
    assert "unknown revision 'no-such-tag'" in capsys.readouterr().err
    assert not (tmp_path / "snapshot").exists()


def test_a_snapshot_without_a_revision_says_how_to_name_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["", "site-snapshot/"]) == 2
    assert "make snapshot REV=" in capsys.readouterr().err
