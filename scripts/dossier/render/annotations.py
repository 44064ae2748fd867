"""Every citation as a W3C Web Annotation: the cited passage of a source, and where it is cited.

One JSON-LD document, an `AnnotationCollection` whose one page lists an `Annotation` per citation
(claims, evidence, answers and inline citations alike). Its target is the source's page, selected
by a `TextQuoteSelector` (the exact passage with the words around it) within the page's full text
(a `CssSelector` it refines: the page repeats cited words in its quotations and claims), and by a
`TextPositionSelector` (character offsets into the source's text, the seed's `.txt` as loaded:
line ends `\\n`, no byte-order mark). Its body is the citing statement, as a `TextualBody` in
plain text (a claim's English text, an evidence note, an answer, the paragraph around an inline
citation; the place's label where it states nothing), and its page: a link straight to the
citation there, labelled with the page title or the field.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence

from dossier.model.citations import ResolvedCitation
from dossier.site import (
    REGISTER_ANNOTATIONS,
    SOURCE_TEXT_SELECTOR,
    source_page,
    url_from_file,
)

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Words on each side of a passage, at least; more where the same words repeat.
CONTEXT_CHARACTERS = 32
# A str as JSON, as json.dumps writes it with ensure_ascii=False.
_string = json.encoder.encode_basestring


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The words right before and after `text[start:end]` that tell it from a repeat of them.

    CONTEXT_CHARACTERS on each side; where the same words occur again with the same context (a
    repeated sentence), the context grows. It never leaves the passage's paragraph: a source's
    page shows each paragraph's translation after it, so only within one paragraph is the page's
    text the source's text, which an annotation client matches the selector against.
    """
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    if paragraph_end == -1:
        paragraph_end = len(text)
    width = CONTEXT_CHARACTERS
    while True:
        prefix = text[max(paragraph_start, start - width) : start]
        suffix = text[end : min(paragraph_end, end + width)]
        whole = start - width <= paragraph_start and end + width >= paragraph_end
        if whole or text.count(prefix + text[start:end] + suffix) == 1:
            return prefix, suffix
        width *= 2


def annotation_line(resolved: ResolvedCitation) -> str:
    """The citation `resolved` as a Web Annotation, on one line of JSON.

    Written from a template, each string encoded by json's own function: json.dumps of the same
    structure, nested dictionaries and lists, took twice as long for thousands of citations. The
    line is exactly what json.dumps writes of that structure, with its keys in this order.
    """
    place = resolved.citation.place
    prefix, suffix = context(resolved.source.text, resolved.start, resolved.end)
    quote = f'{{"type": "TextQuoteSelector", "exact": {_string(resolved.source_text)}'
    if prefix:
        quote += f', "prefix": {_string(prefix)}'
    if suffix:
        quote += f', "suffix": {_string(suffix)}'
    quote += "}"
    identifier = f"#{place.page.removesuffix('.md')}/{place.fragment}"
    citing = f"{url_from_file(REGISTER_ANNOTATIONS, place.page)}#{place.fragment}"
    source = url_from_file(REGISTER_ANNOTATIONS, source_page(resolved.source.id))
    return (
        f'{{"id": {_string(identifier)}, "type": "Annotation", "motivation": "linking", '
        '"body": [{"type": "TextualBody", "purpose": "describing", '
        f'"value": {_string(place.statement or place.label)}, '
        '"format": "text/plain", "language": "en"}, '
        f'{{"id": {_string(citing)}, "type": "Text", "format": "text/html", "language": "en", '
        f'"label": {_string(place.label)}}}], '
        f'"target": {{"type": "SpecificResource", "source": {_string(source)}, "selector": ['
        f'{{"type": "CssSelector", "value": {_string(SOURCE_TEXT_SELECTOR)}, '
        f'"refinedBy": {quote}}}, '
        f'{{"type": "TextPositionSelector", "start": {resolved.start}, "end": {resolved.end}}}'
        "]}}"
    )


def export_annotations(citations: Sequence[ResolvedCitation]) -> str:
    """Every citation of `citations`, in their order, as one collection of Web Annotations."""
    # One annotation per line: as easy to read and diff as indented JSON, and written by json's C
    # encoder, which indenting turns off (several times faster with thousands of citations).
    lines = [annotation_line(resolved) for resolved in citations]
    document = {
        "@context": ANNOTATION_CONTEXT,
        "id": posixpath.basename(REGISTER_ANNOTATIONS),
        "type": "AnnotationCollection",
        "label": "Every citation of the dossier, as the cited passage of its source",
        "total": len(lines),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": []},
    }
    before, after = json.dumps(document, ensure_ascii=False, indent=2).split('"items": []')
    return "".join((before, '"items": [\n', ",\n".join(lines), "\n]", after, "\n"))
