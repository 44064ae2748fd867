"""MkDocs adapter: give MkDocs the pages the dossier renders, in place of the files on disk."""

from __future__ import annotations

import contextlib
import datetime
import gc
import html
import logging
import posixpath
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from markdown import Markdown
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from collections.abc import Iterator

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.utils.templates import TemplateContext

    from dossier.build import Build
    from dossier.text.html_blocks import SetAside

log = logging.getLogger("mkdocs.plugins.dossier")
# The vendored iframe-worker shim, loaded by the offline build instead of the copy on unpkg.com
# that Material's offline plugin adds to extra.polyfills.
LOCAL_IFRAME_WORKER_SHIM = "javascripts/vendor/iframe-worker/shim.js"
# Each page's generated HTML blocks, from its Markdown until its content is final.
_set_aside: dict[str, SetAside] = {}
# The package this hook belongs to, and the files whose change means its code changed.
DOSSIER_PACKAGE = Path(__file__).resolve().parent.parent
PACKAGE_SUFFIXES = frozenset({".py", ".j2", ".json"})
# The package's fingerprint when its modules were last imported; None before the first build.
_fingerprint: tuple[tuple[str, int, int], ...] | None = None
# The Markdown converter the source pages of a build share, and the configuration it was made for.
_source_converter: tuple[MkDocsConfig, Markdown] | None = None
RE_LINK_WITHIN = re.compile(r'\shref="#([^"]+)"')
# A Markdown link or image whose target names a file: MkDocs would rewrite and check it. The
# dossier's generated Markdown writes inline links only, and escapes the text it is given.
RE_LINK_TO_A_FILE = re.compile(r"\]\((?!#)")
# A link in a generated HTML block to a page of the site, by a relative address: no scheme, no
# leading slash, more than a fragment.
RE_PAGE_LINK = re.compile(r'href="(?P<path>[^"#:/][^"#:]*)(?P<fragment>#[^"]*)?"')
# The site's pages by the address render wrote links to them with, for a build without directory
# URLs (the offline bundle); None when the build has them.
_pages_by_directory_url: dict[str, File] | None = None


def _project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _package_fingerprint(package: Path) -> tuple[tuple[str, int, int], ...]:
    """Path, size and modification time of every file of the package that its code is made of."""
    files = []
    for path in sorted(package.rglob("*")):
        if path.suffix in PACKAGE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
            status = path.stat()
            files.append((path.relative_to(package).as_posix(), status.st_size, status.st_mtime_ns))
    return tuple(files)


class SourcePage(Page):
    """A source page, converted by one Markdown converter that all the build's source pages share.

    MkDocs makes a converter for each page, with every extension the site enables, and on a
    source page that cost as much as the conversion itself: the page's Markdown is its title, its
    headings and a few paragraphs, its HTML blocks being set aside. What MkDocs adds to each
    converter rewrites links to other files, takes note of anchors and of the links to them, and
    reads the title. A source page links to no file and has its title in its front matter; its
    anchors and its links within itself are read here from the HTML, so that MkDocs still checks
    those links. A page that does link to a file is converted as MkDocs converts any page; one
    that is only headings and HTML blocks is not parsed at all (text/outline.py).
    """

    def render(self, config: MkDocsConfig, files: Files) -> None:
        from dossier.text.html_blocks import anchors_in
        from dossier.text.outline import convert_outline

        if self.markdown is None or RE_LINK_TO_A_FILE.search(self.markdown):
            super().render(config, files)
            return
        global _source_converter
        if _source_converter is None or _source_converter[0] is not config:
            extensions, settings = config["markdown_extensions"], config["mdx_configs"] or {}
            converter = Markdown(extensions=extensions, extension_configs=settings)
            _source_converter = (config, converter)
        converter = _source_converter[1]
        content = convert_outline(converter, self.markdown)
        if content is None:
            converter.reset()
            content = converter.convert(self.markdown)
        self.content = content
        self.toc = get_toc(getattr(converter, "toc_tokens", []))
        self.present_anchor_ids = set(anchors_in(self.content))
        links = {
            html.unescape(anchor): f"#{anchor}" for anchor in RE_LINK_WITHIN.findall(self.content)
        }
        self.links_to_anchors = {self.file: links}


def _build(root: Path) -> Build:
    """Build, with the core imported anew when its code changed, so `mkdocs serve` sees edits to it.

    MkDocs loads a hook once per process; the modules it imports would otherwise stay as they were.
    They are kept while the package's files are unchanged, so the caches the core keeps in memory
    (a source's parse, its facts, keyed on what they are computed from) outlive one rebuild: after
    an edit to one file, `serve` redoes only that file's share of the work.
    """
    global _fingerprint
    # Taken before importing, so an edit made during the import is seen at the next build.
    fingerprint = _package_fingerprint(DOSSIER_PACKAGE)
    if fingerprint != _fingerprint:
        worker = sys.modules.get("dossier.worker")
        if worker is not None:
            # Its process would otherwise live on, unused, until the old module is collected.
            worker.stop_worker()
        for name in [n for n in sys.modules if n == "dossier" or n.startswith("dossier.")]:
            del sys.modules[name]
        _fingerprint = fingerprint
    from dossier.adapters.git import project_history
    from dossier.build import build  # imported here, to be imported anew when the code changed

    # The clock is read here, at the edge, and handed to the core.
    return build(root, today=datetime.date.today(), history=project_history(root))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    from dossier.site import REGISTER_FEED

    root = _project_root(config)
    # overrides/main.html links the change feed from every page's head; site.py owns its path.
    config.extra["change_feed"] = REGISTER_FEED
    config.watch.extend(str(root / folder) for folder in ("seeds", "scripts"))
    # Hooks run after plugins, so the offline plugin has added its shim by now; the theme writes
    # polyfills relative to each page, so offline pages load the local copy, not another host's.
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [
            LOCAL_IFRAME_WORKER_SHIM if "iframe-worker" in str(script) else script
            for script in polyfills
        ]
    return config


