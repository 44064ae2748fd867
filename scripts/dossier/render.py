"""Turn the checked model into Markdown pages: {path under docs/: content}, deterministically."""

from __future__ import annotations

import json
import posixpath
from collections import defaultdict
from collections.abc import Mapping

import jinja2

from dossier.citations import DATE_EVIDENCE_FRAGMENT, CitingPlace, ResolvedCitation
from dossier.sources import Source

LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "it": "Italian"}

# Source text and user-written fields are shown, never interpreted. Beyond HTML's own specials,
# every character that Markdown or a pymdown extension gives meaning to inside a line becomes a
# character reference, so no inline pattern (emphasis, links, emoji, critic marks, keys, smart
# symbols) can fire. Escaped text never starts a line, so block syntax (`1.`, `--8<--`) cannot.
_MARKUP_CHARACTERS = "&<>\"'\\`*_{}[]()#+-!|~^=:$"
_TEXT_ESCAPES = {ord(character): f"&#{ord(character)};" for character in _MARKUP_CHARACTERS}
# A line break inside a sentence would let the next line start a Markdown block; HTML renders the
# reference as the same white space.
_TEXT_ESCAPES[ord("\n")] = "&#10;"


def escape_text(text: str) -> str:
    """`text` as inert character data, safe in Markdown and HTML alike, shown exactly as written."""
    return text.translate(_TEXT_ESCAPES)


def front_matter_string(text: str) -> str:
    """A YAML scalar for front matter; JSON strings are valid YAML."""
    return json.dumps(text)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("dossier", "templates"),
        autoescape=False,  # the output is Markdown: escaping is explicit, with the `text` filter
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["text"] = escape_text
    environment.filters["front_matter_string"] = front_matter_string
    environment.filters["language_name"] = language_name
    return environment


def source_page_path(source: Source) -> str:
    return f"sources/{source.id}.md"


def link_from(page: str, place: CitingPlace) -> str:
    """A relative Markdown link target from `page` to where `place` cites."""
    if place.page == page:
        return f"#{place.fragment}"
    target = posixpath.relpath(place.page, posixpath.dirname(page) or ".")
    return f"{target}#{place.fragment}"


def render_source_page(
    source: Source, citations: tuple[ResolvedCitation, ...], environment: jinja2.Environment
) -> str:
    own = [c for c in citations if c.source.id == source.id]
    cited_by: dict[str, list[CitingPlace]] = defaultdict(list)
    for citation in own:
        for sentence in citation.sentences:
            cited_by[sentence.anchor].append(citation.citation.place)
    page = source_page_path(source)
    date_evidence = next(
        (
            c
            for c in own
            if c.citation.place.page == page and c.citation.place.fragment == DATE_EVIDENCE_FRAGMENT
        ),
        None,
    )
    return environment.get_template("source.md.j2").render(
        source=source,
        cited_by=cited_by,
        date_evidence=date_evidence,
        link=lambda place: link_from(page, place),
    )


def render_sources_index(sources: tuple[Source, ...], environment: jinja2.Environment) -> str:
    return environment.get_template("sources_index.md.j2").render(sources=sources)


def render_pages(
    sources: tuple[Source, ...], citations: tuple[ResolvedCitation, ...]
) -> Mapping[str, str]:
    """Every generated page, keyed by its path under docs/, in a stable order."""
    environment = _environment()
    ordered = tuple(sorted(sources, key=lambda source: source.id))
    ordered_citations = tuple(
        sorted(
            citations,
            key=lambda c: (
                c.citation.place.page,
                c.citation.place.path,
                c.citation.place.line,
                c.citation.place.fragment,
            ),
        )
    )
    pages = {"sources/index.md": render_sources_index(ordered, environment)}
    for source in ordered:
        pages[source_page_path(source)] = render_source_page(source, ordered_citations, environment)
    return pages
