"""MkDocs adapter: give MkDocs the pages the dossier renders, in place of the files on disk."""

from __future__ import annotations

import datetime
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from dossier.build import Build

log = logging.getLogger("mkdocs.plugins.dossier")
# The vendored iframe-worker shim, loaded by the offline build instead of the copy on unpkg.com
# that Material's offline plugin adds to extra.polyfills.
LOCAL_IFRAME_WORKER_SHIM = "javascripts/vendor/iframe-worker/shim.js"


def _project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _build_afresh(root: Path) -> Build:
    """Build with the core imported anew, so that `mkdocs serve` sees edits to scripts/.

    MkDocs loads a hook once per process; the modules it imports would otherwise stay as they were.
    """
    for name in [name for name in sys.modules if name == "dossier" or name.startswith("dossier.")]:
        del sys.modules[name]
    from dossier.adapters.git import project_history
    from dossier.build import build  # imported here to be imported anew

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


def on_files(files: Files, config: MkDocsConfig) -> Files:
    from dossier.adapters.output import RENDER_MARKER

    if (Path(config.docs_dir) / RENDER_MARKER).is_file():
        # `render` wrote these pages already: a snapshot (make snapshot) builds them as they are.
        return files
    result = _build_afresh(_project_root(config))
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
    return files
