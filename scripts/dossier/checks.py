"""Run every check on a project and collect all findings, never stopping at the first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossier.citations import Citation, ResolvedCitation, resolve_citation, sidecar_citations
from dossier.findings import Finding, sort_findings
from dossier.markdown_citations import find_inline_citations
from dossier.sources import SEEDS_DIRECTORY, Source, load_sources

DOCS_DIRECTORY = "docs"


@dataclass(frozen=True)
class CheckedProject:
    """The model that loaded cleanly, and every finding about the project."""

    root: Path
    sources: tuple[Source, ...]
    citations: tuple[ResolvedCitation, ...]
    """Every citation that resolved, from sidecars and pages alike."""
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.is_error)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.is_error)


def page_citations(root: Path) -> tuple[list[Citation], list[Finding]]:
    """Inline citations of every hand-written page under docs/."""
    docs = root / DOCS_DIRECTORY
    citations: list[Citation] = []
    problems: list[Finding] = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        page = path.relative_to(docs).as_posix()
        inline, found = find_inline_citations(
            path.read_text(encoding="utf-8"), path.relative_to(root).as_posix(), page
        )
        citations += [item.citation for item in inline]
        problems += found
    return citations, problems


def check_project(root: Path) -> CheckedProject:
    """Load and check everything under `root`; the findings come sorted by file and line."""
    loaded = load_sources(root)
    found = list(loaded.findings)
    citations, page_problems = page_citations(root)
    found += page_problems
    sources_by_id = {source.id: source for source in loaded.sources}
    # A source that failed to load has findings of its own; citing it is not another error.
    unloaded = {path.stem for path in (root / SEEDS_DIRECTORY).glob("*.txt")} - set(sources_by_id)
    resolved = []
    for citation in [*sidecar_citations(loaded.sources), *citations]:
        if citation.source_id in unloaded:
            continue
        result, problems = resolve_citation(citation, sources_by_id)
        found += problems
        if result is not None:
            resolved.append(result)
    return CheckedProject(root, loaded.sources, tuple(resolved), tuple(sort_findings(found)))
