"""Review pins: a changed source flags the questions citing it until `review` pins it again."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE_ARTICLE, TODAY, ExampleProject, pin
from dossier.adapters.cli import main
from dossier.build import build, check_project
from dossier.model.history import ProjectHistory
from dossier.model.register import ReviewPin
from dossier.render.review import PinError, pinned_question_text
from dossier.site import REGISTER_DASHBOARD_PAGE, question_page

OTHER_ARTICLE = "Roma firma un contrato con la agencia. La red usa satélites propios.\n"
CHANGED_ARTICLE = EXAMPLE_ARTICLE + "El gobierno añadió una nota al final.\n"


@pytest.fixture
def pinned_project(example_project: ExampleProject) -> ExampleProject:
    """Three questions, all reviewed: two cite 000_abc (one only inline), one cites 001_xyz."""
    project = example_project
    project.add_seed("000_abc", EXAMPLE_ARTICLE)
    project.add_seed("001_xyz", OTHER_ARTICLE)
    project.add_categories("crypto-scheme", "architecture")
    other_evidence = [{"source": "001_xyz", "quote": "Roma firma un contrato", "note": "No more."}]
    project.add_question("crypto-scheme/keys", title="Who holds the keys?")
    project.add_question(
        "architecture/tier",
        title="Which tier?",
        evidence=other_evidence,
        reviewed=[pin("001_xyz", OTHER_ARTICLE)],
    )
    project.add_question(
        "architecture/gateways",
        body='Encryption is named [@000_abc "El cifrado de datos"].\n',
        title="Where are the gateways?",
        evidence=other_evidence,
        reviewed=[pin("000_abc", EXAMPLE_ARTICLE), pin("001_xyz", OTHER_ARTICLE)],
    )
    return project


def change_source(project: ExampleProject, source_id: str, text: str) -> None:
    """Edit a source's text and its sidecar's sha256, as an editor would."""
    project.add_seed(source_id, text)


def review_warnings(project: ExampleProject) -> list[str]:
    """What check says about re-review; an example project has other warnings (curation)."""
    findings = check_project(project.root, TODAY).findings
    return [str(f) for f in findings if "needs re-review" in f.message]


def test_a_reviewed_project_needs_no_re_review(pinned_project: ExampleProject) -> None:
    checked = check_project(pinned_project.root, TODAY)

    assert review_warnings(pinned_project) == []
    assert checked.stale_reviews == {}


def test_a_changed_source_flags_exactly_the_questions_citing_it(
    pinned_project: ExampleProject,
) -> None:
    change_source(pinned_project, "000_abc", CHANGED_ARTICLE)

    checked = check_project(pinned_project.root, TODAY)

    # Every quote still resolves, and yet both questions citing 000_abc are flagged: the one
    # citing it in its evidence and the one citing it only inline. The third is not.
    assert set(checked.stale_reviews) == {"crypto-scheme/keys", "architecture/gateways"}
    old = hashlib.sha256(EXAMPLE_ARTICLE.encode()).hexdigest()
    new = hashlib.sha256(CHANGED_ARTICLE.encode()).hexdigest()
    assert review_warnings(pinned_project) == [
        f"docs/register/architecture/gateways.md:{line}: warning: architecture/gateways needs "
        f"re-review: 000_abc changed since it was reviewed (pinned {old[:12]}, now {new[:12]}). "
        "Read the question again, then run python -m dossier review architecture/gateways."
        for line in [line_of(pinned_project, "architecture/gateways", "reviewed")]
    ] + [
        f"docs/register/crypto-scheme/keys.md:{line_of(pinned_project, 'crypto-scheme/keys', 'reviewed')}"
        f": warning: crypto-scheme/keys needs re-review: 000_abc changed since it was reviewed "
        f"(pinned {old[:12]}, now {new[:12]}). Read the question again, then run "
        "python -m dossier review crypto-scheme/keys."
    ]


def line_of(project: ExampleProject, question_id: str, field: str) -> int:
    lines = question_file(project, question_id).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(f"{field}:"))


def question_file(project: ExampleProject, question_id: str) -> Path:
    return project.root / "docs" / "register" / f"{question_id}.md"


def test_a_cited_source_without_a_pin_needs_review(pinned_project: ExampleProject) -> None:
    pinned_project.add_question("crypto-scheme/keys", title="Who holds the keys?", reviewed=[])

    (finding,) = review_warnings(pinned_project)

    assert "crypto-scheme/keys needs re-review: 000_abc" in finding
    assert "(pinned nothing, now " in finding


def test_review_pins_one_question_and_touches_only_its_reviewed_block(
    pinned_project: ExampleProject, capsys: pytest.CaptureFixture[str]
) -> None:
    change_source(pinned_project, "000_abc", CHANGED_ARTICLE)
    keys = question_file(pinned_project, "crypto-scheme/keys")
    gateways = question_file(pinned_project, "architecture/gateways")
    before, gateways_before = keys.read_text(encoding="utf-8"), gateways.read_bytes()

    assert main(["review", "crypto-scheme/keys", "--root", str(pinned_project.root)]) == 0

    new = hashlib.sha256(CHANGED_ARTICLE.encode()).hexdigest()
    assert capsys.readouterr().out == f"crypto-scheme/keys: pinned 000_abc at {new}\n"
    after = keys.read_text(encoding="utf-8")
    # Everything before the block and after it, the body included, is as it was.
    assert after.partition("reviewed:")[0] == before.partition("reviewed:")[0]
    assert after.partition("\n---\n")[2] == before.partition("\n---\n")[2]
    assert yaml.safe_load(after.split("---\n")[1]) == {
        **yaml.safe_load(before.split("---\n")[1]),
        "reviewed": [pin("000_abc", CHANGED_ARTICLE)],
    }
    # The other question citing the source keeps its mark until it is reviewed in turn.
    assert gateways.read_bytes() == gateways_before
    assert set(check_project(pinned_project.root, TODAY).stale_reviews) == {"architecture/gateways"}


def test_review_pins_every_cited_source_and_keeps_what_is_listed(
    pinned_project: ExampleProject, capsys: pytest.CaptureFixture[str]
) -> None:
    # Cites 000_abc in its evidence and 001_xyz inline; lists neither.
    pinned_project.add_question(
        "crypto-scheme/keys",
        body='A contract [@001_xyz "Roma firma un contrato"].\n',
        title="Who holds the keys?",
        reviewed=None,
    )
    assert len(review_warnings(pinned_project)) == 2

    assert main(["review", "crypto-scheme/keys", "--root", str(pinned_project.root)]) == 0

    text = question_file(pinned_project, "crypto-scheme/keys").read_text(encoding="utf-8")
    front_matter = yaml.safe_load(text.split("---\n")[1])
    assert front_matter["reviewed"] == [
        pin("000_abc", EXAMPLE_ARTICLE),
        pin("001_xyz", OTHER_ARTICLE),
    ]
    assert text.endswith('---\nA contract [@001_xyz "Roma firma un contrato"].\n')
    assert review_warnings(pinned_project) == []
    assert capsys.readouterr().out.count("pinned") == 2


def test_review_refuses_an_unknown_question(
    pinned_project: ExampleProject, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = question_file(pinned_project, "crypto-scheme/keys").read_bytes()

    with pytest.raises(SystemExit) as exit_status:
        main(["review", "crypto-scheme/nope", "--root", str(pinned_project.root)])

    assert exit_status.value.code == 2
    error = capsys.readouterr().err
    assert "no question 'crypto-scheme/nope'" in error
    assert "its path under docs/register/ without .md" in error
    assert question_file(pinned_project, "crypto-scheme/keys").read_bytes() == keys


def test_pinned_text_keeps_comments_and_the_fields_around_the_block() -> None:
    text = (
        "---\ntitle: X?\nreviewed: [a]  # old style\n# about the answer\nanswer: null\n---\nBody\n"
    )

    pinned = pinned_question_text(text, (ReviewPin("a", "f" * 64),))

    assert pinned == (
        f"---\ntitle: X?\nreviewed:\n  - source: a\n    sha256: {'f' * 64}\n"
        "# about the answer\nanswer: null\n---\nBody\n"
    )
    assert pinned_question_text("---\ntitle: X?\n---\nBody\n", ()) == (
        "---\ntitle: X?\nreviewed: []\n---\nBody\n"
    )
    with pytest.raises(PinError):
        pinned_question_text("no front matter\n", ())


def test_the_page_badge_and_the_dashboard_show_what_needs_re_review(
    pinned_project: ExampleProject,
) -> None:
    change_source(pinned_project, "000_abc", CHANGED_ARTICLE)

    pages = build(pinned_project.root, today=TODAY, history=ProjectHistory()).pages

    badge = '<span class="dossier-badge dossier-badge--needs-review"'
    assert badge in pages[question_page("crypto-scheme/keys")]
    assert badge in pages[question_page("architecture/gateways")]
    assert badge not in pages[question_page("architecture/tier")]
    dashboard = pages[REGISTER_DASHBOARD_PAGE]
    listed = dashboard.split("## Needs re-review")[1].split("\n## ")[0]
    assert "Who holds the keys?" in listed
    assert "Where are the gateways?" in listed
    assert "Which tier?" not in listed
    assert "000&#95;abc" in listed


def test_the_dashboard_says_when_nothing_needs_re_review(pinned_project: ExampleProject) -> None:
    pages = build(pinned_project.root, today=TODAY, history=ProjectHistory()).pages

    assert (
        "Every question has been reviewed against its sources' current text."
        in pages[REGISTER_DASHBOARD_PAGE]
    )
    assert "dossier-badge--needs-review" not in pages[question_page("crypto-scheme/keys")]
