"""YAML documents that remember the line of every key, so findings can point at it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import yaml

from dossier.memory import cycle_collector_paused

KeyPath = tuple[str | int, ...]
STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
# Scalars whose reading SafeConstructor does in a few careful lines (`0o17`, `1_000`, `.inf`,
# dates): those lines are called, not copied.
DELEGATED_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "timestamp")
)


class SafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader, with libyaml where PyYAML was built with it (several times faster;
    both keep marks), and each node's tag found in fewer steps.

    The composer asks the resolver for the tag of every node, a third of the time it takes. The
    safe loader has no path resolvers and no wildcard resolver (one tried whatever the value's
    first character), so those lookups always come out empty: these methods skip them, and are
    otherwise PyYAML's own.
    """

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if pattern.match(value):
                        return str(tag)
            return STR_TAG
        return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG


class YamlDocumentError(ValueError):
    """The text is not valid YAML; `line` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class YamlDocument:
    """Parsed data plus the line each mapping key or sequence item starts on."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, path: KeyPath) -> int:
        """Line of `path`, or of its nearest ancestor that has one; 1 for the document itself."""
        for length in range(len(path), 0, -1):
            if path[:length] in self.lines:
                return self.lines[path[:length]]
        return 1


def _record_lines(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = (*path, str(key_node.value))
            lines[key_path] = key_node.start_mark.line + 1
            _record_lines(value_node, key_path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item_node in enumerate(node.value):
            item_path = (*path, index)
            lines[item_path] = item_node.start_mark.line + 1
            _record_lines(item_node, item_path, lines)


class _NotPlainError(Exception):
    """The document has a node the one pass leaves to PyYAML's constructor."""


@dataclass
class _OnePass:
    """SafeConstructor's data and the line of every key and item, built in one walk of the nodes.

    It knows only plain documents: scalars, mappings and sequences with their usual tags, and no
    node reached twice (an alias). Anything else raises _NotPlainError, and the document is read the
    long way, by PyYAML's constructor, so merge keys, sets, binary and its errors stay its own.
    """

    constructor: yaml.SafeLoader
    first_line: int
    lines: dict[KeyPath, int] = field(default_factory=dict)
    seen: set[yaml.Node] = field(default_factory=set)

    def scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag == STR_TAG:
            return node.value
        if tag == NULL_TAG:
            return None
        if tag in DELEGATED_SCALAR_TAGS:
            return self.constructor.yaml_constructors[tag](self.constructor, node)
        raise _NotPlainError(tag)

    def value(self, node: yaml.Node, path: KeyPath) -> Any:
        kind = type(node)
        if kind is yaml.ScalarNode:
            # Most values are strings: taking them here saves a call for each.
            return node.value if node.tag == STR_TAG else self.scalar(node)
        if node in self.seen:
            raise _NotPlainError("alias")
        self.seen.add(node)
        if kind is yaml.MappingNode and node.tag == MAP_TAG:
            mapping = {}
            for key_node, value_node in node.value:
                if type(key_node) is not yaml.ScalarNode:
                    raise _NotPlainError("a key that is not a scalar")
                key_path = (*path, key_node.value)
                self.lines[key_path] = key_node.start_mark.line + self.first_line
                mapping[self.scalar(key_node)] = self.value(value_node, key_path)
            return mapping
        if kind is yaml.SequenceNode and node.tag == SEQ_TAG:
            items = []
            for index, item_node in enumerate(node.value):
                item_path = (*path, index)
                self.lines[item_path] = item_node.start_mark.line + self.first_line
                items.append(self.value(item_node, item_path))
            return items
        raise _NotPlainError(node.tag)


def _constructed(
    loader: yaml.SafeLoader, node: yaml.Node, first_line: int
) -> tuple[Any, dict[KeyPath, int]]:
    """The data and lines of `node` the long way: PyYAML's constructor, then a walk for lines."""
    data = loader.construct_document(node)
    lines: dict[KeyPath, int] = {}
    _record_lines(node, (), lines)
    return data, {path: line + first_line - 1 for path, line in lines.items()}


def _data_and_lines(
    loader: yaml.SafeLoader, node: yaml.Node, first_line: int
) -> tuple[Any, dict[KeyPath, int]]:
    one_pass = _OnePass(loader, first_line)
    try:
        return one_pass.value(node, ()), one_pass.lines
    except (_NotPlainError, ValueError, RecursionError):
        # A bad date or a too deep document fails the long way too, as it always did.
        return _constructed(loader, node, first_line)


def _first_bad_timestamp_line(node: yaml.Node) -> int:
    """The line of the first value YAML takes for a date that no calendar has."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
        try:
            yaml.SafeLoader("").construct_yaml_timestamp(node)
        except ValueError:
            return int(node.start_mark.line) + 1
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    for child in children:
        line = _first_bad_timestamp_line(child)
        if line:
            return line
    return 0


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; `first_line` is the file line the text starts on.

    Raises YamlDocumentError with the file line of the problem.
    """
    # Building PyYAML's nodes allocates so many objects that the collector would run over and
    # over; the nodes die together once read.
    with cycle_collector_paused():
        return _parse(text, first_line)


def _parse(text: str, first_line: int) -> YamlDocument:
    loader = SafeLoader(text)
    node: yaml.Node | None = None
    try:
        node = loader.get_single_node()
        data, lines = _data_and_lines(loader, node, first_line) if node is not None else (None, {})
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YamlDocumentError(str(exc.problem or exc), line) from exc
    except yaml.YAMLError as exc:
        raise YamlDocumentError(str(exc), first_line) from exc
    except ValueError as exc:
        # PyYAML reads `2026-02-30` as a date and fails without saying where.
        line = max(_first_bad_timestamp_line(node) if node is not None else 1, 1)
        raise YamlDocumentError(f"not a valid date ({exc})", line + first_line - 1) from exc
    finally:
        loader.dispose()
    return YamlDocument(data, lines)


def iso_dates(value: Any) -> Any:
    """`value` with dates as ISO strings: YAML reads `2026-11-23` as a date, JSON knows strings."""
    if type(value) is str:  # most values of a document: answered first
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [iso_dates(item) for item in value]
    return value
