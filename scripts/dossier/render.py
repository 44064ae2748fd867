"""Turn the checked model into Markdown pages: {path under docs/: content}, deterministically."""

from __future__ import annotations

import datetime
import posixpath
from collections import defaultdict
from collections.abc import Mapping

import jinja2

from dossier.checks import CheckedProject
from dossier.citations import DATE_EVIDENCE_FRAGMENT, CitingPlace, ResolvedCitation
from dossier.render_register import build_view, render_question_page, render_register_pages
from dossier.sources import Source
from dossier.templating import environment as make_environment


def source_page_path(source: Source) -> str:
    return f"sources/{source.id}.md"


def link_from(page: str, place: CitingPlace) -> str:
    """A relative Markdown link target from `page` to where `place` cites."""
    if place.page == page:
        return f"#{place.fragment}"
    target = posixpath.relpath(place.page, posixpath.dirname(page) or ".")
    return f"{target}#{place.fragment}"


def render_source_page(
    source: Source, citations: tuple[ResolvedCitation, ...], environment: jinja2.Environment
) -> str:
    own = [c for c in citations if c.source.id == source.id]
    cited_by: dict[str, list[CitingPlace]] = defaultdict(list)
    for citation in own:
        for sentence in citation.sentences:
            cited_by[sentence.anchor].append(citation.citation.place)
    page = source_page_path(source)
    date_evidence = next(
        (
            c
            for c in own
            if c.citation.place.page == page and c.citation.place.fragment == DATE_EVIDENCE_FRAGMENT
        ),
        None,
    )
    return environment.get_template("source.md.j2").render(
        source=source,
        cited_by=cited_by,
        date_evidence=date_evidence,
        link=lambda place: link_from(page, place),
    )


def render_sources_index(sources: tuple[Source, ...], environment: jinja2.Environment) -> str:
    return environment.get_template("sources_index.md.j2").render(sources=sources)


def render_pages(checked: CheckedProject, as_of: datetime.date) -> Mapping[str, str]:
    """Every page the dossier generates or decorates, keyed by its path under docs/.

    Question pages replace their hand-written files: the same file with a generated header.
    Output depends on the input and `as_of` only, in a stable order.
    """
    environment = make_environment()
    ordered = tuple(sorted(checked.sources, key=lambda source: source.id))
    ordered_citations = tuple(
        sorted(
            checked.citations,
            key=lambda c: (
                c.citation.place.page,
                c.citation.place.path,
                c.citation.place.line,
                c.citation.place.fragment,
            ),
        )
    )
    pages = {"sources/index.md": render_sources_index(ordered, environment)}
    for source in ordered:
        pages[source_page_path(source)] = render_source_page(source, ordered_citations, environment)
    view = build_view(
        checked.categories,
        checked.questions,
        checked.sources,
        ordered_citations,
        checked.watch_hits,
        as_of,
    )
    pages.update(render_register_pages(view, environment))
    for question in view.questions:
        pages[question.page] = render_question_page(question, view, environment)
    return pages


def new_question_text(title: str, category: str, today: datetime.date, source_id: str) -> str:
    """A new question file for `new-question`: every field present, placeholders to replace."""
    return (
        make_environment()
        .get_template("new_question.md.j2")
        .render(title=title, category=category, today=today.isoformat(), source_id=source_id)
    )
