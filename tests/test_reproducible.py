"""Same input, same bytes out: whatever the locale, and whatever order the disk lists files in."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, tree_snapshot
from dossier.build import check_project
from dossier.render.pages import render_pages

AS_OF = datetime.date(2026, 11, 23)


def render_to(out: Path, locale: str) -> None:
    environment = {**os.environ, "LC_ALL": locale, "LANG": locale, "TZ": "Pacific/Kiritimati"}
    result = subprocess.run(
        [sys.executable, "-m", "dossier", "render", "--out", str(out)],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_render_gives_the_same_bytes_twice_in_two_locales(tmp_path: Path) -> None:
    render_to(tmp_path / "a", "C.UTF-8")
    render_to(tmp_path / "b", "it_IT.UTF-8")

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
    expected = render_pages(check_project(PROJECT_ROOT, AS_OF), AS_OF)

    for name in ("iterdir", "glob", "rglob"):
        monkeypatch.setattr(Path, name, reversed_listing(getattr(Path, name)))
    assert next(iter(Path(PROJECT_ROOT / "seeds").glob("*.txt"))).name.startswith("001_")

    assert render_pages(check_project(PROJECT_ROOT, AS_OF), AS_OF) == expected
