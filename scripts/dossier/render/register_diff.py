"""The register diff as Markdown, for a pull request's review."""

from __future__ import annotations

import html
import re

from dossier.model.findings import Finding
from dossier.model.register_diff import AnswerChange, CitedQuote, EvidenceChange, RegisterDiff
from dossier.site import source_url

# Characters that Markdown gives meaning to inside a line; user text shows them as written.
RE_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def inline(text: str) -> str:
    """User-written text as inert inline Markdown, readable in a terminal too."""
    return RE_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _quote(quote: CitedQuote, site_url: str) -> str:
    """The quote, linked to the sentence it cites when it resolves."""
    shown = f"“{inline(quote.quote)}”"
    if quote.anchor is None:
        return f"{shown} ({inline(quote.source_id)}, not found in the source)"
    target = f"{site_url}{source_url(quote.source_id)}#{quote.anchor}"
    return f"[{shown}]({target}) ({inline(quote.source_id)} {quote.anchor})"


def _evidence(change: EvidenceChange, site_url: str) -> str:
    quote = _quote(change.quote, site_url)
    if change.what == "note changed":
        return (
            f"  - note changed on {quote}: <del>{inline(change.old_note)}</del> "
            f"<ins>{inline(change.note)}</ins>"
        )
    return f"  - {change.what} {quote}: {inline(change.note)}"


def _answer(change: AnswerChange, site_url: str) -> str:
    label = "answer" if change.item is None else f"item `{change.item}`"
    line = f"  - {label} {change.what}: {inline(change.text)}"
    return "\n".join([line, *(f"    - {_quote(quote, site_url)}" for quote in change.citations)])


def _word_diff(runs: list[tuple[str, str]]) -> str:
    tags = {"delete": "del", "insert": "ins"}
    return " ".join(
        f"<{tags[kind]}>{inline(text)}</{tags[kind]}>" if kind in tags else inline(text)
        for kind, text in runs
    )


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
    lines = [f"## Register changes from {base} to {head}", ""]
    if diff.is_empty() and not broken:
        return "\n".join([*lines, "No change to the register or the sources."])

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"### {title} ({len(items)})", "", *items, ""])

    section(
        "Lifecycle rules broken",
        [
            f"- `{finding.path}:{finding.line}`: {finding.message}. {finding.hint}"
            for finding in broken
        ],
    )
    section("Questions added", [f"- `{qid}`: {title}" for qid, title in diff.added])
    section("Questions removed", [f"- `{qid}`: {title}" for qid, title in diff.removed])
    section(
        "Status changes",
        [f"- `{qid}`: {title} — **{old} → {new}**" for qid, title, old, new in diff.status],
    )
    section(
        "Priority changes",
        [f"- `{qid}`: {title} — **{old} → {new}**" for qid, title, old, new in diff.priority],
    )
    section(
        "Answer changes",
        [
            "\n".join([f"- `{qid}`: {title}", *(_answer(change, site_url) for change in what)])
            for qid, title, what in diff.answer
        ],
    )
    section(
        "Evidence changes",
        [
            "\n".join([f"- `{qid}`: {title}", *(_evidence(change, site_url) for change in what)])
            for qid, title, what in diff.evidence
        ],
    )
    section(
        "Prose changes",
        [
            f"<details><summary><code>{qid}</code>: {html.escape(title)}</summary>\n\n"
            f"{_word_diff(runs)}\n\n</details>\n"
            for qid, title, runs in diff.prose
        ],
    )
    section("Titles changed", [f"- `{qid}`: “{old}” → “{new}”" for qid, old, new in diff.retitled])
    section(
        "Other changes",
        [f"- `{qid}`: {title} — {'; '.join(what)}" for qid, title, what in diff.fields],
    )
    section("Sources", [f"- {line}" for line in diff.sources])
    return "\n".join(lines).rstrip("\n")
