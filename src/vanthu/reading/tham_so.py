"""Arguments (tham số) a person types to a use case, checked against the limits before any work.

A directive's key (an id, or its number and symbol), a body's code, a year, a reply's number, a
reason, a note and a report file: each is normalised (NFC, trimmed) and held to
``schemas.gioi_han``, so that SQLite and PostgreSQL see the same values and a bad one is refused
with one line naming the argument, before anything is read or written. A key that is well
formed but names nothing is NotFound, as it would be in the store.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from pathlib import Path

from ..errors import InvalidSetting, NotFound
from ..schemas.gioi_han import (
    DONG_TOI_DA,
    ID_TOI_DA,
    KY_HIEU_TOI_DA,
    LY_DO_TOI_DA,
    MA_PATTERN,
    MA_TOI_DA,
    NAM_LON_NHAT,
    NAM_NHO_NHAT,
    SO_KY_HIEU_TOI_DA,
    TEN_SO_DANG_KY_PATTERN,
    TEN_SO_DANG_KY_TOI_DA,
    TEP_BAO_CAO_TOI_DA,
)
from .tep import ly_do_os

#: A reply's number looks like one: it starts with a letter or digit, and holds no '\' or '..'.
_SO_TRA_LOI = re.compile(r"^\w(?:(?!\.\.)[^\\])*$")


def _van_ban(text: str, name: str, toi_da: int, nhieu_dong: bool = False) -> str:
    """Text typed as an argument: NFC, trimmed, at most ``toi_da`` characters, printable
    (line breaks too when ``nhieu_dong``)."""
    value = unicodedata.normalize("NFC", text).strip()
    if len(value) > toi_da:
        raise InvalidSetting(name, f"{len(value)} ký tự; tối đa {toi_da}")
    lines = value.split("\n") if nhieu_dong else [value]
    if not all(line.isprintable() for line in lines):
        raise InvalidSetting(name, "có ký tự điều khiển hoặc ký tự không in được")
    return value


def khoa_van_ban(khoa: str) -> int | str:
    """A directive's key: its id ("7", "#7", ASCII digits only) or its number and symbol.

    Raises:
        InvalidSetting: empty, or a control character.
        NotFound: too long for a number and symbol, or an id no directive can have.
    """
    key = _van_ban(khoa, "văn bản", 10 * SO_KY_HIEU_TOI_DA).removeprefix("#").strip()
    if not key:
        raise InvalidSetting(
            "văn bản", "hãy ghi mã số (7) hoặc số và ký hiệu của văn bản (01/CĐ-UBND)"
        )
    if re.fullmatch(r"[0-9]+", key):  # str.isdigit() would take '²' and '٣' too
        number = int(key)
        if not 0 < number <= ID_TOI_DA:
            raise NotFound("directive", key if len(key) <= 12 else f"{key[:12]}…")
        return number
    if len(key) > SO_KY_HIEU_TOI_DA:
        raise NotFound("directive", f"{key[:SO_KY_HIEU_TOI_DA]}…")
    return key


def ma(text: str, name: str = "ma_co_quan") -> str:
    """A code (of a body, a group or a user) as ``gioi_han.MA_PATTERN`` allows.

    Raises:
        InvalidSetting: anything else.
    """
    value = text.strip()
    if not re.fullmatch(MA_PATTERN, value):
        raise InvalidSetting(
            f"{name} {value[: MA_TOI_DA + 8]!r}",
            f"mã gồm 1–{MA_TOI_DA} chữ cái không dấu, chữ số, '_', '-' hoặc '.', "
            "bắt đầu bằng chữ cái hoặc chữ số",
        )
    return value


def ma_xac_nhan(text: str) -> str:
    """An acknowledgement token as printed on the slip (hexadecimal).

    Raises:
        NotFound: not one that could have been printed.
    """
    value = text.strip()
    if not re.fullmatch(r"[0-9A-Za-z]{1,64}", value):
        raise NotFound("acknowledgement token", value[:64])
    return value


#: The slip's old QR content: ``vanthu:ack:<mã theo dõi>:<mã xác nhận>``.
_QR_CU = re.compile(r"vanthu:ack:([A-Za-z0-9][A-Za-z0-9_.-]{0,47}):([0-9A-Za-z]{1,64})")
#: The recipient's link: ``<base url>/nhan/<mã theo dõi>/<mã xác nhận>`` (a trailing '/' too).
_LIEN_KET = re.compile(
    r"https?://[^/?#\s]+(?:/[^?#\s]*)?"
    r"/nhan/([A-Za-z0-9][A-Za-z0-9_.-]{0,47})/([0-9A-Za-z]{1,64})/?"
)


def ma_xac_nhan_lien_ket(text: str) -> tuple[str | None, str]:
    """The acknowledgement token as typed or scanned: the bare code printed on the slip, the
    old QR content ``vanthu:ack:<tracking>:<token>``, or the recipient's link
    ``<base url>/nhan/<tracking>/<token>``.

    Returns:
        The tracking code (None for a bare code) and the token.

    Raises:
        NotFound: none of those shapes.
    """
    value = text.strip()
    if len(value) > 400:
        raise NotFound("acknowledgement token", value[:64])
    found = _QR_CU.fullmatch(value) or _LIEN_KET.fullmatch(value)
    if found:
        return found.group(1), found.group(2)
    return None, ma_xac_nhan(value)


def nam(text: str | int) -> int:
    """A year: ASCII digits within ``NAM_NHO_NHAT``..``NAM_LON_NHAT``.

    Raises:
        InvalidSetting: anything else.
    """
    value = str(text).strip()
    if not re.fullmatch(r"[0-9]{4}", value) or not NAM_NHO_NHAT <= int(value) <= NAM_LON_NHAT:
        raise InvalidSetting(
            f"năm {value[:12]!r}", f"hãy ghi một năm từ {NAM_NHO_NHAT} đến {NAM_LON_NHAT}"
        )
    return int(value)


def so_tra_loi(text: str) -> str:
    """A reply's number and symbol ("123/BC-SYT"): at most ``KY_HIEU_TOI_DA`` characters.

    It becomes part of a file name (after ``ten_tep``), so it starts with a letter or digit and
    holds no '\\' and no '..'.

    Raises:
        InvalidSetting: empty, too long, a control character, or not shaped like a number.
    """
    value = _van_ban(text, "--reply", KY_HIEU_TOI_DA)
    if not _SO_TRA_LOI.match(value):
        raise InvalidSetting(
            "--reply",
            "hãy ghi số và ký hiệu của văn bản trả lời, ví dụ 123/BC-SYT (không có '..' hay '\\')",
        )
    return value


def ly_do(text: str | None) -> str | None:
    """A reason (lý do): at most ``LY_DO_TOI_DA`` characters, line breaks allowed."""
    return None if text is None else _van_ban(text, "--reason", LY_DO_TOI_DA, nhieu_dong=True)


def dong(text: str, name: str) -> str:
    """One line of text (a full name): NFC, not empty, at most ``DONG_TOI_DA`` characters.

    Raises:
        InvalidSetting: empty, too long, or a control character.
    """
    value = " ".join(_van_ban(text, name, DONG_TOI_DA).split())
    if not value:
        raise InvalidSetting(name, "không được để trống")
    return value


def ghi_chu(text: str) -> str:
    """A note on a reserved number: one line of at most ``DONG_TOI_DA`` characters."""
    return _van_ban(text, "--note", DONG_TOI_DA)


def so_dang_ky(text: str) -> str:
    """A register named as '<issuer>:<name>' (UBND:chung): the issuer's symbol, a name.

    Raises:
        InvalidSetting: not of that shape, or too long for the register's key.
    """
    issuer, _, name = _van_ban(
        text, "--register", KY_HIEU_TOI_DA + 1 + TEN_SO_DANG_KY_TOI_DA
    ).partition(":")
    if not issuer or " " in issuer or ":" in name or not re.fullmatch(TEN_SO_DANG_KY_PATTERN, name):
        raise InvalidSetting(
            "--register",
            f"sổ đăng ký được ghi '<cơ quan>:<tên>', ví dụ UBND:chung; tên gồm 1–"
            f"{TEN_SO_DANG_KY_TOI_DA} chữ cái, chữ số, '_', '-' hoặc '.'",
        )
    if len(issuer) > KY_HIEU_TOI_DA:
        raise InvalidSetting("--register", f"phần cơ quan dài hơn {KY_HIEU_TOI_DA} ký tự")
    return f"{issuer}:{name}"


def tep_bao_cao(path: Path) -> Path:
    """A report file to store: a regular file of at most ``TEP_BAO_CAO_TOI_DA`` bytes.

    Raises:
        InvalidSetting: missing, unreadable, a folder or a device, or too big.
    """
    name = f"--file {path}"
    try:
        info = path.stat()
    except OSError as error:
        raise InvalidSetting(name, ly_do_os(error)) from None
    if not stat.S_ISREG(info.st_mode):
        kind = "là một thư mục" if stat.S_ISDIR(info.st_mode) else "không phải tệp thông thường"
        raise InvalidSetting(name, kind)
    if info.st_size > TEP_BAO_CAO_TOI_DA:
        raise InvalidSetting(
            name, f"{info.st_size} byte; tệp báo cáo tối đa {TEP_BAO_CAO_TOI_DA} byte"
        )
    return path
