"""Sources: an article's verified, segmented text and what its sidecar says about it."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dossier.model.text import Paragraph, Sentence, count_words

# Source ids become file names and URLs: keep them to plain names such as `000_7edff155f20879db`.
RE_SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class SidecarQuote:
    """A quote of the article written in its own sidecar, where it is checked like any citation."""

    quote: str
    prefix: str
    suffix: str
    note: str | None
    line: int
    """Line of the sidecar the quote is on."""


@dataclass(frozen=True)
class Claim:
    """One factual statement of the article, in English, resting on its own words."""

    id: str
    topic: str
    """A topic id from seeds/topics.yml, shared across sources."""
    text: str
    cite: SidecarQuote
    line: int


@dataclass(frozen=True)
class Quotation:
    """Reported speech in the article, with an English translation."""

    speaker: str
    translation: str
    cite: SidecarQuote


@dataclass(frozen=True)
class SourceMetadata:
    """What the sidecar says about an article; None where the article does not say it."""

    title: str | None
    """An English headline written from the text; None until someone writes one."""
    language: str
    kind: str
    """news, primary (an official document) or analysis."""
    outlet: str | None
    published: str | None
    url: str | None
    reports_cited: tuple[str, ...]
    """Agencies or outlets the text itself names as its own sources."""
    sha256: str
    notes: str | None
    date_evidence: SidecarQuote | None
    """Words of the article that bound when it was written, if it has any."""
    abstract: str | None
    """A short English abstract with inline citations; None until the source is curated."""
    abstract_line: int
    claims: tuple[Claim, ...]
    quotations: tuple[Quotation, ...]
    translations: Mapping[str, str] = field(default_factory=dict)
    """The dossier's own English translation of each sentence, by anchor."""
    translations_line: int = 1

    @property
    def is_curated(self) -> bool:
        """Whether an editor has summarised the source in claims."""
        return bool(self.claims)


@dataclass(frozen=True)
class Source:
    """One article: its verified text, segmented, and its metadata."""

    id: str
    """The file name without suffix, e.g. `000_7edff155f20879db`."""
    text_path: str
    sidecar_path: str
    metadata: SourceMetadata
    text: str
    """The decoded text, with line ends normalised to `\\n` and any byte-order mark removed."""
    paragraphs: tuple[Paragraph, ...]

    # Cached: every citation, fact and check walks a source's sentences.
    @functools.cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(sentence for paragraph in self.paragraphs for sentence in paragraph.sentences)

    @functools.cached_property
    def word_count(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True)
class NewSource:
    """An article ready to be written into seeds/: its name, its bytes, its sidecar."""

    id: str
    data: bytes
    original: str
    """The file it was copied from, as given."""

    @property
    def sha256(self) -> str:
        """The checksum its sidecar records."""
        return hashlib.sha256(self.data).hexdigest()
