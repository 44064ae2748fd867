"""Load seeds/gazetteer.yml: the names of organisations, people and places, by language."""

from __future__ import annotations

from pathlib import Path

from dossier.load.textfiles import read_yaml
from dossier.load.validation import invalid_entries, schema_findings
from dossier.model.facts import Gazetteer, GazetteerEntry
from dossier.model.findings import Finding
from dossier.model.schemas import GAZETTEER_SCHEMA
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
    invalid = invalid_entries(document.data, GAZETTEER_SCHEMA, ("entries",))
    entries = tuple(
        GazetteerEntry(
            entry["name"],
            entry["kind"],
            tuple(
                (str(language), str(alias))
                for language, names in entry["aliases"].items()
                for alias in names or []
            ),
        )
        for index, entry in enumerate(data.get("entries") or [])
        if index not in invalid
    )
    ignore = data.get("ignore")
    names_to_ignore = frozenset(str(item) for item in ignore) if isinstance(ignore, list) else ()
    return Gazetteer(entries, frozenset(names_to_ignore)), schema_findings(
        document.data, document, relative, GAZETTEER_SCHEMA
    )
