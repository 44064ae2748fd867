"""Run every check on a project and collect all findings, never stopping at the first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from dossier.citations import Citation, ResolvedCitation, resolve_citation, sidecar_citations
from dossier.findings import Finding, sort_findings
from dossier.markdown_citations import find_inline_citations
from dossier.register import (
    REGISTER_DIRECTORY,
    Category,
    Question,
    WatchHit,
    find_watch_hits,
    load_register,
    split_front_matter,
    watch_findings,
)
from dossier.sources import SEEDS_DIRECTORY, Source, load_sources

DOCS_DIRECTORY = "docs"


@dataclass(frozen=True)
class CheckedProject:
    """The model that loaded cleanly, and every finding about the project."""

    root: Path
    sources: tuple[Source, ...]
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    citations: tuple[ResolvedCitation, ...]
    """Every citation that resolved: from sidecars, questions and pages alike."""
    watch_hits: tuple[WatchHit, ...]
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.is_error)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.is_error)


def page_citations(
    root: Path, questions: tuple[Question, ...]
) -> tuple[list[Citation], list[Finding]]:
    """Inline citations of every hand-written page under docs/, question bodies included."""
    question_titles = {question.page: question.title for question in questions}
    docs = root / DOCS_DIRECTORY
    citations: list[Citation] = []
    problems: list[Finding] = []
    register = root / REGISTER_DIRECTORY
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        page = path.relative_to(docs).as_posix()
        if path.parent.parent == register:
            # A question's title is in its front matter; its body starts after it.
            parts = split_front_matter(text)
            if parts is None:
                continue
            _, body, first_line = parts
            text = "\n" * (first_line - 1) + body
        inline, found = find_inline_citations(
            text, path.relative_to(root).as_posix(), page, question_titles.get(page)
        )
        citations += [item.citation for item in inline]
        problems += found
    return citations, problems


def check_project(root: Path, today: datetime.date | None = None) -> CheckedProject:
    """Load and check everything under `root`; the findings come sorted by file and line."""
    loaded = load_sources(root)
    register = load_register(root, today or datetime.date.today())
    found = [*loaded.findings, *register.findings]
    citations, page_problems = page_citations(root, register.questions)
    found += page_problems
    sources_by_id = {source.id: source for source in loaded.sources}
    # A source that failed to load has findings of its own; citing it is not another error.
    unloaded = {path.stem for path in (root / SEEDS_DIRECTORY).glob("*.txt")} - set(sources_by_id)
    question_citations = [c for question in register.questions for c in question.citations]
    resolved = []
    for citation in [*sidecar_citations(loaded.sources), *question_citations, *citations]:
        if citation.source_id in unloaded:
            continue
        result, problems = resolve_citation(citation, sources_by_id)
        found += problems
        if result is not None:
            resolved.append(result)
    hits = find_watch_hits(register.questions, loaded.sources)
    found += watch_findings(hits, register.questions)
    return CheckedProject(
        root=root,
        sources=loaded.sources,
        categories=register.categories,
        questions=register.questions,
        citations=tuple(resolved),
        watch_hits=hits,
        findings=tuple(sort_findings(found)),
    )
