"""Validate what was read against the JSON Schemas, and turn their verdicts into findings."""

from __future__ import annotations

import functools
from typing import Any

import jsonschema_rs

from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.schemas import load_schema
from dossier.text.yamldoc import YamlDocument


def _described(schema: dict[str, Any], name: str) -> str:
    return str(schema.get("properties", {}).get(name, {}).get("description", ""))


def invalid_entries(data: Any, name: str, where: tuple[str, ...] = ()) -> set[int]:
    """Indices of the entries of the list at `where` in `data` that break schema `name`.

    Loaders keep the valid entries of a list and report the rest, so one bad entry costs only
    itself; when the list itself is wrong, every entry counts as invalid.
    """
    if surely_valid(data, name):
        return set()
    import jsonschema  # only for files jsonschema-rs rejects: importing it costs a build 40 ms

    validator = jsonschema.Draft202012Validator(load_schema(name))
    invalid: set[int] = set()
    entries = data
    for key in where:
        entries = entries.get(key) if isinstance(entries, dict) else None
    length = len(entries) if isinstance(entries, list) else 0
    for error in validator.iter_errors(data):
        key_path = tuple(error.absolute_path)
        if key_path[: len(where)] != where:
            continue
        rest = key_path[len(where) :]
        if rest and isinstance(rest[0], int):
            invalid.add(rest[0])
        else:
            invalid.update(range(length))
    return invalid


@functools.cache
def _compiled(name: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(load_schema(name), validate_formats=True)


def surely_valid(data: Any, name: str) -> bool:
    """Whether jsonschema-rs finds `data` valid against schema `name`, with the formats checked.

    It is many times faster than jsonschema, and almost every file is valid; jsonschema, whose
    errors the findings are worded from, then reads only the files it rejects. On what YAML's
    safe loader gives, where the two differ (a `$` before a final line break, say) jsonschema-rs
    is the stricter, so a file it accepts has no finding; tests hold that on random edits of the
    project's files. (It takes a Python tuple for an array, which jsonschema does not; YAML makes
    none.) A value JSON has no type for, such as a YAML date, goes to jsonschema.
    """
    try:
        return bool(_compiled(name).is_valid(data))
    except ValueError:
        return False


def schema_findings(data: Any, document: YamlDocument, path: str, name: str) -> list[Finding]:
    """Every way `data` (parsed from `document`) breaks schema `name`, at the line it is on."""
    if surely_valid(data, name):
        return []
    import jsonschema  # as in invalid_entries

    schema = load_schema(name)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = []
    for error in sorted(
        validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]
    ):
        key_path = tuple(error.absolute_path)
        field = ".".join(str(part) for part in key_path)
        where = f"{field}: " if field else ""
        if error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            for extra in sorted(set(error.instance) - set(allowed)):
                problems.append(
                    findings.error(
                        path,
                        document.line_of((*key_path, extra)),
                        f"{where}unknown field {extra!r}",
                        f"Remove it or correct its spelling; fields: {', '.join(allowed)}.",
                    )
                )
        elif error.validator == "required":
            missing = error.message.split("'")[1]
            described = _described(error.schema, missing)
            problems.append(
                findings.error(
                    path,
                    document.line_of(key_path),
                    f"{where}missing field {missing!r}",
                    f"Add `{missing}:` ({described})." if described else f"Add `{missing}:`.",
                )
            )
        else:
            # The field's own description says what it expects; inside a list, an entry's field.
            described = str(error.schema.get("description", "")) or (
                _described(schema, str(key_path[0])) if key_path else ""
            )
            problems.append(
                findings.error(
                    path,
                    document.line_of(key_path),
                    f"{field or 'the file'}: {error.message}",
                    f"Expected: {described}" if described else "Correct the value.",
                )
            )
    return problems
