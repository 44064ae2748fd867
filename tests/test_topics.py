"""Claims and topics: the curated summaries of the seeds, and the rules claims follow."""

from __future__ import annotations

import yaml

from conftest import TODAY, ExampleProject
from dossier.build import check_project
from dossier.checks.topics import claim_findings
from dossier.load.sources import load_sources
from dossier.load.topics import load_topics

SPANISH, ITALIAN = "000_7edff155f20879db", "001_de767ab6f4448240"


def write_claims(project: ExampleProject, claims: list[dict[str, object]]) -> None:
    sidecar = project.seeds / "000_abc.yml"
    data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    data["claims"] = claims
    sidecar.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def curated_example(project: ExampleProject) -> None:
    """A two-sentence source and a topics file with one topic, deal.value."""
    project.add_seed("000_abc", "Italia negocia un acuerdo. Vale mucho.")
    (project.seeds / "topics.yml").write_text(
        "- id: deal.value\n  title: Value\n  description: The amount.\n", encoding="utf-8"
    )


def test_an_unknown_topic_and_a_repeated_claim_id_are_errors(
    example_project: ExampleProject,
) -> None:
    curated_example(example_project)
    write_claims(
        example_project,
        [
            {
                "id": "talks",
                "topic": "deal.talks",
                "text": "Italy negotiates.",
                "cite": {"quote": "Italia negocia"},
            },
            {
                "id": "talks",
                "topic": "deal.value",
                "text": "It is worth a lot.",
                "cite": {"quote": "Vale mucho"},
            },
        ],
    )
    topics, problems = load_topics(example_project.root)

    found = claim_findings(load_sources(example_project.root).sources, topics)

    assert problems == []
    assert [f.message for f in found] == [
        "claim 'talks' has unknown topic 'deal.talks'",
        "claim id 'talks' is used 2 times",
        "claim id 'talks' is used 2 times",
    ]
    assert found[0].hint == "Use a topic of seeds/topics.yml: deal.value."


def test_a_curated_source_below_full_coverage_is_warned_about(
    example_project: ExampleProject,
) -> None:
    curated_example(example_project)
    write_claims(
        example_project,
        [
            {
                "id": "value",
                "topic": "deal.value",
                "text": "It is worth a lot.",
                "cite": {"quote": "Vale mucho"},
            }
        ],
    )

    messages = [
        f.message for f in check_project(example_project.root, TODAY).findings if not f.is_error
    ]

    assert "claims and questions cite 50% of 000_abc; uncited: #p1-s1" in messages


def test_topics_that_could_break_the_comparison_page_are_errors(
    example_project: ExampleProject,
) -> None:
    (example_project.seeds / "topics.yml").write_text(
        "- id: deal.value onclick=alert(1)\n  title: Value\n  description: The amount.\n"
        "- id: deal.status\n  title: Status\n  description: The talks.\n  difference: [not, text]\n"
        "- id: deal.users\n  title: Users\n  description: Who.\n"
        "- id: deal.users\n  title: Users again\n  description: Who.\n",
        encoding="utf-8",
    )

    topics, problems = load_topics(example_project.root)

    assert [topic.id for topic in topics] == ["deal.users"]
    assert [(p.line, p.message) for p in problems] == [
        (1, "0.id: 'deal.value onclick=alert(1)' does not match '^[a-z0-9]+(?:[.-][a-z0-9]+)*$'"),
        (7, "1.difference: ['not', 'text'] is not of type 'string'"),
        (11, "topic 'deal.users' is listed twice"),
    ]
