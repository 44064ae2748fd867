"""Folding text for matching: the one owner of what counts as the same text when compared.

Citations fold strictly (NFC, equivalent quotes, white space) and keep offsets into the original;
watch terms and gazetteer names fold loosely (case and accents too), one character for one.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The white-space runs that folding changes: all but a lone space, which stays as it is.
_RE_CHANGED_WHITESPACE = re.compile(r"(?! (?!\s))\s+")

# Characters that people type for one another in quotes: fold each group to one ASCII character.
_EQUIVALENT_CHARACTERS = {
    # right and left single quotes, low and reversed single quotes, grave, acute, prime
    **dict.fromkeys("\u2019\u2018\u201a\u201b\u0060\u00b4\u2032", "'"),
    # guillemets, curly double quotes, low and reversed double quotes, double prime
    **dict.fromkeys("\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033", '"'),
}
# Every sentence of a large dossier, with room to spare: 5,000 sources hold some 120,000.
FOLDED_SENTENCES_KEPT = 1 << 18
# Every combining mark of the Basic Multilingual Plane, as one character class: a regular
# expression skips the unmarked characters in C, where str.translate looks each one up in a dict.
_RE_COMBINING_MARKS = re.compile(
    "["
    + "".join(re.escape(chr(cp)) for cp in range(0x10000) if unicodedata.combining(chr(cp)))
    + "]+"
)


@dataclass(frozen=True)
class FoldedText:
    """Text folded for matching, with each folded character's span in the original.

    Most characters fold to themselves, each right after the one before; only the others are
    stored, so a source's folding costs what its white-space runs cost, not its length.
    """

    folded: str
    moved: tuple[tuple[int, int, int], ...]
    """(index in `folded`, start, end) of each character whose span in the original is not the
    one character right after the span of the character before it (or at 0, for the first)."""

    def _span(self, index: int) -> tuple[int, int]:
        before = bisect.bisect_right(self.moved, index, key=lambda move: move[0]) - 1
        if before < 0:
            return index, index + 1
        moved_index, start, end = self.moved[before]
        if moved_index == index:
            return start, end
        return end + index - moved_index - 1, end + index - moved_index

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Where `folded[start:end]` (not empty) stands in the original text."""
        return self._span(start)[0], self._span(end - 1)[1]


def _moved(starts: Sequence[int], ends: Sequence[int]) -> tuple[tuple[int, int, int], ...]:
    """FoldedText.moved for characters with these spans."""
    moved = []
    previous_end = 0
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if (start, end) != (previous_end, previous_end + 1):
            moved.append((index, start, end))
        previous_end = end
    return tuple(moved)


def _units(text: str) -> Iterable[tuple[int, int]]:
    """Spans of base characters with their combining marks, which NFC may fuse into one."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            yield start, index
            start = index


# Every citation of a source folds its whole text; keep the latest few (a str caches its hash).
@functools.lru_cache(maxsize=64)
def fold_text(text: str) -> FoldedText:
    """Fold `text` for matching: NFC, equivalent quotes, one space for any white-space run."""
    return _fold_normalized(text) if unicodedata.is_normalized("NFC", text) else _fold_any(text)


def _fold_any(text: str) -> FoldedText:
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _units(text):
        for character in unicodedata.normalize("NFC", text[start:end]):
            if character.isspace():
                if folded and folded[-1] == " ":
                    ends[-1] = end
                    continue
                character = " "
            folded.append(_EQUIVALENT_CHARACTERS.get(character, character))
            starts.append(start)
            ends.append(end)
    return FoldedText("".join(folded), _moved(starts, ends))


def _equate_characters(text: str) -> str:
    """`text` with each equivalent character replaced by the one its group folds to."""
    # One str.replace a character scans in C; str.translate looks each character up in a dict,
    # tens of times slower on text that is not ASCII.
    for character, replacement in _EQUIVALENT_CHARACTERS.items():
        text = text.replace(character, replacement)
    return text


def _fold_normalized(text: str) -> FoldedText:
    """fold_text for text already in NFC, as sources almost always are: the same result, with
    the character-by-character work done by str.replace and the regular expression."""
    translated = _equate_characters(text)
    pieces: list[str] = []
    # Only a run of two or more white-space characters moves: one folds to a space in its place,
    # and the character after a run stands right after the run's end, as it does in the text.
    moved: list[tuple[int, int, int]] = []
    removed = 0
    position = 0
    for run in _RE_CHANGED_WHITESPACE.finditer(translated):
        pieces.append(translated[position : run.start()])
        pieces.append(" ")
        if run.end() - run.start() > 1:
            moved.append((run.start() - removed, run.start(), run.end()))
            removed += run.end() - run.start() - 1
        position = run.end()
    pieces.append(translated[position:])
    return FoldedText("".join(pieces), tuple(moved))


def fold(text: str) -> str:
    """fold_text's folded string alone, trimmed: what a quote or a context is compared as."""
    if not text:  # as most citations' prefix and suffix are
        return text
    if unicodedata.is_normalized("NFC", text):
        # The same result as fold_text, without the offsets no caller of fold needs; str.split
        # knows white space as \s does, and is quicker than a regular expression at it.
        return " ".join(_equate_characters(text).split())
    return fold_text(text).folded.strip()


# Facts and watch terms both fold every sentence of every source: the second asks here.
@functools.lru_cache(maxsize=FOLDED_SENTENCES_KEPT)
def fold_for_watch(text: str) -> str:
    """Case- and accent-insensitive form: `Crittografía` and `crittografia` fold alike."""
    return _RE_COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text.casefold()))
