"""`check` over a whole project: citations break loudly when a source changes under them."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conftest import AFTER_ALL_CONTENT
from dossier.build import check_project

SPANISH = "000_7edff155f20879db"


def change_seed(root: Path, old: str, new: str) -> None:
    """Edit a seed's text on purpose, and update its checksum as an editor would."""
    text_file = root / "seeds" / f"{SPANISH}.txt"
    sidecar = root / "seeds" / f"{SPANISH}.yml"
    before = text_file.read_bytes()
    assert old.encode() in before
    after = before.replace(old.encode(), new.encode())
    text_file.write_bytes(after)
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace(
            hashlib.sha256(before).hexdigest(), hashlib.sha256(after).hexdigest()
        ),
        encoding="utf-8",
    )


def citing_files(root: Path, phrase: str) -> set[str]:
    """Project files that quote `phrase`: the ones whose citations must break when it changes."""
    return {
        path.relative_to(root).as_posix()
        for folder in ("docs", "seeds")
        for path in (root / folder).rglob("*")
        if path.suffix in (".md", ".yml") and phrase in path.read_text(encoding="utf-8")
    }


def test_changing_a_cited_word_fails_the_citation_and_nothing_else(project_copy: Path) -> None:
    assert check_project(project_copy, AFTER_ALL_CONTENT).findings == ()
    citers = citing_files(project_copy, "negó que se hubiera alcanzado")

    change_seed(project_copy, "negó que se hubiera alcanzado", "negó que se hubiese alcanzado")
    checked = check_project(project_copy, AFTER_ALL_CONTENT)

    # Besides the broken quotes, every question citing the source is flagged for re-review.
    broken = [f for f in checked.findings if "needs re-review" not in f.message]
    assert "docs/index.md" in {f.path for f in broken}
    assert {f.path for f in broken} <= citers
    assert all(f.is_error and f.message.startswith(f"quote not found in {SPANISH}") for f in broken)
    home = (project_copy / "docs" / "index.md").read_text(encoding="utf-8").splitlines()
    citing_line = next(
        n for n, line in enumerate(home, 1) if "negó que se hubiera alcanzado" in line
    )
    (on_home,) = [f for f in checked.findings if f.path == "docs/index.md"]
    assert on_home.line == citing_line
    assert on_home.message.startswith(
        f"quote not found in {SPANISH}: 'la oficina de la primera ministra negó"
    )
    assert "#p8-s1" in on_home.hint


def test_changing_a_word_no_citation_quotes_breaks_nothing(project_copy: Path) -> None:
    checked = check_project(project_copy, AFTER_ALL_CONTENT)
    source = next(s for s in checked.sources if s.id == SPANISH)
    quoted = [(c.start, c.end) for c in checked.citations if c.source.id == SPANISH]
    context = " ".join(c.citation.prefix + " " + c.citation.suffix for c in checked.citations)
    unquoted = next(
        match.group()
        for match in re.finditer(r"\b\w{5,}\b", source.text)
        if not any(start < match.end() and match.start() < end for start, end in quoted)
        and source.text.count(match.group()) == 1
        and match.group() not in context
    )

    change_seed(project_copy, unquoted, unquoted.upper())

    # Every quote still resolves; only the questions citing the source need re-reviewing.
    after = check_project(project_copy, AFTER_ALL_CONTENT)
    citing = {
        q.id
        for q in checked.questions
        if any(
            c.citation.source_id == SPANISH and c.citation.place.path == q.path
            for c in checked.citations
        )
    }
    assert citing
    assert all(not f.is_error and "needs re-review" in f.message for f in after.findings)
    assert {f.message.split()[0] for f in after.findings} == citing
    assert set(after.stale_reviews) == citing


def test_a_sidecar_quote_is_checked_and_reported_at_its_line(project_copy: Path) -> None:
    change_seed(project_copy, "investidura el 20 de enero", "investidura el 21 de enero")

    findings = [
        f
        for f in check_project(project_copy, AFTER_ALL_CONTENT).findings
        if f.path == f"seeds/{SPANISH}.yml"
    ]

    sidecar = (project_copy / "seeds" / f"{SPANISH}.yml").read_text(encoding="utf-8").splitlines()
    quote_line = next(
        n for n, line in enumerate(sidecar, 1) if "antes de su investidura el 20 de enero" in line
    )
    # The date evidence, and the claim that quotes the same words, each fail at their own line.
    assert (quote_line, f"quote not found in {SPANISH}") in [
        (f.line, f.message.split(":")[0]) for f in findings
    ]
    assert all(f.message.startswith(f"quote not found in {SPANISH}") for f in findings)


def test_citing_a_source_that_failed_to_load_reports_only_the_source(project_copy: Path) -> None:
    (project_copy / "seeds" / f"{SPANISH}.txt").write_bytes(b"Otro texto.")

    findings = check_project(project_copy, AFTER_ALL_CONTENT).findings

    assert [(f.path, f.message.split(" ")[0]) for f in findings] == [
        (f"seeds/{SPANISH}.yml", "sha256")
    ]
