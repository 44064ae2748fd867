"""The lifecycle of a question between two revisions: which status changes a review may accept."""

from __future__ import annotations

from typing import Any

from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.register import meets_item
from dossier.model.register_diff import REOPENINGS, ProjectState, QuestionState
from dossier.site import DOCS_DIRECTORY, question_page

# Statuses a question leaves only by being re-opened, with new evidence or a note.
CLOSED = ("superseded", "withdrawn")


def _status(state: QuestionState) -> object:
    return state.front_matter.get("status")


def _path(question_id: str) -> str:
    """The question's file, relative to the project's root, as findings name it."""
    return f"{DOCS_DIRECTORY}/{question_page(question_id)}"


def met_items(front_matter: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(ids of items met, ids still open), read leniently from raw front matter."""
    missing = front_matter.get("missing")
    ids = [
        str(item["id"])
        for item in (missing if isinstance(missing, list) else [])
        if isinstance(item, dict) and "id" in item
    ]
    answer = front_matter.get("answer")
    entries = answer.get("items") if isinstance(answer, dict) else None
    met = {
        str(entry.get("item"))
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict)
        and meets_item(entry.get("text"), entry.get("not_applicable"), entry.get("citations"))
    }
    return [i for i in ids if i in met], [i for i in ids if i not in met]


def _evidence_keys(front_matter: dict[str, Any]) -> dict[tuple[str, ...], str]:
    """Each evidence entry's (source, quote, prefix, suffix), with its note."""
    evidence = front_matter.get("evidence")
    return {
        tuple(str(entry.get(key, "")) for key in ("source", "quote", "prefix", "suffix")): str(
            entry.get("note", "")
        )
        for entry in (evidence if isinstance(evidence, list) else [])
        if isinstance(entry, dict)
    }


def _justified(before: QuestionState, after: QuestionState) -> bool:
    """A re-opening brings new evidence, or a note saying why: a changed note or prose."""
    old, new = _evidence_keys(before.front_matter), _evidence_keys(after.front_matter)
    new_evidence = any(key not in old for key in new)
    changed_note = any(key in old and old[key] != note for key, note in new.items())
    return new_evidence or changed_note or before.body.strip() != after.body.strip()


def _text(value: object) -> str:
    """A field's value as the text a rule compares: a list or a mapping is never a status or
    an id, so it compares unequal to every one of them."""
    return value if isinstance(value, str) else repr(value)


def _status_change(
    question_id: str, before: QuestionState, after: QuestionState, ids: set[str]
) -> list[Finding]:
    # A pull request may write anything; a value that is not text is shown, never looked up.
    old, new = (_text(state.front_matter.get("status")) for state in (before, after))
    fields = after.front_matter
    move = f"{question_id}: {old} → {new}"

    def broken(rule: str, fix: str) -> list[Finding]:
        return [
            findings.error(
                _path(question_id), after.line_of("status"), f"{move} breaks {rule}", fix
            )
        ]

    if new == "superseded":
        successor = _text(fields.get("superseded_by"))
        if successor not in ids or successor == question_id:
            return broken(
                "the rule 'superseded names an existing question'",
                f"Set `superseded_by:` to the id of the question that replaces it "
                f"(now {successor!r}), such as crypto-scheme/key-custody.",
            )
        return []
    if new == "withdrawn":
        if not str(fields.get("reason") or "").strip():
            return broken("the rule 'withdrawn says why'", "Say why in `reason:`.")
        return []
    if (old, new) in REOPENINGS or (old in CLOSED and new != old):
        if not _justified(before, after):
            return broken(
                "the rule 're-opening needs new evidence or a note'",
                "Add the evidence that re-opens it, change the note of the evidence it "
                "rests on, or say why in the prose.",
            )
        return []
    met, still_open = met_items(fields)
    if new == "answered" and still_open:
        return broken(
            "the rule 'answered means every item is met, with a citation'",
            f"Answer {', '.join(still_open)} under `answer.items` with citations, declare them "
            "`not_applicable` with a reason and a citation, or set `status: partially-answered`.",
        )
    if new == "partially-answered" and not met:
        return broken(
            "the rule 'partially-answered means at least one item is met, with a citation'",
            "Answer an item under `answer.items` with a citation, or keep `status: open`.",
        )
    return []


def _removal(question_id: str, before: QuestionState, after: ProjectState) -> Finding:
    renamed = [
        other
        for other, state in after.questions.items()
        if state.title == before.title and other != question_id
    ]
    if renamed:
        return findings.error(
            _path(question_id),
            1,
            f"{question_id} was renamed to {renamed[0]}, which breaks the rule 'ids are permanent'",
            f"Restore {_path(question_id)} with `status: superseded` and "
            f"`superseded_by: {renamed[0]}`: outside links to its page keep working.",
        )
    return findings.error(
        _path(question_id),
        1,
        f"{question_id} was removed, which breaks the rule 'ids are permanent'",
        f"Restore {_path(question_id)} and set `status: withdrawn` with a `reason:`, or "
        "`status: superseded` with `superseded_by:`: outside links to its page keep working.",
    )


def lifecycle_findings(before: ProjectState, after: ProjectState) -> list[Finding]:
    """Every status change from `before` to `after` that breaks the lifecycle, and every
    question removed or renamed; each finding names the question, the rule and the fix."""
    problems = []
    ids = set(after.questions)
    for question_id in sorted(set(before.questions) | ids):
        old, new = before.questions.get(question_id), after.questions.get(question_id)
        if old is not None and new is None:
            problems.append(_removal(question_id, old, after))
        elif old is not None and new is not None and _status(old) != _status(new):
            problems += _status_change(question_id, old, new, ids)
    return problems
