"""What git knows about the project: the commits that changed it and the date of the last one."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

GIT_STATUS_WORDS = {
    "A": "added",
    "D": "removed",
    "R": "renamed",
    "C": "copied",
    "M": "edited",
    "T": "changed type",
}
"""What each of git's status letters did to a file, in words."""


@dataclass(frozen=True)
class StatusChange:
    """A question's status before and after a commit, as its front matter says."""

    path: str
    """The question's file, relative to the project's root."""
    before: str | None
    """The status before the commit; None for a question the commit added."""
    after: str | None
    """The status after the commit; None for a question the commit removed."""


@dataclass(frozen=True)
class QuestionEdit:
    """What a commit changed in a question's front matter, read from its file before and after."""

    path: str
    """The question's file after the commit (before it, for a file the commit removed)."""
    fields: tuple[str, ...]
    """The front-matter fields whose values the commit changed, sorted: `answer`, `evidence`…;
    empty for a file the commit added or removed."""
    pins_before: tuple[tuple[str, str], ...] | None = None
    """(source id, sha256) for each `reviewed:` pin before the commit; None without the file."""
    pins_after: tuple[tuple[str, str], ...] | None = None
    """(source id, sha256) for each `reviewed:` pin after the commit; None without the file."""
    evidence_before: tuple[tuple[str, str], ...] | None = None
    """(source id, quote) for each `evidence:` entry before the commit, in order; None without
    the file."""
    evidence_after: tuple[tuple[str, str], ...] | None = None
    """(source id, quote) for each `evidence:` entry after the commit, in order; None without
    the file."""


@dataclass(frozen=True)
class SourceTextChange:
    """A source's text before and after a commit that changed it, by the sha256 pins compare."""

    source_id: str
    before: str | None
    """The sha256 of the text before the commit; None for a text the commit added."""
    after: str | None
    """The sha256 of the text after the commit; None for a text the commit removed."""
    text_before: str | None = field(default=None, repr=False)
    """The text before the commit, for the watch terms it matched; None for a text it added."""
    text_after: str | None = field(default=None, repr=False)
    """The text after the commit, for the watch terms it matches; None for a text it removed."""


@dataclass(frozen=True)
class ReviewMarks:
    """The re-review marks a commit set and cleared, as the questions' pins and texts say."""

    marked: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(question id, the sources whose text no longer matches its pin) for each question the
    commit flagged for re-review, sorted."""
    cleared: tuple[str, ...] = ()
    """The questions whose every pin matched again after the commit, sorted."""


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
    commit_id: str = ""
    """The full commit hash: unlike the abbreviated one, it never grows with the repository."""
    timestamp: str = ""
    """The committer's date and time, ISO 8601 with its offset (the feed's `updated`)."""
    status_changes: tuple[StatusChange, ...] = ()
    """The questions whose `status:` line the commit changed, added or removed."""
    question_edits: tuple[QuestionEdit, ...] = ()
    """Each question file the commit added, changed or removed, with what changed in it."""
    source_texts: tuple[SourceTextChange, ...] = ()
    """Each source text the commit added, changed or removed."""


@dataclass(frozen=True)
class Tag:
    """A git tag: a name for a commit, such as the revision a decision was taken on."""

    name: str
    date: str
    """The tagged commit's committer date, YYYY-MM-DD."""
    commit: str
    """The tagged commit's abbreviated hash."""


@dataclass(frozen=True)
class ProjectHistory:
    """The project's history as the adapters read it from git, handed to the core as data."""

    changes: tuple[HistoryEntry, ...] = ()
    """The latest commits touching the register or the sources, newest first."""
    last_changed: datetime.date | None = None
    """The committer date of the last commit; None outside a git checkout."""
    partial: bool = False
    """True when `changes` may miss older commits: a shallow clone, or more commits than read."""
    tags: tuple[Tag, ...] = ()
    """The tags on the commits up to the one rendered, newest first."""
