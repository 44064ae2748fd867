"""`check` over a whole project: citations break loudly when a source changes under them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import PROJECT_ROOT
from dossier.checks import check_project

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


def test_the_real_project_has_no_findings_and_every_citation_resolves() -> None:
    checked = check_project(PROJECT_ROOT)

    assert checked.findings == ()
    cited_pages = {citation.citation.place.page for citation in checked.citations}
    assert {"index.md", f"sources/{SPANISH}.md"} <= cited_pages


def test_changing_a_cited_word_fails_the_citation_and_nothing_else(project_copy: Path) -> None:
    assert check_project(project_copy).findings == ()

    change_seed(project_copy, "negó que se hubiera alcanzado", "negó que se hubiese alcanzado")
    checked = check_project(project_copy)

    home = (project_copy / "docs" / "index.md").read_text(encoding="utf-8").splitlines()
    citing_line = next(
        n for n, line in enumerate(home, 1) if "negó que se hubiera alcanzado" in line
    )
    assert [(f.path, f.line, f.severity.value) for f in checked.findings] == [
        ("docs/index.md", citing_line, "error")
    ]
    (finding,) = checked.findings
    assert finding.message.startswith(
        f"quote not found in {SPANISH}: 'la oficina de la primera ministra negó"
    )
    assert "#p8-s1" in finding.hint


def test_changing_an_uncited_word_breaks_nothing(project_copy: Path) -> None:
    change_seed(project_copy, "Starlink lleva ofreciendo", "Starlink viene ofreciendo")

    assert check_project(project_copy).findings == ()


def test_a_sidecar_quote_is_checked_and_reported_at_its_line(project_copy: Path) -> None:
    change_seed(project_copy, "el 20 de enero", "el 21 de enero")

    (finding,) = check_project(project_copy).findings

    sidecar = (project_copy / "seeds" / f"{SPANISH}.yml").read_text(encoding="utf-8").splitlines()
    quote_line = next(n for n, line in enumerate(sidecar, 1) if line.strip().startswith("quote:"))
    assert (finding.path, finding.line) == (f"seeds/{SPANISH}.yml", quote_line)
    assert finding.message.startswith(
        f"quote not found in {SPANISH}: 'antes de su investidura el 20 de enero'"
    )


def test_citing_a_source_that_failed_to_load_reports_only_the_source(project_copy: Path) -> None:
    (project_copy / "seeds" / f"{SPANISH}.txt").write_bytes(b"Otro texto.")

    findings = check_project(project_copy).findings

    assert [(f.path, f.message.split(" ")[0]) for f in findings] == [
        (f"seeds/{SPANISH}.yml", "sha256")
    ]
