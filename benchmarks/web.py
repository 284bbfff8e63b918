"""Web desk benchmark: the served desk driven over loopback by ``wrk`` from another process, on
SQLite and PostgreSQL; prints p50 / p99 latencies, throughput and the server's CPU per request.

Run from the repository root (``make benchmark-web`` installs ``wrk`` first)::

    .venv/bin/python benchmarks/web.py [--backends sqlite,postgresql] [--connections 1,4,16]
                                       [--seconds 20]

For each backend it builds a store (as ``benchmarks/lifecycle.py`` does: a generated directory of
3,334 communes, a directive to 3,000 of them issued with its recipients recorded as delivered —
with the "gửi" line in the log for each, as a distribution writes it — whose one task, assigned to
all 3,000, is past its deadline; and the Ninh Thuận công điện as a draft). On PostgreSQL the
tables are then analysed, as autovacuum does within a minute of a distribution. It starts
``vanthu serve`` on a free port in its own process (SQLite: one process; PostgreSQL:
``--workers 2``) and drives it with ``wrk`` (a C client: one thread, ``C`` keep-alive
connections, each sending its next request as soon as the last is answered), so that the client
takes as little as possible of the two cores the server needs:

* ``theo_doi``: the văn thư's tracking page of the 3,000-recipient directive, signed in
  (target: p99 under 200 ms), then ``theo_doi_bang``: the table fragment the page polls every
  3 s (the same target).
* ``xac_nhan``: acknowledgements through each body's own link, one POST each as a phone opening
  the slip's QR code and pressing *Xác nhận đã nhận* sends it (target: at least 500 per second).
  The 3,000 links are shared out between the connection counts, every body acknowledging once.
  Afterwards the store must hold exactly one receipt and one log line per link used, and the
  tracking page must count them: nothing is skipped or cached.
* ``theo_doi_sau``: the tracking page again, now with the acknowledgements on the page and in
  its timeline.
* ``xem_truoc``: the leader's preview of the Ninh Thuận draft, drawn by the issuing renderer
  (target: under 1 s), one connection.

Each measurement runs at each ``--connections`` count and is bounded by a count of requests and
by ``--seconds``. The targets are judged at 4 connections: four people each reloading the page
(or acknowledging) without pause is far more than an office makes — twenty văn thư and lãnh đạo
watching one directive's page poll it about 7 times a second, and a phone's acknowledgement is a
person pressing a button — while more connections than that only queue behind the two cores.
The figures at 1 connection (the latency of one request alone) and at 16 (a burst) are printed
beside them. The figures depend on the machine and on what else it runs: the server's CPU per
request (all its processes, from ``/proc``) is the figure least moved by a busy neighbour. The
targets are judged, not asserted (speed belongs in benchmarks, not in unit tests).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx2
from sqlalchemy import func, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lifecycle as lc

from vanthu.services.danh_ba import nap_danh_ba
from vanthu.services.login import DangNhap
from vanthu.services.nguoi_dung import them_nguoi_dung
from vanthu.storage.bang import NhatKy, NoiNhanVanBan
from vanthu.storage.van_ban import dong_nhat_ky, ghi_dong_nhat_ky
from vanthu.workflow import TrangThaiNoiNhan, VaiTro

VANTHU = Path(sys.executable).parent / "vanthu"
WRK_SCRIPT = Path(__file__).resolve().parent / "web.lua"
MAT_KHAU = "mat-khau-benchmark"
#: Recipients of the tracked directive.
NGUOI_NHAN = 3000
#: Most requests per measurement and connection count (each is also bounded by --seconds).
TOI_DA = {"theo_doi": 300, "theo_doi_bang": 300, "theo_doi_sau": 300, "xem_truoc": 10}
#: The connection count the targets are judged at (see the module docstring).
KET_NOI_CHAM = 4
TARGETS = {
    "theo_doi": "p99 < 200 ms",
    "theo_doi_bang": "p99 < 200 ms",
    "theo_doi_sau": "p99 < 200 ms",
    "xac_nhan": "≥ 500 /s",
    "xem_truoc": "p50 < 1 s",
}
#: The sign-in form's own CSRF token (the page also has the sign-out form's once signed in).
SIGN_IN_CSRF = r'action="/dang-nhap">\s*<input type="hidden" name="csrf" value="([^"]+)"'


@dataclass
class Store:
    """What the set-up left for the measurements."""

    theo_doi: str  # the tracked directive's id
    du_thao: str  # the draft previewed
    links: list[str]  # every recipient's acknowledgement path


def chuan_bi(db: str, output: Path) -> Store:
    """The store: users with passwords, the directory, a distributed directive, a draft."""
    app = lc._ung_dung(db, str(output), lc.LUC_TRANG_THAI)
    them_nguoi_dung(app.store, "vt", "Nguyễn Thị Văn", VaiTro.van_thu, nguoi_thuc_hien=None)
    nap_danh_ba(app.store, lc._danh_ba(lc.XAC_NHAN_CO_QUAN), "vt")
    them_nguoi_dung(app.store, "cv", "Đặng Ngọc Đức", VaiTro.chuyen_vien, nguoi_thuc_hien="vt")
    them_nguoi_dung(app.store, "ld", "Trần Quốc Nam", VaiTro.lanh_dao, nguoi_thuc_hien="vt")
    login = DangNhap(app.store, app.clock)
    for user in ("vt", "ld"):
        login.dat_mat_khau("vt", user, MAT_KHAU)
    key = lc._duyet(app, lc._cong_dien(NGUOI_NHAN, task=True))
    codes = [f"XA_{i:05d}" for i in range(NGUOI_NHAN)]
    lc._da_gui(app, key, codes)
    sent = dt.datetime.fromisoformat(lc.LUC_BAN_HANH)
    with app.store.transaction() as s:
        # The log a distribution writes: one "gửi" line per body.
        lines = [
            dong_nhat_ky(
                int(key),
                f"noi_nhan:{key}:{code}",
                "gui",
                "vt",
                sent,
                tu=TrangThaiNoiNhan.cho_gui.value,
                den=TrangThaiNoiNhan.da_gui.value,
                kenh="tep",
            )
            for code in codes
        ]
        ghi_dong_nhat_ky(s, *lines)
    draft = str(app.vong_doi.soan_thao("cv", lc._cong_dien(100, task=False), "bench").van_ban_id)
    with app.store.transaction() as s:
        rows = s.execute(
            select(NoiNhanVanBan.ma_theo_doi, NoiNhanVanBan.ma_xac_nhan)
            .where(NoiNhanVanBan.van_ban_id == int(key))
            .order_by(NoiNhanVanBan.id)
        ).all()
    if app.store.dialect == "postgresql":
        with app.store.autocommit.connect() as conn:
            conn.execute(text("ANALYZE"))
    app.close()
    return Store(key, draft, [f"/nhan/{m}/{x}/xac-nhan" for m, x in rows])


def da_ghi(db: str, van_ban_id: str) -> tuple[int, int]:
    """Receipts recorded on the directive, and acknowledgement lines in its log."""
    app = lc._ung_dung(db, tempfile.gettempdir(), lc.LUC_TRANG_THAI)
    try:
        with app.store.transaction() as s:
            nn, log = NoiNhanVanBan, NhatKy
            received = s.scalar(
                select(func.count()).where(
                    nn.van_ban_id == int(van_ban_id), nn.nhan_luc.is_not(None)
                )
            )
            logged = s.scalar(
                select(func.count()).where(
                    log.van_ban_id == int(van_ban_id), log.su_kien == "xac_nhan"
                )
            )
        return int(received or 0), int(logged or 0)
    finally:
        app.close()


class MayChu:
    """``vanthu serve`` in its own process on a free loopback port."""

    def __init__(self, db: str, output: Path, workers: int) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "VANTHU_NOW": lc.LUC_TRANG_THAI}
        command = [str(VANTHU), "--db", db, "--output-root", str(output), "serve"]
        command += ["--port", str(self.port), "--workers", str(workers), "--base-url", self.url]
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )

    def __enter__(self) -> MayChu:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"vanthu serve stopped: {self.process.communicate()[1]}")
            try:
                httpx2.get(self.url + "/dang-nhap", timeout=1)
                return self
            except httpx2.TransportError:
                time.sleep(0.1)
        raise RuntimeError("vanthu serve did not start in 60 s")

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        self.process.communicate(timeout=20)

    def cpu_giay(self) -> float:
        """CPU seconds used so far by the server and its worker processes (Linux ``/proc``)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total, todo = 0.0, [self.process.pid]
        while todo:
            pid = todo.pop()
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
                for task in Path(f"/proc/{pid}/task").iterdir():
                    todo += [int(c) for c in (task / "children").read_text().split()]
            except FileNotFoundError:
                continue
        return total

    def nghi(self, timeout: float = 30) -> None:
        """Wait until the server has finished what the client abandoned (its CPU stands still)."""
        deadline = time.monotonic() + timeout
        last = self.cpu_giay()
        while time.monotonic() < deadline:
            time.sleep(0.3)
            now = self.cpu_giay()
            if now - last < 0.01:
                return
            last = now


