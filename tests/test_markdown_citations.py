"""The inline citation syntax in Markdown pages: found where written, ignored in code."""

from __future__ import annotations

from conftest import PROJECT_ROOT
from dossier.checks.citations import resolve_citation
from dossier.load.sources import load_sources
from dossier.render.citations import render_inline_citations
from dossier.text.inline_citations import find_citations_and_absences, find_inline_citations

SPANISH = "000_7edff155f20879db"
SOURCES = {source.id: source for source in load_sources(PROJECT_ROOT).sources}

PAGE = f"""# Notes

The office denied it [@{SPANISH} "negó que se hubiera alcanzado"].
Twice: [@{SPANISH} "garantizar la seguridad" prefix="busca"] and
[@{SPANISH} "con \\"comillas\\"" suffix="y más"].

Shown, not cited: `[@{SPANISH} "Italia negocia"]` and

```markdown
[@{SPANISH} "Italia negocia"]
```
"""


def test_citations_are_found_with_their_line_and_context_and_code_is_skipped() -> None:
    inline, problems = find_inline_citations(PAGE, "docs/notes/page.md", "notes/page.md")

    assert problems == []
    citations = inline
    assert [(c.quote, c.prefix, c.suffix, c.place.line, c.place.fragment) for c in citations] == [
        ("negó que se hubiera alcanzado", "", "", 3, "cite-1"),
        ("garantizar la seguridad", "busca", "", 4, "cite-2"),
        ('con "comillas"', "", "y más", 5, "cite-3"),
    ]
    assert {c.place.label for c in citations} == {"Notes"}


def test_a_malformed_citation_is_an_error_that_shows_the_syntax() -> None:
    _, (problem,) = find_inline_citations(
        f"# T\n\nSee [@{SPANISH} Italia negocia].\n", "docs/t.md", "t.md"
    )

    assert (problem.path, problem.line) == ("docs/t.md", 3)
    assert problem.message.startswith(f"malformed citation starting '[@{SPANISH} Italia negocia]")
    assert (
        problem.hint
        == 'Write [@SOURCE "quote"], optionally with prefix="...", suffix="..." or show before the ], '
        'or a claim of absence, [@SOURCE !"term" "term"].'
    )


def test_a_citation_renders_as_a_link_to_the_sentence_titled_with_the_exact_text() -> None:
    markdown = f'# T\n\nDenied [@{SPANISH} "negó que se hubiera alcanzado"].\n'
    inline, _ = find_inline_citations(markdown, "docs/notes/t.md", "notes/t.md")
    resolved, _ = resolve_citation(inline[0], SOURCES)

    rendered = render_inline_citations(markdown, "notes/t.md", lambda page, fragment: resolved)

    assert rendered == (
        "# T\n\nDenied "
        f'[\\[000 p8&#45;s1\\]](../sources/{SPANISH}.md#p8-s1 "negó que se hubiera alcanzado")'
        '{#cite-1 .dossier-cite aria-describedby="cite-1-translation"}'
        '<span class="dossier-cite-translation translation" id="cite-1-translation" lang="en" '
        'role="tooltip">Our translation of the sentence: However, the Prime Minister&#39;s office '
        "denied that an agreement had been reached on the supply of new services.</span>.\n"
    )


def test_a_stray_backtick_does_not_hide_the_citations_of_later_paragraphs() -> None:
    page = f'# T\n\nIt`s here.\n\nLater [@{SPANISH} "no such words"] and `code`.\n'

    inline, _ = find_inline_citations(page, "docs/t.md", "t.md")

    assert [citation.quote for citation in inline] == ["no such words"]


def test_one_reading_finds_quotes_claims_of_absence_and_errors_in_order() -> None:
    page = (
        f'# T\n\nDenied [@{SPANISH} "negó que se hubiera alcanzado"]; it names no satellite '
        f'[@{SPANISH} !"satélite"], nor [@all !"órbita"]. Broken: [@{SPANISH} oops].\n'
    )

    citations, absences, problems = find_citations_and_absences(page, "docs/t.md", "t.md")

    assert [c.quote for c in citations] == ["negó que se hubiera alcanzado"]
    assert [(a.source_id, a.terms, a.place.fragment) for a in absences] == [
        (SPANISH, ("satélite",), "cite-absent-1"),
        ("all", ("órbita",), "cite-absent-2"),
    ]
    assert [(p.line, p.message.split(" starting")[0]) for p in problems] == [
        (3, "malformed citation")
    ]
