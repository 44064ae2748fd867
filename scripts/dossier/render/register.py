"""Register pages: the index, a page per category, each question's page, dashboard and downloads."""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2

from dossier.model.citations import ResolvedCitation
from dossier.model.history import HistoryEntry
from dossier.model.register import Answer, Category, Question
from dossier.model.schemas import schema_text
from dossier.model.sources import Source
from dossier.model.vocabulary import PRIORITIES, STATUSES, UNRESOLVED_STATUSES
from dossier.model.watch import WatchHit
from dossier.render.charts import BarChart, stacked_bar_chart
from dossier.render.citations import citation_link, render_inline_citations
from dossier.render.templating import escape_prose, relative_link
from dossier.site import SEEDS_DATA_FILES, question_page

OLDEST_OPEN_SHOWN = 10

# How the question page's badge names each basis (model.vocabulary.BASES) for a reader.
BASIS_LABELS = {
    "not-mentioned": "sources silent",
    "stated-unspecified": "named, not specified",
    "conflicting": "sources conflict",
    "inference": "our inference, not reporting",
}


@dataclass(frozen=True)
class RegisterView:
    """Everything the register's pages show, gathered once for all of them."""

    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    sources: Mapping[str, Source]
    citations: Mapping[tuple[str, str], ResolvedCitation]
    """Resolved citations by (page, fragment)."""
    watch_hits: Mapping[str, tuple[WatchHit, ...]]
    """Watch hits by question id."""
    as_of: datetime.date
    """The date ages are counted to: the project's last change, so output depends on input only."""

    def age(self, question: Question) -> int:
        return max((self.as_of - question.raised).days, 0)

    def category(self, slug: str) -> Category | None:
        return next((category for category in self.categories if category.slug == slug), None)

    def question(self, question_id: str) -> Question | None:
        return next((question for question in self.questions if question.id == question_id), None)

    def questions_in(self, slug: str) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if question.category == slug)


def build_view(
    categories: tuple[Category, ...],
    questions: tuple[Question, ...],
    sources: tuple[Source, ...],
    citations: tuple[ResolvedCitation, ...],
    watch_hits: tuple[WatchHit, ...],
    as_of: datetime.date,
) -> RegisterView:
    hits: dict[str, list[WatchHit]] = {}
    for hit in watch_hits:
        hits.setdefault(hit.question_id, []).append(hit)
    ordered = tuple(sorted(questions, key=lambda question: question.id))
    return RegisterView(
        categories=categories,
        questions=ordered,
        sources={source.id: source for source in sources},
        citations={(c.citation.place.page, c.citation.place.fragment): c for c in citations},
        watch_hits={question_id: tuple(found) for question_id, found in hits.items()},
        as_of=as_of,
    )


def status_counts(questions: tuple[Question, ...]) -> Counter[str]:
    return Counter(question.status for question in questions)


def answered_only_from_news(question: Question, view: RegisterView) -> bool:
    """An answer that rests on news reports alone is secondary, and the page says so."""
    if question.answer is None:
        return False
    kinds = {
        view.sources[c.source_id].metadata.kind
        for c in question.answer.all_citations
        if c.source_id in view.sources
    }
    return kinds <= {"news"}


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


def export_json(view: RegisterView) -> str:
    """Every question's fields, keyed by id; each entry validates against question.schema.json."""
    questions: dict[str, Any] = {}
    for question in view.questions:
        entry: dict[str, Any] = {
            "title": question.title,
            "category": question.category,
            "status": question.status,
            "priority": question.priority,
            "raised": question.raised.isoformat(),
            "basis": question.basis,
            "resolve_before": question.resolve_before,
            "evidence": [
                {**_citation_fields(citation), "note": note}
                for citation, note in zip(question.evidence, question.evidence_notes, strict=True)
            ],
            "missing": [{"id": item.id, "text": item.text} for item in question.missing],
            "watch": list(question.watch),
            "related": list(question.related),
            "reviewed": list(question.reviewed),
            "answer": None if question.answer is None else _answer_fields(question.answer),
        }
        for field in ("owner", "superseded_by", "reason"):
            if getattr(question, field):
                entry[field] = getattr(question, field)
        questions[question.id] = entry
    document = {"as_of": view.as_of.isoformat(), "questions": questions}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _answer_fields(answer: Answer) -> dict[str, Any]:
    fields: dict[str, Any] = {"text": answer.text}
    if answer.citations:
        fields["citations"] = [_citation_fields(c) for c in answer.citations]
    if answer.items:
        fields["items"] = [
            {
                "item": entry.item,
                **({"text": entry.text} if entry.text else {}),
                **({"not_applicable": entry.not_applicable} if entry.not_applicable else {}),
                "citations": [_citation_fields(c) for c in entry.citations],
            }
            for entry in answer.items
        ]
    return fields


