"""Review pins: which questions need re-review because a source they cite changed, and new pins.

Also which commits of the history set and cleared those marks, for the change feed.
"""

from __future__ import annotations

from collections.abc import Mapping

from dossier.model import findings
from dossier.model.citations import Citation
from dossier.model.findings import Finding
from dossier.model.history import HistoryEntry, ReviewMarks
from dossier.model.register import Question, ReviewPin, StaleReview
from dossier.model.sources import Source
from dossier.site import question_id_of_file

SHORT_HASH = 12


def cited_sources(
    question: Question, citations: tuple[Citation, ...], sources: Mapping[str, Source]
) -> tuple[str, ...]:
    """The loaded sources the question's file cites (evidence, answer, inline in its body), sorted.

    `citations` are citations written in data files; those written in the question's file count.
    """
    cited = {c.source_id for c in question.citations}
    cited |= {c.source_id for c in citations if c.place.path == question.path}
    return tuple(sorted(cited & set(sources)))


def stale_reviews(
    questions: tuple[Question, ...], citations: tuple[Citation, ...], sources: tuple[Source, ...]
) -> dict[str, tuple[StaleReview, ...]]:
    """By question id, each cited source whose text is not the one the review pinned.

    A source the question cites without a pin counts as changed too: nobody has pinned what was
    read. Quotes that still resolve do not clear the mark; only a new pin does.
    """
    by_id = {source.id: source for source in sources}
    # Each question reads the citations of its own file, not all the project's again.
    by_path: dict[str, list[Citation]] = {}
    for citation in citations:
        by_path.setdefault(citation.place.path, []).append(citation)
    stale: dict[str, tuple[StaleReview, ...]] = {}
    for question in questions:
        pins = {pin.source: pin.sha256 for pin in question.reviewed}
        own = tuple(by_path.get(question.path, ()))
        found = tuple(
            StaleReview(
                question.id, source_id, pins.get(source_id), by_id[source_id].metadata.sha256
            )
            for source_id in cited_sources(question, own, by_id)
            if pins.get(source_id) != by_id[source_id].metadata.sha256
        )
        if found:
            stale[question.id] = found
    return stale


def review_findings(
    stale: Mapping[str, tuple[StaleReview, ...]], questions: tuple[Question, ...]
) -> list[Finding]:
    """A warning per cited source that changed since the question was reviewed against it."""
    by_id = {question.id: question for question in questions}
    problems = []
    for question_id, entries in stale.items():
        question = by_id[question_id]
        line = question.line_of("reviewed" if "reviewed" in question.field_lines else "evidence")
        for entry in entries:
            pinned = entry.pinned[:SHORT_HASH] if entry.pinned else "nothing"
            problems.append(
                findings.warning(
                    question.path,
                    line,
                    f"{question_id} needs re-review: {entry.source_id} changed since it was "
                    f"reviewed (pinned {pinned}, now {entry.now[:SHORT_HASH]})",
                    f"Read the question again, then run python -m dossier review {question_id}.",
                )
            )
    return problems


def review_pins(
    question: Question, citations: tuple[Citation, ...], sources: tuple[Source, ...]
) -> tuple[ReviewPin, ...]:
    """The question's pins after a review: every source it cites or lists, at its text now.

    A listed source that no longer loads keeps its pin as written.
    """
    by_id = {source.id: source for source in sources}
    listed = {pin.source: pin.sha256 for pin in question.reviewed}
    ids = sorted(set(listed) | set(cited_sources(question, citations, by_id)))
    return tuple(
        ReviewPin(
            source_id, by_id[source_id].metadata.sha256 if source_id in by_id else listed[source_id]
        )
        for source_id in ids
    )


def _stale_pins(
    pins: Mapping[str, Mapping[str, str] | None], texts: Mapping[str, str | None]
) -> dict[str, set[str]]:
    """By question file, the pinned sources whose text is not the one pinned."""
    stale: dict[str, set[str]] = {}
    for path, pinned in pins.items():
        changed = {
            source_id
            for source_id, sha256 in (pinned or {}).items()
            if texts.get(source_id) is not None and texts[source_id] != sha256
        }
        if changed:
            stale[path] = changed
    return stale


def review_marks(
    history: tuple[HistoryEntry, ...], questions: tuple[Question, ...], sources: tuple[Source, ...]
) -> dict[str, ReviewMarks]:
    """By commit (its full hash, or the abbreviated one), the re-review marks it set and cleared.

    Read from the pins and the texts' sha256 before and after each commit, as `history` holds
    them; a file no commit of `history` changed is as loaded now. A commit marks a question when
    one of its pins stops matching its source's text (the text changed, or a pin was edited),
    and clears a question's mark when every pin matches again (`review` pinned it). A source
    cited without a pin is flagged by `stale_reviews` but marks nothing here: no pin changed.
    """
    pins: dict[str, dict[str, str] | None] = {
        q.path: {pin.source: pin.sha256 for pin in q.reviewed} for q in questions
    }
    texts: dict[str, str | None] = {source.id: source.metadata.sha256 for source in sources}
    # The newest commit's version of each file it changed: the state after the newest commit.
    for entry in reversed(history):
        for edit in entry.question_edits:
            pins[edit.path] = None if edit.pins_after is None else dict(edit.pins_after)
        for text in entry.source_texts:
            texts[text.source_id] = text.after
    marks: dict[str, ReviewMarks] = {}
    for entry in history:
        after = _stale_pins(pins, texts)
        present = {path for path, pinned in pins.items() if pinned is not None}
        for edit in entry.question_edits:
            pins[edit.path] = None if edit.pins_before is None else dict(edit.pins_before)
        for text in entry.source_texts:
            texts[text.source_id] = text.before
        before = _stale_pins(pins, texts)
        marked = tuple(
            (question_id, tuple(sorted(sources_now - before.get(path, set()))))
            for path, sources_now in sorted(after.items())
            if sources_now - before.get(path, set())
            and (question_id := question_id_of_file(path)) is not None
        )
        cleared = tuple(
            question_id
            for path in sorted((set(before) - set(after)) & present)
            if (question_id := question_id_of_file(path)) is not None
        )
        if marked or cleared:
            marks[entry.commit_id or entry.commit] = ReviewMarks(marked, cleared)
    return marks
