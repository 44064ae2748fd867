"""Helpers for the browser tests: Debian's chromium driven by Playwright, and a local server."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Error, Request

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parent.parent / ".cache" / "axe-core" / "axe.min.js"
ANNOTATOR = Path(__file__).resolve().parent.parent / ".cache" / "annotator" / "annotator.js"
"""Apache Annotator's DOM matchers, bundled into one script by `make test-tools`."""


def require(path: Path, what: str) -> None:
    """Fail, never skip, a test whose tool is missing: a skipped test would hide a missing feature."""
    if not path.is_file():
        pytest.fail(f"{what} not found at {path}; `make test-tools` installs it")


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port for the duration; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Traffic:
    """What a page asked for and complained about while a test drove it."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def record_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def record_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def record_error(self, error: Error) -> None:
        self.console_errors.append(str(error))

    def foreign_requests(self, allowed_host: str | None) -> list[str]:
        """Requests to any host but `allowed_host` (None: file:// only)."""
        foreign = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if allowed_host is None and parts.scheme == "file":
                continue
            if allowed_host is not None and parts.netloc == allowed_host:
                continue
            foreign.append(url)
        return foreign
