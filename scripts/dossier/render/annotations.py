"""Every citation as a W3C Web Annotation: the cited passage of a source, and where it is cited.

One JSON-LD document, an `AnnotationCollection` whose one page lists an `Annotation` per citation
(claims, evidence, answers and inline citations alike). Its target is the source's page, selected
by a `TextQuoteSelector` (the exact passage with the words around it) and a
`TextPositionSelector` (character offsets into the source's text, the seed's `.txt` as loaded:
line ends `\\n`, no byte-order mark). Its body names the citing statement and links to it.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence
from typing import Any

from dossier.model.citations import ResolvedCitation
from dossier.site import REGISTER_ANNOTATIONS, published_url, source_page

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Words on each side of a passage, enough to tell it from a repeat of the same words.
CONTEXT_CHARACTERS = 32


def _from_annotations(page: str) -> str:
    """The address of a page relative to the annotations file."""
    url = published_url(page)
    relative = posixpath.relpath(url or ".", posixpath.dirname(REGISTER_ANNOTATIONS))
    return relative + "/" if url.endswith("/") or not url else relative


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The words right before and after `text[start:end]` that make the passage unique.

    CONTEXT_CHARACTERS on each side, within the passage's paragraph; where the same words occur
    again with the same context (a repeated sentence), the context grows, across paragraphs,
    until the passage is the only one.
    """
    prefix = text[max(0, start - CONTEXT_CHARACTERS) : start].rpartition("\n")[2]
    suffix = text[end : end + CONTEXT_CHARACTERS].partition("\n")[0]
    width = CONTEXT_CHARACTERS
    while text.count(prefix + text[start:end] + suffix) > 1 and width < len(text):
        width *= 2
        prefix, suffix = text[max(0, start - width) : start], text[end : end + width]
    return prefix, suffix


def annotation(resolved: ResolvedCitation) -> dict[str, Any]:
    """The citation `resolved` as a Web Annotation."""
    place = resolved.citation.place
    text = resolved.source.text
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": resolved.source_text}
    prefix, suffix = context(text, resolved.start, resolved.end)
    if prefix:
        quote["prefix"] = prefix
    if suffix:
        quote["suffix"] = suffix
    citing = f"{_from_annotations(place.page)}#{place.fragment}"
    return {
        "id": f"#{place.page.removesuffix('.md')}/{place.fragment}",
        "type": "Annotation",
        "motivation": "linking",
        "body": [
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": place.label,
                "format": "text/plain",
                "language": "en",
            },
            {"id": citing, "type": "Text", "format": "text/html", "language": "en"},
        ],
        "target": {
            "type": "SpecificResource",
            "source": _from_annotations(source_page(resolved.source.id)),
            "selector": [
                quote,
                {"type": "TextPositionSelector", "start": resolved.start, "end": resolved.end},
            ],
        },
    }


def export_annotations(citations: Sequence[ResolvedCitation]) -> str:
    """Every citation of `citations`, in their order, as one collection of Web Annotations."""
    items = [annotation(resolved) for resolved in citations]
    document = {
        "@context": ANNOTATION_CONTEXT,
        "id": posixpath.basename(REGISTER_ANNOTATIONS),
        "type": "AnnotationCollection",
        "label": "Every citation of the dossier, as the cited passage of its source",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
