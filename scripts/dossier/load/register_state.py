"""Read the register and sources of a revision leniently, for `diff`: broken files still count."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from dossier.model.history import QuestionEdit, StatusChange
from dossier.model.register_diff import ProjectState, QuestionState
from dossier.site import REGISTER_DIRECTORY, SEEDS_DIRECTORY, SIDECAR_SUFFIX, TEXT_SUFFIX
from dossier.text.front_matter import split_front_matter
from dossier.text.yamldoc import YamlDocumentError, iso_dates, parse_yaml

# The one field of a file whose YAML does not parse: its text, compared as it is.
INVALID_YAML = "(invalid YAML)"


def _load_yaml(text: str, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """The fields of a YAML mapping and the line of each; a broken file is kept as text."""
    try:
        document = parse_yaml(text, first_line)
    except YamlDocumentError:
        return {INVALID_YAML: text}, {}
    data = iso_dates(document.data)
    if not isinstance(data, dict):
        return {}, {}
    return data, {str(key[0]): line for key, line in document.lines.items() if len(key) == 1}


def _status_line(front_matter: str) -> str | None:
    """`open` from a top-level line such as `status: "open"  # a comment`, for YAML that does not
    parse: a question's front matter holds its status on one such line (question.schema.json)."""
    for line in front_matter.splitlines():
        if line.startswith("status:"):
            value = line[len("status:") :].split(" #", 1)[0].strip()
            return value.strip("'\"")
    return None


def question_front_matter(data: bytes) -> dict[str, Any]:
    """A question file's front matter, read leniently: history may hold files that never
    validated (broken YAML, a date no calendar has), so what does not parse gives its status line
    alone."""
    parts = split_front_matter(data.decode("utf-8", "replace"))
    if parts is None:
        return {}
    front_matter, _ = _load_yaml(parts[0])
    if INVALID_YAML in front_matter:
        status = _status_line(parts[0])
        return {} if status is None else {"status": status}
    return front_matter


def _pins(front_matter: dict[str, Any] | None) -> tuple[tuple[str, str], ...] | None:
    if front_matter is None:
        return None
    entries = front_matter.get("reviewed")
    return tuple(
        sorted(
            (str(entry["source"]), str(entry["sha256"]))
            for entry in (entries if isinstance(entries, list) else ())
            if isinstance(entry, dict) and "source" in entry and "sha256" in entry
        )
    )


def _evidence(front_matter: dict[str, Any] | None) -> tuple[tuple[str, str], ...] | None:
    if front_matter is None:
        return None
    entries = front_matter.get("evidence")
    return tuple(
        (str(entry.get("source")), str(entry.get("quote")))
        for entry in (entries if isinstance(entries, list) else ())
        if isinstance(entry, dict)
    )


def _status(front_matter: dict[str, Any] | None) -> str | None:
    if front_matter is None or front_matter.get("status") is None:
        return None
    return str(front_matter["status"])


def question_edit(
    path: str, before: bytes | None, after: bytes | None
) -> tuple[QuestionEdit, StatusChange | None]:
    """What a commit changed in the question file at `path`, from its bytes before and after
    (None for the side where the file does not exist), and its status change if it has one."""
    old = question_front_matter(before) if before is not None else None
    new = question_front_matter(after) if after is not None else None
    fields: tuple[str, ...] = ()
    if old is not None and new is not None:
        fields = tuple(sorted(key for key in set(old) | set(new) if old.get(key) != new.get(key)))
    edit = QuestionEdit(path, fields, _pins(old), _pins(new), _evidence(old), _evidence(new))
    status = None
    if _status(old) != _status(new):
        status = StatusChange(path, _status(old), _status(new))
    return edit, status


def read_state(root: Path) -> ProjectState:
    """The register and sources under `root`, read leniently: a broken file is still compared."""
    questions = {}
    register = root / REGISTER_DIRECTORY
    for path in sorted(register.glob("*/*.md")) if register.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        parts = split_front_matter(text)
        front_matter, lines = _load_yaml(parts[0], first_line=2) if parts else ({}, {})
        body = parts[1] if parts else text
        questions[path.relative_to(register).with_suffix("").as_posix()] = QuestionState(
            front_matter, body, lines
        )
    sources = {}
    seeds = root / SEEDS_DIRECTORY
    for path in sorted(seeds.glob(f"*{TEXT_SUFFIX}")) if seeds.is_dir() else []:
        sidecar = path.with_suffix(SIDECAR_SUFFIX)
        fields = (
            _load_yaml(sidecar.read_text(encoding="utf-8", errors="replace"))[0]
            if sidecar.is_file()
            else {}
        )
        sources[path.stem] = (hashlib.sha256(path.read_bytes()).hexdigest(), fields)
    return ProjectState(questions, sources)
