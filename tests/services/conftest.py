"""Fixtures for the lifecycle use cases: an application on each real database, a movable clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, NINH_THUAN
from tests.csdl import LOAI_CSDL, csdl_moi
from vanthu.reading.danh_ba import doc_danh_ba
from vanthu.services.clock import GIO_VIET_NAM
from vanthu.services.danh_ba import nap_danh_ba
from vanthu.services.nguoi_dung import them_nguoi_dung
from vanthu.services.ung_dung import BoDichVu
from vanthu.workflow import VaiTro

DANH_BA = EXAMPLES / "danh-ba" / "ninh-thuan-2021.yaml"


class ManualClock:
    """A clock the test moves by hand (Vietnam time)."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def dat(self, text: str) -> None:
        self.now = dt.datetime.fromisoformat(text).replace(tzinfo=GIO_VIET_NAM)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(dt.datetime(2021, 9, 12, 9, 0, tzinfo=GIO_VIET_NAM))


@pytest.fixture(params=LOAI_CSDL)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with csdl_moi(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def app(db_url: str, tmp_path: Path, clock: ManualClock) -> Iterator[BoDichVu]:
    application = BoDichVu(db=db_url, thu_muc=tmp_path / "output", clock=clock)
    # The văn thư is the store's first user (no actor: bootstrap); then administers the rest.
    them_nguoi_dung(application.store, "vt", "Nguyễn Thị Văn", VaiTro.van_thu, nguoi_thuc_hien=None)
    nap_danh_ba(application.store, doc_danh_ba(DANH_BA), "vt")
    for ten, ho_ten, vai_tro, body in (
        ("cv", "Đặng Ngọc Đức", VaiTro.chuyen_vien, None),
        ("ld", "Trần Quốc Nam", VaiTro.lanh_dao, None),
        ("syt", "Văn thư Sở Y tế", VaiTro.don_vi_nhan, "SYT"),
        ("snv", "Văn thư Sở Nội vụ", VaiTro.don_vi_nhan, "SNV"),
    ):
        them_nguoi_dung(application.store, ten, ho_ten, vai_tro, body, nguoi_thuc_hien="vt")
    yield application
    application.close()


def cong_dien_du_thao() -> dict[str, object]:
    """The Ninh Thuận công điện as a draft (no number, no date); it assigns two tasks."""
    data = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    data.pop("so")
    data.pop("ngay")
    data["nam"] = 2021
    return data


def trinh_xong(app: BoDichVu) -> int:
    """A draft carried to submitted (chờ duyệt); its id."""
    from vanthu.workflow import SuKienVanBan

    draft = app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test")
    app.vong_doi.chuyen("cv", str(draft.van_ban_id), SuKienVanBan.trinh)
    return draft.van_ban_id


def duyet_xong(app: BoDichVu) -> int:
    """A draft carried to approved (with a signing configuration: signed by its leader, or
    waiting for his signature); its id."""
    from vanthu.workflow import SuKienVanBan

    key = trinh_xong(app)
    app.vong_doi.chuyen("ld", str(key), SuKienVanBan.duyet)
    return key
