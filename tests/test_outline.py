"""A page of plain headings and HTML placeholders converts as Markdown converts it, or not at all."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.config import load_config

from conftest import PROJECT_ROOT
from dossier.text.html_blocks import placeholder
from dossier.text.outline import convert_outline


@pytest.fixture(scope="module")
def site_converter() -> markdown.Markdown:
    """A converter with every extension the site's mkdocs.yml enables, configured as there."""
    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )


OUTLINES = {
    "a source page": (
        f"# Synthetic article 12\n\n{placeholder(0)}\n\n## Summary\n\n{placeholder(1)}\n\n"
        f"## Facts\n\n{placeholder(2)}\n\n## Full text\n\n{placeholder(3)}\n"
    ),
    "repeated headings, which get numbered ids": (
        "# Summary\n\n## Summary\n\n### Summary 1\n\n## Summary\n"
    ),
    "letters, digits and punctuation": (
        "# Título, año 2025; ¿qué? ¡Sí!\n\n## Über 50 % “citado” «x» l’accordo - fin.\n\n"
        f"###### Six   \n\n{placeholder(7)}\n"
    ),
}


@pytest.mark.parametrize("outline", OUTLINES.values(), ids=OUTLINES.keys())
def test_an_outline_converts_as_markdown_converts_it(
    site_converter: markdown.Markdown, outline: str
) -> None:
    site_converter.reset()
    expected = site_converter.convert(outline), site_converter.toc_tokens

    converted = convert_outline(site_converter, outline)

    assert converted is not None
    assert (converted, site_converter.toc_tokens) == expected


def test_an_outline_gives_each_heading_its_permalink_and_table_of_contents_entry(
    site_converter: markdown.Markdown,
) -> None:
    converted = convert_outline(site_converter, OUTLINES["a source page"])

    assert converted is not None
    assert '<h2 id="full-text">Full text<a class="headerlink" href="#full-text"' in converted
    assert f"{placeholder(3)}" in converted
    (title,) = site_converter.toc_tokens
    assert [child["id"] for child in title["children"]] == ["summary", "facts", "full-text"]


NOT_OUTLINES = {
    "a paragraph": "# Title\n\nSome prose.\n",
    "two lines with no blank between": "# Title\n## Next\n",
    "a setext heading": "Title\n=====\n",
    "emphasis": "# A *title*\n",
    "a link": "# A [title](x.md)\n",
    "a code span": "# A `title`\n",
    "an entity": "# A &amp; B\n",
    "an emoji": "# A :smile:\n",
    "an attribute list": "# A title { #custom }\n",
    "closing hashes": "# A title #\n",
    "an underscore": "# A _title_\n",
    "a list": "- one\n",
    "a placeholder inside a line": f"# A {placeholder(0)}\n",
    "a line of spaces, which Markdown may read as code": "    \n# A title\n",
    "a no-break space alone on a line": f"{placeholder(0)}\n\xa0\n# A title\n",
}


@pytest.mark.parametrize("text", NOT_OUTLINES.values(), ids=NOT_OUTLINES.keys())
def test_anything_else_is_left_to_markdown(site_converter: markdown.Markdown, text: str) -> None:
    assert convert_outline(site_converter, text) is None


def test_a_converter_without_a_table_of_contents_is_left_to_markdown() -> None:
    converter = markdown.Markdown(extensions=["attr_list"])

    assert convert_outline(converter, OUTLINES["a source page"]) is None


@pytest.mark.parametrize(
    ("extension", "settings"),
    [("smarty", {}), ("abbr", {"glossary": {"Synthetic": "made up"}})],
    ids=["smart dashes", "an abbreviation for the whole site"],
)
def test_a_converter_that_may_change_a_heading_is_left_to_markdown(
    extension: str, settings: dict[str, object]
) -> None:
    converter = markdown.Markdown(
        extensions=["toc", extension], extension_configs={extension: settings}
    )

    assert convert_outline(converter, OUTLINES["a source page"]) is None
