"""What git knows about the project: the commits that changed it and the date of the last one."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class HistoryEntry:
    """One commit that changed the register or the sources."""

    commit: str
    """The abbreviated commit hash."""
    date: str
    """The committer's date, YYYY-MM-DD."""
    subject: str
    changed: tuple[tuple[str, str], ...]
    """(git status letter, path) for each file of `folders` the commit touched."""


@dataclass(frozen=True)
class ProjectHistory:
    """The project's history as the adapters read it from git, handed to the core as data."""

    changes: tuple[HistoryEntry, ...] = ()
    """The latest commits touching the register or the sources, newest first."""
    last_changed: datetime.date | None = None
    """The committer date of the last commit; None outside a git checkout."""
