"""Read the project's text and YAML files, turning a bad byte or bad syntax into a finding."""

from __future__ import annotations

from pathlib import Path

from dossier.model import findings
from dossier.model.findings import Finding
from dossier.text.yamldoc import YamlDocument, YamlDocumentError, parse_yaml


def links_outside(path: Path, folder: Path) -> bool:
    """Whether `path` is a symbolic link to something outside `folder`: never read as input."""
    return path.is_symlink() and not path.resolve().is_relative_to(folder.resolve())


def decode_utf8(data: bytes, path: str) -> tuple[str | None, list[Finding]]:
    """The text of `data`, without a byte-order mark and with `\\n` line ends, or a finding."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [
            findings.error(
                path,
                line,
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                "Save the file as UTF-8.",
            )
        ]
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), []


def read_text(file: Path, path: str) -> tuple[str | None, list[Finding]]:
    """The text of `file` (shown as `path` in findings), or None with a finding."""
    return decode_utf8(file.read_bytes(), path)


def parse_yaml_text(
    text: str, path: str, first_line: int = 1
) -> tuple[YamlDocument | None, list[Finding]]:
    """The YAML document in `text` (shown as `path`), or None with the one invalid-YAML finding."""
    try:
        return parse_yaml(text, first_line=first_line), []
    except YamlDocumentError as exc:
        return None, [
            findings.error(path, exc.line, f"invalid YAML: {exc}", "Fix the syntax at that line.")
        ]


def read_yaml(file: Path, path: str) -> tuple[YamlDocument | None, list[Finding]]:
    """The YAML document in `file`, or None with a finding for a bad byte or bad syntax."""
    text, problems = read_text(file, path)
    if text is None:
        return None, problems
    return parse_yaml_text(text, path)
