"""Command-line adapter: check, render, diff, new-question and add-source, for a terminal."""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from dossier.checks import CheckedProject, check_project
from dossier.git_revisions import RevisionError, export_revision, history
from dossier.output import OutputError, check_output_folder, write_pages
from dossier.project_date import last_change_date
from dossier.register import REGISTER_DIRECTORY, RegisterError, load_categories, new_question_path
from dossier.register_diff import diff_states, read_state, render_diff
from dossier.render import new_question_text, new_sidecar_text, render_pages
from dossier.segmentation import SUPPORTED_LANGUAGES
from dossier.sources import (
    SEEDS_DIRECTORY,
    SIDECAR_SUFFIX,
    SOURCE_KINDS,
    TEXT_SUFFIX,
    SourceError,
    load_sources,
    plan_new_sources,
    sha256_hex,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PROJECT_MARKER = "mkdocs.yml"


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


def _print_findings(checked: CheckedProject) -> None:
    for finding in checked.findings:
        print(finding)
    print(
        f"dossier: {len(checked.sources)} source(s) loaded, "
        f"{len(checked.errors)} error(s), {len(checked.warnings)} warning(s)",
        file=sys.stderr,
    )


def run_check(root: Path, strict: bool, today: datetime.date) -> int:
    checked = check_project(root, today)
    _print_findings(checked)
    failed = checked.errors or (strict and checked.warnings)
    return EXIT_FINDINGS if failed else EXIT_OK


def run_render(root: Path, out: Path, replace: bool, today: datetime.date) -> int:
    try:
        check_output_folder(out, root, replace)
    except OutputError as exc:
        raise UsageError(str(exc)) from exc
    checked = check_project(root, today)
    if checked.errors:
        _print_findings(checked)
        print(f"dossier: nothing written to {out}", file=sys.stderr)
        return EXIT_FINDINGS
    changes = history(root, (REGISTER_DIRECTORY, SEEDS_DIRECTORY))
    pages = render_pages(checked, last_change_date(root, today), changes)
    write_pages(out, pages)
    print(f"dossier: wrote {len(pages)} page(s) to {out}", file=sys.stderr)
    return EXIT_OK


def run_new_question(root: Path, category: str, title: str, today: datetime.date) -> int:
    register = root / REGISTER_DIRECTORY
    categories, problems = load_categories(register, root)
    if problems:
        raise UsageError(str(problems[0]))
    try:
        target = new_question_path(register, categories, category, title)
    except RegisterError as exc:
        raise UsageError(str(exc)) from exc
    sources = load_sources(root).sources
    first_source = sources[0].id if sources else "SOURCE"
    content = new_question_text(title.strip(), category, today, first_source)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    print(target.relative_to(root).as_posix())
    print("dossier: fill in evidence, missing and watch, then run check", file=sys.stderr)
    return EXIT_OK


def run_add_source(root: Path, files: list[Path], language: str, kind: str) -> int:
    seeds = root / SEEDS_DIRECTORY
    if language not in SUPPORTED_LANGUAGES:
        raise UsageError(
            f"unknown language {language!r}; languages: {', '.join(SUPPORTED_LANGUAGES)}"
        )
    for file in files:
        if not file.is_file():
            raise UsageError(f"{file} is not a file")
    try:
        planned = plan_new_sources(seeds, [(str(file), file.read_bytes()) for file in files])
    except SourceError as exc:
        raise UsageError(f"nothing added: {exc}") from exc
    # Everything is written aside first, then moved in: a failure leaves seeds/ as it was.
    with tempfile.TemporaryDirectory(prefix=".dossier-add-", dir=root) as staging:
        for new in planned:
            sidecar = new_sidecar_text(language, kind, sha256_hex(new.data), new.original)
            (Path(staging) / f"{new.id}{TEXT_SUFFIX}").write_bytes(new.data)
            (Path(staging) / f"{new.id}{SIDECAR_SUFFIX}").write_text(sidecar, encoding="utf-8")
        for written in sorted(Path(staging).iterdir()):
            written.rename(seeds / written.name)
    for new in planned:
        print(f"{SEEDS_DIRECTORY}/{new.id}{TEXT_SUFFIX}")
    print(
        f"dossier: added {len(planned)} source(s); write a title and what the text says "
        "into each sidecar, then run check",
        file=sys.stderr,
    )
    return EXIT_OK


def run_diff(root: Path, base: str, head: str | None) -> int:
    folders = (REGISTER_DIRECTORY, SEEDS_DIRECTORY)
    with tempfile.TemporaryDirectory(prefix="dossier-diff-") as scratch:
        try:
            export_revision(root, base, folders, Path(scratch) / "base")
            after_root = root
            if head is not None:
                export_revision(root, head, folders, Path(scratch) / "head")
                after_root = Path(scratch) / "head"
        except RevisionError as exc:
            raise UsageError(str(exc)) from exc
        diff = diff_states(read_state(Path(scratch) / "base"), read_state(after_root))
    print(render_diff(diff, base, head or "the working tree"))
    return EXIT_OK


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
        description="Write the pages the site generates (those the MkDocs hook adds) to DIR.",
        epilog="Nothing is written when the project has errors. Exit status as for check.",
    )
    render.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder to write the pages to"
    )
    render.add_argument(
        "--replace", action="store_true", help="overwrite DIR when an earlier render wrote it"
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
        epilog="HEAD defaults to the working tree. Exit status: 0 reported, 2 unknown revision.",
    )
    diff.add_argument("base", metavar="BASE", help="a git revision, e.g. origin/main")
    diff.add_argument(
        "head", metavar="HEAD", nargs="?", help="a git revision (default: the working tree)"
    )

    add_source.add_argument("files", nargs="+", type=Path, metavar="FILE", help="article text")
    add_source.add_argument(
        "--language",
        required=True,
        help=f"the articles' language: {', '.join(SUPPORTED_LANGUAGES)}",
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
    # The one reading of the clock: everything below is given the date.
    today = datetime.date.today()
    try:
        root = arguments.root or find_project_root(Path.cwd())
        if not (root / PROJECT_MARKER).is_file():
            raise UsageError(f"--root {root} holds no {PROJECT_MARKER}; pass the project folder")
        if arguments.command == "check":
            return run_check(root, arguments.strict, today)
        if arguments.command == "new-question":
            return run_new_question(root, arguments.category, arguments.title, today)
        if arguments.command == "add-source":
            return run_add_source(root, arguments.files, arguments.language, arguments.kind)
        if arguments.command == "diff":
            return run_diff(root, arguments.base, arguments.head)
        return run_render(root, arguments.out, arguments.replace, today)
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {exc}\n")
