"""Reading a directive file (YAML or JSON) into a validated VanBan, with every problem named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import InvalidDirective, Problem
from ..schemas import NguoiKy, VanBan

#: Field names a cross-field rule may name at the start of its message.
_MODEL_FIELDS = frozenset(VanBan.model_fields) | frozenset(NguoiKy.model_fields)


def _where(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as a field path: ``nguoi_ky.quyen_han[1]``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def danh_sach_van_de(error: ValidationError) -> list[Problem]:
    problems = []
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
    return problems


def doc_van_ban(data: Any, nguon: str, hom_nay: dt.date | None = None) -> VanBan:
    """Validate already-parsed directive data.

    Raises:
        InvalidDirective: with one Problem per field that breaks a rule.
    """
    if not isinstance(data, dict):
        raise InvalidDirective(nguon, [Problem("", "a directive file holds one mapping of fields")])
    try:
        return VanBan.model_validate(data, context={"hom_nay": hom_nay or dt.date.today()})
    except ValidationError as error:
        raise InvalidDirective(nguon, danh_sach_van_de(error)) from None


def doc_tep(path: Path, hom_nay: dt.date | None = None) -> VanBan:
    """Read and validate a directive file; ``.json`` is JSON, anything else YAML.

    Raises:
        InvalidDirective: unreadable file, malformed YAML/JSON (with its line), or broken rules.
    """
    nguon = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidDirective(nguon, [Problem("", f"cannot read the file: {error}")]) from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InvalidDirective(nguon, [Problem(where, f"malformed JSON: {error.msg}")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(error, "problem", None) or str(error)
        raise InvalidDirective(nguon, [Problem(where, f"malformed YAML: {what}")]) from None
    return doc_van_ban(data, nguon, hom_nay)
