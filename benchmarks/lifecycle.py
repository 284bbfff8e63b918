"""Lifecycle benchmark: issue + distribute, acknowledgements and the status query, on SQLite and
PostgreSQL, with time and peak memory.

Run from the repository root::

    .venv/bin/python benchmarks/lifecycle.py [--backends sqlite,postgresql] [--only M,…]
                                             [--no-trace] [--profile MEASUREMENT]

For each backend it builds a temporary store — a SQLite file in a temporary folder, or a fresh
database on the PostgreSQL server ``VANTHU_BENCH_PG`` (default postgres on 127.0.0.1:5432, trust
auth), dropped at the end — holding a generated directory of 3,334 communes, and measures:

* ``phat_hanh_100`` and ``phat_hanh_3000``: issue + distribute to 100 and to 3,000 recipients.
  ``VongDoi.ban_hanh`` (number, DOCX and PDF rendered once and frozen), then
  ``PhatHanh.phat_hanh`` (the identical issued files and a slip per body, written under the
  output folder, each delivery recorded in the store). Cold, as the CLI runs them: in a fresh
  process, the first render included, the interpreter's imports not.
* ``xac_nhan``: 10,002 acknowledgements, ``TheoDoi.xac_nhan`` for the 3,334 recipients of each of
  3 issued directives, one call (one transaction) each, as ``vanthu ack`` or the slip's QR link
  makes them. Those recipients are seeded as delivered (rows written directly, no slips drawn):
  distribution is measured above.
* ``xac_nhan_4`` (shown, not judged): as many acknowledgements of other directives from 4
  processes at once, each taking every 4th body, as a web server's workers would make them; the
  time from the moment all are ready until the last is done.
* ``trang_thai``: the status query ``TheoDoi.trang_thai`` of the 3,000-recipient directive, whose
  one task is assigned to all 3,000 and is past its deadline (so the overdue column is
  computed): the first call in a fresh process, as ``vanthu status`` makes it, which also pays
  SQLAlchemy's one-time statement compilation (judged), and the median of 20 more calls in
  that process, as a dashboard would make them (shown).

Each measurement's process starts as the ``vanthu`` command does (``vanthu.cli.main``): the
objects that start-up made (imports, the opened store) are frozen out of the garbage collector
(``gc.freeze``), so a full collection of them does not land in the measured call. Without it
the first status call took 130 ms instead of about 50, 80 ms of it one collection.

Memory. Each measurement runs in its own freshly spawned process, so its max RSS
(``ru_maxrss``) is its own; it is shown with the RSS the process had just before the measured
part (imports, engine). The tracemalloc peak counts Python allocations only (Typst, WeasyPrint's
C libraries and the drivers' C buffers are not traced); because tracing slows Python down, it
comes from a second run on an identical twin (twin directives, twin recipients), and the times
from untraced runs. ``--no-trace`` skips the twins.

Named baseline, measured in the same run: the floor of distribution — per recipient, linking the
two issued files and drawing and writing the slip, with no store at all, on as many threads as
distribution draws on (``phat_hanh.LUONG_VE``). What distribution costs above it is bookkeeping
(queries, transactions, the log).

``--only`` picks measurements by name. ``--profile MEASUREMENT`` runs that measurement's timed
run under cProfile (its time is then inflated) and prints where the time goes.

Targets on a 2-core machine (issue 3): 100 recipients < 2 s, 3,000 recipients < 30 s, 10,000
acknowledgements < 5 s, status query < 100 ms. The exit status is 0 whether targets pass or miss;
it is 1 only when no backend could be measured.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gc
import io
import multiprocessing
import multiprocessing.queues
import multiprocessing.synchronize
import os
import platform
import pstats
import resource
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import psycopg
import yaml
from sqlalchemy import insert, select, update

from vanthu.delivery.ghi_tep import dat_ban_goc
from vanthu.rendering.phieu_gui import NoiDungPhieuGui, PhieuGuiRenderer
from vanthu.schemas.danh_ba import DanhBa
from vanthu.services.danh_ba import nap_danh_ba
from vanthu.services.nguoi_dung import them_nguoi_dung
from vanthu.services.phat_hanh import LUONG_VE
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import NoiNhanVanBan, VanBanRow
from vanthu.workflow import SuKienVanBan, TrangThaiNoiNhan, TrangThaiVanBan, VaiTro

ROOT = Path(__file__).resolve().parent.parent
NINH_THUAN = ROOT / "examples" / "cong-dien-ninh-thuan-vung-xanh.yaml"
PG_ADMIN = os.environ.get("VANTHU_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = ("sqlite", "postgresql")

#: The clock of each step (Vietnam time): issued and sent one morning, acknowledged that
#: afternoon, the status asked for after the task's deadline.
LUC_CHUAN_BI = "2021-09-12T09:00:00+07:00"
LUC_BAN_HANH = "2021-09-13T08:30:00+07:00"
LUC_XAC_NHAN = "2021-09-13T15:00:00+07:00"
LUC_TRANG_THAI = "2021-10-06T09:00:00+07:00"
HAN_NHIEM_VU = "2021-09-30"

CAP = (100, 3000)  # recipients of the issue + distribute measurements
XAC_NHAN_CO_QUAN = 3334
XAC_NHAN_VAN_BAN = 3
SONG_SONG = 4  # processes acknowledging at once in ``xac_nhan_4``
TRANG_THAI_LAP = 20
SAN_NGUOI_NHAN = 600  # recipients timed for the baseline

#: Every measurement, in order, with the issue's target (None: shown, not judged).
TARGETS_S: dict[str, float | None] = {
    "phat_hanh_100": 2.0,
    "phat_hanh_3000": 30.0,
    "xac_nhan": 5.0,
    "xac_nhan_4": None,
    "trang_thai": 0.1,
}
MEASUREMENTS = tuple(TARGETS_S)
NHAN = {
    "phat_hanh_100": "issue + distribute, 100 recipients",
    "phat_hanh_3000": "issue + distribute, 3,000 recipients",
    "xac_nhan": f"{XAC_NHAN_CO_QUAN * XAC_NHAN_VAN_BAN:,} acknowledgements",
    "xac_nhan_4": f"the same, {SONG_SONG} processes at once",
    "trang_thai": "status query, 3,000 recipients",
}


# --- what a measuring process reports -------------------------------------------------------


@dataclass(frozen=True)
class Do:
    """One measurement, from its own process."""

    seconds: float  # the figure judged against the target
    detail: str
    rss_start_mib: float | None
    rss_max_mib: float
    traced_peak_mib: float | None = None
    profile: str | None = None


def _rss_now_mib() -> float:
    """The resident set size of this process now (Linux), in MiB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _rss_max_mib() -> float:
    """The largest resident set size this process has had, in MiB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ung_dung(db: str, thu_muc: str, luc: str) -> BoDichVu:
    moment = dt.datetime.fromisoformat(luc)
    return BoDichVu(db=db, thu_muc=Path(thu_muc), clock=lambda: moment)


def _phat_hanh(app: BoDichVu, key: str) -> str:
    start = time.perf_counter()
    issued = app.vong_doi.ban_hanh("vt", key)
    middle = time.perf_counter()
    result = app.phat_hanh.phat_hanh("vt", key)
    end = time.perf_counter()
    if not result.xong or result.gui_moi != result.tong:
        raise RuntimeError(f"{issued.so_ky_hieu}: distribution did not finish: {result}")
    per = (end - middle) / result.tong * 1000
    return (
        f"issue {middle - start:.2f} s + distribute {end - middle:.2f} s ({per:.1f} ms/recipient)"
    )


def _xac_nhan(app: BoDichVu, work: Sequence[tuple[str, Sequence[str]]]) -> str:
    count = 0
    start = time.perf_counter()
    for so_ky_hieu, codes in work:
        for code in codes:
            if app.theo_doi.xac_nhan("vt", so_ky_hieu, code).da_co:
                raise RuntimeError(f"{so_ky_hieu} {code} was acknowledged before")
            count += 1
    per = (time.perf_counter() - start) / count * 1000
    return f"{count:,} acknowledgements ({per:.2f} ms each)"


def _do(measurement: str, db: str, thu_muc: str, args: Any, trace: bool, profile: bool) -> Do:
    """In a fresh process: run one measurement and report its time and memory."""
    for name in [n for n in os.environ if n.startswith("VANTHU_SMTP")]:
        del os.environ[name]  # the file-system channel only: no mail to made-up addresses
    luc = {"xac_nhan": LUC_XAC_NHAN, "trang_thai": LUC_TRANG_THAI}.get(measurement, LUC_BAN_HANH)
    app = _ung_dung(db, thu_muc, luc)
    gc.freeze()  # as the vanthu command starts: see the module's docstring
    rss_start = _rss_now_mib()
    profiler = cProfile.Profile() if profile else None
    if trace:
        tracemalloc.start()
    if profiler:
        profiler.enable()
    start = time.perf_counter()
    if measurement.startswith("phat_hanh"):
        detail = _phat_hanh(app, args)
        seconds = time.perf_counter() - start
    elif measurement == "xac_nhan":
        detail = _xac_nhan(app, args)
        seconds = time.perf_counter() - start
    else:
        rows = len(app.theo_doi.trang_thai(args).dong)
        seconds = time.perf_counter() - start
        if rows != CAP[-1]:
            raise RuntimeError(f"the status table has {rows} rows, not {CAP[-1]}")
        again = []
        for _ in range(TRANG_THAI_LAP):
            begin = time.perf_counter()
            app.theo_doi.trang_thai(args)
            again.append(time.perf_counter() - begin)
        warm = statistics.median(again)
        detail = (
            f"{rows:,} rows; first call in a fresh process {seconds * 1000:.0f} ms (judged), "
            f"median of {TRANG_THAI_LAP} more calls {warm * 1000:.0f} ms"
        )
    if profiler:
        profiler.disable()
    peak = None
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    app.close()
    return Do(seconds, detail, rss_start, _rss_max_mib(), peak, _profil(profiler))


def _xac_nhan_phan(
    db: str,
    thu_muc: str,
    work: Sequence[tuple[str, Sequence[str]]],
    barrier: multiprocessing.synchronize.Barrier,
    out: multiprocessing.queues.SimpleQueue[tuple[float, float, float, float]],
) -> None:
    """A spawned worker: acknowledge its share once every worker is ready; report its clock."""
    app = _ung_dung(db, thu_muc, LUC_XAC_NHAN)
    gc.freeze()  # as the vanthu command starts
    rss_start = _rss_now_mib()
    barrier.wait(timeout=600)
    start = time.monotonic()
    _xac_nhan(app, work)
    out.put((start, time.monotonic(), rss_start, _rss_max_mib()))
    app.close()


def _song_song(db: str, thu_muc: str, work: Sequence[tuple[str, Sequence[str]]]) -> Do:
    """Acknowledgements from ``SONG_SONG`` processes at once, as a web server's workers would
    make them: each takes every ``SONG_SONG``-th body of each directive."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(SONG_SONG)
    out: multiprocessing.queues.SimpleQueue[tuple[float, float, float, float]]
    out = ctx.SimpleQueue()
    workers = [
        ctx.Process(
            target=_xac_nhan_phan,
            args=(db, thu_muc, [(so, codes[w::SONG_SONG]) for so, codes in work], barrier, out),
        )
        for w in range(SONG_SONG)
    ]
    for worker in workers:
        worker.start()
    clocks = [out.get() for _ in workers]
    for worker in workers:
        worker.join()
    if any(worker.exitcode for worker in workers):
        raise RuntimeError("an acknowledging process failed")
    seconds = max(c[1] for c in clocks) - min(c[0] for c in clocks)
    count = sum(len(codes) for _, codes in work)
    return Do(
        seconds,
        f"{count:,} acknowledgements, {count / seconds:,.0f} per second (RSS per process)",
        max(c[2] for c in clocks),
        max(c[3] for c in clocks),
    )


