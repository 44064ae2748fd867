"""Citations: a quote of a source, where it is written, and the sentences it resolves to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dossier.model.sources import Source
from dossier.model.text import Sentence


@dataclass(frozen=True)
class CitingPlace:
    """Where a citation is written: a file of the project, a line, and how to link back to it."""

    path: str
    """Project-relative file, e.g. `docs/index.md` or `seeds/000_x.yml`."""
    line: int
    page: str
    """The docs-relative page that shows the citation, e.g. `index.md` or `sources/000_x.md`."""
    fragment: str
    """Id of the citation on that page, for a back-link straight to it."""
    label: str
    """A few words that name the place for a reader: the page title or the field."""
    statement: str = ""
    """The citing statement as plain text: a claim's English text, an evidence note, an answer,
    the paragraph an inline citation stands in; empty where the place states nothing."""


@dataclass(frozen=True)
class Citation:
    """A quote of a source, as written by an editor, with optional context to tell repeats apart."""

    source_id: str
    quote: str
    place: CitingPlace
    prefix: str = ""
    """Words right before the quote in the source, for a quote that occurs more than once."""
    suffix: str = ""
    """Text that comes right after it."""


ALL_SOURCES = "all"
"""Written in place of a source id, `[@all !"term"]`: every source, those added later too."""


@dataclass(frozen=True)
class AbsenceClaim:
    """A statement that words are not in a source, written `[@SOURCE !"term" "term"]`.

    With a quote, `[@SOURCE "quote" !"term"]`, it says "the only mention": the terms occur in the
    quoted passage and nowhere else in the source.
    """

    source_id: str
    """A source's id, or ALL_SOURCES."""
    terms: tuple[str, ...]
    """Words, or the starts of words (`encript` for `encriptadas`), that the text lacks."""
    place: CitingPlace
    within: Citation | None = None
    """The quoted passage where the terms may occur, for "the only mention"."""


@dataclass(frozen=True)
class ResolvedCitation:
    citation: Citation
    source: Source
    start: int
    """Offset of the quote in the source's text."""
    end: int
    sentences: tuple[Sentence, ...]
    """The sentences the quote overlaps, in order."""

    @property
    def anchor(self) -> str:
        return self.sentences[0].anchor

    @property
    def source_text(self) -> str:
        """The quoted passage exactly as the source has it."""
        return self.source.text[self.start : self.end]


def coverage(source: Source, covered: Mapping[str, frozenset[str]]) -> tuple[frozenset[str], float]:
    """The anchors of `source` that claims or questions cite, and their share of its sentences."""
    cited = covered.get(source.id, frozenset())
    return cited, len(cited) / max(len(source.sentences), 1)
