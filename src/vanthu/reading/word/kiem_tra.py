"""A Word file in, its parts and its form findings out: the entry of :mod:`vanthu.reading.word`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument

from ...errors import InvalidDirective, UnreadableWord
from ..tep import doc_byte, ten_nguon
from .chuyen_doi import DUOI_CHUYEN, chuyen_sang_docx
from .mo_tep import KICH_THUOC_TOI_DA, OLE, kiem_tra_zip, loai_ole, mo_du_lieu
from .nhap import KetQuaNhap, nhap_ban_thao
from .the_thuc import PhatHien, kiem_tra_the_thuc
from .tim_phan import BanThao, tim_phan

#: Why a Word file is not read, by cause (see :data:`vanthu.reading.tep.LOI_DOC`).
LOI_DOC_WORD = {
    "khong_co": "không có tệp này",
    "khong_quyen": "không có quyền đọc tệp",
    "khong_doc_duoc": "không đọc được tệp ({ly_do})",
    "ten_nul": "không đọc được tệp: tên tệp có ký tự NUL",
    "khong_phai_tep": "không đọc được: đây không phải một tệp thường",
    "qua_lon": f"tệp lớn hơn {KICH_THUOC_TOI_DA // 2**20} MiB, mức tối đa vanthu đọc",
}


@dataclass(frozen=True)
class KetQuaWord:
    """A checked Word draft: its parts and the findings of the form check."""

    nguon: str
    ban_thao: BanThao
    phat_hien: tuple[PhatHien, ...]


def mo_word_du_lieu(data: bytes, nguon: str, duoi: str = ".docx") -> DocxDocument:
    """Open a Word file's bytes (an upload) safely, converting .doc/.odt/.rtf (``duoi``).

    Raises:
        UnreadableWord: not a safe Word file, too large, or it cannot be converted.
    """
    if len(data) > KICH_THUOC_TOI_DA:
        raise UnreadableWord(nguon, LOI_DOC_WORD["qua_lon"])
    if duoi in DUOI_CHUYEN and data:
        if data.startswith(OLE) and loai_ole(data) == "encrypted":
            kiem_tra_zip(data, nguon)  # refuses it as password-protected
        data = chuyen_sang_docx(data, duoi, nguon)
    return mo_du_lieu(data, nguon).tai_lieu


def mo_word(path: Path) -> DocxDocument:
    """Read a Word file (bounded) and open it safely (converting .doc/.odt/.rtf).

    Raises:
        UnreadableWord: the file cannot be read, is not a safe Word file, or cannot be converted.
    """
    nguon = ten_nguon(path)
    try:
        data = doc_byte(path, KICH_THUOC_TOI_DA, nguon, LOI_DOC_WORD)
    except InvalidDirective as error:
        raise UnreadableWord(nguon, error.problems[0].message) from None
    return mo_word_du_lieu(data, nguon, path.suffix.lower())


def doc_word(path: Path) -> BanThao:
    """Read a Word file (converting .doc/.odt/.rtf) and find its parts.

    Raises:
        UnreadableWord: see :func:`mo_word`.
    """
    return tim_phan(mo_word(path))


@dataclass(frozen=True)
class NhapWord:
    """A Word draft imported: the directive file's data, what could not be placed, and the
    findings of the form check on the draft as it came."""

    nguon: str
    nhap: KetQuaNhap
    phat_hien: tuple[PhatHien, ...]


def nhap_tai_lieu(tai_lieu: DocxDocument, nguon: str) -> NhapWord:
    """Find the parts of an opened Word draft, check its form and import it."""
    ban = tim_phan(tai_lieu)
    return NhapWord(nguon, nhap_ban_thao(ban, tai_lieu), tuple(kiem_tra_the_thuc(ban)))


def kiem_tra_word(path: Path) -> KetQuaWord:
    """The form check of a Word file against Decree 30.

    Raises:
        UnreadableWord: see :func:`doc_word`.
    """
    ban = doc_word(path)
    return KetQuaWord(ten_nguon(path), ban, tuple(kiem_tra_the_thuc(ban)))
