"""Citations: a quote from a source, resolved to the sentences that contain it.

Matching is forgiving about how a quote was typed (Unicode NFC, runs of white space, typographic
versus straight quotes and apostrophes) and strict about what it says; what the site shows is
always the source's own text.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Mapping

from dossier.model import findings
from dossier.model.citations import Citation, ResolvedCitation
from dossier.model.findings import Finding
from dossier.model.sources import RE_SOURCE_ID, Source
from dossier.model.text import Sentence
from dossier.site import CLAIM_FRAGMENT_PREFIX
from dossier.text.folding import fold, fold_text

RE_JUNCTION_AT_END = re.compile(r"[\W_]+$")
RE_JUNCTION_AT_START = re.compile(r"^[\W_]+")
CLOSEST_PASSAGE_WIDTH = 160
# How far past the context's own length to look for it: room for the punctuation between.
CONTEXT_SLACK = 32


def occurrences(haystack: str, needle: str) -> list[int]:
    """Every start of `needle` in `haystack`, overlapping ones included."""
    found = []
    position = haystack.find(needle)
    while position != -1:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def _fits_context(folded: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    """Whether the quote at folded[start:end] has `prefix` before it and `suffix` after it.

    Spaces and punctuation where context meets quote are ignored: `suffix="El proyecto"` fits a
    quote that ends a sentence, with the full stop between them.
    """
    if not prefix and not suffix:  # as for most citations: any place fits
        return True
    reach = len(prefix) + len(suffix) + CONTEXT_SLACK
    before = RE_JUNCTION_AT_END.sub("", folded[max(0, start - reach) : start])
    after = RE_JUNCTION_AT_START.sub("", folded[end : end + reach])
    return before.endswith(RE_JUNCTION_AT_END.sub("", prefix)) and after.startswith(
        RE_JUNCTION_AT_START.sub("", suffix)
    )


def closest_passage(source: Source, quote: str) -> tuple[str, str, float]:
    """The sentence (or pair of sentences) most like `quote`: its anchor, text and similarity."""
    sentences = source.sentences
    candidates = [(sentence.anchor, sentence.text) for sentence in sentences]
    candidates += [
        (first.anchor, source.text[first.start : second.end])
        for first, second in itertools.pairwise(sentences)
    ]
    folded_quote = fold(quote)
    best = max(
        candidates,
        key=lambda candidate: _similarity(folded_quote, fold(candidate[1])),
    )
    return best[0], best[1], _similarity(folded_quote, fold(best[1]))


def _similarity(quote: str, passage: str) -> float:
    """How much of the quote the passage contains, from 0 to 1, in order."""
    matcher = difflib.SequenceMatcher(None, quote, passage, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(len(quote), 1)


def _shorten(text: str, width: int = CLOSEST_PASSAGE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def resolve_citation(
    citation: Citation, sources: Mapping[str, Source]
) -> tuple[ResolvedCitation | None, list[Finding]]:
    """The sentences `citation` quotes, or None with a finding saying why it does not resolve."""
    place = citation.place

    def problem(message: str, hint: str) -> tuple[None, list[Finding]]:
        return None, [findings.error(place.path, place.line, message, hint)]

    if not RE_SOURCE_ID.match(citation.source_id):
        return problem(
            f"{citation.source_id!r} is not a plain source name",
            "Cite a source by its file name in seeds/ without .txt, e.g. 000_7edff155f20879db.",
        )
    source = sources.get(citation.source_id)
    if source is None:
        return problem(
            f"unknown source {citation.source_id!r}",
            f"Known sources: {', '.join(sorted(sources)) or 'none'}.",
        )
    quote = fold(citation.quote)
    if not quote:
        return problem(
            f"empty quote from {citation.source_id}",
            "Quote the exact words of the source that support the statement.",
        )
    text = fold_text(source.text)
    prefix, suffix = fold(citation.prefix), fold(citation.suffix)
    starts = [
        start
        for start in occurrences(text.folded, quote)
        if _fits_context(text.folded, start, start + len(quote), prefix, suffix)
    ]
    if not starts:
        anchor, passage, similarity = closest_passage(source, citation.quote)
        context = " with that prefix and suffix" if prefix or suffix else ""
        return problem(
            f"quote not found in {citation.source_id}{context}: {_shorten(citation.quote)!r}",
            f"The closest passage, {similarity:.0%} similar, is #{anchor}: {_shorten(passage)!r}; "
            "quote the source exactly.",
        )
    if len(starts) > 1:
        anchors = [
            _overlapping(source, *text.original_span(start, start + len(quote)))[0].anchor
            for start in starts
        ]
        return problem(
            f"quote found {len(starts)} times in {citation.source_id} "
            f"(at #{', #'.join(anchors)}): {_shorten(citation.quote)!r}",
            "Add a prefix or suffix: the words right before or after the one you mean.",
        )
    start, end = text.original_span(starts[0], starts[0] + len(quote))
    return ResolvedCitation(citation, source, start, end, _overlapping(source, start, end)), []


def _overlapping(source: Source, start: int, end: int) -> tuple[Sentence, ...]:
    return tuple(s for s in source.sentences if s.start < end and start < s.end)


def counts_for_coverage(citation: ResolvedCitation) -> bool:
    """Coverage counts the sentences that a claim or a register question rests on."""
    place = citation.citation.place
    return place.fragment.startswith(CLAIM_FRAGMENT_PREFIX) or place.page.startswith("register/")


def covered_anchors(citations: Iterable[ResolvedCitation]) -> dict[str, frozenset[str]]:
    """For each source id, the anchors of the sentences that claims or questions cite."""
    covered: dict[str, set[str]] = {}
    for citation in citations:
        if counts_for_coverage(citation):
            anchors = covered.setdefault(citation.source.id, set())
            anchors.update(sentence.anchor for sentence in citation.sentences)
    return {source_id: frozenset(anchors) for source_id, anchors in covered.items()}
