"""Source pages with their summaries, quotations and facts, and the comparison of the seeds."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import pytest

from conftest import PROJECT_ROOT, ExampleProject
from dossier.checks import check_project
from dossier.render import render_pages

AS_OF = datetime.date(2026, 11, 23)
SPANISH, ITALIAN = "000_7edff155f20879db", "001_de767ab6f4448240"


@pytest.fixture(scope="module")
def pages() -> Mapping[str, str]:
    return render_pages(check_project(PROJECT_ROOT), AS_OF)


def test_the_comparison_lists_every_topic_and_marks_the_known_differences(
    pages: Mapping[str, str],
) -> None:
    checked = check_project(PROJECT_ROOT)
    comparison = pages["comparison.md"]

    for topic in checked.topics:
        assert f"| **{topic.title}** |" in comparison.replace("&#45;", "-")
    rows = {
        line.split(" | ")[0].strip("| *"): line
        for line in comparison.splitlines()
        if line.startswith("| **")
    }
    assert rows["Status of the talks"].endswith("**[differs](#deal-status)** |")
    assert rows["Official response"].endswith("**[differs](#official-denial)** |")
    assert "*not reported*" in rows["Official response"]
    assert rows["Backers within the Italian state"].endswith("**one source** |")
    assert "### Status of the talks { #deal-status }" in comparison


def test_a_curated_source_page_has_its_abstract_claims_quotations_and_facts(
    pages: Mapping[str, str],
) -> None:
    page = pages[f"sources/{SPANISH}.md"]

    assert "## Summary" in page
    assert "Not yet curated" not in page
    assert "{#claim-link-value .dossier-cite}" in page
    assert "## Direct quotations" in page
    assert page.count('<span id="quotation-') == 2
    assert (
        '| money | <span lang="es">1.500 millones de euros</span> | EUR 1,500,000,000 | [p2-s1](#p2-s1) |'
        in page
    )
    assert "<dt>Coverage</dt><dd>15 of 15 sentences (100&#160;%)" in page
    assert "dossier-sentence--uncovered" not in page


def test_an_uncurated_source_gets_an_automatic_summary_and_facts_and_a_warning(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed(
        "000_abc",
        "Italia negocia con SpaceX. Costaría 1,5 miliardi di euro. Tercera. Cuarta.",
        language="it",
    )
    checked = check_project(example_project.root, AS_OF)

    page = render_pages(checked, AS_OF)["sources/000_abc.md"]

    assert '!!! warning "Not yet curated"' in page
    assert page.count('- <span lang="it">') == 3
    assert "Cuarta" not in page.split("## Facts")[0]
    assert "EUR 1,500,000,000" in page
    assert checked.errors == ()
    assert any("000_abc is not curated yet" in w.message for w in checked.warnings)
