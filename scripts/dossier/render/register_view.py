"""The register's view model: everything its pages and downloads show, gathered once."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from dossier.model.citations import ResolvedCitation
from dossier.model.register import Category, Question, StaleReview
from dossier.model.sources import Source
from dossier.model.watch import WatchHit


@dataclass(frozen=True)
class RegisterView:
    """Everything the register's pages show, gathered once for all of them."""

    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    sources: Mapping[str, Source]
    citations: Mapping[tuple[str, str], ResolvedCitation]
    """Resolved citations by (page, fragment)."""
    watch_hits: Mapping[str, tuple[WatchHit, ...]]
    """Watch hits by question id."""
    as_of: datetime.date
    """The date ages are counted to: the project's last change, so output depends on input only."""
    secondary_answers: frozenset[str] = frozenset()
    """Ids of the questions whose answer rests on news reports alone."""
    stale_reviews: Mapping[str, tuple[StaleReview, ...]] = field(default_factory=dict)
    """By question id, the cited sources that changed since the question was reviewed."""

    def needs_review(self) -> tuple[Question, ...]:
        """The questions a cited source's change flags for re-review, in id order."""
        return tuple(question for question in self.questions if question.id in self.stale_reviews)

    def age(self, question: Question) -> int:
        return max((self.as_of - question.raised).days, 0)

    def category(self, slug: str) -> Category | None:
        return next((category for category in self.categories if category.slug == slug), None)

    def question(self, question_id: str) -> Question | None:
        return next((question for question in self.questions if question.id == question_id), None)

    def questions_in(self, slug: str) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if question.category == slug)


def build_view(
    categories: tuple[Category, ...],
    questions: tuple[Question, ...],
    sources: tuple[Source, ...],
    citations: tuple[ResolvedCitation, ...],
    watch_hits: tuple[WatchHit, ...],
    as_of: datetime.date,
    secondary_answers: frozenset[str] = frozenset(),
    stale_reviews: Mapping[str, tuple[StaleReview, ...]] | None = None,
) -> RegisterView:
    hits: dict[str, list[WatchHit]] = {}
    for hit in watch_hits:
        hits.setdefault(hit.question_id, []).append(hit)
    ordered = tuple(sorted(questions, key=lambda question: question.id))
    return RegisterView(
        categories=categories,
        questions=ordered,
        sources={source.id: source for source in sources},
        citations={(c.citation.place.page, c.citation.place.fragment): c for c in citations},
        watch_hits={question_id: tuple(found) for question_id, found in hits.items()},
        as_of=as_of,
        secondary_answers=secondary_answers,
        stale_reviews=dict(stale_reviews or {}),
    )
