"""Give each `missing` entry of the register's questions a stable id: `{id, text}` (issue 15).

Run once from the project root: `python scripts/migrations/missing_ids.py`. It rewrites only the
`missing:` block of each question's front matter, keeps every item's text byte for byte, and
derives each id from the item's first meaningful words, made unique within the question.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from dossier.load.register import split_front_matter

# Words that say nothing about an item, skipped when its id is made.
FILLER = frozenset(
    ("a", "an", "and", "any", "as", "at", "by", "e", "for", "from", "g", "i", "if", "in", "is",
     "it", "its", "of", "on", "or", "the", "their", "to", "which", "who", "whom", "whose", "what",
     "when", "where", "whether", "with")
)  # fmt: skip
ID_WORDS = 3
RE_WORD = re.compile(r"[a-z0-9]+")
RE_POSSESSIVE = re.compile(r"['’]s\b")
RE_ENTRY = re.compile(r"^  - (?P<value>.+)$")


def item_id(text: str, taken: set[str]) -> str:
    """`key-generation-authority` for "key-generation authority (...)": unique within `taken`."""
    plain = RE_POSSESSIVE.sub("", text.lower())
    words = [word for word in RE_WORD.findall(plain) if word not in FILLER]
    base = "-".join(words[:ID_WORDS]) or "item"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def migrate(text: str) -> str:
    parts = split_front_matter(text)
    if parts is None:
        return text
    lines = text.split("\n")
    start = lines.index("missing:")
    end = start + 1
    while end < len(lines) and RE_ENTRY.match(lines[end]):
        end += 1
    old = yaml.safe_load(parts[0])["missing"]
    if not all(isinstance(item, str) for item in old):
        return text  # migrated already
    taken: set[str] = set()
    new_block = []
    for line, item in zip(lines[start + 1 : end], old, strict=True):
        raw = RE_ENTRY.match(line)
        assert raw is not None
        new_block += [f"  - id: {item_id(item, taken)}", f"    text: {raw.group('value')}"]
    migrated = "\n".join([*lines[: start + 1], *new_block, *lines[end:]])
    new = yaml.safe_load(split_front_matter(migrated)[0])["missing"]  # type: ignore[index]
    if [entry["text"] for entry in new] != old:
        raise SystemExit(f"an item's text would change; migrate it by hand:\n{text[:200]}")
    return migrated


def main(root: Path) -> int:
    for path in sorted((root / "docs" / "register").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        migrated = migrate(text)
        if migrated != text:
            path.write_text(migrated, encoding="utf-8")
            print(path.relative_to(root).as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd()))
