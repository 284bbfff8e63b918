"""Reading a directive file (YAML or JSON) into a validated VanBan, with every problem named.

Before any work starts the file is bounded: a regular file of at most TEP_VAN_BAN_TOI_DA
bytes (never more is read), UTF-8 (a leading BOM is dropped), YAML without anchors or aliases
and at most DO_SAU_TOI_DA levels deep, no key twice, keys that are text, numbers of at most
CHU_SO_TOI_DA digits. Then the schema checks every field against its limit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InvalidDirective, Problem
from ..schemas import VanBan
from ..schemas.gioi_han import TEP_VAN_BAN_TOI_DA
from .anh import tu_choi_anh
from .canh_bao import canh_bao_van_ban
from .cau_truc import SoDong, danh_sach_van_de, van_de_cau_truc
from .json_an_toan import phan_tich_json
from .tep import doc_byte, giai_ma, ten_nguon
from .yaml_an_toan import phan_tich_yaml, phan_tich_yaml_voi_dong


def doc_van_ban(data: Any, nguon: str, hom_nay: dt.date | None = None, anh: bool = False) -> VanBan:
    """Validate already-parsed directive data.

    ``anh``: the data comes from a file whose folder holds the images it may name (the file
    commands); otherwise (the store, an upload) a directive naming an image is refused.

    Raises:
        InvalidDirective: with one Problem per field that breaks a rule.
    """
    if not isinstance(data, dict):
        raise InvalidDirective(
            nguon, [Problem("", "tệp văn bản phải là một nhóm trường (tên: giá trị)")]
        )
    problems = van_de_cau_truc(data)
    if problems:
        raise InvalidDirective(nguon, problems)
    try:
        vb = VanBan.model_validate(data, context={"hom_nay": hom_nay or dt.date.today()})
    except ValidationError as error:
        raise InvalidDirective(nguon, danh_sach_van_de(error)) from None
    if not anh:
        tu_choi_anh(vb, nguon)
    return vb


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
    return _phan_tich(data, nguon, duoi, toi_da, voi_dong=False)[0]


def _phan_tich(
    data: bytes, nguon: str, duoi: str, toi_da: int, voi_dong: bool
) -> tuple[Any, SoDong]:
    """The parsed data and, when asked and the file is YAML, the line of every value."""
    if len(data) > toi_da:
        raise InvalidDirective(
            nguon, [Problem("", f"tệp lớn hơn {toi_da:,} byte, mức tối đa vanthu đọc")]
        )
    text = giai_ma(data, nguon)
    if duoi.lower() == ".json":
        return phan_tich_json(text, nguon), {}
    if voi_dong:
        return phan_tich_yaml_voi_dong(text, nguon)
    return phan_tich_yaml(text, nguon), {}


def doc_tep(path: Path, hom_nay: dt.date | None = None) -> VanBan:
    """Read and validate a directive file; ``.json`` is JSON, anything else YAML.

    Raises:
        InvalidDirective: unreadable file, malformed YAML/JSON (with its line), or broken rules.
    """
    return doc_van_ban(doc_du_lieu(path), ten_nguon(path), hom_nay, anh=True)


def doc_tep_canh_bao(path: Path, hom_nay: dt.date | None = None) -> tuple[VanBan, list[Problem]]:
    """Read and validate a directive file as :func:`doc_tep` does, with its warnings: what
    looks like a slip (:mod:`.canh_bao`), each with its field path and, in YAML, its line.

    Raises:
        InvalidDirective: unreadable file, malformed YAML/JSON (with its line), or broken rules.
    """
    nguon = ten_nguon(path)
    raw = doc_byte(path, TEP_VAN_BAN_TOI_DA, nguon)
    data, so_dong = _phan_tich(raw, nguon, path.suffix, TEP_VAN_BAN_TOI_DA, voi_dong=True)
    vb = doc_van_ban(data, nguon, hom_nay, anh=True)
    return vb, canh_bao_van_ban(vb, so_dong)
