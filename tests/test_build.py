"""The real site, built with `mkdocs build --strict`, as a reader's browser would receive it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import (
    AFTER_ALL_CONTENT,
    PROJECT_ROOT,
    mkdocs_build,
    run_dossier,
    tree_snapshot,
    valid_sidecar,
)
from dossier.build import check_project
from dossier.load.sources import load_sources
from dossier.model.sources import Source

pytestmark = pytest.mark.integration

SOURCES = load_sources(PROJECT_ROOT).sources


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.id)
def test_every_sentence_has_its_anchor_and_exact_text(built_site: Path, source: Source) -> None:
    soup = page(built_site, f"sources/{source.id}/index.html")

    for sentence in source.sentences:
        element = soup.find(id=sentence.anchor)
        assert element is not None, f"no anchor #{sentence.anchor} on the page of {source.id}"
        assert element.get_text() == sentence.text
    for paragraph in source.paragraphs:
        assert soup.find("p", id=paragraph.anchor) is not None
    assert soup.h1 is not None
    assert soup.h1.get_text().removesuffix("¶") == source.metadata.title  # ¶: the permalink


def test_source_pages_say_what_the_text_does_not(built_site: Path) -> None:
    card = page(built_site, "sources/000_7edff155f20879db/index.html").find(
        "dl", class_="dossier-card"
    )

    assert card is not None
    names = [dt.get_text() for dt in card.select("dt")]
    fields = dict(zip(names, [dd.get_text() for dd in card.select("dd")], strict=True))
    assert fields["Outlet"] == "Not stated in the text"
    assert fields["Published"] == "Not stated in the text"
    assert fields["Reports it cites"] == "Reuters"
    assert fields["Language"] == "Spanish (es)"
    assert fields["Length"] == "319 words, 11 paragraphs, 15 sentences"


def test_the_sources_index_lists_every_source_with_its_counts(built_site: Path) -> None:
    rows = page(built_site, "sources/index.html").select("table tbody tr")

    cells = [[cell.get_text() for cell in row.find_all("td")] for row in rows]
    assert [(row[0], row[2], row[4], row[5]) for row in cells] == [
        ("000_7edff155f20879db", "Spanish", "319", "15"),
        ("001_de767ab6f4448240", "Italian", "306", "12"),
    ]
    links = [
        link.get("href")
        for link in page(built_site, "sources/index.html").select("tbody td:first-child a")
    ]
    assert links == ["000_7edff155f20879db/", "001_de767ab6f4448240/"]


def test_search_covers_english_spanish_and_italian(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))

    assert index["config"]["lang"] == ["en", "es", "it"]
    texts = " ".join(entry["text"] for entry in index["docs"])
    assert "servizi crittografici" in texts
    assert "cifrado de datos" in texts


def test_search_finds_a_sentence_and_its_translation_in_the_full_text(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (full_text,) = [
        entry
        for entry in index["docs"]
        if entry["location"] == "sources/001_de767ab6f4448240/#full-text"
    ]

    assert "una gamma completa di servizi crittografici" in full_text["text"]
    assert "a complete range of high-level cryptographic services" in full_text["text"]
    assert "<span" not in full_text["text"]


def test_the_palette_offers_light_and_dark(built_site: Path) -> None:
    toggles = page(built_site, "index.html").select("form[data-md-component=palette] input")

    assert [toggle["data-md-color-scheme"] for toggle in toggles] == ["default", "slate"]


def test_inline_citations_link_to_their_sentence_with_the_exact_quote(
    project_copy: Path, tmp_path: Path
) -> None:
    (project_copy / "docs" / "index.md").write_text(
        "# Home\n\n"
        'Spain: [@000_7edff155f20879db "1.500 millones de euros"].\n'
        # A straight apostrophe in the quote; the page shows the source's typographic one.
        'Italy: [@001_de767ab6f4448240 "che l\'Italia sta cercando"].\n',
        encoding="utf-8",
    )

    assert mkdocs_build(project_copy, tmp_path / "site").returncode == 0
    links = page(tmp_path / "site", "index.html").select("a.dossier-cite")

    assert [(a["id"], a["href"], a["title"], a.get_text()) for a in links] == [
        (
            "cite-1",
            "sources/000_7edff155f20879db/#p2-s1",
            "1.500 millones de euros",
            "[000 p2-s1]",
        ),
        (
            "cite-2",
            "sources/001_de767ab6f4448240/#p1-s4",
            "che l’Italia sta cercando",
            "[001 p1-s4]",
        ),
    ]


def test_source_pages_mark_cited_sentences_and_link_back_to_each_citation(built_site: Path) -> None:
    soup = page(built_site, "sources/000_7edff155f20879db/index.html")

    cited = [span["id"] for span in soup.select(".dossier-sentence--cited")]
    assert {"p2-s1", "p3-s1", "p7-s1", "p8-s1", "p9-s1"} <= set(cited)
    rows = {row.td.get_text(): row for row in soup.select("#cited-by ~ table tbody tr") if row.td}
    back_links = [(a.get_text(), a["href"]) for a in rows["p7-s1"].select("td:nth-of-type(2) a")]
    assert ("Date evidence", "#date-evidence") in back_links
    assert (
        "Who published each article, and when?",
        "../../register/source-provenance/outlets-and-dates/#evidence-1",
    ) in back_links
    home_links = [a["href"] for a in rows["p2-s1"].select("td:nth-of-type(2) a")]
    # The home page cites this sentence twice and is listed once, at its first citation.
    assert home_links[0] == "../../#cite-1"
    assert "../../#cite-2" not in home_links
    assert "../../register/accreditation/evaluation-standards/#evidence-1" in home_links
    evidence = [q.get_text() for q in soup.select("#date-evidence q")]
    assert evidence == ["antes de su investidura el 20 de enero"]


def test_building_writes_nothing_into_docs_or_seeds(project_copy: Path, tmp_path: Path) -> None:
    before = tree_snapshot(project_copy)

    result = mkdocs_build(project_copy, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    assert tree_snapshot(project_copy) == before


def test_a_broken_seed_fails_the_build_with_the_check_message(
    project_copy: Path, tmp_path: Path
) -> None:
    sidecar = project_copy / "seeds" / "001_de767ab6f4448240.yml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("language: it", "language: fr"),
        encoding="utf-8",
    )

    result = mkdocs_build(project_copy, tmp_path / "site")

    assert result.returncode != 0
    assert (
        "seeds/001_de767ab6f4448240.yml:2: error: language: 'fr' is not one of ['en', 'es', 'it']"
        in result.stderr
    )
    assert "The dossier has 1 error(s)" in result.stderr


@pytest.mark.parametrize(("fragment", "builds"), [("p8-s2", True), ("p99-s1", False)])
def test_links_to_sentence_anchors_are_validated(
    project_copy: Path, tmp_path: Path, fragment: str, builds: bool
) -> None:
    (project_copy / "docs" / "index.md").write_text(
        f"# Home\n\nSee [the denial](sources/000_7edff155f20879db.md#{fragment}).\n",
        encoding="utf-8",
    )

    result = mkdocs_build(project_copy, tmp_path / "site")

    assert (result.returncode == 0) is builds, result.stderr
    if not builds:
        assert f"'#{fragment}'" in result.stderr


def test_every_question_has_a_page_with_its_header_and_evidence(built_site: Path) -> None:
    checked = check_project(PROJECT_ROOT, AFTER_ALL_CONTENT)

    for question in checked.questions:
        soup = page(built_site, f"register/{question.id}/index.html")
        assert soup.h1 is not None
        assert soup.h1.get_text().removesuffix("¶") == question.title
        badges = [badge.get_text() for badge in soup.select(".dossier-badge")]
        assert question.status in badges
        evidence_links = [
            a["href"] for a in soup.select("blockquote.dossier-evidence a.dossier-cite")
        ]
        assert len(evidence_links) == len(question.evidence)
        assert all(str(href).startswith("../../../sources/") for href in evidence_links)


def test_the_register_index_lists_every_question_and_the_downloads_are_published(
    built_site: Path,
) -> None:
    checked = check_project(PROJECT_ROOT, AFTER_ALL_CONTENT)
    tables = page(built_site, "register/index.html").select("article table")

    question_rows = tables[-1].select("tbody tr")
    assert len(question_rows) == len(checked.questions)
    exported = json.loads((built_site / "register" / "register.json").read_text(encoding="utf-8"))
    assert sorted(exported["questions"]) == sorted(q.id for q in checked.questions)
    csv_lines = (built_site / "register" / "register.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_lines) == len(checked.questions) + 1
    assert (built_site / "register" / "question.schema.json").is_file()
    annotations = json.loads((built_site / "register" / "annotations.jsonld").read_text("utf-8"))
    assert annotations["total"] == len(checked.citations)
    assert page(built_site, "register/index.html").select_one('a[href="annotations.jsonld"]')
    assert len(page(built_site, "register/dashboard/index.html").select("svg.dossier-chart")) == 2


def test_an_uncurated_source_fails_the_strict_build_only_as_it_fails_check_strict(
    project_copy: Path, tmp_path: Path
) -> None:
    article = b"Italia prueba un nuevo servicio. Nadie lo confirma.\n"
    (project_copy / "seeds" / "002_0123456789abcdef.txt").write_bytes(article)
    (project_copy / "seeds" / "002_0123456789abcdef.yml").write_text(
        valid_sidecar(article).replace("title: A test article", "title: null"), encoding="utf-8"
    )

    strict = mkdocs_build(project_copy, tmp_path / "strict-site")
    result = mkdocs_build(project_copy, tmp_path / "site", strict=False)

    assert strict.returncode == 1
    assert (
        "WARNING -  seeds/002_0123456789abcdef.yml:1: warning: 002_0123456789abcdef is not curated yet"
        in strict.stderr
    )
    assert run_dossier("check", "--strict", cwd=project_copy).returncode == 1
    assert result.returncode == 0, result.stderr
    assert "002_0123456789abcdef is not curated yet" in result.stderr
    soup = page(tmp_path / "site", "sources/002_0123456789abcdef/index.html")
    assert soup.h1 is not None
    assert soup.h1.get_text().removesuffix("¶") == "Untitled source 002_0123456789abcdef"
    assert "Not yet curated" in soup.get_text()


def test_the_comparison_page_is_built_with_a_row_per_topic(built_site: Path) -> None:
    checked = check_project(PROJECT_ROOT, AFTER_ALL_CONTENT)
    rows = page(built_site, "comparison/index.html").select("article table tbody tr")

    assert [row.td.get_text() for row in rows if row.td] == [
        topic.title for topic in checked.topics
    ]


def test_search_finds_a_claim_on_its_source_page_and_not_again_in_the_comparison(
    built_site: Path,
) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    cells = page(built_site, "comparison/index.html").select("article table tbody td + td")
    reported = [cell.get_text() for cell in cells if "not reported" not in cell.get_text()]
    claim = reported[0].split("[")[0].strip() if reported else ""  # before its first citation
    found = [entry["location"] for entry in index["docs"] if claim and claim in entry["text"]]

    assert claim, "the comparison shows claims"
    assert found
    assert all(location.startswith("sources/") for location in found)
    assert any(entry["location"] == "comparison/" for entry in index["docs"])


def test_every_code_fence_of_the_hand_written_pages_is_well_formed() -> None:
    # A closing fence with text after it is not a fence: the rest of the page becomes code.
    malformed = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}: {line}"
        for path in sorted((PROJECT_ROOT / "docs").rglob("*.md"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.lstrip().startswith("```") and not re.fullmatch(r"\s*```[\w-]*", line)
    ]

    assert malformed == []


def test_every_page_links_the_change_feed_relative_to_itself(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for html_file in pages:
        links = page(built_site, str(html_file.relative_to(built_site))).select(
            'head link[rel="alternate"][type="application/atom+xml"]'
        )
        assert len(links) == 1, html_file
        if html_file.name == "404.html":
            # MkDocs serves 404.html at any depth, so its links start from the site's root.
            assert links[0]["href"] == "/changes.xml"
            continue
        # Relative to the page, so the same link works on any host and in the offline bundle.
        target = (html_file.parent / str(links[0]["href"])).resolve()
        assert target == (built_site / "changes.xml").resolve(), html_file
    feed = (built_site / "changes.xml").read_text(encoding="utf-8")
    assert feed.startswith(
        "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
    )
