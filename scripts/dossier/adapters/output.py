"""Write files for the commands: all of them or none, and rendered pages never over the project."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

# Folders of the project that only people write.
PROTECTED_FOLDERS = ("docs", "seeds")
# Left in every folder render writes, so that replacing only ever deletes such a folder.
RENDER_MARKER = ".dossier-render"


class OutputError(ValueError):
    """A folder the pages cannot be written to, with what to do instead."""


def check_output_folder(out: Path, root: Path, replace: bool) -> None:
    """Raise OutputError unless `out` is new, empty, or an earlier render that may be replaced."""
    target, project = out.resolve(), root.resolve()
    if project.is_relative_to(target):
        raise OutputError(f"--out {out} holds the project itself; choose a folder of its own")
    for folder in PROTECTED_FOLDERS:
        if target.is_relative_to((root / folder).resolve()):
            raise OutputError(
                f"--out {out} is inside {folder}/, which render never writes to; "
                "choose another folder"
            )
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file; choose a folder")
    if out.is_dir() and any(out.iterdir()):
        if not (out / RENDER_MARKER).is_file():
            raise OutputError(
                f"--out {out} is not empty and was not written by render; choose a new folder"
            )
        if not replace:
            raise OutputError(
                f"--out {out} holds an earlier render; pass --replace to overwrite it"
            )


def write_pages(out: Path, pages: Mapping[str, str]) -> None:
    """Write `pages` ({path: Markdown}) into `out`, set aside first and then swapped in."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for path, content in pages.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        (staging / RENDER_MARKER).write_text(
            "Written by python -m dossier render.\n", encoding="utf-8"
        )
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_new_files(files: Mapping[Path, bytes]) -> None:
    """Create `files`, each beside its target first and then moved in, so a failure leaves none.

    The targets' folders are created as needed; an existing target is replaced.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            staged.append((Path(name), target))
        for written, target in staged:
            written.replace(target)
    finally:
        for written, _ in staged:
            written.unlink(missing_ok=True)
