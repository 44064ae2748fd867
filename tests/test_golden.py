"""Every page kind against its golden file: a small project beside the pages expected from it.

tests/golden/<case>/project/ is the input, history.yml the git history it is rendered with, and
expected/ holds the pages the case pins, by their path in the site. `pytest --update-golden`
rewrites them from the current output; read the diff before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import TODAY, without_curation
from dossier.build import check_project
from dossier.model.history import HistoryEntry, QuestionEdit, StatusChange
from dossier.render.pages import render_pages

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(project.parent.name for project in GOLDEN.glob("*/project"))


def read_history(case: Path) -> tuple[HistoryEntry, ...]:
    entries = yaml.safe_load((case / "history.yml").read_text(encoding="utf-8"))
    return tuple(
        HistoryEntry(
            entry["commit"],
            entry["date"],
            entry["subject"],
            tuple((status, path) for status, path in entry["changed"]),
            entry["commit_id"],
            entry["timestamp"],
            tuple(StatusChange(*change) for change in entry["status_changes"]),
            tuple(
                QuestionEdit(path, tuple(fields))
                for path, fields in entry.get("question_edits", ())
            ),
        )
        for entry in entries
    )


@pytest.mark.parametrize("case", CASES)
def test_every_pinned_page_matches_its_golden_file(
    case: str, golden: Callable[[str, str], None]
) -> None:
    folder = GOLDEN / case
    checked = check_project(folder / "project", TODAY)
    assert without_curation(checked.findings) == []

    pages = render_pages(checked, TODAY, read_history(folder))

    pinned = sorted(path for path in (folder / "expected").rglob("*") if path.is_file())
    assert pinned, f"{case} pins no page"
    for path in pinned:
        page = path.relative_to(folder / "expected").as_posix()
        golden(f"{case}/expected/{page}", pages[page])