def _san(pdf: str, docx: str, thu_muc: str, count: int) -> Do:
    """In a fresh process: the floor of distribution, per recipient, with no store."""
    originals = [Path(docx), Path(pdf)]
    local = threading.local()

    ready = threading.Barrier(LUONG_VE)

    def build(i: int) -> None:
        """Give this thread its renderer, warmed by one slip, once every thread is here (so
        each builds one): distribution pays that once per run, not per recipient."""
        ready.wait()
        local.renderer = PhieuGuiRenderer()
        one(count + i)

    def one(i: int) -> None:
        renderer: PhieuGuiRenderer = local.renderer
        target = Path(thu_muc) / f"XA_{i:05d}"
        target.mkdir(parents=True, exist_ok=True)
        for original in originals:
            dat_ban_goc(original, target / original.name)
        token = secrets.token_hex(12)
        slip = renderer.ve(
            NoiDungPhieuGui(
                co_quan_gui="ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
                co_quan_nhan=_ten_xa(i),
                van_ban="Công điện số 01/CĐ-UBND ngày 13/09/2021 về việc đẩy mạnh phong trào thi"
                " đua bảo vệ “vùng xanh” trong phòng, chống dịch COVID-19 trên địa bàn tỉnh",
                ma_theo_doi=f"VB1-XA_{i:05d}",
                ngay_gui=dt.date(2021, 9, 13),
                ma_xac_nhan=token,
                qr=f"https://vanthu.ninhthuan.gov.vn/nhan/VB1-XA_{i:05d}/{token}",
            )
        )
        (target / "phieu-gui.pdf").write_bytes(slip)

    rss_start = _rss_now_mib()
    with ThreadPoolExecutor(LUONG_VE) as pool:
        for built in [pool.submit(build, i) for i in range(LUONG_VE)]:
            built.result()  # every thread's renderer built before the clock starts
        start = time.perf_counter()
        list(pool.map(one, range(count)))
        seconds = (time.perf_counter() - start) / count
    detail = (
        f"{count} recipients on {LUONG_VE} threads, as distribution draws:"
        " link 2 files + draw and write the slip, no store"
    )
    return Do(seconds, detail, rss_start, _rss_max_mib())


