"""Resolving citations: forgiving about typing, strict about words, clear when it fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import PROJECT_ROOT, ExampleProject
from dossier.checks.citations import resolve_citation
from dossier.load.sources import load_sources
from dossier.model.citations import Citation, CitingPlace, ResolvedCitation
from dossier.model.findings import Finding
from dossier.model.sources import Source
from dossier.text.folding import fold

PLACE = CitingPlace("docs/index.md", 12, "index.md", "cite-1", "Home")
REAL_SOURCES = {source.id: source for source in load_sources(PROJECT_ROOT).sources}
SPANISH, ITALIAN = "000_7edff155f20879db", "001_de767ab6f4448240"


def resolve(
    source_id: str,
    quote: str,
    prefix: str = "",
    suffix: str = "",
    sources: dict[str, Source] = REAL_SOURCES,
) -> tuple[ResolvedCitation | None, list[Finding]]:
    return resolve_citation(Citation(source_id, quote, PLACE, prefix, suffix), sources)


def test_a_quote_resolves_to_the_sentence_that_holds_it() -> None:
    resolved, problems = resolve(SPANISH, "negó que se hubiera alcanzado un acuerdo")

    assert problems == []
    assert resolved is not None
    assert resolved.anchor == "p8-s1"
    assert resolved.source_text == "negó que se hubiera alcanzado un acuerdo"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        # a straight apostrophe for the source's typographic one
        ("l'obiettivo di garantire al Paese", "l’obiettivo di garantire al Paese"),
        # non-breaking and doubled spaces, a line break
        ("servizi\u00a0crittografici  di\nalto livello", "servizi crittografici di alto livello"),
        # straight double quotes for guillemets
        ('"Los contactos con SpaceX', "«Los contactos con SpaceX"),
        # a decomposed accent (e + combining acute) for the source's composed one
        ("L’Italia e\u0300 attualmente", "L’Italia è attualmente"),
    ],
)
def test_typing_differences_are_forgiven_and_the_source_text_is_shown(
    typed: str, shown: str
) -> None:
    source_id = SPANISH if "Los" in typed else ITALIAN
    resolved, problems = resolve(source_id, typed)

    assert problems == []
    assert resolved is not None
    assert resolved.source_text == shown


def test_a_quote_spanning_two_sentences_resolves_to_both() -> None:
    resolved, problems = resolve(SPANISH, "entre las partes. La primera ministra conservadora")

    assert problems == []
    assert resolved is not None
    assert [sentence.anchor for sentence in resolved.sentences] == ["p6-s2", "p7-s1"]


def test_case_accents_and_words_are_not_forgiven() -> None:
    for quote in ("italia negocia", "Italia negocía", "Italia negociará"):
        resolved, problems = resolve(SPANISH, quote)
        assert resolved is None
        assert "quote not found" in problems[0].message


def test_a_missing_quote_names_the_closest_passage_and_how_similar_it_is() -> None:
    _, (problem,) = resolve(
        SPANISH, "la oficina de la primera ministra negó que se hubiese alcanzado un acuerdo"
    )

    assert str(problem).startswith(
        "docs/index.md:12: error: quote not found in 000_7edff155f20879db: "
        "'la oficina de la primera ministra negó que se hubiese alcanzado un acuerdo'."
    )
    assert (
        "The closest passage, 97% similar, is #p8-s1: 'Sin embargo, la oficina de la primera ministra negó"
        in problem.hint
    )


def test_a_repeated_quote_asks_for_a_prefix_or_suffix_and_then_resolves() -> None:
    quote = "garantizar la seguridad de las comunicaciones"
    _, (problem,) = resolve(SPANISH, quote)

    assert problem.message == f"quote found 2 times in {SPANISH} (at #p1-s1, #p3-s1): {quote!r}"
    assert (
        problem.hint == "Add a prefix or suffix: the words right before or after the one you mean."
    )

    by_prefix, _ = resolve(SPANISH, quote, prefix="busca")
    by_suffix, _ = resolve(SPANISH, "Gobierno y el Ejército italiano", suffix="El proyecto cuenta")
    assert by_prefix is not None
    assert by_prefix.anchor == "p3-s1"
    assert by_suffix is not None
    assert by_suffix.anchor == "p3-s1"


def test_a_prefix_that_matches_no_occurrence_is_reported() -> None:
    _, (problem,) = resolve(SPANISH, "garantizar la seguridad", prefix="quiere")

    assert problem.message.startswith(f"quote not found in {SPANISH} with that prefix and suffix")


@pytest.mark.parametrize(
    ("source_id", "quote", "message", "hint"),
    [
        (
            "999_nope",
            "Italia",
            "unknown source '999_nope'",
            f"Known sources: {SPANISH}, {ITALIAN}.",
        ),
        (
            "../seeds/000_7edff155f20879db",
            "Italia",
            "'../seeds/000_7edff155f20879db' is not a plain source name",
            "Cite a source by its file name",
        ),
        (
            "/etc/passwd",
            "root",
            "'/etc/passwd' is not a plain source name",
            "Cite a source by its file name",
        ),
        (SPANISH, "  ", f"empty quote from {SPANISH}", "Quote the exact words of the source"),
    ],
)
def test_bad_citations_are_findings_at_the_citing_line(
    source_id: str, quote: str, message: str, hint: str
) -> None:
    resolved, (problem,) = resolve(source_id, quote)

    assert resolved is None
    assert (problem.path, problem.line, problem.message) == ("docs/index.md", 12, message)
    assert problem.hint.startswith(hint)


def test_a_symlink_out_of_seeds_cannot_be_cited(
    example_project: ExampleProject, tmp_path: Path
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Datos secretos aquí.", encoding="utf-8")
    (example_project.seeds / "000_abc.txt").symlink_to(outside)
    sources = {s.id: s for s in load_sources(example_project.root).sources}

    resolved, (problem,) = resolve("000_abc", "Datos secretos", sources=sources)

    assert resolved is None
    assert problem.message == "unknown source '000_abc'"


WORDS_OF = {
    source_id: [(start, start + len(word)) for start, word in _words]
    for source_id, _words in (
        (
            source.id,
            [(m.start(), m.group()) for m in __import__("re").finditer(r"\S+", source.text)],
        )
        for source in REAL_SOURCES.values()
    )
}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(REAL_SOURCES)), st.data())
def test_any_passage_of_three_or_more_words_that_occurs_once_resolves(
    source_id: str, data: st.DataObject
) -> None:
    source = REAL_SOURCES[source_id]
    words = WORDS_OF[source_id]
    first = data.draw(st.integers(0, len(words) - 3))
    last = data.draw(st.integers(first + 2, min(first + 40, len(words) - 1)))
    start, end = words[first][0], words[last][1]
    quote = source.text[start:end]
    assume(fold(source.text).count(fold(quote)) == 1)

    resolved, problems = resolve(source_id, quote)

    assert problems == []
    assert resolved is not None
    assert resolved.source_text == quote
    assert resolved.sentences == tuple(
        s for s in source.sentences if s.start < end and start < s.end
    )


@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0\u2009’‘«»“”\"'.é")), max_size=80))
def test_the_fast_folding_of_normalised_text_matches_the_general_one(text: str) -> None:
    from dossier.text.folding import _fold_any, _fold_normalized

    assert _fold_normalized(text) == _fold_any(text)
