"""site.py: the one owner of page paths and fragment ids, as readers meet them in links."""

from __future__ import annotations

import pytest

from dossier import site
from dossier.render.templating import relative_link


@pytest.mark.parametrize(
    ("path", "question_id", "source_id"),
    [
        ("docs/register/crypto-scheme/key-custody.md", "crypto-scheme/key-custody", None),
        ("docs/register/categories.yml", None, None),
        ("docs/register/crypto-scheme/notes.txt", None, None),
        ("seeds/000_7edff155f20879db.txt", None, "000_7edff155f20879db"),
        ("seeds/000_7edff155f20879db.yml", None, "000_7edff155f20879db"),
        ("seeds/topics.yml", None, None),
        ("seeds/gazetteer.yml", None, None),
        ("docs/index.md", None, None),
    ],
)
def test_a_changed_file_is_named_as_the_question_or_source_it_holds(
    path: str, question_id: str | None, source_id: str | None
) -> None:
    assert (site.question_id_of_file(path), site.source_id_of_file(path)) == (
        question_id,
        source_id,
    )


def test_links_between_generated_pages_are_the_ones_the_site_serves() -> None:
    history = site.REGISTER_HISTORY_PAGE
    assert relative_link(history, site.question_page("crypto-scheme/key-custody")) == (
        "crypto-scheme/key-custody.md"
    )
    assert relative_link(history, site.source_page("000_x")) == "../sources/000_x.md"
    assert relative_link(site.category_page("schedule"), site.REGISTER_INDEX_PAGE) == "../index.md"


@pytest.mark.parametrize(
    "page",
    ["sources/000_x.md", "comparison.md", "register/index.md", "register/schedule/index.md"],
)
def test_a_hand_written_page_at_a_generated_path_is_recognised(page: str) -> None:
    assert site.is_generated_page(page)


def test_hand_written_pages_and_questions_are_not_generated() -> None:
    assert not site.is_generated_page("index.md")
    assert not site.is_generated_page("register/schedule/operational-date.md")


@pytest.mark.parametrize(
    ("page", "whole"),
    [
        ("register/schedule/operational-date.md", True),
        ("sources/000_x.md", True),
        ("register/schedule/index.md", True),
        ("index.md", False),
        ("method.md", False),
        ("register/notes/deeper/page.md", False),
    ],
)
def test_a_page_is_rendered_whole_when_generated_or_a_question(page: str, whole: bool) -> None:
    # Only such a page's HTML-block markers are the dossier's: a hand-written one may quote them.
    assert site.is_rendered_whole(page) is whole
    assert site.is_question_page(page) is (page == "register/schedule/operational-date.md")


@pytest.mark.parametrize(
    ("site_file", "page", "url"),
    [
        ("changes.xml", "register/crypto-scheme/keys.md", "register/crypto-scheme/keys/"),
        ("changes.xml", "index.md", "./"),
        ("register/annotations.jsonld", "sources/000_abc.md", "../sources/000_abc/"),
        ("register/annotations.jsonld", "register/index.md", "./"),
        ("register/annotations.jsonld", "index.md", "../"),
    ],
)
def test_links_from_a_published_file_are_relative_to_its_folder(
    site_file: str, page: str, url: str
) -> None:
    assert site.url_from_file(site_file, page) == url
