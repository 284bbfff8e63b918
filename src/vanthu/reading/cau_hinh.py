"""Office configuration (cấu hình): which document types share a numbering register.

Decree 30 leaves it to the head of the organisation whether all administrative documents share
one sequence or types keep their own (spec §7). ``VANTHU_CONFIG`` names a YAML file::

    so_dang_ky:            # document type → register name; unlisted types use "chung"
      quyet_dinh: qd_ct
      chi_thi: qd_ct

Secret documents (``do_mat``) always take the separate register "mat".
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..errors import InvalidSetting
from ..schemas import LoaiVanBan, VanBan
from ..schemas.ban_sao import SO_DANG_KY_BAN_SAO
from ..schemas.gioi_han import TEN_SO_DANG_KY_PATTERN, TEN_SO_DANG_KY_TOI_DA, TEP_CAU_HINH_TOI_DA
from .tep import ly_do_os

SO_DANG_KY_CHUNG = "chung"
SO_DANG_KY_MAT = "mat"
#: Where the desk is reached when nothing says otherwise (``vanthu serve``'s default address).
BASE_URL_MAC_DINH = "http://127.0.0.1:8000"
#: Characters in a base URL (a slip's QR code carries it).
BASE_URL_TOI_DA = 200


@dataclass(frozen=True)
class CauHinh:
    """The settings in force."""

    so_dang_ky: dict[str, str] = field(default_factory=dict)

    def so_dang_ky_cua(self, vb: VanBan) -> str:
        """The register a directive takes its number from: issuer and register name."""
        name = SO_DANG_KY_MAT if vb.do_mat else self.so_dang_ky.get(vb.loai.value, SO_DANG_KY_CHUNG)
        return f"{vb.ky_hieu_co_quan}:{name}"


def doc_cau_hinh(path: str | None = None) -> CauHinh:
    """Read ``path`` or ``VANTHU_CONFIG``; the defaults when neither is set.

    A register name becomes part of the register's key in the store, so it is a code
    (``gioi_han.TEN_SO_DANG_KY_PATTERN``); a document type must be one vanthu knows.

    Raises:
        InvalidSetting: the file cannot be read, is too big, not UTF-8 YAML, or not of the
            documented shape (named with VANTHU_CONFIG, the file and the field).
    """
    path = path or os.environ.get("VANTHU_CONFIG")
    if not path:
        return CauHinh()
    name = f"VANTHU_CONFIG {path}"
    try:
        with Path(path).open("rb") as file:
            raw = file.read(TEP_CAU_HINH_TOI_DA + 1)
    except OSError as error:
        raise InvalidSetting(name, f"không đọc được tệp: {ly_do_os(error)}") from None
    if len(raw) > TEP_CAU_HINH_TOI_DA:
        raise InvalidSetting(name, f"lớn hơn {TEP_CAU_HINH_TOI_DA} byte")
    try:
        data = yaml.safe_load(raw.decode("utf-8")) or {}
    except UnicodeDecodeError as error:
        raise InvalidSetting(name, f"không phải chữ UTF-8 (byte {error.start})") from None
    except (yaml.YAMLError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f"dòng {mark.line + 1}: " if mark else ""
        raise InvalidSetting(
            name, f"{where}không phải một nhóm trường YAML (tên: giá trị)"
        ) from None
    registers = data.get("so_dang_ky", {}) if isinstance(data, dict) else None
    if not isinstance(registers, dict):
        raise InvalidSetting(name, "so_dang_ky phải ghi mỗi loại văn bản với tên sổ đăng ký của nó")
    known = {loai.value for loai in LoaiVanBan}
    for loai, register in registers.items():
        if not isinstance(loai, str) or loai not in known:
            raise InvalidSetting(
                name, f"so_dang_ky: {str(loai)[:40]!r} không phải một loại văn bản"
            )
        if not isinstance(register, str) or not re.fullmatch(TEN_SO_DANG_KY_PATTERN, register):
            raise InvalidSetting(
                name,
                f"so_dang_ky.{loai}: tên sổ đăng ký gồm 1–{TEN_SO_DANG_KY_TOI_DA} chữ cái, "
                "chữ số, '_', '-' hoặc '.'",
            )
        if register == SO_DANG_KY_BAN_SAO:
            raise InvalidSetting(name, f"so_dang_ky.{loai}: '{register}' là sổ của bản sao")
    return CauHinh(so_dang_ky=registers)


def base_url_hop_le(text: str) -> str:
    """An absolute http(s) URL without query or fragment, without its trailing slash.

    Raises:
        InvalidSetting: anything else.
    """
    value = text.strip()
    name = "--base-url / VANTHU_BASE_URL"
    if len(value) > BASE_URL_TOI_DA:
        raise InvalidSetting(name, f"tối đa {BASE_URL_TOI_DA} ký tự")
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = urlsplit("")
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
        or not value.isprintable()
        or any(c.isspace() for c in value)
    ):
        raise InvalidSetting(
            name, f"{value[:80]!r} không phải địa chỉ http(s) như https://vanthu.ninhthuan.gov.vn"
        )
    return value.rstrip("/")


def doc_base_url() -> str:
    """The desk's public URL that slips and e-mails link to: ``VANTHU_BASE_URL`` (set by
    ``vanthu serve --base-url``), or ``BASE_URL_MAC_DINH``.

    Raises:
        InvalidSetting: the variable is set to something :func:`base_url_hop_le` refuses.
    """
    return base_url_hop_le(os.environ.get("VANTHU_BASE_URL") or BASE_URL_MAC_DINH)
