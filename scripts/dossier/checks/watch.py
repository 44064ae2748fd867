"""Watch terms: the sentences of any source that may answer a question of the register.

Also which commits of the history made a source text match a question's watch terms, for its
timeline.
"""

from __future__ import annotations

import functools
import re

from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.history import HistoryEntry
from dossier.model.register import Question
from dossier.model.sources import Source
from dossier.model.text import RE_PARAGRAPH_BREAK
from dossier.model.watch import WatchHit, WatchMatch
from dossier.site import question_id_of_file
from dossier.text.folding import fold_for_watch

RE_WATCH_WORD = re.compile(r"\w+")


# Kept: `check` and the timelines match the same terms, and `serve` matches them at every build.
@functools.lru_cache(maxsize=4096)
def watch_pattern(term: str) -> re.Pattern[str]:
    words = fold_for_watch(term).split()
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")


def find_watch_hits(
    questions: tuple[Question, ...], sources: tuple[Source, ...]
) -> tuple[WatchHit, ...]:
    """Every sentence of every source matching a question's watch terms, in a stable order.

    An index from each word to the sentences holding it narrows every term to the few sentences
    that can match, so the work grows with the text and the hits, not with questions x sentences.
    """
    sentences = [
        (source_number, source, sentence, fold_for_watch(sentence.text))
        for source_number, source in enumerate(sources)
        for sentence in source.sentences
    ]
    first_words = {
        term: RE_WATCH_WORD.search(fold_for_watch(term))
        for question in questions
        for term in question.watch
    }
    # Only the words that start a term are ever looked up: the index holds those alone.
    wanted = {first_word.group() for first_word in first_words.values() if first_word}
    index: dict[str, list[int]] = {}
    for position, (_, _, _, text) in enumerate(sentences):
        for word in wanted.intersection(RE_WATCH_WORD.findall(text)):
            index.setdefault(word, []).append(position)
    everything = list(range(len(sentences)))
    hits = []
    for question in questions:
        known = {citation.source_id for citation in question.citations} | set(
            question.reviewed_sources
        )
        found = []
        for term_number, term in enumerate(question.watch):
            first_word = first_words[term]
            candidates = index.get(first_word.group(), []) if first_word else everything
            if not candidates:  # as for most terms: no sentence has the word it starts with
                continue
            pattern = watch_pattern(term)
            found += [
                (position, term_number, term)
                for position in candidates
                if pattern.search(sentences[position][3])
            ]
        for position, _, term in sorted(found):
            _, source, sentence, _ = sentences[position]
            hits.append(
                WatchHit(
                    question.id,
                    source.id,
                    sentence.anchor,
                    term,
                    sentence.text,
                    source.id not in known,
                )
            )
    return tuple(hits)


def watch_findings(hits: tuple[WatchHit, ...], questions: tuple[Question, ...]) -> list[Finding]:
    """A warning per watch hit in a source the question neither cites nor lists as reviewed."""
    by_id = {question.id: question for question in questions}
    return [
        findings.warning(
            by_id[hit.question_id].path,
            by_id[hit.question_id].line_of("watch"),
            f"{hit.question_id}: {hit.source_id} #{hit.anchor} contains watch term {hit.term!r}",
            "Read the sentence: cite it if it answers the question, "
            "or add the source to `reviewed:`.",
        )
        for hit in hits
        if hit.is_news
    ]


def _in_a_paragraph(pattern: re.Pattern[str], paragraphs: list[str]) -> bool:
    return any(pattern.search(paragraph) for paragraph in paragraphs)


def _added_at(history: tuple[HistoryEntry, ...]) -> dict[str, int]:
    """By question id, the position in `history` of the newest commit that added its file."""
    added: dict[str, int] = {}
    for position, entry in enumerate(history):
        for git_status, path in entry.changed:
            question_id = question_id_of_file(path)
            if git_status == "A" and question_id is not None:
                added.setdefault(question_id, position)
    return added


def history_watch_matches(
    history: tuple[HistoryEntry, ...], questions: tuple[Question, ...]
) -> dict[str, tuple[WatchMatch, ...]]:
    """By commit (its full hash, or the abbreviated one), the watch terms its source texts match
    that the same texts did not match before it: a source added, or changed to name a term.

    Terms are the questions' as loaded now, folded and matched as `find_watch_hits` matches them,
    within a paragraph, as that matches within a sentence: a term never runs from a heading into
    the next paragraph. A commit older than the one that added a question's file matches nothing
    of that question.
    """
    terms = [
        (question.id, term, RE_WATCH_WORD.search(fold_for_watch(term)))
        for question in questions
        for term in question.watch
    ]
    added_at = _added_at(history)
    # By sha256 of a text: the (question id, term) pairs it matches.
    matched: dict[str, set[tuple[str, str]]] = {}

    def matches(sha256: str | None, text: str | None) -> set[tuple[str, str]]:
        if sha256 is None or text is None:
            return set()
        if sha256 not in matched:
            folded = fold_for_watch(text)
            words = set(RE_WATCH_WORD.findall(folded))
            paragraphs = RE_PARAGRAPH_BREAK.split(folded)
            # A term is compiled only for a text that holds its first word: most never are.
            matched[sha256] = {
                (question_id, term)
                for question_id, term, first_word in terms
                if (first_word is None or first_word.group() in words)
                and _in_a_paragraph(watch_pattern(term), paragraphs)
            }
        return matched[sha256]

    order = {(question_id, term): number for number, (question_id, term, _) in enumerate(terms)}
    found: dict[str, tuple[WatchMatch, ...]] = {}
    for position, entry in enumerate(history):
        new = sorted(
            (order[pair], text.source_id, pair)
            for text in entry.source_texts
            for pair in matches(text.after, text.text_after)
            - matches(text.before, text.text_before)
            if position <= added_at.get(pair[0], position)
        )
        if new:
            found[entry.commit_id or entry.commit] = tuple(
                WatchMatch(question_id, source_id, term)
                for _, source_id, (question_id, term) in new
            )
    return found
