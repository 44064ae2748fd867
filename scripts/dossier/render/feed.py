"""The register's change feed: an Atom entry per commit that changed a question or its review."""

from __future__ import annotations

import datetime
import html
import posixpath
from collections.abc import Mapping

from feedgen.feed import FeedGenerator

from dossier.model.history import HistoryEntry, ReviewMarks
from dossier.render.change_words import question_change
from dossier.render.register_view import RegisterView
from dossier.site import (
    REGISTER_FEED,
    REGISTER_HISTORY_PAGE,
    question_id_of_file,
    question_page,
    url_from_file,
)

FEED_TITLE = "Secure-communications dossier: register changes"
FEED_AUTHOR = "Secure-communications dossier"
# Atom asks for ids that never change; the feed's is fixed, an entry's is its commit's full hash.
FEED_ID = "urn:dossier:register:changes"


def _updated(entry: HistoryEntry) -> datetime.datetime:
    if entry.timestamp:
        return datetime.datetime.fromisoformat(entry.timestamp)
    return datetime.datetime.combine(
        datetime.date.fromisoformat(entry.date), datetime.time(), datetime.UTC
    )


def question_changes(
    entry: HistoryEntry, view: RegisterView, marks: ReviewMarks | None = None
) -> list[tuple[str, str, str | None]]:
    """(question id, what happened to it, link from the feed or None) for each question the commit
    touched or whose re-review mark it set or cleared (`marks`)."""
    statuses = {c.path: c for c in entry.status_changes}
    edits = {e.path: e for e in entry.question_edits}
    words: dict[str, list[str]] = {}
    for git_status, path in entry.changed:
        question_id = question_id_of_file(path)
        if question_id is None or question_id in words:
            continue
        words[question_id] = [question_change(git_status, statuses.get(path), edits.get(path))]
    for question_id, source_ids in marks.marked if marks else ():
        changed = ", ".join(source_ids)
        words.setdefault(question_id, []).append(
            f"needs re-review: {changed} changed since it was reviewed"
        )
    for question_id in marks.cleared if marks else ():
        words.setdefault(question_id, []).append("re-reviewed: its pins match its sources again")
    return [
        (
            question_id,
            ", ".join(what),
            (
                url_from_file(REGISTER_FEED, question_page(question_id))
                if view.question(question_id)
                else None
            ),
        )
        for question_id, what in words.items()
    ]


def _content(changes: list[tuple[str, str, str | None]], view: RegisterView) -> str:
    items = []
    for question_id, what, link in changes:
        question = view.question(question_id)
        label = html.escape(question.title if question else question_id)
        name = f'<a href="{html.escape(link)}">{label}</a>' if link else label
        items.append(f"<li>{name} (<code>{html.escape(question_id)}</code>): {what}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def render_feed(
    view: RegisterView,
    history: tuple[HistoryEntry, ...],
    review_marks: Mapping[str, ReviewMarks] | None = None,
) -> str:
    """The Atom feed of `history`'s commits that changed a question, newest first.

    A commit that changed no question but set or cleared a re-review mark (`review_marks`, by
    commit: a source's text changed under a question's pin) has an entry too, naming them.

    Dates come from git only (the feed's `updated` is its newest entry's, or the last commit's
    day when no commit changed a question), so the same commit gives the same bytes.
    """
    history_url = url_from_file(REGISTER_FEED, REGISTER_HISTORY_PAGE)
    feed = FeedGenerator()
    feed.id(FEED_ID)
    feed.title(FEED_TITLE)
    feed.subtitle("Questions raised, answered and changed in the register of open questions.")
    feed.author({"name": FEED_AUTHOR})
    feed.link(href=posixpath.basename(REGISTER_FEED), rel="self", type="application/atom+xml")
    feed.link(href=history_url, rel="alternate", type="text/html")
    feed.language("en")
    newest: datetime.datetime | None = None
    for entry in history:
        marks = (review_marks or {}).get(entry.commit_id or entry.commit)
        changes = question_changes(entry, view, marks)
        if not changes:
            continue
        updated = _updated(entry)
        newest = newest or updated
        item = feed.add_entry(order="append")
        item.id(f"urn:dossier:commit:{entry.commit_id or entry.commit}")
        # Git allows an empty subject; Atom requires a title.
        item.title(entry.subject or f"Commit {entry.commit}")
        item.updated(updated)
        # One link only: feedgen 1.0.0 writes an entry's links without their rel and type, so
        # each would read as "alternate", and Atom allows one; the content links every question.
        item.link(href=history_url, rel="alternate", type="text/html")
        item.content(_content(changes, view), type="html")
    feed.updated(newest or datetime.datetime.combine(view.as_of, datetime.time(), datetime.UTC))
    atom: bytes = feed.atom_str(pretty=True, encoding="UTF-8")
    return atom.decode("utf-8")
