"""`make bench` at a tiny size: it runs end to end, and its figures say what they claim."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

pytestmark = pytest.mark.integration


def test_the_benchmark_runs_and_writes_its_figures_and_page(tmp_path: Path) -> None:
    figures, page = tmp_path / "results.json", tmp_path / "performance.md"

    result = subprocess.run(
        [
            sys.executable,
            "benchmarks/bench.py",
            "--sources",
            "2",
            "4",
            "--serve",
            "4",
            "--json",
            str(figures),
            "--page",
            str(page),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    smaller, larger = json.loads(figures.read_text(encoding="utf-8"))["results"]
    assert (smaller["sources"], larger["sources"]) == (2, 4)
    # Each synthetic source is one more page of the dossier and of the plain site.
    assert larger["dossier_pages"] - smaller["dossier_pages"] == 2
    assert larger["plain_pages"] - smaller["plain_pages"] == 2
    ratio = larger["build_s"] / larger["plain_build_s"]
    assert larger["build_to_plain_ratio"] == pytest.approx(ratio, rel=0.05)
    assert {"marginal_build_ms", "dossier_peak_memory_mib", "serve_rebuild_s"} <= set(larger)
    text = page.read_text(encoding="utf-8")
    assert "<svg" in text
    assert f"| 4 | {larger['dossier_pages']} | {larger['plain_pages']} |" in text


def test_a_failing_check_fails_the_benchmark(tmp_path: Path) -> None:
    broken = tmp_path / "project"
    broken.mkdir()
    for name in ("mkdocs.yml", "docs", "seeds", "scripts", "overrides", "benchmarks"):
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, broken / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, broken / name)
    topics = broken / "seeds" / "topics.yml"
    topics.write_text(
        topics.read_text(encoding="utf-8").replace("id: deal.status", "id: deal.state"), "utf-8"
    )

    result = subprocess.run(
        [sys.executable, "benchmarks/bench.py", "--sources", "2", "--serve", "--no-links"],
        cwd=broken,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert result.returncode == 1
    assert "bench: " in result.stderr
    assert "check --strict failed" in result.stderr
    assert "unknown topic 'deal.status'" in result.stderr
    figures = "benchmarks/results.json"
    assert (broken / figures).read_bytes() == (PROJECT_ROOT / figures).read_bytes()


@pytest.mark.parametrize(
    ("limit", "status", "verdict"),
    [
        # Two sources or a hundred, the dossier builds its whole register: far above plain Material.
        ("1", 1, "ABOVE the limit of 1"),
        ("1000", 0, "within the limit of 1000"),
    ],
)
def test_the_gate_fails_above_its_limit_and_passes_within_it(
    limit: str, status: int, verdict: str
) -> None:
    result = subprocess.run(
        [sys.executable, "benchmarks/bench.py", "--gate", "--sources", "2", "--gate-ratio", limit],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert result.returncode == status, result.stderr
    assert "at N = 2, the dossier builds in" in result.stderr
    assert verdict in result.stderr
    # A ratio above the limit is measured again before the gate fails; one within it is final.
    assert result.stderr.count("bench gate:") == (2 if status else 1)


def test_builds_keep_python_bytecode_even_where_the_shell_turns_it_off() -> None:
    # Material's code was compiled when pip installed it; the dossier's, copied into each
    # generated project, would otherwise be compiled again at every timed build.
    probe = "import bench; print('PYTHONDONTWRITEBYTECODE' in bench.ENVIRONMENT)"
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}

    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=PROJECT_ROOT / "benchmarks",
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert result.stdout.strip() == "False"
