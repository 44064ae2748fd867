"""Run every check on a project and collect all findings, never stopping at the first."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dossier import findings
from dossier.citations import (
    ABSTRACT_FRAGMENT_PREFIX,
    CLAIM_FRAGMENT_PREFIX,
    DATE_EVIDENCE_FRAGMENT,
    QUOTATION_FRAGMENT_PREFIX,
    Citation,
    CitingPlace,
    ResolvedCitation,
    coverage,
    covered_anchors,
    resolve_citation,
)
from dossier.facts import Fact, extract_facts, gazetteer_findings, load_gazetteer
from dossier.findings import Finding, sort_findings
from dossier.markdown_citations import find_inline_citations
from dossier.register import (
    REGISTER_DIRECTORY,
    Category,
    Question,
    load_register,
    split_front_matter,
)
from dossier.sources import SEEDS_DIRECTORY, SidecarQuote, Source, load_sources
from dossier.textfiles import read_text
from dossier.topics import COMPARISON_PAGE, TOPICS_FILE, Topic, claim_findings, load_topics
from dossier.watch import WatchHit, find_watch_hits, watch_findings

DOCS_DIRECTORY = "docs"
REGISTER_PAGES = ("index", "dashboard", "history")
RE_CATEGORY_INDEX = re.compile(r"register/[^/]+/index\.md")


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
    pages: Mapping[str, str]
    """Hand-written pages (register questions aside): path under docs/ to Markdown."""
    facts: Mapping[str, tuple[Fact, ...]]
    """Facts read from each source's text, by source id."""
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.is_error)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.is_error)


def _quote_citation(source: Source, quote: SidecarQuote, fragment: str, label: str) -> Citation:
    place = CitingPlace(source.sidecar_path, quote.line, source.page, fragment, label)
    return Citation(source.id, quote.quote, place, quote.prefix, quote.suffix)


def _at_line(text: str, line: int) -> str:
    """`text` on one line, placed at `line`, so findings in it point at the field it is in."""
    return "\n" * (line - 1) + " ".join(text.split())


def sidecar_citations(sources: tuple[Source, ...]) -> tuple[list[Citation], list[Finding]]:
    """What sidecars quote of their own article: date evidence, claims, quotations, abstract."""
    citations = []
    problems: list[Finding] = []
    for source in sources:
        metadata = source.metadata
        if metadata.date_evidence is not None:
            citations.append(
                _quote_citation(
                    source, metadata.date_evidence, DATE_EVIDENCE_FRAGMENT, "Date evidence"
                )
            )
        citations += [
            _quote_citation(source, claim.cite, f"{CLAIM_FRAGMENT_PREFIX}{claim.id}", "Summary")
            for claim in metadata.claims
        ]
        citations += [
            _quote_citation(
                source, quotation.cite, f"{QUOTATION_FRAGMENT_PREFIX}{number}", "Quotations"
            )
            for number, quotation in enumerate(metadata.quotations, start=1)
        ]
        if metadata.abstract:
            inline, found = find_inline_citations(
                _at_line(metadata.abstract, metadata.abstract_line),
                source.sidecar_path,
                source.page,
                "Abstract",
                ABSTRACT_FRAGMENT_PREFIX,
            )
            citations += [item.citation for item in inline]
            problems += found
    return citations, problems


def topic_citations(topics: tuple[Topic, ...]) -> tuple[list[Citation], list[Finding]]:
    """Inline citations in the topics' explanations of how sources differ."""
    citations: list[Citation] = []
    problems: list[Finding] = []
    for topic in topics:
        if topic.difference:
            inline, found = find_inline_citations(
                _at_line(topic.difference, topic.difference_line),
                f"{SEEDS_DIRECTORY}/{TOPICS_FILE}",
                COMPARISON_PAGE,
                f"Comparison: {topic.title}",
                topic.anchor,
            )
            citations += [item.citation for item in inline]
            problems += found
    return citations, problems


def is_generated_page(page: str) -> bool:
    """Whether the dossier generates the page at `page` (relative to docs/)."""
    return (
        page.startswith("sources/")
        or page in (COMPARISON_PAGE, *(f"register/{name}.md" for name in REGISTER_PAGES))
        or RE_CATEGORY_INDEX.fullmatch(page) is not None
    )


