"""Run every check on a project and collect all findings, never stopping at the first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossier.findings import Finding, sort_findings
from dossier.sources import Source, load_sources


@dataclass(frozen=True)
class CheckedProject:
    """The model that loaded cleanly, and every finding about the project."""

    root: Path
    sources: tuple[Source, ...]
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.is_error)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.is_error)


def check_project(root: Path) -> CheckedProject:
    """Load and check everything under `root`; the findings come sorted by file and line."""
    loaded = load_sources(root)
    return CheckedProject(root, loaded.sources, tuple(sort_findings(list(loaded.findings))))
