"""The check use case: a directive file is valid and every character of it can be drawn; and
what looks like a slip in it (warnings, which stop nothing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem
from ..reading.anh import doc_anh
from ..reading.canh_bao import canh_bao_van_ban
from ..reading.van_ban import doc_tep, doc_tep_canh_bao
from ..reading.word.chuyen_doi import la_tep_word
from ..schemas import VanBan
from ..schemas.anh import AnhDaDoc

if TYPE_CHECKING:
    from ..reading.word.kiem_tra import KetQuaWord


def kiem_tra_van_ban(vb: VanBan, nguon: str) -> None:
    """Refuse a validated directive that the renderer could not draw (the preflight).

    Raises:
        InvalidDirective: a field holds a character no embedded face can draw.
    """
    # Imported here: the preflight reads font files, which the lifecycle commands that draw
    # nothing never need.
    from ..rendering.ve_duoc import kiem_tra_ve_duoc

    kiem_tra_ve_duoc(vb, nguon)


def kiem_tra_tep(path: Path, hom_nay: dt.date | None = None) -> VanBan:
    """Read and validate a directive file, then run the preflight: what ``check`` accepts,
    ``render`` renders.

    Raises:
        InvalidDirective: the file breaks a rule, holds a character that cannot be drawn, or
            names an image that cannot be used.
    """
    return kiem_tra_tep_anh(path, hom_nay)[0]


def kiem_tra_tep_anh(
    path: Path, hom_nay: dt.date | None = None
) -> tuple[VanBan, dict[str, AnhDaDoc]]:
    """:func:`kiem_tra_tep`, with the signature and seal images the file names, read and
    checked beside it (keyed by the path as written).

    Raises:
        InvalidDirective: see :func:`kiem_tra_tep`.
    """
    vb = doc_tep(path, hom_nay)
    kiem_tra_van_ban(vb, str(path))
    return vb, doc_anh(vb, path.parent, str(path))


def kiem_tra_tep_canh_bao(
    path: Path, hom_nay: dt.date | None = None
) -> tuple[VanBan, list[Problem]]:
    """What ``vanthu check`` does: :func:`kiem_tra_tep`, and the file's warnings, each with its
    field path and (YAML) line.

    Raises:
        InvalidDirective: the file breaks a rule or holds a character that cannot be drawn.
    """
    vb, canh_bao = doc_tep_canh_bao(path, hom_nay)
    kiem_tra_van_ban(vb, str(path))
    doc_anh(vb, path.parent, str(path))
    return vb, canh_bao


def kiem_tra_the_thuc_word(path: Path) -> KetQuaWord:
    """What ``vanthu check FILE.docx`` does: the form check of a Word draft against Decree 30
    (a .doc, .odt or .rtf file converted with LibreOffice first).

    Raises:
        UnreadableWord: the file is not a Word file vanthu will open (see reading.word.mo_tep).
    """
    # Imported here: python-docx is loaded only by the commands that read Word.
    from ..reading.word.kiem_tra import kiem_tra_word

    return kiem_tra_word(path)


def phat_hien_json(ket_qua: KetQuaWord) -> dict[str, object]:
    """A Word file's findings as JSON-ready data: the file, whether it passes, each finding."""
    return {
        "file": ket_qua.nguon,
        "ok": not ket_qua.phat_hien,
        "findings": [
            {
                "rule": p.ma,
                "section": p.muc,
                "part": p.phan,
                "where": p.noi,
                "found": p.thay,
                "asks": p.yeu_cau,
            }
            for p in ket_qua.phat_hien
        ],
    }


__all__ = [
    "canh_bao_van_ban",
    "kiem_tra_tep",
    "kiem_tra_tep_anh",
    "kiem_tra_tep_canh_bao",
    "kiem_tra_the_thuc_word",
    "kiem_tra_van_ban",
    "la_tep_word",
    "phat_hien_json",
]
