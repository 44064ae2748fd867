"""The paths that depend on dates, run more than a year after the last commit."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import time_machine

from conftest import EXAMPLE_ARTICLE, TODAY, ExampleProject, commit_all, git
from dossier.adapters.cli import main

LAST_COMMIT = datetime.date(2026, 11, 20)
LATER = TODAY + datetime.timedelta(days=400)


@pytest.fixture
def committed_project(example_project: ExampleProject) -> ExampleProject:
    """A register of one question raised on 2026-11-01 and committed on LAST_COMMIT."""
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("architecture")
    example_project.add_question("architecture/tier", title="Which service tier?")
    git(example_project.root, "init", "-q", "-b", "main")
    commit_all(example_project.root, LAST_COMMIT, "Ask about the tier")
    return example_project


def run(*arguments: str, root: Path) -> int:
    return main([*arguments, "--root", str(root)])


def test_a_year_after_the_last_commit_dates_come_from_the_clock_and_git(
    committed_project: ExampleProject,
    frozen_clock: time_machine.Traveller,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    frozen_clock.move_to(datetime.datetime.combine(LATER, datetime.time(12), tzinfo=datetime.UTC))
    root = committed_project.root

    # new-question dates the question by the clock, not by the last commit.
    assert run("new-question", "architecture", "Where are the gateways?", root=root) == 0
    written = root / capsys.readouterr().out.strip()
    assert f"raised: {LATER.isoformat()}\n" in written.read_text(encoding="utf-8")
    written.unlink()

    # "In the future" is measured against the clock: LATER is fine, the day after is not.
    committed_project.add_question(
        "architecture/gateways", title="Where are the gateways?", raised=LATER.isoformat()
    )
    assert run("check", root=root) == 0
    committed_project.add_question(
        "architecture/tomorrow", title="Asked tomorrow?", raised=str(LATER + datetime.timedelta(1))
    )
    assert run("check", root=root) == 1
    assert (
        "docs/register/architecture/tomorrow.md:6: error: raised 2027-12-29 is in the future. "
        "Use the date it was raised, at latest 2027-12-28." in capsys.readouterr().out
    )
    (root / "docs/register/architecture/tomorrow.md").unlink()

    # Ages are counted to the last commit, and the history lists each commit on its own date.
    commit_all(root, LATER, "Ask about the gateways")
    assert run("render", "--out", str(tmp_path / "pages"), root=root) == 0
    question = (tmp_path / "pages/register/architecture/tier.md").read_text(encoding="utf-8")
    assert "2026-11-01, 422 day(s) before 2027-12-28" in question
    history = (tmp_path / "pages/register/history.md").read_text(encoding="utf-8")
    dates = [line.split(" | ")[0] for line in history.splitlines() if line.startswith("| 20")]
    assert dates == ["| 2027-12-28", "| 2026-11-20"]
