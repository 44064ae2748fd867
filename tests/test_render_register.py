"""The register's generated pages and downloads, rendered from a temporary project."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping

import jsonschema
import pytest

from conftest import EXAMPLE_ARTICLE, TODAY, ExampleProject, valid_sidecar, without_curation
from dossier.build import check_project
from dossier.model.schemas import QUESTION_SCHEMA, load_schema
from dossier.render.pages import render_pages


@pytest.fixture
def pages(example_project: ExampleProject) -> Mapping[str, str]:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("architecture", "crypto-scheme")
    example_project.add_question(
        "crypto-scheme/keys",
        title="Who holds the keys?",
        raised="2026-11-03",
        watch=["cifrado"],
        related=["architecture/tier"],
        body='Data encryption is named [@000_abc "El cifrado de datos"].\n',
    )
    example_project.add_question(
        "architecture/tier",
        title="Which service tier?",
        status="answered",
        priority="medium",
        basis="inference",
        missing=[
            {"id": "tier", "text": "the service tier"},
            {"id": "escrow", "text": "key escrow"},
        ],
        answer={
            "text": "An agreement.",
            "citations": [{"source": "000_abc", "quote": "negocia un acuerdo"}],
            "items": [
                {
                    "item": "tier",
                    "text": "A negotiated agreement.",
                    "citations": [{"source": "000_abc", "quote": "negocia un acuerdo"}],
                },
                {
                    "item": "escrow",
                    "not_applicable": "Nothing is encrypted <yet>.",
                    "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
                },
            ],
        },
    )
    checked = check_project(example_project.root, TODAY)
    assert without_curation(checked.findings) == []
    return render_pages(checked, TODAY)


def test_the_index_counts_by_category_and_status_and_lists_every_question(
    pages: Mapping[str, str],
) -> None:
    index = pages["register/index.md"]

    assert "2 questions, 1 open, as of 2026-11-23." in index
    assert "| [Architecture](architecture/index.md) | 0 | 0 | 1 | 0 | 0 | 1 |" in index
    assert "| [Crypto&#45;Scheme](crypto-scheme/index.md) | 1 | 0 | 0 | 0 | 0 | 1 |" in index
    assert (
        "| [Who holds the keys?](crypto-scheme/keys.md) | [Crypto&#45;Scheme](crypto-scheme/index.md) "
        "| open | high | not-mentioned | 2026-11-03 | 20 | contract |"
    ) in index
    assert '<select data-dossier-filter="Status">' in index


def test_a_category_page_has_its_description_and_only_its_questions(
    pages: Mapping[str, str],
) -> None:
    page = pages["register/crypto-scheme/index.md"]

    assert "About crypto&#45;scheme." in page
    assert "[Who holds the keys?](keys.md)" in page
    assert "Which service tier?" not in page


def test_a_question_page_has_its_generated_header_then_its_body(pages: Mapping[str, str]) -> None:
    page = pages["register/crypto-scheme/keys.md"]

    assert page.startswith('---\ntitle: "Who holds the keys?"\n---\n# Who holds the keys?\n')
    assert 'dossier-badge--status-open">open</span>' in page
    assert "2026-11-03, 20 day(s) before 2026-11-23" in page
    # The generated parts are raw HTML blocks, which the MkDocs build keeps away from Markdown.
    assert '<!-- dossier:html -->\n<blockquote class="dossier-evidence" id="evidence-1">' in page
    assert (
        '<p><q lang="es">Italia negocia un acuerdo</q> <a class="dossier-cite" id="evidence-link-1"'
        ' href="../../../sources/000_abc/#p1-s1" title="Italia negocia un acuerdo">[000 p1-s1]</a></p>'
        in page
    )
    assert (
        '<li><span class="dossier-item" aria-hidden="true">○</span> <span id="item-parameter">a named parameter</span> <code>parameter</code>: open</li>'
        in page
    )
    assert "<p>Not answered: no source says it.</p>" in page
    assert (
        '<td><a href="../../../sources/000_abc/#p1-s2">000&#95;abc</a></td>\n'
        "<td>El cifrado de datos protege las conexiones.</td>\n<td>cifrado</td>\n<td>reviewed</td>"
        in page
    )
    assert '<li><a href="../../architecture/tier/">Which service tier?</a></li>' in page
    # The prose stays Markdown, its citations Markdown links that MkDocs checks.
    assert page.endswith(
        'Data encryption is named [\\[000 p1&#45;s2\\]](../../sources/000_abc.md#p1-s2 "El cifrado de datos"){#cite-1 .dossier-cite}.\n'
    )


def test_an_answer_from_news_only_is_marked_secondary_and_an_inference_says_so(
    pages: Mapping[str, str],
) -> None:
    page = pages["register/architecture/tier.md"]

    assert "secondary: from news reports only" in page
    assert "An agreement." in page
    assert '!!! warning "Our inference, not reporting"' in page


def test_a_question_page_shows_its_items_as_a_checklist_with_answers_and_citations(
    pages: Mapping[str, str],
) -> None:
    page = pages["register/architecture/tier.md"]

    assert (
        "<li>\n"
        '<p><span class="dossier-item dossier-item--met" aria-hidden="true">✓</span> <span id="item-tier">the service tier</span> <code>tier</code>: <strong>answered</strong></p>\n'
        "<p>A negotiated agreement.</p>\n"
        "<ul>\n"
        '<li><span id="item-tier--1"><q lang="es">negocia un acuerdo</q></span> '
        '<a class="dossier-cite" id="item-tier--1-link" href="../../../sources/000_abc/#p1-s1"'
    ) in page
    assert (
        '<span id="item-escrow">key escrow</span> <code>escrow</code>: '
        "<strong>not applicable</strong></p>\n<p>Nothing is encrypted &#60;yet&#62;.</p>\n"
    ) in page
    assert '<span id="item-escrow--1"><q lang="es">El cifrado de datos</q></span>' in page


def test_the_dashboard_draws_charts_as_svg_with_the_same_figures_in_a_table(
    pages: Mapping[str, str],
) -> None:
    dashboard = pages["register/dashboard.md"]

    assert dashboard.count("<svg ") == 2
    assert (
        '<title id="chart-categories-title">Questions by category and status</title>' in dashboard
    )
    assert '<rect class="dossier-chart__segment dossier-chart__segment--open"' in dashboard
    assert "| [Who holds the keys?](crypto-scheme/keys.md) | high | 2026-11-03 | 20 |" in dashboard


def test_the_json_export_has_every_question_and_each_validates_against_the_schema(
    pages: Mapping[str, str],
) -> None:
    exported = json.loads(pages["register/register.json"])

    assert sorted(exported["questions"]) == ["architecture/tier", "crypto-scheme/keys"]
    schema = json.loads(pages["register/question.schema.json"])
    assert schema == load_schema(QUESTION_SCHEMA)
    for entry in exported["questions"].values():
        jsonschema.validate(entry, schema, format_checker=jsonschema.FormatChecker())
    keys = exported["questions"]["crypto-scheme/keys"]
    assert keys["evidence"] == [
        {"source": "000_abc", "quote": "Italia negocia un acuerdo", "note": "Says nothing more."}
    ]
    assert keys["related"] == ["architecture/tier"]
    assert keys["missing"] == [{"id": "parameter", "text": "a named parameter"}]
    items = exported["questions"]["architecture/tier"]["answer"]["items"]
    assert [(entry["item"], sorted(entry)) for entry in items] == [
        ("tier", ["citations", "item", "text"]),
        ("escrow", ["citations", "item", "not_applicable"]),
    ]


def test_the_csv_export_has_a_row_per_question_with_its_fields(pages: Mapping[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(pages["register/register.csv"])))

    assert [row["id"] for row in rows] == ["architecture/tier", "crypto-scheme/keys"]
    keys = rows[1]
    assert (keys["title"], keys["status"], keys["raised"], keys["age_days"]) == (
        "Who holds the keys?",
        "open",
        "2026-11-03",
        "20",
    )
    assert keys["watch"] == "cifrado"
    assert rows[0]["answer"] == "An agreement."
    assert (keys["missing"], keys["open_items"]) == ("parameter: a named parameter", "parameter")
    assert (rows[0]["missing"], rows[0]["open_items"]) == (
        "tier: the service tier; escrow: key escrow",
        "",
    )


def test_csv_cells_that_look_like_formulas_are_kept_as_text() -> None:
    from dossier.render.exports import spreadsheet_safe

    assert [spreadsheet_safe(v) for v in ("=HYPERLINK(1)", "+1", "-x", "@SUM", "plain", 3)] == [
        "'=HYPERLINK(1)",
        "'+1",
        "'-x",
        "'@SUM",
        "plain",
        "3",
    ]


def test_a_question_page_matches_its_golden_file(
    pages: Mapping[str, str], golden: Callable[[str, str], None]
) -> None:
    golden("question_page.md", pages["register/crypto-scheme/keys.md"])


def test_a_partly_answered_checklist_is_one_list_and_its_translations_stay_on_one_line(
    example_project: ExampleProject,
) -> None:
    translation = "Italy negotiates\n\nan agreement."
    example_project.add_seed(
        "000_abc",
        EXAMPLE_ARTICLE,
        sidecar=valid_sidecar(EXAMPLE_ARTICLE.encode())
        + f"translations:\n  p1-s1: {json.dumps(translation)}\n",
    )
    example_project.add_categories("crypto-scheme")
    example_project.add_question(
        "crypto-scheme/keys",
        status="partially-answered",
        missing=[{"id": "tier", "text": "the tier"}, {"id": "escrow", "text": "key escrow"}],
        answer={
            "text": "Partly.",
            "items": [
                {
                    "item": "tier",
                    "text": "An agreement.",
                    "citations": [{"source": "000_abc", "quote": "negocia un acuerdo"}],
                }
            ],
        },
    )
    checked = check_project(example_project.root, TODAY)
    assert without_curation(checked.findings) == []

    page = render_pages(checked, TODAY)["register/crypto-scheme/keys.md"]

    checklist = page.split("## What a complete answer must specify\n")[1].split("\n## ")[0]
    # An HTML block ends at a blank line for any Markdown reader that does not set it aside.
    assert "\n\n" not in checklist.strip()
    # As Markdown lays out a list with a paragraph in one item: the open item is a paragraph too.
    assert '<li><p><span class="dossier-item" aria-hidden="true">○</span>' in checklist
    assert "Our translation of the sentence: Italy negotiates an agreement.</span>" in checklist
