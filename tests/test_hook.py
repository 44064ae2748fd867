"""adapters/mkdocs_hook: what MkDocs gets from the dossier, with config and files built in memory."""

from __future__ import annotations

import gc
import logging
import operator
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from jinja2 import FileSystemBytecodeCache
from markdown import Markdown
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from conftest import EXAMPLE_ARTICLE, PROJECT_ROOT, ExampleProject, valid_sidecar
from dossier.text.html_blocks import BLOCK_END, BLOCK_START
from dossier.text.outline import convert_outline

HOOK = PROJECT_ROOT / "scripts" / "dossier" / "adapters" / "mkdocs_hook.py"


@pytest.fixture(autouse=True)
def core_modules_restored() -> Iterator[None]:
    """The hook may import the core anew; give later tests back the modules they use."""
    before = {name: module for name, module in sys.modules.items() if name.startswith("dossier")}
    yield
    for name in [name for name in sys.modules if name.startswith("dossier")]:
        del sys.modules[name]
    sys.modules.update(before)


@pytest.fixture(autouse=True)
def nothing_left_frozen() -> Iterator[None]:
    """Tests that call on_files alone skip on_post_build, which hands the build's objects back."""
    yield
    gc.unfreeze()


def hook_module(config: MkDocsConfig) -> ModuleType:
    hooks: dict[str, ModuleType] = config["hooks"]  # typed as a list of paths, read as modules
    return hooks[str(HOOK)]


def source_page(config: MkDocsConfig, source_id: str) -> str:
    """The page of `source_id` that the hook gives MkDocs, from a build in this process."""
    files = config.plugins.on_files(Files([]), config=config)
    page = files.get_file_from_path(f"sources/{source_id}.md")
    assert page is not None
    return page.content_string


def hooked_config(project: ExampleProject) -> MkDocsConfig:
    """The project's configuration with the dossier's hook, as `mkdocs build` loads it."""
    (project.root / "docs").mkdir(exist_ok=True)
    (project.root / "mkdocs.yml").write_text(
        f"site_name: Example\nhooks:\n  - {HOOK}\n", encoding="utf-8"
    )
    return load_config(config_file=str(project.root / "mkdocs.yml"))


