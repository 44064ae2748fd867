"""Read the hand-written pages under docs/ and the inline citations in them and in questions."""

from __future__ import annotations

from pathlib import Path

from dossier.load.textfiles import read_text
from dossier.model import findings
from dossier.model.citations import AbsenceClaim, Citation
from dossier.model.findings import Finding
from dossier.model.register import Question
from dossier.site import DOCS_DIRECTORY, REGISTER_DIRECTORY, is_generated_page, question_page
from dossier.text.front_matter import split_front_matter
from dossier.text.inline_citations import find_citations_and_absences


def read_pages(
    root: Path, questions: tuple[Question, ...]
) -> tuple[dict[str, str], list[Citation], list[AbsenceClaim], list[Finding]]:
    """Hand-written pages under docs/ (questions aside) and the inline citations of all of them."""
    question_titles = {question_page(question.id): question.title for question in questions}
    docs = root / DOCS_DIRECTORY
    pages: dict[str, str] = {}
    citations: list[Citation] = []
    absences: list[AbsenceClaim] = []
    problems: list[Finding] = []
    register = root / REGISTER_DIRECTORY
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        text, unreadable = read_text(path, path.relative_to(root).as_posix())
        problems += unreadable
        if text is None:
            continue
        page = path.relative_to(docs).as_posix()
        if is_generated_page(page):
            problems.append(
                findings.error(
                    path.relative_to(root).as_posix(),
                    1,
                    "the dossier generates this page; a hand-written one would be replaced",
                    "Move the page elsewhere under docs/, or delete it.",
                )
            )
            continue
        if path.parent.parent == register:
            # A question's title is in its front matter; its body starts after it.
            parts = split_front_matter(text)
            if parts is None:
                continue
            _, body, first_line = parts
            text = "\n" * (first_line - 1) + body
        else:
            pages[page] = text
        arguments = (text, path.relative_to(root).as_posix(), page, question_titles.get(page))
        inline, absent, found = find_citations_and_absences(*arguments)
        citations += inline
        absences += absent
        problems += found
    return pages, citations, absences, problems
