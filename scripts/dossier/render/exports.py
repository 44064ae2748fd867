"""The register's downloads: register.json, register.csv, and the schemas they follow."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from dossier.model.register import Answer, Question
from dossier.model.schemas import QUESTION_SCHEMA, SOURCE_SCHEMA, schema_text
from dossier.render.register_view import RegisterView
from dossier.site import REGISTER_CSV, REGISTER_JSON, register_download

CSV_COLUMNS = (
    "id", "title", "category", "status", "priority", "raised", "age_days", "basis",
    "resolve_before", "owner", "missing", "open_items", "watch", "related", "evidence_sources",
    "answer",
)  # fmt: skip


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
            "reviewed": [{"source": pin.source, "sha256": pin.sha256} for pin in question.reviewed],
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


def _missing_cell(question: Question) -> str:
    return "; ".join(f"{item.id}: {item.text}" for item in question.missing)


def _citation_fields(citation: Any) -> dict[str, str]:
    fields = {"source": citation.source_id, "quote": citation.quote}
    if citation.prefix:
        fields["prefix"] = citation.prefix
    if citation.suffix:
        fields["suffix"] = citation.suffix
    return fields


def spreadsheet_safe(cell: object) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading quote."""
    text = str(cell)
    return f"'{text}" if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


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


def render_downloads(view: RegisterView) -> dict[str, str]:
    """The register's downloads, keyed by path under docs/."""
    downloads = {REGISTER_JSON: export_json(view), REGISTER_CSV: export_csv(view)}
    for name in (QUESTION_SCHEMA, SOURCE_SCHEMA):
        downloads[register_download(name)] = schema_text(name)
    return downloads
