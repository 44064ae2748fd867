"""Universal statements about the sources ("only", "never", "names no") must carry their proof.

A sentence that says something holds everywhere in the sources is a claim of absence: it is
flagged unless it carries one, `[@SOURCE !"term"]`, that `check` verifies. Statements in data
files (claims, evidence notes, answers, abstracts, topics) are all about the sources; in prose
(question bodies and hand-written pages) a sentence is about them when it cites one or names
the articles. Quoted words, the sources' own, and code are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.project import LoadedProject
from dossier.site import DOCS_DIRECTORY, SEEDS_DIRECTORY, TOPICS_FILE
from dossier.text.inline_citations import inline_items

RE_FENCE = re.compile(r"(?ms)^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$")
RE_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»|`[^`\n]*`')
RE_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#)\s)")
RE_UNIVERSAL = re.compile(
    r"""(?xi)
    \b(?<!not[ ])only\b                                                     # not "not only"
    | \b(?:never|names[ ]no|does[ ]not[ ]mention|do[ ]not[ ]mention)\b      # English
    | \bno\b[^.;]*\bat[ ]all\b
    | \bneither\b[^.;]*\bnor\b
    | \b(?<!non[ ])(?:s[oó]lo)\b                                             # not "non solo"
    | \b(?:solamente|[uú]nicamente|nunca|no[ ]menciona)\b                  # Spanish
    | \bni\b[^.;]*\bni\b
    | \b(?:soltanto|unicamente|mai|non[ ]menziona)\b                       # Italian
    | \bn[ée]\b[^.;]*\bn[ée]\b
    """
)
# Prose is about the sources when it names the articles, not when it explains the site's rules.
ABOUT_THE_SOURCES = ("article", "articles", "the sources", "both sources", "either source")
PLAIN_TEXT_HINT = (
    "Reword it to say no more than its quote: this field is plain text, so put a claim of "
    'absence, [@SOURCE !"term"], in the question\'s text instead.'
)
HINT = (
    'Add a claim of absence that proves it, [@SOURCE !"term"] (or [@all !"term"]), '
    "or reword it to say no more than the sources."
)


@dataclass(frozen=True)
class Statement:
    """Text someone wrote about the sources, where it was written, and whether all of it is."""

    text: str
    path: str
    line: int
    always_about_sources: bool
    """True for data fields about the sources; False for prose, judged sentence by sentence."""
    can_prove: bool = True
    """Whether `check` reads claims of absence written here; a plain-text field cannot hold one."""


@dataclass(frozen=True)
class Sentence:
    """A sentence of a statement, with its citations set apart from the words around them."""

    offset: int
    """Where it starts in the statement's text."""
    words: str
    """The sentence with each citation, and any code, blanked out."""
    shown: str
    """The sentence as a finding quotes it, each citation shortened to `[…]`."""
    cites: bool
    proves_absence: bool


def _sentences(text: str) -> Iterator[Sentence]:
    """The sentences of `text`, citations kept whole (a quote inside one ends no sentence)."""
    # Every citation opens with `[@`: most statements have none, and need no reading for them.
    items = inline_items(text, "", "")[0] if "[@" in text else []
    fences = list(RE_FENCE.finditer(text)) if "```" in text or "~~~" in text else []
    words = text
    if items or fences:
        blank = list(text)
        for item in items:
            blank[item.start : item.end] = " " * (item.end - item.start)
        # Code shows syntax, not statements.
        for fence in fences:
            blank[fence.start() : fence.end()] = re.sub(r"[^\n]", " ", fence.group())
        words = "".join(blank)
    position = 0
    ends = [(boundary.start(), boundary.end()) for boundary in RE_SENTENCE_END.finditer(words)]
    for end, after in [*ends, (len(text), len(text))]:
        inside = [item for item in items if position <= item.start < end]
        shown = text[position:end]
        for item in reversed(inside):
            shown = shown[: item.start - position] + "[…]" + shown[item.end - position :]
        yield Sentence(
            offset=position,
            words=words[position:end],
            shown=" ".join(shown.split()),
            cites=any(item.citation for item in inside),
            proves_absence=any(item.absence for item in inside),
        )
        position = after


def _universal_phrase(words: str) -> str | None:
    """The universal wording of a sentence's own words, outside quotation marks, if any."""
    match = RE_UNIVERSAL.search(RE_QUOTED.sub(" ", words))
    return match.group() if match else None


def _naming_the_sources(names: Iterable[str]) -> re.Pattern[str]:
    words = sorted({*ABOUT_THE_SOURCES, *(name for name in names if name.strip())}, key=len)
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in reversed(words)) + r")\b")


def universal_findings(
    statements: Iterable[Statement], source_names: Iterable[str] = ()
) -> list[Finding]:
    """A warning for each universal statement about the sources without a claim of absence.

    `source_names` are the outlets and agencies the sources name as theirs: prose that names
    one speaks of the sources too.
    """
    about = _naming_the_sources(source_names)
    problems = []
    for statement in statements:
        for sentence in _sentences(statement.text):
            phrase = _universal_phrase(sentence.words)
            if phrase is None or (statement.can_prove and sentence.proves_absence):
                continue
            about_the_sources = (
                statement.always_about_sources
                or sentence.cites
                or sentence.proves_absence
                or about.search(RE_QUOTED.sub(" ", sentence.words)) is not None
            )
            if not about_the_sources:
                continue
            problems.append(
                findings.warning(
                    statement.path,
                    statement.line + statement.text.count("\n", 0, sentence.offset),
                    f"universal statement without proof ({phrase!r}): {sentence.shown!r}",
                    HINT if statement.can_prove else PLAIN_TEXT_HINT,
                )
            )
    return problems


def source_names(loaded: LoadedProject) -> set[str]:
    """The outlets and agencies the sources name as theirs (Reuters, Bloomberg...)."""
    names = {name for source in loaded.sources for name in source.metadata.reports_cited}
    return names | {source.metadata.outlet for source in loaded.sources if source.metadata.outlet}


def project_statements(loaded: LoadedProject) -> Iterator[Statement]:
    """Every statement people wrote about the sources, in the files where they wrote it."""
    for source in loaded.sources:
        metadata = source.metadata
        for claim in metadata.claims:
            yield Statement(claim.text, source.sidecar_path, claim.line, True, can_prove=False)
        if metadata.abstract:
            yield Statement(metadata.abstract, source.sidecar_path, metadata.abstract_line, True)
    topics_file = f"{SEEDS_DIRECTORY}/{TOPICS_FILE}"
    for topic in loaded.topics:
        if topic.difference:
            yield Statement(topic.difference, topics_file, topic.difference_line, True)
    for question in loaded.questions:
        for evidence, note in zip(question.evidence, question.evidence_notes, strict=True):
            yield Statement(note, question.path, evidence.place.line, True, can_prove=False)
        if question.answer is not None:
            answer = question.answer.text
            yield Statement(
                answer, question.path, question.line_of("answer"), True, can_prove=False
            )
        yield Statement(question.body, question.path, question.body_line, False)
    for page, markdown in loaded.pages.items():
        yield Statement(markdown, f"{DOCS_DIRECTORY}/{page}", 1, False)
