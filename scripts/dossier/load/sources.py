"""Load the seed articles: each text with its sidecar, checksum verified, text segmented."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from dossier.load.segmentation import segment
from dossier.load.sidecars import parse_sidecar
from dossier.load.textfiles import decode_utf8, links_outside, read_text
from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.sources import RE_SOURCE_ID, Source
from dossier.site import SEEDS_DATA_FILES, SEEDS_DIRECTORY, SIDECAR_SUFFIX, TEXT_SUFFIX


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


# Enough for every source of a large dossier, twice over; past it, the least recently used go.
PARSED_SOURCES_KEPT = 16_384


def load_source(
    source_id: str, text_file: Path, sidecar_file: Path, root: Path
) -> tuple[Source | None, tuple[Finding, ...]]:
    """One source from its two files, or None with findings for every problem in them."""
    text_path = text_file.relative_to(root).as_posix()
    sidecar_path = sidecar_file.relative_to(root).as_posix()
    data = text_file.read_bytes()
    sidecar_text, unreadable = read_text(sidecar_file, sidecar_path)
    if sidecar_text is None:
        _, found = decode_text(data, text_path)
        return None, (*found, *unreadable)
    return parse_source(source_id, text_path, sidecar_path, data, sidecar_text)


# Pure, and its arguments are all it reads: `mkdocs serve` keeps the package's modules between
# rebuilds, so a source whose files are unchanged is not parsed, checked and segmented again.
@functools.lru_cache(maxsize=PARSED_SOURCES_KEPT)
def parse_source(
    source_id: str, text_path: str, sidecar_path: str, data: bytes, sidecar_text: str
) -> tuple[Source | None, tuple[Finding, ...]]:
    """The source that the text's bytes and the sidecar's text make, or None with findings."""
    text, found = decode_text(data, text_path)
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
        return None, tuple(found)
    source = Source(
        id=source_id,
        text_path=text_path,
        sidecar_path=sidecar_path,
        metadata=metadata,
        text=text,
        paragraphs=segment(text, metadata.language),
    )
    return source, ()


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
