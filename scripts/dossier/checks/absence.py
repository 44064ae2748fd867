"""Claims of absence checked: a source said to lack some words must lack them.

A term matches at the start of a word, whatever its case and accents, so `encript` finds
`Encriptadas`. With a quote ("the only mention"), matches inside the quoted passage are allowed.
A claim about `all` sources is checked against every source, those added later too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from dossier.model import findings
from dossier.model.citations import ALL_SOURCES, AbsenceClaim, ResolvedCitation
from dossier.model.findings import Finding
from dossier.model.sources import Source
from dossier.text.folding import fold_for_watch

EXCERPT_WIDTH = 60


@functools.lru_cache(maxsize=64)
def _loosely_folded(text: str) -> tuple[str, tuple[int, ...]]:
    """`text` folded for case and accents, with the offset in `text` of each folded character."""
    folded: list[str] = []
    offsets: list[int] = []
    for offset, character in enumerate(text):
        for folded_character in fold_for_watch(character):
            folded.append(folded_character)
            offsets.append(offset)
    return "".join(folded), tuple(offsets)


def find_term(text: str, term: str) -> Iterable[int]:
    """Offsets in `text` where a word starts with `term`, loosely folded."""
    folded, offsets = _loosely_folded(text)
    words = fold_for_watch(term).split()
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words))
    return (offsets[match.start()] for match in pattern.finditer(folded))


def _excerpt(source: Source, offset: int) -> str:
    start = max(offset - EXCERPT_WIDTH // 2, 0)
    return " ".join(source.text[start : start + EXCERPT_WIDTH].split())


def _anchor_at(source: Source, offset: int) -> str:
    for sentence in source.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.anchor
    return "?"


def _within(claim: AbsenceClaim, resolved: Mapping[tuple[str, str], ResolvedCitation]) -> range:
    """The quoted passage where the terms may occur, or an empty range."""
    if claim.within is None:
        return range(0)
    quote = resolved.get((claim.place.path, claim.place.fragment))
    return range(quote.start, quote.end) if quote else range(0)


def absence_findings(
    claims: Iterable[AbsenceClaim],
    sources: tuple[Source, ...],
    unloaded_source_ids: frozenset[str],
    citations: Iterable[ResolvedCitation],
) -> list[Finding]:
    """An error for each term a source has although a claim says it lacks it."""
    by_id = {source.id: source for source in sources}
    resolved = {(c.citation.place.path, c.citation.place.fragment): c for c in citations}
    problems = []
    for claim in claims:
        place = claim.place
        if claim.source_id in unloaded_source_ids:
            continue
        if claim.source_id != ALL_SOURCES and claim.source_id not in by_id:
            problems.append(
                findings.error(
                    place.path,
                    place.line,
                    f"claim of absence about unknown source {claim.source_id!r}",
                    f"Known sources: {', '.join(sorted(by_id)) or 'none'}, or {ALL_SOURCES}.",
                )
            )
            continue
        scope = sources if claim.source_id == ALL_SOURCES else (by_id[claim.source_id],)
        allowed = _within(claim, resolved)
        for source in scope:
            for term in claim.terms:
                found = [offset for offset in find_term(source.text, term) if offset not in allowed]
                if found:
                    elsewhere = "outside the quoted passage " if claim.within else ""
                    problems.append(
                        findings.error(
                            place.path,
                            place.line,
                            f"says {source.id} lacks {term!r}, but it has it {elsewhere}"
                            f"at #{_anchor_at(source, found[0])}: "
                            f"'{_excerpt(source, found[0])}'",
                            "Cite that passage, or reword the statement so it says no more "
                            "than the sources.",
                        )
                    )
    return problems
