"""Loading seeds: the real ones verify, and every broken pairing or sidecar gets its finding."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import PROJECT_ROOT, ExampleProject, valid_sidecar
from dossier.load.sources import load_sources
from dossier.model.findings import Severity

ARTICLE = "Italia negocia un acuerdo. El contrato sigue en discusión.\n"
# The shared seeds' checksums, taken with sha256sum from ../shared/seeds/ when they were copied.
SHARED_SEED_CHECKSUMS = {
    "000_7edff155f20879db.txt": "114c6828291f9a81e43c27f71d93d00264e9e3a2a47cd3ebd8e10e5cc7b4ef40",
    "001_de767ab6f4448240.txt": "c6158d87f7c161ddfc47f7af68c45532d94161567039ee8a1ac97ee2fbe12d2b",
}


def messages(project: ExampleProject) -> list[str]:
    return [str(finding) for finding in load_sources(project.root).findings]


def test_the_seeds_are_the_shared_articles_byte_for_byte() -> None:
    seeds = PROJECT_ROOT / "seeds"
    assert sorted(path.name for path in seeds.glob("*.txt")) == sorted(SHARED_SEED_CHECKSUMS)
    for name, checksum in SHARED_SEED_CHECKSUMS.items():
        assert hashlib.sha256((seeds / name).read_bytes()).hexdigest() == checksum


def test_the_real_seeds_load_without_findings() -> None:
    loaded = load_sources(PROJECT_ROOT)

    assert loaded.findings == ()
    assert [source.id for source in loaded.sources] == [
        "000_7edff155f20879db",
        "001_de767ab6f4448240",
    ]
    spanish, italian = loaded.sources
    assert (spanish.metadata.language, italian.metadata.language) == ("es", "it")
    assert spanish.metadata.reports_cited == ("Reuters",)
    assert italian.metadata.reports_cited == ("Bloomberg",)
    # Neither text names its outlet, date or address: the sidecars must not guess them.
    for source in loaded.sources:
        assert (source.metadata.outlet, source.metadata.published, source.metadata.url) == (
            None,
            None,
            None,
        )


def test_a_valid_seed_loads_with_its_sentences(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", ARTICLE)

    loaded = load_sources(example_project.root)

    assert loaded.findings == ()
    (source,) = loaded.sources
    assert [s.text for s in source.sentences] == [
        "Italia negocia un acuerdo.",
        "El contrato sigue en discusión.",
    ]
    assert source.text_path == "seeds/000_abc.txt"


def test_article_without_sidecar_is_an_error_whose_hint_gives_the_checksum(
    example_project: ExampleProject,
) -> None:
    (example_project.seeds / "000_abc.txt").write_text(ARTICLE, encoding="utf-8")
    checksum = hashlib.sha256(ARTICLE.encode()).hexdigest()

    (finding,) = load_sources(example_project.root).findings

    assert finding.severity is Severity.ERROR
    assert str(finding).startswith(
        "seeds/000_abc.txt:1: error: article without its sidecar: there is no seeds/000_abc.yml."
    )
    assert f"sha256: {checksum}" in finding.hint


def test_sidecar_without_article_is_an_error(example_project: ExampleProject) -> None:
    (example_project.seeds / "000_abc.yml").write_text(valid_sidecar(b"x"), encoding="utf-8")

    assert messages(example_project) == [
        "seeds/000_abc.yml:1: error: sidecar without its article: there is no seeds/000_abc.txt. "
        "Add the article's text, or delete the sidecar if the source was removed."
    ]


def test_checksum_mismatch_points_at_the_sha256_line_and_gives_the_new_checksum(
    example_project: ExampleProject,
) -> None:
    text_file = example_project.add_seed("000_abc", ARTICLE)
    text_file.write_text(ARTICLE.replace("acuerdo", "contrato"), encoding="utf-8")
    actual = hashlib.sha256(text_file.read_bytes()).hexdigest()

    loaded = load_sources(example_project.root)

    assert loaded.sources == ()
    (finding,) = loaded.findings
    assert (finding.path, finding.line) == ("seeds/000_abc.yml", 8)
    assert f"does not match seeds/000_abc.txt, which hashes to {actual}" in finding.message
    assert f"set `sha256: {actual}`" in finding.hint


def test_invalid_yaml_names_its_line(example_project: ExampleProject) -> None:
    sidecar = valid_sidecar(ARTICLE.encode()).replace(
        "reports_cited: [Reuters]", "reports_cited: [Reuters"
    )
    example_project.add_seed("000_abc", ARTICLE, sidecar=sidecar)

    (finding,) = load_sources(example_project.root).findings

    assert finding.path == "seeds/000_abc.yml"
    assert finding.line in (7, 8)  # the unclosed list is noticed where the next key begins
    assert finding.message.startswith("invalid YAML")


def test_every_sidecar_problem_is_reported_in_one_run(example_project: ExampleProject) -> None:
    sidecar = (
        "title: A test article\n"
        "language: fr\n"
        "outlet: null\n"
        "published: 15 January 2025\n"
        "url: null\n"
        "reports_cited: [Reuters]\n"
        "author: Someone\n"
    )
    example_project.add_seed("000_abc", ARTICLE, sidecar=sidecar)

    found = {
        (finding.line, finding.message): finding.hint
        for finding in load_sources(example_project.root).findings
    }

    assert set(found) == {
        (1, "missing field 'kind'"),
        (1, "missing field 'sha256'"),
        (2, "language: 'fr' is not one of ['en', 'es', 'it']"),
        (4, "published: '15 January 2025' does not match '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'"),
        (7, "unknown field 'author'"),
    }
    assert (
        "title, language, kind, outlet, published, url, reports_cited, sha256, notes, date_evidence"
        in found[(7, "unknown field 'author'")]
    )


def test_a_sidecar_that_is_not_a_mapping_is_an_error(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", ARTICLE, sidecar="- just\n- a list\n")

    (message,) = messages(example_project)

    assert message.startswith("seeds/000_abc.yml:1: error: the sidecar is not a mapping of fields.")


def test_text_that_is_not_utf8_is_an_error_naming_the_line(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", "Primera frase.\nSegunda línea.\n".encode("latin-1"))

    (message,) = messages(example_project)

    assert message == (
        "seeds/000_abc.txt:2: error: not UTF-8 text (byte 0xed at offset 24). "
        "Save the file as UTF-8."
    )


def test_an_empty_article_is_an_error(example_project: ExampleProject) -> None:
    example_project.add_seed("000_abc", " \n\n")

    assert messages(example_project) == [
        "seeds/000_abc.txt:1: error: the article is empty. Paste the article's text into it."
    ]


def test_a_source_name_that_is_not_plain_is_rejected(example_project: ExampleProject) -> None:
    example_project.add_seed("my article", ARTICLE)

    found = messages(example_project)

    assert found == [
        f"seeds/my article.{suffix}:1: error: 'my article' is not a plain source name. "
        "Use letters, digits, '_' and '-' only, as in 000_7edff155f20879db.txt."
        for suffix in ("txt", "yml")
    ]


def test_a_link_out_of_seeds_is_rejected(example_project: ExampleProject, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(ARTICLE, encoding="utf-8")
    (example_project.seeds / "000_abc.txt").symlink_to(outside)
    (example_project.seeds / "000_abc.yml").write_text(
        valid_sidecar(ARTICLE.encode()), encoding="utf-8"
    )

    found = messages(example_project)

    assert (
        "seeds/000_abc.txt:1: error: a link to a file outside seeds/. Copy the article into seeds/ instead."
        in found
    )


def test_a_stray_file_is_a_warning_and_the_other_seeds_still_load(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", ARTICLE)
    (example_project.seeds / "notes.md").write_text("scratch\n", encoding="utf-8")

    loaded = load_sources(example_project.root)

    (finding,) = loaded.findings
    assert finding.severity is Severity.WARNING
    assert str(finding).startswith("seeds/notes.md:1: warning: not a seed file (suffix '.md').")
    assert [source.id for source in loaded.sources] == ["000_abc"]


def test_crlf_and_byte_order_mark_are_accepted_and_the_checksum_is_of_the_bytes(
    example_project: ExampleProject,
) -> None:
    data = "\ufeffPrimera frase.\r\n\r\nSegunda frase.\r\n".encode()
    example_project.add_seed("000_abc", data)

    loaded = load_sources(example_project.root)

    assert loaded.findings == ()
    assert [s.text for s in loaded.sources[0].sentences] == ["Primera frase.", "Segunda frase."]


def test_problems_inside_a_claim_name_the_claim_and_its_line(
    example_project: ExampleProject,
) -> None:
    sidecar = valid_sidecar(ARTICLE.encode()) + (
        "claims:\n"
        "  - id: talks\n"
        "    text: Italy negotiates.\n"
        "    cite: {quote: Italia negocia}\n"
        "    colour: red\n"
    )
    example_project.add_seed("000_abc", ARTICLE, sidecar=sidecar)

    found = {(f.line, f.message) for f in load_sources(example_project.root).findings}

    assert found == {
        (10, "claims.0: missing field 'topic'"),
        (13, "claims.0: unknown field 'colour'"),
    }


def test_a_second_load_reuses_an_unchanged_source_and_sees_any_change(
    example_project: ExampleProject,
) -> None:
    example_project.add_seed("000_abc", ARTICLE)
    sidecar = example_project.seeds / "000_abc.yml"
    (first,) = load_sources(example_project.root).sources
    (again,) = load_sources(example_project.root).sources
    assert again is first

    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("published: null", "published: 2025-01-06"),
        encoding="utf-8",
    )
    (dated,) = load_sources(example_project.root).sources
    assert (first.metadata.published, dated.metadata.published) == (None, "2025-01-06")

    longer = ARTICLE + "Otra frase.\n"
    (example_project.seeds / "000_abc.txt").write_text(longer, encoding="utf-8")
    assert [f.message for f in load_sources(example_project.root).findings] == [
        f"sha256 {first.metadata.sha256} does not match seeds/000_abc.txt, which hashes to "
        f"{hashlib.sha256(longer.encode()).hexdigest()}"
    ]
    example_project.add_seed("000_abc", longer)
    (changed,) = load_sources(example_project.root).sources
    assert changed.text == longer
    assert len(changed.sentences) == len(first.sentences) + 1
