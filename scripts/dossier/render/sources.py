"""Source pages, the sources index and the comparison of what the sources say, topic by topic."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import jinja2

from dossier.model.citations import CitingPlace, ResolvedCitation, coverage
from dossier.model.facts import Fact
from dossier.model.sources import Claim, Source
from dossier.model.topics import Topic
from dossier.render.citations import citation_anchor, citation_link, render_inline_citations
from dossier.render.templating import escape_html, escape_text
from dossier.site import (
    ABSTRACT_FRAGMENT_PREFIX,
    CLAIM_FRAGMENT_PREFIX,
    DATE_EVIDENCE_FRAGMENT,
    QUOTATION_FRAGMENT_PREFIX,
    SOURCES_INDEX_PAGE,
    claim_fragment,
    claim_link_fragment,
    source_page,
    url_from,
)

AUTOMATIC_SUMMARY_SENTENCES = 3

# No sentence is covered: for a view built without checking, as in tests of a single page.
NOTHING_COVERED: Mapping[str, frozenset[str]] = MappingProxyType({})


@dataclass(frozen=True)
class SourcesView:
    """What the source pages and the comparison show, gathered once for all of them."""

    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    citations: Mapping[tuple[str, str], ResolvedCitation]
    """Resolved citations by (page, fragment)."""
    cited_by: Mapping[str, Mapping[str, tuple[CitingPlace, ...]]]
    """For each source id, the places citing each of its sentence anchors."""
    facts: Mapping[str, tuple[Fact, ...]]
    covered: Mapping[str, frozenset[str]]
    """For each source id, the anchors claims or questions cite."""

    def resolve(self, page: str, fragment: str) -> ResolvedCitation | None:
        return self.citations.get((page, fragment))

    def claim_citation(self, source: Source, claim: Claim) -> ResolvedCitation | None:
        return self.resolve(source_page(source.id), f"{CLAIM_FRAGMENT_PREFIX}{claim.id}")

    @functools.cached_property
    def _claims_by_topic(self) -> Mapping[tuple[str, str], tuple[Claim, ...]]:
        """Each source's claims on each topic, by (source id, topic id): the pages and the
        comparison ask for every pair, which scanning the claims each time made quadratic."""
        claims: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for source in self.sources:
            for claim in source.metadata.claims:
                claims[source.id, claim.topic].append(claim)
        return {pair: tuple(on_topic) for pair, on_topic in claims.items()}

    def claims_on(self, source: Source, topic: Topic) -> tuple[Claim, ...]:
        return self._claims_by_topic.get((source.id, topic.id), ())

    def reporting(self, topic: Topic) -> tuple[Source, ...]:
        """The curated sources that have a claim on `topic`."""
        return tuple(source for source in self.sources if self.claims_on(source, topic))

    def coverage(self, source: Source) -> tuple[frozenset[str], float]:
        return coverage(source, self.covered)


def build_view(
    sources: tuple[Source, ...],
    topics: tuple[Topic, ...],
    citations: tuple[ResolvedCitation, ...],
    facts: Mapping[str, tuple[Fact, ...]],
    covered: Mapping[str, frozenset[str]] = NOTHING_COVERED,
) -> SourcesView:
    """What the source pages and the comparison show; `covered` as in CheckedProject."""
    cited_by: dict[str, dict[str, list[CitingPlace]]] = defaultdict(lambda: defaultdict(list))
    for citation in citations:
        place = citation.citation.place
        for sentence in citation.sentences:
            places = cited_by[citation.source.id][sentence.anchor]
            # A page is listed once per sentence, at its first citation of it, however often
            # it cites it (a question's evidence and its text, say).
            if all((p.page, p.label) != (place.page, place.label) for p in places):
                places.append(place)
    return SourcesView(
        sources=tuple(sorted(sources, key=lambda source: source.id)),
        topics=topics,
        citations={(c.citation.place.page, c.citation.place.fragment): c for c in citations},
        cited_by={
            source_id: {anchor: tuple(places) for anchor, places in anchors.items()}
            for source_id, anchors in cited_by.items()
        },
        facts=facts,
        covered=covered,
    )


def citer(view: SourcesView, page: str) -> Callable[[ResolvedCitation | None, str], str]:
    """A template helper: the link to a resolved citation, or nothing if it did not resolve."""

    def cite(resolved: ResolvedCitation | None, fragment: str) -> str:
        return citation_link(resolved, page, fragment) if resolved else ""

    return cite


# The parts of a source page with an element per sentence, claim or fact are built here rather than
# in source.md.j2: they are most of the page, and the template's loops over them cost more than
# the rest of the page together.


def _sentence_classes(anchor: str, cited: frozenset[str], cited_by: Mapping[str, object]) -> str:
    return "dossier-sentence" + (
        (" dossier-sentence--cited" if anchor in cited_by else "")
        + ("" if anchor in cited else " dossier-sentence--uncovered")
    )


def full_text_html(source: Source, cited: frozenset[str], cited_by: Mapping[str, object]) -> str:
    """The source's full text as HTML: an element per paragraph and per sentence, each with its
    anchor, and beside each paragraph its translation when the sidecar has one."""
    language = escape_html(source.metadata.language)
    translations = source.metadata.translations
    translated = " dossier-text--translated" if translations else ""
    lines = [f'<div class="dossier-text{translated}">']
    for paragraph in source.paragraphs:
        sentences = " ".join(
            f'<span class="{_sentence_classes(sentence.anchor, cited, cited_by)}" '
            f'id="{sentence.anchor}" lang="{language}">{escape_html(sentence.text)}</span>'
            for sentence in paragraph.sentences
        )
        lines += [
            '<div class="dossier-paragraph">',
            f'<p id="{paragraph.anchor}" lang="{language}">{sentences}</p>',
        ]
        if translations:
            english = " ".join(
                f'<span class="translation" data-sentence="{sentence.anchor}">'
                f"{escape_html(translations.get(sentence.anchor, ''))}</span>"
                for sentence in paragraph.sentences
            )
            lines.append(f'<p class="dossier-translation" lang="en">{english}</p>')
        lines.append("</div>")
    lines.append("</div>")
    return "\n".join(lines)


def claims_html(source: Source, topics: list[Topic], view: SourcesView) -> str:
    """The source's claims, a list per topic, each claim linked to the sentence it rests on.

    A claim cites a sentence of the same page, where its translation stands beside it.
    """
    lines = []
    for topic in topics:
        lines += [f"<p><strong>{escape_html(topic.title)}</strong></p>", "<ul>"]
        for claim in view.claims_on(source, topic):
            resolved = view.claim_citation(source, claim)
            anchor = (
                citation_anchor(
                    resolved,
                    f"#{resolved.anchor}",
                    claim_link_fragment(claim.id),
                    with_translation=False,
                )
                if resolved
                else ""
            )
            lines.append(
                f'<li id="{claim_fragment(claim.id)}">{escape_html(claim.text)} {anchor}</li>'
            )
        lines.append("</ul>")
    return "\n".join(lines)


def fact_rows_html(facts: tuple[Fact, ...], language: str) -> str:
    """A table row per fact: its kind, the source's words, the reading and its sentence."""
    language = escape_html(language)
    return "\n".join(
        f'<tr><td>{fact.kind}</td><td lang="{language}">{escape_html(fact.text)}</td>'
        f"<td>{escape_html(fact.value)}</td>"
        f'<td><a href="#{fact.anchor}">{fact.anchor}</a></td></tr>'
        for fact in facts
    )


