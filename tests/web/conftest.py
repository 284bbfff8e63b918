"""Fixtures for the web desk: the façade on each real database with users who have passwords,
an HTTP client on the app, and a live server with a real headless Chromium for browser tests."""

from __future__ import annotations

import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pytest
import uvicorn
from fastapi.testclient import TestClient

from tests.conftest import ROOT
from tests.services.conftest import DANH_BA, ManualClock
from tests.services.conftest import clock as clock
from tests.services.conftest import db_url as db_url  # the fixtures, on both databases
from vanthu.services import UngDung, VaiTro
from vanthu.web.app import tao_app
from vanthu.web.cai_dat import CaiDatWeb

T = TypeVar("T")

#: Every test user's password is this prefix and their name.
MAT_KHAU = "mat-khau-"
#: The users every web test starts with: name, full name, role, body.
NGUOI_DUNG = (
    ("cv", "Đặng Ngọc Đức", VaiTro.chuyen_vien, None),
    ("ld", "Trần Quốc Nam", VaiTro.lanh_dao, None),
    ("syt", "Văn thư Sở Y tế", VaiTro.don_vi_nhan, "SYT"),
    ("snv", "Văn thư Sở Nội vụ", VaiTro.don_vi_nhan, "SNV"),
)
#: Where browser tests write their screenshots (opened by a person, not compared).
ANH_CHUP = ROOT / "output" / "screenshots"
#: Debian's Chromium (the test command installs the package; Playwright downloads nothing).
CHROMIUM = "/usr/bin/chromium"


def nap_nguoi_dung(app: UngDung) -> None:
    """The văn thư, the directory, and the other users, each with a password."""
    app.them_nguoi_dung(None, "vt", "Nguyễn Thị Văn", VaiTro.van_thu)
    app.dat_mat_khau("vt", "vt", MAT_KHAU + "vt")
    app.nap_danh_ba("vt", app.doc_danh_ba(DANH_BA))
    for ten, ho_ten, vai_tro, body in NGUOI_DUNG:
        app.them_nguoi_dung("vt", ten, ho_ten, vai_tro, body)
        app.dat_mat_khau("vt", ten, MAT_KHAU + ten)


@pytest.fixture
def ung_dung(db_url: str, tmp_path: Path, clock: ManualClock) -> Iterator[UngDung]:
    app = UngDung(db=db_url, thu_muc=tmp_path / "output", clock=clock)
    nap_nguoi_dung(app)
    yield app
    app.close()


@pytest.fixture
def client(ung_dung: UngDung, tmp_path: Path) -> Iterator[TestClient]:
    app = tao_app(ung_dung, CaiDatWeb(thu_muc=tmp_path / "output"))
    with TestClient(app, base_url="http://testserver", follow_redirects=False) as c:
        yield c


def csrf_cua(html: str) -> str:
    """The CSRF token a signed-in page carries for htmx and its forms."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page carries no CSRF token"
    return found.group(1)


def csrf_dang_nhap(html: str) -> str:
    """The sign-in form's own CSRF token (a signed-in page also has the sign-out form's)."""
    found = re.search(
        r'action="/dang-nhap">\s*<input type="hidden" name="csrf" value="([^"]+)"', html
    )
    assert found, "the page has no sign-in form"
    return found.group(1)


def dang_nhap(client: TestClient, ten: str, mat_khau: str | None = None) -> str:
    """Sign in through the form as a browser does; the session's CSRF token."""
    form = client.get("/dang-nhap")
    token = csrf_dang_nhap(form.text)
    response = client.post(
        "/dang-nhap",
        data={"ten": ten, "mat_khau": mat_khau or MAT_KHAU + ten, "csrf": token},
    )
    assert response.status_code == 303, response.text
    return csrf_cua(client.get("/van-ban").text)


class MayChuThat:
    """The desk served by uvicorn on a free loopback port, in a thread of the test process."""

    def __init__(self, app: object, port: int) -> None:
        self.port = port
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> MayChuThat:
        self.thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/dang-nhap", timeout=1):
                    return self
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        raise RuntimeError("the desk did not start")

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def may_chu(ung_dung: UngDung, tmp_path: Path) -> Iterator[MayChuThat]:
    """The desk on a real port (SQLite and PostgreSQL, as ``ung_dung``)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cai_dat = CaiDatWeb(thu_muc=tmp_path / "output", base_url=f"http://127.0.0.1:{port}")
    server = MayChuThat(tao_app(ung_dung, cai_dat), port)
    with server:
        yield server


def trang_da_dang_nhap(trinh_duyet: Any, may_chu: MayChuThat, ten: str) -> Any:
    """A page signed in as ``ten`` through the form, in a browser context of its own (cookies
    are not shared between people), at a desktop size."""
    page = trinh_duyet.new_context(
        viewport={"width": 1366, "height": 900}, locale="vi-VN"
    ).new_page()
    page.goto(may_chu.url + "/dang-nhap")
    page.get_by_label("Tên đăng nhập").fill(ten)
    page.get_by_label("Mật khẩu").fill(MAT_KHAU + ten)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/van-ban")
    return page


@pytest.fixture(scope="session")
def trinh_duyet() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (one browser for the whole run)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    ANH_CHUP.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


# -- digital signatures (#10) ----------------------------------------------------------------


def ngoai_vong_lap(work: Callable[..., T], *args: Any) -> T:
    """Run ``work`` in a thread of its own. pyHanko's synchronous calls (signing, validating)
    start an asyncio loop, which a thread with a running loop may not: once a browser test has
    started Playwright's synchronous API (the session's ``trinh_duyet``), the test thread has
    one for the rest of the run."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work, *args).result()


@pytest.fixture(scope="session")
def khoa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Throw-away keys (CA, the leader 'ld' as Trần Quốc Nam, the organisation) with the sample
    signature and seal images: the signing configuration's path (server-held keys)."""
    from tests.services.ky_so_chung import bo_khoa

    return bo_khoa(tmp_path_factory.mktemp("ky_so"))


@pytest.fixture
def ky_may_chu(khoa: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Issuing signs with the leaders' server-held keys."""
    from vanthu.ky_so import BIEN_CAU_HINH

    monkeypatch.setenv(BIEN_CAU_HINH, str(khoa))
    return khoa


@pytest.fixture
def ky_hai_buoc(khoa: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The leader 'ld' signs on his own computer (two-step); the organisation's key on the
    server."""
    from tests.services.ky_so_chung import cau_hinh_hai_buoc
    from vanthu.ky_so import BIEN_CAU_HINH

    path = cau_hinh_hai_buoc(khoa)
    monkeypatch.setenv(BIEN_CAU_HINH, str(path))
    return path
