"""The comparison's verdict on each topic, decided in code, not in its template."""

from __future__ import annotations

import pytest

from conftest import PROJECT_ROOT
from dossier.load.sources import load_sources
from dossier.model.topics import Topic
from dossier.render.comparison import CONSISTENT, DIFFERS, NO_SOURCE, ONE_SOURCE, verdict

SOURCES = load_sources(PROJECT_ROOT).sources


def topic(difference: str | None = None) -> Topic:
    return Topic("deal.value", "Value", "The amount.", difference, 1, 1)


@pytest.mark.parametrize(
    ("difference", "reporting", "expected"),
    [
        ('They disagree [@000 "x"].', 2, DIFFERS),
        ("Only one says so.", 1, DIFFERS),
        (None, 2, CONSISTENT),
        (None, 1, ONE_SOURCE),
        (None, 0, NO_SOURCE),
    ],
)
def test_a_recorded_difference_wins_then_the_number_of_sources_reporting_decides(
    difference: str | None, reporting: int, expected: str
) -> None:
    assert verdict(topic(difference), SOURCES[:reporting]) == expected
