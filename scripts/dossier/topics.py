"""Topics that claims are filed under, shared by all sources, and the rules claims must follow."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dossier import findings
from dossier.findings import Finding
from dossier.sources import SEEDS_DIRECTORY, Source
from dossier.textfiles import read_yaml

TOPICS_FILE = "topics.yml"
COMPARISON_PAGE = "comparison.md"
# Topic ids name claims' topics and, with dots as hyphens, anchors on the comparison page.
RE_TOPIC_ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")


@dataclass(frozen=True)
class Topic:
    id: str
    """Dotted, e.g. `deal.value`; claims name it."""
    title: str
    description: str
    difference: str | None
    """How the sources differ in substance on this topic, with inline citations."""
    line: int
    difference_line: int

    @property
    def anchor(self) -> str:
        """The id of the topic's explanation on the comparison page, and its citations' prefix."""
        return self.id.replace(".", "-")


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


def claim_findings(sources: tuple[Source, ...], topics: tuple[Topic, ...]) -> list[Finding]:
    """Claims must name a known topic, and a source's claim ids must be unique."""
    known = [topic.id for topic in topics]
    problems = []
    for source in sources:
        counts = Counter(claim.id for claim in source.metadata.claims)
        for claim in source.metadata.claims:
            if claim.topic not in known:
                problems.append(
                    findings.error(
                        source.sidecar_path,
                        claim.line,
                        f"claim {claim.id!r} has unknown topic {claim.topic!r}",
                        f"Use a topic of seeds/{TOPICS_FILE}: {', '.join(known) or 'none yet'}.",
                    )
                )
            if counts[claim.id] > 1:
                problems.append(
                    findings.error(
                        source.sidecar_path,
                        claim.line,
                        f"claim id {claim.id!r} is used {counts[claim.id]} times",
                        "Give each claim of a source its own id.",
                    )
                )
    return problems