def test_warnings_are_logged_as_warnings_and_the_pages_are_added(
    example_project: ExampleProject, caplog: pytest.LogCaptureFixture
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    config = hooked_config(example_project)

    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.dossier"):
        files = config.plugins.on_files(Files([]), config=config)

    logged = [r for r in caplog.records if r.name == "mkdocs.plugins.dossier"]
    assert {r.levelno for r in logged} == {logging.WARNING}
    assert any("000_abc is not curated yet" in r.getMessage() for r in logged)
    assert files.get_file_from_path("sources/000_abc.md") is not None


def test_an_error_stops_the_build_with_the_command_that_lists_it(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE, sidecar="title: [unclosed\n")
    config = hooked_config(example_project)

    with pytest.raises(PluginError, match=r"1 error\(s\).*python -m dossier check"):
        config.plugins.on_files(Files([]), config=config)


def test_the_theme_keeps_its_compiled_templates_between_builds(
    example_project: ExampleProject,
) -> None:
    config = hooked_config(example_project)

    env = config.plugins.on_env(config.theme.get_env(), config=config, files=Files([]))

    assert isinstance(env.bytecode_cache, FileSystemBytecodeCache)
    assert env.bytecode_cache.pattern.startswith("__mkdocs-theme-")


def test_offline_pages_load_the_local_iframe_worker(example_project: ExampleProject) -> None:
    config = hooked_config(example_project)
    config.extra["polyfills"] = ["https://unpkg.com/iframe-worker/shim", "other.js"]

    config = config.plugins.on_config(config)

    assert config.extra["polyfills"] == ["javascripts/vendor/iframe-worker/shim.js", "other.js"]
    assert str(example_project.seeds) in config.watch


def page_at(src_uri: str) -> Page:
    """A page MkDocs would hand the hook, with only what the hook reads of it."""
    return Page(None, File(src_uri, "docs", "site", use_directory_urls=True), MkDocsConfig())


def test_a_hand_written_page_keeps_the_markers_it_quotes(example_project: ExampleProject) -> None:
    config = hooked_config(example_project)
    text = f"# Method\n\n```html\n{BLOCK_START}\n<p>x</p>\n{BLOCK_END}\n```\n"

    kept = config.plugins.on_page_markdown(
        text, page=page_at("method.md"), config=config, files=Files([])
    )

    assert kept == text


def test_markers_that_do_not_pair_up_stop_the_build_naming_the_page_and_line(
    example_project: ExampleProject,
) -> None:
    config = hooked_config(example_project)
    rendered = f"# Source\n\n{BLOCK_START}\n<p>x</p>\n"

    with pytest.raises(PluginError, match=r"sources/000_abc\.md: line 3 of the rendered page: "):
        config.plugins.on_page_markdown(
            rendered, page=page_at("sources/000_abc.md"), config=config, files=Files([])
        )


def test_a_rebuild_in_one_process_shows_what_changed_and_only_that(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", "Lo dijo ayer. Italia negocia.", language="es")
    sidecar = example_project.seeds / "000_abc.yml"
    config = hooked_config(example_project)
    first = source_page(config, "000_abc")
    assert source_page(config, "000_abc") == first

    # The text is unchanged; only the date relative dates count from is not.
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("published: null", "published: 2025-01-06"),
        encoding="utf-8",
    )
    dated = source_page(config, "000_abc")
    assert "relative to a publication date the text does not give" in first
    assert "yesterday: 2025-01-05 (from the publication date, 2025-01-06)" in dated

    (example_project.seeds / "gazetteer.yml").write_text(
        "entries:\n  - name: Italy\n    kind: place\n    aliases: {es: [Italia]}\nignore: []\n",
        encoding="utf-8",
    )
    named = source_page(config, "000_abc")
    assert "Italy" not in dated
    assert "<td>place</td>" in named
    assert "Italy" in named

    text = "Lo dijo hoy. Italia negocia."
    example_project.add_seed("000_abc", text, language="es")
    assert "today: 2025-01-06" not in source_page(config, "000_abc")  # the sidecar was rewritten
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("published: null", "published: 2025-01-06"),
        encoding="utf-8",
    )
    assert "today: 2025-01-06 (from the publication date, 2025-01-06)" in source_page(
        config, "000_abc"
    )