def dang_nhap(url: str, ten: str) -> str:
    """A signed-in session's Cookie header."""
    with httpx2.Client(base_url=url, follow_redirects=False, timeout=30) as client:
        token = re.search(SIGN_IN_CSRF, client.get("/dang-nhap").text)
        assert token, "no sign-in form"
        response = client.post(
            "/dang-nhap", data={"ten": ten, "mat_khau": MAT_KHAU, "csrf": token.group(1)}
        )
        assert response.status_code == 303, response.text[:300]
        return "; ".join(f"{k}={v}" for k, v in client.cookies.items())


@dataclass
class KetQua:
    """One measurement's figures."""

    name: str
    connections: int
    count: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms: float  # the server's CPU per request

    def line(self) -> str:
        rate = self.count / self.seconds if self.seconds else 0
        judged = (
            "   (target " + TARGETS[self.name] + ")" if self.connections == KET_NOI_CHAM else ""
        )
        return (
            f"  {self.name:<13} c={self.connections:<3} {self.count:>5} requests in "
            f"{self.seconds:6.2f} s  p50 {self.p50_ms:8.1f} ms  p99 {self.p99_ms:8.1f} ms  "
            f"{rate:8.1f} /s  errors {self.errors}  server CPU {self.cpu_ms:5.2f} ms/request"
            + judged
        )


