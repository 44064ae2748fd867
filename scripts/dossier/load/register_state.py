"""Read the register and sources of a revision leniently, for `diff`: broken files still count."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from dossier.model.register_diff import ProjectState, QuestionState
from dossier.site import REGISTER_DIRECTORY, SEEDS_DIRECTORY, SIDECAR_SUFFIX, TEXT_SUFFIX
from dossier.text.front_matter import split_front_matter
from dossier.text.yamldoc import YamlDocumentError, iso_dates, parse_yaml


def _load_yaml(text: str, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """The fields of a YAML mapping and the line of each; a broken file is kept as text."""
    try:
        document = parse_yaml(text, first_line)
    except YamlDocumentError:
        return {"(invalid YAML)": text}, {}
    data = iso_dates(document.data)
    if not isinstance(data, dict):
        return {}, {}
    return data, {str(key[0]): line for key, line in document.lines.items() if len(key) == 1}


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
