"""Shared fixtures: the real project, and small example projects built in tmp_path."""

from __future__ import annotations

import datetime
import difflib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import time_machine
import yaml

from dossier.model.findings import Finding

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 11, 23)
"""The date every test runs on: the clock is frozen at noon of it (see `frozen_clock`)."""
AFTER_ALL_CONTENT = datetime.date.max
"""The date to check the real project against: its questions are raised on the day they are
written, so any fixed day would one day come before one of them."""
# Everything a site build needs, and nothing it writes.
PROJECT_FILES = ("mkdocs.yml", "docs", "seeds", "scripts", "overrides")


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[time_machine.Traveller]:
    """Every test runs on TODAY, whatever the machine's date: the clock starts at its noon.

    The clock ticks, so timeouts still work; a test that needs another day travels on from here.
    Commands a test starts in a subprocess see the real clock, so they are given dates explicitly.
    """
    noon = datetime.datetime.combine(TODAY, datetime.time(12), tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=True) as traveller:
        yield traveller


@dataclass(frozen=True)
class ExampleProject:
    """A project in a temporary folder, with helpers to add seeds to it."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    def add_seed(
        self,
        source_id: str,
        text: str | bytes,
        language: str = "es",
        sidecar: str | None = None,
    ) -> Path:
        """Write seeds/<id>.txt and, unless `sidecar` is given, a valid sidecar for it."""
        data = text.encode() if isinstance(text, str) else text
        text_file = self.seeds / f"{source_id}.txt"
        text_file.write_bytes(data)
        if sidecar is None:
            sidecar = valid_sidecar(data, language)
        (self.seeds / f"{source_id}.yml").write_text(sidecar, encoding="utf-8")
        return text_file

    def add_categories(self, *slugs: str) -> None:
        register = self.root / "docs" / "register"
        register.mkdir(parents=True, exist_ok=True)
        entries = [
            {"slug": slug, "title": slug.title(), "description": f"About {slug}."} for slug in slugs
        ]
        (register / "categories.yml").write_text(yaml.safe_dump(entries), encoding="utf-8")

    def add_question(
        self, question_id: str, body: str = "Why it matters.\n", **fields: Any
    ) -> Path:
        """Write docs/register/<id>.md: a valid question, with `fields` replacing the defaults.

        A field given as None is left out.
        """
        category = question_id.split("/")[0]
        front_matter = {**valid_question_fields(category), **fields}
        front_matter = {key: value for key, value in front_matter.items() if value is not None}
        path = self.root / "docs" / "register" / f"{question_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\n{yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)}---\n{body}",
            encoding="utf-8",
        )
        return path


EXAMPLE_ARTICLE = (
    "Italia negocia un acuerdo con SpaceX. El cifrado de datos protege las conexiones.\n"
)


def pin(source_id: str, text: str | bytes) -> dict[str, str]:
    """A `reviewed:` entry pinning `source_id` to `text`, as `python -m dossier review` writes it."""
    data = text.encode() if isinstance(text, str) else text
    return {"source": source_id, "sha256": hashlib.sha256(data).hexdigest()}


def valid_question_fields(category: str) -> dict[str, Any]:
    return {
        "title": f"What does {category} need?",
        "category": category,
        "status": "open",
        "priority": "high",
        "raised": "2026-11-01",
        "basis": "not-mentioned",
        "resolve_before": "contract",
        "evidence": [
            {
                "source": "000_abc",
                "quote": "Italia negocia un acuerdo",
                "note": "Says nothing more.",
            }
        ],
        "missing": [{"id": "parameter", "text": "a named parameter"}],
        "watch": ["satellite", "satélite"],
        "reviewed": [pin("000_abc", EXAMPLE_ARTICLE)],
        "answer": None,
    }


def valid_sidecar(data: bytes, language: str = "es", title: str = "A test article") -> str:
    return (
        f"title: {title}\n"
        f"language: {language}\n"
        "kind: news\n"
        "outlet: null\n"
        "published: null\n"
        "url: null\n"
        "reports_cited: [Reuters]\n"
        f"sha256: {hashlib.sha256(data).hexdigest()}\n"
    )


@pytest.fixture
def example_project(tmp_path: Path) -> ExampleProject:
    """An empty project: a mkdocs.yml marker and a seeds/ folder."""
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Example\n", encoding="utf-8")
    return ExampleProject(root)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the real project's inputs, safe to break."""
    root = tmp_path / "copy"
    root.mkdir()
    for name in PROJECT_FILES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    return root


def run_dossier(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m dossier ARGUMENTS` as a user runs it, in `cwd`."""
    return subprocess.run(
        [sys.executable, "-m", "dossier", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def git(root: Path, *arguments: str, at: str | datetime.date | None = None) -> None:
    """Run git in `root` as a test author, whatever the machine's git configuration says.

    Commits are made `at` a date or an ISO time when given, since git reads the real clock,
    not the frozen one.
    """
    environment = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if at is not None:
        stamp = f"{at.isoformat()}T10:00:00+00:00" if isinstance(at, datetime.date) else at
        environment.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
        cwd=root,
        env=environment,
        check=True,
        capture_output=True,
    )


def commit_all(root: Path, at: str | datetime.date, message: str) -> None:
    """Commit everything in `root`, `at` a date or an ISO time."""
    git(root, "add", "-A", at=at)
    git(root, "commit", "-q", "-m", message, at=at)


def ask_then_reword(project: ExampleProject) -> Path:
    """Make `project` a git repository in which crypto-scheme/keys is asked on 2026-11-01 and
    reworded on 2026-11-03, one commit each; returns its root."""
    root = project.root
    project.add_seed("000_abc", EXAMPLE_ARTICLE)
    project.add_categories("crypto-scheme")
    project.add_question("crypto-scheme/keys", title="Who holds the keys?")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "2026-11-01T10:00:00+00:00", "Ask who holds the keys")
    project.add_question("crypto-scheme/keys", title="Who holds <the> keys?")
    commit_all(root, "2026-11-03T10:00:00+00:00", "Reword the keys question")
    return root


def mkdocs_environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(
    root: Path, site_dir: Path, *, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` (or without `--strict`) for the project at `root`."""
    strictness = ["--strict"] if strict else []
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *strictness, "--site-dir", str(site_dir)],
        cwd=root,
        env=mkdocs_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def tree_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to prove a command modified nothing."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once with `mkdocs build --strict` into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(PROJECT_ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/* from the current output; read the diff before committing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare output with tests/golden/<name>, showing a unified diff when they differ."""
    update = bool(request.config.getoption("--update-golden"))

    def compare(name: str, actual: str) -> None:
        expected_file = Path(__file__).parent / "golden" / name
        if update:
            expected_file.parent.mkdir(exist_ok=True)
            expected_file.write_text(actual, encoding="utf-8")
        expected = expected_file.read_text(encoding="utf-8")
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"golden/{name}",
                tofile="actual",
            )
            pytest.fail(
                "output differs from the golden file (rerun with --update-golden to accept):\n"
                + "".join(diff)
            )

    return compare


# Findings every example source raises until it is curated and its names are in a gazetteer;
# tests of other rules leave them out.
CURATION_FINDINGS = ("is not curated yet", "capitalised name", "claims and questions cite")


def without_curation(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if not any(text in f.message for text in CURATION_FINDINGS)]
