"""Escaping: any text shown on a generated page stays text, exactly as written."""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.render.templating import compiled_templates, environment, escape_text, relative_link


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


@pytest.fixture
def template_cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Compiled templates kept under `tmp_path`, the temporary directory Jinja's cache uses."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    compiled_templates.cache_clear()
    yield tmp_path
    compiled_templates.cache_clear()


def test_a_template_is_compiled_once_then_read_back_by_each_later_build(
    template_cache_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str, *rest: Any) -> Any:
        compiled.append(name)
        return compile_template(self, source, name, *rest)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    for _ in range(2):  # each build makes its own environment
        environment().get_template("comparison.md.j2").render(columns=[], rows=[])

    assert compiled == ["comparison.md.j2"]
    assert [path.name for path in template_cache_in.rglob("__dossier_*.cache")]


def test_the_dossier_and_the_theme_keep_their_compiled_templates_apart(
    template_cache_in: Path,
) -> None:
    dossier, theme = compiled_templates("dossier"), compiled_templates("mkdocs-theme")

    assert isinstance(dossier, jinja2.FileSystemBytecodeCache)
    assert isinstance(theme, jinja2.FileSystemBytecodeCache)
    assert dossier.pattern != theme.pattern
    assert Path(dossier.directory).is_relative_to(template_cache_in)
