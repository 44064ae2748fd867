"""Topics that claims are filed under, shared by all sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
