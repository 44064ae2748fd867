"""The one test of the project's own content: the real sources and register pass every check."""

from __future__ import annotations

import pytest

from conftest import PROJECT_ROOT, run_dossier


@pytest.mark.integration
def test_the_real_project_passes_check_strict() -> None:
    result = run_dossier("check", "--strict", cwd=PROJECT_ROOT / "docs")  # found upwards

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "0 error(s), 0 warning(s)" in result.stderr
