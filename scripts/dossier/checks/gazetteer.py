"""Capitalised names in the sources that no gazetteer entry knows, so the gazetteer grows."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from dossier.model import findings
from dossier.model.facts import Fact, Gazetteer
from dossier.model.findings import Finding
from dossier.model.sources import Source
from dossier.model.vocabulary import NAME_KINDS
from dossier.site import GAZETTEER_FILE

# A capital letter, not inside a word: that is checked after the capital, as "no word character
# and then this one", so that the search skips in C to the capitals instead of trying every place.
RE_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w’'-].)[\w’'&.-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ&][\w’'&.-]*))*")


def _coverage(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset lies in one of `spans` (start, end), found by bisection: a source has
    hundreds of names and of capitalised words, and comparing each with each costs their product.
    """
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    # The furthest end of the spans that start at or before each one, overlapping or not.
    reach = list(itertools.accumulate((end for _, end in ordered), max))

    def is_covered(offset: int) -> bool:
        before = bisect.bisect_right(starts, offset)
        return before > 0 and reach[before - 1] > offset

    return is_covered


def unknown_names(
    source: Source, gazetteer: Gazetteer, facts: tuple[Fact, ...]
) -> list[tuple[str, int]]:
    """Capitalised words, not at the start of a sentence, that no gazetteer entry covers."""
    is_covered = _coverage(
        [(fact.start, fact.start + len(fact.text)) for fact in facts if fact.kind in NAME_KINDS]
    )
    found = []
    for sentence in source.sentences:
        for match in RE_CAPITALISED.finditer(sentence.text):
            start = sentence.start + match.start()
            name = match.group().rstrip(".")
            opening = sentence.text[: match.start()].strip('«“"¿¡( ')
            if not opening or name in gazetteer.ignore:
                continue
            if not is_covered(start):
                found.append((name, start))
    return found


def gazetteer_findings(
    sources: tuple[Source, ...], gazetteer: Gazetteer, facts: dict[str, tuple[Fact, ...]]
) -> list[Finding]:
    problems = []
    for source in sources:
        seen = set()
        for name, offset in unknown_names(source, gazetteer, facts[source.id]):
            if name in seen:
                continue
            seen.add(name)
            problems.append(
                findings.warning(
                    source.text_path,
                    source.text.count("\n", 0, offset) + 1,
                    f"capitalised name {name!r} is not in seeds/{GAZETTEER_FILE}",
                    f"Add it with its kind ({', '.join(NAME_KINDS)}) and its aliases, "
                    "or to `ignore:` if it is not a name.",
                )
            )
    return problems
