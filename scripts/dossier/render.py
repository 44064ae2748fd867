"""Turn the checked model into Markdown pages: {path under docs/: content}, deterministically."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from dossier import render_register, render_sources
from dossier.checks import CheckedProject
from dossier.templating import environment as make_environment


def render_pages(checked: CheckedProject, as_of: datetime.date) -> Mapping[str, str]:
    """Every page the dossier generates or decorates, keyed by its path under docs/.

    Question pages replace their hand-written files: the same file with a generated header.
    Output depends on the input and `as_of` only, in a stable order.
    """
    environment = make_environment()
    citations = tuple(
        sorted(
            checked.citations,
            key=lambda c: (
                c.citation.place.page,
                c.citation.place.path,
                c.citation.place.line,
                c.citation.place.fragment,
            ),
        )
    )
    sources = render_sources.build_view(checked.sources, checked.topics, citations, checked.facts)
    pages = render_sources.render_source_pages(sources, environment)
    register = render_register.build_view(
        checked.categories, checked.questions, checked.sources, citations, checked.watch_hits, as_of
    )
    pages.update(render_register.render_register_pages(register, environment))
    for question in register.questions:
        pages[question.page] = render_register.render_question_page(question, register, environment)
    return pages


def new_question_text(title: str, category: str, today: datetime.date, source_id: str) -> str:
    """A new question file for `new-question`: every field present, placeholders to replace."""
    return (
        make_environment()
        .get_template("new_question.md.j2")
        .render(title=title, category=category, today=today.isoformat(), source_id=source_id)
    )


def new_sidecar_text(language: str, kind: str, sha256: str, original: str) -> str:
    """The sidecar `add-source` writes: the checksum, and null for all the text has not told yet."""
    return (
        make_environment()
        .get_template("new_sidecar.yml.j2")
        .render(language=language, kind=kind, sha256=sha256, original=original)
    )
