"""The project's history in git: its files at a revision, and the commits that changed them."""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import re
import subprocess
import tarfile
from pathlib import Path

from dossier.load.register_state import question_edit
from dossier.model.history import (
    HistoryEntry,
    ProjectHistory,
    QuestionEdit,
    SourceTextChange,
    StatusChange,
    Tag,
)
from dossier.site import (
    REGISTER_DIRECTORY,
    SEEDS_DIRECTORY,
    TEXT_SUFFIX,
    question_id_of_file,
    source_id_of_file,
)

# The folders whose commits the register's history page lists.
HISTORY_FOLDERS = (REGISTER_DIRECTORY, SEEDS_DIRECTORY)
# How many of those commits are read, newest first.
HISTORY_LIMIT = 200
# The revision everything is read at unless another is asked for.
HEAD = "HEAD"
RE_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def resolve_as_of(root: Path, revision: str) -> str:
    """The commit `revision` names: a tag, a branch, a commit, or a day (YYYY-MM-DD).

    A day names the last commit, among HEAD's, whose committer date is on or before it.
    RevisionError, naming the revision and how to list the tags, when there is none.
    """
    try:
        return resolve_revision(root, revision)
    except RevisionError:
        if not RE_DAY.fullmatch(revision):
            raise RevisionError(
                f"unknown revision {revision!r}: name a tag (`git tag` lists them), "
                "a date YYYY-MM-DD or a commit"
            ) from None
    try:
        day = datetime.date.fromisoformat(revision).isoformat()
        log = _git(root, "log", "--format=%H %ct %cs", HEAD).decode().split("\n")
    except (RevisionError, ValueError):
        log = []
    on_or_before = [line.split(" ") for line in log if line and line.split(" ")[2] <= day]
    if not on_or_before:
        raise RevisionError(
            f"no commit on or before {revision!r}: name a later date, a tag "
            "(`git tag` lists them) or a commit"
        )
    return max(on_or_before, key=lambda fields: int(fields[1]))[0]


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
        if hasattr(tarfile, "data_filter"):
            tar.extractall(destination, filter="data")
        else:
            # Python 3.11 before 3.11.4 (Debian 12's) has no extraction filters; git archive
            # writes plain files under the folders asked for, so nothing can leave them.
            tar.extractall(destination)


def _log(root: Path, limit: int, *options: str) -> bytes:
    """`git log` of the latest `limit` commits, read the same way whatever the user's git
    configuration says: paths unquoted, no colour."""
    return _git(root, "-c", "core.quotePath=false", "log", f"-n{limit}", "--no-color", *options)