def _profil(profiler: cProfile.Profile | None) -> str | None:
    """The top of a profile, by cumulative and by own time."""
    if profiler is None:
        return None
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)
    return out.getvalue()


def _in_new_process(fn: Callable[..., Do], *args: Any) -> Do:
    """Run ``fn`` in a freshly spawned process (its own imports, caches and max RSS)."""
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        return pool.submit(fn, *args).result()


# --- the store ------------------------------------------------------------------------------


def _ten_xa(i: int) -> str:
    return f"Ủy ban nhân dân xã Phước Hữu {i + 1}, huyện Ninh Phước, tỉnh Ninh Thuận"


def _danh_ba(count: int) -> DanhBa:
    """``count`` communes; the first 100, the first 3,000 and all are a group each."""
    return DanhBa.model_validate(
        {
            "co_quan": [
                {
                    "ma": f"XA_{i:05d}",
                    "ten": _ten_xa(i),
                    "ten_ngan": f"UBND xã Phước Hữu {i + 1}",
                    "email": f"xa{i:05d}@ninhthuan.gov.vn",
                    "nhom": [f"xa_{n}" for n in (*CAP, count) if i < n],
                }
                for i in range(count)
            ]
        }
    )


def _cong_dien(recipients: int, task: bool) -> dict[str, Any]:
    """The Ninh Thuận công điện as a draft to the first ``recipients`` communes."""
    data: dict[str, Any] = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    for key in ("so", "ngay", "nhiem_vu"):
        data.pop(key, None)
    data["nam"] = 2021
    group = f"xa_{recipients}"
    data["noi_nhan"] = [
        {"ten": "UBND các xã, phường, thị trấn", "nhom": [group]},
        {"ten": "VPUB: LĐ, các Phòng ban", "noi_bo": True},
    ]
    if task:
        data["nhiem_vu"] = [
            {
                "doan": 3,
                "nhom": [group],
                "han": HAN_NHIEM_VU,
                "mo_ta": "Xây dựng kế hoạch bảo vệ “vùng xanh”, sơ kết và báo cáo",
            }
        ]
    return data


