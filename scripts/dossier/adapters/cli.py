"""Command-line adapter: check, render, diff, new-question, add-source, review, for a terminal."""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from dossier.adapters.git import (
    RevisionError,
    export_for_diff,
    export_revision,
    project_history,
    resolve_as_of,
)
from dossier.adapters.output import OutputError, check_output_folder, write_new_files, write_pages
from dossier.build import Build, build
from dossier.checks.lifecycle import lifecycle_findings
from dossier.checks.register_diff import diff_states
from dossier.checks.review import review_pins
from dossier.load.new_files import RegisterError, SourceError, new_question_path, plan_new_sources
from dossier.load.project import load_project
from dossier.load.register import load_categories
from dossier.load.register_state import read_state
from dossier.load.sources import load_sources
from dossier.load.textfiles import read_text
from dossier.model.history import ProjectHistory
from dossier.model.sources import Source
from dossier.model.vocabulary import LANGUAGES, SOURCE_KINDS
from dossier.render.new_files import new_question_text, new_source_files
from dossier.render.register_diff import render_diff
from dossier.render.review import PinError, pinned_question_text
from dossier.site import REGISTER_DIRECTORY, SEEDS_DIRECTORY, TEXT_SUFFIX

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PROJECT_MARKER = "mkdocs.yml"
# What `render --as-of` takes from the revision: everything the pipeline reads.
PROJECT_INPUTS = (PROJECT_MARKER, "docs", SEEDS_DIRECTORY)


class UsageError(Exception):
    """The command line cannot be carried out as given; exits with status 2."""


