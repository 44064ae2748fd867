"""text/: YAML that remembers lines, front matter, as the findings that point into files use them."""

from __future__ import annotations

import datetime
import gc

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from dossier.load.textfiles import parse_yaml_text
from dossier.text.folding import fold, fold_text
from dossier.text.front_matter import split_front_matter
from dossier.text.yamldoc import YamlDocumentError, parse_yaml


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


@pytest.mark.parametrize(
    "text",
    [
        "count: 0o17\nold_octal: 017\nbig: 1_000\nsexagesimal: 1:30\nhex: 0x1F\n",
        "ratio: 1.5e3\nforever: .inf\nunknown: .nan\nanswer: yes\nnothing: ~\n",
        "day: 2026-01-02\nmoment: 2026-01-02T10:00:00Z\n",
        "base: &base {x: 1, y: 2}\nother:\n  <<: *base\n  z: 3\n",
        "same: &list [1, 2]\nagain: *list\n",
        "tags: !!set {a, b}\nblob: !!binary aGVsbG8=\npairs: !!omap [a: 1, b: 2]\n",
        "text: !!str 12\nnumber: !!int '12'\nflag: !!bool 'off'\n",
        "1: one\n1.0: still one\n2026-01-02: a date\nnull: none\n",
        "- a\n- [b, {c: d}]\n",
        "just a line of text",
    ],
)
def test_yaml_is_read_as_the_safe_loader_reads_it(text: str) -> None:
    # Plain documents are read in one pass; the rest goes to PyYAML, and both must agree with it.
    assert parse_yaml(text).data == yaml.safe_load(text)


def test_a_repeated_key_keeps_its_last_value_and_line() -> None:
    document = parse_yaml("title: A\nnotes: x\ntitle: B\n")

    assert document.data == {"title": "B", "notes": "x"}
    assert document.line_of(("title",)) == 3


def test_a_merged_key_points_at_the_line_it_is_written_on() -> None:
    document = parse_yaml("base: &base {x: 1}\nother:\n  <<: *base\n  y: 2\n", first_line=2)

    assert document.data == {"base": {"x": 1}, "other": {"x": 1, "y": 2}}
    assert document.line_of(("other", "y")) == 5
    assert document.line_of(("other", "x")) == 2


def test_a_date_no_calendar_has_is_an_error_at_its_line() -> None:
    with pytest.raises(YamlDocumentError, match="not a valid date") as raised:
        parse_yaml("title: A\ndates:\n  - 2026-02-28\n  - 2026-02-30\n", first_line=2)

    assert raised.value.line == 5
    assert parse_yaml("day: 2026-02-28\n").data == {"day": datetime.date(2026, 2, 28)}


def test_parsing_leaves_the_cycle_collector_as_it_found_it() -> None:
    parse_yaml("title: A\n")
    with pytest.raises(YamlDocumentError):
        parse_yaml("title: [A\n")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_yaml("title: A\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


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
