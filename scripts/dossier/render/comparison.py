"""The comparison page: what the sources say on each topic side by side, and where they differ."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from dossier.model.sources import Claim, Source
from dossier.model.topics import Topic
from dossier.render.citations import citation_anchor, render_inline_citations, short_source_label
from dossier.render.sources import SourcesView
from dossier.render.templating import escape_html, escape_text, relative_link
from dossier.site import (
    COMPARISON_PAGE,
    comparison_claim_fragment,
    source_page,
    topic_fragment,
    url_from,
)

# What the comparison's last column says of a topic.
DIFFERS, ONE_SOURCE, NO_SOURCE, CONSISTENT = "differs", "one source", "no source", "consistent"


@dataclass(frozen=True)
class Column:
    """A curated source, as the comparison's header names and links it."""

    label: str
    link: str
    language: str


@dataclass(frozen=True)
class Row:
    """One topic: each curated source's claims on it, with their links, and the verdict."""

    topic: Topic
    cells: tuple[tuple[tuple[str, str], ...], ...]
    """For each column, (claim text, citation as HTML) for each of the source's claims."""
    verdict: str
    """DIFFERS (an editor recorded a difference), ONE_SOURCE, NO_SOURCE or CONSISTENT."""
    fragment: str
    """The id of the topic's explanation, below the table, when the sources differ."""
    difference: str | None
    """That explanation, its citations linked; None when none is recorded."""
    only_source: tuple[str, str] | None
    """(source id, link) of the one source reporting the topic, when the verdict is ONE_SOURCE."""

    @property
    def cells_html(self) -> str:
        """The row's cells, one a column, as lines of the table's raw HTML.

        Written here rather than by a template loop: the table has a cell for every topic and
        every source, thousands of them in a large dossier.
        """
        return "".join(
            "<td>"
            + (
                "<br>".join(f"{escape_html(text)} {citation}" for text, citation in claims)
                or "<em>not reported</em>"
            )
            + "</td>\n"
            for claims in self.cells
        )


def verdict(topic: Topic, reporting: tuple[Source, ...]) -> str:
    """Whether the sources differ on `topic`: a recorded difference wins, then how many report."""
    if topic.difference:
        return DIFFERS
    if len(reporting) == 1:
        return ONE_SOURCE
    return NO_SOURCE if not reporting else CONSISTENT


def comparison_rows(view: SourcesView) -> tuple[tuple[Column, ...], tuple[Row, ...]]:
    """The comparison's columns and rows, with every link and verdict already decided."""
    curated = [source for source in view.sources if source.metadata.is_curated]
    # The table is raw HTML (one column per source makes it the site's largest markup), so its
    # links are the addresses the pages are served at.
    columns = tuple(
        Column(
            short_source_label(source.id),
            url_from(COMPARISON_PAGE, source_page(source.id)),
            source.metadata.language,
        )
        for source in curated
    )

    def cite(source: Source, claim: Claim) -> str:
        resolved = view.claim_citation(source, claim)
        if resolved is None:
            return ""
        href = url_from(COMPARISON_PAGE, source_page(source.id), resolved.anchor)
        fragment = comparison_claim_fragment(short_source_label(source.id), claim.id)
        return citation_anchor(resolved, href, fragment)

    rows = []
    for topic in view.topics:
        reporting = view.reporting(topic)
        cells = tuple(
            tuple((claim.text, cite(source, claim)) for claim in view.claims_on(source, topic))
            for source in curated
        )
        difference = None
        if topic.difference:
            difference = render_inline_citations(
                " ".join(topic.difference.split()),
                COMPARISON_PAGE,
                view.resolve,
                topic_fragment(topic.id),
                escape_text,
            )
        only = reporting[0] if len(reporting) == 1 else None
        rows.append(
            Row(
                topic=topic,
                cells=cells,
                verdict=verdict(topic, reporting),
                fragment=topic_fragment(topic.id),
                difference=difference,
                only_source=(
                    (only.id, relative_link(COMPARISON_PAGE, source_page(only.id)))
                    if only
                    else None
                ),
            )
        )
    return columns, tuple(rows)


def render_comparison(view: SourcesView, environment: jinja2.Environment) -> str:
    columns, rows = comparison_rows(view)
    return environment.get_template("comparison.md.j2").render(columns=columns, rows=rows)
