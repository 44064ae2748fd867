"""What changed in the register and the sources between two states of the project, for review."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

from dossier.checks.citations import resolve_citation
from dossier.model.citations import Citation, CitingPlace
from dossier.model.register_diff import (
    OWN_SECTIONS,
    AnswerChange,
    CitedQuote,
    EvidenceChange,
    ProjectState,
    QuestionState,
    RegisterDiff,
)
from dossier.model.sources import Source
from dossier.text.inline_citations import find_inline_citations

CITATION_FIELDS = ("source", "quote", "prefix", "suffix")

# A raw citation ({source, quote, prefix, suffix}) with the sentence it cites, where it resolves.
Locate = Callable[[dict[str, Any]], CitedQuote]


def locator(sources: Mapping[str, Source]) -> Locate:
    """Resolve raw citations against `sources`, leniently: one that fails has no anchor."""

    def locate(data: dict[str, Any]) -> CitedQuote:
        source_id, quote = str(data.get("source", "")), str(data.get("quote", ""))
        citation = Citation(
            source_id,
            quote,
            CitingPlace("", 1, "", "", ""),
            str(data.get("prefix", "")),
            str(data.get("suffix", "")),
        )
        resolved, _ = resolve_citation(citation, sources)
        return CitedQuote(source_id, quote, resolved.anchor if resolved else None)

    return locate


def _code(value: object) -> str:
    """`value` as a Markdown code span, in which nothing a pull request writes is interpreted."""
    return "`" + " ".join(str(value).replace("`", "'").split()) + "`"


def _quote_label(item: Any) -> str:
    if isinstance(item, dict) and "id" in item:
        return f"{_code(item.get('id'))}: {_code(item.get('text', ''))}"
    if isinstance(item, dict):
        return f"{_code(item.get('quote', ''))} ({_code(item.get('source', 'this source'))})"
    return _code(item)


def _key(entry: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(entry.get(name, "")) for name in CITATION_FIELDS)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _evidence_changes(
    before: Any, after: Any, locate: tuple[Locate, Locate]
) -> list[EvidenceChange]:
    """Evidence entries added, removed, or with a new note under the same quote; a quote is
    located in the sources of the side it is on."""
    old = {_key(entry): entry for entry in _dicts(before)}
    new = {_key(entry): entry for entry in _dicts(after)}
    changes = []
    for key, entry in new.items():
        note = str(entry.get("note", ""))
        if key not in old:
            changes.append(EvidenceChange("added", locate[1](entry), note))
        elif str(old[key].get("note", "")) != note:
            old_note = str(old[key].get("note", ""))
            changes.append(EvidenceChange("note changed", locate[1](entry), note, old_note))
    changes += [
        EvidenceChange("removed", locate[0](entry), str(entry.get("note", "")))
        for key, entry in old.items()
        if key not in new
    ]
    return changes


def _answer_entries(answer: Any) -> dict[str | None, dict[str, Any]]:
    """The summary (key None) and each item's entry, by item id."""
    if not isinstance(answer, dict):
        return {}
    entries: dict[str | None, dict[str, Any]] = {None: answer}
    entries |= {str(entry.get("item")): entry for entry in _dicts(answer.get("items"))}
    return entries


def _answer_text(entry: dict[str, Any]) -> str:
    if entry.get("not_applicable"):
        return f"not applicable: {entry['not_applicable']}"
    return str(entry.get("text", ""))


