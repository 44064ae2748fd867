"""Each vocabulary has one owner, the JSON Schemas; everything else that lists it must agree."""

from __future__ import annotations

import pytest

from conftest import ExampleProject
from dossier.checks.facts import PERIOD_WORDS, RELATIVE_PHRASES, SCALE_WORDS
from dossier.load.register import load_categories
from dossier.load.segmentation import NON_TERMINAL_ABBREVIATIONS
from dossier.model.vocabulary import (
    ALIAS_LANGUAGES,
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
    assert RESOLVE_BEFORE == ("contract", "deployment", "operation", "reliance")
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


def test_the_gazetteer_takes_aliases_in_exactly_the_sources_languages() -> None:
    assert ALIAS_LANGUAGES == LANGUAGES


def test_a_malformed_category_is_reported_at_its_line_and_the_others_still_load(
    example_project: ExampleProject,
) -> None:
    register = example_project.root / "docs" / "register"
    register.mkdir(parents=True, exist_ok=True)
    (register / "categories.yml").write_text(
        "- slug: Crypto Scheme\n  title: Crypto\n  description: Keys.\n"
        "- slug: architecture\n  title: Architecture\n  description: How it is built.\n",
        encoding="utf-8",
    )

    categories, problems = load_categories(register, example_project.root)

    assert [category.slug for category in categories] == ["architecture"]
    assert [str(problem) for problem in problems] == [
        "docs/register/categories.yml:1: error: 0.slug: 'Crypto Scheme' does not match "
        "'^[a-z0-9]+(?:-[a-z0-9]+)*$'. Expected: lower-case words joined by '-', the name of "
        "the category's folder"
    ]
