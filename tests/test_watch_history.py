"""Which commits of the history made a source text newly match a question's watch terms."""

from __future__ import annotations

from conftest import EXAMPLE_ARTICLE, TODAY, ExampleProject
from dossier.build import check_project
from dossier.checks.watch import history_watch_matches
from dossier.model.history import HistoryEntry, SourceTextChange
from dossier.model.watch import WatchMatch


def text(source_id: str, before: str | None, after: str | None) -> SourceTextChange:
    """A text change, its sha256 stood in for by the text itself."""
    return SourceTextChange(source_id, before, after, before, after)


def test_only_terms_a_text_did_not_match_before_are_new_folded_as_check_folds(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme", "architecture")
    example_project.add_question("crypto-scheme/keys", watch=["satélite", "data key"])
    example_project.add_question("architecture/tier", watch=["gateway"])
    questions = check_project(example_project.root, TODAY).questions
    history = (
        HistoryEntry(
            "c3",
            "2026-11-03",
            "Name a data key",
            (("M", "seeds/001_new.txt"),),
            source_texts=(text("001_new", "Un SATELITE.", "Un SATELITE. A data\nkey."),),
        ),
        HistoryEntry(
            "c2",
            "2026-11-02",
            "Add a source",
            (("A", "seeds/001_new.txt"),),
            source_texts=(text("001_new", None, "Un SATELITE."),),
        ),
        HistoryEntry(
            "c1",
            "2026-11-01",
            "Ask",
            (("A", "docs/register/crypto-scheme/keys.md"),),
        ),
        HistoryEntry(
            "c0",
            "2026-10-01",
            "A gateway before the tier question",
            (("A", "seeds/002.txt"),),
            source_texts=(text("002", None, "A gateway."),),
        ),
    )

    assert history_watch_matches(history, questions) == {
        "c3": (WatchMatch("crypto-scheme/keys", "001_new", "data key"),),
        "c2": (WatchMatch("crypto-scheme/keys", "001_new", "satélite"),),
        # architecture/tier's file was added by no commit shown: the match counts for it.
        "c0": (WatchMatch("architecture/tier", "002", "gateway"),),
    }


def test_a_commit_older_than_the_question_matches_nothing_of_it(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme")
    example_project.add_question("crypto-scheme/keys", watch=["satellite"])
    questions = check_project(example_project.root, TODAY).questions
    history = (
        HistoryEntry("c1", "2026-11-01", "Ask", (("A", "docs/register/crypto-scheme/keys.md"),)),
        HistoryEntry(
            "c0",
            "2026-10-01",
            "Add a source",
            (("A", "seeds/001.txt"),),
            source_texts=(text("001", None, "A satellite."),),
        ),
    )

    assert history_watch_matches(history, questions) == {}


def test_a_term_does_not_run_from_one_paragraph_into_the_next(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme")
    example_project.add_question("crypto-scheme/keys", watch=["data key"])
    questions = check_project(example_project.root, TODAY).questions
    history = (
        HistoryEntry(
            "c2",
            "2026-11-02",
            "Add a source",
            (("A", "seeds/001_new.txt"),),
            source_texts=(text("001_new", None, "Data\n\nKey rotation is not named."),),
        ),
        HistoryEntry("c1", "2026-11-01", "Ask", (("A", "docs/register/crypto-scheme/keys.md"),)),
    )

    assert history_watch_matches(history, questions) == {}
