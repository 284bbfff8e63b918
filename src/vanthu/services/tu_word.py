"""The import use case (từ Word: from Word): a Word draft in, a directive file out
(``vanthu import``), validated by the code ``vanthu check`` runs; with ``--fix``, the imported
directive rendered by vanthu."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..delivery.ghi_tep import ghi_nguyen_tu
from ..errors import InvalidDirective, Problem
from ..reading.van_ban import doc_van_ban
from ..reading.word.chuyen_doi import DUOI_WORD
from ..reading.word.kiem_tra import NhapWord, mo_word, mo_word_du_lieu, nhap_tai_lieu
from ..reading.word.mo_tep import KICH_THUOC_TOI_DA as KICH_THUOC_WORD_TOI_DA
from ..reading.word.the_thuc import PhatHien
from ..schemas import VanBan
from .ket_xuat import DinhDang, TepKetXuat, ket_xuat_van_ban
from .kiem_tra import kiem_tra_tep_canh_bao, kiem_tra_van_ban

#: How a line the import could not place is introduced (YAML comments, stderr).
CHUA_XEP = "chưa xếp được vào trường nào"


@dataclass(frozen=True)
class KetQuaNhapWord:
    """A Word draft imported: the directive file's data, what could not be placed (one line
    each), the draft's form findings, and the directive when the data validates (else the
    problems, each with its field path)."""

    nguon: str
    du_lieu: dict[str, Any]
    ghi_chu: tuple[str, ...]
    phat_hien: tuple[PhatHien, ...]
    van_ban: VanBan | None
    van_de: tuple[Problem, ...]


def _ket_qua(nhap: NhapWord, hom_nay: dt.date | None) -> KetQuaNhapWord:
    van_ban: VanBan | None = None
    van_de: tuple[Problem, ...] = ()
    try:
        van_ban = doc_van_ban(nhap.nhap.du_lieu, nhap.nguon, hom_nay)
        kiem_tra_van_ban(van_ban, nhap.nguon)
    except InvalidDirective as error:
        van_ban, van_de = None, error.problems
    return KetQuaNhapWord(
        nhap.nguon, nhap.nhap.du_lieu, nhap.nhap.ghi_chu, nhap.phat_hien, van_ban, van_de
    )


def nhap_word(path: Path, hom_nay: dt.date | None = None) -> KetQuaNhapWord:
    """Import a Word draft (.docx; .doc, .odt, .rtf through LibreOffice).

    Raises:
        UnreadableWord: the file is not a Word file vanthu will open.
    """
    return _ket_qua(nhap_tai_lieu(mo_word(path), str(path)), hom_nay)


def nhap_word_du_lieu(
    data: bytes, nguon: str, duoi: str = ".docx", hom_nay: dt.date | None = None
) -> KetQuaNhapWord:
    """Import the bytes of an uploaded Word draft, opened as safely as a file on disk.

    Raises:
        UnreadableWord: not a safe Word file, too large, or it cannot be converted.
    """
    return _ket_qua(nhap_tai_lieu(mo_word_du_lieu(data, nguon, duoi), nguon), hom_nay)


class _YamlVanBan(yaml.SafeDumper):
    """Plain YAML; a text with line breaks written as a block (``|-``), as drafters write it."""


def _chuoi(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_YamlVanBan.add_representer(str, _chuoi)


def van_ban_yaml(ket_qua: KetQuaNhapWord) -> str:
    """The directive file of an import as YAML, what was not placed said in comments above."""
    head = [f"# Nhập từ bản Word {Path(ket_qua.nguon).name} bằng vanthu import (Nghị định 30)."]
    head += [f"# {CHUA_XEP}: {line}" for line in ket_qua.ghi_chu]
    body = yaml.dump(
        ket_qua.du_lieu,
        Dumper=_YamlVanBan,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return "\n".join(head) + "\n" + body


@dataclass(frozen=True)
class TepNhap:
    """What ``vanthu import`` wrote: the directive file, its check, the corrected document."""

    yaml: Path
    van_ban: VanBan | None
    canh_bao: tuple[Problem, ...]
    van_de: tuple[Problem, ...]
    ban_sua: TepKetXuat | None


def ghi_nhap(
    ket_qua: KetQuaNhapWord, dich: Path, sua: bool = False, nguon: Path | None = None
) -> TepNhap:
    """Write the imported directive file to ``dich`` and check it as ``vanthu check`` does; with
    ``sua``, render the checked directive beside it (``<stem>.docx`` and ``.pdf``; named
    ``<stem>-vanthu`` when that would be the Word file ``nguon`` itself).

    Raises:
        OutputError: the file cannot be written.
    """
    ghi_nguyen_tu(dich, van_ban_yaml(ket_qua).encode("utf-8"))
    try:
        vb, canh_bao = kiem_tra_tep_canh_bao(dich)
    except InvalidDirective as error:
        return TepNhap(dich, None, (), error.problems, None)
    ban_sua = None
    if sua:
        ten = dich.stem
        if nguon is not None and (dich.parent / f"{ten}.docx").resolve() == nguon.resolve():
            ten += "-vanthu"
        ban_sua = ket_xuat_van_ban(vb, dich.parent, ten, DinhDang.both, nguon=str(dich))
    return TepNhap(dich, vb, tuple(canh_bao), (), ban_sua)


__all__ = [
    "CHUA_XEP",
    "DUOI_WORD",
    "KICH_THUOC_WORD_TOI_DA",
    "KetQuaNhapWord",
    "PhatHien",
    "TepNhap",
    "ghi_nhap",
    "nhap_word",
    "nhap_word_du_lieu",
    "van_ban_yaml",
]
