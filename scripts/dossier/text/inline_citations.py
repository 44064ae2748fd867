"""The inline citation syntax of Markdown pages: find every `[@SOURCE "quote"]` and its options.

The syntax, documented on the method page:

    The office denied it [@000_7edff155f20879db "negó que se hubiera alcanzado un acuerdo"].
    [@000_7edff155f20879db "garantizar la seguridad" prefix="busca"]
    The contract is [@000_7edff155f20879db "aún en fase de discusión" show].

`prefix="..."` and `suffix="..."` give the words right before or after the quote, for a quote that
occurs more than once; `show` prints the quoted words before the link, for a citation that is
part of the sentence. Inside the quotes, write `\\"` for a straight double quote. Citations in
code spans and fenced code blocks are left alone, so the method page can show the syntax.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dossier.model import findings
from dossier.model.citations import Citation, CitingPlace
from dossier.model.findings import Finding
from dossier.site import INLINE_FRAGMENT_PREFIX

RE_CODE_OR_CITATION = re.compile(
    r"""(?xms)
    (?P<fence>^[ \t]*(?P<marker>`{3,}|~{3,}).*?^[ \t]*(?P=marker)[ \t]*$)  # fenced code block
    | (?P<span>(?P<ticks>`+)(?:(?!\n[ \t]*\n).)+?(?P=ticks))           # code span, in a paragraph
    | (?P<citation>
        \[@(?P<source>[^\s\]"]*)                                       # [@source
        [ \t]+"(?P<quote>(?:[^"\\\n]|\\.)*)"                           # "quote"
        (?P<context>(?:[ \t]+(?:(?:prefix|suffix)="(?:[^"\\\n]|\\.)*"|show))*)  # and options
        [ \t]*\]
      )
    | (?P<malformed>\[@)
    """
)
RE_CONTEXT = re.compile(r'(?P<key>prefix|suffix)="(?P<value>(?:[^"\\]|\\.)*)"')
RE_ESCAPE = re.compile(r"\\(.)")
RE_TITLE_HEADING = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t#]*$", re.MULTILINE)
SYNTAX = '[@SOURCE "quote"], optionally with prefix="...", suffix="..." or show before the ]'


@dataclass(frozen=True)
class InlineCitation:
    """One citation as it stands in a page: its span in the Markdown and what it says."""

    start: int
    end: int
    citation: Citation
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


def find_inline_citations(
    markdown: str,
    path: str,
    page: str,
    label: str | None = None,
    fragment_prefix: str = INLINE_FRAGMENT_PREFIX,
) -> tuple[list[InlineCitation], list[Finding]]:
    """Every inline citation of a page, numbered `cite-1`, `cite-2`... in reading order.

    `label` names the page in back-links; by default, its first heading. Text that shares a page
    with other cited text numbers its citations under its own `fragment_prefix`.
    """
    label = label or page_title(markdown, page)
    found: list[InlineCitation] = []
    problems: list[Finding] = []
    for match in _scan(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        if match.group("malformed"):
            problems.append(
                findings.error(
                    path,
                    line,
                    f"malformed citation starting {markdown[match.start() : match.start() + 40]!r}",
                    f"Write {SYNTAX}.",
                )
            )
            continue
        context = {
            m.group("key"): _unescape(m.group("value"))
            for m in RE_CONTEXT.finditer(match.group("context"))
        }
        place = CitingPlace(path, line, page, f"{fragment_prefix}-{len(found) + 1}", label)
        citation = Citation(
            source_id=match.group("source"),
            quote=_unescape(match.group("quote")),
            place=place,
            prefix=context.get("prefix", ""),
            suffix=context.get("suffix", ""),
        )
        show = "show" in RE_CONTEXT.sub("", match.group("context")).split()
        found.append(InlineCitation(match.start(), match.end(), citation, show))
    return found, problems