def _with_source_pages(files: Files, config: MkDocsConfig) -> Files:
    """`files`, with a SourcePage made for each source page: MkDocs builds a page as the Page
    its file holds."""
    from dossier.site import is_source_page

    for file in files.documentation_pages():
        if is_source_page(file.src_uri):
            SourcePage(None, file, config)  # a Page attaches itself to its file
    return files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    from dossier.adapters.output import RENDER_MARKER

    if (Path(config.docs_dir) / RENDER_MARKER).is_file():
        # `render` wrote these pages already: a snapshot (make snapshot) builds them as they are.
        return _with_source_pages(files, config)
    result = _build(_project_root(config))
    for finding in result.findings:
        # Logged at their own level: `mkdocs build --strict` then fails on warnings, as
        # `dossier check --strict` does.
        log.log(logging.ERROR if finding.is_error else logging.WARNING, "%s", finding)
    errors = result.failures(strict=False)
    if errors:
        raise PluginError(
            f"The dossier has {len(errors)} error(s), listed above; "
            "fix them, then rebuild (`python -m dossier check` lists them too)."
        )
    for path, content in result.pages.items():
        # Hand-written pages are replaced by the same text with its citations linked.
        written = files.get_file_from_path(path)
        if written is not None:
            files.remove(written)
        files.append(File.generated(config, path, content=content))
    _with_source_pages(files, config)
    global _pages_by_directory_url
    _pages_by_directory_url = None
    if not config.use_directory_urls:
        from dossier.site import published_url

        _pages_by_directory_url = {
            published_url(file.src_uri): file for file in files.documentation_pages()
        }
    # What the dossier made lives until the build ends. Frozen, it is left out of the cycle
    # collector's full runs while MkDocs converts and writes every page, each of which would
    # otherwise walk all of it again; on_post_build hands it back to the collector.
    gc.freeze()
    return files


def on_env(env: Environment, **_: object) -> Environment:
    from dossier.render.templating import compiled_templates

    # The theme's templates are compiled once, not at each build, as the dossier's are.
    env.bytecode_cache = compiled_templates("mkdocs-theme", env)
    return env


def on_pre_build(**_: object) -> None:
    # A build that failed half-way left pages set aside, and objects frozen; none of them belongs
    # to this build.
    _set_aside.clear()
    gc.unfreeze()


def on_post_build(**_: object) -> None:
    # `mkdocs serve` builds again in the same process: the last build's objects must be freed.
    gc.unfreeze()


@contextlib.contextmanager
def _naming_the_page(page: Page) -> Iterator[None]:
    """Turn a marked-block error into a build error naming the page and the line."""
    from dossier.text.html_blocks import MarkedBlockError

    try:
        yield
    except MarkedBlockError as error:
        where = f" line {error.line} of the rendered page:" if error.line else ""
        raise PluginError(
            f"{page.file.src_uri}:{where} {error}. The page's template marks its HTML blocks "
            "(text/html_blocks.py); `python -m dossier render --out DIR` shows the page as "
            "rendered."
        ) from error


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    from dossier.site import is_rendered_whole
    from dossier.text.html_blocks import set_aside

    # The generated blocks skip Markdown (text/html_blocks.py explains why). Only pages the
    # dossier renders whole have them: a hand-written page may quote the markers in a code block.
    if not is_rendered_whole(page.file.src_uri):
        return markdown
    with _naming_the_page(page):
        _set_aside[page.file.src_uri] = set_aside(markdown)
    return _set_aside[page.file.src_uri].markdown


def _with_file_urls(content: str, page: Page, pages: dict[str, File]) -> str:
    """`content` with its links to the directory address of a page (`x/`) made the file address
    a build without directory URLs publishes it at (`x.html`), relative to `page`."""
    from dossier.site import published_url

    base = published_url(page.file.src_uri)

    def file_url(link: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(base, link["path"]))
        target_page = pages.get("" if target == "." else f"{target}/")
        if target_page is None:
            return link[0]
        relative = get_relative_url(target_page.url, page.file.url)
        return f'href="{relative}{link["fragment"] or ""}"'

    return RE_PAGE_LINK.sub(file_url, content)


def on_page_content(content: str, page: Page, **_: object) -> str:
    from dossier.text.html_blocks import put_back_for_search

    blocks = _set_aside.get(page.file.src_uri)
    if blocks is None:
        return content
    # MkDocs validates links into this page against the ids it saw, and it never saw these.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.anchors
    with _naming_the_page(page):
        return put_back_for_search(content, blocks)


@event_priority(-100)  # after the search plugin has indexed the page's lighter version
def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    from dossier.text.html_blocks import put_back

    blocks = _set_aside.pop(page.file.src_uri, None)
    if blocks is not None:
        with _naming_the_page(page):
            page.content = put_back(page.content or "", blocks)
    if _pages_by_directory_url is not None and page.content:
        # Render writes the addresses pages have with directory URLs, MkDocs' default, in the
        # HTML it generates; MkDocs rewrites the links it converts from Markdown, not those.
        page.content = _with_file_urls(page.content, page, _pages_by_directory_url)
    return context
