"""Text, numbers and dates as vanthu accepts them: NFC, no hidden characters, within the limits.

The character rule (what is never valid text, whatever the font):

- C0 and C1 control characters are refused, except the line break "\\n" in fields that allow
  line breaks (headings, the subject line, paragraphs) and the tab "\\t", which is white space
  like a space: runs of white space collapse to one space anyway, and text pasted from a word
  processor often carries tabs, so refusing them would annoy for no gain. "\\r" is refused: a
  file's own line ends never reach a value, so one in a value was typed on purpose (an escape).
- Surrogates (U+D800–U+DFFF, only possible through an escape) and the 66 noncharacters
  (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF) are refused: they are not text.
- The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
  are refused: they reorder what a reader sees without changing what is stored ("Trojan
  source"), and Vietnamese never needs them.

Whether a character can be drawn by the fonts is decided by rendering, not here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator
from pydantic.json_schema import WithJsonSchema

from .gioi_han import (
    DOAN_TOI_DA,
    DONG_TOI_DA,
    KY_HIEU_TOI_DA,
    MA_PATTERN,
    MA_TOI_DA,
    NAM_LON_NHAT,
    NAM_NHO_NHAT,
    TRICH_YEU_TOI_DA,
)

_C0 = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "FILE SEPARATOR",
    "GROUP SEPARATOR",
    "RECORD SEPARATOR",
    "UNIT SEPARATOR",
)

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_NEVER = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069" + _NONCHARACTERS
#: The first character that is never valid, in a one-line field and in a multi-line one.
_SAI_MOT_DONG = re.compile(f"[{_NEVER}\n]")
_SAI_NHIEU_DONG = re.compile(f"[{_NEVER}]")


def ten_ky_tu(char: str) -> str:
    """``U+0000 (NULL)``: a code point and its name, for messages."""
    cp = ord(char)
    if cp < 0x20:
        name = _C0[cp]
    elif cp == 0x7F:
        name = "DELETE"
    elif 0x80 <= cp <= 0x9F:
        name = "ký tự điều khiển C1"
    elif 0xD800 <= cp <= 0xDFFF:
        name = "nửa cặp thay thế UTF-16"
    else:
        name = unicodedata.name(char, "không phải ký tự")
    return f"U+{cp:04X} ({name})"


def loai_gia_tri(value: object) -> str:
    """What a value of the wrong type is, in Vietnamese words: 'một số', 'một danh sách' …"""
    if value is None:
        return "rỗng (null)"
    if isinstance(value, bool):
        return "giá trị đúng/sai (true/false)"
    if isinstance(value, int):
        return "một số"
    if isinstance(value, float):
        return f"một số thập phân ({value})"
    if isinstance(value, dt.date):
        return "một ngày"
    if isinstance(value, str):
        return "chữ"
    if isinstance(value, dict):
        return "một nhóm trường (tên: giá trị)"
    if isinstance(value, list | tuple | set | frozenset):
        return "một danh sách"
    return type(value).__name__


def kiem_tra_ky_tu(value: str, nhieu_dong: bool) -> None:
    """Refuse the first character that is never valid text (see the module docstring)."""
    found = (_SAI_NHIEU_DONG if nhieu_dong else _SAI_MOT_DONG).search(value)
    if found is None:
        return
    char, at = found.group(), found.start() + 1
    if char == "\n":
        raise ValueError(
            f"có dấu xuống dòng (U+000A) ở ký tự thứ {at}; trường này chỉ viết trên một dòng"
        )
    raise ValueError(f"có {ten_ky_tu(char)} ở ký tự thứ {at}")


def nfc(value: object) -> object:
    """Normalise a string to NFC; leave anything else for pydantic to judge."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def _doc_van_ban(nhieu_dong: bool) -> Callable[[object], str]:
    def check(value: object) -> str:
        if not isinstance(value, str):
            raise ValueError(f"phải là chữ, không phải {loai_gia_tri(value)}")
        kiem_tra_ky_tu(value, nhieu_dong)
        return unicodedata.normalize("NFC", value)

    return check


def _not_blank(value: str) -> str:
    # Runs of spaces collapse, explicit line breaks ("\n") stay: a renderer keeps them as given.
    value = "\n".join(" ".join(part.split()) for part in value.strip().split("\n"))
    if not value:
        raise ValueError("không được để trống")
    return value


def toi_da(limit: int) -> Callable[[str], str]:
    """A validator: at most ``limit`` characters (the message every length limit gives)."""

    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(f"tối đa {limit} ký tự, đang có {len(value)}")
        return value

    return check


def _bare_item(value: str) -> str:
    """Strip the list punctuation a renderer adds itself: a leading "- ", a final ";" or "."."""
    value = value.strip()
    if value.startswith("- "):
        value = value[2:].lstrip()
    if value.endswith(";") or (value.endswith(".") and not value.endswith("./.")):
        value = value[:-1].rstrip()
    return _not_blank(value)


def _json(limit: int) -> WithJsonSchema:
    """What the JSON Schema of the directive file says of a text field."""
    return WithJsonSchema({"type": "string", "minLength": 1, "maxLength": limit})


_MOT_DONG = BeforeValidator(_doc_van_ban(nhieu_dong=False))
_NHIEU_DONG = BeforeValidator(_doc_van_ban(nhieu_dong=True))

