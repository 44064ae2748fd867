"""Register pages: the index, a page per category, each question's page, dashboard and downloads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import jinja2

from dossier.model.citations import ResolvedCitation
from dossier.model.history import HistoryEntry, ReviewMarks, Tag
from dossier.model.register import Question
from dossier.model.vocabulary import PRIORITIES, STATUSES, UNRESOLVED_STATUSES
from dossier.render.charts import BarChart, stacked_bar_chart
from dossier.render.citations import citation_anchor, quote_translation, render_inline_citations
from dossier.render.exports import render_downloads
from dossier.render.feed import render_feed
from dossier.render.history import TimelineRow, render_history_page
from dossier.render.register_view import RegisterView
from dossier.render.templating import escape_prose, relative_link
from dossier.site import (
    REGISTER_DASHBOARD_PAGE,
    REGISTER_FEED,
    REGISTER_HISTORY_PAGE,
    REGISTER_INDEX_PAGE,
    category_page,
    question_page,
    source_page,
    url_from,
)

OLDEST_OPEN_SHOWN = 10

# How the question page's badge names each basis (model.vocabulary.BASES) for a reader.
BASIS_LABELS = {
    "not-mentioned": "sources silent",
    "stated-unspecified": "named, not specified",
    "conflicting": "sources conflict",
    "inference": "our inference, not reporting",
}


def status_counts(questions: tuple[Question, ...]) -> Counter[str]:
    return Counter(question.status for question in questions)


def category_chart(view: RegisterView) -> BarChart:
    rows = [
        (category.title, dict(status_counts(view.questions_in(category.slug))))
        for category in view.categories
    ]
    return stacked_bar_chart(
        "Questions by category and status",
        "One bar per category, its length the number of questions, coloured by status.",
        rows,
        STATUSES,
    )


def oldest_open(view: RegisterView) -> tuple[Question, ...]:
    unresolved = [q for q in view.questions if q.status in UNRESOLVED_STATUSES]
    return tuple(sorted(unresolved, key=lambda q: (q.raised, q.id))[:OLDEST_OPEN_SHOWN])


def age_chart(view: RegisterView) -> BarChart:
    rows = [
        (question.id, {question.priority: view.age(question)}) for question in oldest_open(view)
    ]
    return stacked_bar_chart(
        f"Oldest unresolved questions, age in days on {view.as_of.isoformat()}",
        "One bar per question, its length the days since it was raised, coloured by priority.",
        rows,
        PRIORITIES,
    )


def render_question_page(
    question: Question,
    view: RegisterView,
    environment: jinja2.Environment,
    timeline: Sequence[TimelineRow] = (),
    *,
    history_partial: bool = False,
) -> str:
    """The question's page: a generated header, its timeline from git, then the body as written,
    citations linked."""
    page = question_page(question.id)
    resolve: Callable[[str, str], ResolvedCitation | None] = lambda p, f: view.citations.get((p, f))  # noqa: E731
    body = render_inline_citations(question.body, page, resolve, escape=escape_prose)
    return environment.get_template("question.md.j2").render(
        question=question,
        view=view,
        page=page,
        body=body,
        evidence=[
            (view.citations.get((page, c.place.fragment)), note)
            for c, note in zip(question.evidence, question.evidence_notes, strict=True)
        ],
        answer_citations=[
            view.citations.get((page, c.place.fragment)) for c in question.answer.citations
        ]
        if question.answer
        else [],
        items=[
            (
                item,
                entry := question.answer.item(item.id) if question.answer else None,
                [view.citations.get((page, c.place.fragment)) for c in entry.citations]
                if entry
                else [],
            )
            for item in question.missing
        ],
        secondary=question.id in view.secondary_answers,
        stale=view.stale_reviews.get(question.id, ()),
        cite=lambda resolved, fragment, with_translation=True: citation_anchor(
            resolved,
            url_from(page, source_page(resolved.source.id), resolved.anchor),
            fragment,
            with_translation=with_translation,
        ),
        translate=quote_translation,
        link=lambda to_page: relative_link(page, to_page),
        url=lambda to_page, fragment="": url_from(page, to_page, fragment),
        hits=view.watch_hits.get(question.id, ()),
        basis_label=BASIS_LABELS[question.basis],
        timeline=timeline,
        history_partial=history_partial,
    )


def render_register_summary(
    view: RegisterView, from_page: str, environment: jinja2.Environment
) -> str:
    """The register's counts by category and status, for a hand-written page to show."""
    return environment.get_template("register_summary.md.j2").render(
        view=view, counts=status_counts, statuses=STATUSES, from_page=from_page
    )


def render_register_pages(
    view: RegisterView,
    environment: jinja2.Environment,
    history: tuple[HistoryEntry, ...] = (),
    *,
    history_partial: bool = False,
    tags: tuple[Tag, ...] = (),
    review_marks: Mapping[str, ReviewMarks] | None = None,
) -> dict[str, str]:
    """The register's generated pages and downloads, keyed by path under docs/.

    `review_marks`, by commit, are the re-review marks the feed reports.
    """
    pages = {
        REGISTER_INDEX_PAGE: environment.get_template("register_index.md.j2").render(
            view=view, counts=status_counts, statuses=STATUSES, priorities=PRIORITIES
        ),
        REGISTER_DASHBOARD_PAGE: environment.get_template("register_dashboard.md.j2").render(
            view=view,
            charts=(category_chart(view), age_chart(view)),
            oldest=oldest_open(view),
            counts=status_counts,
            statuses=STATUSES,
        ),
    }
    pages[REGISTER_HISTORY_PAGE] = render_history_page(
        view, environment, history, partial=history_partial, tags=tags
    )
    for category in view.categories:
        pages[category_page(category.slug)] = environment.get_template(
            "register_category.md.j2"
        ).render(view=view, category=category, questions=view.questions_in(category.slug))
    pages.update(render_downloads(view))
    pages[REGISTER_FEED] = render_feed(view, history, review_marks or {})
    return pages
