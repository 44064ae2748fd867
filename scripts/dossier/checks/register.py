"""Rules across the register's questions and categories that a schema cannot state."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping

from dossier.checks.answers import answer_findings
from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.register import Category, Question
from dossier.model.sources import Source
from dossier.model.vocabulary import ANSWERED_STATUSES


def _status_findings(question: Question, today: datetime.date) -> list[Finding]:
    problems = []

    def problem(field: str, message: str, hint: str) -> None:
        problems.append(findings.error(question.path, question.line_of(field), message, hint))

    if question.status in ANSWERED_STATUSES and question.answer is None:
        problem(
            "status",
            f"status is {question.status} but there is no answer",
            "Add `answer:` with its text, and under `answer.items` each item it answers, "
            "with a citation.",
        )
    if question.status == "superseded" and not question.superseded_by:
        problem(
            "status",
            "status is superseded but superseded_by is missing",
            "Name the question that replaces it in `superseded_by:`.",
        )
    if question.status == "withdrawn" and not question.reason:
        problem("status", "status is withdrawn but there is no reason", "Say why in `reason:`.")
    if question.raised > today:
        problem(
            "raised",
            f"raised {question.raised.isoformat()} is in the future",
            f"Use the date it was raised, at latest {today.isoformat()}.",
        )
    return problems


def lint_register(
    questions: tuple[Question, ...], categories: tuple[Category, ...], today: datetime.date
) -> list[Finding]:
    """Rules across questions and categories that a schema cannot state."""
    problems = []
    slugs = [category.slug for category in categories]
    ids = {question.id for question in questions}
    title_counts = Counter(question.title.casefold() for question in questions)
    for question in questions:
        folder = question.id.split("/")[0]
        if folder not in slugs:
            problems.append(
                findings.error(
                    question.path,
                    question.line_of("category"),
                    f"unknown category {folder!r}",
                    f"Categories: {', '.join(slugs)}.",
                )
            )
        if question.category != folder:
            problems.append(
                findings.error(
                    question.path,
                    question.line_of("category"),
                    f"category {question.category!r} disagrees with the folder {folder!r}",
                    f"Move the file to docs/register/{question.category}/ "
                    f"or set `category: {folder}`.",
                )
            )
        if title_counts[question.title.casefold()] > 1:
            others = sorted(
                q.id
                for q in questions
                if q.title.casefold() == question.title.casefold() and q is not question
            )
            problems.append(
                findings.error(
                    question.path,
                    question.line_of("title"),
                    f"duplicate title {question.title!r}, also in {', '.join(others)}",
                    "Give each question its own title, or merge them.",
                )
            )
        named = [("related", related) for related in question.related]
        named += [("superseded_by", question.superseded_by)] if question.superseded_by else []
        for field, related in named:
            if related not in ids:
                problems.append(
                    findings.error(
                        question.path,
                        question.line_of(field),
                        f"{field}: {related!r} names no question of the register",
                        "Use an id such as crypto-scheme/key-custody: the file's path "
                        "under docs/register/ without .md.",
                    )
                )
        problems += _status_findings(question, today)
        problems += answer_findings(question)
    return problems


def answered_only_from_news(question: Question, sources: Mapping[str, Source]) -> bool:
    """An answer that rests on news reports alone is secondary, and the page says so."""
    if question.answer is None:
        return False
    kinds = {
        sources[c.source_id].metadata.kind
        for c in question.answer.all_citations
        if c.source_id in sources
    }
    return kinds <= {"news"}


def secondary_answers(
    questions: tuple[Question, ...], sources: tuple[Source, ...]
) -> frozenset[str]:
    """The ids of the questions whose answer rests on news reports alone."""
    by_id = {source.id: source for source in sources}
    return frozenset(q.id for q in questions if answered_only_from_news(q, by_id))