def _citation_fields(citation: Any) -> dict[str, str]:
    fields = {"source": citation.source_id, "quote": citation.quote}
    if citation.prefix:
        fields["prefix"] = citation.prefix
    if citation.suffix:
        fields["suffix"] = citation.suffix
    return fields


CSV_COLUMNS = (
    "id", "title", "category", "status", "priority", "raised", "age_days", "basis",
    "resolve_before", "owner", "missing", "open_items", "watch", "related", "evidence_sources",
    "answer",
)  # fmt: skip


def spreadsheet_safe(cell: object) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading quote."""
    text = str(cell)
    return f"'{text}" if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def _missing_cell(question: Question) -> str:
    return "; ".join(f"{item.id}: {item.text}" for item in question.missing)


def export_csv(view: RegisterView) -> str:
    """One row per question; lists joined with "; " so a spreadsheet shows them in one cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for q in view.questions:
        writer.writerow(
            spreadsheet_safe(cell) for cell in [
                q.id, q.title, q.category, q.status, q.priority, q.raised.isoformat(), view.age(q),
                q.basis, q.resolve_before, q.owner or "", _missing_cell(q),
                "; ".join(q.open_items()), "; ".join(q.watch), "; ".join(q.related),
                "; ".join(sorted({c.source_id for c in q.evidence})),
                q.answer.text if q.answer else "",
            ]
        )  # fmt: skip
    return buffer.getvalue()


def render_question_page(
    question: Question, view: RegisterView, environment: jinja2.Environment
) -> str:
    """The question's page: a generated header, then the body as written, citations linked."""
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
        secondary=answered_only_from_news(question, view),
        cite=lambda resolved, fragment: citation_link(resolved, page, fragment),
        link=lambda to_page: relative_link(page, to_page),
        hits=view.watch_hits.get(question.id, ()),
        basis_label=BASIS_LABELS[question.basis],
    )


def render_register_summary(
    view: RegisterView, from_page: str, environment: jinja2.Environment
) -> str:
    """The register's counts by category and status, for a hand-written page to show."""
    return environment.get_template("register_summary.md.j2").render(
        view=view, counts=status_counts, statuses=STATUSES, from_page=from_page
    )


def touched(entry: HistoryEntry, view: RegisterView) -> list[tuple[str, str, str | None]]:
    """(git status, label, link from the history page or None) for what a commit changed."""
    items: dict[str, tuple[str, str, str | None]] = {}
    for status, path in entry.changed:
        parts = path.split("/")
        if path.startswith("docs/register/") and len(parts) == 4 and path.endswith(".md"):
            question_id = f"{parts[2]}/{parts[3].removesuffix('.md')}"
            known = view.question(question_id)
            items.setdefault(
                question_id, (status, question_id, f"{question_id}.md" if known else None)
            )
        elif (
            path.startswith("seeds/")
            and len(parts) == 2
            and path.endswith((".txt", ".yml"))
            and parts[1] not in SEEDS_DATA_FILES
        ):
            source_id = parts[1].rsplit(".", 1)[0]
            known_source = source_id in view.sources
            link = f"../sources/{source_id}.md" if known_source else None
            items.setdefault(source_id, (status, source_id, link))
    return list(items.values())


def render_register_pages(
    view: RegisterView, environment: jinja2.Environment, history: tuple[HistoryEntry, ...] = ()
) -> dict[str, str]:
    """The register's generated pages and downloads, keyed by path under docs/."""
    pages = {
        "register/index.md": environment.get_template("register_index.md.j2").render(
            view=view, counts=status_counts, statuses=STATUSES, priorities=PRIORITIES
        ),
        "register/dashboard.md": environment.get_template("register_dashboard.md.j2").render(
            view=view,
            charts=(category_chart(view), age_chart(view)),
            oldest=oldest_open(view),
            counts=status_counts,
            statuses=STATUSES,
        ),
    }
    pages["register/history.md"] = environment.get_template("register_history.md.j2").render(
        entries=history, touched=lambda entry: touched(entry, view)
    )
    for category in view.categories:
        pages[f"register/{category.slug}/index.md"] = environment.get_template(
            "register_category.md.j2"
        ).render(view=view, category=category, questions=view.questions_in(category.slug))
    pages["register/register.json"] = export_json(view)
    pages["register/register.csv"] = export_csv(view)
    for name in ("question.schema.json", "source.schema.json"):
        pages[f"register/{name}"] = schema_text(name)
    return pages
