"""The register diff as Markdown, for a pull request's review."""

from __future__ import annotations

from dossier.model.register_diff import RegisterDiff


def render_diff(diff: RegisterDiff, base: str, head: str) -> str:
    """The diff as Markdown, for a pull request's job summary or a terminal."""
    lines = [f"## Register changes from {base} to {head}", ""]
    if diff.is_empty():
        return "\n".join([*lines, "No change to the register or the sources."])

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"### {title} ({len(items)})", "", *items, ""])

    section(
        "Re-opened without a new citation or note",
        [
            f"- `{qid}`: {title} — add the evidence or the explanation that re-opens it"
            for qid, title in diff.unjustified_reopenings
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