def find_project_root(start: Path) -> Path:
    """The nearest folder, from `start` upwards, that holds mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / PROJECT_MARKER).is_file():
            return folder
    raise UsageError(
        f"no {PROJECT_MARKER} in {start} or any folder above it; "
        "run inside the project or pass --root"
    )


def _print_findings(result: Build) -> None:
    for finding in result.findings:
        print(finding)
    errors = result.failures(strict=False)
    print(
        f"dossier: {len(result.project.sources)} source(s) loaded, "
        f"{len(errors)} error(s), {len(result.findings) - len(errors)} warning(s)",
        file=sys.stderr,
    )


def _build(root: Path, history: ProjectHistory) -> Build:
    # The clock is read here, at the edge, and handed to the core.
    return build(root, today=datetime.date.today(), history=history)


def run_check(root: Path, strict: bool) -> int:
    # No history: check writes no pages, and git is not asked for what it would not use.
    result = _build(root, ProjectHistory())
    _print_findings(result)
    return EXIT_FINDINGS if result.failures(strict=strict) else EXIT_OK


def run_render(root: Path, out: Path, replace: bool, as_of: str | None = None) -> int:
    if as_of is None:
        return _render(root, root, project_history(root), out, replace)
    try:
        commit = resolve_as_of(root, as_of)
    except RevisionError as exc:
        raise UsageError(str(exc)) from exc
    with tempfile.TemporaryDirectory(prefix="dossier-as-of-") as scratch:
        # The revision's files, read by the same build() as a checkout of it would be.
        export_revision(root, commit, PROJECT_INPUTS, Path(scratch))
        return _render(Path(scratch), root, project_history(root, commit), out, replace)


def _render(files: Path, root: Path, history: ProjectHistory, out: Path, replace: bool) -> int:
    """Build the project whose files are in `files` with `history`, and write its pages to `out`.

    `root` is the project's folder, which `out` must stay out of.
    """
    try:
        check_output_folder(out, root, replace)
    except OutputError as exc:
        raise UsageError(str(exc)) from exc
    result = _build(files, history)
    if result.failures(strict=False):
        _print_findings(result)
        print(f"dossier: nothing written to {out}", file=sys.stderr)
        return EXIT_FINDINGS
    write_pages(out, result.pages)
    print(f"dossier: wrote {len(result.pages)} page(s) to {out}", file=sys.stderr)
    return EXIT_OK


def run_new_question(root: Path, category: str, title: str) -> int:
    register = root / REGISTER_DIRECTORY
    categories, problems = load_categories(register, root)
    if problems:
        raise UsageError("; ".join(str(problem) for problem in problems))
    try:
        target = new_question_path(register, categories, category, title)
    except RegisterError as exc:
        raise UsageError(str(exc)) from exc
    content = new_question_text(
        title.strip(), category, datetime.date.today(), load_sources(root).sources
    )
    write_new_files({target: content.encode()})
    print(target.relative_to(root).as_posix())
    print("dossier: fill in evidence, missing and watch, then run check", file=sys.stderr)
    return EXIT_OK


def run_add_source(root: Path, files: list[Path], language: str, kind: str) -> int:
    for file in files:
        if not file.is_file():
            raise UsageError(f"{file} is not a file")
    try:
        planned = plan_new_sources(
            root / SEEDS_DIRECTORY, [(str(file), file.read_bytes()) for file in files], language
        )
    except SourceError as exc:
        raise UsageError(f"nothing added: {exc}") from exc
    written = new_source_files(planned, language, kind)
    write_new_files({root / path: data for path, data in written.items()})
    print("\n".join(path for path in written if path.endswith(TEXT_SUFFIX)))
    print(
        f"dossier: added {len(planned)} source(s); write a title and what the text says "
        "into each sidecar, then run check",
        file=sys.stderr,
    )
    return EXIT_OK


def run_review(root: Path, question_id: str) -> int:
    """Pin every source the question cites or lists to its text now, in its file alone."""
    loaded = load_project(root)
    question = next((q for q in loaded.questions if q.id == question_id), None)
    if question is None:
        raise UsageError(
            f"no question {question_id!r}: give its id, its path under docs/register/ without "
            ".md (e.g. crypto-scheme/key-custody); `python -m dossier check` names each question "
            "that needs re-review, and a file that does not load is reported there too"
        )
    pins = review_pins(question, loaded.citations, loaded.sources)
    target = root / question.path
    text, unreadable = read_text(target, question.path)
    if text is None:
        raise UsageError("; ".join(str(problem) for problem in unreadable))
    try:
        content = pinned_question_text(text, pins)
    except PinError as exc:
        raise UsageError(f"{question.path} left as it was: {exc}") from exc
    if content != text:
        write_new_files({target: content.encode()})
    for pin in pins:
        print(f"{question_id}: pinned {pin.source} at {pin.sha256}")
    print(f"dossier: {question.path}: reviewed: pins {len(pins)} source(s)", file=sys.stderr)
    return EXIT_OK


def _sources(root: Path) -> dict[str, Source]:
    return {source.id: source for source in load_sources(root).sources}


def run_diff(
    root: Path, base: str, head: str | None, check: bool = False, site_url: str = ""
) -> int:
    with tempfile.TemporaryDirectory(prefix="dossier-diff-") as scratch:
        try:
            before_root, after_root = export_for_diff(root, base, head, Path(scratch))
        except RevisionError as exc:
            raise UsageError(str(exc)) from exc
        before, after = read_state(before_root), read_state(after_root)
        diff = diff_states(before, after, _sources(before_root), _sources(after_root))
    broken = tuple(lifecycle_findings(before, after))
    print(render_diff(diff, base, head or "the working tree", broken, site_url))
    if not check:
        return EXIT_OK
    for finding in broken:
        print(finding, file=sys.stderr)
    print(f"dossier: {len(broken)} lifecycle rule(s) broken", file=sys.stderr)
    return EXIT_FINDINGS if broken else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dossier",
        description="Check the dossier's sources and write its generated pages.",
        epilog="Exit status: 0 all good, 1 findings (or errors), 2 usage error.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--root",
        type=Path,
        help="the project folder (default: the nearest folder upwards holding mkdocs.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        parents=[common],
        help="run every check and print all findings",
        description="Run every check; print all findings as `path:line: severity: message. hint.`",
        epilog="Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.",
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")

    render = commands.add_parser(
        "render",
        parents=[common],
        help="write the generated pages to a folder",
        description="Write every page of the site to DIR, as the MkDocs hook gives them to MkDocs: "
        "the generated pages, the hand-written ones with their citations linked, and the "
        "downloads (register.json, register.csv, annotations.jsonld, changes.xml).",
        epilog="Nothing is written when the project has errors. Exit status as for check; "
        "2 too for a revision git does not know.",
    )
    render.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder to write the pages to"
    )
    render.add_argument(
        "--replace", action="store_true", help="overwrite DIR when an earlier render wrote it"
    )
    render.add_argument(
        "--as-of",
        metavar="REV",
        help="render the project as it stood at REV: a tag (`git tag` lists them), a date "
        "YYYY-MM-DD (the last commit on or before that day) or a commit; ages count to its "
        "commit, and the history lists the commits up to it",
    )

    new_question = commands.add_parser(
        "new-question",
        parents=[common],
        help="start a question of the register from a template",
        description="Write docs/register/CATEGORY/<slug>.md from a template, dated today, "
        "with a slug made from the title.",
        epilog="Refuses an unknown category and a slug that exists. Exit status: 0 written, "
        "2 refused.",
    )
    new_question.add_argument("category", help="the category's slug, e.g. crypto-scheme")
    new_question.add_argument("title", help='the question, e.g. "Who can revoke the keys?"')

    add_source = commands.add_parser(
        "add-source",
        parents=[common],
        help="copy articles into seeds/ with a sidecar each",
        description="Copy each FILE into seeds/ as NNN_<first 16 hex of its sha256>.txt, numbered "
        "after the last seed, with a sidecar holding its checksum and nulls to fill in.",
        epilog="Refuses, writing nothing, a file that is not UTF-8 text, is empty, or is already "
        "a seed. Exit status: 0 added, 2 refused.",
    )
    diff = commands.add_parser(
        "diff",
        parents=[common],
        help="report what changed in the register between two git revisions",
        description="Print, as Markdown, what changed in the register and the sources from BASE "
        "to HEAD: questions added and removed, status, priority, evidence and answer changes, "
        "other fields one by one, and sources added or changed.",
        epilog="HEAD defaults to the working tree. Exit status: 0 reported (with --check: and "
        "no lifecycle rule broken), 1 with --check when a rule is broken, 2 unknown revision.",
    )
    diff.add_argument(
        "--check",
        action="store_true",
        help="fail when a status change breaks the lifecycle, or a question is removed or renamed",
    )
    diff.add_argument(
        "--site-url",
        default="",
        metavar="URL",
        help="link quotes to their sentences on the site at URL, e.g. a preview "
        "(default: links relative to the site's root)",
    )
    diff.add_argument("base", metavar="BASE", help="a git revision, e.g. origin/main")
    diff.add_argument(
        "head", metavar="HEAD", nargs="?", help="a git revision (default: the working tree)"
    )

    review = commands.add_parser(
        "review",
        parents=[common],
        help="pin the sources of one question you have read again",
        description="Rewrite the `reviewed:` block of QUESTION's front matter, and nothing else, "
        "pinning each source it cites or lists to the sha256 of its text now: run it after "
        "reading the question again against sources that changed, which clears its "
        "'needs re-review' mark.",
        epilog="Exit status: 0 pinned, 2 unknown question or a file that cannot be rewritten.",
    )
    review.add_argument(
        "question", metavar="QUESTION", help="the question's id, e.g. crypto-scheme/key-custody"
    )

    add_source.add_argument("files", nargs="+", type=Path, metavar="FILE", help="article text")
    add_source.add_argument(
        "--language",
        required=True,
        help=f"the articles' language: {', '.join(LANGUAGES)}",
    )
    add_source.add_argument(
        "--kind",
        choices=SOURCE_KINDS,
        default="news",
        help="news (the default), primary (an official document) or analysis",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        root = arguments.root or find_project_root(Path.cwd())
        if not (root / PROJECT_MARKER).is_file():
            raise UsageError(f"--root {root} holds no {PROJECT_MARKER}; pass the project folder")
        commands: dict[str, Callable[[], int]] = {
            "check": lambda: run_check(root, arguments.strict),
            "render": lambda: run_render(root, arguments.out, arguments.replace, arguments.as_of),
            "new-question": lambda: run_new_question(root, arguments.category, arguments.title),
            "add-source": lambda: run_add_source(
                root, arguments.files, arguments.language, arguments.kind
            ),
            "review": lambda: run_review(root, arguments.question),
            "diff": lambda: run_diff(
                root, arguments.base, arguments.head, arguments.check, arguments.site_url
            ),
        }
        return commands[arguments.command]()
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {exc}\n")
