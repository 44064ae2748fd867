"""What changed in the register and the sources between two states of the project, for review."""

from __future__ import annotations

from typing import Any

from dossier.model.register_diff import (
    OWN_SECTIONS,
    ProjectState,
    QuestionState,
    RegisterDiff,
)


def _quote_label(item: Any) -> str:
    if isinstance(item, dict):
        return f"“{item.get('quote', '')}” ({item.get('source', 'this source')})"
    return f"“{item}”"


def _list_changes(before: Any, after: Any) -> list[str]:
    old = before if isinstance(before, list) else ([] if before is None else [before])
    new = after if isinstance(after, list) else ([] if after is None else [after])
    changes = [f"added {_quote_label(item)}" for item in new if item not in old]
    changes += [f"removed {_quote_label(item)}" for item in old if item not in new]
    return changes


def _shown(value: Any) -> str:
    return "(none)" if value is None or value == [] else f"`{value}`"


def _field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    changes = []
    for name in sorted((set(before) | set(after)) - set(OWN_SECTIONS)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if isinstance(old, list) or isinstance(new, list):
            changes += [f"`{name}`: {change}" for change in _list_changes(old, new)]
        else:
            changes.append(f"`{name}`: {_shown(old)} → {_shown(new)}")
    return changes


def _compare_question(
    diff: RegisterDiff, question_id: str, before: QuestionState, after: QuestionState
) -> None:
    old, new = before.front_matter, after.front_matter
    title = after.title
    if old.get("title") != new.get("title"):
        diff.retitled.append((question_id, before.title, after.title))
    if old.get("status") != new.get("status"):
        diff.status.append((question_id, title, str(old.get("status")), str(new.get("status"))))
    if old.get("priority") != new.get("priority"):
        diff.priority.append(
            (question_id, title, str(old.get("priority")), str(new.get("priority")))
        )
    evidence = _list_changes(old.get("evidence"), new.get("evidence"))
    if evidence:
        diff.evidence.append((question_id, title, evidence))
    if old.get("answer") != new.get("answer"):
        answer = new.get("answer")
        text = answer.get("text", "") if isinstance(answer, dict) else ""
        diff.answer.append((question_id, title, f"now: {text}" if text else "answer removed"))
    changes = _field_changes(old, new)
    prose_changed = before.body.strip() != after.body.strip()
    if prose_changed:
        changes.append("the prose (why it matters) changed")
    if changes:
        diff.fields.append((question_id, title, changes))


def _sidecar_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Which sidecar fields changed; lists (claims, quotations) as counts of items."""
    changes = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if isinstance(old, list) or isinstance(new, list):
            old_items, new_items = old or [], new or []
            added = sum(1 for item in new_items if item not in old_items)
            removed = sum(1 for item in old_items if item not in new_items)
            if added or removed:
                changes.append(f"`{name}` ({added} added, {removed} removed)")
        else:
            changes.append(f"`{name}` changed")
    return changes


def _compare_sources(diff: RegisterDiff, before: ProjectState, after: ProjectState) -> None:
    for source_id in sorted(set(before.sources) | set(after.sources)):
        old, new = before.sources.get(source_id), after.sources.get(source_id)
        if old is None and new is not None:
            diff.sources.append(f"added `{source_id}`: {new[1].get('title') or '(untitled)'}")
        elif new is None and old is not None:
            diff.sources.append(f"removed `{source_id}`: {old[1].get('title') or '(untitled)'}")
        elif old is not None and new is not None and old != new:
            what = ["its text changed"] if old[0] != new[0] else []
            what += _sidecar_changes(old[1], new[1])
            diff.sources.append(f"changed `{source_id}`: {'; '.join(what)}")


def diff_states(before: ProjectState, after: ProjectState) -> RegisterDiff:
    diff = RegisterDiff()
    for question_id in sorted(set(before.questions) | set(after.questions)):
        old, new = before.questions.get(question_id), after.questions.get(question_id)
        if old is None and new is not None:
            diff.added.append((question_id, new.title))
        elif new is None and old is not None:
            diff.removed.append((question_id, old.title))
        elif old is not None and new is not None:
            _compare_question(diff, question_id, old, new)
    _compare_sources(diff, before, after)
    return diff
