"""`mkdocs serve`, as `make serve` runs it, rebuilds when a page, a seed or the code changes."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import mkdocs_environment

pytestmark = pytest.mark.integration

SPANISH = "000_7edff155f20879db"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:  # not up yet, refused, or busy rebuilding
        return ""


def wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        body = fetch(url)
        if text in body:
            return body
        time.sleep(0.3)
    pytest.fail(f"{url} did not show {text!r} within {timeout} s")


@pytest.fixture
def served_copy(project_copy: Path) -> Iterator[tuple[Path, str]]:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--livereload",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=project_copy,
        # The copy's own package, so that the test can edit scripts/ as a developer would.
        env={**mkdocs_environment(), "PYTHONPATH": str(project_copy / "scripts")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield project_copy, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_rebuilds_when_a_page_a_seed_or_the_code_changes(
    served_copy: tuple[Path, str],
) -> None:
    root, base = served_copy
    source_page = f"{base}/sources/{SPANISH}/"
    wait_for(source_page, "Italy negotiates a EUR 1.5 bn deal")

    home = root / "docs" / "index.md"
    home.write_text(
        home.read_text(encoding="utf-8") + "\nA line added while serving.\n", encoding="utf-8"
    )
    wait_for(f"{base}/", "A line added while serving.")

    sidecar = root / "seeds" / f"{SPANISH}.yml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace(
            "title: Italy negotiates", "title: Retitled, Italy negotiates"
        ),
        encoding="utf-8",
    )
    wait_for(source_page, "Retitled, Italy negotiates")

    article = root / "seeds" / f"{SPANISH}.txt"
    new_text = article.read_bytes() + "\n\nUna frase añadida.".encode()
    old_checksum = hashlib.sha256(article.read_bytes()).hexdigest()
    article.write_bytes(new_text)
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace(
            old_checksum, hashlib.sha256(new_text).hexdigest()
        ),
        encoding="utf-8",
    )
    page = wait_for(source_page, "Una frase añadida.")
    assert 'id="p12-s1"' in page

    template = root / "scripts" / "dossier" / "templates" / "source.md.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace("## Full text", "## Full text, as edited"),
        encoding="utf-8",
    )
    wait_for(source_page, "Full text, as edited")
