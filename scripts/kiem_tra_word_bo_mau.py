"""Recall and precision of the Word form check on the corpus of seeded drafts (#11).

Run from the repository root: ``PYTHONPATH=src python scripts/kiem_tra_word_bo_mau.py [-v]``.
Target: at least 95 % each. ``-v`` lists every missed and every unseeded finding.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.reading.word.bo_mau import BO_MAU, cham_diem

from vanthu.reading.word.mo_tep import mo_du_lieu
from vanthu.reading.word.the_thuc import kiem_tra_the_thuc
from vanthu.reading.word.tim_phan import tim_phan


def ma_phat_hien(data: bytes, nguon: str) -> list[str]:
    """The rule codes the form check finds in a .docx's bytes."""
    return [p.ma for p in kiem_tra_the_thuc(tim_phan(mo_du_lieu(data, nguon).tai_lieu))]


def main() -> None:
    diem = cham_diem(ma_phat_hien)
    print(f"corpus: {len(BO_MAU)} Word drafts, {diem.gieo} seeded breaches")
    print(f"recall:    {diem.do_phu:6.1%}  ({diem.dung} of {diem.gieo} seeded breaches found)")
    print(f"precision: {diem.do_chinh_xac:6.1%}  ({diem.dung} of {diem.bao} findings seeded)")
    if "-v" in sys.argv:
        for ten, ma in diem.sot:
            print(f"  missed:   {ten}: {ma}")
        for ten, ma in diem.sai:
            print(f"  unseeded: {ten}: {ma}")


if __name__ == "__main__":
    main()
