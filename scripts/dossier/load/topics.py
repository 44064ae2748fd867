"""Load seeds/topics.yml: the topics claims are filed under, shared by all sources."""

from __future__ import annotations

from pathlib import Path

from dossier.load.textfiles import read_yaml
from dossier.load.validation import invalid_entries, schema_findings
from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.schemas import TOPICS_SCHEMA
from dossier.model.topics import Topic
from dossier.site import SEEDS_DIRECTORY, TOPICS_FILE


def load_topics(root: Path) -> tuple[tuple[Topic, ...], list[Finding]]:
    path = root / SEEDS_DIRECTORY / TOPICS_FILE
    relative = f"{SEEDS_DIRECTORY}/{TOPICS_FILE}"
    if not path.is_file():
        return (), []
    document, unreadable = read_yaml(path, relative)
    if document is None:
        return (), unreadable
    entries = document.data if isinstance(document.data, list) else []
    invalid = invalid_entries(document.data, TOPICS_SCHEMA)
    problems = schema_findings(document.data, document, relative, TOPICS_SCHEMA)
    topics = []
    seen: set[str] = set()
    for index, fields in enumerate(entries):
        if index in invalid:
            continue
        line = document.line_of((index,))
        # A schema cannot say that ids are unique across entries.
        if fields["id"] in seen:
            problems.append(
                findings.error(
                    relative, line, f"topic {fields['id']!r} is listed twice", "Keep one of them."
                )
            )
            continue
        seen.add(fields["id"])
        topics.append(
            Topic(
                id=fields["id"],
                title=fields["title"],
                description=fields["description"],
                difference=fields.get("difference"),
                line=line,
                difference_line=document.line_of((index, "difference")),
            )
        )
    return tuple(topics), problems
