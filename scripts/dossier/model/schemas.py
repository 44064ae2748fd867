"""The JSON Schemas kept in the package: the vocabulary of the files people write."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SOURCE_SCHEMA = "source.schema.json"


QUESTION_SCHEMA = "question.schema.json"
CATEGORIES_SCHEMA = "categories.schema.json"
TOPICS_SCHEMA = "topics.schema.json"
GAZETTEER_SCHEMA = "gazetteer.schema.json"


@cache
def schema_text(name: str) -> str:
    """A schema file as shipped, for the site to publish."""
    return resources.files("dossier").joinpath(f"schemas/{name}").read_text(encoding="utf-8")


@cache
def load_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_text(name))
    return schema
