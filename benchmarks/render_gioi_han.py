"""Render at the input limits: line breaking, a DOAN_TOI_DA paragraph, a 512 KiB document.

Run from the repository root::

    .venv/bin/python benchmarks/render_gioi_han.py [--runs N] [--mot-mb]

What it measures, in this process, with one renderer (``Renderer``) built and warmed once
(median of N runs, default 3; the figures are printed, never asserted):

* Centred-line breaking (``ngat_dong``) of a trích yếu of TRICH_YEU_TOI_DA characters (the exact
  balance), of 18 KB and 36 KB (past the limit: the n·log n method), next to the named
  baseline, the recursive balancer it replaced (issue #7), run where it finishes in seconds.
* A quyết định whose body is one paragraph of DOAN_TOI_DA characters: layout + DOCX, and the PDF
  (WeasyPrint), the latter also with the paragraph set as one HTML run (the baseline before #7:
  WeasyPrint re-encodes the rest of a run for every line it breaks).
* A directive file just under TEP_VAN_BAN_TOI_DA (512 KiB of YAML: paragraphs of DOAN_TOI_DA
  characters), read, checked and rendered to DOCX and PDF, in runs and as one run per paragraph.
* ``--mot-mb``: a paragraph of 1 MB (past every limit; the issue measured 55–74 s) once.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from vanthu.rendering import Renderer
from vanthu.rendering.fonts import do_rong_chu, mat_chu_pdf
from vanthu.rendering.ngat_dong import ngat_dong
from vanthu.rendering.pdf_writer import html_environment
from vanthu.schemas.gioi_han import DOAN_TOI_DA, TEP_VAN_BAN_TOI_DA, TRICH_YEU_TOI_DA
from vanthu.services import doc_van_ban, kiem_tra_tep

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "quyet-dinh.yaml"
PROSE = (
    "Ủy ban nhân dân xã Phước Hà có trách nhiệm tiếp tục duy trì, nâng cao chất lượng các tiêu "
    "chí đã đạt; xây dựng kế hoạch phấn đấu đạt chuẩn nông thôn mới nâng cao trong giai đoạn "
    "2021 - 2025. "
)


def prose(size: int) -> str:
    """Vietnamese prose of exactly ``size`` characters."""
    return (PROSE * (size // len(PROSE) + 1))[:size].strip()


def median_s(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def recursive_balancer(text: str, limit: float, do: Callable[[str], float]) -> list[str]:
    """The baseline: the centred-line balancer before issue #7 (recursive, memoised)."""
    words = text.split()

    def width(i: int, j: int) -> float:
        return do(" ".join(words[i:j]))

    count, i = 0, 0
    while i < len(words):
        j = i + 1
        while j < len(words) and width(i, j + 1) <= limit:
            j += 1
        count, i = count + 1, j

    @cache
    def best(i: int, k: int) -> tuple[float, tuple[int, ...]]:
        if k == 1:
            return width(i, len(words)), ()
        result: tuple[float, tuple[int, ...]] = (float("inf"), ())
        for j in range(i + 1, len(words) - k + 2):
            first = width(i, j)
            if first > limit and j > i + 1:
                break
            rest, breaks = best(j, k - 1)
            if max(first, rest) < result[0]:
                result = (max(first, rest), (j, *breaks))
        return result

    bounds = (0, *best(0, count)[1], len(words))
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]


@contextmanager
def one_run_per_paragraph() -> Iterator[None]:
    """The PDF as before #7: each paragraph's text one HTML run, however long."""
    env = html_environment()
    cutting = env.filters["manh"]
    env.filters["manh"] = lambda text: [text]
    try:
        yield
    finally:
        env.filters["manh"] = cutting


def directive(paragraphs: list[str]) -> dict[str, Any]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["noi_dung"] = paragraphs
    assert isinstance(data, dict)
    return data


def bench_lines(runs: int) -> None:
    measure = do_rong_chu(mat_chu_pdf())

    def do(text: str) -> float:
        return measure.cm(text, 14, bold=True)

    print("Centred-line breaking (trích yếu, 14 pt bold, 15.3 cm)")
    print(f"  {'characters':>10}  {'ngat_dong ms':>12}  {'recursive (baseline) ms':>24}")
    for size in (TRICH_YEU_TOI_DA, 4_000, 18_000, 36_000):
        text = prose(size)
        ours = median_s(lambda text=text: ngat_dong(text, 15.3, do), runs) * 1000
        if size <= 4_000:
            old = median_s(lambda text=text: recursive_balancer(text, 15.3, do), 1) * 1000
            shown = f"{old:.1f}"
        else:
            shown = "not run (37 s at 18 KB, RecursionError at 36 KB)"
        print(f"  {size:>10,}  {ours:>12.1f}  {shown:>24}")


def bench_paragraph(renderer: Renderer, runs: int, size: int) -> None:
    vb = doc_van_ban(directive([prose(size)]), "benchmark")
    layout = median_s(lambda: renderer.bo_cuc(vb), runs)
    docx = median_s(lambda: renderer.ket_xuat(vb, pdf=False), runs)
    pdf = median_s(lambda: renderer.ket_xuat(vb, docx=False), runs)
    with one_run_per_paragraph():
        pdf_old = median_s(lambda: renderer.ket_xuat(vb, docx=False), 1)
    print(f"One paragraph of {size:,} characters (quyết định)")
    print(f"  layout {layout * 1000:.1f} ms, layout + DOCX {docx * 1000:.1f} ms")
    print(f"  layout + PDF {pdf:.2f} s; baseline, one HTML run: {pdf_old:.2f} s")


def bench_file(renderer: Renderer, runs: int) -> None:
    paragraphs: list[str] = []
    data = directive(paragraphs)
    while len(yaml.safe_dump(data, allow_unicode=True).encode()) < TEP_VAN_BAN_TOI_DA - 30_000:
        paragraphs.append(prose(DOAN_TOI_DA))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gioi-han.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        size = path.stat().st_size
        check = median_s(lambda: kiem_tra_tep(path), runs)
        vb = kiem_tra_tep(path)
        docx = median_s(lambda: renderer.ket_xuat(vb, pdf=False), runs)
        pdf = median_s(lambda: renderer.ket_xuat(vb, docx=False), runs)
        with one_run_per_paragraph():
            pdf_old = median_s(lambda: renderer.ket_xuat(vb, docx=False), 1)
        pages = renderer.pdf.dung_trang(renderer.bo_cuc(vb)).pages
    print(
        f"A directive file of {size / 1024:.0f} KiB ({len(paragraphs)} paragraphs, "
        f"{len(pages)} PDF pages)"
    )
    print(f"  read + check {check * 1000:.0f} ms, layout + DOCX {docx:.2f} s")
    print(f"  layout + PDF {pdf:.2f} s; baseline, one HTML run per paragraph: {pdf_old:.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mot-mb", action="store_true", help="also render a 1 MB paragraph")
    args = parser.parse_args(argv)
    renderer = Renderer()
    renderer.ket_xuat(doc_van_ban(directive([prose(200)]), "warm-up"))
    print(f"Render at the limits — Python {sys.version.split()[0]}, face {renderer.mat_chu.ten}")
    bench_lines(args.runs)
    bench_paragraph(renderer, args.runs, DOAN_TOI_DA)
    bench_file(renderer, args.runs)
    if args.mot_mb:
        bench_paragraph(renderer, 1, 1_000_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
