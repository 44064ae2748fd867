"""Each vocabulary has one owner, the JSON Schemas; everything else that lists it must agree."""

from __future__ import annotations

import pytest

from dossier.checks.facts import PERIOD_WORDS, RELATIVE_PHRASES, SCALE_WORDS
from dossier.load.segmentation import NON_TERMINAL_ABBREVIATIONS
from dossier.model.vocabulary import (
    ANSWERED_STATUSES,
    BASES,
    LANGUAGES,
    PRIORITIES,
    RESOLVE_BEFORE,
    STATUSES,
    UNRESOLVED_STATUSES,
)
from dossier.render.register import BASIS_LABELS
from dossier.render.templating import LANGUAGE_NAMES


def test_the_vocabularies_are_the_schemas_lists_in_their_order() -> None:
    assert STATUSES == ("open", "partially-answered", "answered", "superseded", "withdrawn")
    assert PRIORITIES == ("high", "medium", "low")
    assert BASES == ("not-mentioned", "stated-unspecified", "conflicting", "inference")
    assert RESOLVE_BEFORE == ("contract", "deployment", "operation")
    assert LANGUAGES == ("en", "es", "it")


def test_status_groups_name_only_statuses_the_schema_allows() -> None:
    assert set(ANSWERED_STATUSES) <= set(STATUSES)
    assert set(UNRESOLVED_STATUSES) <= set(STATUSES)


@pytest.mark.parametrize(
    ("table", "keys"),
    [
        ("sentence splitting abbreviations", NON_TERMINAL_ABBREVIATIONS),
        ("money scale words", SCALE_WORDS),
        ("period words", PERIOD_WORDS),
        ("relative date phrases", RELATIVE_PHRASES),
        ("language names", LANGUAGE_NAMES),
    ],
)
def test_every_language_table_covers_exactly_the_schemas_languages(
    table: str, keys: dict[str, object]
) -> None:
    assert sorted(keys) == sorted(LANGUAGES), table


def test_every_basis_has_a_label_for_readers() -> None:
    assert sorted(BASIS_LABELS) == sorted(BASES)
