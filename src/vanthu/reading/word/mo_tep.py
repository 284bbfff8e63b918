"""Opening a Word file safely (mở tệp): the zip and its XML are checked before python-docx reads.

What is refused, each with one message (:class:`~vanthu.errors.UnreadableWord`):

- an empty, truncated or damaged file, or one that is not a zip at all;
- an OLE compound file: a password-protected .docx (Word wraps the encrypted package in one)
  or a Word 97–2003 .doc under another name (converted when named .doc, see :mod:`.chuyen_doi`);
- a zip whose entries are encrypted, too many, or would expand past :data:`TONG_TOI_DA` bytes
  or by more than :data:`TI_LE_TOI_DA` times (a zip bomb), judged from the sizes the zip
  declares: Python's zipfile never inflates an entry past its declared size (it stops and the
  CRC check fails), so the declared sizes bound what python-docx can be made to hold;
- a macro-enabled document (.docm: the main part's content type, or a VBA project part) and a
  template (.dotx) — the document is never run, but a macro file is not a draft to pass on;
- an XML part with a document type declaration (``<!DOCTYPE``, ``<!ENTITY``): OOXML never has
  one, and it is how entity bombs and external entities come in. Parts must be UTF-8 or UTF-16,
  so the declaration cannot hide in another encoding.

python-docx parses with ``resolve_entities=False`` and lxml's default ``no_network=True``;
it fetches no external relationship (a linked image, an attached template) and evaluates no
field. The check above is a second wall, not the only one.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument

from ...errors import UnreadableWord

#: The largest Word file read, in bytes (compressed, as on disk).
KICH_THUOC_TOI_DA = 25 * 1024 * 1024
#: The most entries a Word zip may hold.
SO_MUC_TOI_DA = 2000
#: The most bytes all entries together may expand to.
TONG_TOI_DA = 200 * 1024 * 1024
#: The largest expansion ratio of an entry bigger than :data:`NGUONG_TI_LE` bytes.
TI_LE_TOI_DA = 100
NGUONG_TI_LE = 1024 * 1024

#: The first bytes of an OLE compound file (encrypted OOXML, legacy .doc, .xls, .msg …).
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CT_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"
_CT_TEMPLATES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_KHAI_BAO = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']""")
_MA_HOP_LE = {"utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be"}


def _so(n: int) -> str:
    """A count as Vietnamese writes it: thousands set apart with dots (26.214.400)."""
    return f"{n:,}".replace(",", ".")


#: Makes the error of one refusal, given its reason.
TuChoi = Callable[[str], UnreadableWord]


@dataclass(frozen=True)
class TepWord:
    """A Word file that passed the checks: its bytes and the python-docx document."""

    nguon: str
    du_lieu: bytes
    tai_lieu: DocxDocument


def loai_ole(data: bytes) -> str:
    """What an OLE compound file holds, from its stream names (UTF-16 in the directory)."""
    if "EncryptionInfo".encode("utf-16-le") in data:
        return "encrypted"
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    return "other"


