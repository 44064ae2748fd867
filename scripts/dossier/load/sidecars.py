"""Read a sidecar: the YAML beside an article, schema-checked, into the source's metadata."""

from __future__ import annotations

from typing import Any

from dossier.load.textfiles import parse_yaml_text
from dossier.load.validation import schema_findings
from dossier.model import findings
from dossier.model.findings import Finding
from dossier.model.schemas import SOURCE_SCHEMA, load_schema
from dossier.model.sources import Claim, Quotation, SidecarQuote, SourceMetadata
from dossier.text.yamldoc import YamlDocument, iso_dates


def _sidecar_problems(document: YamlDocument, path: str) -> list[Finding]:
    if not isinstance(document.data, dict):
        fields = ", ".join(load_schema(SOURCE_SCHEMA)["properties"])
        return [
            findings.error(
                path,
                1,
                "the sidecar is not a mapping of fields",
                f"Write one `field: value` per line; fields: {fields}.",
            )
        ]
    return schema_findings(document.data, document, path, SOURCE_SCHEMA)


def _sidecar_quote(document: YamlDocument, path: tuple[str | int, ...]) -> SidecarQuote | None:
    data: Any = document.data
    for key in path:
        data = data.get(key) if isinstance(data, dict) else data[key]
        if data is None:
            return None
    return SidecarQuote(
        quote=data["quote"],
        prefix=data.get("prefix", ""),
        suffix=data.get("suffix", ""),
        note=data.get("note"),
        line=document.line_of((*path, "quote")),
    )


def _claims(document: YamlDocument) -> tuple[Claim, ...]:
    return tuple(
        Claim(
            id=claim["id"],
            topic=claim["topic"],
            text=claim["text"],
            cite=_required_quote(document, ("claims", index, "cite")),
            line=document.line_of(("claims", index)),
        )
        for index, claim in enumerate(document.data.get("claims", []))
    )


def _quotations(document: YamlDocument) -> tuple[Quotation, ...]:
    return tuple(
        Quotation(
            speaker=quotation["speaker"],
            translation=quotation["translation"],
            cite=_required_quote(document, ("quotations", index, "cite")),
        )
        for index, quotation in enumerate(document.data.get("quotations", []))
    )


def _required_quote(document: YamlDocument, path: tuple[str | int, ...]) -> SidecarQuote:
    quote = _sidecar_quote(document, path)
    if quote is None:  # the schema requires it; this only tells the type checker
        raise ValueError(f"no quote at {path}")
    return quote


def parse_sidecar(
    text: str, path: str
) -> tuple[SourceMetadata | None, YamlDocument | None, list[Finding]]:
    """Metadata from a sidecar's text, or None with findings for every problem in it."""
    document, unparsed = parse_yaml_text(text, path)
    if document is None:
        return None, None, unparsed
    document = YamlDocument(iso_dates(document.data), document.lines)
    problems = _sidecar_problems(document, path)
    if problems:
        return None, document, problems
    data = document.data
    metadata = SourceMetadata(
        title=data["title"],
        language=data["language"],
        kind=data["kind"],
        outlet=data["outlet"],
        published=data["published"],
        url=data["url"],
        reports_cited=tuple(data["reports_cited"]),
        sha256=data["sha256"],
        notes=data.get("notes"),
        date_evidence=_sidecar_quote(document, ("date_evidence",)),
        abstract=data.get("abstract"),
        abstract_line=document.line_of(("abstract",)),
        claims=_claims(document),
        quotations=_quotations(document),
        translations=dict(data.get("translations") or {}),
        translations_line=document.line_of(("translations",)),
    )
    return metadata, document, []
