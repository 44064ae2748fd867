"""The one owner of the project's folders, every page path and every fragment id of the site."""

from __future__ import annotations

import functools
import posixpath
import re

RE_CATEGORY_INDEX = re.compile(r"register/[^/]+/index\.md")

DOCS_DIRECTORY = "docs"
SEEDS_DIRECTORY = "seeds"
REGISTER_DIRECTORY = "docs/register"
TEXT_SUFFIX = ".txt"
SIDECAR_SUFFIX = ".yml"
CATEGORIES_FILE = "categories.yml"
TOPICS_FILE = "topics.yml"
GAZETTEER_FILE = "gazetteer.yml"
# Data files that live beside the seeds and describe them all, rather than being one.
SEEDS_DATA_FILES = (TOPICS_FILE, GAZETTEER_FILE)

SOURCES_INDEX_PAGE = "sources/index.md"
COMPARISON_PAGE = "comparison.md"
REGISTER_INDEX_PAGE = "register/index.md"
REGISTER_DASHBOARD_PAGE = "register/dashboard.md"
REGISTER_HISTORY_PAGE = "register/history.md"
REGISTER_JSON = "register/register.json"
REGISTER_CSV = "register/register.csv"
# The Atom feed of the register's changes, one entry per commit; every page's head links it. It
# sits at the site's root because Material's instant navigation fetches `sitemap.xml` beside every
# `<link rel="alternate">` of a page (it takes them for language versions of the site).
REGISTER_FEED = "changes.xml"
# Every citation as a W3C Web Annotation (JSON-LD), offered beside register.json.
REGISTER_ANNOTATIONS = "register/annotations.jsonld"
# The element of a source's page that holds its full text (templates/source.md.j2): an annotation
# selects its passage there, not in the quotations and claims that repeat the same words.
SOURCE_TEXT_SELECTOR = "div.dossier-text"

# Fragments of the places on a source page that cite it: back-links from "Cited by" land there.
DATE_EVIDENCE_FRAGMENT = "date-evidence"
ABSTRACT_FRAGMENT_PREFIX = "abstract-cite"
CLAIM_FRAGMENT_PREFIX = "claim-"
QUOTATION_FRAGMENT_PREFIX = "quotation-"
# A question page's timeline: the history page links each question's row there.
TIMELINE_FRAGMENT = "timeline"
# Inline citations of a hand-written page are numbered under this prefix: `cite-1`, `cite-2`.
INLINE_FRAGMENT_PREFIX = "cite"


def source_page(source_id: str) -> str:
    """The page of a source, relative to docs/."""
    return f"sources/{source_id}.md"


def is_source_page(page: str) -> bool:
    """Whether `page` (relative to docs/) is the page of a source."""
    return page.startswith("sources/") and page != SOURCES_INDEX_PAGE


def source_url(source_id: str) -> str:
    """The address of a source's page relative to the site's root, as MkDocs publishes it."""
    return published_url(source_page(source_id))


def question_page(question_id: str) -> str:
    """The page of a question of the register, relative to docs/."""
    return f"register/{question_id}.md"


def published_url(page: str) -> str:
    """The address MkDocs publishes a page at, relative to the site's root (`""` for the home),
    with directory URLs, its default and Zensical's: `sources/x.md` at `sources/x/`."""
    if page == "index.md" or page.endswith("/index.md"):
        return page.removesuffix("index.md")
    return f"{page.removesuffix('.md')}/"


def question_url(question_id: str) -> str:
    """The address of a question's page relative to the site's root, as MkDocs publishes it."""
    return published_url(question_page(question_id))


def category_page(category: str) -> str:
    """The index page of one category of the register, relative to docs/."""
    return f"register/{category}/index.md"


def register_download(name: str) -> str:
    """Where a file the register offers for download (an export, a schema) is published."""
    return f"register/{name}"


def evidence_fragment(number: int) -> str:
    """The id of a question's `number`th evidence citation (from 1) on its page."""
    return f"evidence-{number}"


def answer_fragment(number: int) -> str:
    """The id of the `number`th citation (from 1) of a question's answer on its page."""
    return f"answer-{number}"


def evidence_link_fragment(number: int) -> str:
    """The id of the link from a question's `number`th evidence quote to the cited sentence."""
    return f"evidence-link-{number}"


def answer_link_fragment(number: int) -> str:
    return f"answer-link-{number}"


