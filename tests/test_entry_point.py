"""build(): the one entry point the hook and every command share, as its callers see it."""

from __future__ import annotations

import datetime

from conftest import EXAMPLE_ARTICLE, ExampleProject
from dossier.build import build
from dossier.model.history import ProjectHistory

DAY = datetime.date(2026, 11, 23)
LATER = datetime.date(2027, 3, 1)


def curated_project(example_project: ExampleProject) -> ExampleProject:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme")
    example_project.add_question("crypto-scheme/key-custody", raised="2026-11-20")
    return example_project


def test_warnings_fail_only_when_strict_and_the_pages_are_still_rendered(
    example_project: ExampleProject,
) -> None:
    project = curated_project(example_project)

    result = build(project.root, today=DAY, history=ProjectHistory(last_changed=DAY))

    warnings = [finding for finding in result.findings if not finding.is_error]
    assert warnings, "the example source is not curated, which is a warning"
    assert result.failures(strict=False) == ()
    assert result.failures(strict=True) == result.findings
    assert "sources/000_abc.md" in result.pages


def test_an_error_fails_every_command_and_no_page_is_rendered(
    example_project: ExampleProject,
) -> None:
    project = curated_project(example_project)
    project.add_question(
        "crypto-scheme/keys-again",
        title="Who holds the keys?",
        raised="2026-11-20",
        category="nope",
    )

    result = build(project.root, today=DAY, history=ProjectHistory(last_changed=DAY))

    assert [f.message for f in result.failures(strict=False)] == [
        "category 'nope' disagrees with the folder 'crypto-scheme'"
    ]
    assert result.pages == {}


def test_today_decides_what_is_in_the_future_and_the_last_commit_decides_ages(
    example_project: ExampleProject,
) -> None:
    project = curated_project(example_project)
    history = ProjectHistory(last_changed=DAY)

    early = build(project.root, today=datetime.date(2026, 11, 1), history=history)
    on_the_day = build(project.root, today=DAY, history=history)
    later = build(project.root, today=LATER, history=history)

    assert [f.message for f in early.failures(strict=False)] == [
        "raised 2026-11-20 is in the future"
    ]
    assert on_the_day.pages == later.pages
    page = later.pages["register/crypto-scheme/key-custody.md"]
    assert "2026-11-20, 3 day(s) before 2026-11-23" in page


def test_outside_git_ages_count_to_today(example_project: ExampleProject) -> None:
    project = curated_project(example_project)

    result = build(project.root, today=LATER, history=ProjectHistory())

    page = result.pages["register/crypto-scheme/key-custody.md"]
    assert "2026-11-20, 101 day(s) before 2027-03-01" in page
