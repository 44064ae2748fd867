"""The files `new-question` and `add-source` start people off with, from templates."""

from __future__ import annotations

import datetime

from dossier.model.sources import NewSource, Source
from dossier.render.templating import environment as make_environment
from dossier.site import SEEDS_DIRECTORY, SIDECAR_SUFFIX, TEXT_SUFFIX


def new_question_text(
    title: str, category: str, today: datetime.date, sources: tuple[Source, ...]
) -> str:
    """A new question file for `new-question`: every field present, placeholders to replace.

    Its evidence names the first source, or the placeholder `SOURCE` in a project with none.
    """
    source_id = sources[0].id if sources else "SOURCE"
    return (
        make_environment()
        .get_template("new_question.md.j2")
        .render(title=title, category=category, today=today.isoformat(), source_id=source_id)
    )


def new_sidecar_text(language: str, kind: str, sha256: str, original: str) -> str:
    """The sidecar `add-source` writes: the checksum, and null for all the text has not told yet."""
    return (
        make_environment()
        .get_template("new_sidecar.yml.j2")
        .render(language=language, kind=kind, sha256=sha256, original=original)
    )


def new_source_files(planned: list[NewSource], language: str, kind: str) -> dict[str, bytes]:
    """What `add-source` writes for each new article: its text and its sidecar, by project path."""
    files: dict[str, bytes] = {}
    for new in planned:
        sidecar = new_sidecar_text(language, kind, new.sha256, new.original)
        files[f"{SEEDS_DIRECTORY}/{new.id}{TEXT_SUFFIX}"] = new.data
        files[f"{SEEDS_DIRECTORY}/{new.id}{SIDECAR_SUFFIX}"] = sidecar.encode()
    return files
