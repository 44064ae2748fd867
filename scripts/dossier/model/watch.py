"""Watch hits: sentences of a source that contain one of a question's watch terms."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WatchHit:
    """A sentence of a source that contains one of a question's watch terms."""

    question_id: str
    source_id: str
    anchor: str
    term: str
    sentence: str
    is_news: bool
    """False when the question already cites the source or lists it as reviewed."""


@dataclass(frozen=True)
class WatchMatch:
    """A watch term of a question that a commit's source text matches and did not before."""

    question_id: str
    source_id: str
    term: str
