"""`make bench` at a tiny size, as a smoke test: it runs end to end; its figures are not asserted."""

from __future__ import annotations

import json
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
    (measured,) = json.loads(figures.read_text(encoding="utf-8"))["results"]
    assert set(measured) >= {
        "check_s",
        "build_s",
        "link_check_s",
        "peak_memory_mib",
        "build_to_plain_ratio",
    }
    assert measured["sources"] == 2
    assert "| 2 | 4 |" in page.read_text(encoding="utf-8")
