"""The register diff as Markdown, for a pull request's review; the markup is in a template."""

from __future__ import annotations

from typing import Any

from dossier.model.register_diff import RegisterDiff
from dossier.render.templating import environment


def diff_sections(diff: RegisterDiff) -> list[tuple[str, str, list[Any]]]:
    """(heading, kind of line, rows) for each section, in the order a reviewer reads them."""
    return [
        ("Re-opened without a new citation or note", "reopened", diff.unjustified_reopenings),
        ("Questions added", "question", diff.added),
        ("Questions removed", "question", diff.removed),
        ("Status changes", "move", diff.status),
        ("Priority changes", "move", diff.priority),
        ("Answer changes", "what", diff.answer),
        ("Evidence changes", "list", diff.evidence),
        ("Titles changed", "title", diff.retitled),
        ("Other changes", "list", diff.fields),
        ("Sources", "source", diff.sources),
    ]


def render_diff(diff: RegisterDiff, base: str, head: str) -> str:
    """The diff as Markdown, for a pull request's job summary or a terminal."""
    template = environment().get_template("register_diff.md.j2")
    markdown = template.render(diff=diff, base=base, head=head, sections=diff_sections(diff))
    return markdown.rstrip("\n")
