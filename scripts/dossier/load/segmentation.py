"""Split an article's text into paragraphs and sentences with stable positional anchors.

Sentence boundaries come from sentencex; a short per-language list of abbreviations that never end
a sentence, and a few language-independent rules, mend the places where it splits too eagerly
(`Sr. García`, `S.p.A. ha`, `1,5 mld. di`, `G. Meloni`, a full stop inside quoted speech).
"""

from __future__ import annotations

import re

import sentencex

from dossier.model.text import RE_PARAGRAPH_BREAK, Paragraph, Sentence

# A word followed by a full stop that is always the start of something longer: titles before a
# name, and single capital initials. Company suffixes (`Co.`, `S.p.A.`) are not here: they may
# end a sentence, and the lower-case rule below keeps them inside one when the sentence goes on.
NON_TERMINAL_ABBREVIATIONS = {
    "en": ("Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Sen", "Rep", "Gov", "No"),
    "es": (
        "Sr",
        "Sra",
        "Srta",
        "Sres",
        "Dr",
        "Dra",
        "D",
        "Dña",
        "Prof",
        "Lic",
        "Ing",
        "Gral",
        "núm",
        "Núm",
    ),
    "it": (
        "Sig",
        "Sigg",
        "Sig.ra",
        "Dott",
        "Dott.ssa",
        "Prof",
        "Prof.ssa",
        "Ing",
        "Avv",
        "On",
        "Gen",
        "Mons",
    ),
}

# Per language, one of those abbreviations and its full stop ending the text, with no letter or
# digit just before it (`[^\W_]` is what str.isalnum accepts).
RE_ABBREVIATION_AT_END = {
    language: re.compile(rf"(?<![^\W_])(?:{'|'.join(map(re.escape, abbreviations))})\.\Z")
    for language, abbreviations in NON_TERMINAL_ABBREVIATIONS.items()
}
# Only the end can match, so the search starts no further back than the longest abbreviation and
# its full stop.
ABBREVIATION_REACH = max(len(a) for names in NON_TERMINAL_ABBREVIATIONS.values() for a in names) + 1
# A capital initial such as the `G.` of `G. Meloni`.
RE_INITIAL_AT_END = re.compile(r"(?:^|[\s(«“\"])[A-ZÀ-ÖØ-Þ]\.$")
# Where that match can start: its three characters end the text.
INITIAL_REACH = 3
# No sentence starts with a lower-case letter or closing punctuation, so a piece that does
# continues the one before (`S.p.A. ha`, `1,5 mld. di`, `KKR & Co. por`).
RE_STARTS_LIKE_CONTINUATION = re.compile(r"[a-zß-öø-ÿ,;:)»”]")
QUOTE_PAIRS = (("«", "»"), ("“", "”"))
# sentencex does not end a sentence at a full stop inside closing quotes (`Mai.» Il resto`).
RE_SENTENCE_END_IN_QUOTES = re.compile(r"(?<=[.!?…][»”])\s+(?=[A-ZÀ-ÖØ-Þ«“¿¡])")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by a blank line, stripped of whitespace."""
    spans = []
    position = 0
    for match in [*RE_PARAGRAPH_BREAK.finditer(text), None]:
        block_end = match.start() if match else len(text)
        block = text[position:block_end]
        if block.strip():
            leading = len(block) - len(block.lstrip())
            spans.append((position + leading, position + len(block.rstrip())))
        if match:
            position = match.end()
    return spans


def _ends_with_non_terminal_abbreviation(piece: str, language: str) -> bool:
    stripped = piece.rstrip()
    if RE_INITIAL_AT_END.search(stripped, max(len(stripped) - INITIAL_REACH, 0)):
        return True
    abbreviation = RE_ABBREVIATION_AT_END.get(language)
    return bool(
        abbreviation and abbreviation.search(stripped, max(len(stripped) - ABBREVIATION_REACH, 0))
    )


def _has_open_quote(piece: str) -> bool:
    return any(piece.count(opening) > piece.count(closing) for opening, closing in QUOTE_PAIRS)


def _continues_previous(previous: str, following: str, language: str) -> bool:
    """Whether sentencex split `previous` from `following` where no sentence ends."""
    return (
        RE_STARTS_LIKE_CONTINUATION.match(following.lstrip()) is not None
        or _ends_with_non_terminal_abbreviation(previous, language)
        or _has_open_quote(previous)
    )


def _split_after_quoted_sentence_ends(piece: str) -> list[str]:
    if "»" not in piece and "”" not in piece:  # as in most pieces; the regex needs one of them
        return [piece]
    parts = []
    position = 0
    for match in RE_SENTENCE_END_IN_QUOTES.finditer(piece):
        parts.append(piece[position : match.end()])
        position = match.end()
    parts.append(piece[position:])
    return parts


def sentence_spans(paragraph: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, relative to it, without outer whitespace."""
    merged: list[str] = []
    for piece in sentencex.segment(language, paragraph):
        if merged and _continues_previous(merged[-1], piece, language):
            merged[-1] += piece
        else:
            merged.append(piece)
    pieces = [part for piece in merged for part in _split_after_quoted_sentence_ends(piece)]
    if "".join(pieces) != paragraph:
        # sentencex promises pieces that add up to the input; if a release breaks that, fail
        # loudly rather than anchor sentences at the wrong offsets.
        raise RuntimeError("sentencex returned pieces that do not add up to the paragraph")
    spans = []
    position = 0
    for piece in pieces:
        if piece.strip():
            leading = len(piece) - len(piece.lstrip())
            spans.append((position + leading, position + len(piece.rstrip())))
        position += len(piece)
    return spans


def segment(text: str, language: str) -> tuple[Paragraph, ...]:
    """Paragraphs and sentences of `text`, anchored `p1`, `p1-s1`, ... in reading order."""
    paragraphs = []
    for paragraph_number, (start, end) in enumerate(paragraph_spans(text), start=1):
        sentences = tuple(
            Sentence(
                anchor=f"p{paragraph_number}-s{sentence_number}",
                text=text[start + sentence_start : start + sentence_end],
                start=start + sentence_start,
                end=start + sentence_end,
            )
            for sentence_number, (sentence_start, sentence_end) in enumerate(
                sentence_spans(text[start:end], language), start=1
            )
        )
        paragraphs.append(Paragraph(anchor=f"p{paragraph_number}", sentences=sentences))
    return tuple(paragraphs)
