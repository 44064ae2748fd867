"""The words the project's files may use, each defined once: read from the JSON Schemas.

The schemas validate what people write; these tuples, in the schemas' order, are what the code
compares with and lists in messages, so the two can never disagree.
"""

from __future__ import annotations

from dossier.model.schemas import GAZETTEER_SCHEMA, QUESTION_SCHEMA, SOURCE_SCHEMA, load_schema


def _enum(schema: str, field: str) -> tuple[str, ...]:
    """The values the schema allows for a top-level `field`."""
    return tuple(load_schema(schema)["properties"][field]["enum"])


STATUSES = _enum(QUESTION_SCHEMA, "status")
PRIORITIES = _enum(QUESTION_SCHEMA, "priority")
BASES = _enum(QUESTION_SCHEMA, "basis")
"""Why a question is open: the sources are silent, vague, in conflict, or it is our inference."""
RESOLVE_BEFORE = _enum(QUESTION_SCHEMA, "resolve_before")
LANGUAGES = _enum(SOURCE_SCHEMA, "language")
"""The languages a source may be in: those the segmenter and the fact reader know."""
SOURCE_KINDS = _enum(SOURCE_SCHEMA, "kind")
_GAZETTEER_ENTRY = load_schema(GAZETTEER_SCHEMA)["properties"]["entries"]["items"]["properties"]
NAME_KINDS = tuple(_GAZETTEER_ENTRY["kind"]["enum"])
"""What a name of the gazetteer may be: organisation, person or place."""
ALIAS_LANGUAGES = tuple(_GAZETTEER_ENTRY["aliases"]["propertyNames"]["enum"])
"""The languages the gazetteer's aliases may be given in; the same as LANGUAGES (a test says so)."""

# Statuses of a question that need an answer with citations.
ANSWERED_STATUSES = ("answered", "partially-answered")
# Statuses of a question that is still waiting for something: the dashboard's "oldest open".
UNRESOLVED_STATUSES = ("open", "partially-answered")
