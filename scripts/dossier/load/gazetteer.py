"""Load seeds/gazetteer.yml: the names of organisations, people and places, by language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dossier.load.textfiles import read_yaml
from dossier.model import findings
from dossier.model.facts import KINDS, Gazetteer, GazetteerEntry
from dossier.model.findings import Finding
from dossier.site import GAZETTEER_FILE, SEEDS_DIRECTORY


def load_gazetteer(root: Path) -> tuple[Gazetteer, list[Finding]]:
    path = root / SEEDS_DIRECTORY / GAZETTEER_FILE
    relative = f"{SEEDS_DIRECTORY}/{GAZETTEER_FILE}"
    empty = Gazetteer((), frozenset())
    if not path.is_file():
        return empty, []
    document, unreadable = read_yaml(path, relative)
    if document is None:
        return empty, unreadable
    data = document.data if isinstance(document.data, dict) else {}
    entries = []
    problems = []
    for index, entry in enumerate(data.get("entries") or []):
        fields: dict[str, Any] = entry if isinstance(entry, dict) else {}
        aliases = fields.get("aliases")
        if not (
            isinstance(fields.get("name"), str)
            and fields.get("kind") in KINDS
            and isinstance(aliases, dict)
        ):
            problems.append(
                findings.error(
                    relative,
                    document.line_of(("entries", index)),
                    f"entry {index + 1} needs a name, a kind ({', '.join(KINDS)}) "
                    "and aliases by language",
                    "Write `- name: ...`, `kind: organisation`, `aliases: {es: [...], it: [...]}`.",
                )
            )
            continue
        pairs = tuple(
            (str(language), str(alias))
            for language, names in aliases.items()
            for alias in names or []
        )
        entries.append(GazetteerEntry(fields["name"], fields["kind"], pairs))
    return Gazetteer(
        tuple(entries), frozenset(str(item) for item in data.get("ignore") or [])
    ), problems
