"""Load the register: its categories and each question file, schema-checked, into the model."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from dossier.load.textfiles import links_outside, parse_yaml_text, read_text, read_yaml
from dossier.load.validation import invalid_entries, schema_findings
from dossier.model import findings
from dossier.model.citations import Citation, CitingPlace
from dossier.model.findings import Finding
from dossier.model.register import (
    Answer,
    Category,
    ItemAnswer,
    LoadedRegister,
    MissingItem,
    Question,
    ReviewPin,
)
from dossier.model.schemas import CATEGORIES_SCHEMA, QUESTION_SCHEMA
from dossier.site import (
    CATEGORIES_FILE,
    REGISTER_DIRECTORY,
    answer_fragment,
    evidence_fragment,
    item_citation_fragment,
    question_page,
)
from dossier.text.front_matter import split_front_matter
from dossier.text.yamldoc import YamlDocument, iso_dates


def load_categories(register: Path, root: Path) -> tuple[tuple[Category, ...], list[Finding]]:
    path = register / CATEGORIES_FILE
    relative = path.relative_to(root).as_posix()
    if not path.is_file():
        return (), [
            findings.error(
                relative, 1, "no categories file", "List the categories: slug, title, description."
            )
        ]
    document, unreadable = read_yaml(path, relative)
    if document is None:
        return (), unreadable
    entries = document.data if isinstance(document.data, list) else []
    invalid = invalid_entries(document.data, CATEGORIES_SCHEMA)
    categories = tuple(
        Category(entry["slug"], entry["title"], " ".join(entry["description"].split()))
        for index, entry in enumerate(entries)
        if index not in invalid
    )
    return categories, schema_findings(document.data, document, relative, CATEGORIES_SCHEMA)


def _citation(
    data: dict[str, Any],
    path: str,
    line: int,
    page: str,
    fragment: str,
    label: str,
    statement: str | None = "",
) -> Citation:
    return Citation(
        source_id=str(data["source"]),
        quote=str(data["quote"]),
        place=CitingPlace(path, line, page, fragment, label, " ".join((statement or "").split())),
        prefix=str(data.get("prefix", "")),
        suffix=str(data.get("suffix", "")),
    )


def _item_answer(
    data: dict[str, Any],
    key: tuple[str, str, int],
    path: str,
    document: YamlDocument,
    page: str,
    title: str,
) -> ItemAnswer:
    return ItemAnswer(
        item=data["item"],
        text=data.get("text"),
        not_applicable=data.get("not_applicable"),
        citations=tuple(
            _citation(
                citation,
                path,
                document.line_of((*key, "citations", number, "quote")),
                page,
                item_citation_fragment(data["item"], number + 1),
                title,
                data.get("text"),
            )
            for number, citation in enumerate(data["citations"])
        ),
        line=document.line_of(key),
    )


def _question(
    question_id: str, path: str, document: YamlDocument, body: str, body_line: int
) -> Question:
    data = document.data
    page = question_page(question_id)
    title = data["title"]
    evidence = tuple(
        _citation(
            item,
            path,
            document.line_of(("evidence", index, "quote")),
            page,
            evidence_fragment(index + 1),
            title,
            item.get("note"),
        )
        for index, item in enumerate(data["evidence"])
    )
    answer_data = data.get("answer")
    answer = None
    if answer_data:
        answer = Answer(
            text=answer_data["text"],
            citations=tuple(
                _citation(
                    item,
                    path,
                    document.line_of(("answer", "citations", index, "quote")),
                    page,
                    answer_fragment(index + 1),
                    title,
                    answer_data["text"],
                )
                for index, item in enumerate(answer_data.get("citations", ()))
            ),
            items=tuple(
                _item_answer(entry, ("answer", "items", index), path, document, page, title)
                for index, entry in enumerate(answer_data.get("items", ()))
            ),
        )
    raised = data["raised"]
    return Question(
        id=question_id,
        path=path,
        title=title,
        category=data["category"],
        status=data["status"],
        priority=data["priority"],
        raised=raised if isinstance(raised, datetime.date) else datetime.date.fromisoformat(raised),
        basis=data["basis"],
        resolve_before=data["resolve_before"],
        owner=data.get("owner"),
        evidence=evidence,
        evidence_notes=tuple(item["note"] for item in data["evidence"]),
        missing=tuple(MissingItem(item["id"], item["text"]) for item in data["missing"]),
        watch=tuple(data["watch"]),
        related=tuple(data.get("related", ())),
        reviewed=tuple(
            ReviewPin(entry["source"], entry["sha256"]) for entry in data.get("reviewed", ())
        ),
        answer=answer,
        superseded_by=data.get("superseded_by"),
        reason=data.get("reason"),
        body=body,
        body_line=body_line,
        field_lines={str(key[0]): line for key, line in document.lines.items() if len(key) == 1},
    )


def load_question(file: Path, root: Path, register: Path) -> tuple[Question | None, list[Finding]]:
    path = file.relative_to(root).as_posix()
    question_id = file.relative_to(register).with_suffix("").as_posix()
    text, unreadable = read_text(file, path)
    if text is None:
        return None, unreadable
    parts = split_front_matter(text)
    if parts is None:
        return None, [
            findings.error(
                path,
                1,
                "no front matter",
                "Start the file with `---`, the question's fields, and `---`; "
                "`python -m dossier new-question` writes one for you.",
            )
        ]
    front_matter, body, body_line = parts
    document, unparsed = parse_yaml_text(front_matter, path, first_line=2)
    if document is None:
        return None, unparsed
    if not isinstance(document.data, dict):
        return None, [
            findings.error(
                path,
                1,
                "the front matter is not a mapping of fields",
                "Write one `field: value` per line.",
            )
        ]
    problems = schema_findings(iso_dates(document.data), document, path, QUESTION_SCHEMA)
    if problems:
        return None, problems
    return _question(question_id, path, document, body, body_line), []


def load_register(root: Path) -> LoadedRegister:
    """Every question under docs/register, with findings for each problem in them."""
    register = root / REGISTER_DIRECTORY
    if not register.is_dir():
        return LoadedRegister((), (), ())
    categories, problems = load_categories(register, root)
    questions = []
    for file in sorted(register.glob("*/*.md")):
        if links_outside(file, register):
            problems.append(
                findings.error(
                    file.relative_to(root).as_posix(),
                    1,
                    "a link to a file outside docs/register/",
                    "Write the question in the register itself.",
                )
            )
            continue
        question, found = load_question(file, root, register)
        problems += found
        if question is not None:
            questions.append(question)
    return LoadedRegister(categories, tuple(questions), tuple(problems))
