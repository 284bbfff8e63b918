"""Web desk benchmark: the served desk driven over loopback from this process, on SQLite and
PostgreSQL; prints p50 / p99 latencies and throughput.

Run from the repository root::

    .venv/bin/python benchmarks/web.py [--backends sqlite,postgresql] [--connections 8]
                                       [--seconds 20]

For each backend it builds a store (as ``benchmarks/lifecycle.py`` does: a generated directory of
3,334 communes, a directive to 3,000 of them issued with its recipients recorded as delivered, and
the Ninh Thuận công điện as a draft), starts ``vanthu serve`` on a free port in its own process
(SQLite: one process; PostgreSQL: ``--workers 2``), and drives it from a pool of
``--connections`` keep-alive HTTP connections:

* ``theo_doi``: the văn thư's tracking page of the 3,000-recipient directive, signed in
  (target: p99 under 200 ms).
* ``xac_nhan``: acknowledgements through each body's own link, as a phone opening the slip's QR
  code and pressing *Xác nhận đã nhận* does (one POST each, every body once; target: at least
  500 per second).
* ``xem_truoc``: the leader's preview of the Ninh Thuận draft, drawn by the issuing renderer
  (target: under 1 s).

Each measurement is bounded by a count and by ``--seconds``. The figures depend on the machine
and on what else it runs; the targets are judged, not asserted (speed belongs in benchmarks, not
in unit tests).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx2
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lifecycle as lc

from vanthu.services.danh_ba import nap_danh_ba
from vanthu.services.login import DangNhap
from vanthu.services.nguoi_dung import them_nguoi_dung
from vanthu.storage.bang import NoiNhanVanBan
from vanthu.workflow import VaiTro

VANTHU = Path(sys.executable).parent / "vanthu"
MAT_KHAU = "mat-khau-benchmark"
#: Recipients of the tracked directive.
NGUOI_NHAN = 3000
#: Most requests per measurement (each is also bounded by --seconds).
TOI_DA = {"theo_doi": 300, "xac_nhan": NGUOI_NHAN, "xem_truoc": 10}
#: The sign-in form's own CSRF token (the page also has the sign-out form's once signed in).
SIGN_IN_CSRF = r'action="/dang-nhap">\s*<input type="hidden" name="csrf" value="([^"]+)"'
TARGETS = {"theo_doi": "p99 < 200 ms", "xac_nhan": "≥ 500 /s", "xem_truoc": "p50 < 1 s"}


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
    lc._da_gui(app, key, [f"XA_{i:05d}" for i in range(NGUOI_NHAN)])
    draft = str(app.vong_doi.soan_thao("cv", lc._cong_dien(100, task=False), "bench").van_ban_id)
    with app.store.transaction() as s:
        rows = s.execute(
            select(NoiNhanVanBan.ma_theo_doi, NoiNhanVanBan.ma_xac_nhan).where(
                NoiNhanVanBan.van_ban_id == int(key)
            )
        ).all()
    app.close()
    return Store(key, draft, [f"/nhan/{m}/{x}/xac-nhan" for m, x in rows])


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


def dang_nhap(url: str, ten: str) -> dict[str, str]:
    """A signed-in session's cookies."""
    with httpx2.Client(base_url=url, follow_redirects=False, timeout=30) as client:
        form = client.get("/dang-nhap").text
        token = re.search(
            r'action="/dang-nhap">\s*<input type="hidden" name="csrf" value="([^"]+)"', form
        )
        assert token, "no sign-in form"
        response = client.post(
            "/dang-nhap", data={"ten": ten, "mat_khau": MAT_KHAU, "csrf": token.group(1)}
        )
        assert response.status_code == 303, response.text[:300]
        return dict(client.cookies)


@dataclass
class KetQua:
    """One measurement's figures."""

    count: int
    seconds: float
    latencies: list[float]
    errors: int

    def line(self, name: str) -> str:
        p50 = statistics.median(self.latencies) * 1000 if self.latencies else float("nan")
        ordered = sorted(self.latencies)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000 if ordered else 0
        rate = self.count / self.seconds if self.seconds else 0
        return (
            f"  {name:<10} {self.count:>6} requests in {self.seconds:6.2f} s  "
            f"p50 {p50:8.1f} ms  p99 {p99:8.1f} ms  {rate:8.1f} /s  errors {self.errors}"
            f"   (target {TARGETS[name]})"
        )


def chay(
    url: str,
    requests: Sequence[Callable[[httpx2.Client], httpx2.Response]],
    connections: int,
    seconds: float,
    cookies: dict[str, str] | None = None,
) -> KetQua:
    """Send ``requests`` over ``connections`` keep-alive connections, stopping at ``seconds``."""
    lock = threading.Lock()
    queue = list(reversed(requests))
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds

    def worker() -> None:
        nonlocal errors
        with httpx2.Client(base_url=url, cookies=cookies, timeout=60) as client:
            while time.perf_counter() < stop_at:
                with lock:
                    if not queue:
                        return
                    request = queue.pop()
                start = time.perf_counter()
                response = request(client)
                took = time.perf_counter() - start
                with lock:
                    latencies.append(took)
                    if response.status_code >= 400:
                        errors += 1

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(connections) as pool:
        for future in [pool.submit(worker) for _ in range(connections)]:
            future.result()
    return KetQua(len(latencies), time.perf_counter() - start, latencies, errors)


def do_backend(backend: str, connections: int, seconds: float) -> None:
    """Every measurement on one backend."""
    with tempfile.TemporaryDirectory(prefix="vanthu-web-bench-") as tmp:
        folder = Path(tmp)
        with lc._scratch_store(backend, folder) as db:
            start = time.perf_counter()
            store = chuan_bi(db, folder / "output")
            print(f"{backend}: store ready in {time.perf_counter() - start:.1f} s", flush=True)
            workers = 2 if backend == "postgresql" else 1
            with MayChu(db, folder / "output", workers) as server:
                vt = dang_nhap(server.url, "vt")
                ld = dang_nhap(server.url, "ld")
                page = f"/van-ban/{store.theo_doi}/theo-doi"
                tracking = [lambda c: c.get(page)] * TOI_DA["theo_doi"]
                chay(server.url, tracking[:3], 1, seconds, vt)  # warm-up: first render
                results = {"theo_doi": chay(server.url, tracking, connections, seconds, vt)}
                origin = {"Origin": server.url}
                acks = [
                    (lambda p: lambda c: c.post(p, headers=origin))(path)
                    for path in store.links[: TOI_DA["xac_nhan"]]
                ]
                results["xac_nhan"] = chay(server.url, acks, connections, seconds)
                preview = f"/van-ban/{store.du_thao}/xem-truoc"
                previews = [lambda c: c.get(preview, headers={"HX-Request": "true"})]
                chay(server.url, previews, 1, seconds, ld)  # warm-up: fonts, first render
                results["xem_truoc"] = chay(
                    server.url, previews * TOI_DA["xem_truoc"], 1, seconds, ld
                )
            print(
                f"{backend} ({workers} server process{'es' if workers > 1 else ''}, "
                f"{connections} connections):"
            )
            for name, result in results.items():
                print(result.line(name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    for name in [n for n in os.environ if n.startswith("VANTHU_SMTP")]:
        del os.environ[name]
    for backend in args.backends.split(","):
        do_backend(backend.strip(), args.connections, args.seconds)


if __name__ == "__main__":
    main()
