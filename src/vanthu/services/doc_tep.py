"""Reading a directive file (YAML or JSON) into a validated VanBan, with every problem named.

Before any work starts the file is bounded: a regular file of at most TEP_VAN_BAN_TOI_DA
bytes (never more is read), UTF-8 (a leading BOM is dropped), YAML without anchors or aliases
and at most DO_SAU_TOI_DA levels deep, no key twice, keys that are text, numbers of at most
_CHU_SO_TOI_DA digits. Then the schema checks every field against its limit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import InvalidDirective, Problem
from ..schemas import NguoiKy, VanBan
from ..schemas.gioi_han import DO_SAU_TOI_DA, TEP_VAN_BAN_TOI_DA
from ..schemas.text import kiem_tra_ky_tu, loai_gia_tri, ten_ky_tu

#: Field names a cross-field rule may name at the start of its message.
_MODEL_FIELDS = frozenset(VanBan.model_fields) | frozenset(NguoiKy.model_fields)
#: Digits in a number: far more than any field needs, far fewer than Python's int-str limit.
_CHU_SO_TOI_DA = 30
#: Problems listed for one file before "… and N more problems".
_VAN_DE_TOI_DA = 50
#: Characters of a key shown in a field path before it is cut with "…".
_KHOA_HIEN_TOI_DA = 40
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_THAP_PHAN_SO_0 = re.compile(r"^[-+]?0[0-9_]+$")


class SoQuaLon(str):
    """A number written with more than _CHU_SO_TOI_DA digits, kept as its text to be refused."""


def _ten_khoa(key: str) -> str:
    """A key as shown in a field path: hostile characters escaped, a long one cut."""
    shown = key if len(key) <= _KHOA_HIEN_TOI_DA else key[:_KHOA_HIEN_TOI_DA] + "…"
    try:
        kiem_tra_ky_tu(shown, nhieu_dong=False)
    except ValueError:
        return shown.encode("unicode_escape", "backslashreplace").decode("ascii")
    return shown


def _where(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as a field path: ``nguoi_ky.quyen_han[1]``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            name = _ten_khoa(str(part))
            path += f".{name}" if path else name
    return path


def danh_sach_van_de(error: ValidationError) -> list[Problem]:
    """One Problem per pydantic error, cross-field rule lines split and named by their field.

    At most _VAN_DE_TOI_DA are listed, then how many more: a message is read, not scrolled.
    """
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        base = _where(tuple(item["loc"]))
        # Rules that span fields are raised by a model as lines of "field: message".
        for message in str(item["msg"]).removeprefix("Value error, ").split("\n"):
            where = base
            head, sep, rest = message.partition(": ")
            if sep and head in _MODEL_FIELDS:
                where = f"{base}.{head}" if base else head
                message = rest
            problems.append(Problem(where, message))
    if len(problems) > _VAN_DE_TOI_DA:
        more = len(problems) - _VAN_DE_TOI_DA
        problems = [*problems[:_VAN_DE_TOI_DA], Problem("", f"… and {more} more problems")]
    return problems


def ten_nguon(path: Path) -> str:
    """The file name as shown in messages: bytes that are not UTF-8 escaped, never an error."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def doc_byte(path: Path, toi_da: int, nguon: str) -> bytes:
    """The bytes of a regular file of at most ``toi_da`` bytes; never reads more than one more.

    Raises:
        InvalidDirective: missing, unreadable, not a regular file, or too large.
    """

    def refuse(message: str) -> InvalidDirective:
        return InvalidDirective(nguon, [Problem("", message)])

    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; it is refused below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise refuse(f"cannot read the file: {error.strerror or error}") from None
    except ValueError:  # a NUL in the path: no file can have that name
        raise refuse("cannot read the file: its name contains a NUL character") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise refuse("cannot read the file: not a regular file")
        with os.fdopen(fd, "rb") as stream:
            data = stream.read(toi_da + 1)
    except OSError as error:
        raise refuse(f"cannot read the file: {error.strerror or error}") from None
    if len(data) > toi_da:
        raise refuse(f"the file is larger than {toi_da:,} bytes, the most vanthu reads")
    return data


