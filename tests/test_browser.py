"""The built site in a real browser: search, citations, the register's table, accessibility."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from browser import ANNOTATOR, AXE, CHROMIUM, CHROMIUM_ARGUMENTS, Traffic, require, serve
from conftest import PROJECT_FILES, PROJECT_ROOT
from dossier.load.sources import load_sources

pytestmark = pytest.mark.integration

SPANISH, ITALIAN = "000_7edff155f20879db", "001_de767ab6f4448240"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require(CHROMIUM, "Debian's chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGUMENTS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(browser: Browser, site_url: str, traffic: Traffic) -> Iterator[Page]:
    """A fresh page; after the test, it must have made no request elsewhere and logged no error."""
    context = browser.new_context()
    opened = context.new_page()
    opened.on("request", traffic.record_request)
    opened.on("console", traffic.record_console)
    opened.on("pageerror", traffic.record_error)
    yield opened
    context.close()
    assert traffic.foreign_requests(urlsplit(site_url).netloc) == []
    assert traffic.console_errors == []


def search(page: Page, term: str) -> None:
    """Type `term` into Material's search box as a person does."""
    page.get_by_role("textbox", name="Search").first.click()
    # Material searches on key events; fill() sends none.
    page.locator("input.md-search__input").press_sequentially(term, delay=20)


def test_the_home_page_renders(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Secure-communications dossier")
    expect(page.locator("a.dossier-cite").first).to_be_visible()


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("crittografici", f"sources/{ITALIAN}/"),
        ("cifrado", f"sources/{SPANISH}/"),
        ("encryption", "register/crypto-scheme/"),
    ],
)
def test_search_finds_pages_in_each_language(
    page: Page, site_url: str, term: str, expected: str
) -> None:
    page.goto(f"{site_url}/")

    search(page, term)

    # Results render as the index answers; wait for the expected one rather than read a list
    # that is still being redrawn.
    expect(page.locator(f".md-search-result__item a[href*='{expected}']").first).to_be_visible(
        timeout=10_000
    )


def test_following_a_citation_scrolls_to_its_sentence_and_highlights_it(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}/")
    citation = page.locator("a.dossier-cite").first
    quote = citation.get_attribute("title")

    citation.click()

    page.wait_for_url(f"**/sources/{SPANISH}/#p2-s1")
    sentence = page.locator("#p2-s1")
    expect(sentence).to_be_in_viewport()
    expect(sentence).to_have_class(
        "dossier-sentence dossier-sentence--cited dossier-sentence--targeted"
    )
    assert quote is not None
    assert quote in sentence.inner_text()
    outline = sentence.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline == "solid"


def question_rows(page: Page) -> list[list[str]]:
    rows = page.locator("article table").last.locator("tbody tr")
    return [row.locator("td").all_inner_texts() for row in rows.all() if row.is_visible()]


def assert_header_click_sorts(page: Page, header: str, column: int) -> None:
    """Clicking `header` reorders the rows so that `column` reads in order, either way."""
    before = [row[column] for row in question_rows(page)]
    in_order = sorted(before, key=str.casefold)
    assert before not in (in_order, in_order[::-1]), "the rows are in order before the click"

    page.locator("article table").last.locator("th", has_text=header).click()

    after = [row[column] for row in question_rows(page)]
    assert after in (in_order, in_order[::-1])


def assert_filters_hide_rows(page: Page) -> None:
    """Choosing a category and a priority hides the other rows, and says how many are shown."""
    total = len(question_rows(page))

    page.get_by_label("Category").select_option("Cryptographic scheme")
    page.get_by_label("Priority").select_option("high")

    shown = question_rows(page)
    assert 0 < len(shown) < total
    assert all(row[1] == "Cryptographic scheme" and row[3] == "high" for row in shown)
    expect(page.locator("[data-dossier-filter-count]")).to_have_text(
        f"{len(shown)} of {total} questions shown"
    )
    page.get_by_label("Category").select_option("all")
    page.get_by_label("Priority").select_option("all")
    assert len(question_rows(page)) == total


def test_the_register_index_sorts_and_filters(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/register/")

    assert_header_click_sorts(page, "Question", column=0)
    assert_filters_hide_rows(page)


PAGES_FOR_AXE = (
    "",
    f"sources/{SPANISH}/",
    "comparison/",
    "register/",
    "register/crypto-scheme/key-custody/",
)


@pytest.mark.parametrize("path", PAGES_FOR_AXE)
def test_axe_finds_no_serious_or_critical_violation(page: Page, site_url: str, path: str) -> None:
    require(AXE, "axe-core")
    page.goto(f"{site_url}/{path}")
    page.add_script_tag(path=str(AXE))

    results = page.evaluate("async () => await axe.run()")

    serious = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], json.dumps(serious, indent=1)


