"""What changed in the register and the sources between two states of the project, for review."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.register import REGISTER_DIRECTORY, split_front_matter
from dossier.sources import SEEDS_DIRECTORY
from dossier.yamldoc import YamlDocumentError, iso_dates, parse_yaml

# Moves that take an answer back: they need new evidence or a note saying why.
REOPENINGS = {
    ("answered", "open"),
    ("answered", "partially-answered"),
    ("partially-answered", "open"),
}
# Fields reported in sections of their own; every other field is compared one by one.
OWN_SECTIONS = ("title", "status", "priority", "evidence", "answer")


@dataclass(frozen=True)
class QuestionState:
    front_matter: dict[str, Any]
    body: str

    @property
    def title(self) -> str:
        return str(self.front_matter.get("title", "(no title)"))


@dataclass(frozen=True)
class ProjectState:
    """The register's questions and the sources, as files say them: no validation needed."""

    questions: dict[str, QuestionState]
    sources: dict[str, tuple[str, dict[str, Any]]]
    """Source id: (sha256 of its text, its sidecar's fields)."""


@dataclass
class RegisterDiff:
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    retitled: list[tuple[str, str, str]] = field(default_factory=list)
    status: list[tuple[str, str, str, str]] = field(default_factory=list)
    priority: list[tuple[str, str, str, str]] = field(default_factory=list)
    evidence: list[tuple[str, str, list[str]]] = field(default_factory=list)
    answer: list[tuple[str, str, str]] = field(default_factory=list)
    fields: list[tuple[str, str, list[str]]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    unjustified_reopenings: list[tuple[str, str]] = field(default_factory=list)
    """Questions taken back from answered with neither a new citation nor a changed text."""

    def is_empty(self) -> bool:
        return not any(vars(self).values())


def _load_yaml(text: str) -> dict[str, Any]:
    try:
        data = iso_dates(parse_yaml(text).data)
    except YamlDocumentError:
        return {"(invalid YAML)": text}
    return data if isinstance(data, dict) else {}


def read_state(root: Path) -> ProjectState:
    """The register and sources under `root`, read leniently: a broken file is still compared."""
    questions = {}
    register = root / REGISTER_DIRECTORY
    for path in sorted(register.glob("*/*.md")) if register.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        parts = split_front_matter(text)
        front_matter, body = (_load_yaml(parts[0]), parts[1]) if parts else ({}, text)
        questions[path.relative_to(register).with_suffix("").as_posix()] = QuestionState(
            front_matter, body
        )
    sources = {}
    seeds = root / SEEDS_DIRECTORY
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        sidecar = path.with_suffix(".yml")
        fields = (
            _load_yaml(sidecar.read_text(encoding="utf-8", errors="replace"))
            if sidecar.is_file()
            else {}
        )
        sources[path.stem] = (hashlib.sha256(path.read_bytes()).hexdigest(), fields)
    return ProjectState(questions, sources)


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
    reopened = (old.get("status"), new.get("status")) in REOPENINGS
    if reopened and not evidence and not prose_changed:
        diff.unjustified_reopenings.append((question_id, title))
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


def render_diff(diff: RegisterDiff, base: str, head: str) -> str:
    """The diff as Markdown, for a pull request's job summary or a terminal."""
    lines = [f"## Register changes from {base} to {head}", ""]
    if diff.is_empty():
        return "\n".join([*lines, "No change to the register or the sources."])

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"### {title} ({len(items)})", "", *items, ""])

    section(
        "Re-opened without a new citation or note",
        [
            f"- `{qid}`: {title} — add the evidence or the explanation that re-opens it"
            for qid, title in diff.unjustified_reopenings
        ],
    )
    section("Questions added", [f"- `{qid}`: {title}" for qid, title in diff.added])
    section("Questions removed", [f"- `{qid}`: {title}" for qid, title in diff.removed])
    section(
        "Status changes",
        [f"- `{qid}`: {title} — **{old} → {new}**" for qid, title, old, new in diff.status],
    )
    section(
        "Priority changes",
        [f"- `{qid}`: {title} — **{old} → {new}**" for qid, title, old, new in diff.priority],
    )
    section("Answer changes", [f"- `{qid}`: {title} — {what}" for qid, title, what in diff.answer])
    section(
        "Evidence changes",
        [f"- `{qid}`: {title} — {'; '.join(what)}" for qid, title, what in diff.evidence],
    )
    section("Titles changed", [f"- `{qid}`: “{old}” → “{new}”" for qid, old, new in diff.retitled])
    section(
        "Other changes",
        [f"- `{qid}`: {title} — {'; '.join(what)}" for qid, title, what in diff.fields],
    )
    section("Sources", [f"- {line}" for line in diff.sources])
    return "\n".join(lines).rstrip("\n")
