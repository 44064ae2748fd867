"""Inline citations rendered: each `[@source "quote"]` becomes a link to the cited sentence."""

from __future__ import annotations

from collections.abc import Callable

from dossier.model.citations import ALL_SOURCES, AbsenceClaim, ResolvedCitation
from dossier.render.templating import escape_html, escape_text, relative_link
from dossier.site import INLINE_FRAGMENT_PREFIX, source_page
from dossier.text.inline_citations import inline_items


def short_source_label(source_id: str) -> str:
    """`000` for `000_7edff155f20879db`: enough to tell sources apart in running text."""
    return source_id.split("_", 1)[0]


def quote_translation(resolved: ResolvedCitation) -> str | None:
    """The dossier's translation of the sentences a quote is in, or None without one for each."""
    translations = resolved.source.metadata.translations
    parts = [translations.get(sentence.anchor) for sentence in resolved.sentences]
    return " ".join(part for part in parts if part) if all(parts) else None


def citation_link(
    resolved: ResolvedCitation, page: str, fragment: str, *, with_translation: bool = True
) -> str:
    """A Markdown link from `page` to the cited sentence, titled with the exact quoted text.

    With a translation, the link is described by it, and hovering or focusing shows it; a
    caller that shows the translation itself passes `with_translation=False`.
    """
    cited_page = source_page(resolved.source.id)
    # Within a source page, the link names no page: it needs no rewriting by MkDocs.
    target = "" if cited_page == page else relative_link(page, cited_page)
    label = f"{short_source_label(resolved.source.id)} {resolved.anchor}"
    title = escape_text(" ".join(resolved.source_text.split()))
    link = f'[\\[{escape_text(label)}\\]]({target}#{resolved.anchor} "{title}")'
    translation = quote_translation(resolved) if with_translation else None
    if translation is None:
        return f"{link}{{#{fragment} .dossier-cite}}"
    return (
        f'{link}{{#{fragment} .dossier-cite aria-describedby="{fragment}-translation"}}'
        f'<span class="dossier-cite-translation translation" id="{fragment}-translation" '
        f'lang="en" role="tooltip">Our translation of the sentence: {escape_text(translation)}'
        "</span>"
    )


def absence_note(absence: AbsenceClaim, page: str) -> str:
    """What a reader sees of a claim of absence: where the words were searched for, and which."""
    searched = ", ".join(f"“{escape_text(term)}”" for term in absence.terms)
    if absence.within is not None:
        where = "nowhere else in the text"
    elif absence.source_id == ALL_SOURCES:
        where = "in none of the sources"
    else:
        target = relative_link(page, source_page(absence.source_id))
        where = f"not in the text of [{short_source_label(absence.source_id)}]({target})"
    fragment = "" if absence.within else f' id="{absence.place.fragment}"'
    return f'<span class="dossier-absence"{fragment}>({where}; searched: {searched})</span>'


def citation_anchor(
    resolved: ResolvedCitation, href: str, fragment: str, *, with_translation: bool = True
) -> str:
    """The same citation as citation_link, as HTML, for a raw HTML block: `href` is final."""
    label = f"{short_source_label(resolved.source.id)} {resolved.anchor}"
    title = escape_html(" ".join(resolved.source_text.split()))
    translation = quote_translation(resolved) if with_translation else None
    described = f' aria-describedby="{fragment}-translation"' if translation else ""
    link = (
        f'<a class="dossier-cite" id="{fragment}" href="{escape_html(href)}" title="{title}"'
        f"{described}>[{escape_html(label)}]</a>"
    )
    if translation is None:
        return link
    # On one line, as the title is: a blank line would end the HTML block for a Markdown reader.
    shown = escape_html(" ".join(translation.split()))
    return (
        f'{link}<span class="dossier-cite-translation translation" id="{fragment}-translation" '
        f'lang="en" role="tooltip">Our translation of the sentence: {shown}</span>'
    )


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
    items, _ = inline_items(markdown, page, page, fragment_prefix=fragment_prefix)
    parts = []
    position = 0
    for item in items:
        parts.append(keep(markdown[position : item.start]))
        position = item.end
        resolved = resolve(page, item.citation.place.fragment) if item.citation else None
        if item.citation is not None and resolved is None:
            parts.append(markdown[item.start : item.end])
            continue
        if resolved is not None:
            if item.show:
                parts.append(f"“{escape_text(' '.join(resolved.source_text.split()))}” ")
            parts.append(citation_link(resolved, page, resolved.citation.place.fragment))
        if item.absence is not None:
            parts.append((" " if resolved else "") + absence_note(item.absence, page))
    parts.append(keep(markdown[position:]))
    return "".join(parts)