def cited_by_rows_html(
    source: Source, cited_by: Mapping[str, tuple[CitingPlace, ...]], page: str
) -> str:
    """A table row per cited sentence, in reading order, linking each place that cites it."""
    rows = []
    for sentence in source.sentences:
        places = cited_by.get(sentence.anchor)
        if places:
            links = ", ".join(
                f'<a href="{escape_html(url_from(page, place.page, place.fragment))}">'
                f"{escape_html(place.label)}</a>"
                for place in places
            )
            rows.append(
                f'<tr><td><a href="#{sentence.anchor}">{sentence.anchor}</a></td>'
                f"<td>{links}</td></tr>"
            )
    return "\n".join(rows)


def render_source_page(source: Source, view: SourcesView, environment: jinja2.Environment) -> str:
    page = source_page(source.id)
    metadata = source.metadata
    abstract = None
    if metadata.abstract:
        abstract = render_inline_citations(
            " ".join(metadata.abstract.split()),
            page,
            view.resolve,
            ABSTRACT_FRAGMENT_PREFIX,
            escape_text,
        )
    cited, share = view.coverage(source)
    cited_by = view.cited_by.get(source.id, {})
    facts = view.facts.get(source.id, ())
    topics = [topic for topic in view.topics if view.claims_on(source, topic)]
    return environment.get_template("source.md.j2").render(
        source=source,
        page=page,
        abstract=abstract,
        automatic_summary=source.sentences[:AUTOMATIC_SUMMARY_SENTENCES],
        claims=claims_html(source, topics, view),
        quotations=[
            (quotation, view.resolve(page, f"{QUOTATION_FRAGMENT_PREFIX}{number}"))
            for number, quotation in enumerate(metadata.quotations, start=1)
        ],
        facts=facts,
        fact_rows=fact_rows_html(facts, metadata.language),
        cited=cited,
        share=share,
        cited_by=cited_by,
        cited_by_rows=cited_by_rows_html(source, cited_by, page),
        full_text=full_text_html(source, cited, cited_by),
        date_evidence=view.resolve(page, DATE_EVIDENCE_FRAGMENT),
        cite=citer(view, page),
    )


def render_sources_index(view: SourcesView, environment: jinja2.Environment) -> str:
    return environment.get_template("sources_index.md.j2").render(view=view)


def render_source_pages(view: SourcesView, environment: jinja2.Environment) -> dict[str, str]:
    """The sources index and a page per source, keyed by path under docs/."""
    pages = {SOURCES_INDEX_PAGE: render_sources_index(view, environment)}
    for source in view.sources:
        pages[source_page(source.id)] = render_source_page(source, view, environment)
    return pages
