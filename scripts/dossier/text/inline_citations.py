"""The inline citation syntax of Markdown pages: find every `[@SOURCE "quote"]` and its options.

The syntax, documented on the method page:

    The office denied it [@000_7edff155f20879db "negó que se hubiera alcanzado un acuerdo"].
    [@000_7edff155f20879db "garantizar la seguridad" prefix="busca"]
    The contract is [@000_7edff155f20879db "aún en fase de discusión" show].

`prefix="..."` and `suffix="..."` give the words right before or after the quote, for a quote that
occurs more than once; `show` prints the quoted words before the link, for a citation that is
part of the sentence. Inside the quotes, write `\\"` for a straight double quote. Citations in
code spans and fenced code blocks are left alone, so the method page can show the syntax.

A claim of absence names the words a source lacks after `!`, with or without a quote:

    The article names no scheme [@000_7edff155f20879db !"cifrado AES" "RSA"].
    Neither article gives a figure in Mbit/s [@all !"Mbit" "Gbit"].
    Its only word for encryption [@000_7edff155f20879db "encriptadas" !"encript" "cifr"].

`all` stands for every source, including those added later; with a quote, the terms may occur
in the quoted passage and nowhere else.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dossier.model import findings
from dossier.model.citations import ALL_SOURCES, AbsenceClaim, Citation, CitingPlace
from dossier.model.findings import Finding
from dossier.site import INLINE_FRAGMENT_PREFIX

RE_CODE_OR_CITATION = re.compile(
    r"""(?xms)
    (?P<fence>^[ \t]*(?P<marker>`{3,}|~{3,}).*?^[ \t]*(?P=marker)[ \t]*$)  # fenced code block
    | (?P<span>(?P<ticks>`+)(?:(?!\n[ \t]*\n).)+?(?P=ticks))           # code span, in a paragraph
    | (?P<citation>
        \[@(?P<source>[^\s\]"]*)                                       # [@source
        (?:[ \t]+"(?P<quote>(?:[^"\\\n]|\\.)*)")?                        # "quote"
        (?P<context>(?:[ \t]+(?:(?:prefix|suffix)="(?:[^"\\\n]|\\.)*"|show))*)  # and options
        (?:[ \t]+!(?P<absent>"(?:[^"\\\n]|\\.)*"(?:[ \t]+"(?:[^"\\\n]|\\.)*")*))?  # !"absent"
        [ \t]*\]
      )
    | (?P<malformed>\[@)
    """
)
RE_TERM = re.compile(r'"(?P<term>(?:[^"\\]|\\.)*)"')
RE_CONTEXT = re.compile(r'(?P<key>prefix|suffix)="(?P<value>(?:[^"\\]|\\.)*)"')
RE_ESCAPE = re.compile(r"\\(.)")
RE_BLANK_LINE = re.compile(r"\n[ \t]*\n")
RE_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[.,;:!?)])")
RE_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
RE_LIST_MARKER = re.compile(r"\A\s*(?:[-*+]|\d+[.)])[ \t]+")
# Lines that are blocks of their own: a heading, an admonition's or a details block's opening
# line (its title), and a table row, each of whose cells is a statement apart.
RE_HEADING_OR_OPENER = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|(?:!!!|\?\?\?\+?)[^\n]*)", re.MULTILINE)
RE_TABLE_ROW = re.compile(r"^[ \t]*\|[^\n]*", re.MULTILINE)
RE_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z\"“(])")
RE_TITLE_HEADING = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t#]*$", re.MULTILINE)
SYNTAX = (
    '[@SOURCE "quote"], optionally with prefix="...", suffix="..." or show before the ], '
    'or a claim of absence, [@SOURCE !"term" "term"]'
)


@dataclass(frozen=True)
class InlineCitation:
    """One citation as it stands in a page: its span in the Markdown and what it says."""

    start: int
    end: int
    citation: Citation | None
    """The quote, or None for a claim of absence alone."""
    absence: AbsenceClaim | None
    """The words it says the source lacks, if any."""
    show: bool
    """Whether the page prints the quoted words, not only the link."""


def _unescape(value: str) -> str:
    return RE_ESCAPE.sub(r"\1", value)


def page_title(markdown: str, page: str) -> str:
    """The page's first `# ` heading, or its file name when it has none."""
    match = RE_TITLE_HEADING.search(markdown)
    return match.group("title") if match else posixpath.basename(page)


def _scan(markdown: str) -> Iterator[re.Match[str]]:
    """Citations and malformed citation openers, outside code."""
    for match in RE_CODE_OR_CITATION.finditer(markdown):
        if match.group("citation") or match.group("malformed"):
            yield match


def _shows_quote(citation: re.Match[str]) -> bool:
    """Whether the citation asks for its quoted words on the page (`show`), not a link alone."""
    return "show" in RE_CONTEXT.sub("", citation.group("context") or "").split()


def _plain(markdown: str, start: int, end: int, matches: list[re.Match[str]]) -> str:
    """`markdown[start:end]` as a reader reads it: each citation of `matches` in it reduced to its
    quoted words where the page shows them, and gone where the page shows only a link."""
    parts, position = [], start
    for match in matches:
        if match.group("malformed") or match.start() < start or match.end() > end:
            continue
        parts.append(markdown[position : match.start()])
        if _shows_quote(match) and match.group("quote") is not None:
            parts.append(f'"{_unescape(match.group("quote"))}"')
        position = match.end()
    parts.append(markdown[position:end])
    text = RE_LIST_MARKER.sub("", "".join(parts), count=1)
    return RE_SPACE_BEFORE_PUNCTUATION.sub("", " ".join(text.split()))


def _enclosing(spans: list[tuple[int, int]], start: int, end: int, limit: int) -> tuple[int, int]:
    """The stretch between the last boundary of `spans` before `start` and the first after `end`."""
    first = max((after for before, after in spans if after <= start), default=0)
    last = min((before for before, _ in spans if before >= end), default=limit)
    return first, last


def _blocks(markdown: str) -> list[tuple[int, int]]:
    """Where the statements of `markdown` are parted: its blank lines, list markers, the start
    and end of a heading or of an admonition's opening line, and the cells of a table."""
    blocks = [(m.start(), m.end()) for m in RE_BLANK_LINE.finditer(markdown)]
    blocks += [(m.start(), m.start()) for m in RE_LIST_ITEM.finditer(markdown)]
    for opener in RE_HEADING_OR_OPENER.finditer(markdown):
        blocks.append((opener.start(), opener.end()))
        line_end = markdown.find("\n", opener.end())
        if line_end != -1:
            blocks.append((line_end, line_end + 1))
    for row in RE_TABLE_ROW.finditer(markdown):
        cells = [row.start() + offset for offset, char in enumerate(row.group()) if char == "|"]
        blocks += [(bar, bar + 1) for bar in cells] + [(row.end(), row.end())]
    return blocks


def statement_around(
    markdown: str,
    start: int,
    end: int,
    blocks: list[tuple[int, int]] | None = None,
    matches: list[re.Match[str]] | None = None,
) -> str:
    """The sentence holding the citation `markdown[start:end]`, as a reader reads it (`_plain`).

    Read within its paragraph, or its list item; a sentence ends at `.`, `!` or `?` followed by
    a capital, outside citations. `blocks` (`_blocks`) and `matches` (`_scan`) save reading the
    whole text again for each of its citations.
    """
    blocks = _blocks(markdown) if blocks is None else blocks
    matches = list(_scan(markdown)) if matches is None else matches
    first, last = _enclosing(blocks, start, end, len(markdown))
    inside = [m for m in matches if first <= m.start() and m.end() <= last]
    sentences = [
        (m.start(), m.end())
        for m in RE_SENTENCE_END.finditer(markdown, first, last)
        if not any(c.start() <= m.start() < c.end() for c in inside)
    ]
    sentence_start, sentence_end = _enclosing(sentences, start, end, last)
    return _plain(markdown, max(first, sentence_start), sentence_end, inside)


def _malformed(markdown: str, match: re.Match[str], path: str, line: int) -> Finding:
    return findings.error(
        path,
        line,
        f"malformed citation starting {markdown[match.start() : match.start() + 40]!r}",
        f"Write {SYNTAX}.",
    )


def inline_items(
    markdown: str,
    path: str,
    page: str,
    label: str | None = None,
    fragment_prefix: str = INLINE_FRAGMENT_PREFIX,
) -> tuple[list[InlineCitation], list[Finding]]:
    """Every citation and claim of absence of a page, in reading order.

    Quotes are numbered `cite-1`, `cite-2`... and claims of absence alone `cite-absent-1`...
    `label` names the page in back-links; by default, its first heading. Text that shares a page
    with other cited text numbers its citations under its own `fragment_prefix`.
    """
    label = label or page_title(markdown, page)
    found: list[InlineCitation] = []
    problems: list[Finding] = []
    quotes = absences = 0
    blocks = _blocks(markdown)
    matches = list(_scan(markdown))
    for match in matches:
        line = markdown.count("\n", 0, match.start()) + 1
        quote, absent = match.group("quote"), match.group("absent")
        if match.group("malformed") or (quote is None and absent is None):
            problems.append(_malformed(markdown, match, path, line))
            continue
        source_id = match.group("source")
        citation = None
        if quote is not None:
            quotes += 1
            context = {
                m.group("key"): _unescape(m.group("value"))
                for m in RE_CONTEXT.finditer(match.group("context"))
            }
            citation = Citation(
                source_id=source_id,
                quote=_unescape(quote),
                place=CitingPlace(
                    path,
                    line,
                    page,
                    f"{fragment_prefix}-{quotes}",
                    label,
                    statement_around(markdown, match.start(), match.end(), blocks, matches),
                ),
                prefix=context.get("prefix", ""),
                suffix=context.get("suffix", ""),
            )
            if source_id == ALL_SOURCES:
                problems.append(
                    findings.error(
                        path,
                        line,
                        f"a quote needs one source, not {ALL_SOURCES!r}: {quote!r}",
                        "Name the source the words are quoted from.",
                    )
                )
                continue
        absence = None
        if absent is not None:
            absences += int(citation is None)
            terms = tuple(_unescape(m.group("term")) for m in RE_TERM.finditer(absent))
            fragment = (
                citation.place.fragment if citation else f"{fragment_prefix}-absent-{absences}"
            )
            place = CitingPlace(path, line, page, fragment, label)
            absence = AbsenceClaim(source_id, terms, place, citation)
            if not all(term.strip() for term in terms):
                problems.append(
                    findings.error(
                        path,
                        line,
                        f"empty term in a claim of absence: {match.group()!r}",
                        "Write each word the source lacks between the quotes after !.",
                    )
                )
                continue
        found.append(
            InlineCitation(match.start(), match.end(), citation, absence, _shows_quote(match))
        )
    return found, problems


def find_inline_citations(
    markdown: str,
    path: str,
    page: str,
    label: str | None = None,
    fragment_prefix: str = INLINE_FRAGMENT_PREFIX,
) -> tuple[list[Citation], list[Finding]]:
    """Every quote a page cites, numbered `cite-1`, `cite-2`... in reading order."""
    citations, _, problems = find_citations_and_absences(
        markdown, path, page, label, fragment_prefix
    )
    return citations, problems


def find_citations_and_absences(
    markdown: str,
    path: str,
    page: str,
    label: str | None = None,
    fragment_prefix: str = INLINE_FRAGMENT_PREFIX,
) -> tuple[list[Citation], list[AbsenceClaim], list[Finding]]:
    """Every quote and every claim of absence of a page, and its syntax errors, in one reading."""
    items, problems = inline_items(markdown, path, page, label, fragment_prefix)
    citations = [item.citation for item in items if item.citation is not None]
    absences = [item.absence for item in items if item.absence is not None]
    return citations, absences, problems
