"""The fast schema check accepts only what jsonschema accepts, so it never hides a finding."""

from __future__ import annotations

import copy
import datetime
import functools
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.load.validation import schema_findings, surely_valid
from dossier.model.schemas import QUESTION_SCHEMA, SOURCE_SCHEMA, load_schema
from dossier.text.front_matter import split_front_matter
from dossier.text.yamldoc import YamlDocument, iso_dates, parse_yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def jsonschema_accepts(data: Any, name: str) -> bool:
    validator = jsonschema.Draft202012Validator(
        load_schema(name), format_checker=jsonschema.FormatChecker()
    )
    return not list(validator.iter_errors(data))


@functools.cache
def project_files() -> list[tuple[str, Any, str]]:
    files = [
        (path.name, parse_yaml(path.read_text(encoding="utf-8")).data, SOURCE_SCHEMA)
        for path in sorted((PROJECT_ROOT / "seeds").glob("0*.yml"))
    ]
    for path in sorted((PROJECT_ROOT / "docs" / "register").glob("*/*.md")):
        if path.name != "index.md":
            parts = split_front_matter(path.read_text(encoding="utf-8"))
            assert parts is not None, path
            header = parts[0]
            files.append((path.name, iso_dates(parse_yaml(header).data), QUESTION_SCHEMA))
    return files


@pytest.mark.parametrize(("name", "data", "schema"), project_files())
def test_the_project_files_are_judged_alike(name: str, data: Any, schema: str) -> None:
    assert surely_valid(data, schema) == jsonschema_accepts(data, schema)


@pytest.mark.parametrize(
    "change",
    [
        {"language": "fr"},
        {"published": datetime.date(2025, 1, 8)},  # a YAML date, which JSON has no type for
        {"sha256": "ABC"},
        {"url": "ftp://example.org/"},
        {"unknown": 1},
    ],
)
def test_both_checks_reject_a_broken_sidecar(change: dict[str, Any]) -> None:
    (seed,) = sorted((PROJECT_ROOT / "seeds").glob("000_*.yml"))
    data = {**parse_yaml(seed.read_text(encoding="utf-8")).data, **change}

    assert not surely_valid(data, SOURCE_SCHEMA)
    assert not jsonschema_accepts(data, SOURCE_SCHEMA)


def test_a_title_ending_in_a_line_break_has_no_finding_though_the_fast_check_rejects_it() -> None:
    # Python's `$` matches before a final line break, jsonschema-rs's does not: the stricter
    # check sends the question to jsonschema, whose verdict stands.
    (name, data, schema) = next(f for f in project_files() if f[2] == QUESTION_SCHEMA)
    data = {**data, "title": data["title"] + "\n"}
    document = YamlDocument(data)

    assert not surely_valid(data, schema)
    assert schema_findings(data, document, name, schema) == []


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_fast_check_accepts_nothing_jsonschema_rejects(data: st.DataObject) -> None:
    name, original, schema = data.draw(st.sampled_from(project_files()))
    edited = copy.deepcopy(original)
    # An edit to a field of the file, or to a field of one entry of one of its lists.
    target = edited
    lists = [key for key, value in edited.items() if isinstance(value, list) and value]
    in_entry: bool = bool(lists) and data.draw(st.booleans(), label="in an entry")
    if in_entry:
        entries = edited[data.draw(st.sampled_from(sorted(lists)))]
        entry = entries[data.draw(st.integers(0, len(entries) - 1))]
        target = entry if isinstance(entry, dict) else edited
    known = sorted(target) + sorted(load_schema(schema).get("properties", {}))
    key = data.draw(st.sampled_from(known) | st.text(max_size=8))
    target[key] = data.draw(JSON_VALUES | st.text(max_size=20).map(lambda text: text + "\n"))

    assert not surely_valid(edited, schema) or jsonschema_accepts(edited, schema), name
