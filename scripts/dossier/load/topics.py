"""Load seeds/topics.yml: the topics claims are filed under, shared by all sources."""

from __future__ import annotations

from pathlib import Path

from dossier.load.textfiles import read_yaml
from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.topics import RE_TOPIC_ID, Topic
from dossier.site import SEEDS_DIRECTORY, TOPICS_FILE


def load_topics(root: Path) -> tuple[tuple[Topic, ...], list[Finding]]:
    path = root / SEEDS_DIRECTORY / TOPICS_FILE
    relative = f"{SEEDS_DIRECTORY}/{TOPICS_FILE}"
    if not path.is_file():
        return (), []
    document, unreadable = read_yaml(path, relative)
    if document is None:
        return (), unreadable
    topics = []
    problems = []
    seen: set[str] = set()
    for index, entry in enumerate(document.data if isinstance(document.data, list) else []):
        fields = entry if isinstance(entry, dict) else {}
        line = document.line_of((index,))
        well_formed = all(
            isinstance(fields.get(key), str) for key in ("id", "title", "description")
        )
        if not well_formed or not RE_TOPIC_ID.match(fields["id"]):
            problems.append(
                findings.error(
                    relative,
                    line,
                    f"topic {index + 1} needs an id of lower-case words joined by '.' or '-', "
                    "a title and a description",
                    "Write `- id: deal.value`, `title: ...` and `description: ...`.",
                )
            )
            continue
        if not isinstance(fields.get("difference", ""), str):
            problems.append(
                findings.error(
                    relative,
                    document.line_of((index, "difference")),
                    f"topic {fields['id']!r}: difference is not text",
                    "Write the explanation as one paragraph of text, with inline citations.",
                )
            )
            continue
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