def item_fragment(item_id: str) -> str:
    """The id of an item of a question's `missing` on its page: its line of the checklist."""
    return f"item-{item_id}"


def item_citation_fragment(item_id: str, number: int) -> str:
    """The id of the `number`th citation (from 1) of the answer to an item; `--` keeps it apart
    from every item's own id, since ids are slugs with single hyphens."""
    return f"item-{item_id}--{number}"


def claim_fragment(claim_id: str) -> str:
    return f"{CLAIM_FRAGMENT_PREFIX}{claim_id}"


def claim_link_fragment(claim_id: str) -> str:
    """The id of the link from a claim on its source's page to the sentence it rests on."""
    return f"claim-link-{claim_id}"


def comparison_claim_fragment(source_label: str, claim_id: str) -> str:
    """The id of the link from a claim on the comparison page to the sentence it rests on."""
    return f"compare-{source_label}-{claim_id}"


def quotation_fragment(number: int) -> str:
    return f"{QUOTATION_FRAGMENT_PREFIX}{number}"


def topic_fragment(topic_id: str) -> str:
    """The id of a topic's explanation on the comparison page, and its citations' prefix."""
    return topic_id.replace(".", "-")


def question_id_of_file(path: str) -> str | None:
    """The id of the question in the project file `path`, or None if it holds no question."""
    parts = path.split("/")
    if path.startswith(f"{REGISTER_DIRECTORY}/") and len(parts) == 4 and path.endswith(".md"):
        return f"{parts[2]}/{parts[3].removesuffix('.md')}"
    return None


def source_id_of_file(path: str) -> str | None:
    """The id of the source whose text or sidecar is the project file `path`, or None."""
    parts = path.split("/")
    if (
        path.startswith(f"{SEEDS_DIRECTORY}/")
        and len(parts) == 2
        and path.endswith((TEXT_SUFFIX, SIDECAR_SUFFIX))
        and parts[1] not in SEEDS_DATA_FILES
    ):
        return parts[1].rsplit(".", 1)[0]
    return None


def is_register_page(page: str) -> bool:
    """Whether `page` belongs to the register: its questions, categories and indexes."""
    return page.startswith("register/")


def is_generated_page(page: str) -> bool:
    """Whether the dossier generates the page at `page` (relative to docs/)."""
    return (
        page.startswith("sources/")
        or page
        in (COMPARISON_PAGE, REGISTER_INDEX_PAGE, REGISTER_DASHBOARD_PAGE, REGISTER_HISTORY_PAGE)
        or RE_CATEGORY_INDEX.fullmatch(page) is not None
    )


def is_question_page(page: str) -> bool:
    """Whether `page` (relative to docs/) is a question's page: `register/<category>/<slug>.md`."""
    parts = page.split("/")
    return (
        len(parts) == 3
        and parts[0] == "register"
        and parts[2] != "index.md"
        and page.endswith(".md")
    )


def is_rendered_whole(page: str) -> bool:
    """Whether the dossier writes every line of `page`: a generated page, or a question's, whose
    prose has its `<` escaped. Only such a page's HTML-block markers are the dossier's own."""
    return is_generated_page(page) or is_question_page(page)


@functools.lru_cache(maxsize=4096)  # the feed and the annotations link the same few pages often
def url_from_file(site_file: str, to_page: str) -> str:
    """The URL of `to_page` relative to `site_file`, a file the site publishes as it is (the
    change feed, the annotations), for the links written into it."""
    url = published_url(to_page)
    relative = posixpath.relpath(url or ".", posixpath.dirname(site_file) or ".")
    return relative + "/" if url.endswith("/") or not url else relative


def url_from(from_page: str, to_page: str, fragment: str = "") -> str:
    """The URL of `to_page` (and `#fragment`) relative to the page `from_page` is served at: for
    links in raw HTML, which MkDocs passes through without rewriting `.md` paths."""
    anchor = f"#{fragment}" if fragment else ""
    if to_page == from_page:
        return anchor or "./"
    return f"{_relative_url(from_page, to_page)}/{anchor}"


@functools.lru_cache(maxsize=4096)  # pages link to the same few pages thousands of times
def _relative_url(from_page: str, to_page: str) -> str:
    return posixpath.relpath(published_url(to_page) or ".", published_url(from_page) or ".")
