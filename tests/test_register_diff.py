"""`python -m dossier diff`: what changed in the register between two revisions of a git repo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import EXAMPLE_ARTICLE, TODAY, ExampleProject, git, run_dossier
from dossier.adapters.git import history
from dossier.build import check_project
from dossier.render.pages import render_pages

pytestmark = pytest.mark.integration
Golden = Callable[[str, str], None]


@pytest.fixture
def repository(example_project: ExampleProject) -> ExampleProject:
    """A git repository with a register of three questions, committed as `base`."""
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("architecture", "crypto-scheme")
    example_project.add_question("crypto-scheme/keys", title="Who holds the keys?")
    example_project.add_question("architecture/tier", title="Which service tier?", priority="low")
    example_project.add_question("architecture/gateways", title="Where are the gateways?")
    git(example_project.root, "init", "-q", "-b", "main")
    git(example_project.root, "add", "-A")
    git(example_project.root, "commit", "-q", "-m", "base")
    git(example_project.root, "tag", "base")
    return example_project


def test_the_report_names_each_change_to_the_register(repository: ExampleProject) -> None:
    repository.add_question("crypto-scheme/ciphers", title="Which ciphers?")
    repository.add_question(
        "crypto-scheme/keys",
        title="Who holds the keys?",
        status="answered",
        answer={
            "text": "Data encryption is named.",
            "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
        },
    )
    repository.add_question(
        "architecture/tier", title="Which service tier?", priority="high", watch=["tier", "nivel"]
    )
    (repository.root / "docs/register/architecture/gateways.md").unlink()
    git(repository.root, "add", "-A")
    git(repository.root, "commit", "-q", "-m", "change")

    committed = run_dossier("diff", "base", "HEAD", cwd=repository.root)

    assert committed.returncode == 0, committed.stderr
    report = committed.stdout
    assert report.startswith("## Register changes from base to HEAD\n")
    assert "### Questions added (1)\n\n- `crypto-scheme/ciphers`: Which ciphers?\n" in report
    assert (
        "### Questions removed (1)\n\n- `architecture/gateways`: Where are the gateways?\n"
        in report
    )
    assert "- `crypto-scheme/keys`: Who holds the keys? — **open → answered**" in report
    assert (
        "- `crypto-scheme/keys`: Who holds the keys?\n"
        "  - answer added: Data encryption is named.\n"
        "    - [“El cifrado de datos”](sources/000_abc/#p1-s2) (000\\_abc p1-s2)\n"
    ) in report
    assert "- `architecture/tier`: Which service tier? — **low → high**" in report
    assert (
        "- `architecture/tier`: Which service tier? — `watch`: added `tier`; `watch`: added `nivel`; `watch`: removed `satellite`; `watch`: removed `satélite`"
        in report
    )


def test_the_working_tree_is_the_default_head_and_sources_are_reported(
    repository: ExampleProject,
) -> None:
    repository.add_seed("001_new", "Un artículo nuevo.")
    repository.add_question(
        "crypto-scheme/keys",
        title="Who holds the keys?",
        evidence=[
            {"source": "000_abc", "quote": "El cifrado de datos", "note": "Encryption only."}
        ],
    )

    report = run_dossier("diff", "base", cwd=repository.root).stdout

    assert report.startswith("## Register changes from base to the working tree\n")
    assert "- added `001_new`: `A test article`" in report
    assert (
        "  - added [“El cifrado de datos”](sources/000_abc/#p1-s2) (000\\_abc p1-s2): "
        "Encryption only.\n"
        "  - removed [“Italia negocia un acuerdo”](sources/000_abc/#p1-s1) (000\\_abc p1-s1): "
        "Says nothing more.\n"
    ) in report


def test_no_change_is_said_plainly(repository: ExampleProject) -> None:
    result = run_dossier("diff", "base", cwd=repository.root)

    assert result.returncode == 0
    assert (
        result.stdout
        == "## Register changes from base to the working tree\n\nNo change to the register or the sources.\n"
    )


def test_a_bad_revision_is_a_clear_error(repository: ExampleProject) -> None:
    result = run_dossier("diff", "no-such-branch", cwd=repository.root)

    assert result.returncode == 2
    assert (
        "unknown revision 'no-such-branch'; name a branch, tag or commit that git knows"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def commit_an_answer(repository: ExampleProject) -> dict[str, Any]:
    """Answer crypto-scheme/keys and commit it; returns the answer, to keep it in later edits."""
    answer = {
        "text": "Data encryption.",
        "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
    }
    repository.add_question(
        "crypto-scheme/keys", title="Who holds the keys?", status="answered", answer=answer
    )
    git(repository.root, "commit", "-q", "-am", "answered")
    return answer


def test_re_opening_an_answered_question_needs_a_new_citation_or_a_note(
    repository: ExampleProject,
) -> None:
    answer = commit_an_answer(repository)
    repository.add_question(
        "crypto-scheme/keys", title="Who holds the keys?", status="open", answer=answer
    )

    bare = run_dossier("diff", "HEAD", cwd=repository.root).stdout
    repository.add_question(
        "crypto-scheme/keys",
        body="A later report contradicts the answer.\n",
        title="Who holds the keys?",
        status="open",
        answer=answer,
    )
    explained = run_dossier("diff", "HEAD", cwd=repository.root).stdout

    assert (
        "### Lifecycle rules broken (1)\n\n- `docs/register/crypto-scheme/keys.md:4`: "
        "crypto-scheme/keys: answered → open breaks the rule "
        "'re-opening needs new evidence or a note'"
    ) in bare
    assert "Lifecycle rules broken" not in explained
    assert "**answered → open**" in explained


def test_withdrawing_an_answered_question_is_not_a_re_opening(repository: ExampleProject) -> None:
    answer = commit_an_answer(repository)
    repository.add_question(
        "crypto-scheme/keys",
        title="Who holds the keys?",
        status="withdrawn",
        answer=answer,
        reason="Out of scope.",
    )

    report = run_dossier("diff", "HEAD", cwd=repository.root).stdout

    assert "**answered → withdrawn**" in report
    assert "Lifecycle rules broken" not in report


def test_the_history_page_lists_each_commit_with_what_it_touched(
    repository: ExampleProject,
) -> None:
    repository.add_question("crypto-scheme/ciphers", title="Which ciphers?")
    git(repository.root, "add", "-A")
    git(repository.root, "commit", "-q", "-m", "Ask about <ciphers>")
    changes = history(repository.root, ("docs/register", "seeds"))

    page = render_pages(check_project(repository.root, TODAY), TODAY, changes)[
        "register/history.md"
    ]

    rows = [line for line in page.splitlines() if line.startswith("| 20")]
    assert len(rows) == 2
    assert (
        "| Ask about &#60;ciphers&#62; | [crypto&#45;scheme/ciphers](crypto-scheme/ciphers.md#timeline) (added) |"
        in rows[0]
    )
    assert "[000&#95;abc](../sources/000_abc.md) (added)" in rows[1]
    assert "categories" not in page


def committed_diff(repository: ExampleProject) -> str:
    """Commit the working tree and return `diff base HEAD` as a reviewer reads it."""
    git(repository.root, "add", "-A")
    git(repository.root, "commit", "-q", "-m", "change")
    result = run_dossier("diff", "--check", "base", "HEAD", cwd=repository.root)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_an_answer_change_shows_each_item_with_its_quotes_linked(
    repository: ExampleProject, golden: Golden
) -> None:
    repository.add_question(
        "crypto-scheme/keys",
        title="Who holds the keys?",
        status="answered",
        missing=[{"id": "parameter", "text": "a named parameter"}],
        answer={
            "text": "Data encryption is named.",
            "items": [
                {
                    "item": "parameter",
                    "text": "Data encryption, with *no* scheme.",
                    "citations": [{"source": "000_abc", "quote": "El cifrado de datos"}],
                }
            ],
        },
    )

    golden("diff_answer_change.md", committed_diff(repository))


def test_a_note_changed_under_the_same_quote_is_reported_as_such(
    repository: ExampleProject, golden: Golden
) -> None:
    repository.add_question(
        "crypto-scheme/keys",
        title="Who holds the keys?",
        evidence=[
            {
                "source": "000_abc",
                "quote": "Italia negocia un acuerdo",
                "note": "Names a negotiation, not its stage.",
            }
        ],
    )

    report = committed_diff(repository)

    assert "added “Italia negocia un acuerdo”" not in report
    golden("diff_note_change.md", report)


def test_a_prose_change_is_a_word_level_diff_in_a_collapsible_block(
    repository: ExampleProject, golden: Golden
) -> None:
    repository.add_question(
        "crypto-scheme/keys",
        title="Who holds the keys?",
        body="Why it matters to <everyone>.\n",
    )

    golden("diff_prose_change.md", committed_diff(repository))


def test_what_a_pull_request_writes_is_shown_in_the_summary_not_interpreted(
    repository: ExampleProject,
) -> None:
    hostile = "**Bold** [click](https://evil.example) <img src=x> `tick`"
    repository.add_question("crypto-scheme/keys", title=f"{hostile}?", owner=hostile)

    report = run_dossier("diff", "base", cwd=repository.root).stdout

    (line,) = [line for line in report.splitlines() if "Bold" in line and "owner" not in line]
    assert "[click](" not in line.replace("\\[click\\](", "")
    assert "<img" not in line
    assert (
        "\\*\\*Bold\\*\\* \\[click\\](https://evil.example) &lt;img src=x&gt; \\`tick\\`?" in report
    )
    assert "`owner`: (none) → `**Bold** [click](https://evil.example) <img src=x> 'tick'`" in report


def test_a_changed_source_lists_the_questions_it_flags_until_they_are_pinned_again(
    repository: ExampleProject,
) -> None:
    repository.add_seed("000_abc", EXAMPLE_ARTICLE + "Una frase añadida después.\n")
    reviewed = run_dossier("review", "architecture/gateways", cwd=repository.root)
    assert reviewed.returncode == 0, reviewed.stderr

    report = committed_diff(repository)

    section = report.split("### Needs re-review (2)\n\n")[1].split("\n\n")[0]
    assert section.splitlines() == [
        f"- `{question_id}`: {title} — cites `000_abc`, whose text changed; read the question "
        f"again, then run `python -m dossier review {question_id}`"
        for question_id, title in [
            ("architecture/tier", "Which service tier?"),
            ("crypto-scheme/keys", "Who holds the keys?"),
        ]
    ]
    assert "- changed `000_abc`: its text changed; `sha256` changed" in report
