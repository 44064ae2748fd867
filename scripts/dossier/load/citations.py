"""Collect the citations data files write: sidecars' quotes and abstracts, topic differences."""

from __future__ import annotations

from dossier.model.citations import AbsenceClaim, Citation, CitingPlace
from dossier.model.findings import Finding
from dossier.model.sources import SidecarQuote, Source
from dossier.model.topics import Topic
from dossier.site import (
    ABSTRACT_FRAGMENT_PREFIX,
    COMPARISON_PAGE,
    DATE_EVIDENCE_FRAGMENT,
    SEEDS_DIRECTORY,
    TOPICS_FILE,
    claim_fragment,
    quotation_fragment,
    source_page,
    topic_fragment,
)
from dossier.text.inline_citations import find_citations_and_absences


def _quote_citation(
    source: Source, quote: SidecarQuote, fragment: str, label: str, statement: str | None
) -> Citation:
    place = CitingPlace(
        source.sidecar_path,
        quote.line,
        source_page(source.id),
        fragment,
        label,
        " ".join((statement or "").split()),
    )
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
                    source,
                    metadata.date_evidence,
                    DATE_EVIDENCE_FRAGMENT,
                    "Date evidence",
                    metadata.date_evidence.note,
                )
            )
        citations += [
            _quote_citation(source, claim.cite, claim_fragment(claim.id), "Summary", claim.text)
            for claim in metadata.claims
        ]
        citations += [
            _quote_citation(
                source,
                quotation.cite,
                quotation_fragment(number),
                "Quotations",
                f"{quotation.speaker}: {quotation.translation}",
            )
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
            inline, absent, found = find_citations_and_absences(*arguments)
            citations += inline
            absences += absent
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
            inline, absent, found = find_citations_and_absences(*arguments)
            citations += inline
            absences += absent
            problems += found
    return citations, absences, problems
