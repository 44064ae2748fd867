"""A page that is only plain headings between HTML placeholders, converted without parsing it.

Once its HTML blocks are set aside (text/html_blocks.py), a source page's Markdown is its title,
its section headings and a placeholder for each block. Python-Markdown would still run every
extension's passes over it, which costs more per page than the rest of the page's share of the
build. Such a page needs only what the converter's table-of-contents extension makes of its
headings: their ids, permalinks and the table of contents. That extension does it here, on
the headings alone, so the result is the converter's own. Anything else on a page (a paragraph,
a link, a character Markdown may read as markup) returns None: convert the page as usual.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from markdown import Markdown

from dossier.text.html_blocks import RE_PLACEHOLDER

# The inline patterns and tree processors this shortcut knows, by name and by module: Python-
# Markdown's own and those of the site's extensions. None of them changes a heading in the
# characters below; a converter with any other (smart dashes, smart symbols) converts the page as
# usual.
KNOWN_INLINE_PATTERNS = frozenset(
    {
        "autolink", "automail", "backtick", "delimiter", "em_strong", "emoji", "entity", "escape",
        "footnote", "html", "image_link", "image_reference", "linebreak", "link", "reference",
        "short_image_ref", "short_reference",
    }
)  # fmt: skip
KNOWN_TREE_PROCESSORS = frozenset(
    {
        "abbr", "attr_list", "footnote", "footnote-duplicate", "indent-highlight", "inline",
        "prettify", "task-list", "toc", "unescape",
    }
)  # fmt: skip
KNOWN_PROCESSOR_MODULES = frozenset(
    {
        "markdown.inlinepatterns", "markdown.treeprocessors", "markdown.extensions.abbr",
        "markdown.extensions.attr_list", "markdown.extensions.footnotes", "markdown.extensions.toc",
        "pymdownx.delimiterprocessor", "pymdownx.emoji", "pymdownx.highlight",
        "pymdownx.inlinehilite", "pymdownx.tasklist",
    }
)  # fmt: skip
# Letters, digits, spaces and punctuation that Markdown reads as themselves: no emphasis,
# link, code, entity, emoji, attribute list or closing hashes can start in such a heading.
RE_PLAIN_HEADING = re.compile(r"(?P<level>#{1,6}) (?P<text>[^\W_](?:[^\W_]|[ ,.;?!¿¡’“”«»%-])*)")


def _knows(converter: Markdown) -> bool:
    """Whether every processor that would see a heading's text is one this shortcut knows, and
    no abbreviation is defined for the whole site (which would mark words in any heading)."""
    for registry, known in (
        (converter.inlinePatterns, KNOWN_INLINE_PATTERNS),
        (converter.treeprocessors, KNOWN_TREE_PROCESSORS),
    ):
        if sum(name in registry for name in known) != len(registry):
            return False
        if any(type(processor).__module__ not in KNOWN_PROCESSOR_MODULES for processor in registry):
            return False
    abbreviations = (
        getattr(converter.treeprocessors["abbr"], "abbrs", None)
        if "abbr" in converter.treeprocessors
        else None
    )
    return not abbreviations


def convert_outline(converter: Markdown, markdown: str) -> str | None:
    """The HTML `converter` makes of `markdown`, if it is only plain headings and placeholder lines
    between blank ones; None otherwise. Like a conversion, it sets the converter's `toc_tokens`."""
    if "toc" not in converter.treeprocessors or not _knows(converter):
        return None
    document = ElementTree.Element("div")
    pieces: list[str | ElementTree.Element] = []
    previous_blank = True
    for line in markdown.split("\n"):
        if not line:
            previous_blank = True
            continue
        # Two lines with no blank between them may be one paragraph, or a setext heading.
        if not previous_blank:
            return None
        previous_blank = False
        if RE_PLACEHOLDER.fullmatch(line):
            # Markdown ends a raw HTML block with a line break of its own.
            pieces.append(f"{line}\n")
            continue
        heading = RE_PLAIN_HEADING.fullmatch(line)
        if heading is None:
            return None
        element = ElementTree.SubElement(document, f"h{len(heading['level'])}")
        element.text = heading["text"].rstrip()
        pieces.append(element)
    converter.reset()
    converter.treeprocessors["toc"].run(document)
    output = "\n".join(
        piece if isinstance(piece, str) else converter.serializer(piece) for piece in pieces
    )
    for postprocessor in converter.postprocessors:
        output = postprocessor.run(output)
    return output.strip()