def _van_ban_xml(raw: bytes) -> bytes:
    """An XML part as bytes in which ASCII markup can be searched: UTF-16 decoded, UTF-8 kept.

    Raises:
        ValueError: the part declares another encoding (or is not text).
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:2] in (b"<\x00", b"\x00<"):
        text = raw.decode(
            "utf-16-be" if raw[:2] in (b"\xfe\xff", b"\x00<") else "utf-16-le", "replace"
        )
        return text.encode("utf-8", "replace")
    khai_bao = _KHAI_BAO.match(raw[:200])
    if (
        khai_bao is not None
        and khai_bao.group(1).decode("ascii", "replace").lower() not in _MA_HOP_LE
    ):
        raise ValueError(khai_bao.group(1).decode("ascii", "replace"))
    return raw


def kiem_tra_zip(data: bytes, nguon: str) -> None:
    """Refuse bytes that are not a safe Word (.docx) package; see the module's list.

    Raises:
        UnreadableWord: the reason, in one sentence.
    """

    def refuse(reason: str) -> UnreadableWord:
        return UnreadableWord(nguon, reason)

    if not data:
        raise refuse("tệp rỗng (0 byte)")
    if data.startswith(OLE):
        loai = loai_ole(data)
        if loai == "encrypted":
            raise refuse(
                "văn bản có đặt mật khẩu (đã mã hóa); hãy gỡ mật khẩu trong Word "
                "(File › Info › Protect Document) rồi lưu lại"
            )
        if loai == "doc":
            raise refuse(
                "đây là văn bản Word 97–2003 (.doc) mang tên khác; hãy đặt đuôi .doc "
                "để vanthu chuyển đổi, hoặc lưu lại dưới dạng .docx"
            )
        raise refuse("không phải văn bản Word (một tệp OLE loại khác)")
    if not data.startswith(b"PK"):
        raise refuse("không phải văn bản Word (tệp .docx là tệp zip; tệp này không phải)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as goi:
            muc = goi.infolist()
            _kiem_tra_muc(muc, refuse)
            names = {m.filename for m in muc}
            if "[Content_Types].xml" not in names:
                raise refuse("không phải văn bản Word (tệp zip không có [Content_Types].xml)")
            for m in muc:
                if m.filename.lower().endswith("vbaproject.bin"):
                    raise refuse("văn bản có chứa macro (VBA); vanthu không đọc tệp .docm")
                if m.filename.lower().endswith((".xml", ".rels")):
                    _kiem_tra_xml(m.filename, goi.read(m), refuse)
            _kiem_tra_loai(goi.read("[Content_Types].xml"), refuse)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
    ) as error:
        raise refuse(f"tệp bị hỏng hoặc không trọn vẹn (không đọc được tệp zip: {error})") from None
    except (OSError, RuntimeError, ValueError) as error:
        raise refuse(f"tệp bị hỏng hoặc không trọn vẹn ({error})") from None


def _kiem_tra_muc(muc: list[zipfile.ZipInfo], refuse: TuChoi) -> None:
    """The zip's entries: not encrypted, not too many, not expanding past the limits."""
    if len(muc) > SO_MUC_TOI_DA:
        raise refuse(f"tệp zip có {_so(len(muc))} mục, quá {_so(SO_MUC_TOI_DA)} mục")
    tong = 0
    for m in muc:
        if m.flag_bits & 0x1:
            raise refuse("các mục trong tệp zip đã mã hóa; vanthu không đọc tệp có mật khẩu")
        tong += m.file_size
        if m.file_size > NGUONG_TI_LE and m.file_size > TI_LE_TOI_DA * max(m.compress_size, 1):
            raise refuse(
                f"'{m.filename}' sẽ bung ra gấp {_so(m.file_size // max(m.compress_size, 1))} "
                f"lần (quá {TI_LE_TOI_DA} lần): nghi là bom zip"
            )
    if tong > TONG_TOI_DA:
        raise refuse(
            f"tệp zip sẽ bung ra {_so(tong)} byte, quá {_so(TONG_TOI_DA)} byte: nghi là bom zip"
        )


def _kiem_tra_xml(ten: str, raw: bytes, refuse: TuChoi) -> None:
    """One XML part: UTF-8 or UTF-16, and no document type declaration."""
    try:
        text = _van_ban_xml(raw)
    except ValueError as error:
        raise refuse(f"'{ten}' khai báo bảng mã {error}; Word ghi UTF-8") from None
    if _DTD.search(text):
        raise refuse(
            f"'{ten}' khai báo DTD hoặc thực thể (<!DOCTYPE, <!ENTITY), điều Word không bao "
            "giờ ghi: từ chối vì có thể là bom thực thể XML (XML entity bomb)"
        )


def _kiem_tra_loai(content_types: bytes, refuse: TuChoi) -> None:
    """The main part's content type: a Word document, not a macro document or a template."""
    text = content_types.decode("utf-8", "replace")
    if _CT_MACRO in text:
        raise refuse("văn bản Word có macro (.docm); hãy lưu lại dưới dạng .docx không có macro")
    if _CT_DOCUMENT not in text:
        if any(ct in text for ct in _CT_TEMPLATES):
            raise refuse("đây là mẫu Word (.dotx), không phải văn bản; hãy lưu lại dưới dạng .docx")
        raise refuse("không phải văn bản Word (không có phần văn bản chính của tệp .docx)")


def mo_du_lieu(data: bytes, nguon: str) -> TepWord:
    """Check a .docx's bytes and open them with python-docx.

    Raises:
        UnreadableWord: see the module's list; python-docx's own refusals are turned into it.
    """
    kiem_tra_zip(data, nguon)
    try:
        tai_lieu = Document(io.BytesIO(data))
    except UnreadableWord:
        raise
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors …
        raise UnreadableWord(
            nguon, f"không đọc được văn bản Word trong tệp ({type(error).__name__}: {error})"
        ) from None
    return TepWord(nguon, data, tai_lieu)