def _read_blobs(root: Path, blob_ids: set[str]) -> dict[str, bytes]:
    """The content of each blob, by the id asked for (full or abbreviated), from one
    `git cat-file --batch`; missing ones left out."""
    if not blob_ids:
        return {}
    asked = sorted(blob_ids)
    result = subprocess.run(
        ["git", "cat-file", "--batch"],
        cwd=root,
        # A partial clone would fetch missing blobs over the network; history does without them.
        env={**os.environ, "GIT_NO_LAZY_FETCH": "1"},
        input="".join(f"{blob_id}\n" for blob_id in asked).encode(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise RevisionError(result.stderr.decode("utf-8", "replace").strip() or "git cat-file")
    # One answer per line asked, in order: a header and the content, or `<id> missing`.
    blobs: dict[str, bytes] = {}
    output, position = result.stdout, 0
    for blob_id in asked:
        end = output.index(b"\n", position)
        header = output[position:end].decode().split(" ")
        position = end + 1
        if len(header) == 3:
            size = int(header[2])
            blobs[blob_id] = output[position : position + size]
            position += size + 1
    return blobs


def _is_source_text(path: str) -> bool:
    return path.endswith(TEXT_SUFFIX) and source_id_of_file(path) is not None


def _is_absent(blob_id: str) -> bool:
    """Whether git's raw diff names no blob: the side of an added or removed file."""
    return not blob_id.strip("0")


def history(
    root: Path, folders: tuple[str, ...], limit: int = HISTORY_LIMIT, revision: str = HEAD
) -> tuple[HistoryEntry, ...]:
    """The latest commits up to `revision` touching `folders`, newest first.

    Each question file a commit changed is read before and after it, for its status, the
    front-matter fields that changed, its evidence and its review pins; each source text, for its
    sha256 and its text (which the watch terms match). None outside a git checkout.
    """
    try:
        output = _log(
            root,
            limit,
            "--format=%x1e%h%x1f%cs%x1f%H%x1f%cI%x1f%s",
            # Blob ids abbreviated, as %h is: --no-abbrev would lengthen both. The root commit's
            # files and renames are listed whatever log.showRoot and diff.renames say.
            "--raw",
            "--root",
            "--find-renames",
            revision,
            "--",
            *folders,
        ).decode("utf-8", "replace")
    except (RevisionError, OSError, subprocess.SubprocessError):
        return ()
    # Per commit: its header, then (status letter, old blob, new blob, old path, new path).
    commits: list[tuple[list[str], list[tuple[str, str, str, str, str]]]] = []
    for record in output.split("\x1e")[1:]:
        header, _, files = record.partition("\n")
        raw = []
        for line in files.splitlines():
            if not line.startswith(":") or "\t" not in line:
                continue
            meta, *paths = line.split("\t")
            fields = meta.split(" ")
            raw.append((fields[4][:1], fields[2], fields[3], paths[0], paths[-1]))
        commits.append((header.split("\x1f", 4), raw))
    wanted = {
        blob_id
        for _, raw in commits
        for _, old, new, old_path, path in raw
        for blob_id, blob_path in ((old, old_path), (new, path))
        if not _is_absent(blob_id)
        and (question_id_of_file(blob_path) is not None or _is_source_text(blob_path))
    }
    try:
        blobs = _read_blobs(root, wanted)
    except (RevisionError, OSError, subprocess.SubprocessError):
        blobs = {}
    # Each source text's blob decoded once: a text unchanged between commits is one string.
    decoded = {
        blob_id: blobs[blob_id].decode("utf-8", "replace")
        for _, raw in commits
        for _, old, new, _, path in raw
        if _is_source_text(path)
        for blob_id in (old, new)
        if blob_id in blobs
    }
    entries = []
    for (commit, date, commit_id, timestamp, subject), raw in commits:
        edits: list[QuestionEdit] = []
        statuses: list[StatusChange] = []
        texts: list[SourceTextChange] = []
        for _, old, new, _, path in raw:
            if question_id_of_file(path) is not None:
                if any(not _is_absent(blob) and blob not in blobs for blob in (old, new)):
                    continue  # unreadable, which is not the same as added or removed
                edit, status = question_edit(path, blobs.get(old), blobs.get(new))
                edits.append(edit)
                if status is not None:
                    statuses.append(status)
            elif _is_source_text(path):
                texts.append(
                    SourceTextChange(
                        source_id_of_file(path) or "",
                        hashlib.sha256(blobs[old]).hexdigest() if old in blobs else None,
                        hashlib.sha256(blobs[new]).hexdigest() if new in blobs else None,
                        decoded.get(old),
                        decoded.get(new),
                    )
                )
        entries.append(
            HistoryEntry(
                commit,
                date,
                subject,
                tuple((letter, path) for letter, _, _, _, path in raw),
                commit_id,
                timestamp,
                tuple(statuses),
                tuple(edits),
                tuple(texts),
            )
        )
    return tuple(entries)


def last_change_date(root: Path, revision: str = HEAD) -> datetime.date | None:
    """The committer date of the last commit up to `revision`, or None outside a git checkout."""
    try:
        return datetime.date.fromisoformat(
            _git(root, "log", "-1", "--format=%cs", revision).decode().strip()
        )
    except (RevisionError, OSError, subprocess.SubprocessError, ValueError):
        return None


def is_shallow(root: Path) -> bool:
    """Whether `root` is a shallow clone, whose history stops short of the first commit."""
    try:
        return _git(root, "rev-parse", "--is-shallow-repository").strip() == b"true"
    except (RevisionError, OSError):
        return False


def tags(root: Path, revision: str = HEAD) -> tuple[Tag, ...]:
    """The tags on `revision` and the commits before it, newest first; none outside git."""
    try:
        names = (
            _git(
                root,
                "for-each-ref",
                f"--merged={revision}",
                "--format=%(refname:strip=2)",
                "refs/tags",
            )
            .decode("utf-8", "replace")
            .split()
        )
        if not names:
            return ()
        commits = (
            _git(root, "rev-parse", *(f"refs/tags/{name}^{{commit}}" for name in names))
            .decode()
            .split()
        )
        shown = _git(root, "show", "-s", "--format=%H %h %cs %ct", *sorted(set(commits)))
    except (RevisionError, OSError):
        return ()
    # By full hash: (abbreviated hash, date, time stamp).
    details = {line.split(" ")[0]: line.split(" ")[1:] for line in shown.decode().splitlines()}
    found = [
        (int(details[commit][2]), Tag(name, details[commit][1], details[commit][0]))
        for name, commit in zip(names, commits, strict=True)
    ]
    return tuple(tag for _, tag in sorted(found, key=lambda item: (-item[0], item[1].name)))


def project_history(root: Path, revision: str = HEAD) -> ProjectHistory:
    """What the core needs from git, up to `revision`: the register's commits, the date of the
    last commit and the tags.

    `partial` when git holds only part of them: a shallow clone, or more than HISTORY_LIMIT.
    """
    changes = history(root, HISTORY_FOLDERS, revision=revision)
    partial = is_shallow(root) or len(changes) >= HISTORY_LIMIT
    return ProjectHistory(changes, last_change_date(root, revision), partial, tags(root, revision))


def export_for_diff(root: Path, base: str, head: str | None, scratch: Path) -> tuple[Path, Path]:
    """The register and sources at `base` and at `head` (default: the working tree), as folders.

    Both are written under `scratch`; RevisionError names a revision git does not know.
    """
    export_revision(root, base, HISTORY_FOLDERS, scratch / "base")
    if head is None:
        return scratch / "base", root
    export_revision(root, head, HISTORY_FOLDERS, scratch / "head")
    return scratch / "base", scratch / "head"
