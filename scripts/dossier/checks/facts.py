"""Facts read automatically from a source's text: money, dates, and the names in the gazetteer.

Numbers are read with Babel in the source's locale (`1.500` in Spanish, `1,5` in Italian) and
scaled by a small table of words (`millones`, `miliardi`, `mld`); month and weekday names come
from Babel's locale data. A date the text gives without a year is shown without one, and a
relative date (`el sábado`) stays relative unless the source's publication date is known.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections import OrderedDict
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from babel import Locale
from babel.dates import get_day_names, get_month_names
from babel.numbers import NumberFormatError, parse_decimal

from dossier.model.facts import Fact, Gazetteer, GazetteerEntry
from dossier.model.sources import Source
from dossier.text.folding import fold_for_watch
from dossier.worker import start_beside, start_here

SCALE_WORDS = {
    "es": {"mil millones": 10**9, "millones": 10**6, "millón": 10**6, "mil": 10**3},
    "it": {
        "miliardi": 10**9, "miliardo": 10**9, "mld": 10**9,
        "milioni": 10**6, "milione": 10**6, "mln": 10**6, "mila": 10**3,
    },
    "en": {"billion": 10**9, "bn": 10**9, "million": 10**6, "m": 10**6},
}  # fmt: skip
CURRENCIES = {
    "euros": "EUR", "euro": "EUR", "€": "EUR", "EUR": "EUR",
    "dólares": "USD", "dollari": "USD", "dollars": "USD", "$": "USD", "USD": "USD",
}  # fmt: skip
# Every amount names its currency, as CURRENCIES spells it: a sentence with none has no amount.
RE_CURRENCY = re.compile("|".join(map(re.escape, CURRENCIES)))
PERIOD_WORDS = {
    "es": {"principios": "early", "mediados": "mid", "finales": "late"},
    "it": {"inizio": "early", "metà": "mid", "fine": "late"},
    "en": {"early": "early", "mid": "mid", "late": "late"},
}
WEEKDAY_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
}
ENGLISH_RELATIVE = (
    "this month",
    "this year",
    "last month",
    "last year",
    "last week",
    "yesterday",
    "today",
)
SPANISH_RELATIVE = (
    "este mes", "este año", "el mes pasado", "el año pasado", "la semana pasada", "ayer", "hoy",
)  # fmt: skip
ITALIAN_RELATIVE = (
    "questo mese", "quest’anno", "il mese scorso", "l’anno scorso", "la settimana scorsa", "ieri",
    "oggi",
)  # fmt: skip
RELATIVE_PHRASES = {
    "es": dict(zip(SPANISH_RELATIVE, ENGLISH_RELATIVE, strict=True))
    | {"este mismo mes": "this very month"},
    "it": dict(zip(ITALIAN_RELATIVE, ENGLISH_RELATIVE, strict=True)),
    "en": dict(zip(ENGLISH_RELATIVE, ENGLISH_RELATIVE, strict=True)),
}
# Enough for every source of a large dossier, twice over; past it, the least recently used go.
FACT_SETS_KEPT = 16_384
# From this many sentences to read, facts are read in a second process: below, starting one (some
# 0.1 s) and sending it the work cost more than it saves (4 ms for every hundred sentences).
SENTENCES_WORTH_A_WORKER = 5_000
FACTS_SHARES = 16
RE_NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


# Babel reads a locale's name again each time it is given one by name, which costs more than
# reading the number.
@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def _word_key(text: str) -> str:
    """How a word a case-insensitive pattern matched is looked up: `(?i)` matches a dotless i
    (U+0131) to an i and a long s (U+017F) to an s, which lowering alone does not turn them into."""
    return text.upper().lower()


@cache
def _month_numbers(language: str) -> dict[str, int]:
    return {
        _word_key(name): number for number, name in get_month_names("wide", locale=language).items()
    }


@cache
def _english_weekdays(language: str) -> dict[str, str]:
    english = get_day_names("wide", locale="en")
    return {
        _word_key(name): english[key]
        for key, name in get_day_names("wide", locale=language).items()
    }


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _starting_as(words: list[str]) -> str:
    """A check that the text goes on with a character that one of `words` starts with.

    A case-insensitive search tries its pattern at every character of the text; put before the
    words, the check sends most characters away in one step instead of trying every word there.
    """
    if not words:
        return ""
    return f"(?=[{''.join(sorted({re.escape(word[0]) for word in words}))}])"


@cache
def _money_pattern(language: str) -> re.Pattern[str]:
    scales = _alternatives(list(SCALE_WORDS.get(language, {})))
    currencies = _alternatives(list(CURRENCIES))
    return re.compile(
        rf"""(?x)
        (?:(?P<before>{currencies})\s*)?
        (?P<number>{RE_NUMBER})
        (?:\s*(?P<scale>{scales})\b\.?)?
        (?:\s+(?:de|di|of)\s+|\s*)
        (?P<after>{currencies})?(?!\w)
        """
    )


def read_money(match: re.Match[str], language: str) -> str | None:
    currency = match.group("before") or match.group("after")
    if not currency or not (match.group("scale") or match.group("after") or match.group("before")):
        return None
    try:
        number = parse_decimal(match.group("number"), locale=_locale(language), strict=False)
    except (NumberFormatError, InvalidOperation):
        return None
    scale = SCALE_WORDS.get(language, {}).get(match.group("scale") or "", 1)
    amount = number * Decimal(scale)
    shown = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    return f"{CURRENCIES[currency]} {shown}"


@cache
def _date_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    month_words, period_words = list(_month_numbers(language)), list(PERIOD_WORDS.get(language, {}))
    months, periods = _alternatives(month_words), _alternatives(period_words)
    of = r"(?:\s+(?:de|del|di|of)\s+|\s+|,\s*)"
    return (
        re.compile(
            rf"(?i)\b(?P<day>\d{{1,2}})(?:\s+de)?\s+(?P<month>{months})\b(?:{of}(?P<year>\d{{4}}))?"
        ),
        re.compile(
            rf"(?i)\b{_starting_as(period_words)}(?P<period>{periods}){of}(?P<year>\d{{4}})\b"
        ),
        re.compile(
            rf"(?i)\b{_starting_as(month_words)}(?P<month>{months})\b(?:{of}(?P<year>\d{{4}}))?"
        ),
        re.compile(r"\b(?P<year>(?:1[89]|20)\d{2})\b"),
    )


def read_date(match: re.Match[str], language: str) -> str:
    parts = match.groupdict()
    year = parts.get("year")
    if parts.get("period"):
        return f"{PERIOD_WORDS[language][_word_key(parts['period'])]}-{year}"
    if not parts.get("month"):
        return str(year)
    month = get_month_names("wide", locale="en")[
        _month_numbers(language)[_word_key(parts["month"])]
    ]
    day = f"{int(parts['day'])} " if parts.get("day") else ""
    return f"{day}{month} {year}" if year else f"{day}{month} (no year given)"


@cache
def _relative_pattern(language: str) -> re.Pattern[str]:
    words = [*RELATIVE_PHRASES.get(language, {}), *_english_weekdays(language)]
    return re.compile(rf"(?i)(?<!\w){_starting_as(words)}(?:{_alternatives(words)})(?!\w)")


def resolve_relative(described: str, published: datetime.date) -> str:
    """The date or period an English relative expression names, seen from `published`.

    A weekday is the last such day on or before publication: news reports what has happened.
    """
    if described in WEEKDAY_NUMBERS:
        back = (published.weekday() - WEEKDAY_NUMBERS[described]) % 7
        return (published - datetime.timedelta(days=back)).isoformat()
    first_of_month = published.replace(day=1)
    previous_month = first_of_month - datetime.timedelta(days=1)
    return {
        "today": published.isoformat(),
        "yesterday": (published - datetime.timedelta(days=1)).isoformat(),
        "this month": published.strftime("%Y-%m"),
        "this very month": published.strftime("%Y-%m"),
        "last month": previous_month.strftime("%Y-%m"),
        "this year": str(published.year),
        "last year": str(published.year - 1),
        "last week": f"the week before {published.isoformat()}",
    }[described]


def read_relative(text: str, language: str, published: str | None) -> str:
    described = (
        _english_weekdays(language).get(_word_key(text))
        or RELATIVE_PHRASES[language][_word_key(text)]
    )
    if not published:
        return f"{described} (relative to a publication date the text does not give)"
    resolved = resolve_relative(described, datetime.date.fromisoformat(published))
    return f"{described}: {resolved} (from the publication date, {published})"


def _take(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Claim [start, end) for one fact, unless an earlier fact already holds part of it."""
    if any(start < taken_end and taken_start < end for taken_start, taken_end in spans):
        return False
    spans.append((start, end))
    return True


