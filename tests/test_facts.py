"""Facts read from the text: amounts, dates, relative dates and names, in Spanish and Italian."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import pytest

from conftest import PROJECT_ROOT, ExampleProject
from dossier.checks import facts
from dossier.checks.facts import extract_facts
from dossier.checks.gazetteer import gazetteer_findings
from dossier.load.gazetteer import load_gazetteer
from dossier.load.sources import load_sources
from dossier.model.facts import Gazetteer
from dossier.model.sources import Source
from dossier.worker import start_beside as start

SOURCES = {source.id: source for source in load_sources(PROJECT_ROOT).sources}
GAZETTEER, GAZETTEER_PROBLEMS = load_gazetteer(PROJECT_ROOT)


def facts_of(source_id: str, kind: str) -> list[tuple[str, str, str]]:
    return [
        (fact.text, fact.value, fact.anchor)
        for fact in extract_facts(SOURCES[source_id], GAZETTEER)
        if fact.kind == kind
    ]


def test_amounts_in_both_seeds_are_read_in_their_locale() -> None:
    assert facts_of("000_7edff155f20879db", "money") == [
        ("1.500 millones de euros", "EUR 1,500,000,000", "p2-s1"),
        ("8.000 millones de euros", "EUR 8,000,000,000", "p11-s2"),
    ]
    assert facts_of("001_de767ab6f4448240", "money") == [
        ("1,5 miliardi di euro", "EUR 1,500,000,000", "p1-s4")
    ]


def test_dates_keep_what_the_text_does_not_say_unknown() -> None:
    assert facts_of("000_7edff155f20879db", "date") == [
        ("diciembre", "December (no year given)", "p5-s1"),
        ("mediados de 2023", "mid-2023", "p6-s1"),
        ("20 de enero", "20 January (no year given)", "p7-s1"),
        ("2021", "2021", "p10-s2"),
    ]
    assert facts_of("000_7edff155f20879db", "relative date") == [
        (
            "este mismo mes",
            "this very month (relative to a publication date the text does not give)",
            "p5-s1",
        ),
        ("sábado", "Saturday (relative to a publication date the text does not give)", "p7-s1"),
    ]
    assert facts_of("001_de767ab6f4448240", "date") == []


def test_names_are_found_by_their_aliases_in_each_language() -> None:
    spanish = {(text, value) for text, value, _ in facts_of("000_7edff155f20879db", "organisation")}
    italian = {(text, value) for text, value, _ in facts_of("001_de767ab6f4448240", "organisation")}

    assert ("oficina de la primera ministra", "Office of the Italian Prime Minister") in spanish
    assert ("KKR & Co.", "KKR & Co.") in spanish
    assert ("Telecom Italia", "Telecom Italia") in spanish
    assert ("governo italiano", "Italian government") in italian
    assert ("Italia", "Italy") in {(t, v) for t, v, _ in facts_of("001_de767ab6f4448240", "place")}


def single_fact(project: ExampleProject, text: str, language: str) -> list[tuple[str, str, str]]:
    project.add_seed("000_abc", text, language=language)
    (source,) = load_sources(project.root).sources
    return [
        (fact.kind, fact.text, fact.value)
        for fact in extract_facts(source, Gazetteer((), frozenset()))
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("it", "Costa 1,5 mld di euro.", [("money", "1,5 mld di euro", "EUR 1,500,000,000")]),
        ("it", "Costa 250 milioni di euro.", [("money", "250 milioni di euro", "EUR 250,000,000")]),
        ("it", "Vale 2.300,50 euro.", [("money", "2.300,50 euro", "EUR 2,300.50")]),
        (
            "es",
            "Costó 3.000 millones de dólares.",
            [("money", "3.000 millones de dólares", "USD 3,000,000,000")],
        ),
        (
            "es",
            "Pagó 12,5 millones de euros.",
            [("money", "12,5 millones de euros", "EUR 12,500,000")],
        ),
        ("es", "Son 1.500 personas.", []),
        # Amounts are looked for only where a currency is named, before or after the number.
        (
            "it",
            "Costa € 300, poi 5 USD e 40 dollari.",
            [
                ("money", "€ 300", "EUR 300"),
                ("money", "5 USD", "USD 5"),
                ("money", "40 dollari", "USD 40"),
            ],
        ),
        # A day and month is looked for only where a month is named, in any case.
        (
            "es",
            "Firmado el 3 DE MARZO, con 2 de 4 votos.",
            [("date", "3 DE MARZO", "3 March (no year given)")],
        ),
        ("es", "Firmado el 3 de marzo de 2025.", [("date", "3 de marzo de 2025", "3 March 2025")]),
        ("it", "Firmato il 15 gennaio 2025.", [("date", "15 gennaio 2025", "15 January 2025")]),
        ("it", "Previsto a metà del 2026.", [("date", "metà del 2026", "mid-2026")]),
        ("it", "Dal 2021 in Italia.", [("date", "2021", "2021")]),
        # Words are looked for where a character they start with stands, in either case.
        (
            "it",
            "Previsto a Metà del 2026, a Settembre.",
            [
                ("date", "Metà del 2026", "mid-2026"),
                ("date", "Settembre", "September (no year given)"),
            ],
        ),
        (
            "es",
            "Llegó AYER, el Sábado.",
            [
                (
                    "relative date",
                    "AYER",
                    "yesterday (relative to a publication date the text does not give)",
                ),
                (
                    "relative date",
                    "Sábado",
                    "Saturday (relative to a publication date the text does not give)",
                ),
            ],
        ),
        (
            "it",
            "Lo ha detto ieri.",
            [
                (
                    "relative date",
                    "ieri",
                    "yesterday (relative to a publication date the text does not give)",
                )
            ],
        ),
        (
            "es",
            "Llegó el lunes.",
            [
                (
                    "relative date",
                    "lunes",
                    "Monday (relative to a publication date the text does not give)",
                )
            ],
        ),
        # Matched case-insensitively, a dotless i (U+0131) is an i and a long s (U+017F) an s:
        # read as such, not a crash of the whole check.
        (
            "es",
            "Firmado en abr\u0131l de 2024, el \u017fábado.",
            [
                ("date", "abr\u0131l de 2024", "April 2024"),
                (
                    "relative date",
                    "\u017fábado",
                    "Saturday (relative to a publication date the text does not give)",
                ),
            ],
        ),
    ],
)
def test_tricky_amounts_and_dates(
    example_project: ExampleProject, language: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert single_fact(example_project, text, language) == expected


def test_a_relative_date_is_anchored_when_the_publication_date_is_known(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", "Viajó el sábado.", language="es")
    sidecar = example_project.seeds / "000_abc.yml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("published: null", "published: 2025-01-06"),
        encoding="utf-8",
    )
    (source,) = load_sources(example_project.root).sources

    (fact,) = extract_facts(source, Gazetteer((), frozenset()))

    # 2025-01-06 is a Monday: the Saturday the article reports is the one before it.
    assert fact.value == "Saturday: 2025-01-04 (from the publication date, 2025-01-06)"


def test_check_lists_capitalised_names_the_gazetteer_does_not_know(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed(
        "000_abc", "Italia negocia con SpaceX y Vodafone. Swisscom compra.", language="es"
    )
    (example_project.seeds / "gazetteer.yml").write_text(
        "entries:\n  - name: Italy\n    kind: place\n    aliases: {es: [Italia]}\nignore: [Vodafone]\n",
        encoding="utf-8",
    )
    (source,) = load_sources(example_project.root).sources
    gazetteer, problems = load_gazetteer(example_project.root)

    found = gazetteer_findings((source,), gazetteer, {source.id: extract_facts(source, gazetteer)})

    assert problems == []
    # Sentence-initial words (Italia, Swisscom) are not taken for names; ignored words are skipped.
    assert [str(f) for f in found] == [
        "seeds/000_abc.txt:1: warning: capitalised name 'SpaceX' is not in seeds/gazetteer.yml. "
        "Add it with its kind (organisation, person, place) and its aliases, or to `ignore:` if it is not a name."
    ]


def test_a_capital_inside_a_word_starts_no_name(example_project: ExampleProject) -> None:
    example_project.add_seed(
        "000_abc", "El plan anti-Trump de l’Autorità y McKinsey.", language="es"
    )
    (source,) = load_sources(example_project.root).sources
    nothing = Gazetteer((), frozenset())

    found = gazetteer_findings((source,), nothing, {source.id: extract_facts(source, nothing)})

    assert [f.message for f in found] == [
        "capitalised name 'McKinsey' is not in seeds/gazetteer.yml"
    ]


def test_a_malformed_gazetteer_entry_is_an_error_at_its_line(
    example_project: ExampleProject,
) -> None:
    (example_project.seeds / "gazetteer.yml").write_text(
        "entries:\n  - name: Italy\n    kind: country\n", encoding="utf-8"
    )

    _, problems = load_gazetteer(example_project.root)

    assert [(p.path, p.line, p.message) for p in problems] == [
        ("seeds/gazetteer.yml", 2, "entries.0: missing field 'aliases'"),
        (
            "seeds/gazetteer.yml",
            3,
            "entries.0.kind: 'country' is not one of ['organisation', 'person', 'place']",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Lo dijo ayer.", "yesterday: 2025-01-05"),
        ("Empezará este mismo mes.", "this very month: 2025-01"),
        ("Cerró el año pasado.", "last year: 2024"),
        ("Llegó el lunes.", "Monday: 2025-01-06"),
    ],
)
def test_relative_dates_resolve_against_a_known_publication_date(
    example_project: ExampleProject, text: str, reading: str
) -> None:
    example_project.add_seed("000_abc", text, language="es")
    sidecar = example_project.seeds / "000_abc.yml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("published: null", "published: 2025-01-06"),
        encoding="utf-8",
    )
    (source,) = load_sources(example_project.root).sources

    (fact,) = [
        f for f in extract_facts(source, Gazetteer((), frozenset())) if f.kind == "relative date"
    ]

    assert fact.value == f"{reading} (from the publication date, 2025-01-06)"


def test_facts_read_again_follow_the_publication_date_and_the_gazetteer(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", "Lo dijo ayer. Italia negocia.", language="es")
    sidecar = example_project.seeds / "000_abc.yml"
    empty = Gazetteer((), frozenset())
    (undated,) = load_sources(example_project.root).sources
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("published: null", "published: 2025-01-06"),
        encoding="utf-8",
    )
    (dated,) = load_sources(example_project.root).sources
    (example_project.seeds / "gazetteer.yml").write_text(
        "entries:\n  - name: Italy\n    kind: place\n    aliases: {es: [Italia]}\nignore: []\n",
        encoding="utf-8",
    )
    gazetteer, _ = load_gazetteer(example_project.root)

    def values(source: Source, gazetteer: Gazetteer) -> list[str]:
        return [fact.value for fact in extract_facts(source, gazetteer)]

    assert dated.text == undated.text
    assert values(undated, empty) == [
        "yesterday (relative to a publication date the text does not give)"
    ]
    assert values(dated, empty) == ["yesterday: 2025-01-05 (from the publication date, 2025-01-06)"]
    assert values(dated, gazetteer) == [*values(dated, empty), "Italy"]
    assert values(undated, empty) == [
        "yesterday (relative to a publication date the text does not give)"
    ]


def test_facts_read_in_a_worker_process_are_the_facts_read_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sources = tuple(SOURCES.values())
    monkeypatch.setattr(facts, "_kept", OrderedDict())
    here = facts.start_extracting_facts(sources, GAZETTEER)()
    monkeypatch.setattr(facts, "_kept", OrderedDict())
    monkeypatch.setattr(facts, "SENTENCES_WORTH_A_WORKER", 1)
    started = []

    def started_beside(*work: Any) -> Any:
        pending = start(*work)
        started.append(pending.future is not None)
        return pending

    monkeypatch.setattr(facts, "start_beside", started_beside)

    beside = facts.start_extracting_facts(sources, GAZETTEER)()

    assert started
    assert all(started), "the facts were handed to a worker"
    assert beside == here
    assert sum(len(found) for found in here.values()) > 20


def test_a_source_whose_text_is_unchanged_is_not_read_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = SOURCES["000_7edff155f20879db"]
    monkeypatch.setattr(facts, "_kept", OrderedDict())
    first = facts.start_extracting_facts((source,), GAZETTEER)()
    monkeypatch.setattr(
        facts, "read_fact_rows", lambda sources, _: pytest.fail("read again") if sources else []
    )

    assert facts.start_extracting_facts((source,), GAZETTEER)() == first