def wrk(
    server: MayChu,
    name: str,
    method: str,
    paths: list[str],
    limit: int,
    connections: int,
    seconds: float,
    headers: dict[str, str],
) -> KetQua:
    """``limit`` requests (cycling through ``paths``) over ``connections`` connections, stopping
    at ``seconds``; the server's figures."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", prefix="vanthu-wrk-") as listing:
        listing.write("\n".join(paths) + "\n")
        listing.flush()
        command = [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "60s",
            "-s",
            str(WRK_SCRIPT),
        ]
        for key, value in headers.items():
            command += ["-H", f"{key}: {value}"]
        command += [server.url, "--", method, listing.name, str(limit)]
        cpu = server.cpu_giay()
        output, elapsed = _chay_wrk(command)
        server.nghi()
        cpu = server.cpu_giay() - cpu
    found = re.search(r"^VANTHU_WRK (.*)$", output, re.M)
    if not found:
        raise RuntimeError(f"wrk failed: {output}")
    f = {k: int(v) for k, v in (pair.split("=") for pair in found.group(1).split())}
    count = f["requests"]
    return KetQua(
        name,
        connections,
        count,
        (elapsed if elapsed is not None else f["duration_us"]) / 1e6,
        f["p50_us"] / 1000,
        f["p99_us"] / 1000,
        f["status_errors"] + f["socket_errors"],
        cpu / max(count, 1) * 1000,
    )


def _chay_wrk(command: list[str]) -> tuple[str, int | None]:
    """Run wrk; once the script says it has sent its last request, interrupt wrk (which would
    wait out ``-d``). Its output, and the microseconds from the first request to the last
    response (None: stopped by ``-d``, which wrk's own duration then measures)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    lines, elapsed = [], None
    for line in process.stdout:
        lines.append(line)
        if line.startswith("VANTHU_FIN"):
            elapsed = int(line.split("elapsed_us=")[1])
            process.send_signal(signal.SIGINT)
    if process.wait(timeout=60) != 0:
        raise RuntimeError(f"wrk failed: {''.join(lines)}")
    return "".join(lines), elapsed


def do_backend(backend: str, connections: list[int], seconds: float) -> None:
    """Every measurement on one backend."""
    with tempfile.TemporaryDirectory(prefix="vanthu-web-bench-") as tmp:
        folder = Path(tmp)
        with lc._scratch_store(backend, folder) as db:
            start = time.perf_counter()
            store = chuan_bi(db, folder / "output")
            print(f"{backend}: store ready in {time.perf_counter() - start:.1f} s", flush=True)
            workers = 2 if backend == "postgresql" else 1
            with MayChu(db, folder / "output", workers) as server:
                results = do_server(server, store, connections, seconds)
                received, logged = da_ghi(db, store.theo_doi)
                page = httpx2.get(
                    f"{server.url}/van-ban/{store.theo_doi}/theo-doi/bang",
                    headers={"Cookie": dang_nhap(server.url, "vt")},
                ).text
            shown = re.search(r"đã nhận (\d+)", page)
            acked = sum(r.count for r in results if r.name == "xac_nhan")
            on_page = int(shown.group(1)) if shown else -1
            whole = received == logged == on_page and received >= acked
            print(
                f"{backend} ({workers} server process{'es' if workers > 1 else ''}): "
                f"{received} receipts and {logged} log lines recorded, {on_page} shown on the "
                f"page, {acked} acknowledgements answered: "
                + ("consistent" if whole else "INCONSISTENT")
            )
            for result in results:
                print(result.line())


def do_server(server: MayChu, store: Store, connections: list[int], seconds: float) -> list[KetQua]:
    """The measurements against one running server, at each connection count."""
    vt = {"Cookie": dang_nhap(server.url, "vt")}
    ld = {"Cookie": dang_nhap(server.url, "ld")}
    page = f"/van-ban/{store.theo_doi}/theo-doi"
    fragment = {**vt, "HX-Request": "true"}
    results: list[KetQua] = []

    def trang(name: str, path: str, headers: dict[str, str]) -> None:
        wrk(server, name, "GET", [path], 3, 1, seconds, headers)  # warm-up: first render
        for c in connections:
            results.append(wrk(server, name, "GET", [path], TOI_DA[name], c, seconds, headers))

    trang("theo_doi", page, vt)
    trang("theo_doi_bang", page + "/bang", fragment)
    share = len(store.links) // len(connections)
    origin = {"Origin": server.url}
    for i, c in enumerate(connections):
        links = store.links[i * share : (i + 1) * share]
        results.append(wrk(server, "xac_nhan", "POST", links, len(links), c, seconds, origin))
    trang("theo_doi_sau", page, vt)
    preview = [f"/van-ban/{store.du_thao}/xem-truoc"]
    headers = {**ld, "HX-Request": "true"}
    wrk(server, "xem_truoc", "GET", preview, 1, 1, seconds, headers)  # warm-up: fonts
    results.append(
        wrk(server, "xem_truoc", "GET", preview, TOI_DA["xem_truoc"], 1, seconds, headers)
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--connections", default=f"1,{KET_NOI_CHAM},16")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit(
            "benchmarks/web.py needs wrk (Debian package 'wrk'; make benchmark-web installs it)"
        )
    for name in [n for n in os.environ if n.startswith("VANTHU_SMTP")]:
        del os.environ[name]
    connections = [int(c) for c in args.connections.split(",")]
    for backend in args.backends.split(","):
        do_backend(backend.strip(), connections, args.seconds)


if __name__ == "__main__":
    main()
