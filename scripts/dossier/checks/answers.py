"""Answers item by item: each `missing` item has its own id, and a status says how many are met."""

from __future__ import annotations

from collections import Counter

from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.register import Answer, Question


def _listed(ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(ids)


def _duplicate_ids(question: Question) -> list[Finding]:
    counts = Counter(item.id for item in question.missing)
    return [
        findings.error(
            question.path,
            question.line_of("missing"),
            f"missing: the id {item_id!r} is used {count} times",
            "Give each item its own id: answers name the items they answer by it.",
        )
        for item_id, count in counts.items()
        if count > 1
    ]


def _entry_findings(question: Question, answer: Answer) -> list[Finding]:
    """Each entry of answer.items names a known item, once, with either text or a reason."""
    problems = []
    known = [item.id for item in question.missing]
    seen: set[str] = set()
    for entry in answer.items:
        if entry.item not in known:
            problems.append(
                findings.error(
                    question.path,
                    entry.line,
                    f"answer.items: {entry.item!r} is no item of missing",
                    f"Name one of the question's items: {_listed(known)}.",
                )
            )
        elif entry.item in seen:
            problems.append(
                findings.error(
                    question.path,
                    entry.line,
                    f"answer.items: {entry.item!r} is answered twice",
                    "Merge the two entries into one, with all their citations.",
                )
            )
        seen.add(entry.item)
        if bool(entry.text) == bool(entry.not_applicable):
            problems.append(
                findings.error(
                    question.path,
                    entry.line,
                    f"answer.items: {entry.item!r} needs either `text` or `not_applicable`",
                    "Write what the sources specify in `text`, or why the item does not apply "
                    "in `not_applicable`; not both.",
                )
            )
    return problems


def _status_findings(question: Question) -> list[Finding]:
    """The status agrees with the items met: open none, partially-answered some, answered all."""
    still_open = question.open_items()
    met = [item.id for item in question.missing if item.id not in still_open]

    def problem(message: str, hint: str) -> Finding:
        return findings.error(question.path, question.line_of("status"), message, hint)

    if question.status == "open" and met:
        return [
            problem(
                f"status is open but item(s) {_listed(met)} are answered",
                "Set `status: partially-answered` (or `answered` once every item is), "
                "or remove the answers.",
            )
        ]
    if question.answer is None:
        return []  # an answered status without an answer has a finding of its own
    if question.status == "answered" and still_open:
        return [
            problem(
                f"status is answered but item(s) {_listed(still_open)} are still open",
                "Answer each under `answer.items` with a citation, declare it `not_applicable` "
                "with a reason and a citation, or set `status: partially-answered`.",
            )
        ]
    if question.status == "partially-answered" and not met:
        return [
            problem(
                "status is partially-answered but no item is answered; "
                f"open: {_listed(still_open)}",
                "Answer at least one item under `answer.items` with a citation, "
                "or set `status: open`.",
            )
        ]
    if question.status == "partially-answered" and not still_open:
        return [
            problem(
                "status is partially-answered but every item is answered",
                "Set `status: answered`.",
            )
        ]
    return []


def answer_findings(question: Question) -> list[Finding]:
    """Item ids unique; answers name known items; the status agrees with the items answered."""
    problems = _duplicate_ids(question)
    if question.answer is not None:
        problems += _entry_findings(question, question.answer)
    return problems + _status_findings(question)
