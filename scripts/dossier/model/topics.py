"""Topics that claims are filed under, shared by all sources."""

from __future__ import annotations

from dataclasses import dataclass


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
