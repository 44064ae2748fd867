"""`make snapshot`: the site as it stood at a revision, built by MkDocs into a folder of its own.

Run as `python -m dossier.adapters.snapshot REV DIR`. The pages come from `render --as-of REV`;
MkDocs builds them with the revision's mkdocs.yml, overrides/ and the rest of its docs/ (styles
and scripts), and the hook leaves the rendered pages as they are.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from dossier.adapters.cli import EXIT_OK, EXIT_USAGE, UsageError, find_project_root, run_render
from dossier.adapters.git import RevisionError, export_revision, resolve_as_of

# What MkDocs needs of the revision besides the rendered pages.
SITE_INPUTS = ("mkdocs.yml", "docs", "overrides")
# The code that renders is today's: the revision's mkdocs.yml names the hook under scripts/.
CODE_FOLDER = "scripts"


def build_snapshot(root: Path, revision: str, destination: Path) -> int:
    """Build the site as it stood at `revision` into `destination`, replacing an earlier build.

    Nothing is written to `destination` when the revision is unknown or a step fails.
    """
    try:
        commit = resolve_as_of(root, revision)
    except RevisionError as exc:
        print(f"snapshot: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with tempfile.TemporaryDirectory(prefix="dossier-snapshot-") as scratch:
        project, pages = Path(scratch) / "project", Path(scratch) / "pages"
        export_revision(root, commit, SITE_INPUTS, project)
        try:
            status = run_render(root, pages, False, commit)
        except UsageError as exc:
            print(f"snapshot: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if status != EXIT_OK:
            return status
        # The rendered pages replace the hand-written ones; the marker tells the hook so.
        shutil.copytree(pages, project / "docs", dirs_exist_ok=True)
        (project / CODE_FOLDER).symlink_to((root / CODE_FOLDER).resolve())
        partial = Path(scratch) / "site"
        built = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(partial)],
            cwd=project,
            check=False,
        )
        if built.returncode != 0:
            print(f"snapshot: error: mkdocs could not build {revision}", file=sys.stderr)
            return built.returncode
        if destination.exists():
            shutil.rmtree(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(partial, destination)
    print(f"snapshot: the site as it stood at {revision} ({commit[:12]}) is in {destination}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if len(arguments) != 2 or not arguments[0]:
        print(
            "snapshot: error: name a revision: make snapshot REV=<tag, YYYY-MM-DD or commit> "
            "(`git tag` lists the tags)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    revision, destination = arguments
    try:
        root = find_project_root(Path.cwd())
    except UsageError as exc:
        print(f"snapshot: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return build_snapshot(root, revision, Path(destination))


if __name__ == "__main__":
    sys.exit(main())
