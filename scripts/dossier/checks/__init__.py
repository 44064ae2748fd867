"""Check a loaded project: every rule, from the model to findings, never stopping at the first."""

from __future__ import annotations

import datetime

from dossier.checks.absence import absence_findings
from dossier.checks.citations import covered_anchors, resolve_citation
from dossier.checks.curation import curation_findings
from dossier.checks.facts import start_extracting_facts
from dossier.checks.gazetteer import gazetteer_findings
from dossier.checks.register import lint_register, secondary_answers
from dossier.checks.review import review_findings, stale_reviews
from dossier.checks.topics import claim_findings
from dossier.checks.universal import project_statements, source_names, universal_findings
from dossier.checks.watch import find_watch_hits, watch_findings
from dossier.model.citations import ResolvedCitation
from dossier.model.findings import Finding, sort_findings
from dossier.model.project import CheckedProject, LoadedProject


def resolve_citations(
    loaded: LoadedProject,
) -> tuple[tuple[ResolvedCitation, ...], list[Finding]]:
    """Every citation that resolves, in the order written, and a finding for each that does not.

    Resolved source by source, so each source's text is folded for matching only once. A source
    that failed to load has findings of its own; citing it is not another error.
    """
    sources_by_id = {source.id: source for source in loaded.sources}
    everything = loaded.citations
    found: list[Finding] = []
    results: dict[int, ResolvedCitation] = {}
    for number in sorted(range(len(everything)), key=lambda number: everything[number].source_id):
        citation = everything[number]
        if citation.source_id in loaded.unloaded_source_ids:
            continue
        result, problems = resolve_citation(citation, sources_by_id)
        found += problems
        if result is not None:
            results[number] = result
    return tuple(results[number] for number in sorted(results)), found


def check(loaded: LoadedProject, today: datetime.date) -> CheckedProject:
    """Every rule over the loaded project; `today` is the latest date a question may be raised."""
    # The longest check, and it needs only the sources: it may run in a second process meanwhile.
    facts_by_source = start_extracting_facts(loaded.sources, loaded.gazetteer)
    found = [*loaded.findings]
    found += lint_register(loaded.questions, loaded.categories, today)
    found += claim_findings(loaded.sources, loaded.topics)
    resolved, citation_problems = resolve_citations(loaded)
    found += citation_problems
    found += absence_findings(
        loaded.absence_claims, loaded.sources, loaded.unloaded_source_ids, resolved
    )
    found += universal_findings(project_statements(loaded), source_names(loaded))
    found += curation_findings(loaded.sources, list(resolved))
    hits = find_watch_hits(loaded.questions, loaded.sources)
    found += watch_findings(hits, loaded.questions)
    stale = stale_reviews(loaded.questions, loaded.citations, loaded.sources)
    found += review_findings(stale, loaded.questions)
    facts = facts_by_source()
    found += gazetteer_findings(loaded.sources, loaded.gazetteer, facts)
    return CheckedProject(
        root=loaded.root,
        sources=loaded.sources,
        topics=loaded.topics,
        categories=loaded.categories,
        questions=loaded.questions,
        citations=resolved,
        watch_hits=hits,
        covered=covered_anchors(resolved),
        secondary_answers=secondary_answers(loaded.questions, loaded.sources),
        pages=loaded.pages,
        facts=facts,
        findings=tuple(sort_findings(found)),
        stale_reviews=stale,
    )
