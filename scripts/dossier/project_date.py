"""The date a project was last changed, from git, so ages on pages depend on the commit only."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def last_change_date(root: Path, today: datetime.date) -> datetime.date:
    """The committer date of the last commit, or `today` outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        return datetime.date.fromisoformat(result.stdout.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        return today
