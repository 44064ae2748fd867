"""What a commit did to a question, in words: the change feed and each question's timeline."""

from __future__ import annotations

from collections import Counter

from dossier.model.history import GIT_STATUS_WORDS, QuestionEdit, StatusChange

# What is said of a front-matter field a commit changed, in this order; other fields are named.
FIELD_WORDS = {
    "answer": "answer changed",
    "evidence": "evidence changed",
    "reviewed": "review pins updated",
}
# Said by the status change itself.
UNNAMED_FIELDS = {"status"}


def _status_words(change: StatusChange) -> str:
    if change.before is None:
        return f"status {change.after}"
    if change.after is None:
        return f"status {change.before} removed"
    return f"status {change.before} → {change.after}"


def _evidence_words(edit: QuestionEdit) -> str:
    """`evidence changed (1 added, 2 removed)`, entries compared by source and quote; a changed
    note alone adds and removes none."""
    before = Counter(edit.evidence_before or ())
    after = Counter(edit.evidence_after or ())
    counts = [
        f"{count} {what}"
        for count, what in (
            ((after - before).total(), "added"),
            ((before - after).total(), "removed"),
        )
        if count
    ]
    return FIELD_WORDS["evidence"] + (f" ({', '.join(counts)})" if counts else "")


def _names(fields: list[str]) -> str:
    return fields[0] if len(fields) == 1 else f"{', '.join(fields[:-1])} and {fields[-1]}"


def question_change(git_status: str, status: StatusChange | None, edit: QuestionEdit | None) -> str:
    """What a commit did to a question's file, from its git status letter, its status change and
    the front-matter fields it changed: `added as open`, `status open → answered, answer
    changed, evidence changed (1 added)`, `title and watch changed`, `removed, was open`."""
    if git_status == "A":
        return f"added as {status.after}" if status and status.after else "added"
    if git_status == "D":
        return f"removed, was {status.before}" if status and status.before else "removed"
    words = [] if git_status == "M" else [GIT_STATUS_WORDS.get(git_status, git_status)]
    if status is not None:
        words.append(_status_words(status))
    fields = edit.fields if edit else ()
    for name in FIELD_WORDS:
        if name in fields:
            words.append(
                _evidence_words(edit) if edit and name == "evidence" else FIELD_WORDS[name]
            )
    others = [name for name in fields if name not in FIELD_WORDS and name not in UNNAMED_FIELDS]
    if others:
        words.append(f"{_names(others)} changed")
    return ", ".join(words) or "edited"
