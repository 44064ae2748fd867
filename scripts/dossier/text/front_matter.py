"""Front matter: the YAML block between `---` lines at the top of a Markdown file."""

from __future__ import annotations

import re

RE_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL
)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter YAML, body, line the body starts on), or None without front matter."""
    match = RE_FRONT_MATTER.match(text)
    if not match:
        return None
    return match.group("yaml") or "", text[match.end() :], text.count("\n", 0, match.end()) + 1
