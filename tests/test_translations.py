"""Each sentence of a curated source has the dossier's translation, shown wherever it is quoted."""

from __future__ import annotations

import datetime

import yaml

from conftest import ExampleProject, without_curation
from dossier.build import check_project
from dossier.render.pages import render_pages

TODAY = datetime.date(2026, 11, 23)
ARTICLE = "Italia negocia con SpaceX. El cifrado protege los datos.\n\nNadie lo confirma.\n"
TRANSLATIONS = {
    "p1-s1": "Italy is negotiating with SpaceX.",
    "p1-s2": "Encryption protects the data.",
    "p2-s1": "Nobody confirms it.",
}


def curated(project: ExampleProject, translations: dict[str, str]) -> None:
    """One source, curated with a claim on each sentence, and the given translations."""
    (project.seeds / "topics.yml").write_text(
        "- id: deal.status\n  title: Status\n  description: How far the talks are.\n", "utf-8"
    )
    sidecar = project.add_seed("000_abc", ARTICLE).with_suffix(".yml")
    claims = [
        {"id": f"c{n}", "topic": "deal.status", "text": f"Claim {n}.", "cite": {"quote": quote}}
        for n, quote in enumerate(("Italia negocia", "El cifrado protege", "Nadie lo confirma"))
    ]
    extra = {"claims": claims, "translations": translations} if translations else {"claims": claims}
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8") + yaml.safe_dump(extra, allow_unicode=True), "utf-8"
    )


def test_a_missing_translation_is_a_warning_naming_the_sentence(
    example_project: ExampleProject,
) -> None:
    curated(example_project, {"p1-s1": TRANSLATIONS["p1-s1"]})

    warnings = [str(f) for f in check_project(example_project.root, TODAY).warnings]

    assert any(
        "warning: 000_abc has no translation of #p1-s2, #p2-s1. Add each sentence's English "
        "translation under `translations:`, by anchor." in warning
        for warning in warnings
    ), warnings


def test_a_translation_of_a_sentence_the_source_lacks_is_an_error(
    example_project: ExampleProject,
) -> None:
    curated(example_project, {**TRANSLATIONS, "p9-s1": "Nothing."})

    errors = [str(f) for f in check_project(example_project.root, TODAY).errors]

    assert len(errors) == 1
    assert "translations of sentences 000_abc does not have: #p9-s1. " in errors[0]
    assert errors[0].endswith("Key each translation by a sentence anchor, #p1-s1 to #p2-s1.")


def test_the_full_text_shows_each_paragraph_beside_its_translation(
    example_project: ExampleProject,
) -> None:
    curated(example_project, TRANSLATIONS)
    checked = check_project(example_project.root, TODAY)
    assert without_curation(checked.findings) == []

    page = render_pages(checked, TODAY)["sources/000_abc.md"]

    assert "the dossier's own, not\nthe publisher's" in page
    assert (
        '<div class="dossier-paragraph">\n'
        '<p id="p2" lang="es"><span class="dossier-sentence dossier-sentence--cited" id="p2-s1" '
        'lang="es">Nadie lo confirma.</span></p>\n'
        '<p class="dossier-translation" lang="en"><span class="translation" data-sentence="p2-s1">'
        "Nobody confirms it.</span></p>\n</div>"
    ) in page


def test_a_quote_shows_its_sentence_translation_in_evidence_and_on_focus(
    example_project: ExampleProject,
) -> None:
    curated(example_project, TRANSLATIONS)
    example_project.add_categories("crypto-scheme")
    example_project.add_question(
        "crypto-scheme/keys",
        evidence=[{"source": "000_abc", "quote": "El cifrado protege", "note": "A scheme?"}],
        body='It says encryption protects [@000_abc "protege los datos"].\n',
    )
    checked = check_project(example_project.root, TODAY)

    page = render_pages(checked, TODAY)["register/crypto-scheme/keys.md"]

    assert (
        '<span class="translation" lang="en">Our translation of the sentence: '
        "Encryption protects the data.</span>"
    ) in page
    assert (
        '{#cite-1 .dossier-cite aria-describedby="cite-1-translation"}'
        '<span class="dossier-cite-translation translation" id="cite-1-translation" lang="en" '
        'role="tooltip">Our translation of the sentence: Encryption protects the data.</span>'
    ) in page
