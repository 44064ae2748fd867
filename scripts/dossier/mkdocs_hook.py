"""MkDocs adapter: give MkDocs the pages the dossier renders, in place of the files on disk."""

from __future__ import annotations

import datetime
import importlib
import logging
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.dossier")
# The vendored iframe-worker shim, loaded by the offline build instead of the copy on unpkg.com
# that Material's offline plugin adds to extra.polyfills.
LOCAL_IFRAME_WORKER_SHIM = "javascripts/vendor/iframe-worker/shim.js"


def _project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _import_core() -> dict[str, ModuleType]:
    """The core modules, imported anew so that `mkdocs serve` sees edits to scripts/.

    MkDocs loads a hook once per process; the modules it imports would otherwise stay as they were.
    """
    for name in [name for name in sys.modules if name == "dossier" or name.startswith("dossier.")]:
        del sys.modules[name]
    names = ("checks", "render", "project_date", "git_revisions", "register", "sources")
    return {name: importlib.import_module(f"dossier.{name}") for name in names}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = _project_root(config)
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


def on_files(files: Files, config: MkDocsConfig) -> Files:
    core = _import_core()
    root = _project_root(config)
    # The one reading of the clock in a build: the core is given the date.
    today = datetime.date.today()
    checked = core["checks"].check_project(root, today)
    for finding in checked.findings:
        # Warnings are news for the editor, not a reason to fail a strict build: log them as info.
        log.log(logging.ERROR if finding.is_error else logging.INFO, "%s", finding)
    if checked.errors:
        raise PluginError(
            f"The dossier has {len(checked.errors)} error(s), listed above; "
            "fix them, then rebuild (`python -m dossier check` lists them too)."
        )
    changes = core["git_revisions"].history(
        root, (core["register"].REGISTER_DIRECTORY, core["sources"].SEEDS_DIRECTORY)
    )
    as_of = core["project_date"].last_change_date(root, today)
    pages = core["render"].render_pages(checked, as_of, changes)
    for path, content in pages.items():
        # Hand-written pages are replaced by the same text with its citations linked.
        written = files.get_file_from_path(path)
        if written is not None:
            files.remove(written)
        files.append(File.generated(config, path, content=content))
    return files
