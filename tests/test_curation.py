"""checks/curation: what `check` says about sources not yet summarised or not fully cited."""

from __future__ import annotations

import datetime

from conftest import EXAMPLE_ARTICLE, ExampleProject, valid_sidecar
from dossier.build import check_project

TODAY = datetime.date(2026, 11, 23)


def test_an_uncurated_source_is_a_warning_that_says_what_to_add(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)

    checked = check_project(example_project.root, TODAY)

    assert [str(f) for f in checked.findings if "curated" in f.message] == [
        "seeds/000_abc.yml:1: warning: 000_abc is not curated yet: its page shows an automatic "
        "summary. Add `claims:` for every factual statement, and a `title:` and `abstract:`."
    ]


def test_a_curated_source_with_an_uncited_sentence_names_it(
    example_project: ExampleProject,
) -> None:
    sidecar = valid_sidecar(EXAMPLE_ARTICLE.encode()) + (
        "claims:\n"
        "  - id: talks\n"
        "    topic: deal.value\n"
        "    text: Italy is negotiating with SpaceX.\n"
        '    cite: {quote: "Italia negocia un acuerdo con SpaceX"}\n'
    )
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE, sidecar=sidecar)
    (example_project.seeds / "topics.yml").write_text(
        "- id: deal.value\n  title: Value\n  description: The amount.\n", encoding="utf-8"
    )

    checked = check_project(example_project.root, TODAY)

    assert [str(f) for f in checked.findings if "cite" in f.message] == [
        "seeds/000_abc.yml:1: warning: claims and questions cite 50% of 000_abc; uncited: #p1-s2. "
        "Add a claim for each uncited sentence that states a fact."
    ]