def _duyet(app: BoDichVu, data: dict[str, Any]) -> str:
    """A draft carried to approved; its id."""
    key = str(app.vong_doi.soan_thao("cv", data, "benchmark").van_ban_id)
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.duyet)
    return key


def _da_gui(app: BoDichVu, key: str, codes: Sequence[str]) -> str:
    """Issue a directive and record ``codes`` as delivered recipients directly; its number."""
    issued = app.vong_doi.ban_hanh("vt", key)
    assert issued.so_ky_hieu is not None
    sent = dt.datetime.fromisoformat(LUC_BAN_HANH).astimezone(dt.UTC)
    with app.store.transaction() as s:
        s.execute(
            insert(NoiNhanVanBan),
            [
                {
                    "van_ban_id": int(key),
                    "ma_co_quan": code,
                    "dong": 0,
                    "trang_thai": TrangThaiNoiNhan.da_gui.value,
                    "ma_theo_doi": f"VB{key}-{code}",
                    "ma_xac_nhan": secrets.token_hex(12),
                    "gui_luc": sent,
                    "tre": False,
                }
                for code in codes
            ],
        )
        s.execute(
            update(VanBanRow)
            .where(VanBanRow.id == int(key))
            .values(trang_thai=TrangThaiVanBan.da_phat_hanh.value)
        )
    return issued.so_ky_hieu


