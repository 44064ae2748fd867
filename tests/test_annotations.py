"""register/annotations.jsonld: every citation as a W3C Web Annotation, read as a client reads it."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from conftest import AFTER_ALL_CONTENT, EXAMPLE_ARTICLE, PROJECT_ROOT, TODAY, ExampleProject
from dossier.build import check_project
from dossier.model.project import CheckedProject
from dossier.render.pages import render_pages
from dossier.site import REGISTER_ANNOTATIONS

# The W3C's context, kept in the repository: the tests make no request to another host.
ANNOTATION_CONTEXT = Path(__file__).parent / "data" / "anno.jsonld"
BASE = "https://dossier.example/register/annotations.jsonld"
OA = "http://www.w3.org/ns/oa#"


@functools.cache
def checked() -> CheckedProject:
    return check_project(PROJECT_ROOT, AFTER_ALL_CONTENT)


@pytest.fixture(scope="module")
def exported() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        render_pages(checked(), AFTER_ALL_CONTENT)[REGISTER_ANNOTATIONS]
    )
    return document


def local_loader(url: str, options: dict[str, Any]) -> dict[str, Any]:
    """pyld's document loader with the W3C context from disk, and no network for anything else."""
    if url.rstrip("/") not in {
        "http://www.w3.org/ns/anno.jsonld",
        "https://www.w3.org/ns/anno.jsonld",
    }:
        raise AssertionError(f"the annotations asked for a document from the network: {url}")
    document = json.loads(ANNOTATION_CONTEXT.read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


def test_every_citation_is_one_annotation(exported: dict[str, Any]) -> None:
    items = exported["first"]["items"]

    assert exported["type"] == "AnnotationCollection"
    assert exported["total"] == len(items) == len(checked().citations) > 300
    assert len({item["id"] for item in items}) == len(items)
    places = {(c.citation.place.page, c.citation.place.fragment) for c in checked().citations}
    cited = {item["body"][1]["id"] for item in items}
    assert len(cited) == len(places)
    # Claims, evidence, answers and inline citations of hand-written pages are all there.
    assert any(link.startswith("../sources/") and "#claim-" in link for link in cited)
    assert any("#evidence-" in link for link in cited)
    assert any(link.startswith("../#cite-") for link in cited)
    # Each body states what cites the passage: a claim's body is the claim's English text.
    claims = {
        f"../sources/{source.id}/#claim-{claim.id}": claim.text
        for source in checked().sources
        for claim in source.metadata.claims
    }
    statements = {item["body"][1]["id"]: item["body"][0] for item in items}
    assert claims
    assert all(statements[link]["value"] == text for link, text in claims.items())
    assert all(body["type"] == "TextualBody" and body["value"] for body in statements.values())


def test_every_selector_selects_the_cited_passage_and_only_it(exported: dict[str, Any]) -> None:
    texts = {source.id: source.text for source in checked().sources}
    for item in exported["first"]["items"]:
        target = item["target"]
        source_id = target["source"].removeprefix("../sources/").removesuffix("/")
        text = texts[source_id]
        css, position = target["selector"]
        quote = css["refinedBy"]
        assert (css["type"], css["value"]) == ("CssSelector", "div.dossier-text")
        assert (quote["type"], position["type"]) == ("TextQuoteSelector", "TextPositionSelector")
        start, end = position["start"], position["end"]

        assert text[start:end] == quote["exact"], item["id"]
        assert text[:start].endswith(quote.get("prefix", "")), item["id"]
        assert text[end:].startswith(quote.get("suffix", "")), item["id"]
        # The words around the passage tell it from any other occurrence of the same words.
        context = quote.get("prefix", "") + quote["exact"] + quote.get("suffix", "")
        assert text.count(context) == 1, item["id"]


def test_the_document_expands_with_the_web_annotation_context(exported: dict[str, Any]) -> None:
    expanded = jsonld.expand(exported, {"base": BASE, "documentLoader": local_loader})

    collection = expanded[0]
    assert collection["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    page = collection["http://www.w3.org/ns/activitystreams#first"][0]
    annotations = page["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    assert len(annotations) == len(checked().citations)
    first = annotations[0]
    assert first["@type"] == [f"{OA}Annotation"]
    assert first["@id"].startswith(f"{BASE}#")
    target = first[f"{OA}hasTarget"][0]
    assert target[f"{OA}hasSource"][0]["@id"].startswith("https://dossier.example/sources/")
    selectors = {s["@type"][0]: s for s in target[f"{OA}hasSelector"]}
    (quote,) = selectors[f"{OA}CssSelector"][f"{OA}refinedBy"]
    assert quote["@type"] == [f"{OA}TextQuoteSelector"]
    assert f"{OA}exact" in quote
    assert selectors[f"{OA}TextPositionSelector"][f"{OA}start"][0]["@type"] == (
        "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    )
    bodies = first[f"{OA}hasBody"]
    assert any(body.get("@id", "").startswith("https://dossier.example/") for body in bodies), (
        bodies
    )
    (statement,) = [body for body in bodies if body["@type"] == [f"{OA}TextualBody"]]
    assert statement["http://www.w3.org/1999/02/22-rdf-syntax-ns#value"][0]["@value"]


def test_an_answers_citations_are_annotations_too(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme")
    example_project.add_question(
        "crypto-scheme/keys",
        title="Who holds the keys?",
        status="answered",
        answer={
            "text": "Data encryption is named.",
            "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
        },
    )

    exported = json.loads(
        render_pages(check_project(example_project.root, TODAY), TODAY)[REGISTER_ANNOTATIONS]
    )

    (answer,) = [
        item for item in exported["first"]["items"] if item["body"][1]["id"].endswith("#answer-1")
    ]
    assert answer["body"][1]["id"] == "crypto-scheme/keys/#answer-1"
    assert answer["target"]["source"] == "../sources/000_abc/"
    assert answer["target"]["selector"][0]["refinedBy"] == {
        "type": "TextQuoteSelector",
        "exact": "El cifrado de datos",
        "prefix": " negocia un acuerdo con SpaceX. ",
        "suffix": " protege las conexiones.",
    }


def bodies_by_link(project: ExampleProject) -> dict[str, Any]:
    """Each annotation's body (the statement, then the link to it), by that link."""
    exported = json.loads(
        render_pages(check_project(project.root, TODAY), TODAY)[REGISTER_ANNOTATIONS]
    )
    return {item["body"][1]["id"]: item["body"] for item in exported["first"]["items"]}


def test_each_body_is_the_citing_statement_with_a_link_to_its_page(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme")
    example_project.add_question(
        "crypto-scheme/keys",
        body=(
            "Why it matters.\n\nThe article names data encryption [@000_abc"
            ' "El cifrado de datos" show] and nothing more. It names a deal'
            ' [@000_abc "Italia negocia un acuerdo"].\n'
        ),
        title="Who holds the keys?",
        status="answered",
        answer={
            "text": "Data encryption is named,\n but not who holds the keys.",
            "items": [
                {
                    "item": "parameter",
                    "text": "Data encryption.",
                    "citations": [{"source": "000_abc", "quote": "protege las conexiones"}],
                }
            ],
            "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
        },
    )

    bodies = bodies_by_link(example_project)
    statements = {link: body[0]["value"] for link, body in bodies.items()}
    assert statements == {
        "crypto-scheme/keys/#evidence-1": "Says nothing more.",
        "crypto-scheme/keys/#answer-1": "Data encryption is named, but not who holds the keys.",
        "crypto-scheme/keys/#item-parameter--1": "Data encryption.",
        # Inline: the sentence around the citation, with the quoted words where the page shows
        # them, and without the bare link where it shows only that.
        "crypto-scheme/keys/#cite-1": (
            'The article names data encryption "El cifrado de datos" and nothing more.'
        ),
        "crypto-scheme/keys/#cite-2": "It names a deal.",
    }
    statement, page = bodies["crypto-scheme/keys/#answer-1"]
    assert statement == {
        "type": "TextualBody",
        "purpose": "describing",
        "value": "Data encryption is named, but not who holds the keys.",
        "format": "text/plain",
        "language": "en",
    }
    assert page == {
        "id": "crypto-scheme/keys/#answer-1",
        "type": "Text",
        "format": "text/html",
        "language": "en",
        "label": "Who holds the keys?",
    }


def test_a_citation_in_a_table_heading_or_admonition_is_stated_without_their_markup(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme")
    example_project.add_question(
        "crypto-scheme/keys",
        body=(
            "Why it matters.\n\n"
            "| Field | Value |\n| --- | --- |\n"
            '| Cipher | Data encryption [@000_abc "El cifrado de datos"]. |\n\n'
            '!!! note "Keys"\n    A deal is named [@000_abc "Italia negocia un acuerdo"].\n\n'
            '## Connections [@000_abc "protege las conexiones"]\n\nMore.\n'
        ),
    )

    statements = {link: body[0]["value"] for link, body in bodies_by_link(example_project).items()}
    assert statements["crypto-scheme/keys/#cite-1"] == "Data encryption."
    assert statements["crypto-scheme/keys/#cite-2"] == "A deal is named."
    assert statements["crypto-scheme/keys/#cite-3"] == "Connections"


def test_each_annotation_is_one_line_exactly_as_json_writes_it() -> None:
    document = render_pages(checked(), AFTER_ALL_CONTENT)[REGISTER_ANNOTATIONS]
    lines = [line.rstrip(",") for line in document.splitlines() if line.startswith('{"id"')]

    assert len(lines) == len(checked().citations)
    for line in lines:
        assert json.dumps(json.loads(line), ensure_ascii=False) == line
