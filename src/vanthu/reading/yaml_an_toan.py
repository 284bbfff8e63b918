"""Safe YAML in: no anchors, aliases or odd tags, one document, bounded depth, no key twice."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import InvalidDirective, Problem
from ..schemas.gioi_han import DO_SAU_TOI_DA
from ..schemas.text import ten_ky_tu
from .cau_truc import CHU_SO_TOI_DA, SoDong, SoQuaLon
from .loi_cu_phap import cu_phap_yaml

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_THAP_PHAN_SO_0 = re.compile(r"^[-+]?0[0-9_]+$")


def _vi_tri(mark: Any) -> str:
    return f"dòng {mark.line + 1}, cột {mark.column + 1}" if mark is not None else ""


class _YamlError(Exception):
    """A YAML problem found by our own checks, with its mark."""

    def __init__(self, mark: Any, message: str) -> None:
        self.mark = mark
        self.message = message
        super().__init__(message)


def _construct_int(loader: Any, node: ScalarNode) -> Any:
    value = str(node.value)
    if sum(c.isalnum() for c in value) > CHU_SO_TOI_DA:
        return SoQuaLon(value)
    if _THAP_PHAN_SO_0.match(value):
        # YAML 1.1 reads 010 as octal 8; in a directive a leading zero is only a zero ("05").
        return int(value.replace("_", ""), 10)
    return SafeConstructor.construct_yaml_int(loader, node)


def _construct_timestamp(loader: Any, node: ScalarNode) -> Any:
    # An impossible date (2021-02-31, 25:61:00) stays text: the schema names it with its field.
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return str(node.value)


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """yaml's safe loader; numbers and dates that Python cannot hold are kept as text."""


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_STR = "tag:yaml.org,2002:str"
_MERGE_VALUE = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"})
#: The only tags a file may write out (``!!str 18``); others (!!binary, !!set, !!python/…)
#: are refused: a directive never needs them.
_TAGS_VIET = frozenset({None, "!", _STR, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})


def _compose(loader: Any) -> Node | None:
    """The document's node tree, built from the parser's events without recursion.

    Anchors, aliases, explicit tags other than the plain types, a second document, nesting
    deeper than DO_SAU_TOI_DA and a key given twice are refused at their line and column.
    """
    root: Node | None = None
    stack: list[tuple[Node, set[Any] | None, list[Node | None]]] = []
    documents = 0
    while True:
        event: Any = loader.get_event()
        if isinstance(event, yaml.StreamEndEvent):
            return root
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _YamlError(
                    event.start_mark,
                    "tệp văn bản chỉ chứa một tài liệu YAML (không có dòng '---' thứ hai)",
                )
            continue
        if isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _YamlError(
                event.start_mark, "tệp của vanthu không dùng neo và bí danh YAML (& và *)"
            )
        node: Node
        start: Any = event.start_mark
        end: Any = event.end_mark
        if getattr(event, "tag", None) not in _TAGS_VIET:
            raise _YamlError(event.start_mark, f"không được dùng thẻ '{event.tag}'")
        if isinstance(event, yaml.ScalarEvent):
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(ScalarNode, event.value, event.implicit)
                # '<<' and '=' are text here: merge keys need aliases, which are refused.
                tag = _STR if tag in _MERGE_VALUE else tag
            node = ScalarNode(tag, event.value, start, end, event.style)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            kind = SequenceNode if isinstance(event, yaml.SequenceStartEvent) else MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(kind, None, event.implicit)
            node = kind(tag, [], start, None, event.flow_style)
            if len(stack) >= DO_SAU_TOI_DA:
                raise _YamlError(event.start_mark, f"lồng sâu quá {DO_SAU_TOI_DA} cấp")
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            done, _, _ = stack.pop()
            done.end_mark = event.end_mark
            node = done
        else:  # pragma: no cover - the parser emits no other event
            raise _YamlError(event.start_mark, f"gặp {type(event).__name__} không mong đợi")
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            stack.append((node, set() if isinstance(node, MappingNode) else None, [None]))
            continue
        if not stack:
            root = node
            continue
        parent, keys, pending = stack[-1]
        if keys is None:
            parent.value.append(node)
        elif pending[0] is None:
            if isinstance(node, ScalarNode):
                if (node.tag, node.value) in keys:
                    raise _YamlError(node.start_mark, f"tên trường '{node.value}' được ghi hai lần")
                keys.add((node.tag, node.value))
            pending[0] = node
        else:
            parent.value.append((pending[0], node))
            pending[0] = None


def _so_dong(root: Node | None) -> SoDong:
    """The line each value starts on, by its field path (a key's value, a list's item)."""
    lines: SoDong = {}
    todo: list[tuple[Node, tuple[int | str, ...]]] = [(root, ())] if root is not None else []
    while todo:
        node, path = todo.pop()
        lines[path] = node.start_mark.line + 1
        if isinstance(node, SequenceNode):
            todo += [(item, (*path, i)) for i, item in enumerate(node.value)]
        elif isinstance(node, MappingNode):
            todo += [(v, (*path, k.value)) for k, v in node.value if isinstance(k, ScalarNode)]
    return lines


def phan_tich_yaml(text: str, nguon: str) -> Any:
    """Parse bounded YAML into plain data (see _compose for what is refused).

    Raises:
        InvalidDirective: malformed or refused YAML, with its line and column.
    """
    return _phan_tich(text, nguon, voi_dong=False)[0]


def phan_tich_yaml_voi_dong(text: str, nguon: str) -> tuple[Any, SoDong]:
    """Parse bounded YAML as :func:`phan_tich_yaml` does, with the line of every value.

    Raises:
        InvalidDirective: malformed or refused YAML, with its line and column.
    """
    return _phan_tich(text, nguon, voi_dong=True)


def _phan_tich(text: str, nguon: str, voi_dong: bool) -> tuple[Any, SoDong]:
    loader = _Loader(text)
    try:
        node = _compose(loader)
        data = None if node is None else loader.construct_document(node)
        return data, (_so_dong(node) if voi_dong else {})
    except _YamlError as error:
        where, what = _vi_tri(error.mark), error.message
    except yaml.MarkedYAMLError as error:
        where = _vi_tri(error.problem_mark or error.context_mark)
        what = cu_phap_yaml(str(error.problem or error.context or error))
    except yaml.YAMLError as error:  # ReaderError: a character YAML does not allow
        position = getattr(error, "position", None)
        where = ""
        if isinstance(position, int):  # libyaml counts bytes of the UTF-8 text
            before = text.encode("utf-8")[:position].decode("utf-8", "ignore")
            column = len(before) - (before.rfind("\n") + 1) + 1
            where = f"dòng {before.count(chr(10)) + 1}, cột {column}"
        character = getattr(error, "character", None)
        if isinstance(character, str) and len(character) == 1:
            character = ord(character)
        what = (
            f"YAML sai cú pháp: có {ten_ky_tu(chr(character))}, YAML không cho phép ký tự này"
            if isinstance(character, int) and 0 <= character <= 0x10FFFF
            else cu_phap_yaml(str(error).split("\n")[0])
        )
    finally:
        loader.dispose()
    raise InvalidDirective(nguon, [Problem(where, what)])