# One pattern for every gazetteer alias of a language, and the entry each alias names.
NamePattern = tuple[re.Pattern[str], dict[str, GazetteerEntry]]


@lru_cache(maxsize=8)  # one a language, of the latest gazetteer or two
def _name_pattern(gazetteer: Gazetteer, language: str) -> NamePattern:
    """One pattern for every alias of a language, longest first, and the entry of each alias."""
    entries: dict[str, GazetteerEntry] = {}
    for entry in gazetteer.entries:
        for alias_language, alias in entry.aliases:
            if alias_language == language:
                entries.setdefault(" ".join(fold_for_watch(alias).split()), entry)
    alternatives = sorted(entries, key=len, reverse=True)
    pattern = "|".join(
        r"\s+".join(re.escape(word) for word in alias.split()) for alias in alternatives
    )
    # With no alias at all, a pattern that matches nothing.
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)" if pattern else r"(?!)"), entries


def _money_matches(text: str, language: str) -> list[re.Match[str]]:
    """Where the money pattern matches `text`, in order; none when `text` names no currency.

    Most sentences hold a number and no currency; the quick search spares them the pattern.
    """
    if not RE_CURRENCY.search(text):
        return []
    return list(_money_pattern(language).finditer(text))


def _date_matches(text: str, language: str) -> list[re.Match[str]]:
    """Where each date pattern matches `text`, pattern by pattern, in the patterns' order."""
    day_and_month, period, month, year = _date_patterns(language)
    months = list(month.finditer(text))
    # A day and a month holds a month name, which the month pattern finds on its own: where it
    # finds none, as in most sentences, the day-and-month pattern need not run.
    days = list(day_and_month.finditer(text)) if months else []
    return [*days, *period.finditer(text), *months, *year.finditer(text)]


