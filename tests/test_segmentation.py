"""Paragraph and sentence splitting on the seeds and on the cases that trip segmenters."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.load.segmentation import segment
from dossier.model.text import count_words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentence_texts(text: str, language: str) -> list[str]:
    return [
        sentence.text for paragraph in segment(text, language) for sentence in paragraph.sentences
    ]


def test_spanish_seed_has_eleven_paragraphs_and_fifteen_sentences() -> None:
    paragraphs = segment((SEEDS / "000_7edff155f20879db.txt").read_text(encoding="utf-8"), "es")

    assert len(paragraphs) == 11
    assert [len(paragraph.sentences) for paragraph in paragraphs] == [
        1,
        1,
        1,
        1,
        1,
        2,
        1,
        2,
        1,
        2,
        2,
    ]
    by_anchor = {
        sentence.anchor: sentence.text
        for paragraph in paragraphs
        for sentence in paragraph.sentences
    }
    assert (
        by_anchor["p6-s2"]
        == "El respaldo de Musk a Trump puede acelerar las conversaciones entre las partes."
    )
    # Quoted speech stays whole, with the attribution after the closing guillemet.
    assert by_anchor["p8-s2"].startswith("«La oficina de la primera ministra niega categóricamente")
    assert by_anchor["p8-s2"].endswith("durante la reunión», manifestó.")
    # `Co.` ends the article: it is part of the last sentence, not a sentence of its own.
    assert by_anchor["p11-s2"].endswith("tras vender su red a KKR & Co.")
    assert "1.500 millones de euros" in by_anchor["p2-s1"]


def test_italian_seed_is_one_paragraph_of_twelve_sentences() -> None:
    paragraphs = segment((SEEDS / "001_de767ab6f4448240.txt").read_text(encoding="utf-8"), "it")

    assert [paragraph.anchor for paragraph in paragraphs] == ["p1"]
    sentences = paragraphs[0].sentences
    assert [sentence.anchor for sentence in sentences] == [f"p1-s{n}" for n in range(1, 13)]
    assert sentences[0].text.startswith("L’Italia è attualmente in trattative avanzate con SpaceX")
    assert sentences[3].text == (
        "L’intesa che l’Italia sta cercando di stabilire ammonterebbe a 1,5 miliardi di euro e ha "
        "l’obiettivo di garantire al Paese una gamma completa di servizi crittografici di alto livello."
    )
    assert sentences[-1].text.startswith("In sintesi, l’accordo in fase di negoziazione con SpaceX")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "es",
            "El Sr. García llegó ayer. Luego se fue.",
            ["El Sr. García llegó ayer.", "Luego se fue."],
        ),
        (
            "es",
            "La Dra. Pérez habló. Nadie respondió.",
            ["La Dra. Pérez habló.", "Nadie respondió."],
        ),
        (
            "es",
            "Vendió su red a KKR & Co. por 22.000 millones. Es mucho.",
            ["Vendió su red a KKR & Co. por 22.000 millones.", "Es mucho."],
        ),
        (
            "es",
            # `D.` (Don) is an abbreviation only as a word of its own, not as the end of `USD.`
            "Costó 5 millones de USD. La empresa calló.",
            ["Costó 5 millones de USD.", "La empresa calló."],
        ),
        (
            "es",
            "Pagó 1.500 millones de euros. Swisscom pagó 8.000 millones.",
            ["Pagó 1.500 millones de euros.", "Swisscom pagó 8.000 millones."],
        ),
        (
            "es",
            "«La oficina niega la reunión. Es ridículo», manifestó. Después calló.",
            ["«La oficina niega la reunión. Es ridículo», manifestó.", "Después calló."],
        ),
        (
            "it",
            "Enel S.p.A. ha firmato. Poi ha parlato.",
            ["Enel S.p.A. ha firmato.", "Poi ha parlato."],
        ),
        (
            "it",
            "Costa 1,5 mld. di euro secondo fonti. Altro ancora.",
            ["Costa 1,5 mld. di euro secondo fonti.", "Altro ancora."],
        ),
        (
            "it",
            "L’intesa ammonterebbe a 1,5 miliardi di euro. Lo dice Bloomberg.",
            ["L’intesa ammonterebbe a 1,5 miliardi di euro.", "Lo dice Bloomberg."],
        ),
        ("it", "G. Meloni ha parlato. Fine.", ["G. Meloni ha parlato.", "Fine."]),
        (
            "it",
            "Il Dott. Rossi parla. Il Sig. Bianchi tace.",
            ["Il Dott. Rossi parla.", "Il Sig. Bianchi tace."],
        ),
        (
            "it",
            "«Non è vero. Mai», ha detto la premier. Poi è partita.",
            ["«Non è vero. Mai», ha detto la premier.", "Poi è partita."],
        ),
        (
            "it",
            "Ha detto: “Non firmeremo. Mai.” Il resto è noto.",
            ["Ha detto: “Non firmeremo. Mai.”", "Il resto è noto."],
        ),
        (
            "it",
            "Ha detto: «Non firmeremo. Mai.» Il resto è noto.",
            ["Ha detto: «Non firmeremo. Mai.»", "Il resto è noto."],
        ),
        (
            "en",
            "Mr. Smith of SpaceX Co. spoke. Nobody replied.",
            ["Mr. Smith of SpaceX Co. spoke.", "Nobody replied."],
        ),
    ],
)
def test_tricky_sentences_split_where_a_reader_would(
    language: str, text: str, expected: list[str]
) -> None:
    assert sentence_texts(text, language) == expected


def test_paragraphs_are_blocks_between_blank_lines_and_anchors_count_from_one() -> None:
    paragraphs = segment("Uno. Dos.\n\n  \nTres.\nSigue tres.\n\n\n", "es")

    assert [paragraph.anchor for paragraph in paragraphs] == ["p1", "p2"]
    assert [s.anchor for s in paragraphs[0].sentences] == ["p1-s1", "p1-s2"]
    assert [s.text for s in paragraphs[1].sentences] == ["Tres.", "Sigue tres."]


def test_sentence_offsets_point_at_the_sentence_in_the_source() -> None:
    text = "  Primera frase.\n\nSegunda frase. Tercera."
    for paragraph in segment(text, "es"):
        for sentence in paragraph.sentences:
            assert text[sentence.start : sentence.end] == sentence.text


@given(
    st.text(alphabet=st.sampled_from(list("abc ABC.,;«»“”!?\n’1")), max_size=200),
    st.sampled_from(["es", "it"]),
)
def test_segmentation_covers_every_character_in_order_without_overlap(
    text: str, language: str
) -> None:
    sentences = [
        sentence for paragraph in segment(text, language) for sentence in paragraph.sentences
    ]

    positions = [(sentence.start, sentence.end) for sentence in sentences]
    assert positions == sorted(positions)
    assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(positions))
    assert all(
        text[s.start : s.end] == s.text and s.text == s.text.strip() and s.text for s in sentences
    )
    assert "".join(text.split()) == "".join("".join(s.text.split()) for s in sentences)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Italia negocia un acuerdo de 1.500 millones de euros.", 9),
        ("L’Italia è in trattative con SpaceX S.p.A. per 1,5 miliardi.", 10),
        ("", 0),
    ],
)
def test_words_are_counted_as_a_reader_counts_them(text: str, words: int) -> None:
    assert count_words(text) == words
