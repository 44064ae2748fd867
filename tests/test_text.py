"""text/: YAML that remembers lines, front matter, as the findings that point into files use them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dossier.load.textfiles import parse_yaml_text
from dossier.text.folding import fold, fold_text
from dossier.text.front_matter import split_front_matter
from dossier.text.yamldoc import parse_yaml


def test_every_key_and_list_entry_knows_its_line() -> None:
    document = parse_yaml("title: A\nevidence:\n  - source: x\n    quote: y\n", first_line=2)

    assert document.line_of(("title",)) == 2
    assert document.line_of(("evidence", 0, "quote")) == 5
    assert document.line_of(("evidence", 0, "missing")) == 4


def test_invalid_yaml_is_one_finding_at_the_line_of_the_mistake() -> None:
    document, problems = parse_yaml_text("title: A\nwatch: [a, b\n", "seeds/x.yml")

    assert document is None
    assert [(p.path, p.line, p.message.split(":")[0]) for p in problems] == [
        ("seeds/x.yml", 3, "invalid YAML")
    ]


def test_front_matter_is_split_from_the_body_with_the_line_the_body_starts_on() -> None:
    assert split_front_matter("---\ntitle: A\n---\nWhy it matters.\n") == (
        "title: A\n",
        "Why it matters.\n",
        4,
    )
    assert split_front_matter("# No front matter\n") is None


@given(st.text() | st.text(alphabet=" \t\n«»“”’'ab\u00a0\u2003e\u0301"))
def test_fold_is_fold_text_trimmed_whatever_the_text(text: str) -> None:
    # fold takes a shorter way for text already in NFC; it must agree with fold_text.
    assert fold(text) == fold_text(text).folded.strip()


@given(st.text() | st.text(alphabet=" \t\r\n«»“”’'ab\u00a0\u2003e\u0301\u0344"))
def test_each_folded_character_comes_from_its_span_of_the_text(text: str) -> None:
    folded = fold_text(text)
    spans = [folded.original_span(index, index + 1) for index in range(len(folded.folded))]
    for character, (start, end) in zip(folded.folded, spans, strict=True):
        assert character in fold_text(text[start:end]).folded
    assert [start for start, _ in spans] == sorted(start for start, _ in spans)
    if folded.folded:
        assert folded.original_span(0, len(folded.folded)) == (0, len(text))
