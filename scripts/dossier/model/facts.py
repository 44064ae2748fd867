"""Facts read from a source's text, and the gazetteer of names they are matched against."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    """Something the text states, in its own wording and normalised."""

    kind: str
    """money, date, relative date, organisation, person or place."""
    text: str
    """The source's own words."""
    value: str
    """The normalised reading, e.g. `EUR 1,500,000,000` or `20 January (no year given)`."""
    anchor: str
    start: int


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    kind: str
    aliases: tuple[tuple[str, str], ...]
    """(language, alias) pairs."""


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[GazetteerEntry, ...]
    ignore: frozenset[str]
