"""Generated HTML blocks skip Markdown and come back unchanged, with their anchors known."""

from __future__ import annotations

import markdown
import pytest

from dossier.text.html_blocks import (
    BLOCK_END,
    BLOCK_START,
    MarkedBlockError,
    placeholder,
    put_back,
    put_back_for_search,
    search_version,
    set_aside,
)

# Markup that Markdown would change if it read it: emphasis, a link in brackets, an entity.
BLOCK = (
    '<div class="dossier-text">\n'
    '<p id="p1"><span id="p1-s1" lang="es">Italia *negocia* [algo](x).</span> '
    '<span id="p1-s2" lang="es">R&amp;D &#40;1&#41;.</span></p>\n'
    "</div>"
)
PAGE = f"# Title\n\nSome *prose*.\n\n{BLOCK_START}\n{BLOCK}\n{BLOCK_END}\n\n## After\n\nMore.\n"
EXTENSIONS = ["md_in_html", "attr_list", "toc", "admonition"]


def convert(text: str) -> str:
    return str(markdown.Markdown(extensions=EXTENSIONS).convert(text))


def test_a_marked_block_comes_back_exactly_as_written_while_the_rest_is_converted() -> None:
    aside = set_aside(PAGE)

    html = put_back(convert(aside.markdown), aside)

    assert BLOCK in html
    assert "<em>prose</em>" in html
    assert '<h2 id="after">After</h2>' in html
    assert "dossier:html" not in html


def test_markdown_never_sees_the_block() -> None:
    aside = set_aside(PAGE)

    assert aside.blocks == (BLOCK,)
    assert "negocia" not in aside.markdown
    assert "*prose*" in aside.markdown


def test_the_anchors_of_the_blocks_are_known_for_link_validation() -> None:
    aside = set_aside(PAGE + f'\n{BLOCK_START}\n<p id="a&amp;b">x</p>\n{BLOCK_END}\n')

    assert aside.anchors == {"p1", "p1-s1", "p1-s2", "a&b"}


def test_search_reads_the_text_of_a_block_without_its_markup() -> None:
    version = search_version(
        '<table><tr><td><a href="#p1-s1">p1-s1</a></td><td>Cited <q>here</q></td></tr></table>'
        '<ul><li id="c1">One</li><li id="c2">two.</li></ul>'
        '<p id="p1"><span lang="es">Uno.</span> <span>Dos <code>x</code> &amp; y.</span></p>'
    )

    assert version == "p1-s1 Cited here One two. Uno. Dos x &amp; y."


def test_a_block_marked_as_material_marks_what_search_leaves_out_has_no_search_text() -> None:
    assert search_version("<table data-search-exclude>\n<tr><td>Uno</td></tr></table>") == ""
    # Only a mark on the block's first element leaves it out, as the whole block.
    assert search_version('<p>Uno</p><p data-search-exclude="">Dos</p>') == "Uno Dos"


def test_the_search_version_is_swapped_for_the_block_once_the_page_is_indexed() -> None:
    aside = set_aside(PAGE)
    for_search = put_back_for_search(convert(aside.markdown), aside)

    assert "<span" not in for_search
    assert "Italia *negocia* [algo](x)." in for_search
    assert BLOCK in put_back(for_search, aside)


def test_an_empty_block_is_a_block_and_the_markdown_after_it_is_converted() -> None:
    aside = set_aside(
        f"{BLOCK_START}\n{BLOCK_END}\n\nSome *prose*.\n\n{BLOCK_START}\n<p>x</p>\n{BLOCK_END}\n"
    )

    assert aside.blocks == ("", "<p>x</p>")
    assert "<em>prose</em>" in put_back(convert(aside.markdown), aside)


@pytest.mark.parametrize(
    ("page", "line", "problem"),
    [
        (f"# Title\n\n{BLOCK_START}\n<p>Alone</p>\n", 3, "has no partner"),
        (f"# Title\n\n<p>x</p>\n{BLOCK_END}\n", 4, "has no partner"),
        (f"{BLOCK_START}\n<p>a</p>\n{BLOCK_START}\n<p>b</p>\n{BLOCK_END}\n", 3, "inside another"),
        # A marker counts only on a line of its own.
        (f"# Title\n\nx {BLOCK_START}\n<p>a</p>\n{BLOCK_END}\n", 3, "has no partner"),
        (f"# Title\n\n{BLOCK_START}\n<p>a</p>\n{BLOCK_END} x\n", 3, "has no partner"),
    ],
)
def test_markers_that_do_not_pair_up_are_an_error_at_their_line(
    page: str, line: int, problem: str
) -> None:
    with pytest.raises(MarkedBlockError, match=problem) as raised:
        set_aside(page)

    assert raised.value.line == line


def test_a_placeholder_that_markdown_lost_is_an_error_not_a_missing_block() -> None:
    aside = set_aside(PAGE)
    converted = convert(aside.markdown).replace(placeholder(0), "")

    with pytest.raises(MarkedBlockError, match="left 0 copies of HTML block 1"):
        put_back_for_search(converted, aside)
