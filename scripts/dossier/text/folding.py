"""Folding text for matching: the one owner of what counts as the same text when compared.

Citations fold strictly (NFC, equivalent quotes, white space) and keep offsets into the original;
watch terms and gazetteer names fold loosely (case and accents too), one character for one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

RE_WHITESPACE_RUN = re.compile(r"\s+")
# The white-space runs that folding changes: all but a lone space, which stays as it is.
_RE_CHANGED_WHITESPACE = re.compile(r"(?! (?!\s))\s+")

# Characters that people type for one another in quotes: fold each group to one ASCII character.
_EQUIVALENT_CHARACTERS = {
    # right and left single quotes, low and reversed single quotes, grave, acute, prime
    **dict.fromkeys("\u2019\u2018\u201a\u201b\u0060\u00b4\u2032", "'"),
    # guillemets, curly double quotes, low and reversed double quotes, double prime
    **dict.fromkeys("\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033", '"'),
}
# Every combining mark of the Basic Multilingual Plane, deleted by str.translate in one pass.
_COMBINING_MARKS = dict.fromkeys(cp for cp in range(0x10000) if unicodedata.combining(chr(cp)))


@dataclass(frozen=True)
class FoldedText:
    """Text folded for matching, with each folded character's span in the original."""

    folded: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


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
    return FoldedText("".join(folded), tuple(starts), tuple(ends))


def _equate_characters(text: str) -> str:
    """`text` with each equivalent character replaced by the one its group folds to."""
    # One str.replace a character scans in C; str.translate looks each character up in a dict,
    # tens of times slower on text that is not ASCII.
    for character, replacement in _EQUIVALENT_CHARACTERS.items():
        text = text.replace(character, replacement)
    return text


def _fold_normalized(text: str) -> FoldedText:
    """fold_text for text already in NFC, as sources almost always are: the same result, with
    the character-by-character work done by str.replace and range()."""
    translated = _equate_characters(text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for run in _RE_CHANGED_WHITESPACE.finditer(translated):
        pieces.append(translated[position : run.start()])
        starts.extend(range(position, run.start()))
        ends.extend(range(position + 1, run.start() + 1))
        pieces.append(" ")
        starts.append(run.start())
        ends.append(run.end())
        position = run.end()
    pieces.append(translated[position:])
    starts.extend(range(position, len(text)))
    ends.extend(range(position + 1, len(text) + 1))
    return FoldedText("".join(pieces), tuple(starts), tuple(ends))


def fold(text: str) -> str:
    """fold_text's folded string alone, trimmed: what a quote or a context is compared as."""
    if unicodedata.is_normalized("NFC", text):
        # The same result as fold_text, without the offsets no caller of fold needs.
        return RE_WHITESPACE_RUN.sub(" ", _equate_characters(text)).strip()
    return fold_text(text).folded.strip()


def fold_for_watch(text: str) -> str:
    """Case- and accent-insensitive form: `Crittografía` and `crittografia` fold alike."""
    return unicodedata.normalize("NFD", text.casefold()).translate(_COMBINING_MARKS)