def test_what_a_build_made_is_freed_once_it_is_over(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    config = hooked_config(example_project)

    hook = hook_module(config)

    hook.on_pre_build(config=config)
    config.plugins.on_files(Files([]), config=config)
    # Kept out of the cycle collector's way while MkDocs works on the pages...
    assert gc.get_freeze_count() > 0
    hook.on_post_build(config=config)

    # ...and collectable again afterwards, for `serve` builds again in the same process.
    assert gc.get_freeze_count() == 0


def built_page(config: MkDocsConfig, files: Files, src_uri: str, markdown: str = "") -> Page:
    """The page at `src_uri` taken through MkDocs' steps up to its content: read, the hook's
    on_page_markdown (`markdown` in place of the file's, if given), render, on_page_content."""
    page = files.get_file_from_path(src_uri).page  # type: ignore[union-attr]
    assert page is not None
    page.read_source(config)
    text = config.plugins.on_page_markdown(
        markdown or page.markdown or "", page=page, config=config, files=files
    )
    page.markdown = text
    page.render(config, files)
    page.content = config.plugins.on_page_content(
        page.content or "", page=page, config=config, files=files
    )
    return page


def test_a_source_page_has_its_headings_in_its_table_of_contents_and_its_anchors_known(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_seed("001_def", "Italia tratta con SpaceX.\n", language="it")
    config = hooked_config(example_project)
    files = config.plugins.on_files(Files([]), config=config)

    for source_id in ("000_abc", "001_def"):  # the second reuses what the first set up
        page = built_page(config, files, f"sources/{source_id}.md")

        headings = [item.title for item in page.toc.items[0].children]
        assert headings == ["Summary", "Facts", "Full text", "Cited by"]
        assert '<h2 id="full-text">Full text' in (page.content or "")
        assert {"full-text", "p1", "p1-s1"} <= (page.present_anchor_ids or set())


def test_a_question_pages_generated_parts_skip_markdown_and_its_prose_does_not(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", EXAMPLE_ARTICLE)
    example_project.add_categories("crypto-scheme")
    example_project.add_question(
        "crypto-scheme/keys", body='Encryption is named [@000_abc "El cifrado de datos"].\n'
    )
    config = hooked_config(example_project)
    files = config.plugins.on_files(Files([]), config=config)
    file = files.get_file_from_path("register/crypto-scheme/keys.md")
    assert file is not None
    page = Page(None, file, config)  # as MkDocs makes one for each page, nav or not
    page.read_source(config)

    markdown = config.plugins.on_page_markdown(
        page.markdown or "", page=page, config=config, files=files
    )
    built = built_page(config, files, "register/crypto-scheme/keys.md")

    assert "<blockquote" not in markdown
    assert "<ul>" not in markdown
    assert "## What the sources say" in markdown
    # Links into the page's generated parts are checked against the ids they hold.
    assert {"evidence-1", "evidence-link-1", "question-facts", "item-parameter"} <= (
        built.present_anchor_ids or set()
    )
    hook_module(config).on_page_context({}, page=built, config=config, nav=None)
    content = built.content or ""
    assert content.count('<blockquote class="dossier-evidence" id="evidence-1">') == 1
    # The prose's citation is Markdown, which MkDocs turns into the source page's address.
    assert 'href="../../../sources/000_abc/#p1-s2"' in content
    assert [item.title for item in built.toc.items[0].children][:2] == [
        "What the sources say",
        "What a complete answer must specify",
    ]


def files_of_one_source(project: ExampleProject) -> tuple[MkDocsConfig, Files]:
    """The configuration and the files the hook gives MkDocs for a project of one source."""
    project.add_seed("000_abc", EXAMPLE_ARTICLE)
    config = hooked_config(project)
    return config, config.plugins.on_files(Files([]), config=config)


def test_a_source_page_that_links_to_another_page_has_the_link_made_an_address(
    example_project: ExampleProject,
) -> None:
    config, files = files_of_one_source(example_project)

    page = built_page(
        config, files, "sources/000_abc.md", "# A source\n\nSee [the sources](index.md).\n"
    )

    assert '<a href="../">the sources</a>' in (page.content or "")


def toc_entries(page: Page) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [
        (item.title, item.url, [(child.title, child.url) for child in item.children])
        for item in page.toc
    ]


# What Markdown converts of a curated source page: its abstract and quotations cite its sentences.
CURATED_SOURCE_PAGE = """# A source

It reports talks [\\[000 p1-s1\\]](#p1-s1 "Italia negocia"){#abstract-cite-1 .dossier-cite}.

## Direct quotations

| Speaker | Original |
| --- | --- |
| X | <span id="quotation-1" lang="es">Italia</span> [\\[000 p1-s1\\]](#p1-s1){#quotation-link-1} |
"""


@pytest.mark.parametrize(
    "markdown", ["", CURATED_SOURCE_PAGE], ids=["only headings and HTML blocks", "curated"]
)
def test_a_source_page_converts_as_mkdocs_converts_it(
    example_project: ExampleProject, markdown: str
) -> None:
    # Summarised in a claim, with no abstract: the page is its headings and its HTML blocks.
    (example_project.seeds / "topics.yml").write_text(
        "- id: deal.status\n  title: Status\n  description: How far the talks are.\n",
        encoding="utf-8",
    )
    example_project.add_seed(
        "000_abc",
        EXAMPLE_ARTICLE,
        sidecar=valid_sidecar(EXAMPLE_ARTICLE.encode())
        + "claims:\n  - id: talks\n    topic: deal.status\n    text: Italy negotiates.\n"
        '    cite: {quote: "Italia negocia un acuerdo"}\n',
    )
    (example_project.root / "docs").mkdir(exist_ok=True)
    (example_project.root / "mkdocs.yml").write_text(
        f"site_name: Example\nhooks:\n  - {HOOK}\nmarkdown_extensions:\n"
        "  - attr_list\n  - md_in_html\n  - tables\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    config = load_config(config_file=str(example_project.root / "mkdocs.yml"))
    files = config.plugins.on_files(Files([]), config=config)
    page = built_page(config, files, "sources/000_abc.md", markdown)
    assert isinstance(page, hook_module(config).SourcePage)
    # The page as rendered takes the shortest way, the curated one a shared converter.
    outline = convert_outline(Markdown(extensions=["toc"]), page.markdown or "")

    assert (outline is not None) == (not markdown)
    page.render(config, files)  # its HTML blocks still set aside
    shared = (page.content, toc_entries(page), page.present_anchor_ids)

    Page.render(page, config, files)  # as MkDocs converts any page

    assert ('id="abstract-cite-1"' in (shared[0] or "")) == bool(markdown)
    assert ('<h2 id="cited-by">Cited by' in (shared[0] or "")) == (not markdown)
    assert shared == (page.content, toc_entries(page), page.present_anchor_ids)


def test_a_link_within_a_source_page_to_no_anchor_is_reported(
    example_project: ExampleProject, caplog: pytest.LogCaptureFixture
) -> None:
    config, files = files_of_one_source(example_project)
    page = built_page(
        config, files, "sources/000_abc.md", "# A source\n\n[Here](#a-source), [there](#p9-s9).\n"
    )

    page.validate_anchor_links(files=files, log_level=logging.WARNING)

    assert "contains a link '#p9-s9', but there is no such anchor on this page" in caplog.text
    assert "#a-source" not in caplog.text


def package_copy(tmp_path: Path) -> Path:
    """A stand-in for scripts/dossier: the hook only looks at its files' names, sizes and times."""
    package = tmp_path / "package"
    (package / "checks").mkdir(parents=True)
    (package / "checks" / "rule.py").write_text("RULE = 1\n", encoding="utf-8")
    (package / "templates").mkdir()
    (package / "templates" / "page.md.j2").write_text("{{ page }}\n", encoding="utf-8")
    return package


def hooked_on_a_package_copy(
    project: ExampleProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[MkDocsConfig, Path]:
    """A one-source project's hooked configuration, the hook watching a stand-in package."""
    project.add_seed("000_abc", EXAMPLE_ARTICLE)
    config = hooked_config(project)
    package = package_copy(tmp_path)
    monkeypatch.setattr(hook_module(config), "DOSSIER_PACKAGE", package)
    return config, package


def test_the_core_is_kept_until_a_file_of_the_package_changes(
    example_project: ExampleProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, package = hooked_on_a_package_copy(example_project, tmp_path, monkeypatch)

    def build_module_after_a_build() -> ModuleType:
        config.plugins.on_files(Files([]), config=config)
        return sys.modules["dossier.build"]

    first = build_module_after_a_build()
    assert build_module_after_a_build() is first
    (package / "notes.txt").write_text("not code\n", encoding="utf-8")
    assert build_module_after_a_build() is first

    (package / "checks" / "rule.py").write_text("RULE = 22\n", encoding="utf-8")
    second = build_module_after_a_build()
    assert second is not first
    assert build_module_after_a_build() is second

    (package / "templates" / "page.md.j2").write_text("{{ page }}!\n", encoding="utf-8")
    assert build_module_after_a_build() is not second


def test_a_worker_process_is_let_go_when_the_core_is_imported_anew(
    example_project: ExampleProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, package = hooked_on_a_package_copy(example_project, tmp_path, monkeypatch)
    config.plugins.on_files(Files([]), config=config)
    worker = sys.modules["dossier.worker"]
    assert worker.start_beside(operator.add, 2, 3).result() == 5
    pool = worker._pool
    assert pool is not None, "a worker process runs"

    (package / "checks" / "rule.py").write_text("RULE = 22\n", encoding="utf-8")
    config.plugins.on_files(Files([]), config=config)

    assert sys.modules["dossier.worker"] is not worker
    assert worker._pool is None
    with pytest.raises(RuntimeError, match="shutdown"):
        pool.submit(operator.add, 2, 3)
