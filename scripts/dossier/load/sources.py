"""Load the seed articles and their sidecars, verify them, and segment their text."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.load.segmentation import segment
from dossier.load.textfiles import decode_utf8, links_outside, parse_yaml_text, read_text
from dossier.load.validation import schema_findings
from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.schemas import SOURCE_SCHEMA, load_schema
from dossier.model.sources import (
    RE_SOURCE_ID,
    Claim,
    Quotation,
    SidecarQuote,
    Source,
    SourceMetadata,
)
from dossier.model.vocabulary import LANGUAGES
from dossier.site import SEEDS_DATA_FILES, SEEDS_DIRECTORY, SIDECAR_SUFFIX, TEXT_SUFFIX
from dossier.text.yamldoc import YamlDocument, iso_dates

# The number add-source gives a new seed: one more than the highest, at least three digits.
RE_NUMBERED_ID = re.compile(r"^(?P<number>[0-9]+)_")


class SourceError(ValueError):
    """A file that cannot become a source, with what to do instead."""


@dataclass(frozen=True)
class NewSource:
    """An article ready to be written into seeds/: its name, its bytes, its sidecar."""

    id: str
    data: bytes
    original: str
    """The file it was copied from, as given."""


@dataclass(frozen=True)
class LoadedSources:
    """The sources that loaded cleanly, and findings about every one that did not."""

    sources: tuple[Source, ...]
    findings: tuple[Finding, ...]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes, path: str) -> tuple[str | None, list[Finding]]:
    """The article's text as str, or None with a finding when it is not UTF-8 or is empty."""
    text, problems = decode_utf8(data, path)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [
            findings.error(path, 1, "the article is empty", "Paste the article's text into it.")
        ]
    return text, []


def _sidecar_problems(document: YamlDocument, path: str) -> list[Finding]:
    if not isinstance(document.data, dict):
        fields = ", ".join(load_schema(SOURCE_SCHEMA)["properties"])
        return [
            findings.error(
                path,
                1,
                "the sidecar is not a mapping of fields",
                f"Write one `field: value` per line; fields: {fields}.",
            )
        ]
    return schema_findings(document.data, document, path, SOURCE_SCHEMA)


def _sidecar_quote(document: YamlDocument, path: tuple[str | int, ...]) -> SidecarQuote | None:
    data: Any = document.data
    for key in path:
        data = data.get(key) if isinstance(data, dict) else data[key]
        if data is None:
            return None
    return SidecarQuote(
        quote=data["quote"],
        prefix=data.get("prefix", ""),
        suffix=data.get("suffix", ""),
        note=data.get("note"),
        line=document.line_of((*path, "quote")),
    )


def _claims(document: YamlDocument) -> tuple[Claim, ...]:
    return tuple(
        Claim(
            id=claim["id"],
            topic=claim["topic"],
            text=claim["text"],
            cite=_required_quote(document, ("claims", index, "cite")),
            line=document.line_of(("claims", index)),
        )
        for index, claim in enumerate(document.data.get("claims", []))
    )


def _quotations(document: YamlDocument) -> tuple[Quotation, ...]:
    return tuple(
        Quotation(
            speaker=quotation["speaker"],
            translation=quotation["translation"],
            cite=_required_quote(document, ("quotations", index, "cite")),
        )
        for index, quotation in enumerate(document.data.get("quotations", []))
    )


def _required_quote(document: YamlDocument, path: tuple[str | int, ...]) -> SidecarQuote:
    quote = _sidecar_quote(document, path)
    if quote is None:  # the schema requires it; this only tells the type checker
        raise ValueError(f"no quote at {path}")
    return quote


def parse_sidecar(
    text: str, path: str
) -> tuple[SourceMetadata | None, YamlDocument | None, list[Finding]]:
    """Metadata from a sidecar's text, or None with findings for every problem in it."""
    document, unparsed = parse_yaml_text(text, path)
    if document is None:
        return None, None, unparsed
    document = YamlDocument(iso_dates(document.data), document.lines)
    problems = _sidecar_problems(document, path)
    if problems:
        return None, document, problems
    data = document.data
    metadata = SourceMetadata(
        title=data["title"],
        language=data["language"],
        kind=data["kind"],
        outlet=data["outlet"],
        published=data["published"],
        url=data["url"],
        reports_cited=tuple(data["reports_cited"]),
        sha256=data["sha256"],
        notes=data.get("notes"),
        date_evidence=_sidecar_quote(document, ("date_evidence",)),
        abstract=data.get("abstract"),
        abstract_line=document.line_of(("abstract",)),
        claims=_claims(document),
        quotations=_quotations(document),
        translations=dict(data.get("translations") or {}),
        translations_line=document.line_of(("translations",)),
    )
    return metadata, document, []


