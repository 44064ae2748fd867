"""The project's history in git: its files at a revision, and the commits that changed them."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
import tarfile
from pathlib import Path

from dossier.model.history import HistoryEntry, ProjectHistory, StatusChange, Tag
from dossier.site import REGISTER_DIRECTORY, SEEDS_DIRECTORY, question_id_of_file

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


def history(
    root: Path, folders: tuple[str, ...], limit: int = HISTORY_LIMIT, revision: str = HEAD
) -> tuple[HistoryEntry, ...]:
    """The latest commits up to `revision` touching `folders`, newest first.

    None outside a git checkout.
    """
    try:
        output = _log(
            root,
            limit,
            "--format=%x1e%h%x1f%cs%x1f%H%x1f%cI%x1f%s",
            "--name-status",
            revision,
            "--",
            *folders,
        ).decode("utf-8", "replace")
        statuses = status_changes(root, limit, revision)
    except (RevisionError, OSError):
        return ()
    entries = []
    for record in output.split("\x1e")[1:]:
        header, _, files = record.partition("\n")
        commit, date, commit_id, timestamp, subject = header.split("\x1f", 4)
        changed = tuple(
            (line.split("\t")[0][:1], line.split("\t")[-1])
            for line in files.splitlines()
            if "\t" in line
        )
        entries.append(
            HistoryEntry(
                commit, date, subject, changed, commit_id, timestamp, statuses.get(commit_id, ())
            )
        )
    return tuple(entries)


def _status_value(line: str) -> str:
    """`open` from a front-matter line such as `+status: "open"  # a comment`."""
    value = line[len("+status:") :].split(" #", 1)[0].strip()
    return value.strip("'\"")


def status_changes(
    root: Path, limit: int = HISTORY_LIMIT, revision: str = HEAD
) -> dict[str, tuple[StatusChange, ...]]:
    """The `status:` lines each of the latest commits to the register changed, by full hash.

    Read from the commits' patches, so one `git log` serves the whole history; a question's
    front matter holds its status on one top-level `status:` line (question.schema.json).
    """
    output = _log(
        root,
        limit,
        "--format=%x1e%H",
        "--patch",
        "--unified=0",
        # The parser reads `--- a/` and `+++ b/`, whatever the user's diff.noprefix says.
        "--src-prefix=a/",
        "--dst-prefix=b/",
        "--no-ext-diff",
        "--no-renames",
        revision,
        "--",
        REGISTER_DIRECTORY,
    ).decode("utf-8", "replace")
    changes: dict[str, tuple[StatusChange, ...]] = {}
    for record in output.split("\x1e")[1:]:
        commit_id, _, patch = record.partition("\n")
        found: list[StatusChange] = []
        for file_patch in patch.split("\ndiff --git ")[1:]:
            header, _, hunks = file_patch.partition("\n@@")
            old = new = None
            for line in header.splitlines():
                if line.startswith("--- ") and line != "--- /dev/null":
                    old = line[len("--- a/") :]
                elif line.startswith("+++ ") and line != "+++ /dev/null":
                    new = line[len("+++ b/") :]
            path = new or old
            if path is None or question_id_of_file(path) is None:
                continue
            lines = hunks.splitlines()
            before = next((_status_value(x) for x in lines if x.startswith("-status:")), None)
            after = next((_status_value(x) for x in lines if x.startswith("+status:")), None)
            if before != after:
                found.append(StatusChange(path, before, after))
        changes[commit_id.strip()] = tuple(found)
    return changes


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
