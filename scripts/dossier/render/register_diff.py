"""The register diff as Markdown, for a pull request's review."""

from __future__ import annotations

from dossier.model.findings import Finding
from dossier.model.register_diff import RegisterDiff


def render_diff(diff: RegisterDiff, base: str, head: str, broken: tuple[Finding, ...] = ()) -> str:
    """The diff as Markdown, for a pull request's job summary or a terminal; `broken` are the
    lifecycle rules the changes break, listed first."""
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
    section("Answer changes", [f"- `{qid}`: {title} — {what}" for qid, title, what in diff.answer])
    section(
        "Evidence changes",
        [f"- `{qid}`: {title} — {'; '.join(what)}" for qid, title, what in diff.evidence],
    )
    section("Titles changed", [f"- `{qid}`: “{old}” → “{new}”" for qid, old, new in diff.retitled])
    section(
        "Other changes",
        [f"- `{qid}`: {title} — {'; '.join(what)}" for qid, title, what in diff.fields],
    )
    section("Sources", [f"- {line}" for line in diff.sources])
    return "\n".join(lines).rstrip("\n")