def giai_ma(data: bytes, nguon: str) -> str:
    """UTF-8 text (a leading BOM dropped), or a problem naming the line of the first bad byte.

    Raises:
        InvalidDirective: the bytes are not UTF-8.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        what = f"byte 0x{data[error.start]:02X}"
        raise InvalidDirective(
            nguon,
            [Problem(f"line {line}, column {column}", f"not UTF-8 ({what}); save it as UTF-8")],
        ) from None


def _vi_tri(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""


class _YamlError(Exception):
    """A YAML problem found by our own checks, with its mark."""

    def __init__(self, mark: Any, message: str) -> None:
        self.mark = mark
        self.message = message
        super().__init__(message)


def _construct_int(loader: Any, node: ScalarNode) -> Any:
    value = str(node.value)
    if sum(c.isalnum() for c in value) > _CHU_SO_TOI_DA:
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
                raise _YamlError(event.start_mark, "a directive file holds one YAML document")
            continue
        if isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _YamlError(
                event.start_mark, "anchors and aliases (& and *) are not allowed in vanthu files"
            )
        node: Node
        start: Any = event.start_mark
        end: Any = event.end_mark
        if getattr(event, "tag", None) not in _TAGS_VIET:
            raise _YamlError(event.start_mark, f"the tag '{event.tag}' is not allowed")
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
                raise _YamlError(event.start_mark, f"nested deeper than {DO_SAU_TOI_DA} levels")
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            done, _, _ = stack.pop()
            done.end_mark = event.end_mark
            node = done
        else:  # pragma: no cover - the parser emits no other event
            raise _YamlError(event.start_mark, f"unexpected {type(event).__name__}")
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
                    raise _YamlError(node.start_mark, f"the key '{node.value}' is given twice")
                keys.add((node.tag, node.value))
            pending[0] = node
        else:
            parent.value.append((pending[0], node))
            pending[0] = None


def phan_tich_yaml(text: str, nguon: str) -> Any:
    """Parse bounded YAML into plain data (see _compose for what is refused).

    Raises:
        InvalidDirective: malformed or refused YAML, with its line and column.
    """
    loader = _Loader(text)
    try:
        node = _compose(loader)
        return None if node is None else loader.construct_document(node)
    except _YamlError as error:
        where, what = _vi_tri(error.mark), error.message
    except yaml.MarkedYAMLError as error:
        where = _vi_tri(error.problem_mark or error.context_mark)
        what = f"malformed YAML: {error.problem or error.context or error}"
    except yaml.YAMLError as error:  # ReaderError: a character YAML does not allow
        position = getattr(error, "position", None)
        where = ""
        if isinstance(position, int):  # libyaml counts bytes of the UTF-8 text
            before = text.encode("utf-8")[:position].decode("utf-8", "ignore")
            column = len(before) - (before.rfind("\n") + 1) + 1
            where = f"line {before.count(chr(10)) + 1}, column {column}"
        character = getattr(error, "character", None)
        if isinstance(character, str) and len(character) == 1:
            character = ord(character)
        what = "malformed YAML: " + (
            f"contains {ten_ky_tu(chr(character))}, which YAML does not allow"
            if isinstance(character, int) and 0 <= character <= 0x10FFFF
            else str(error).split("\n")[0]
        )
    finally:
        loader.dispose()
    raise InvalidDirective(nguon, [Problem(where, what)])


def _json_int(text: str) -> int | str:
    return SoQuaLon(text) if len(text) > _CHU_SO_TOI_DA else int(text)


def _json_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number vanthu accepts")


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key '{_ten_khoa(key)}' is given twice")
        out[key] = value
    return out


def phan_tich_json(text: str, nguon: str) -> Any:
    """Parse JSON: no NaN or Infinity, no key twice, no huge number, bounded nesting.

    Raises:
        InvalidDirective: malformed JSON with its line and column.
    """
    try:
        return json.loads(
            text,
            parse_int=_json_int,
            parse_constant=_json_constant,
            object_pairs_hook=_json_object,
        )
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InvalidDirective(nguon, [Problem(where, f"malformed JSON: {error.msg}")]) from None
    except RecursionError:
        message = f"nested deeper than {DO_SAU_TOI_DA} levels"
        raise InvalidDirective(nguon, [Problem("", message)]) from None
    except ValueError as error:
        raise InvalidDirective(nguon, [Problem("", f"malformed JSON: {error}")]) from None


def van_de_cau_truc(data: Any) -> list[Problem]:
    """What is wrong with the shape of parsed data before the schema looks at it.

    Keys that are not text, numbers too long to be any field's value, nesting deeper than
    DO_SAU_TOI_DA; each named by its field path.
    """
    problems: list[Problem] = []
    todo: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while todo and len(problems) < _VAN_DE_TOI_DA:
        value, loc = todo.pop()
        if isinstance(value, SoQuaLon):
            problems.append(
                Problem(_where(loc), f"a number of {len(value)} characters is out of range")
            )
        elif isinstance(value, dict | list):
            if len(loc) >= DO_SAU_TOI_DA:
                problems.append(Problem(_where(loc), f"nested deeper than {DO_SAU_TOI_DA} levels"))
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in reversed(list(items)):
                if isinstance(value, dict) and not isinstance(key, str):
                    shown = str(key) if isinstance(key, int | float | bool | dt.date) else ""
                    problems.append(
                        Problem(
                            _where(loc) or "(top level)",
                            f"a field name must be text, not {loai_gia_tri(key)} {shown}".rstrip(),
                        )
                    )
                    continue
                if isinstance(key, str):
                    try:
                        kiem_tra_ky_tu(key, nhieu_dong=False)
                    except ValueError as error:
                        where = _where((*loc, key))
                        problems.append(Problem(where, f"the field name {error}"))
                        continue
                todo.append((item, (*loc, key)))
    return problems


def doc_van_ban(data: Any, nguon: str, hom_nay: dt.date | None = None) -> VanBan:
    """Validate already-parsed directive data.

    Raises:
        InvalidDirective: with one Problem per field that breaks a rule.
    """
    if not isinstance(data, dict):
        raise InvalidDirective(nguon, [Problem("", "a directive file holds one mapping of fields")])
    problems = van_de_cau_truc(data)
    if problems:
        raise InvalidDirective(nguon, problems)
    try:
        return VanBan.model_validate(data, context={"hom_nay": hom_nay or dt.date.today()})
    except ValidationError as error:
        raise InvalidDirective(nguon, danh_sach_van_de(error)) from None


def doc_du_lieu(path: Path, toi_da: int = TEP_VAN_BAN_TOI_DA) -> Any:
    """The parsed data of a bounded YAML or JSON file (``.json`` is JSON, anything else YAML).

    Raises:
        InvalidDirective: unreadable, too large, not UTF-8, malformed or refused YAML/JSON.
    """
    nguon = ten_nguon(path)
    text = giai_ma(doc_byte(path, toi_da, nguon), nguon)
    parse: Callable[[str, str], Any] = (
        phan_tich_json if path.suffix.lower() == ".json" else phan_tich_yaml
    )
    return parse(text, nguon)


def doc_tep(path: Path, hom_nay: dt.date | None = None) -> VanBan:
    """Read and validate a directive file; ``.json`` is JSON, anything else YAML.

    Raises:
        InvalidDirective: unreadable file, malformed YAML/JSON (with its line), or broken rules.
    """
    return doc_van_ban(doc_du_lieu(path), ten_nguon(path), hom_nay)