@contextlib.contextmanager
def _scratch_store(backend: str, folder: Path) -> Iterator[str]:
    """A fresh, empty store of ``backend``; its URL or path (a PostgreSQL database is dropped)."""
    if backend == "sqlite":
        yield str(folder / "vanthu.db")
        return
    name = f"vanthu_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class KetQua:
    """A backend's measurements: timed, and traced on the twin (when tracing)."""

    backend: str
    setup_s: float
    timed: dict[str, Do]
    traced: dict[str, Do]
    baseline: Do | None = None


@dataclass(frozen=True)
class TuyChon:
    """What to measure, and how."""

    only: tuple[str, ...] = MEASUREMENTS
    trace: bool = True
    profile: str | None = None


def do_backend(backend: str, options: TuyChon, baseline: bool) -> KetQua:
    """Build a store of ``backend``, measure on it, and clean it up (files and database)."""
    folder = Path(tempfile.mkdtemp(prefix=f"vanthu-bench-{backend}-"))
    try:
        with _scratch_store(backend, folder) as db:
            return _do_tren_store(backend, db, folder, options, baseline)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _do_tren_store(backend: str, db: str, folder: Path, options: TuyChon, baseline: bool) -> KetQua:
    output = folder / "output"
    start = time.perf_counter()
    app = _ung_dung(db, str(output), LUC_CHUAN_BI)
    them_nguoi_dung(app.store, "vt", "Nguyễn Thị Văn", VaiTro.van_thu, nguoi_thuc_hien=None)
    nap_danh_ba(app.store, _danh_ba(XAC_NHAN_CO_QUAN), "vt")
    them_nguoi_dung(app.store, "cv", "Đặng Ngọc Đức", VaiTro.chuyen_vien, nguoi_thuc_hien="vt")
    them_nguoi_dung(app.store, "ld", "Trần Quốc Nam", VaiTro.lanh_dao, nguoi_thuc_hien="vt")
    runs = (False, True) if options.trace else (False,)
    keys = {(n, t): _duyet(app, _cong_dien(n, task=True)) for n in CAP for t in runs}
    codes = [f"XA_{i:05d}" for i in range(XAC_NHAN_CO_QUAN)]
    ack_work: dict[str, list[tuple[str, Sequence[str]]]] = {}
    lots = ["xac_nhan", "xac_nhan_traced"] if options.trace else ["xac_nhan"]
    for lot in [*lots, "xac_nhan_4"]:
        ack_work[lot] = [
            (_da_gui(app, _duyet(app, _cong_dien(XAC_NHAN_CO_QUAN, task=False)), codes), codes)
            for _ in range(XAC_NHAN_VAN_BAN)
        ]
    with app.store.transaction() as s:
        first = s.scalars(select(VanBanRow).where(VanBanRow.so == 1)).first()
        assert first is not None
        originals = (first.pdf_duong_dan or "", first.docx_duong_dan or "")
    app.close()
    setup = time.perf_counter() - start
    _note(f"{backend}: store ready in {setup:.1f} s")

    result = KetQua(backend, setup, {}, {})
    if baseline:
        _note("baseline: files and slips with no store")
        result.baseline = _in_new_process(_san, *originals, str(folder / "san"), SAN_NGUOI_NHAN)
    # The status query reads the 3,000-recipient directive: it must have been distributed.
    needed = set(options.only) | ({"phat_hanh_3000"} if "trang_thai" in options.only else set())
    for t in runs:
        into = result.traced if t else result.timed
        for name in [m for m in MEASUREMENTS if m in needed]:
            if name == "xac_nhan_4":
                if not t:
                    _note(f"{backend}: {name}")
                    into[name] = _song_song(db, str(output), ack_work[name])
                continue
            if t and name not in options.only:
                continue
            arg: Any = {
                "phat_hanh_100": keys[(CAP[0], t)],
                "phat_hanh_3000": keys[(CAP[-1], t)],
                "xac_nhan": ack_work["xac_nhan_traced" if t else "xac_nhan"],
                "trang_thai": keys[(CAP[-1], False)],  # read-only: the same directive, traced
            }[name]
            _note(f"{backend}: {name}{' (traced)' if t else ''}")
            flag = options.profile == name and not t
            into[name] = _in_new_process(_do, name, db, str(output), arg, t, flag)
        for name in set(into) - set(options.only):
            del into[name]
    return result


# --- report ---------------------------------------------------------------------------------


def _note(message: str) -> None:
    sys.stdout.flush()
    print(f"  … {message}", file=sys.stderr, flush=True)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def _pg_version() -> str | None:
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as admin:
            row = admin.execute("SHOW server_version").fetchone()
    except psycopg.OperationalError:
        return None
    return str(row[0]) if row else "?"


