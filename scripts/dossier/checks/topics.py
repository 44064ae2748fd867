"""The rules claims must follow: a known topic, and an id of their own within a source."""

from __future__ import annotations

from collections import Counter

from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.sources import Source
from dossier.model.topics import Topic
from dossier.site import TOPICS_FILE


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
