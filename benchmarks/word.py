"""Word benchmark: the form check and the import of a 3-page draft, in process (#11).

Run from the repository root::

    PYTHONPATH=src .venv/bin/python benchmarks/word.py [--runs N]

The draft is a công văn of the corpus (``tests/reading/word/bo_mau.py``) with its body grown
to 20 more paragraphs: three A4 pages as LibreOffice lays it out (about 6,700 characters).
Measured, each the median of N runs after one warm-up, the interpreter's imports not counted:

* ``mo`` (baseline): the safe opening alone — the zip and XML checks, then python-docx.
* ``check``: what ``vanthu check FILE.docx`` does after reading the file: open, find the
  parts, check the form.
* ``import``: what ``vanthu import`` does before writing: open, find the parts, check the form,
  build the directive file's data and validate it (the preflight included).

Target: check and import under 300 ms each.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.reading.word.bo_mau import Mau, tao

from vanthu.reading.word.mo_tep import mo_du_lieu
from vanthu.reading.word.the_thuc import kiem_tra_the_thuc
from vanthu.reading.word.tim_phan import tim_phan
from vanthu.services import nhap_word_du_lieu

MUC_TIEU_MS = 300.0


def _do(label: str, fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: first-use caches (styles, fonts of the preflight)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"{label:<8} median {median:7.1f} ms   min {min(times):7.1f}   max {max(times):7.1f}")
    return median


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 20
    data = tao(Mau("ba-trang", them_doan=20))
    ket_qua = nhap_word_du_lieu(data, "ba-trang.docx")
    chars = sum(
        len(i if isinstance(i, str) else i.get("doan", "")) for i in ket_qua.du_lieu["noi_dung"]
    )
    print(f"draft: {len(data):,} bytes, body {chars:,} characters, {runs} runs each")
    _do("mo", lambda: mo_du_lieu(data, "ba-trang.docx"), runs)
    check = _do(
        "check",
        lambda: kiem_tra_the_thuc(tim_phan(mo_du_lieu(data, "ba-trang.docx").tai_lieu)),
        runs,
    )
    nhap = _do("import", lambda: nhap_word_du_lieu(data, "ba-trang.docx"), runs)
    ok = ket_qua.van_ban is not None and check < MUC_TIEU_MS and nhap < MUC_TIEU_MS
    print(f"target: under {MUC_TIEU_MS:.0f} ms each — {'met' if ok else 'NOT MET'}")


if __name__ == "__main__":
    main()
