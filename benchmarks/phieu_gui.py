"""Slip benchmark: what one transmittal slip (phiếu gửi) costs, next to a full WeasyPrint render.

Run from the repository root::

    .venv/bin/python benchmarks/phieu_gui.py [--slips N] [--baseline-slips M]

What it measures, in this process, with one ``PhieuGuiRenderer`` built once and warmed up by a few
untimed slips:

* Per slip, over N slips (default 300) that differ as real ones do (recipient, tracking code,
  token and QR string): the median, 95th percentile and fastest wall time of ``ve()``, the
  median CPU time of the process (Typst may use a second thread, so CPU can exceed wall), and
  the median, smallest and largest PDF size.
* Memory: resident set size before and after the N slips (a leak would show as growth).
* The named baseline, measured in the same run: the same slip as HTML (same face, same QR code
  as inline SVG) printed by WeasyPrint, one full render per slip with one shared
  ``FontConfiguration`` (median of M, default 20) — what drawing each slip "the usual way" costs.

Target: the slip's median ≤ 5 ms, so that 3,000 recipients spend at most 15 s of the issue's
30 s (issue + distribute, database work included) on slips. The exit status is 0 whether the
target passes or misses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import logging
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

import zxingcpp
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from vanthu.rendering.fonts import mat_chu_kem_theo
from vanthu.rendering.phieu_gui import LOI_DE_NGHI, NoiDungPhieuGui, PhieuGuiRenderer

TARGET_MS = 5.0
RECIPIENTS = 3000
BUDGET_S = 30.0
WARM_UP = 5

#: Body names as a provincial directory has them: long and short, every diacritic.
BODIES = (
    "Sở Y tế tỉnh Ninh Thuận",
    "Sở Giáo dục và Đào tạo tỉnh Ninh Thuận",
    "Ủy ban nhân dân huyện Thuận Bắc",
    "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Ninh Thuận",
    "Trung tâm Kiểm soát bệnh tật tỉnh Ninh Thuận",
    "Ủy ban nhân dân xã Phước Hữu, huyện Ninh Phước",
    "Đài Phát thanh và Truyền hình Ninh Thuận",
    "Huyện ủy Ninh Sơn",
)
VAN_BAN = (
    "Công điện số 18/CĐ-UBND ngày 13/09/2021 về việc tiếp tục thực hiện các biện pháp cấp bách"
    " phòng, chống dịch COVID-19 nhằm giữ vững vùng xanh trên địa bàn tỉnh Ninh Thuận"
)


def slips(count: int) -> list[NoiDungPhieuGui]:
    """``count`` slips of one directive, each for another body with its own codes."""
    items = []
    for i in range(count):
        token = hashlib.sha256(f"18/CĐ-UBND:{i}".encode()).hexdigest()
        items.append(
            NoiDungPhieuGui(
                co_quan_gui="ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
                co_quan_nhan=f"{BODIES[i % len(BODIES)]} ({i + 1})",
                van_ban=VAN_BAN,
                ma_theo_doi=f"VT-2021-{i + 1:06d}",
                ngay_gui=dt.date(2021, 9, 13),
                ma_xac_nhan=f"{token[:4]}-{token[4:8]}-{token[8:12]}",
                qr=f"https://vanthu.ninhthuan.gov.vn/nhan/VB1-{i + 1:06d}/{token[:24]}",
            )
        )
    return items


@dataclass(frozen=True)
class Figures:
    """Per-slip wall and CPU times (seconds) and PDF sizes (bytes)."""

    wall: list[float]
    cpu: list[float]
    sizes: list[int]


def measure(draw: Callable[[NoiDungPhieuGui], bytes], items: Sequence[NoiDungPhieuGui]) -> Figures:
    """Draw every slip once, timing each."""
    wall: list[float] = []
    cpu: list[float] = []
    sizes: list[int] = []
    for item in items:
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = draw(item)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        sizes.append(len(pdf))
    return Figures(wall, cpu, sizes)


# --- the baseline: the same slip as HTML, printed by WeasyPrint ----------------------------


class WeasyPrintSlip:
    """The slip as HTML with the same face and QR code, one full WeasyPrint render each."""

    def __init__(self) -> None:
        faces = mat_chu_kem_theo()
        rules = [
            f"@font-face {{ font-family: Liberation; src: url({path.as_uri()});"
            f" font-weight: {'bold' if bold else 'normal'};"
            f" font-style: {'italic' if italic else 'normal'} }}"
            for (bold, italic), path in faces.tep
        ]
        self.css = "\n".join(
            [
                *rules,
                "@page { size: A5 landscape; margin: 12mm 15mm 10mm 20mm }",
                "body { font: 14pt Liberation; margin: 0 }",
                "p { margin: 0 0 0.4em; text-align: justify }",
                ".c { text-align: center } .qr { float: left; width: 40mm; margin-right: 3mm }",
            ]
        )
        self.fonts = FontConfiguration()

    def draw(self, slip: NoiDungPhieuGui) -> bytes:
        """One slip's PDF."""
        qr = zxingcpp.create_barcode(slip.qr, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        svg = qr.to_svg(add_quiet_zones=True)
        size = re.search(r'<svg width="(\d+)"', svg)
        assert size is not None, "zxing-cpp's SVG has no width"
        modules = size.group(1)
        svg = svg[svg.index("<svg") :].replace(
            f'width="{modules}" height="{modules}"',
            f'viewBox="0 0 {modules} {modules}" width="40mm" height="40mm"',
            1,
        )
        e = html.escape
        page = f"""<html><head><style>{self.css}</style></head><body>
<p class="c"><b>{e(slip.co_quan_gui)}</b></p><p class="c"><b>PHIẾU GỬI</b></p>
<p class="c"><i>Mã theo dõi: {e(slip.ma_theo_doi)}</i></p>
<p>Kính gửi: <b>{e(slip.co_quan_nhan)}</b></p><p>Văn bản gửi: {e(slip.van_ban)}</p>
<p>Ngày gửi: {slip.ngay_gui:%d/%m/%Y}</p><hr>
<div class="qr">{svg}</div><p><i>{e(LOI_DE_NGHI)}</i></p>
<p>Mã xác nhận: <b>{e(slip.ma_xac_nhan)}</b></p></body></html>"""
        return bytes(HTML(string=page).write_pdf(font_config=self.fonts))


# --- report --------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    """Seconds as a millisecond string."""
    return f"{seconds * 1000:.2f}"


def kib(size: float) -> str:
    """Bytes as a KiB string."""
    return f"{size / 1024:.1f}"


def rss_mib() -> float:
    """This process's resident set size now (Linux), in MiB; 0 where /proc is missing."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def package_version(name: str) -> str:
    """The installed version of a distribution, or '?'."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def row(label: str, figures: Figures) -> str:
    """One line of the table."""
    wall = sorted(figures.wall)
    p95 = wall[min(len(wall) - 1, round(0.95 * (len(wall) - 1)))]
    cells = [
        f"{label:<34}",
        f"{len(wall):>5}",
        f"{ms(statistics.median(wall)):>9}",
        f"{ms(p95):>8}",
        f"{ms(wall[0]):>8}",
        f"{ms(statistics.median(figures.cpu)):>9}",
        f"{kib(statistics.median(figures.sizes)):>9}",
        f"{kib(min(figures.sizes))}–{kib(max(figures.sizes))}",
    ]
    return "  ".join(cells)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the report, return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slips", type=int, default=300, help="slips timed (default 300)")
    parser.add_argument(
        "--baseline-slips", type=int, default=20, help="WeasyPrint slips timed (default 20)"
    )
    args = parser.parse_args(argv)
    if args.slips < 1 or args.baseline_slips < 0:
        parser.error("--slips must be at least 1 and --baseline-slips at least 0")

    items = slips(args.slips + WARM_UP)
    start = time.perf_counter()
    renderer = PhieuGuiRenderer()
    built = time.perf_counter() - start
    start = time.perf_counter()
    renderer.ve(items[0])
    first = time.perf_counter() - start
    for item in items[1:WARM_UP]:
        renderer.ve(item)
    rss_before = rss_mib()
    ours = measure(renderer.ve, items[WARM_UP:])
    rss_after = rss_mib()

    baseline = None
    if args.baseline_slips:
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        weasy = WeasyPrintSlip()
        weasy.draw(items[0])
        baseline = measure(weasy.draw, items[WARM_UP : WARM_UP + args.baseline_slips])

    print(
        f"Slip benchmark — Python {platform.python_version()}, typst"
        f" {package_version('typst')}, zxing-cpp {package_version('zxing-cpp')}, WeasyPrint"
        f" {package_version('weasyprint')}, {os.cpu_count()} CPU(s)"
    )
    print(f"PhieuGuiRenderer(): {ms(built)} ms to build; first slip (cold): {ms(first)} ms")
    print()
    print(
        "  ".join(
            [
                f"{'approach':<34}",
                "slips",
                "median ms",
                " p95 ms",
                " min ms",
                "cpu ms",
                " size KiB",
                "size range",
            ]
        )
    )
    print(row("phiếu gửi: Typst + zxing-cpp QR", ours))
    if baseline is not None:
        print(row("baseline: WeasyPrint full render", baseline))
    print()
    print(f"Memory (RSS): {rss_before:.1f} MiB before, {rss_after:.1f} MiB after the slips")
    median = statistics.median(ours.wall)
    if baseline is not None:
        ratio = statistics.median(baseline.wall) / median
        print(f"The slip is {ratio:.0f}× faster than the WeasyPrint baseline.")
    print(
        f"{RECIPIENTS:,} recipients at the median: {median * RECIPIENTS:.1f} s of slips"
        f" (the issue's budget for issue + distribute: {BUDGET_S:.0f} s)"
    )
    verdict = "PASS" if median * 1000 <= TARGET_MS else "MISS"
    print(f"{verdict}  median per slip ≤ {TARGET_MS:.0f} ms — {ms(median)} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
