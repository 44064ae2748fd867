"""The register of open questions: categories, questions and answers, and their vocabularies."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from dossier.model.citations import Citation
from dossier.model.findings import Finding


@dataclass(frozen=True)
class Category:
    slug: str
    title: str
    description: str


@dataclass(frozen=True)
class MissingItem:
    """One thing a complete answer must specify."""

    id: str
    """A slug unique within the question; answers name the items they answer by it."""
    text: str


def meets_item(text: object, not_applicable: object, citations: object) -> bool:
    """The one rule for an item of `missing`: answered, or declared not applicable, with at least
    one citation. Takes raw values too, for `diff`, which reads files leniently."""
    return bool(text or not_applicable) and bool(citations)


@dataclass(frozen=True)
class ItemAnswer:
    """The answer to one item of `missing`, or the reason it does not apply."""

    item: str
    """The id of the item of `missing` it answers."""
    text: str | None
    not_applicable: str | None
    """Instead of `text`: why the item does not apply."""
    citations: tuple[Citation, ...]
    line: int
    """The file line of the entry, for findings to point at."""

    @property
    def is_met(self) -> bool:
        return meets_item(self.text, self.not_applicable, self.citations)


@dataclass(frozen=True)
class ReviewPin:
    """A source a reviewer read the question against, and the sha256 of its text at the time."""

    source: str
    sha256: str


@dataclass(frozen=True)
class StaleReview:
    """A source the question cites whose text is not the one its review pinned, or no pin at all."""

    question_id: str
    source_id: str
    pinned: str | None
    """The sha256 the review pinned, or None when the question has no pin for the source."""
    now: str
    """The sha256 of the source's text now."""


@dataclass(frozen=True)
class Answer:
    text: str
    citations: tuple[Citation, ...]
    """Citations of the summary as a whole; each item carries its own."""
    items: tuple[ItemAnswer, ...] = ()

    def item(self, item_id: str) -> ItemAnswer | None:
        return next((entry for entry in self.items if entry.item == item_id), None)

    @property
    def all_citations(self) -> tuple[Citation, ...]:
        return self.citations + tuple(c for entry in self.items for c in entry.citations)


@dataclass(frozen=True)
class Question:
    """One question of the register, as its file states it."""

    id: str
    """`<category>/<slug>`: the file's path under docs/register/ without `.md`."""
    path: str
    """Project-relative path of the file."""
    title: str
    category: str
    status: str
    priority: str
    raised: datetime.date
    basis: str
    resolve_before: str
    owner: str | None
    evidence: tuple[Citation, ...]
    evidence_notes: tuple[str, ...]
    """One note per evidence citation: what it shows and why it is not enough."""
    missing: tuple[MissingItem, ...]
    watch: tuple[str, ...]
    related: tuple[str, ...]
    reviewed: tuple[ReviewPin, ...]
    """The sources a reviewer read the question against, each pinned to the text then read."""
    answer: Answer | None
    superseded_by: str | None
    reason: str | None
    body: str
    """The prose after the front matter, as written."""
    field_lines: Mapping[str, int]
    """The file line of each front-matter field, for findings to point at."""
    body_line: int = 1
    """The file line the body starts on."""

    def line_of(self, field: str) -> int:
        return self.field_lines.get(field, 1)

    @property
    def citations(self) -> tuple[Citation, ...]:
        return self.evidence + (self.answer.all_citations if self.answer else ())

    @property
    def reviewed_sources(self) -> tuple[str, ...]:
        return tuple(pin.source for pin in self.reviewed)

    def open_items(self) -> tuple[str, ...]:
        """Ids of the items of `missing` that no answer entry meets yet, in their order."""
        met = {e.item for e in self.answer.items if e.is_met} if self.answer else set()
        return tuple(item.id for item in self.missing if item.id not in met)


@dataclass(frozen=True)
class LoadedRegister:
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    findings: tuple[Finding, ...]
