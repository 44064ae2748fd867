"""The register's history page: every commit that changed the register or the sources."""

from __future__ import annotations

import jinja2

from dossier.model.history import HistoryEntry
from dossier.render.register_view import RegisterView
from dossier.render.templating import relative_link
from dossier.site import (
    REGISTER_HISTORY_PAGE,
    question_id_of_file,
    question_page,
    source_id_of_file,
    source_page,
)


def touched(entry: HistoryEntry, view: RegisterView) -> list[tuple[str, str, str | None]]:
    """(git status, label, link from the history page or None) for what a commit changed."""
    items: dict[str, tuple[str, str, str | None]] = {}
    for status, path in entry.changed:
        question_id = question_id_of_file(path)
        source_id = source_id_of_file(path)
        if question_id is not None:
            known = view.question(question_id) is not None
            link = relative_link(REGISTER_HISTORY_PAGE, question_page(question_id))
            items.setdefault(question_id, (status, question_id, link if known else None))
        elif source_id is not None:
            known = source_id in view.sources
            link = relative_link(REGISTER_HISTORY_PAGE, source_page(source_id))
            items.setdefault(source_id, (status, source_id, link if known else None))
    return list(items.values())


def render_history_page(
    view: RegisterView, environment: jinja2.Environment, history: tuple[HistoryEntry, ...]
) -> str:
    return environment.get_template("register_history.md.j2").render(
        entries=history, touched=lambda entry: touched(entry, view)
    )