@pytest.fixture(scope="session")
def offline_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make offline` run on a copy of the project, its zip unpacked into a fresh folder."""
    copy = tmp_path_factory.mktemp("offline-project")
    for name in (*PROJECT_FILES, "Makefile", "pyproject.toml", "requirements.txt"):
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    venv = Path(sys.executable).parent.parent
    result = subprocess.run(
        ["make", "--no-print-directory", "-o", f"{venv}/.installed", "offline", f"VENV={venv}"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    unpacked = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(copy / "dist" / "dossier-offline.zip") as bundle:
        bundle.extractall(unpacked)
    return unpacked


def test_the_offline_bundle_works_from_the_file_system(
    browser: Browser, offline_bundle: Path
) -> None:
    traffic = Traffic()
    context = browser.new_context()
    opened = context.new_page()
    opened.on("request", traffic.record_request)
    opened.on("console", traffic.record_console)
    opened.on("pageerror", traffic.record_error)

    opened.goto((offline_bundle / "index.html").as_uri())
    opened.get_by_role("navigation", name="Navigation").get_by_role(
        "link", name="Comparison"
    ).first.click()
    opened.wait_for_url("**/comparison.html")
    expect(opened.get_by_role("heading", level=1)).to_contain_text("Comparison of the sources")

    search(opened, "crittografici")
    expect(
        opened.locator(f".md-search-result__item a[href*='sources/{ITALIAN}.html']").first
    ).to_be_visible(timeout=10_000)

    opened.goto((offline_bundle / "register" / "index.html").as_uri())
    assert_filters_hide_rows(opened)
    assert_header_click_sorts(opened, "Question", column=0)
    context.close()

    assert traffic.foreign_requests(None) == []
    assert traffic.console_errors == []


def test_every_link_of_the_offline_bundle_opens_a_file_of_it(offline_bundle: Path) -> None:
    # Opened from the file system, a link to a folder (`x/`) shows a listing, not its page: the
    # bundle's links, the generated pages' raw HTML included, must name the files.
    broken = []
    # 404.html is for a server to show, and links from the site's root as MkDocs makes it.
    pages = sorted(set(offline_bundle.rglob("*.html")) - {offline_bundle / "404.html"})
    for page in pages:
        for link in re.findall(r'href="([^"]*)"', page.read_text(encoding="utf-8")):
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if not (page.parent / unquote(parts.path)).is_file():
                broken.append(f"{page.relative_to(offline_bundle)}: {link}")

    assert broken == []
    assert 'href="000_7edff155f20879db.html"' in (
        offline_bundle / "sources" / "index.html"
    ).read_text(encoding="utf-8")


def test_a_translation_shows_beside_its_sentence_and_on_a_citation_with_keyboard_focus(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}/sources/{ITALIAN}/")
    original = page.locator("#p1-s2")
    translation = page.locator('.translation[data-sentence="p1-s2"]')
    expect(original).to_have_attribute("lang", "it")
    expect(translation).to_be_visible()
    expect(translation).to_contain_text("came to light through information reported by Bloomberg")
    left, right = original.bounding_box(), translation.bounding_box()
    assert left is not None
    assert right is not None
    assert right["x"] > left["x"] + left["width"] / 2  # to its right, not below

    page.goto(f"{site_url}/register/crypto-scheme/key-custody/")
    evidence = page.locator("#evidence-1 .translation")
    expect(evidence).to_be_visible()
    expect(evidence).to_contain_text("Our translation of the sentence:")
    citation = page.locator("article a.dossier-cite[aria-describedby]").first
    tooltip = page.locator(f"#{citation.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_hidden()
    citation.focus()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Our translation of the sentence:")


# Matches each selector in the page with Apache Annotator, as an annotation client does (the
# CssSelector first, then the TextQuoteSelector that refines it), then highlights the one match
# and says which sentences the highlight lies in.
MATCH_AND_HIGHLIGHT = """async (selectors) => {
  const results = [];
  for (const selector of selectors) {
    const matches = [];
    for await (const match of Annotator.createMatcher(selector)(document)) {
      matches.push(match);
    }
    let marked = [];
    if (matches.length === 1) {
      const remove = Annotator.highlightText(matches[0], "mark", { class: "dossier-annotation" });
      marked = [...document.querySelectorAll("mark.dossier-annotation")].map(
        (mark) => mark.closest(".dossier-sentence")?.id ?? null,
      );
      remove();
    }
    results.push({ count: matches.length, marked: [...new Set(marked)] });
  }
  return results;
}"""


@pytest.mark.parametrize("source_id", [SPANISH, ITALIAN])
def test_annotation_clients_find_each_cited_passage_in_the_source_page(
    page: Page, site_url: str, built_site: Path, source_id: str
) -> None:
    require(ANNOTATOR, "Apache Annotator")
    exported = json.loads((built_site / "register" / "annotations.jsonld").read_text("utf-8"))
    annotations = [
        item
        for item in exported["first"]["items"]
        if item["target"]["source"] == f"../sources/{source_id}/"
    ]
    assert len(annotations) > 20
    source = next(s for s in load_sources(PROJECT_ROOT).sources if s.id == source_id)
    page.goto(f"{site_url}/sources/{source_id}/")
    page.add_script_tag(path=str(ANNOTATOR))

    results = page.evaluate(
        MATCH_AND_HIGHLIGHT, [item["target"]["selector"][0] for item in annotations]
    )

    for item, result in zip(annotations, results, strict=True):
        position = item["target"]["selector"][1]
        expected = [
            s.anchor
            for s in source.sentences
            if s.start < position["end"] and position["start"] < s.end
        ]
        # One match, in the sentences of the full text that the passage spans: not the same
        # words in a quotation, a claim or another sentence of the page.
        assert result == {"count": 1, "marked": expected}, item["id"]
