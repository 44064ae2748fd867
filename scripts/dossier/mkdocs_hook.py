"""MkDocs adapter: add the dossier's generated pages to the build as virtual files."""

from __future__ import annotations

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


def _project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _import_core() -> tuple[ModuleType, ModuleType]:
    """The checks and render modules, imported anew so `mkdocs serve` sees edits to scripts/.

    MkDocs loads a hook once per process; the modules it imports would otherwise stay as they were.
    """
    for name in [name for name in sys.modules if name == "dossier" or name.startswith("dossier.")]:
        del sys.modules[name]
    return importlib.import_module("dossier.checks"), importlib.import_module("dossier.render")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = _project_root(config)
    config.watch.extend(str(root / folder) for folder in ("seeds", "scripts"))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    checks, render = _import_core()
    checked = checks.check_project(_project_root(config))
    for finding in checked.findings:
        # Warnings are news for the editor, not a reason to fail a strict build: log them as info.
        log.log(logging.ERROR if finding.is_error else logging.INFO, "%s", finding)
    if checked.errors:
        raise PluginError(
            f"The dossier has {len(checked.errors)} error(s), listed above; "
            "fix them, then rebuild (`python -m dossier check` lists them too)."
        )
    for path, content in render.render_pages(checked.sources).items():
        files.append(File.generated(config, path, content=content))
    return files
