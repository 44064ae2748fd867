"""Read the project's files as they were at a git revision, for comparing two states of it."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class RevisionError(ValueError):
    """A revision git does not know, or a folder that is not a git checkout."""


def _git(root: Path, *arguments: str) -> bytes:
    result = subprocess.run(
        ["git", *arguments], cwd=root, capture_output=True, timeout=120, check=False
    )
    if result.returncode != 0:
        raise RevisionError(
            result.stderr.decode("utf-8", "replace").strip() or f"git {arguments[0]} failed"
        )
    return result.stdout


def resolve_revision(root: Path, revision: str) -> str:
    """The commit `revision` names; RevisionError when git knows no such commit."""
    try:
        return (
            _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
            .decode()
            .strip()
        )
    except RevisionError as exc:
        raise RevisionError(
            f"unknown revision {revision!r}; name a branch, tag or commit that git knows "
            "(`git log --oneline` lists commits)"
        ) from exc


def export_revision(root: Path, revision: str, folders: tuple[str, ...], destination: Path) -> None:
    """Write `folders` as they were at `revision` into `destination`, skipping absent ones."""
    commit = resolve_revision(root, revision)
    present = [
        folder
        for folder in folders
        if _git(root, "ls-tree", "--name-only", commit, "--", folder).strip()
    ]
    if not present:
        return
    archive = _git(root, "archive", "--format=tar", commit, "--", *present)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
