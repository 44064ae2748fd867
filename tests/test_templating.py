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

from dossier.render import templating
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
    templating._bytecode_cache.cache_clear()
    yield tmp_path
    templating._bytecode_cache.cache_clear()


def compile_counter(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from now on, as it compiles them."""
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str, *rest: Any) -> Any:
        compiled.append(name)
        return compile_template(self, source, name, *rest)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def test_a_template_is_compiled_once_then_read_back_by_each_later_build(
    template_cache_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled = compile_counter(monkeypatch)

    for _ in range(2):  # each build makes its own environment
        environment().get_template("comparison.md.j2").render(columns=[], rows=[])

    assert compiled == ["comparison.md.j2"]
    assert [path.name for path in template_cache_in.rglob("__dossier-*.cache")]


def test_an_environment_set_up_otherwise_compiles_the_template_again(
    template_cache_in: Path,
) -> None:
    def loud(value: str) -> str:
        return value.upper()

    @jinja2.pass_context
    def from_context(context: Any, value: str) -> str:
        return f"{value} {context['suffix']}"

    loader = jinja2.DictLoader({"page": "{% if x %}\n{{ x | f }}{% endif %}\n"})
    rendered = []
    for f, trim in ((loud, False), (from_context, True)):
        env = jinja2.Environment(loader=loader, trim_blocks=trim)
        env.filters["f"] = f
        env.bytecode_cache = compiled_templates("test", env)
        rendered.append(env.get_template("page").render(x="a", suffix="!"))

    # Each as its own set-up compiles it: the second neither fails nor keeps the line break.
    assert rendered == ["\nA", "a !"]


def test_without_a_folder_for_compiled_templates_they_are_compiled_each_time(
    template_cache_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_safe_folder(*_: object, **__: object) -> None:
        raise RuntimeError("Cannot determine safe temp directory.")

    monkeypatch.setattr(jinja2, "FileSystemBytecodeCache", no_safe_folder)
    compiled = compile_counter(monkeypatch)

    for _ in range(2):
        environment().get_template("comparison.md.j2").render(columns=[], rows=[])

    assert compiled == ["comparison.md.j2", "comparison.md.j2"]