def _answer_changes(before: Any, after: Any, locate: tuple[Locate, Locate]) -> list[AnswerChange]:
    """The answer's summary and each item: added, changed or removed, with their citations."""
    old, new = _answer_entries(before), _answer_entries(after)
    changes = []
    for item in [*new, *(key for key in old if key not in new)]:
        was, now = old.get(item), new.get(item)
        entry = now if now is not None else was
        assert entry is not None
        summary = {k: v for k, v in entry.items() if k != "items"}
        if was is not None and now is not None:
            same = {k: v for k, v in was.items() if k != "items"} == summary
            if same:
                continue
        what = "added" if was is None else "removed" if now is None else "changed"
        side = locate[0] if now is None else locate[1]
        citations = tuple(side(c) for c in _dicts(entry.get("citations")))
        changes.append(AnswerChange(item, what, _answer_text(entry), citations))
    return changes


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The words of `after` against `before` as (`equal`, `delete` or `insert`, text) runs."""
    old, new = before.split(), after.split()
    runs = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            runs.append(("delete", " ".join(old[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(("insert", " ".join(new[j1:j2])))
        if tag == "equal":
            runs.append(("equal", " ".join(old[i1:i2])))
    return runs


def _list_changes(before: Any, after: Any) -> list[str]:
    old = before if isinstance(before, list) else ([] if before is None else [before])
    new = after if isinstance(after, list) else ([] if after is None else [after])
    changes = [f"added {_quote_label(item)}" for item in new if item not in old]
    changes += [f"removed {_quote_label(item)}" for item in old if item not in new]
    return changes


def _shown(value: Any) -> str:
    return "(none)" if value is None or value == [] else _code(value)


def _field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    changes = []
    for name in sorted((set(before) | set(after)) - set(OWN_SECTIONS), key=str):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if isinstance(old, list) or isinstance(new, list):
            changes += [f"{_code(name)}: {change}" for change in _list_changes(old, new)]
        else:
            changes.append(f"{_code(name)}: {_shown(old)} → {_shown(new)}")
    return changes


def _compare_question(
    diff: RegisterDiff,
    question_id: str,
    before: QuestionState,
    after: QuestionState,
    locate: tuple[Locate, Locate],
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
    evidence = _evidence_changes(old.get("evidence"), new.get("evidence"), locate)
    if evidence:
        diff.evidence.append((question_id, title, evidence))
    answer = _answer_changes(old.get("answer"), new.get("answer"), locate)
    if answer:
        diff.answer.append((question_id, title, answer))
    changes = _field_changes(old, new)
    if before.body.strip() != after.body.strip():
        diff.prose.append((question_id, title, word_diff(before.body, after.body)))
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
                changes.append(f"{_code(name)} ({added} added, {removed} removed)")
        else:
            changes.append(f"{_code(name)} changed")
    return changes


def _compare_sources(diff: RegisterDiff, before: ProjectState, after: ProjectState) -> None:
    for source_id in sorted(set(before.sources) | set(after.sources)):
        old, new = before.sources.get(source_id), after.sources.get(source_id)
        if old is None and new is not None:
            title = _code(new[1].get("title") or "(untitled)")
            diff.sources.append(f"added {_code(source_id)}: {title}")
        elif new is None and old is not None:
            title = _code(old[1].get("title") or "(untitled)")
            diff.sources.append(f"removed {_code(source_id)}: {title}")
        elif old is not None and new is not None and old != new:
            what = ["its text changed"] if old[0] != new[0] else []
            what += _sidecar_changes(old[1], new[1])
            diff.sources.append(f"changed {_code(source_id)}: {'; '.join(what)}")


def _cited_sources(state: QuestionState) -> set[str]:
    """The sources a question's file cites, read leniently: evidence, answer and body."""
    front_matter = state.front_matter
    answer = front_matter.get("answer")
    answer = answer if isinstance(answer, dict) else {}
    entries = _dicts(front_matter.get("evidence")) + _dicts(answer.get("citations"))
    for item in _dicts(answer.get("items")):
        entries += _dicts(item.get("citations"))
    cited = {str(entry.get("source")) for entry in entries if entry.get("source")}
    inline, _ = find_inline_citations(state.body, "", "")
    return cited | {citation.source_id for citation in inline}


def _pins(state: QuestionState) -> dict[str, str]:
    return {
        str(entry.get("source")): str(entry.get("sha256"))
        for entry in _dicts(state.front_matter.get("reviewed"))
    }


def _compare_reviews(diff: RegisterDiff, before: ProjectState, after: ProjectState) -> None:
    """The questions that cite a source whose text this change altered, and do not pin it anew."""
    changed = {
        source_id
        for source_id, (sha256, _) in after.sources.items()
        if source_id in before.sources and before.sources[source_id][0] != sha256
    }
    for question_id, state in sorted(after.questions.items()):
        pins = _pins(state)
        stale = sorted(
            source_id
            for source_id in _cited_sources(state) & changed
            if pins.get(source_id) != after.sources[source_id][0]
        )
        if stale:
            diff.needs_review.append((question_id, state.title, stale))


def diff_states(
    before: ProjectState,
    after: ProjectState,
    sources_before: Mapping[str, Source] | None = None,
    sources_after: Mapping[str, Source] | None = None,
) -> RegisterDiff:
    """What changed from `before` to `after`; quotes are located in the sources of each side."""
    diff = RegisterDiff()
    locate = (locator(sources_before or {}), locator(sources_after or {}))
    for question_id in sorted(set(before.questions) | set(after.questions)):
        old, new = before.questions.get(question_id), after.questions.get(question_id)
        if old is None and new is not None:
            diff.added.append((question_id, new.title))
        elif new is None and old is not None:
            diff.removed.append((question_id, old.title))
        elif old is not None and new is not None:
            _compare_question(diff, question_id, old, new, locate)
    _compare_sources(diff, before, after)
    _compare_reviews(diff, before, after)
    return diff
