"""The project as the pipeline sees it after checking: the model, and every finding about it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dossier.model.citations import AbsenceClaim, Citation, ResolvedCitation
from dossier.model.facts import Fact, Gazetteer
from dossier.model.findings import Finding
from dossier.model.register import Category, Question, StaleReview
from dossier.model.sources import Source
from dossier.model.topics import Topic
from dossier.model.watch import WatchHit


@dataclass(frozen=True)
class CheckedProject:
    """The model that loaded cleanly, and every finding about the project."""

    root: Path
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    citations: tuple[ResolvedCitation, ...]
    """Every citation that resolved: from sidecars, topics, questions and pages alike."""
    watch_hits: tuple[WatchHit, ...]
    covered: Mapping[str, frozenset[str]]
    """For each source id, the anchors of the sentences that claims or questions cite."""
    secondary_answers: frozenset[str]
    """Ids of the questions whose answer rests on news reports alone."""
    pages: Mapping[str, str]
    """Hand-written pages (register questions aside): path under docs/ to Markdown."""
    facts: Mapping[str, tuple[Fact, ...]]
    """Facts read from each source's text, by source id."""
    findings: tuple[Finding, ...]
    stale_reviews: Mapping[str, tuple[StaleReview, ...]] = field(default_factory=dict)
    """By question id, the cited sources whose text changed since the question was reviewed."""

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.is_error)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.is_error)


@dataclass(frozen=True)
class LoadedProject:
    """Everything the project's files say, read once: all that the checks are given."""

    root: Path
    sources: tuple[Source, ...]
    """The sources that loaded cleanly."""
    topics: tuple[Topic, ...]
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    citations: tuple[Citation, ...]
    """Every citation written anywhere (sidecars, topics, questions, pages), in writing order."""
    absence_claims: tuple[AbsenceClaim, ...]
    """Every claim that a source lacks some words, from the same places."""
    unloaded_source_ids: frozenset[str]
    """Sources whose files failed to load: they have findings of their own already."""
    pages: Mapping[str, str]
    """Hand-written pages (register questions aside): path under docs/ to Markdown."""
    gazetteer: Gazetteer
    findings: tuple[Finding, ...]
    """What could not be read or does not follow the schemas."""
