"""Escaping: any text shown on a generated page stays text, exactly as written."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from dossier.render.templating import escape_text, relative_link


@given(st.text())
def test_escaped_text_reads_back_as_the_same_text(text: str) -> None:
    assert html.unescape(escape_text(text)) == text


@given(st.text())
def test_escaped_text_has_no_markup_character_left(text: str) -> None:
    outside_references = re.sub(r"&#[0-9]+;", "", escape_text(text))

    assert not set(outside_references) & set("&<>\"'`*_[]()!|~^=:$\\{}#+-\n")


def test_relative_links_go_from_one_page_to_another() -> None:
    assert (
        relative_link("register/crypto-scheme/keys.md", "sources/000_abc.md")
        == "../../sources/000_abc.md"
    )
    assert relative_link("index.md", "sources/000_abc.md") == "sources/000_abc.md"
