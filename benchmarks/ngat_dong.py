"""Centred-line breaking with Vietnamese words (#9): start-up, word list, break time.

Run from the repository root::

    PYTHONPATH=src .venv/bin/python benchmarks/ngat_dong.py [--runs N]

What it prints (medians of N runs, default 5; printed, never asserted), each next to a named
baseline measured in the same run:

* Start-up, in a fresh interpreter each time: ``vanthu --help`` (the word list is never read at
  start-up), and importing the balancer and breaking one issuer's name, which reads the word
  list — against the balancer before #9 (``moi_cho_nhu_nhau``: every space a break) and against
  underthesea's own word segmenter (``word_tokenize``, the alternative not chosen).
* Reading the word list (Viet74K from the installed underthesea package) in process.
* Breaking an issuer's name, a công văn subject, a quyết định's title and a trích yếu of
  TRICH_YEU_TOI_DA characters, warm, against the balancer before #9.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from vanthu.rendering import tach_tu
from vanthu.rendering.fonts import do_rong_chu, mat_chu_pdf
from vanthu.rendering.ngat_dong import moi_cho_nhu_nhau, ngat_dong
from vanthu.schemas.gioi_han import TRICH_YEU_TOI_DA

ROOT = Path(__file__).resolve().parent.parent
ISSUER = "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH QUẢNG NAM"
FIRST_BREAK = f"""
from vanthu.rendering.fonts import do_rong_chu, mat_chu_pdf
from vanthu.rendering.ngat_dong import moi_cho_nhu_nhau, ngat_dong
face = do_rong_chu(mat_chu_pdf())
ngat_dong({ISSUER!r}, 6.55, lambda s: face.cm(s, 13, bold=True){{}})
"""
FIRST_READ = """
import time
from vanthu.rendering import tach_tu
start = time.process_time()
tach_tu.tu_dien()
print((time.process_time() - start) * 1000)
"""
SEGMENTER = f"from underthesea import word_tokenize; word_tokenize({ISSUER.lower()!r})"
PROSE = (
    "Về việc tăng cường công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ trong tình hình mới "
    "trên địa bàn tỉnh Ninh Thuận giai đoạn 2021 - 2025; "
)


def median_s(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fresh(args: list[str], runs: int) -> float:
    """Median wall time of a fresh interpreter run with ``args``."""
    command = [sys.executable, *args]
    return median_s(lambda: subprocess.run(command, check=True, capture_output=True), runs)


def bench_start(runs: int) -> None:
    print("Start-up, fresh interpreter (s)")
    cli = fresh(["-m", "vanthu", "--help"], runs)
    print(f"  {'vanthu --help':<52} {cli:6.3f}")
    python = fresh(["-c", "pass"], runs)
    print(f"  {'python, nothing imported (floor)':<52} {python:6.3f}")
    ours = fresh(["-c", FIRST_BREAK.format("")], runs)
    old = fresh(["-c", FIRST_BREAK.format(", moi_cho_nhu_nhau")], runs)
    print(f"  {'import + first issuer broken, words (#9)':<52} {ours:6.3f}")
    print(f"  {'import + first issuer broken, before #9 (baseline)':<52} {old:6.3f}")
    try:
        segmenter = fresh(["-c", SEGMENTER], max(1, runs // 2))
        print(f"  {'underthesea word_tokenize, import + first call':<52} {segmenter:6.3f}")
    except subprocess.CalledProcessError:
        print("  underthesea's word_tokenize did not run here")


def bench_list(runs: int) -> None:
    def load() -> None:
        tach_tu.tu_dien.cache_clear()
        tach_tu.tu_dien()

    path = tach_tu.tep_tu_dien()
    size = path.stat().st_size / 1024
    took = median_s(load, runs) * 1000
    cpu = []
    for _ in range(runs):
        tach_tu.tu_dien.cache_clear()
        start = time.process_time()
        tach_tu.tu_dien()
        cpu.append(time.process_time() - start)
    command = [sys.executable, "-c", FIRST_READ]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    print(f"\nWord list {path.name} ({size:.0f} KiB, {len(tach_tu.tu_dien()):,} entries)")
    print(f"  {'read, in process: wall ms':<52} {took:6.1f}")
    cpu_ms = statistics.median(cpu) * 1000
    print(f"  {'read, in process: CPU ms (wall minus waiting)':<52} {cpu_ms:6.1f}")
    print(f"  {'first read in a fresh process: CPU ms':<52} {float(out.stdout):6.1f}")


def bench_breaks(runs: int) -> None:
    face = do_rong_chu(mat_chu_pdf())
    cases = [
        ("issuer, 13 pt bold, 6.55 cm", ISSUER, 6.55, 13, True),
        ("công văn subject, 12 pt, 6.55 cm", PROSE[8:96], 6.55, 12, False),
        ("quyết định title, 14 pt bold, 14.55 cm", PROSE[:190], 14.55, 14, True),
        (
            f"trích yếu of {TRICH_YEU_TOI_DA:,} characters, 14 pt bold",
            (PROSE * 10)[:TRICH_YEU_TOI_DA],
            14.55,
            14,
            True,
        ),
    ]
    print("\nBreaking, warm (ms)")
    print(f"  {'text':<44} {'words #9':>9} {'before #9 (baseline)':>21}")
    for name, text, limit, size, bold in cases:

        def do(s: str, size: float = size, bold: bool = bold) -> float:
            return face.cm(s, size, bold=bold)

        ours = median_s(lambda t=text, lim=limit, d=do: ngat_dong(t, lim, d), runs) * 1000
        old = median_s(lambda t=text, lim=limit, d=do: ngat_dong(t, lim, d, moi_cho_nhu_nhau), runs)
        print(f"  {name:<44} {ours:9.2f} {old * 1000:21.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    bench_start(runs)
    bench_list(runs)
    bench_breaks(runs)


if __name__ == "__main__":
    main()
