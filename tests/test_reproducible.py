"""Same input, same bytes out: whatever the locale, and whatever order the disk lists files in."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import AFTER_ALL_CONTENT, PROJECT_ROOT, TODAY, tree_snapshot
from dossier.build import check_project
from dossier.render.pages import render_pages

pytestmark = pytest.mark.integration

# Built by `make test-tools`, since Debian machines often list only C and POSIX.
LOCALES = PROJECT_ROOT / ".cache" / "locales"
PROBE = "import locale; locale.setlocale(locale.LC_ALL, ''); print(locale.format_string('%.2f', 1234.5, grouping=True))"


def locale_environment(name: str) -> dict[str, str]:
    environment = {**os.environ, "LC_ALL": name, "LANG": name, "TZ": "Pacific/Kiritimati"}
    if (LOCALES / name).is_dir():
        environment["LOCPATH"] = str(LOCALES)
    return environment


def run_python(arguments: list[str], environment: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, *arguments],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_render_gives_the_same_bytes_twice_in_two_locales(tmp_path: Path) -> None:
    plain, italian = locale_environment("C.UTF-8"), locale_environment("it_IT.UTF-8")
    # The second locale is real, not a silent fall-back to C: it writes numbers the Italian way.
    assert run_python(["-c", PROBE], plain) == "1234.50\n"
    assert run_python(["-c", PROBE], italian) == "1.234,50\n", "make test-tools builds it_IT"

    run_python(["-m", "dossier", "render", "--out", str(tmp_path / "a")], plain)
    run_python(["-m", "dossier", "render", "--out", str(tmp_path / "b")], italian)

    first, second = tree_snapshot(tmp_path / "a"), tree_snapshot(tmp_path / "b")
    assert len(first) > 50
    assert first == second


def reversed_listing(original: object) -> object:
    def listing(self: Path, *arguments: str) -> Iterator[Path]:
        return iter(sorted(original(self, *arguments), reverse=True))  # type: ignore[operator]

    return listing


def test_the_order_the_disk_lists_files_in_does_not_change_the_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = render_pages(check_project(PROJECT_ROOT, AFTER_ALL_CONTENT), TODAY)

    for name in ("iterdir", "glob", "rglob"):
        monkeypatch.setattr(Path, name, reversed_listing(getattr(Path, name)))
    assert next(iter(Path(PROJECT_ROOT / "seeds").glob("*.txt"))).name.startswith("001_")

    assert render_pages(check_project(PROJECT_ROOT, AFTER_ALL_CONTENT), TODAY) == expected
