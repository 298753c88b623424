"""Read YAML into plain data while remembering where every value stood in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]

MAX_FORM_BYTES = 2 * 1024 * 1024


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps dates as text: forms and their JSON snapshots only hold JSON types."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlSourceError(Exception):
    """The text is not usable YAML; `line` and `column` are 1-based where known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None, path: Path = ()) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.path = path


@dataclass
class YamlDocument:
    """Plain data from a YAML document and the 1-based (line, column) of every node by its path."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path) -> tuple[int | None, int | None]:
        """The position of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (None, None))


def parse(text: str) -> YamlDocument:
    """Parse one YAML document safely: no tags beyond the standard ones, no aliases, no duplicate keys."""
    if len(text.encode("utf-8")) > MAX_FORM_BYTES:
        raise YamlSourceError(f"the file is larger than {MAX_FORM_BYTES // 1024 // 1024} MB; a form is far smaller")
    try:
        for event in yaml.parse(text, Loader=_Loader):
            # Aliases are refused: forms need none, and expanding them is how "billion laughs" files attack.
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                assert mark is not None
                raise YamlSourceError("aliases (*name) are not allowed in forms", mark.line + 1, mark.column + 1)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise YamlSourceError("the file is empty", 1, 1)
            document = YamlDocument(None)
            document.data = _convert(loader, node, (), document)
            return document
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        if mark is None:
            raise YamlSourceError(f"not valid YAML: {problem}") from None
        raise YamlSourceError(f"not valid YAML: {problem}", mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as exc:
        raise YamlSourceError(f"not valid YAML: {exc}") from None


def _convert(loader: _Loader, node: yaml.Node, path: Path, document: YamlDocument) -> Any:
    document.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                mark = key_node.start_mark
                raise YamlSourceError(f"keys must be text, not {key!r}", mark.line + 1, mark.column + 1, path)
            if key in result:
                mark = key_node.start_mark
                raise YamlSourceError(f"duplicate key {key!r}", mark.line + 1, mark.column + 1, path)
            result[key] = _convert(loader, value_node, (*path, key), document)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, index), document) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def format_path(path: Path) -> str:
    """``standards[1].criteria[2].id`` for ("standards", 1, "criteria", 2, "id")."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
