"""Generated HTML blocks that skip Markdown: marked when rendered, set aside and put back by MkDocs.

A source page is mostly raw HTML (its claims, facts, full text and "Cited by" table), one element
per sentence; a question page's evidence, checklist, answer and tables are generated too. Markdown
passes raw HTML through unchanged, but only after parsing it, in three passes (its raw-HTML
preprocessor, its block parser and MkDocs' anchor scan), and the theme's search plugin parses the
page once more. On a large dossier that parsing was most of the build, and on a small one the
question pages were. So render wraps such a block in BLOCK_START and BLOCK_END; before conversion
each block becomes a placeholder comment that Markdown copies as it is, and afterwards it is put
back. The markers are plain HTML comments: a page whose blocks are never set aside (a Markdown
renderer outside MkDocs) still shows the same thing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

BLOCK_START = "<!-- dossier:html -->"
BLOCK_END = "<!-- /dossier:html -->"
# A block's placeholder, as `placeholder` writes it.
RE_PLACEHOLDER = re.compile(r"<!-- dossier:html \d+ -->")

_ANCHOR = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)="([^"]*)\"""")
# What the search index keeps of a block: its text alone. Inline tags go; any other tag leaves a
# space, so that list items and table cells stay words apart.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|mark|q|small|span|strong|sub|sup)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
# Material leaves an element with this attribute out of search; a block that opens with one is
# left out whole.
_EXCLUDED_FROM_SEARCH = re.compile(r"\s*<[a-zA-Z][^>]*\sdata-search-exclude[\s=>]")
_SEARCH_START = re.compile(r"<!-- dossier:search (?P<index>\d+) -->")
_SEARCH_END = "<!-- /dossier:search -->"


class MarkedBlockError(ValueError):
    """The markers of a page's blocks do not pair up, or Markdown lost a placeholder."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class SetAside:
    """A page's Markdown with its marked blocks replaced by placeholders, and the blocks."""

    markdown: str
    blocks: tuple[str, ...]

    @property
    def anchors(self) -> frozenset[str]:
        """The ids and anchor names in the blocks, which links from other pages may target."""
        return frozenset().union(*(anchors_in(block) for block in self.blocks))


def anchors_in(markup: str) -> frozenset[str]:
    """The ids and anchor names of the elements in `markup`, as a link's fragment names them."""
    return frozenset(map(html.unescape, _ANCHOR.findall(markup)))


def placeholder(index: int) -> str:
    return f"<!-- dossier:html {index} -->"


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _at_line_start(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] == "\n"


def _block_end(markdown: str, start: int) -> int:
    """Where the first BLOCK_END line at or after `start` begins; -1 if there is none."""
    end = markdown.find(BLOCK_END, start)
    while end != -1 and not (
        _at_line_start(markdown, end) and markdown[end + len(BLOCK_END) :][:1] in ("", "\n")
    ):
        end = markdown.find(BLOCK_END, end + 1)
    return end


def set_aside(markdown: str) -> SetAside:
    """`markdown` with each block between a BLOCK_START line and the next BLOCK_END line made a
    placeholder. MarkedBlockError, with its line, for a marker that does not pair up."""
    blocks: list[str] = []
    pieces: list[str] = []
    opening = f"{BLOCK_START}\n"
    # Plain searches rather than one regular expression: pages are large, and a lazy pattern
    # tries the end marker at every character of every block.
    position = 0
    start = markdown.find(opening)
    while start != -1:
        if not _at_line_start(markdown, start):
            start = markdown.find(opening, start + 1)
            continue
        end = _block_end(markdown, start + len(opening))
        if end == -1:
            break
        block = markdown[start + len(opening) : end].removesuffix("\n")
        if BLOCK_START in block:
            line = _line_of(markdown, start + len(opening) + block.index(BLOCK_START))
            raise MarkedBlockError("an HTML block opens inside another", line)
        pieces += [markdown[position:start], placeholder(len(blocks))]
        blocks.append(block)
        position = end + len(BLOCK_END)
        start = markdown.find(opening, position)
    pieces.append(markdown[position:])
    rest = "".join(pieces)
    for marker in (BLOCK_START, BLOCK_END):
        if marker in rest:
            line = _line_of(rest, rest.index(marker))
            raise MarkedBlockError(f"{marker} has no partner", line)
    return SetAside(rest, tuple(blocks))


def search_version(block: str) -> str:
    """The block's text, without its tags: what search indexes of it.

    Material's search parses each tag in Python, at about the cost of a hundred characters of
    text, and a block has a tag or two per sentence; the list and paragraph tags it would keep
    only shape the preview of a result. A block whose first element is marked
    `data-search-exclude`, as Material marks what it leaves out, has no text in the index.
    """
    if _EXCLUDED_FROM_SEARCH.match(block):
        return ""
    return " ".join(_TAG.sub(" ", _INLINE_TAG.sub("", block)).split())


def _placeholder_of(content: str, index: int) -> str:
    found = content.count(placeholder(index))
    if found != 1:
        raise MarkedBlockError(f"Markdown left {found} copies of HTML block {index + 1}, not one")
    return placeholder(index)


def put_back_for_search(content: str, set_aside: SetAside) -> str:
    """`content` (the converted page) with each placeholder replaced by its block's search version.

    The version is itself marked, so that put_back can swap in the block once the page is indexed.
    MarkedBlockError when Markdown lost a placeholder or copied one.
    """
    for index, block in enumerate(set_aside.blocks):
        content = content.replace(
            _placeholder_of(content, index),
            f"<!-- dossier:search {index} -->{search_version(block)}{_SEARCH_END}",
        )
    return content


def put_back(content: str, set_aside: SetAside) -> str:
    """`content` with each block's search version, or its placeholder, replaced by the block."""
    # Plain searches for the end of each version, as in set_aside: a page can be megabytes long.
    pieces: list[str] = []
    position = 0
    start = _SEARCH_START.search(content)
    while start is not None:
        end = content.find(_SEARCH_END, start.end())
        if end == -1:
            break
        pieces += [content[position : start.start()], set_aside.blocks[int(start["index"])]]
        position = end + len(_SEARCH_END)
        start = _SEARCH_START.search(content, position)
    content = "".join(pieces) + content[position:]
    for index, block in enumerate(set_aside.blocks):
        if placeholder(index) in content:
            content = content.replace(_placeholder_of(content, index), block)
    return content