#: Non-empty text of any length, line breaks allowed (a reason, a note): NFC, trimmed.
Text = Annotated[str, _NHIEU_DONG, AfterValidator(_not_blank)]
#: One line (issuer's place, position, name, a Nơi nhận line …), at most DONG_TOI_DA.
Dong = Annotated[
    str,
    _MOT_DONG,
    AfterValidator(_not_blank),
    AfterValidator(toi_da(DONG_TOI_DA)),
    _json(DONG_TOI_DA),
]
#: A heading that may be broken by "\n" (co_quan, tham_quyen), at most DONG_TOI_DA.
TieuDe = Annotated[
    str,
    _NHIEU_DONG,
    AfterValidator(_not_blank),
    AfterValidator(toi_da(DONG_TOI_DA)),
    _json(DONG_TOI_DA),
]
#: The subject line (trích yếu), "\n" allowed, at most TRICH_YEU_TOI_DA.
TrichYeu = Annotated[
    str,
    _NHIEU_DONG,
    AfterValidator(_not_blank),
    AfterValidator(toi_da(TRICH_YEU_TOI_DA)),
    _json(TRICH_YEU_TOI_DA),
]
#: A paragraph (body, task description), "\n" allowed, at most DOAN_TOI_DA.
DoanVanBan = Annotated[
    str,
    _NHIEU_DONG,
    AfterValidator(_not_blank),
    AfterValidator(toi_da(DOAN_TOI_DA)),
    _json(DOAN_TOI_DA),
]
#: A symbol or a part of one (CĐ-UBND, UBND, VX, initials): one line, at most KY_HIEU_TOI_DA.
KyHieu = Annotated[
    str,
    _MOT_DONG,
    AfterValidator(_not_blank),
    AfterValidator(toi_da(KY_HIEU_TOI_DA)),
    _json(KY_HIEU_TOI_DA),
]
#: A list item printed as ``- item;`` on one line: given without that punctuation.
ListItem = Annotated[
    str,
    _MOT_DONG,
    AfterValidator(_bare_item),
    AfterValidator(toi_da(DONG_TOI_DA)),
    _json(DONG_TOI_DA),
]
#: A căn cứ (legal basis): a list item as long as a paragraph.
CanCu = Annotated[
    str,
    _NHIEU_DONG,
    AfterValidator(_bare_item),
    AfterValidator(toi_da(DOAN_TOI_DA)),
    _json(DOAN_TOI_DA),
]

_MA = re.compile(MA_PATTERN)


def _ma(value: str) -> str:
    if not _MA.match(value):
        shown = f"'{value}' " if len(value) <= MA_TOI_DA + 8 else ""
        raise ValueError(
            f"{shown}không phải là mã: 1–{MA_TOI_DA} chữ cái không dấu, chữ số, '_', '.' "
            "hoặc '-', bắt đầu bằng chữ cái hoặc chữ số"
        )
    return value


#: A directory code (mã) of a body or a group: it becomes part of a folder name (MA_PATTERN).
Ma = Annotated[
    str,
    _MOT_DONG,
    AfterValidator(_not_blank),
    AfterValidator(_ma),
    WithJsonSchema({"type": "string", "pattern": MA_PATTERN}),
]


_CHU_SO = re.compile(r"^[0-9]{1,9}$")


def _so_nguyen(value: Any) -> int:
    # Strict: an int, or text of ASCII digits only ("05": document numbers are printed with a
    # leading zero, and YAML reads 08 and 09 as text). true/false, 18.0, " 18", "+18", "18a"
    # and "١٨" are refused: each is a slip, never a number meant.
    if isinstance(value, str) and _CHU_SO.match(value):
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"phải là số nguyên, không phải {loai_gia_tri(value)}")
    return value


#: A whole number: an int or a string of 1–9 ASCII digits; never a bool or a float. Give the
#: range before it: ``Annotated[int, Field(ge=1, le=N), SO_NGUYEN]`` (so the JSON Schema has it).
SO_NGUYEN = BeforeValidator(_so_nguyen)


def _nam(value: int) -> int:
    if not NAM_NHO_NHAT <= value <= NAM_LON_NHAT:
        raise ValueError(f"năm {value} nằm ngoài khoảng {NAM_NHO_NHAT}–{NAM_LON_NHAT}")
    return value


#: A year within NAM_NHO_NHAT..NAM_LON_NHAT.
Nam = Annotated[
    int,
    BeforeValidator(_so_nguyen),
    AfterValidator(_nam),
    WithJsonSchema({"type": "integer", "minimum": NAM_NHO_NHAT, "maximum": NAM_LON_NHAT}),
]

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _ngay(value: Any) -> dt.date:
    # A real calendar date: a YAML date or an ISO string (JSON), never a number or a timestamp.
    if isinstance(value, dt.datetime):
        raise ValueError("phải là ngày, không kèm giờ (YYYY-MM-DD)")
    if isinstance(value, str):
        if not _ISO.match(value):
            raise ValueError("phải là ngày viết theo dạng YYYY-MM-DD")
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} không phải là ngày có thật") from None
    if not isinstance(value, dt.date):
        raise ValueError(
            f"phải là ngày viết theo dạng YYYY-MM-DD, không phải {loai_gia_tri(value)}"
        )
    _nam(value.year)
    return value


#: A calendar date (YAML date or "YYYY-MM-DD"), its year within NAM_NHO_NHAT..NAM_LON_NHAT.
Ngay = Annotated[
    dt.date, BeforeValidator(_ngay), WithJsonSchema({"type": "string", "format": "date"})
]