def _sentence_facts(
    text: str, anchor: str, offset: int, language: str, published: str | None, names: NamePattern
) -> list[Fact]:
    spans: list[tuple[int, int]] = []
    facts = []
    candidates: list[tuple[str, re.Match[str], str | None]] = [
        ("money", match, read_money(match, language)) for match in _money_matches(text, language)
    ]
    candidates += [
        ("date", match, read_date(match, language)) for match in _date_matches(text, language)
    ]
    candidates += [
        ("relative date", match, read_relative(match.group(), language, published))
        for match in _relative_pattern(language).finditer(text)
    ]
    folded = fold_for_watch(text)
    if len(folded) == len(text):  # offsets in the folded text are offsets in the text
        pattern, entries = names
        for match in pattern.finditer(folded):
            entry = entries[" ".join(match.group().split())]
            candidates.append((entry.kind, match, entry.name))
    for kind, match, value in candidates:
        if value and _take(spans, match.start(), match.end()):
            start = match.start()
            facts.append(Fact(kind, text[start : match.end()], value, anchor, offset + start))
    return facts


# A source as its facts are read from it: each sentence's text, anchor and offset, the language
# and the publication date (relative dates count from it).
FactsInput = tuple[tuple[tuple[str, str, int], ...], str, str | None]
FactRow = tuple[str, str, str, str, int]


def _facts_input(source: Source) -> FactsInput:
    sentences = tuple(
        (sentence.text, sentence.anchor, sentence.start) for sentence in source.sentences
    )
    return sentences, source.metadata.language, source.metadata.published


def _read_facts(source: FactsInput, gazetteer: Gazetteer) -> tuple[Fact, ...]:
    sentences, language, published = source
    # Looked up once a source, not once a sentence: finding it hashes the whole gazetteer.
    names = _name_pattern(gazetteer, language)
    facts = [
        fact
        for text, anchor, offset in sentences
        for fact in _sentence_facts(text, anchor, offset, language, published, names)
    ]
    return tuple(sorted(facts, key=lambda fact: (fact.start, fact.kind)))


def read_fact_rows(sources: list[FactsInput], gazetteer: Gazetteer) -> list[tuple[FactRow, ...]]:
    """The facts of each source, as plain tuples: what a worker process sends back quickest."""
    return [
        tuple((f.kind, f.text, f.value, f.anchor, f.start) for f in _read_facts(source, gazetteer))
        for source in sources
    ]


# The facts of the latest sources read, by everything they are read from. `mkdocs serve` keeps the
# package's modules between rebuilds, so an unchanged source's facts are not read again.
_kept: OrderedDict[tuple[FactsInput, Gazetteer], tuple[Fact, ...]] = OrderedDict()


def _keep(key: tuple[FactsInput, Gazetteer], facts: tuple[Fact, ...]) -> None:
    _kept[key] = facts
    _kept.move_to_end(key)
    while len(_kept) > FACT_SETS_KEPT:
        _kept.popitem(last=False)


def start_extracting_facts(
    sources: tuple[Source, ...], gazetteer: Gazetteer
) -> Callable[[], dict[str, tuple[Fact, ...]]]:
    """Start reading the facts of every source; the function returned waits for them, by source.

    With enough sentences, they are read in a second process (dossier.worker) while the caller
    runs the other checks.
    """
    keys = {source.id: (_facts_input(source), gazetteer) for source in sources}
    known = {key: _kept[key] for key in keys.values() if key in _kept}
    missing = [key for key in dict.fromkeys(keys.values()) if key not in known]
    inputs = [source for source, _ in missing]
    sentences = sum(len(source[0]) for source in inputs)
    start = start_beside if sentences >= SENTENCES_WORTH_A_WORKER else start_here
    # In shares, which the worker takes from the first and the caller, once free, from the last.
    size = -(-len(inputs) // FACTS_SHARES) or 1
    shares = [inputs[first : first + size] for first in range(0, len(inputs), size)]
    pending = [start(read_fact_rows, share, gazetteer) for share in shares]

    def facts_by_source() -> dict[str, tuple[Fact, ...]]:
        rows = [share.result() for share in reversed(pending)][::-1]
        read = {
            key: tuple(Fact(*row) for row in facts)
            for key, facts in zip(missing, itertools.chain(*rows), strict=True)
        }
        for key, facts in [*known.items(), *read.items()]:
            _keep(key, facts)
        return {
            source_id: known[key] if key in known else read[key] for source_id, key in keys.items()
        }

    return facts_by_source


def extract_facts(source: Source, gazetteer: Gazetteer) -> tuple[Fact, ...]:
    """Every fact of `source`, in reading order."""
    return start_extracting_facts((source,), gazetteer)()[source.id]