def _thoi_gian(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _muc_tieu(seconds: float) -> str:
    return f"< {seconds * 1000:g} ms" if seconds < 1 else f"< {seconds:g} s"


def _dong(label: str, timed: Do, traced: Do | None, target: str, verdict: str) -> str:
    peak = traced.traced_peak_mib if traced and traced.traced_peak_mib is not None else None
    start = "—" if timed.rss_start_mib is None else f"{timed.rss_start_mib:.0f}"
    return (
        f"  {label:<38} {_thoi_gian(timed.seconds):>9}  {start:>5} → {timed.rss_max_mib:>4.0f}"
        f"  {'—' if peak is None else f'{peak:.1f}':>8}  {target:>8}  {verdict}\n"
        f"  {'':<38} {timed.detail}"
    )


def in_bao_cao(results: Sequence[KetQua]) -> list[str]:
    """Print every backend's table; return the PASS/MISS lines."""
    verdicts = []
    for r in results:
        print(f"{r.backend} (store built in {r.setup_s:.1f} s, not timed)")
        print(
            f"  {'measurement':<38} {'time':>9}  {'RSS MiB':>12}  {'traced':>8}  {'target':>8}"
            "  verdict"
        )
        for name in [m for m in MEASUREMENTS if m in r.timed]:
            timed = r.timed[name]
            target = TARGETS_S[name]
            if target is None:
                print(_dong(NHAN[name], timed, r.traced.get(name), "—", "(not judged)"))
                continue
            verdict = "PASS" if timed.seconds < target else "MISS"
            print(_dong(NHAN[name], timed, r.traced.get(name), _muc_tieu(target), verdict))
            verdicts.append(
                f"{verdict}  {r.backend:<10} {NHAN[name]:<38} {_thoi_gian(timed.seconds):>9}"
                f" (target {_muc_tieu(target)})"
            )
        distribute = r.timed.get("phat_hanh_3000")
        if r.baseline is not None and distribute is not None:
            floor = r.baseline.seconds * 1000
            print(
                f"  baseline (no store): {floor:.1f} ms/recipient — {r.baseline.detail}; "
                f"×3,000 = {floor * 3:.1f} s"
            )
            print(f"  (3,000-recipient run: {distribute.detail})")
        print()
    return verdicts


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the report, return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--backends",
        default=",".join(BACKENDS),
        help="comma-separated: sqlite, postgresql (default both)",
    )
    parser.add_argument(
        "--only",
        default=",".join(MEASUREMENTS),
        help=f"comma-separated measurements (default all: {', '.join(MEASUREMENTS)})",
    )
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc twins")
    parser.add_argument(
        "--profile", choices=MEASUREMENTS, default=None, help="cProfile this measurement"
    )
    args = parser.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    only = tuple(m.strip() for m in args.only.split(",") if m.strip())
    unknown = (set(backends) - set(BACKENDS)) | (set(only) - set(MEASUREMENTS))
    if unknown:
        parser.error(f"unknown backend(s) or measurement(s): {', '.join(sorted(unknown))}")
    options = TuyChon(only, not args.no_trace, args.profile)

    pg = _pg_version() if "postgresql" in backends else None
    pg_shown = pg or ("not reachable" if "postgresql" in backends else "not measured")
    import sqlite3

    print(
        f"vanthu lifecycle benchmark — Python {platform.python_version()}, SQLAlchemy"
        f" {_version('SQLAlchemy')}, psycopg {_version('psycopg')}, SQLite"
        f" {sqlite3.sqlite_version}, PostgreSQL {pg_shown};"
        f" {platform.platform()}, {os.cpu_count()} CPUs"
    )
    print(
        "  each measurement in a fresh process; time untraced; RSS of that process; traced ="
        " tracemalloc peak (MiB) on an identical twin"
    )
    print()
    results: list[KetQua] = []
    for backend in backends:
        if backend == "postgresql" and pg is None:
            print(f"postgresql: {PG_ADMIN} is not reachable — skipped\n")
            continue
        baseline = not results and "phat_hanh_3000" in only
        results.append(do_backend(backend, options, baseline))
    if not results:
        return 1
    verdicts = in_bao_cao(results)
    print("Targets")
    for line in verdicts:
        print(f"  {line}")
    if args.profile:
        for r in results:
            timed = r.timed.get(args.profile)
            profile = timed.profile if timed else None
            if profile:
                print(f"\ncProfile of {args.profile} on {r.backend} (its time is inflated):")
                print(profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
