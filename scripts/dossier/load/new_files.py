"""Where new files go: names for `add-source`'s articles and `new-question`'s question.

Both refuse, naming every reason, what cannot be written, so nothing is written unless all can.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from dossier.load.sources import decode_text, sha256_hex
from dossier.model.register import Category
from dossier.model.sources import NewSource
from dossier.model.vocabulary import LANGUAGES
from dossier.site import REGISTER_DIRECTORY

# The number add-source gives a new seed: one more than the highest, at least three digits.
RE_NUMBERED_ID = re.compile(r"^(?P<number>[0-9]+)_")
RE_SLUG_WORD = re.compile(r"[a-z0-9]+")
SLUG_LENGTH = 60


class SourceError(ValueError):
    """A file that cannot become a source, with what to do instead."""


class RegisterError(ValueError):
    """A request about the register that cannot be carried out, with what to do instead."""


def slugify(title: str) -> str:
    """`who-can-revoke-the-keys` for "Who can revoke the keys?": ASCII words, 60 characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = ""
    for word in RE_SLUG_WORD.findall(ascii_title):
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_LENGTH:
            break
        slug = candidate
    return slug


def plan_new_sources(seeds: Path, files: list[tuple[str, bytes]], language: str) -> list[NewSource]:
    """Names for new articles, numbered after the last seed: `NNN_<16 hex of sha256>`.

    Raises SourceError, naming every refused file, if the language is not one the segmenter
    knows, or any file is not UTF-8 text, is empty, or is already a seed (same bytes), so that
    nothing is written unless everything can be.
    """
    if language not in LANGUAGES:
        raise SourceError(f"unknown language {language!r}; languages: {', '.join(LANGUAGES)}")
    existing = {sha256_hex(path.read_bytes()): path.name for path in sorted(seeds.glob("*.txt"))}
    numbers = [
        int(m.group("number")) for p in seeds.glob("*.txt") if (m := RE_NUMBERED_ID.match(p.name))
    ]
    next_number = max(numbers, default=-1) + 1
    planned = []
    refusals = []
    for original, data in files:
        checksum = sha256_hex(data)
        _, problems = decode_text(data, original)
        if problems:
            refusals.append(f"{original}: {problems[0].message}")
        elif checksum in existing:
            refusals.append(f"{original}: already in seeds/ as {existing[checksum]}")
        else:
            existing[checksum] = original
            planned.append(NewSource(f"{next_number:03d}_{checksum[:16]}", data, original))
            next_number += 1
    if refusals:
        raise SourceError("; ".join(refusals))
    return planned


def new_question_path(
    register: Path, categories: tuple[Category, ...], category: str, title: str
) -> Path:
    """Where a new question titled `title` goes; RegisterError if it cannot go anywhere."""
    slugs = [known.slug for known in categories]
    if category not in slugs:
        raise RegisterError(f"unknown category {category!r}; categories: {', '.join(slugs)}")
    if not title.strip().endswith("?"):
        raise RegisterError(f"the title {title!r} is not a question; end it with '?'")
    slug = slugify(title)
    if not slug:
        raise RegisterError(f"the title {title!r} has no letters or digits to make a file name of")
    target = register / category / f"{slug}.md"
    if target.exists():
        raise RegisterError(
            f"{REGISTER_DIRECTORY}/{category}/{slug}.md exists already; "
            "choose another title, or edit that question"
        )
    return target
