"""Recall and precision of the Word form check on the corpora of seeded drafts, and the field
accuracy of the import (share of the expected directive fields extracted exactly) (#11).

Two corpora, scored apart: the first (``tests/reading/word/bo_mau.py``), built beside the
checker; the second (``bo_mau_thuc.py``), built apart from it the way offices type drafts
(soft line breaks, text boxes, Letter paper, Word lists, blank dates).

Run from the repository root: ``PYTHONPATH=src python scripts/kiem_tra_word_bo_mau.py [-v]``.
Target: at least 95 % each. ``-v`` lists every missed and every unseeded finding, and every
field extracted wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.reading.word.bo_mau import (
    BO_MAU,
    DiemSo,
    DiemTruong,
    cham_diem,
    cham_truong,
    truong_nhap,
)
from tests.reading.word.bo_mau_thuc import BO_MAU_THUC, cham_diem_thuc, cham_truong_thuc

from vanthu.reading.word.mo_tep import mo_du_lieu
from vanthu.reading.word.nhap import nhap_ban_thao
from vanthu.reading.word.the_thuc import kiem_tra_the_thuc
from vanthu.reading.word.tim_phan import tim_phan


def ma_phat_hien(data: bytes, nguon: str) -> list[str]:
    """The rule codes the form check finds in a .docx's bytes."""
    return [p.ma for p in kiem_tra_the_thuc(tim_phan(mo_du_lieu(data, nguon).tai_lieu))]


def truong_word(data: bytes, nguon: str) -> dict[str, object]:
    """The directive fields the import extracts from a .docx's bytes."""
    tai_lieu = mo_du_lieu(data, nguon).tai_lieu
    return truong_nhap(nhap_ban_thao(tim_phan(tai_lieu), tai_lieu).du_lieu)


def _in(ten: str, so_ban: int, diem: DiemSo, truong: DiemTruong, chi_tiet: bool) -> None:
    print(f"{ten}: {so_ban} Word drafts, {diem.gieo} seeded breaches")
    print(f"  recall:    {diem.do_phu:6.1%}  ({diem.dung} of {diem.gieo} seeded breaches found)")
    print(f"  precision: {diem.do_chinh_xac:6.1%}  ({diem.dung} of {diem.bao} findings seeded)")
    print(
        f"  import field accuracy: {truong.do_chinh_xac:6.1%}  "
        f"({truong.dung} of {truong.tong} fields extracted exactly)"
    )
    if chi_tiet:
        for draft, ma in diem.sot:
            print(f"    missed:   {draft}: {ma}")
        for draft, ma in diem.sai:
            print(f"    unseeded: {draft}: {ma}")
        for draft, field, want, got in truong.sai:
            print(f"    field:    {draft}: {field}: expected {want!r}, extracted {got!r}")


def main() -> None:
    chi_tiet = "-v" in sys.argv
    _in(
        "corpus 1 (bo_mau)",
        len(BO_MAU),
        cham_diem(ma_phat_hien),
        cham_truong(truong_word),
        chi_tiet,
    )
    _in(
        "corpus 2 (bo_mau_thuc, built apart)",
        len(BO_MAU_THUC),
        cham_diem_thuc(ma_phat_hien),
        cham_truong_thuc(truong_word),
        chi_tiet,
    )


if __name__ == "__main__":
    main()
