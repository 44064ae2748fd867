"""adapters/output: commands write all their files or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.adapters.output import write_new_files


def test_new_files_are_written_with_their_folders(tmp_path: Path) -> None:
    write_new_files({tmp_path / "a" / "one.txt": b"1", tmp_path / "two.txt": b"2"})

    assert (tmp_path / "a" / "one.txt").read_bytes() == b"1"
    assert (tmp_path / "two.txt").read_bytes() == b"2"


def test_when_one_file_cannot_be_written_none_is_and_nothing_is_left_behind(
    tmp_path: Path,
) -> None:
    (tmp_path / "blocked").write_text("a file where a folder should be", encoding="utf-8")

    with pytest.raises(OSError):  # noqa: PT011 - whichever error the platform raises
        write_new_files({tmp_path / "one.txt": b"1", tmp_path / "blocked" / "two.txt": b"2"})

    assert sorted(path.name for path in tmp_path.iterdir()) == ["blocked"]
