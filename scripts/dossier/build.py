"""The one entry point: load, check and render a project, for the MkDocs hook and every command."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dossier.checks import check
from dossier.checks.review import review_marks
from dossier.checks.watch import history_watch_matches
from dossier.load.project import load_project
from dossier.memory import cycle_collector_paused
from dossier.model.findings import Finding, failing
from dossier.model.history import ProjectHistory
from dossier.model.project import CheckedProject
from dossier.render.pages import render_pages


@dataclass(frozen=True)
class Build:
    """What one run of the pipeline made of a project: its model, the findings and the pages."""

    project: CheckedProject
    findings: tuple[Finding, ...]
    """Every finding, sorted by file and line."""
    as_of: datetime.date
    """The date ages on pages count to: the last commit's, or today outside git."""
    history: ProjectHistory

    @functools.cached_property
    def pages(self) -> Mapping[str, str]:
        """Every page of the site by its path under docs/; empty when the project has errors.

        Rendered when first asked for: `check` never asks, and so never pays for rendering.
        """
        if self.failures(strict=False):
            return {}
        with cycle_collector_paused():
            return render_pages(
                self.project,
                self.as_of,
                self.history.changes,
                history_partial=self.history.partial,
                tags=self.history.tags,
                review_marks=review_marks(
                    self.history.changes, self.project.questions, self.project.sources
                ),
                watch_matches=history_watch_matches(self.history.changes, self.project.questions),
            )

    def failures(self, *, strict: bool) -> tuple[Finding, ...]:
        """The findings that fail a command or a build, `--strict` or not."""
        return failing(self.findings, strict=strict)


def check_project(root: Path, today: datetime.date) -> CheckedProject:
    """Load and check the project at `root`, rendering nothing: the first two stages of `build`."""
    return check(load_project(root), today)


def build(root: Path, *, today: datetime.date, history: ProjectHistory) -> Build:
    """Load, check and render the project at `root`.

    `today` is the date questions may not be raised after; `history` is what git knows. Ages on
    pages count to the last commit, so that the same commit renders the same bytes on any day.
    """
    with cycle_collector_paused():
        checked = check_project(root, today)
    return Build(checked, checked.findings, history.last_changed or today, history)
