"""Universal statements about the sources are flagged until a claim of absence proves them."""

from __future__ import annotations

import pytest

from dossier.checks.universal import Statement, universal_findings

PROOF = '[@000_abc !"cifrado"]'


def flagged(text: str, always_about_sources: bool = True) -> list[str]:
    statement = Statement(text, "docs/register/x/y.md", 10, always_about_sources)
    return [f"{f.line}: {f.message}" for f in universal_findings([statement])]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The article only names the price.", "only"),
        ("The office never says who holds the keys.", "never"),
        ("It gives no figure at all.", "no figure at all"),
        ("The Spanish article names no scheme.", "names no"),
        ("The Italian text does not mention trials.", "does not mention"),
        (
            "Neither article names a gateway nor a ground station.",
            "Neither article names a gateway nor",
        ),
        ("El texto solo habla del precio.", "solo"),
        ("El artículo nunca nombra el cifrado.", "nunca"),
        ("Il testo non menziona le prove.", "non menziona"),
        ("L'articolo parla soltanto del prezzo.", "soltanto"),
        ("Né l'uno né l'altro nomina un satellite.", "Né l'uno né"),
    ],
)
def test_universal_phrasings_in_three_languages_are_flagged_until_proved(
    text: str, phrase: str
) -> None:
    assert flagged(text) == [
        f"10: universal statement without proof ({phrase!r}): {text!r}",
    ]
    proved = text.removesuffix(".") + f" {PROOF}."
    assert flagged(proved) == []


def test_the_finding_points_at_the_line_of_the_sentence_and_names_the_fix() -> None:
    (finding,) = universal_findings(
        [Statement("A first line.\n\nThe article never names it.", "a.md", 4, True)]
    )

    assert str(finding) == (
        "a.md:6: warning: universal statement without proof ('never'): "
        "'The article never names it.'. Add a claim of absence that proves it, "
        '[@SOURCE !"term"] (or [@all !"term"]), or reword it to say no more than the sources.'
    )


def test_quoted_words_citations_and_code_are_the_sources_own_and_not_read() -> None:
    assert flagged('The article says “non solo” [@001_def "non solo rafforzerebbe"].') == []
    assert flagged("Write `only` in code.\n\n```\nnever\n```\n", always_about_sources=False) == []


def test_a_citation_is_read_as_one_piece_wherever_it_stands() -> None:
    # A statement is searched for citations only when it holds `[@`; this one does, and its
    # quote's full stop ends no sentence.
    assert flagged('The article never names it [@000_abc "Italia. Negocia"] again.') == [
        "10: universal statement without proof ('never'): 'The article never names it […] again.'"
    ]


def test_in_prose_only_sentences_about_the_articles_count() -> None:
    prose = "The register changes only by pull request. The article only names the price."

    assert flagged(prose, always_about_sources=False) == [
        "10: universal statement without proof ('only'): 'The article only names the price.'"
    ]
    assert flagged('It only says so [@000_abc "Italia negocia"].', always_about_sources=False)


def test_a_plain_text_field_cannot_hold_the_proof_so_it_is_flagged_anyway() -> None:
    note = Statement(f"The article never names it {PROOF}.", "q.md", 7, True, can_prove=False)

    (finding,) = universal_findings([note])

    assert finding.hint == (
        "Reword it to say no more than its quote: this field is plain text, so put a claim of "
        'absence, [@SOURCE !"term"], in the question\'s text instead.'
    )


def test_not_only_and_non_solo_add_rather_than_exclude() -> None:
    assert flagged("The article not only names the price but also the term.") == []
    assert flagged("L'articolo non solo nomina il prezzo.") == []
    assert flagged("The article only names the price.") != []


def test_prose_naming_an_agency_the_sources_cite_speaks_of_the_sources() -> None:
    prose = Statement("Reuters only reported the trials.", "docs/page.md", 3, False)

    assert universal_findings([prose]) == []
    (finding,) = universal_findings([prose], source_names=["Reuters"])
    assert finding.message == (
        "universal statement without proof ('only'): 'Reuters only reported the trials.'"
    )