def read_pages(
    root: Path, questions: tuple[Question, ...]
) -> tuple[dict[str, str], list[Citation], list[Finding]]:
    """Hand-written pages under docs/ (questions aside) and the inline citations of all of them."""
    question_titles = {question.page: question.title for question in questions}
    docs = root / DOCS_DIRECTORY
    pages: dict[str, str] = {}
    citations: list[Citation] = []
    problems: list[Finding] = []
    register = root / REGISTER_DIRECTORY
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        text, unreadable = read_text(path, path.relative_to(root).as_posix())
        problems += unreadable
        if text is None:
            continue
        page = path.relative_to(docs).as_posix()
        if is_generated_page(page):
            problems.append(
                findings.error(
                    path.relative_to(root).as_posix(),
                    1,
                    "the dossier generates this page; a hand-written one would be replaced",
                    "Move the page elsewhere under docs/, or delete it.",
                )
            )
            continue
        if path.parent.parent == register:
            # A question's title is in its front matter; its body starts after it.
            parts = split_front_matter(text)
            if parts is None:
                continue
            _, body, first_line = parts
            text = "\n" * (first_line - 1) + body
        else:
            pages[page] = text
        inline, found = find_inline_citations(
            text, path.relative_to(root).as_posix(), page, question_titles.get(page)
        )
        citations += [item.citation for item in inline]
        problems += found
    return pages, citations, problems


def curation_findings(
    sources: tuple[Source, ...], citations: list[ResolvedCitation]
) -> list[Finding]:
    """Warnings for sources not yet summarised, and for curated ones with uncited sentences."""
    problems = []
    covered = covered_anchors(citations)
    for source in sources:
        if not source.metadata.is_curated:
            problems.append(
                findings.warning(
                    source.sidecar_path,
                    1,
                    f"{source.id} is not curated yet: its page shows an automatic summary",
                    "Add `claims:` for every factual statement, and a `title:` and `abstract:`.",
                )
            )
            continue
        cited, share = coverage(source, covered)
        if share < 1:
            uncited = [s.anchor for s in source.sentences if s.anchor not in cited]
            problems.append(
                findings.warning(
                    source.sidecar_path,
                    1,
                    f"claims and questions cite {share:.0%} of {source.id}; "
                    f"uncited: #{', #'.join(uncited)}",
                    "Add a claim for each uncited sentence that states a fact.",
                )
            )
    return problems


def check_project(root: Path, today: datetime.date) -> CheckedProject:
    """Load and check everything under `root`; the findings come sorted by file and line."""
    loaded = load_sources(root)
    topics, topic_problems = load_topics(root)
    register = load_register(root, today)
    found = [*loaded.findings, *topic_problems, *register.findings]
    found += claim_findings(loaded.sources, topics)
    sidecar, sidecar_problems = sidecar_citations(loaded.sources)
    differences, difference_problems = topic_citations(topics)
    pages, page_citations, page_problems = read_pages(root, register.questions)
    found += sidecar_problems + difference_problems + page_problems
    sources_by_id = {source.id: source for source in loaded.sources}
    # A source that failed to load has findings of its own; citing it is not another error.
    unloaded = {path.stem for path in (root / SEEDS_DIRECTORY).glob("*.txt")} - set(sources_by_id)
    question_citations = [c for question in register.questions for c in question.citations]
    everything = [*sidecar, *differences, *question_citations, *page_citations]
    results: dict[int, ResolvedCitation] = {}
    # Resolved source by source, so each source's text is folded for matching only once; kept in
    # the order they were written.
    for number in sorted(range(len(everything)), key=lambda number: everything[number].source_id):
        citation = everything[number]
        if citation.source_id in unloaded:
            continue
        result, problems = resolve_citation(citation, sources_by_id)
        found += problems
        if result is not None:
            results[number] = result
    resolved = [results[number] for number in sorted(results)]
    found += curation_findings(loaded.sources, resolved)
    hits = find_watch_hits(register.questions, loaded.sources)
    found += watch_findings(hits, register.questions)
    gazetteer, gazetteer_problems = load_gazetteer(root)
    facts = {source.id: extract_facts(source, gazetteer) for source in loaded.sources}
    found += gazetteer_problems + gazetteer_findings(loaded.sources, gazetteer, facts)
    return CheckedProject(
        root=root,
        sources=loaded.sources,
        topics=topics,
        categories=register.categories,
        questions=register.questions,
        citations=tuple(resolved),
        watch_hits=hits,
        pages=pages,
        facts=facts,
        findings=tuple(sort_findings(found)),
    )