def _seed_files(seeds: Path, root: Path) -> tuple[dict[str, dict[str, Path]], list[Finding]]:
    """Seed files grouped by id and suffix, with findings for anything that is not a seed."""
    grouped: dict[str, dict[str, Path]] = {}
    found = []
    for path in sorted(seeds.iterdir()):
        relative = path.relative_to(root).as_posix()
        if links_outside(path, seeds):
            found.append(
                findings.error(
                    relative,
                    1,
                    "a link to a file outside seeds/",
                    "Copy the article into seeds/ instead.",
                )
            )
        elif path.name.startswith(".") or path.is_dir() or path.name in SEEDS_DATA_FILES:
            continue
        elif path.suffix not in (TEXT_SUFFIX, SIDECAR_SUFFIX):
            found.append(
                findings.warning(
                    relative,
                    1,
                    f"not a seed file (suffix {path.suffix!r})",
                    "Seeds are NNN_<hash>.txt with a NNN_<hash>.yml sidecar; "
                    "move other files out of seeds/.",
                )
            )
        elif not RE_SOURCE_ID.match(path.stem):
            found.append(
                findings.error(
                    relative,
                    1,
                    f"{path.stem!r} is not a plain source name",
                    "Use letters, digits, '_' and '-' only, as in 000_7edff155f20879db.txt.",
                )
            )
        else:
            grouped.setdefault(path.stem, {})[path.suffix] = path
    return grouped, found


def load_source(
    source_id: str, text_file: Path, sidecar_file: Path, root: Path
) -> tuple[Source | None, list[Finding]]:
    """One source from its two files, or None with findings for every problem in them."""
    text_path = text_file.relative_to(root).as_posix()
    sidecar_path = sidecar_file.relative_to(root).as_posix()
    data = text_file.read_bytes()
    text, found = decode_text(data, text_path)
    sidecar_text, unreadable = read_text(sidecar_file, sidecar_path)
    if sidecar_text is None:
        return None, found + unreadable
    metadata, document, sidecar_found = parse_sidecar(sidecar_text, sidecar_path)
    found += sidecar_found
    actual = sha256_hex(data)
    if metadata is not None and document is not None and metadata.sha256 != actual:
        found.append(
            findings.error(
                sidecar_path,
                document.line_of(("sha256",)),
                f"sha256 {metadata.sha256} does not match {text_path}, which hashes to {actual}",
                f"If the text was changed on purpose, set `sha256: {actual}` and re-check "
                "its citations; otherwise restore the original text.",
            )
        )
    if text is None or metadata is None or found:
        return None, found
    source = Source(
        id=source_id,
        text_path=text_path,
        sidecar_path=sidecar_path,
        metadata=metadata,
        text=text,
        paragraphs=segment(text, metadata.language),
    )
    return source, found


def load_sources(root: Path) -> LoadedSources:
    """Every source under `root`/seeds, and a finding for each problem: never only the first."""
    seeds = root / SEEDS_DIRECTORY
    if not seeds.is_dir():
        return LoadedSources(
            (),
            (
                findings.error(
                    SEEDS_DIRECTORY,
                    1,
                    "no seeds/ folder",
                    "Create seeds/ and add an article to it.",
                ),
            ),
        )
    grouped, found = _seed_files(seeds, root)
    sources = []
    for source_id, files in sorted(grouped.items()):
        text_file, sidecar_file = files.get(TEXT_SUFFIX), files.get(SIDECAR_SUFFIX)
        if text_file is None and sidecar_file is not None:
            found.append(
                findings.error(
                    sidecar_file.relative_to(root).as_posix(),
                    1,
                    f"sidecar without its article: there is no seeds/{source_id}{TEXT_SUFFIX}",
                    "Add the article's text, or delete the sidecar if the source was removed.",
                )
            )
        elif sidecar_file is None and text_file is not None:
            found.append(
                findings.error(
                    text_file.relative_to(root).as_posix(),
                    1,
                    f"article without its sidecar: there is no seeds/{source_id}{SIDECAR_SUFFIX}",
                    f"Create it with title, language, outlet, published, url, reports_cited and "
                    f"`sha256: {sha256_hex(text_file.read_bytes())}`.",
                )
            )
        elif text_file is not None and sidecar_file is not None:
            source, source_found = load_source(source_id, text_file, sidecar_file, root)
            found += source_found
            if source is not None:
                sources.append(source)
    return LoadedSources(tuple(sources), tuple(found))


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
