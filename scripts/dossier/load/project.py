"""Load a whole project: every file read once, every citation written in it collected."""

from __future__ import annotations

from pathlib import Path

from dossier.load.gazetteer import load_gazetteer
from dossier.load.register import load_register
from dossier.load.sources import load_sources
from dossier.load.textfiles import read_text
from dossier.load.topics import load_topics
from dossier.model import findings
from dossier.model.citations import AbsenceClaim, Citation, CitingPlace
from dossier.model.findings import Finding
from dossier.model.project import LoadedProject
from dossier.model.register import Question
from dossier.model.sources import SidecarQuote, Source
from dossier.model.topics import Topic
from dossier.site import (
    ABSTRACT_FRAGMENT_PREFIX,
    COMPARISON_PAGE,
    DATE_EVIDENCE_FRAGMENT,
    DOCS_DIRECTORY,
    REGISTER_DIRECTORY,
    SEEDS_DIRECTORY,
    TEXT_SUFFIX,
    TOPICS_FILE,
    claim_fragment,
    is_generated_page,
    question_page,
    quotation_fragment,
    source_page,
    topic_fragment,
)
from dossier.text.front_matter import split_front_matter
from dossier.text.inline_citations import find_absence_claims, find_inline_citations


def _quote_citation(source: Source, quote: SidecarQuote, fragment: str, label: str) -> Citation:
    place = CitingPlace(source.sidecar_path, quote.line, source_page(source.id), fragment, label)
    return Citation(source.id, quote.quote, place, quote.prefix, quote.suffix)


def _at_line(text: str, line: int) -> str:
    """`text` on one line, placed at `line`, so findings in it point at the field it is in."""
    return "\n" * (line - 1) + " ".join(text.split())


def sidecar_citations(
    sources: tuple[Source, ...],
) -> tuple[list[Citation], list[AbsenceClaim], list[Finding]]:
    """What sidecars quote of their own article: date evidence, claims, quotations, abstract."""
    citations = []
    absences: list[AbsenceClaim] = []
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
            _quote_citation(source, claim.cite, claim_fragment(claim.id), "Summary")
            for claim in metadata.claims
        ]
        citations += [
            _quote_citation(source, quotation.cite, quotation_fragment(number), "Quotations")
            for number, quotation in enumerate(metadata.quotations, start=1)
        ]
        if metadata.abstract:
            arguments = (
                _at_line(metadata.abstract, metadata.abstract_line),
                source.sidecar_path,
                source_page(source.id),
                "Abstract",
                ABSTRACT_FRAGMENT_PREFIX,
            )
            inline, found = find_inline_citations(*arguments)
            citations += inline
            absences += find_absence_claims(*arguments)
            problems += found
    return citations, absences, problems


def topic_citations(
    topics: tuple[Topic, ...],
) -> tuple[list[Citation], list[AbsenceClaim], list[Finding]]:
    """Inline citations in the topics' explanations of how sources differ."""
    citations: list[Citation] = []
    absences: list[AbsenceClaim] = []
    problems: list[Finding] = []
    for topic in topics:
        if topic.difference:
            arguments = (
                _at_line(topic.difference, topic.difference_line),
                f"{SEEDS_DIRECTORY}/{TOPICS_FILE}",
                COMPARISON_PAGE,
                f"Comparison: {topic.title}",
                topic_fragment(topic.id),
            )
            inline, found = find_inline_citations(*arguments)
            citations += inline
            absences += find_absence_claims(*arguments)
            problems += found
    return citations, absences, problems


def read_pages(
    root: Path, questions: tuple[Question, ...]
) -> tuple[dict[str, str], list[Citation], list[AbsenceClaim], list[Finding]]:
    """Hand-written pages under docs/ (questions aside) and the inline citations of all of them."""
    question_titles = {question_page(question.id): question.title for question in questions}
    docs = root / DOCS_DIRECTORY
    pages: dict[str, str] = {}
    citations: list[Citation] = []
    absences: list[AbsenceClaim] = []
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
        arguments = (text, path.relative_to(root).as_posix(), page, question_titles.get(page))
        inline, found = find_inline_citations(*arguments)
        citations += inline
        absences += find_absence_claims(*arguments)
        problems += found
    return pages, citations, absences, problems


def load_project(root: Path) -> LoadedProject:
    """Everything the files under `root` say, with a finding for each file that cannot be read."""
    loaded = load_sources(root)
    topics, topic_problems = load_topics(root)
    register = load_register(root)
    gazetteer, gazetteer_problems = load_gazetteer(root)
    sidecar, sidecar_absences, sidecar_problems = sidecar_citations(loaded.sources)
    differences, difference_absences, difference_problems = topic_citations(topics)
    pages, page_citations, page_absences, page_problems = read_pages(root, register.questions)
    question_citations = [c for question in register.questions for c in question.citations]
    loaded_ids = {source.id for source in loaded.sources}
    return LoadedProject(
        root=root,
        sources=loaded.sources,
        topics=topics,
        categories=register.categories,
        questions=register.questions,
        citations=(*sidecar, *differences, *question_citations, *page_citations),
        absence_claims=(*sidecar_absences, *difference_absences, *page_absences),
        unloaded_source_ids=frozenset(
            path.stem for path in (root / SEEDS_DIRECTORY).glob(f"*{TEXT_SUFFIX}")
        )
        - loaded_ids,
        pages=pages,
        gazetteer=gazetteer,
        findings=(
            *loaded.findings,
            *topic_problems,
            *register.findings,
            *gazetteer_problems,
            *sidecar_problems,
            *difference_problems,
            *page_problems,
        ),
    )
