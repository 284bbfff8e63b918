"""Reading a directive file (YAML or JSON) into a validated VanBan, with every problem named.

Before any work starts the file is bounded: a regular file of at most TEP_VAN_BAN_TOI_DA
bytes (never more is read), UTF-8 (a leading BOM is dropped), YAML without anchors or aliases
and at most DO_SAU_TOI_DA levels deep, no key twice, keys that are text, numbers of at most
CHU_SO_TOI_DA digits. Then the schema checks every field against its limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InvalidDirective, Problem
from ..schemas import VanBan
from ..schemas.gioi_han import TEP_VAN_BAN_TOI_DA
from .cau_truc import danh_sach_van_de, van_de_cau_truc
from .json_an_toan import phan_tich_json
from .tep import doc_byte, giai_ma, ten_nguon
from .yaml_an_toan import phan_tich_yaml


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
    return phan_tich_byte(doc_byte(path, toi_da, nguon), nguon, path.suffix, toi_da)


def phan_tich_byte(data: bytes, nguon: str, duoi: str, toi_da: int = TEP_VAN_BAN_TOI_DA) -> Any:
    """The parsed data of a directive file's bytes (an upload), bounded like a file on disk;
    ``duoi`` is the file name's suffix (``.json`` is JSON, anything else YAML).

    Raises:
        InvalidDirective: too large, not UTF-8, malformed or refused YAML/JSON.
    """
    if len(data) > toi_da:
        raise InvalidDirective(
            nguon, [Problem("", f"the file is larger than {toi_da:,} bytes, the most vanthu reads")]
        )
    text = giai_ma(data, nguon)
    parse: Callable[[str, str], Any] = phan_tich_json if duoi.lower() == ".json" else phan_tich_yaml
    return parse(text, nguon)


def doc_tep(path: Path, hom_nay: dt.date | None = None) -> VanBan:
    """Read and validate a directive file; ``.json`` is JSON, anything else YAML.

    Raises:
        InvalidDirective: unreadable file, malformed YAML/JSON (with its line), or broken rules.
    """
    return doc_van_ban(doc_du_lieu(path), ten_nguon(path), hom_nay)
