"""Watch terms: the sentences of any source that may answer a question of the register."""

from __future__ import annotations

import re

from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.register import Question
from dossier.model.sources import Source
from dossier.model.watch import WatchHit
from dossier.text.folding import fold_for_watch


def watch_pattern(term: str) -> re.Pattern[str]:
    words = fold_for_watch(term).split()
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")


RE_WATCH_WORD = re.compile(r"\w+")


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
    index: dict[str, list[int]] = {}
    for position, (_, _, _, text) in enumerate(sentences):
        for word in set(RE_WATCH_WORD.findall(text)):
            index.setdefault(word, []).append(position)
    everything = list(range(len(sentences)))
    hits = []
    for question in questions:
        known = {citation.source_id for citation in question.citations} | set(
            question.reviewed_sources
        )
        found = []
        for term_number, term in enumerate(question.watch):
            first_word = RE_WATCH_WORD.search(fold_for_watch(term))
            candidates = index.get(first_word.group(), []) if first_word else everything
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
