"""Render benchmark: how fast vanthu turns directive files into DOCX and PDF, next to LibreOffice.

Run from the repository root::

    .venv/bin/python benchmarks/render.py [--runs N] [--quick]

What it measures, for every ``examples/*.yaml`` (globbed at run time; a file that does not
validate or render is listed and skipped):

* In process, with one shared renderer (``Renderer``) built once and warmed up once:
  the layout (``bo_cuc``), the DOCX (python-docx build + save), the PDF split into WeasyPrint's
  ``render()`` (``dung_trang``) and ``write_pdf()`` (``in_pdf``), and the whole DOCX+PDF
  render (layout included). Each is the median of N runs (default 7); the total is the median
  of the per-run totals, so the columns need not add up exactly.
* Memory: the tracemalloc peak of one render (Python allocations only; memory that Pango,
  HarfBuzz and cairo allocate in C is not traced), and the process's max RSS at the end
  (``resource.getrusage``; subprocesses are not counted).
* The whole ``vanthu render FILE -o DIR`` command as a subprocess, interpreter start-up and
  imports included (median of 3).
* When ``soffice`` is on PATH, LibreOffice converting the DOCX vanthu wrote to PDF, with a
  fresh throw-away profile (``-env:UserInstallation=file:///tmp/...``) warmed once first:
  (a) one ``soffice --headless --convert-to pdf`` process per file (median of 3), and
  (b) every example's DOCX in ONE invocation (median of 3), reported per file (wall / files).

Targets:

1. The Ninh Thuận công điện (examples/cong-dien-ninh-thuan-vung-xanh.yaml): DOCX+PDF in
   process, median < 250 ms.
2. Every example: DOCX+PDF in process faster than LibreOffice's per-file time, even when
   LibreOffice converts all the files in one batch (its start-up shared between them).
3. Every example: the whole ``vanthu render`` command faster than one soffice conversion of
   the same DOCX.
4. The long report (``benchmarks/tai_lieu_dai.py``: a báo cáo of ten pages with footnotes,
   a table crossing pages, landscape tables and two annexes, generated beside the examples
   and measured with them): DOCX+PDF in process under 1 s, and faster than LibreOffice's
   batched conversion of the same DOCX (three copies in one soffice process, wall / copies).

Without ``soffice`` the LibreOffice columns and targets 2-3 are skipped (exit status 0).
``--quick`` measures in process only (3 runs unless ``--runs`` says otherwise) and skips every
subprocess, so targets 2-3 are skipped too. The exit status is 0 whether targets pass or miss;
it is 1 only when no example could be measured.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from vanthu.errors import VanthuError
from vanthu.reading import doc_tep
from vanthu.reading.anh import doc_anh
from vanthu.rendering import Renderer
from vanthu.schemas import VanBan
from vanthu.schemas.anh import AnhDaDoc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The LibreOffice command is the pagination tests' (tests/rendering/libreoffice.py).
from tests.rendering.libreoffice import lenh_chuyen_pdf  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import tai_lieu_dai  # noqa: E402

EXAMPLES = ROOT / "examples"
REFERENCE = "cong-dien-ninh-thuan-vung-xanh"
TARGET_MS = 250.0
#: The long report of target 4 (benchmarks/tai_lieu_dai.py) and its in-process target.
LONG = "bao-cao-dai"
LONG_TARGET_MS = 1000.0
#: Copies of the long report's DOCX that one soffice process converts for target 4.
LONG_COPIES = 3
DEFAULT_RUNS = 7
QUICK_RUNS = 3
SUBPROCESS_RUNS = 3
TIMEOUT_S = 300.0
VANTHU = Path(sys.executable).parent / "vanthu"


class BenchmarkError(Exception):
    """A subprocess failed or did not write what it should have."""


@dataclass(frozen=True)
class Example:
    """One example directive file, validated."""

    name: str
    path: Path
    van_ban: VanBan
    anh: Mapping[str, AnhDaDoc] = field(default_factory=dict)  # the images it names, read


@dataclass(frozen=True)
class Phases:
    """Seconds spent in each step of one in-process render."""

    layout: float
    docx: float
    render: float
    write: float

    @property
    def total(self) -> float:
        """The whole DOCX+PDF render, layout included."""
        return self.layout + self.docx + self.render + self.write


@dataclass(frozen=True)
class InProcess:
    """Median in-process timings (seconds), the fastest total, and memory of one example."""

    pages: int
    layout: float
    docx: float
    render: float
    write: float
    total: float
    fastest: float
    peak_bytes: int
    docx_bytes: bytes


@dataclass(frozen=True)
class Commands:
    """Subprocess timings (seconds) of one example; None when not measured."""

    vanthu: float | None
    soffice_single: float | None
    soffice_batch: float | None
    soffice_same: float | None = None  # the long report: LONG_COPIES copies in one process


# --- helpers -------------------------------------------------------------------------------


def ms(seconds: float | None) -> str:
    """Seconds as a millisecond string, or a dash when not measured."""
    return "—" if seconds is None else f"{seconds * 1000:.1f}"


def mib(size: float) -> str:
    """Bytes as a MiB string."""
    return f"{size / 2**20:.1f}"


def progress(message: str) -> None:
    """A progress note on stderr, so stdout holds only the report."""
    print(f"  … {message}", file=sys.stderr, flush=True)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def one_line(error: Exception) -> str:
    """An error message (vanthu's span lines: source, then one problem a line) on one line."""
    return "; ".join(part.strip() for part in str(error).splitlines() if part.strip())


def package_version(name: str) -> str:
    """The installed version of a distribution, or '?'."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def timed(work: Callable[[], Any]) -> float:
    """Wall-clock seconds that ``work()`` takes."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def run_command(args: Sequence[str], cwd: Path) -> None:
    """Run a command to completion; raise BenchmarkError if it fails."""
    try:
        done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise BenchmarkError(f"{args[0]} took more than {TIMEOUT_S:.0f} s") from None
    except OSError as error:
        raise BenchmarkError(f"cannot run {args[0]}: {error}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise BenchmarkError(f"{Path(args[0]).name} exited {done.returncode}: {' | '.join(detail)}")


def require_files(paths: Sequence[Path]) -> None:
    """Raise BenchmarkError unless every path exists and is not empty."""
    missing = [p.name for p in paths if not p.is_file() or p.stat().st_size == 0]
    if missing:
        raise BenchmarkError(f"not written: {', '.join(missing)}")


def clear(paths: Sequence[Path]) -> None:
    """Delete outputs left by an earlier run, so the next check means something."""
    for path in paths:
        path.unlink(missing_ok=True)


# --- in process ----------------------------------------------------------------------------


def load_examples() -> tuple[list[Example], list[str]]:
    """The example files that validate, and a note for each one that does not."""
    examples: list[Example] = []
    skipped: list[str] = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        try:
            vb = doc_tep(path)
            examples.append(Example(path.stem, path, vb, doc_anh(vb, path.parent, str(path))))
        except VanthuError as error:
            skipped.append(one_line(error))
    return examples, skipped


def render_once(renderer: Renderer, ex: Example) -> tuple[Phases, int, bytes]:
    """One full in-process render: its phase times, its page count and its DOCX."""
    t0 = time.perf_counter()
    layout = renderer.bo_cuc(ex.van_ban, anh=ex.anh)
    t1 = time.perf_counter()
    docx = renderer.docx.ghi(layout)
    t2 = time.perf_counter()
    document = renderer.pdf.dung_trang(layout)
    t3 = time.perf_counter()
    renderer.pdf.in_pdf(document)
    t4 = time.perf_counter()
    return Phases(t1 - t0, t2 - t1, t3 - t2, t4 - t3), len(document.pages), docx


def python_peak(renderer: Renderer, ex: Example) -> int:
    """Peak bytes of Python allocations during one render (tracemalloc, untimed)."""
    gc.collect()
    tracemalloc.start()
    try:
        render_once(renderer, ex)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure_in_process(renderer: Renderer, ex: Example, runs: int) -> InProcess:
    """Median phase times over ``runs`` renders, then the memory peak of one more."""
    samples: list[Phases] = []
    pages, docx = 0, b""
    for _ in range(runs):
        gc.collect()
        phases, pages, docx = render_once(renderer, ex)
        samples.append(phases)

    def median(pick: Callable[[Phases], float]) -> float:
        return statistics.median(pick(s) for s in samples)

    return InProcess(
        pages=pages,
        layout=median(lambda s: s.layout),
        docx=median(lambda s: s.docx),
        render=median(lambda s: s.render),
        write=median(lambda s: s.write),
        total=median(lambda s: s.total),
        fastest=min(s.total for s in samples),
        peak_bytes=python_peak(renderer, ex),
        docx_bytes=docx,
    )


# --- subprocesses --------------------------------------------------------------------------


def time_vanthu(example: Example, out: Path) -> float:
    """Median wall time of the whole ``vanthu render FILE -o DIR`` command."""
    written = [out / f"{example.name}.docx", out / f"{example.name}.pdf"]
    times = []
    for _ in range(SUBPROCESS_RUNS):
        clear(written)
        times.append(
            timed(
                lambda: run_command(
                    [str(VANTHU), "render", str(example.path), "-o", str(out)], ROOT
                )
            )
        )
        require_files(written)
    return statistics.median(times)


def time_soffice(soffice: str, profile: Path, out: Path, files: Sequence[Path]) -> float:
    """Median wall time of one soffice process converting ``files`` (checked) to PDF."""
    pdfs = [out / f"{f.stem}.pdf" for f in files]
    times = []
    for _ in range(SUBPROCESS_RUNS):
        clear(pdfs)
        times.append(
            timed(lambda: run_command(lenh_chuyen_pdf(soffice, profile, out, files), ROOT))
        )
        require_files(pdfs)
    return statistics.median(times)


def soffice_version(soffice: str, profile: Path) -> str:
    """LibreOffice's version line (in the throw-away profile)."""
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--version"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("LibreOffice")]
    return lines[0].strip() if lines else "LibreOffice (version unknown)"


def measure_commands(
    examples: Sequence[Example], results: dict[str, InProcess], soffice: str | None, work: Path
) -> dict[str, Commands]:
    """Subprocess timings per example: the vanthu command, and soffice when present."""
    docx_dir, out = work / "docx", work / "out"
    docx_dir.mkdir()
    out.mkdir()
    files = []
    for ex in examples:
        path = docx_dir / f"{ex.name}.docx"
        path.write_bytes(results[ex.name].docx_bytes)
        files.append(path)

    vanthu_times: dict[str, float] = {}
    for ex in examples:
        progress(f"vanthu render {ex.path.name} ×{SUBPROCESS_RUNS}")
        vanthu_times[ex.name] = time_vanthu(ex, out / "vanthu")

    single: dict[str, float] = {}
    batch: float | None = None
    if soffice is not None:
        profile = work / "lo-profile"
        progress("warming LibreOffice's fresh profile")
        run_command(lenh_chuyen_pdf(soffice, profile, out / "warm", files[:1]), ROOT)
        for ex, path in zip(examples, files, strict=True):
            progress(f"soffice {path.name} ×{SUBPROCESS_RUNS}")
            single[ex.name] = time_soffice(soffice, profile, out / "single", [path])
        progress(f"soffice, {len(files)} files in one process ×{SUBPROCESS_RUNS}")
        batch = time_soffice(soffice, profile, out / "batch", files) / len(files)

    same: float | None = None
    if soffice is not None and LONG in results:
        copies = []
        for k in range(LONG_COPIES):
            path = docx_dir / f"{LONG}-{k}.docx"
            path.write_bytes(results[LONG].docx_bytes)
            copies.append(path)
        progress(f"soffice, {LONG_COPIES} copies of {LONG} in one process ×{SUBPROCESS_RUNS}")
        same = time_soffice(soffice, profile, out / "same", copies) / LONG_COPIES
    return {
        ex.name: Commands(
            vanthu_times[ex.name],
            single.get(ex.name),
            batch,
            same if ex.name == LONG else None,
        )
        for ex in examples
    }


# --- report --------------------------------------------------------------------------------


def print_header(runs: int, soffice: str | None, lo_version: str | None, quick: bool) -> None:
    """Where and how the numbers were taken."""
    print("vanthu render benchmark")
    print(
        f"  vanthu {package_version('vanthu')}, WeasyPrint {package_version('weasyprint')}, "
        f"python-docx {package_version('python-docx')}, Python {platform.python_version()}"
    )
    print(f"  {platform.platform()}, {os.cpu_count()} CPUs")
    if quick:
        print("  LibreOffice: not measured (--quick)")
    elif soffice is None:
        print("  LibreOffice: soffice is not on PATH — LibreOffice comparisons skipped")
    else:
        print(f"  LibreOffice: {lo_version} ({soffice})")
    print(f"  in process: median of {runs} runs, one shared renderer warmed up once")
    print()


def print_in_process(examples: Sequence[Example], results: dict[str, InProcess]) -> None:
    """The in-process table: phase medians (ms) and the Python memory peak."""
    headers = [
        "document",
        "pages",
        "layout",
        "DOCX",
        "PDF render",
        "PDF write",
        "DOCX+PDF",
        "(min)",
        "py peak MiB",
    ]
    rows = []
    for ex in examples:
        r = results[ex.name]
        rows.append(
            [
                ex.name,
                str(r.pages),
                ms(r.layout),
                ms(r.docx),
                ms(r.render),
                ms(r.write),
                ms(r.total),
                ms(r.fastest),
                mib(r.peak_bytes),
            ]
        )
    print(
        "In process (ms, median; DOCX = build + save; PDF = WeasyPrint render() + write_pdf();"
        " (min) = fastest DOCX+PDF run, a hint of noise)"
    )
    print(table(headers, rows))
    print()


def print_commands(
    examples: Sequence[Example], results: dict[str, InProcess], commands: dict[str, Commands]
) -> None:
    """The subprocess table: vanthu's command next to LibreOffice's conversions (ms)."""
    headers = [
        "document",
        "vanthu in-proc",
        "vanthu render cmd",
        "soffice 1 file",
        "soffice batch/file",
    ]
    rows = []
    for ex in examples:
        c = commands[ex.name]
        rows.append(
            [
                ex.name,
                ms(results[ex.name].total),
                ms(c.vanthu),
                ms(c.soffice_single),
                ms(c.soffice_batch),
            ]
        )
    print(
        f"Subprocesses (ms, median of {SUBPROCESS_RUNS}; vanthu writes DOCX+PDF from YAML,"
        " soffice converts the DOCX to PDF;"
        f" batch = {len(examples)} file(s) in one soffice process, wall / files)"
    )
    print(table(headers, rows))
    print()


def verdict(ok: bool) -> str:
    """PASS or MISS."""
    return "PASS" if ok else "MISS"


def target_reference(results: dict[str, InProcess]) -> str:
    """Target 1: the Ninh Thuận công điện under 250 ms in process."""
    label = f"1. {REFERENCE}: DOCX+PDF in process < {TARGET_MS:.0f} ms"
    result = results.get(REFERENCE)
    if result is None:
        return f"MISS  {label} — not measured (examples/{REFERENCE}.yaml missing or failed)"
    return f"{verdict(result.total * 1000 < TARGET_MS)}  {label} — {ms(result.total)} ms"


def target_faster(
    label: str, ours: dict[str, float], theirs: dict[str, float | None], skip: str | None
) -> str:
    """A 'faster than LibreOffice on every example' target, with its worst ratio."""
    if skip:
        return f"SKIP  {label} — {skip}"
    pairs = {name: (ours[name], other) for name, other in theirs.items() if other is not None}
    if not pairs:
        return f"SKIP  {label} — nothing measured"
    worst = max(pairs, key=lambda name: pairs[name][0] / pairs[name][1])
    mine, other = pairs[worst]
    misses = [name for name, (a, b) in pairs.items() if a >= b]
    detail = (
        f"worst {worst}: {ms(mine)} vs {ms(other)} ms"
        f" (vanthu takes {mine / other:.0%} of LibreOffice's time)"
    )
    if misses:
        detail = f"slower on {', '.join(misses)}; {detail}"
    return f"{verdict(not misses)}  {label} — {detail}"


def target_long(results: dict[str, InProcess], commands: dict[str, Commands]) -> str:
    """Target 4: the long report under 1 s in process and faster than LibreOffice's batch."""
    label = (
        f"4. {LONG} (ten pages, tables, annexes): DOCX+PDF in process < {LONG_TARGET_MS:.0f} ms"
        " and faster than soffice converting its DOCX in a batch"
    )
    result = results.get(LONG)
    if result is None:
        return f"MISS  {label} — not measured"
    same = commands[LONG].soffice_same if LONG in commands else None
    detail = f"{result.pages} pages, {ms(result.total)} ms"
    ok = result.total * 1000 < LONG_TARGET_MS
    if same is not None:
        detail += f" vs soffice {ms(same)} ms a copy"
        ok = ok and result.total < same
    else:
        detail += " (soffice not measured)"
    return f"{verdict(ok)}  {label} — {detail}"


def print_targets(
    results: dict[str, InProcess], commands: dict[str, Commands], skip: str | None
) -> None:
    """The four targets with PASS, MISS or SKIP."""
    totals = {name: r.total for name, r in results.items()}
    vanthu = {name: c.vanthu for name, c in commands.items() if c.vanthu is not None}
    print("Targets")
    print(f"  {target_reference(results)}")
    print(
        "  "
        + target_faster(
            "2. DOCX+PDF in process faster than LibreOffice per file, batch mode",
            totals,
            {name: c.soffice_batch for name, c in commands.items()},
            skip,
        )
    )
    print(
        "  "
        + target_faster(
            "3. whole `vanthu render` command faster than one soffice conversion",
            vanthu,
            {name: c.soffice_single for name, c in commands.items()},
            skip,
        )
    )
    print(f"  {target_long(results, commands)}")


def print_memory(maxrss_kib: int) -> None:
    """The process's max RSS (Linux reports KiB, macOS bytes)."""
    size = maxrss_kib if sys.platform == "darwin" else maxrss_kib * 1024
    print(f"Process max RSS at the end: {mib(size)} MiB (this process only, not subprocesses)")
    print()


# --- main ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options: --runs N, --quick."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help=f"in-process runs per document (default {DEFAULT_RUNS}, {QUICK_RUNS} with --quick)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="in process only: no vanthu command, no LibreOffice"
    )
    args = parser.parse_args(argv)
    if args.runs is None:
        args.runs = QUICK_RUNS if args.quick else DEFAULT_RUNS
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def warm_up(renderer: Renderer, examples: Sequence[Example]) -> None:
    """One untimed render (the reference example first) to load fonts and templates."""
    for ex in sorted(examples, key=lambda ex: ex.name != REFERENCE):
        try:
            render_once(renderer, ex)
        except VanthuError:
            continue  # measure_all_in_process reports it
        return


def measure_all_in_process(
    examples: list[Example], runs: int, skipped: list[str]
) -> dict[str, InProcess]:
    """In-process results per example, one shared renderer; drops (and notes) failures."""
    renderer = Renderer()
    warm_up(renderer, examples)
    results: dict[str, InProcess] = {}
    for ex in list(examples):
        progress(f"in process {ex.name} ×{runs}")
        try:
            results[ex.name] = measure_in_process(renderer, ex, runs)
        except VanthuError as error:
            skipped.append(one_line(error))
            examples.remove(ex)
    return results


def measure_subprocesses(
    examples: Sequence[Example], results: dict[str, InProcess], soffice: str | None
) -> tuple[dict[str, Commands], str | None, str | None]:
    """Subprocess timings, LibreOffice's version, and why they failed (or None)."""
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-") as tmp:
        work = Path(tmp)
        lo_version = None
        try:
            if soffice is not None:
                lo_version = soffice_version(soffice, work / "lo-profile")
            return measure_commands(examples, results, soffice, work), lo_version, None
        except (BenchmarkError, subprocess.SubprocessError) as error:
            return {}, lo_version, f"subprocess measurements failed: {error}"


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the report, return the exit status."""
    args = parse_args(argv)
    soffice = None if args.quick else shutil.which("soffice")
    with tempfile.TemporaryDirectory(prefix="vanthu-long-") as folder:
        return _main(args, soffice, Path(folder))


def _main(args: argparse.Namespace, soffice: str | None, folder: Path) -> int:
    """Measure the examples and the long report (written in ``folder``), print the report."""
    examples, skipped = load_examples()
    path = tai_lieu_dai.ghi(EXAMPLES, folder)
    try:
        examples.append(Example(LONG, path, doc_tep(path)))
    except VanthuError as error:
        skipped.append(one_line(error))
    if not examples:
        print(f"No example in {EXAMPLES} could be read.", *skipped, sep="\n", file=sys.stderr)
        return 1

    results = measure_all_in_process(examples, args.runs, skipped)
    commands: dict[str, Commands] = {}
    lo_version = failure = None
    if not args.quick and examples:
        commands, lo_version, failure = measure_subprocesses(examples, results, soffice)

    print_header(args.runs, soffice, lo_version, args.quick)
    if failure:
        print(f"{failure}\n")
    for note in skipped:
        print(f"Skipped {note}")
    if skipped:
        print()
    if not examples:
        return 1
    print_in_process(examples, results)
    if commands:
        print_commands(examples, results, commands)
    print_memory(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    skip = "skipped with --quick" if args.quick else failure
    if skip is None and soffice is None:
        skip = "soffice is not on PATH"
    print_targets(results, commands, skip)
    return 0


if __name__ == "__main__":
    sys.exit(main())
