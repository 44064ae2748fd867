"""Source pages with their summaries, quotations and facts, and the comparison of the seeds."""

from __future__ import annotations

from collections.abc import Callable

import yaml

from conftest import TODAY, ExampleProject
from dossier.build import check_project
from dossier.render.pages import render_pages

SPANISH, ITALIAN = "000_7edff155f20879db", "001_de767ab6f4448240"


CURATED_SIDECAR = """\
title: Italy negotiates with SpaceX
abstract: Italy negotiates [@000_abc "Italia negocia 1.500 millones"].
claims:
  - id: value
    topic: deal.value
    text: Italy negotiates EUR 1,500 million.
    cite: {quote: "Italia negocia 1.500 millones"}
  - id: statement
    topic: deal.status
    text: The office calls it ridiculous.
    cite: {quote: "«Es ridículo», dijo la oficina"}
quotations:
  - speaker: la oficina (the office)
    translation: It is ridiculous.
    cite: {quote: "«Es ridículo»"}
"""


def test_a_curated_source_page_has_its_abstract_claims_quotations_and_facts(
    example_project: ExampleProject,
) -> None:
    (example_project.seeds / "topics.yml").write_text(
        "- id: deal.value\n  title: Value\n  description: The amount.\n"
        "- id: deal.status\n  title: Status\n  description: How far the talks are.\n",
        encoding="utf-8",
    )
    text_file = example_project.add_seed(
        "000_abc", "Italia negocia 1.500 millones de euros.\n\n«Es ridículo», dijo la oficina.\n"
    )
    sidecar = text_file.with_suffix(".yml")
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("title: A test article\n", "")
        + CURATED_SIDECAR,
        encoding="utf-8",
    )
    checked = check_project(example_project.root, TODAY)

    page = render_pages(checked, TODAY)["sources/000_abc.md"]

    assert checked.errors == ()
    assert "## Summary" in page
    assert "Not yet curated" not in page
    assert (
        '<li id="claim-value">Italy negotiates EUR 1,500 million. <a class="dossier-cite" '
        'id="claim-link-value" href="#p1-s1" title="Italia negocia 1.500 millones">[000 p1-s1]</a>'
        "</li>"
    ) in page
    assert "## Direct quotations" in page
    assert page.count('<span id="quotation-') == 1
    assert (
        '<tr><td>money</td><td lang="es">1.500 millones de euros</td><td>EUR 1,500,000,000</td>'
        '<td><a href="#p1-s1">p1-s1</a></td></tr>'
    ) in page
    assert "<dt>Coverage</dt><dd>2 of 2 sentences (100&#160;%)" in page
    assert "dossier-sentence--uncovered" not in page


def test_an_uncurated_source_gets_an_automatic_summary_and_facts_and_a_warning(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed(
        "000_abc",
        "Italia negocia con SpaceX. Costaría 1,5 miliardi di euro. Tercera. Cuarta.",
        language="it",
    )
    checked = check_project(example_project.root, TODAY)

    page = render_pages(checked, TODAY)["sources/000_abc.md"]

    assert '!!! warning "Not yet curated"' in page
    assert page.count('- <span lang="it">') == 3
    assert "Cuarta" not in page.split("## Facts")[0]
    assert "EUR 1,500,000,000" in page
    assert checked.errors == ()
    assert any("000_abc is not curated yet" in w.message for w in checked.warnings)


def test_the_comparison_matches_its_golden_file(
    example_project: ExampleProject, golden: Callable[[str, str], None]
) -> None:
    (example_project.seeds / "topics.yml").write_text(
        "- id: deal.value\n  title: Value\n  description: The amount.\n"
        "- id: deal.status\n  title: Status\n  description: How far the talks are.\n"
        '  difference: One says talks [@000_abc "negocia" show], the other [@001_def "tratta" show].\n'
        "- id: deal.backers\n  title: Backers\n  description: Who supports it.\n",
        encoding="utf-8",
    )
    claims = {
        "000_abc": (
            "es",
            "Italia negocia 1.500 millones. Defensa lo apoya.",
            [
                ("value", "deal.value", "It is worth 1,500 million.", "1.500 millones"),
                ("talks", "deal.status", "Italy negotiates.", "Italia negocia"),
                ("backing", "deal.backers", "Defence supports it.", "Defensa lo apoya"),
            ],
        ),
        "001_def": (
            "it",
            "L’Italia tratta per 1,5 miliardi.",
            [
                ("value", "deal.value", "It would be worth 1.5 billion.", "1,5 miliardi"),
                ("talks", "deal.status", "Italy is in talks.", "L’Italia tratta"),
            ],
        ),
    }
    for source_id, (language, text, source_claims) in claims.items():
        example_project.add_seed(source_id, text, language=language)
        sidecar = example_project.seeds / f"{source_id}.yml"
        entries = [
            {"id": i, "topic": t, "text": x, "cite": {"quote": q}} for i, t, x, q in source_claims
        ]
        sidecar.write_text(
            sidecar.read_text(encoding="utf-8")
            + yaml.safe_dump({"claims": entries}, allow_unicode=True),
            encoding="utf-8",
        )
    checked = check_project(example_project.root, TODAY)
    assert checked.errors == ()

    golden("comparison.md", render_pages(checked, TODAY)["comparison.md"])


def test_cited_by_lists_a_page_once_per_sentence(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", "Italia negocia un acuerdo con SpaceX.\n")
    example_project.add_categories("crypto-scheme")
    example_project.add_question(
        "crypto-scheme/keys",
        title="Who holds the keys?",
        body='Twice: [@000_abc "un acuerdo"] and [@000_abc "con SpaceX"].\n',
    )
    checked = check_project(example_project.root, TODAY)

    page = render_pages(checked, TODAY)["sources/000_abc.md"]

    (row,) = [line for line in page.splitlines() if line.startswith('<tr><td><a href="#p1-s1">')]
    assert row.count("Who holds the keys?") == 1
    assert '<a href="../../register/crypto-scheme/keys/#evidence-1">' in row
