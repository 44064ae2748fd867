"""Inline citations rendered: each `[@source "quote"]` becomes a link to the cited sentence."""

from __future__ import annotations

from collections.abc import Callable

from dossier.model.citations import ResolvedCitation
from dossier.render.templating import escape_text, relative_link
from dossier.site import INLINE_FRAGMENT_PREFIX, source_page
from dossier.text.inline_citations import find_inline_citations


def short_source_label(source_id: str) -> str:
    """`000` for `000_7edff155f20879db`: enough to tell sources apart in running text."""
    return source_id.split("_", 1)[0]


def citation_link(resolved: ResolvedCitation, page: str, fragment: str) -> str:
    """A Markdown link from `page` to the cited sentence, titled with the exact quoted text."""
    target = relative_link(page, source_page(resolved.source.id))
    label = f"{short_source_label(resolved.source.id)} {resolved.anchor}"
    title = escape_text(" ".join(resolved.source_text.split()))
    link = f'[\\[{escape_text(label)}\\]]({target}#{resolved.anchor} "{title}")'
    return f"{link}{{#{fragment} .dossier-cite}}"


def render_inline_citations(
    markdown: str,
    page: str,
    resolve: Callable[[str, str], ResolvedCitation | None],
    fragment_prefix: str = INLINE_FRAGMENT_PREFIX,
    escape: Callable[[str], str] | None = None,
) -> str:
    """`markdown` with each inline citation replaced by its link; `resolve(page, fragment)`.

    Text written in data files (sidecars, topics, questions) is shown, not interpreted: `escape`
    makes the text between citations inert. Hand-written pages pass none and keep their Markdown.
    """
    keep: Callable[[str], str] = escape or (lambda text: text)
    inline, _ = find_inline_citations(markdown, page, page, fragment_prefix=fragment_prefix)
    parts = []
    position = 0
    for item in inline:
        resolved = resolve(page, item.citation.place.fragment)
        parts.append(keep(markdown[position : item.start]))
        if resolved is None:
            parts.append(markdown[item.start : item.end])
        else:
            if item.show:
                parts.append(f"“{escape_text(' '.join(resolved.source_text.split()))}” ")
            parts.append(citation_link(resolved, page, item.citation.place.fragment))
        position = item.end
    parts.append(keep(markdown[position:]))
    return "".join(parts)
