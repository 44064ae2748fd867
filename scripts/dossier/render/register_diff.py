"""The register diff as Markdown for a pull request: what changed, quotes linked, rules broken."""

from __future__ import annotations

import html
import re
from typing import Any

from dossier.model.findings import Finding
from dossier.model.register_diff import CitedQuote, RegisterDiff
from dossier.render.templating import environment
from dossier.site import source_url

# Characters that Markdown gives meaning to inside a line; user text shows them as written.
RE_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def inline(text: str) -> str:
    """User-written text as inert inline Markdown, readable in a terminal too."""
    return RE_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def quote_link(quote: CitedQuote, site_url: str) -> str:
    """The quote, linked to the sentence it cites when it resolves."""
    shown = f"“{inline(quote.quote)}”"
    if quote.anchor is None:
        return f"{shown} ({inline(quote.source_id)}, not found in the source)"
    site = f"{site_url.rstrip('/')}/" if site_url else ""
    target = f"{site}{source_url(quote.source_id)}#{quote.anchor}"
    return f"[{shown}]({target}) ({inline(quote.source_id)} {quote.anchor})"


def diff_sections(diff: RegisterDiff, broken: tuple[Finding, ...]) -> list[tuple[str, str, Any]]:
    """(heading, kind of entry, entries) for each section, in the order a reviewer reads them."""
    return [
        ("Lifecycle rules broken", "broken", broken),
        ("Needs re-review", "review", diff.needs_review),
        ("Questions added", "question", diff.added),
        ("Questions removed", "question", diff.removed),
        ("Status changes", "move", diff.status),
        ("Priority changes", "move", diff.priority),
        ("Answer changes", "answer", diff.answer),
        ("Evidence changes", "evidence", diff.evidence),
        ("Prose changes", "prose", diff.prose),
        ("Titles changed", "title", diff.retitled),
        ("Other changes", "list", diff.fields),
        ("Sources", "source", diff.sources),
    ]


def render_diff(
    diff: RegisterDiff,
    base: str,
    head: str,
    broken: tuple[Finding, ...] = (),
    site_url: str = "",
) -> str:
    """The diff as Markdown, for a pull request's job summary or a terminal; `broken` are the
    lifecycle rules the changes break, listed first. Quotes link to their sentences on the
    site at `site_url` (relative links without one)."""
    template = environment().get_template("register_diff.md.j2")
    markdown = template.render(
        diff=diff,
        broken=broken,
        base=base,
        head=head,
        sections=diff_sections(diff, broken),
        inline=inline,
        quote=lambda quote: quote_link(quote, site_url),
        code=lambda value: "`" + " ".join(str(value).replace("`", "'").split()) + "`",
        html_text=lambda text: html.escape(text),
    )
    return markdown.rstrip("\n")
