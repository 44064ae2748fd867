"""Curation: warnings for sources not yet summarised, and for sentences no claim cites."""

from __future__ import annotations

from dossier.checks.citations import covered_anchors
from dossier.model import findings
from dossier.model.citations import ResolvedCitation, coverage
from dossier.model.findings import Finding
from dossier.model.sources import Source


def translation_findings(source: Source) -> list[Finding]:
    """A curated source translates each sentence, and only its own sentences."""
    metadata = source.metadata
    anchors = [sentence.anchor for sentence in source.sentences]
    unknown = sorted(set(metadata.translations) - set(anchors))
    untranslated = [anchor for anchor in anchors if anchor not in metadata.translations]
    problems = []
    if unknown:
        problems.append(
            findings.error(
                source.sidecar_path,
                metadata.translations_line,
                f"translations of sentences {source.id} does not have: #{', #'.join(unknown)}",
                f"Key each translation by a sentence anchor, #{anchors[0]} to #{anchors[-1]}.",
            )
        )
    if untranslated:
        problems.append(
            findings.warning(
                source.sidecar_path,
                metadata.translations_line,
                f"{source.id} has no translation of #{', #'.join(untranslated)}",
                "Add each sentence's English translation under `translations:`, by anchor.",
            )
        )
    return problems


def curation_findings(
    sources: tuple[Source, ...], citations: list[ResolvedCitation]
) -> list[Finding]:
    """Warnings for sources not yet summarised, and for curated ones with uncited sentences."""
    problems = []
    covered = covered_anchors(citations)
    for source in sources:
        if not source.metadata.is_curated:
            problems.append(
                findings.warning(
                    source.sidecar_path,
                    1,
                    f"{source.id} is not curated yet: its page shows an automatic summary",
                    "Add `claims:` for every factual statement, and a `title:` and `abstract:`.",
                )
            )
            continue
        problems += translation_findings(source)
        cited, share = coverage(source, covered)
        if share < 1:
            uncited = [s.anchor for s in source.sentences if s.anchor not in cited]
            problems.append(
                findings.warning(
                    source.sidecar_path,
                    1,
                    f"claims and questions cite {share:.0%} of {source.id}; "
                    f"uncited: #{', #'.join(uncited)}",
                    "Add a claim for each uncited sentence that states a fact.",
                )
            )
    return problems
