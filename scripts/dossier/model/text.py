"""Paragraphs and sentences of a source's text, with their stable positional anchors."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Paragraphs are separated by a blank line; a single line break stays inside its paragraph.
RE_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# `L’Italia`, `1.500`, `1,5` and `S.p.A` are one word each.
RE_WORD = re.compile(r"\w+(?:[.,'’-]\w+)*")


@dataclass(frozen=True)
class Sentence:
    """A sentence as it stands in the source, with where it stands."""

    anchor: str
    """Stable positional id, `p3-s2`: third paragraph, second sentence."""
    text: str
    """The exact source text, without surrounding whitespace."""
    start: int
    """Offset of the first character in the source's normalised text."""
    end: int


@dataclass(frozen=True)
class Paragraph:
    anchor: str
    """`p3` for the third paragraph."""
    sentences: tuple[Sentence, ...]


def count_words(text: str) -> int:
    """Words as a reader counts them."""
    return len(RE_WORD.findall(text))
