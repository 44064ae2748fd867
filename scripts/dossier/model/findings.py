"""Findings: what a check says about one place in one file, printed for people."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    """How much a finding matters: errors fail `check` and the build; warnings, only --strict.

    `failing` is the one place that says so.
    """

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem, located in a file of the project."""

    path: str
    """Path relative to the project root, with forward slashes."""
    line: int
    """1-based line the problem is on; 1 when it concerns the whole file."""
    severity: Severity
    message: str
    """What is wrong, quoting the bad value; no final full stop."""
    hint: str
    """What to do about it, as a sentence."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.value}: {self.message}. {self.hint}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: str, line: int, message: str, hint: str) -> Finding:
    return Finding(path, line, Severity.ERROR, message, hint)


def warning(path: str, line: int, message: str, hint: str) -> Finding:
    return Finding(path, line, Severity.WARNING, message, hint)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Order findings as a reader scans them: by file, then line, errors before warnings."""
    return sorted(
        findings, key=lambda f: (f.path, f.line, f.severity is Severity.WARNING, f.message)
    )


def failing(findings: tuple[Finding, ...], *, strict: bool) -> tuple[Finding, ...]:
    """The findings that fail `check` and `mkdocs build`: errors, and warnings too when strict."""
    return tuple(finding for finding in findings if strict or finding.is_error)
