"""The command line as a user runs it: `python -m dossier check|render`."""

from __future__ import annotations

import datetime
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import (
    PROJECT_ROOT,
    TODAY,
    ExampleProject,
    git,
    mkdocs_environment,
    run_dossier,
    tree_snapshot,
)
from dossier.adapters.cli import main
from dossier.build import check_project

pytestmark = pytest.mark.integration

ARTICLE = "Italia negocia un acuerdo. El contrato sigue en discusión.\n"


def test_check_prints_every_finding_and_exits_1_on_errors(example_project: ExampleProject) -> None:
    (example_project.seeds / "000_abc.txt").write_text(ARTICLE, encoding="utf-8")
    example_project.add_seed("001_def", ARTICLE, sidecar="title: x\n")

    result = run_dossier("check", cwd=example_project.root)

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("seeds/000_abc.txt:1: error: article without its sidecar")
    assert all(line.startswith("seeds/001_def.yml:1: error: missing field") for line in lines[1:])
    assert len(lines) == 1 + 7  # every missing field of the second sidecar, not just the first
    assert "0 source(s) loaded, 8 error(s), 0 warning(s)" in result.stderr


def test_warnings_fail_only_with_strict(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", ARTICLE)
    (example_project.seeds / "README.txt.bak").write_text("scratch", encoding="utf-8")

    assert main(["check", "--root", str(example_project.root)]) == 0
    assert main(["check", "--root", str(example_project.root), "--strict"]) == 1


@pytest.mark.parametrize(
    "arguments", [[], ["frobnicate"], ["check", "--no-such-option"], ["render"]]
)
def test_usage_errors_exit_2(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(arguments)

    assert exit_info.value.code == 2
    assert "usage: python -m dossier" in capsys.readouterr().err


def test_a_folder_outside_any_project_is_a_usage_error(tmp_path: Path) -> None:
    result = run_dossier("check", cwd=tmp_path)

    assert result.returncode == 2
    assert "error: no mkdocs.yml in" in result.stderr
    assert "pass --root" in result.stderr


@pytest.mark.parametrize(
    "command", [[], ["check"], ["render"], ["diff"], ["new-question"], ["add-source"]]
)
def test_every_command_has_help(command: list[str]) -> None:
    result = run_dossier(*command, "--help", cwd=PROJECT_ROOT)

    assert result.returncode == 0
    assert result.stdout.startswith("usage: python -m dossier")
    assert "Exit status" in result.stdout


# A second hook, after the dossier's, that writes out every page the build generated.
DUMP_HOOK = """
import os
from pathlib import Path

def on_files(files, config):
    for file in files:
        if file.generated_by is not None:
            target = Path(os.environ["DOSSIER_DUMP"]) / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    return files
"""


@pytest.mark.integration
def test_render_writes_the_pages_the_mkdocs_build_generates(
    project_copy: Path, tmp_path: Path
) -> None:
    for arguments in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Copy"]):
        git(project_copy, *arguments, at=datetime.date(2026, 11, 20))
    # Beside mkdocs.yml, which it extends, so that paths in it resolve as in the real build.
    (project_copy / "dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    (project_copy / "mkdocs-dump.yml").write_text(
        "INHERIT: mkdocs.yml\nhooks: [scripts/dossier/adapters/mkdocs_hook.py, dump_hook.py]\n",
        encoding="utf-8",
    )
    build = [
        "build",
        "--strict",
        "-q",
        "-f",
        "mkdocs-dump.yml",
        "--site-dir",
        str(tmp_path / "site"),
    ]
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", *build],
        cwd=project_copy,
        env={**mkdocs_environment(), "DOSSIER_DUMP": str(tmp_path / "built")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr

    result = run_dossier("render", "--out", str(tmp_path / "rendered"), cwd=project_copy)

    assert result.returncode == 0, result.stderr
    rendered = tree_snapshot(tmp_path / "rendered")
    assert rendered.pop(".dossier-render") == b"Written by python -m dossier render.\n"
    generated = tree_snapshot(tmp_path / "built")
    assert sorted(rendered) == sorted(generated)
    assert rendered == generated
    assert {
        "index.md",
        "sources/index.md",
        "sources/000_7edff155f20879db.md",
        "register/index.md",
        "register/dashboard.md",
        "register/register.json",
        "register/crypto-scheme/index.md",
    } <= set(rendered)


def test_render_replaces_only_a_folder_an_earlier_render_wrote(tmp_path: Path) -> None:
    mine, pages = tmp_path / "mine", tmp_path / "pages"
    mine.mkdir()
    (mine / "keep.md").write_text("mine", encoding="utf-8")

    refused = run_dossier("render", "--out", str(mine), "--replace", cwd=PROJECT_ROOT)
    assert refused.returncode == 2
    assert "is not empty and was not written by render" in refused.stderr
    assert (mine / "keep.md").read_text(encoding="utf-8") == "mine"

    assert run_dossier("render", "--out", str(pages), cwd=PROJECT_ROOT).returncode == 0
    again = run_dossier("render", "--out", str(pages), cwd=PROJECT_ROOT)
    assert again.returncode == 2
    assert "holds an earlier render; pass --replace" in again.stderr
    replaced = run_dossier("render", "--out", str(pages), "--replace", cwd=PROJECT_ROOT)
    assert replaced.returncode == 0
    assert (pages / "sources" / "index.md").is_file()


@pytest.mark.parametrize("out", [".", "..", "scripts", "docs/sources"])
def test_render_never_replaces_the_project_or_its_folders(project_copy: Path, out: str) -> None:
    before = tree_snapshot(project_copy)

    result = run_dossier("render", "--out", out, "--replace", cwd=project_copy)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert tree_snapshot(project_copy) == before


def test_render_never_writes_into_docs_or_seeds(project_copy: Path) -> None:
    before = tree_snapshot(project_copy)

    for folder in ("docs", "seeds", "docs/sources"):
        result = run_dossier(
            "render", "--out", str(project_copy / folder), "--replace", cwd=project_copy
        )
        assert result.returncode == 2
        assert "which render never writes to" in result.stderr

    assert tree_snapshot(project_copy) == before


def test_render_writes_nothing_when_the_project_has_errors(example_project: ExampleProject) -> None:
    (example_project.seeds / "000_abc.txt").write_text(ARTICLE, encoding="utf-8")
    out = example_project.root.parent / "pages"

    result = run_dossier("render", "--out", str(out), cwd=example_project.root)

    assert result.returncode == 1
    assert "article without its sidecar" in result.stdout
    assert f"nothing written to {out}" in result.stderr
    assert not out.exists()
    assert sorted(path.name for path in example_project.root.parent.iterdir()) == ["project"]


def test_add_source_copies_articles_numbered_after_the_last_with_sidecars(
    example_project: ExampleProject, tmp_path: Path
) -> None:
    example_project.add_seed("004_abc", ARTICLE)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Primera noticia. Dice algo.\n", encoding="utf-8")
    second.write_text("Segunda noticia. Dice otra cosa.\n", encoding="utf-8")
    names = [
        f"{n}_{hashlib.sha256(f.read_bytes()).hexdigest()[:16]}"
        for n, f in (("005", first), ("006", second))
    ]

    result = run_dossier(
        "add-source", str(first), str(second), "--language", "es", cwd=example_project.root
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"seeds/{name}.txt" for name in names]
    for name, original in zip(names, (first, second), strict=True):
        assert (example_project.seeds / f"{name}.txt").read_bytes() == original.read_bytes()
        sidecar = yaml.safe_load(
            (example_project.seeds / f"{name}.yml").read_text(encoding="utf-8")
        )
        assert sidecar["sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()
        assert (sidecar["title"], sidecar["outlet"], sidecar["published"], sidecar["url"]) == (
            None,
        ) * 4
    checked = check_project(example_project.root, TODAY)
    assert checked.errors == ()
    assert len(checked.sources) == 3


def test_add_source_refuses_bad_files_and_writes_nothing(
    example_project: ExampleProject, tmp_path: Path
) -> None:
    example_project.add_seed("000_abc", ARTICLE)
    good, latin, empty, again = (
        tmp_path / name for name in ("good.txt", "latin.txt", "empty.txt", "again.txt")
    )
    good.write_text("Una noticia nueva.\n", encoding="utf-8")
    latin.write_bytes("Una noticia en latín.\n".encode("latin-1"))
    empty.write_text("\n", encoding="utf-8")
    again.write_text(ARTICLE, encoding="utf-8")
    before = tree_snapshot(example_project.seeds)

    result = run_dossier(
        "add-source",
        str(good),
        str(latin),
        str(empty),
        str(again),
        "--language",
        "es",
        cwd=example_project.root,
    )

    assert result.returncode == 2
    assert f"{latin}: not UTF-8 text" in result.stderr
    assert f"{empty}: the article is empty" in result.stderr
    assert f"{again}: already in seeds/ as 000_abc.txt" in result.stderr
    assert tree_snapshot(example_project.seeds) == before
    unknown = run_dossier("add-source", str(good), "--language", "fr", cwd=example_project.root)
    assert unknown.returncode == 2
    assert "unknown language 'fr'; languages: en, es, it" in unknown.stderr


def test_add_source_numbers_on_past_999_and_records_the_kind(
    example_project: ExampleProject, tmp_path: Path
) -> None:
    example_project.add_seed("999_abc", ARTICLE)
    article = tmp_path / "decree.txt"
    article.write_text("Un decreto oficial.\n", encoding="utf-8")

    result = run_dossier(
        "add-source",
        str(article),
        "--language",
        "es",
        "--kind",
        "primary",
        cwd=example_project.root,
    )

    assert result.returncode == 0, result.stderr
    (written,) = result.stdout.splitlines()
    assert written.startswith("seeds/1000_")
    sidecar = yaml.safe_load(
        (example_project.root / written).with_suffix(".yml").read_text(encoding="utf-8")
    )
    assert sidecar["kind"] == "primary"
