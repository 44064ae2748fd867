"""The question file `review` writes: the same text, with only its `reviewed:` block replaced."""

from __future__ import annotations

from dossier.model.register import ReviewPin
from dossier.text.front_matter import split_front_matter
from dossier.text.yamldoc import YamlDocumentError, parse_yaml

REVIEWED = "reviewed"


class PinError(ValueError):
    """The file cannot be rewritten safely: no front matter, or YAML that does not parse."""


def reviewed_block(pins: tuple[ReviewPin, ...]) -> str:
    """`reviewed:` and its entries, one source and its sha256 each, as the register writes them."""
    if not pins:
        return f"{REVIEWED}: []\n"
    entries = "".join(f"  - source: {pin.source}\n    sha256: {pin.sha256}\n" for pin in pins)
    return f"{REVIEWED}:\n{entries}"


def _is_filler(line: str) -> bool:
    """A blank line or a comment at the margin: it belongs to the field after it, if to any."""
    return not line.strip() or line.startswith("#")


def pinned_question_text(text: str, pins: tuple[ReviewPin, ...]) -> str:
    """`text`, a question file, with its `reviewed:` block replaced by `pins` and nothing else.

    The block runs from its key to the next top-level field; a file without one gets it at the
    end of its front matter. Raises PinError when the result would not read back as the same
    front matter with the new pins.
    """
    parts = split_front_matter(text)
    if parts is None:
        raise PinError("the file has no front matter")
    front_matter, _, _ = parts
    start_of_yaml = text.index("\n") + 1
    try:
        document = parse_yaml(front_matter)
    except YamlDocumentError as exc:
        raise PinError(f"its front matter does not parse: {exc}") from exc
    if not isinstance(document.data, dict):
        raise PinError("its front matter is not a mapping of fields")
    lines = front_matter.splitlines(keepends=True)
    if (REVIEWED,) in document.lines:
        start = document.lines[(REVIEWED,)] - 1
        later = [line for key, line in document.lines.items() if len(key) == 1 and line > start + 1]
        end = min(later) - 1 if later else len(lines)
        while end > start + 1 and _is_filler(lines[end - 1]):
            end -= 1
    else:
        start = end = len(lines)
    new_front_matter = "".join(lines[:start]) + reviewed_block(pins) + "".join(lines[end:])
    rewritten = text[:start_of_yaml] + new_front_matter + text[start_of_yaml + len(front_matter) :]
    expected = {
        **document.data,
        REVIEWED: [{"source": pin.source, "sha256": pin.sha256} for pin in pins],
    }
    reread = split_front_matter(rewritten)
    try:
        same = reread is not None and parse_yaml(reread[0]).data == expected
    except YamlDocumentError:
        same = False
    if not same:
        raise PinError("the `reviewed:` block could not be replaced without touching other fields")
    return rewritten
