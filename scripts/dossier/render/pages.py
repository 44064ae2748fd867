"""Turn the checked model into Markdown pages: {path under docs/: content}, deterministically."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import jinja2

from dossier.model.history import HistoryEntry, ReviewMarks, Tag
from dossier.model.project import CheckedProject
from dossier.model.watch import WatchMatch
from dossier.render import register as render_register
from dossier.render import register_view
from dossier.render import sources as render_sources
from dossier.render.annotations import export_annotations
from dossier.render.citations import render_inline_citations
from dossier.render.comparison import render_comparison
from dossier.render.history import question_timeline
from dossier.render.templating import environment as make_environment
from dossier.site import COMPARISON_PAGE, REGISTER_ANNOTATIONS, question_page

# Where a hand-written page (the home page) shows the register's counts.
REGISTER_SUMMARY_MARKER = "<!-- dossier: register summary -->"


def render_pages(
    checked: CheckedProject,
    as_of: datetime.date,
    history: tuple[HistoryEntry, ...] = (),
    *,
    history_partial: bool = False,
    tags: tuple[Tag, ...] = (),
    review_marks: Mapping[str, ReviewMarks] | None = None,
    watch_matches: Mapping[str, tuple[WatchMatch, ...]] | None = None,
) -> Mapping[str, str]:
    """Every page of the site, keyed by its path under docs/: `render --out` is the whole site.

    Generated pages are new; hand-written ones come back with their citations linked, and
    question pages with a generated header.
    Output depends on the input, `as_of` and `history` (both from git) only, in a stable order;
    `history_partial` says git holds only part of the history (a shallow clone); `tags` are the
    repository's tags, which the history page lists; `review_marks`, by commit, the re-review
    marks each commit of `history` set and cleared (`checks.review.review_marks`), for the feed;
    `watch_matches`, by commit, the watch terms each commit's source texts newly matched
    (`checks.watch.history_watch_matches`), for the timelines.
    """
    environment = make_environment()
    citations = tuple(
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
    sources = render_sources.build_view(
        checked.sources, checked.topics, citations, checked.facts, checked.covered
    )
    pages = render_sources.render_source_pages(sources, environment)
    pages[COMPARISON_PAGE] = render_comparison(sources, environment)
    pages[REGISTER_ANNOTATIONS] = export_annotations(citations)
    register = register_view.build_view(
        checked.categories,
        checked.questions,
        checked.sources,
        citations,
        checked.watch_hits,
        as_of,
        checked.secondary_answers,
        checked.stale_reviews,
    )
    pages.update(
        render_register.render_register_pages(
            register,
            environment,
            history,
            history_partial=history_partial,
            tags=tags,
            review_marks=review_marks or {},
        )
    )
    for question in register.questions:
        pages[question_page(question.id)] = render_register.render_question_page(
            question,
            register,
            environment,
            question_timeline(question.id, history, watch_matches, register.sources),
            history_partial=history_partial,
        )
    for page, markdown in checked.pages.items():
        pages[page] = render_hand_written_page(page, markdown, register, environment)
    return pages


def render_hand_written_page(
    page: str,
    markdown: str,
    register: register_view.RegisterView,
    environment: jinja2.Environment,
) -> str:
    """A page of docs/ with its inline citations linked and the register summary filled in."""
    linked = render_inline_citations(
        markdown, page, lambda place_page, fragment: register.citations.get((place_page, fragment))
    )
    if REGISTER_SUMMARY_MARKER not in linked:
        return linked
    summary = render_register.render_register_summary(register, page, environment)
    return linked.replace(REGISTER_SUMMARY_MARKER, summary)
