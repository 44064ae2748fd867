"""The register and the sources as two revisions' files say them, and what changed between."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Moves that take an answer back: they need new evidence or a note saying why.
REOPENINGS = {
    ("answered", "open"),
    ("answered", "partially-answered"),
    ("partially-answered", "open"),
}


# Fields reported in sections of their own; every other field is compared one by one.
OWN_SECTIONS = ("title", "status", "priority", "evidence", "answer")


@dataclass(frozen=True)
class QuestionState:
    front_matter: dict[str, Any]
    body: str
    lines: Mapping[str, int] = field(default_factory=dict)
    """The file line of each front-matter field, for findings to point at."""

    def line_of(self, name: str) -> int:
        return self.lines.get(name, 1)

    @property
    def title(self) -> str:
        return str(self.front_matter.get("title", "(no title)"))


@dataclass(frozen=True)
class ProjectState:
    """The register's questions and the sources, as files say them: no validation needed."""

    questions: dict[str, QuestionState]
    sources: dict[str, tuple[str, dict[str, Any]]]
    """Source id: (sha256 of its text, its sidecar's fields)."""


@dataclass(frozen=True)
class CitedQuote:
    """A quote as a question cites it, and the sentence of its source it resolves to."""

    source_id: str
    quote: str
    anchor: str | None
    """The cited sentence's anchor (`p1-s2`), or None when the quote does not resolve."""


@dataclass(frozen=True)
class EvidenceChange:
    what: str
    """`added`, `removed` or `note changed`."""
    quote: CitedQuote
    note: str
    """The note as it is now (as it was, for a removed entry)."""
    old_note: str = ""
    """The note before, for `note changed`."""


@dataclass(frozen=True)
class AnswerChange:
    item: str | None
    """The id of the item of `missing` it answers, or None for the answer's summary."""
    what: str
    """`added`, `changed` or `removed`."""
    text: str
    """The answer as it is now (as it was, when removed); `not applicable: why` for such items."""
    citations: tuple[CitedQuote, ...]


@dataclass
class RegisterDiff:
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    retitled: list[tuple[str, str, str]] = field(default_factory=list)
    status: list[tuple[str, str, str, str]] = field(default_factory=list)
    priority: list[tuple[str, str, str, str]] = field(default_factory=list)
    evidence: list[tuple[str, str, list[EvidenceChange]]] = field(default_factory=list)
    answer: list[tuple[str, str, list[AnswerChange]]] = field(default_factory=list)
    prose: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)
    """(id, title, the words as (`equal`, `delete` or `insert`, text) runs)."""
    fields: list[tuple[str, str, list[str]]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    needs_review: list[tuple[str, str, list[str]]] = field(default_factory=list)
    """(id, title, the cited sources whose text changed and that its `reviewed:` does not pin)."""

    def is_empty(self) -> bool:
        return not any(vars(self).values())
