"""The register's history page, every commit that changed it, and each question's timeline."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import jinja2

from dossier.model.history import GIT_STATUS_WORDS, HistoryEntry, Tag
from dossier.model.watch import WatchMatch
from dossier.render.change_words import question_change
from dossier.render.register_view import RegisterView
from dossier.render.templating import relative_link
from dossier.site import (
    REGISTER_HISTORY_PAGE,
    TIMELINE_FRAGMENT,
    question_id_of_file,
    question_page,
    source_id_of_file,
    source_page,
    url_from,
)


def touched(entry: HistoryEntry, view: RegisterView) -> list[tuple[str, str, str | None]]:
    """(git status, label, link from the history page or None) for what a commit changed."""
    items: dict[str, tuple[str, str, str | None]] = {}
    for status, path in entry.changed:
        question_id = question_id_of_file(path)
        source_id = source_id_of_file(path)
        if question_id is not None:
            known = view.question(question_id) is not None
            page = relative_link(REGISTER_HISTORY_PAGE, question_page(question_id))
            link = f"{page}#{TIMELINE_FRAGMENT}"
            items.setdefault(question_id, (status, question_id, link if known else None))
        elif source_id is not None:
            known = source_id in view.sources
            link = relative_link(REGISTER_HISTORY_PAGE, source_page(source_id))
            items.setdefault(source_id, (status, source_id, link if known else None))
    return list(items.values())


def render_history_page(
    view: RegisterView,
    environment: jinja2.Environment,
    history: tuple[HistoryEntry, ...],
    *,
    partial: bool = False,
    tags: tuple[Tag, ...] = (),
) -> str:
    """The register's history page; `partial` when git holds only the latest commits.

    `tags` are listed, each with the command that builds the site as it stood at it.
    """
    return environment.get_template("register_history.md.j2").render(
        entries=history,
        tags=tags,
        touched=lambda entry: touched(entry, view),
        partial=partial,
        status_words=GIT_STATUS_WORDS,
    )


@dataclass(frozen=True)
class TimelineRow:
    """One commit that changed a question, or newly matched its watch terms, as its page shows."""

    date: str
    commit: str
    change: str
    """What the commit did to the question's file (`change_words.question_change`): `added as
    open`, `status open → answered, answer changed`; empty when it changed only a source."""
    subject: str
    matches: tuple[tuple[str, str, str | None], ...] = ()
    """(term, source id, address of its page from the question's page, or None) for each watch
    term the commit's source texts newly match; no address for a source gone since."""


def question_timeline(
    question_id: str,
    history: tuple[HistoryEntry, ...],
    watch_matches: Mapping[str, tuple[WatchMatch, ...]] | None = None,
    sources: Collection[str] = (),
) -> list[TimelineRow]:
    """The commits of `history` that changed the question's file or newly matched its watch terms
    (`watch_matches`, by commit: `checks.watch.history_watch_matches`), newest first.

    A matched source links to its page when it is among `sources`, those loaded now.
    """
    page = question_page(question_id)
    rows = []
    for entry in history:
        touched = [(s, p) for s, p in entry.changed if question_id_of_file(p) == question_id]
        matches = tuple(
            (
                match.term,
                match.source_id,
                url_from(page, source_page(match.source_id))
                if match.source_id in sources
                else None,
            )
            for match in (watch_matches or {}).get(entry.commit_id or entry.commit, ())
            if match.question_id == question_id
        )
        if not touched and not matches:
            continue
        change = ""
        if touched:
            git_status, path = touched[0]
            status = next((c for c in entry.status_changes if c.path == path), None)
            edit = next((e for e in entry.question_edits if e.path == path), None)
            change = question_change(git_status, status, edit)
        rows.append(TimelineRow(entry.date, entry.commit, change, entry.subject, matches))
    return rows
