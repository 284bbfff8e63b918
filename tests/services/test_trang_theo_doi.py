"""The tracking page counted, filtered and paged by the store is the whole table's computation:
for any recipient states, tasks, reports and log, on both databases, every count, every page of
every filter, and the timeline's newest lines equal what the full status table
(``TheoDoi.trang_thai``) and the full log (``nhat_ky``) give in Python."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, insert

from tests.csdl import LOAI_CSDL, csdl_moi
from vanthu.schemas.gio import GIO_VIET_NAM
from vanthu.services.nhat_ky import nhat_ky
from vanthu.services.theo_doi import DIEU_KIEN, DongTrangThai, TheoDoi
from vanthu.services.trang_theo_doi import GOP_TU, dong_thoi_gian, trang_theo_doi
from vanthu.storage import Store, open_store
from vanthu.storage import theo_doi as theo_doi_store
from vanthu.storage.bang import (
    BaoCaoNhan,
    CoQuan,
    NguoiDung,
    NhatKy,
    NhiemVuCoQuan,
    NhiemVuRow,
    NoiNhanVanBan,
    VanBanRow,
)
from vanthu.workflow import TrangThaiNoiNhan, TrangThaiVanBan

BODIES = [f"CQ{i:02d}" for i in range(12)]
TODAY = dt.datetime(2021, 10, 6, 9, 0, tzinfo=GIO_VIET_NAM)
#: Moments of the stored rows: a few, so that runs of one minute happen, and some cross it.
MOMENTS = [dt.datetime(2021, 9, 13, 1, 30, second, tzinfo=dt.UTC) for second in (0, 20, 59)] + [
    dt.datetime(2021, 9, 13, 1, 31, 5, tzinfo=dt.UTC)
]


@pytest.fixture(params=LOAI_CSDL)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store with a văn thư and the bodies; each example adds its own directive."""
    with csdl_moi(request.param, tmp_path) as url:
        store = open_store(url)
        with store.transaction() as s:
            s.add(NguoiDung(ten="vt", ho_ten="Văn thư", vai_tro="van_thu"))
            s.add_all(CoQuan(ma=ma, ten=f"Cơ quan {ma}", ten_ngan=ma.lower()) for ma in BODIES)
        try:
            yield store
        finally:
            store.close()


moment = st.sampled_from(MOMENTS)
recipient = st.fixed_dictionaries(
    {
        "trang_thai": st.sampled_from([t.value for t in TrangThaiNoiNhan]),
        "gui_luc": st.none() | moment,
        "nhan_luc": st.none() | moment,
        "tre": st.booleans(),
        "bao_cao_luc": st.none() | moment,
        "bao_cao": st.booleans(),  # a report row, whatever bao_cao_luc says
    }
)
task = st.tuples(
    st.sampled_from([dt.date(2021, 9, 30), dt.date(2021, 10, 6), dt.date(2021, 10, 20)]),
    st.booleans(),
    st.sets(st.sampled_from(BODIES)),
)
#: A run of log lines: event, person, on bodies or on the directive, how many, at what moment.
run = st.tuples(
    st.sampled_from(["gui", "xac_nhan", "duyet"]),
    st.sampled_from(["vt", "lien-ket:X"]),
    st.booleans(),
    st.integers(1, 12),
    moment,
)
directive = st.fixed_dictionaries(
    {
        "trang_thai": st.sampled_from(
            [TrangThaiVanBan.da_phat_hanh, TrangThaiVanBan.dang_theo_doi, TrangThaiVanBan.thu_hoi]
        ),
        "recipients": st.lists(recipient, max_size=len(BODIES)),
        "tasks": st.lists(task, max_size=3),
        "log": st.lists(run, max_size=8),
    }
)


def them(store: Store, data: dict[str, Any]) -> int:
    """The directive as drawn, written directly; its id."""
    luc = MOMENTS[0]
    with store.transaction() as s:
        row = VanBanRow(
            loai="cong_dien",
            ky_hieu="CĐ-UBND",
            trich_yeu="Về việc phòng, chống dịch",
            payload={},
            trang_thai=data["trang_thai"].value,
            nguoi_soan="vt",
            tao_luc=luc,
            cap_nhat_luc=luc,
        )
        s.add(row)
        s.flush()
        vid = row.id
        for i, (ma, r) in enumerate(zip(BODIES, data["recipients"], strict=False)):
            fields = {k: v for k, v in r.items() if k != "bao_cao"}
            s.add(
                NoiNhanVanBan(
                    van_ban_id=vid,
                    ma_co_quan=ma,
                    dong=i,
                    ma_theo_doi=f"VB{vid}-{ma}",
                    ma_xac_nhan=f"t{vid}-{ma}".lower(),
                    **fields,
                )
            )
            if r["bao_cao"]:
                s.add(BaoCaoNhan(van_ban_id=vid, ma_co_quan=ma, so_ky_hieu_tra_loi="1/BC", luc=luc))
        for i, (han, report, bodies) in enumerate(data["tasks"]):
            t = NhiemVuRow(van_ban_id=vid, doan=i, mo_ta="Báo cáo", han=han, bao_cao=report)
            s.add(t)
            s.flush()
            s.add_all(NhiemVuCoQuan(nhiem_vu_id=t.id, ma_co_quan=ma) for ma in sorted(bodies))
        lines = [
            {
                "van_ban_id": vid,
                "doi_tuong": f"noi_nhan:{vid}:{BODIES[k % len(BODIES)]}"
                if on_body
                else f"van_ban:{vid}",
                "su_kien": event,
                "nguoi": person,
                "luc": when,
                "chi_tiet": {},
            }
            for event, person, on_body, count, when in data["log"]
            for k in range(count)
        ]
        if lines:
            s.execute(insert(NhatKy), lines)
    return vid


#: The page's filters as the web desk wrote them over the whole table before the store counted.
LOC_CU = {
    "tat_ca": lambda r: True,
    "chua_nhan": lambda r: (
        r.gui_luc is not None and r.nhan_luc is None and r.trang_thai.value != "tu_choi"
    ),
    "dung_han": lambda r: r.nhan_luc is not None and not r.tre,
    "nhan_tre": lambda r: r.tre,
    "da_bao_cao": lambda r: r.bao_cao_luc is not None,
    "qua_han": lambda r: r.qua_han,
    "tu_choi": lambda r: r.trang_thai.value == "tu_choi",
}


def tong_cu(rows: list[DongTrangThai]) -> dict[str, int]:
    """The totals as the status table computed them before."""
    return {
        "noi_nhan": len(rows),
        "da_gui": sum(r.gui_luc is not None for r in rows),
        "da_nhan": sum(r.nhan_luc is not None for r in rows),
        "nhan_tre": sum(r.tre for r in rows),
        "da_bao_cao": sum(r.bao_cao_luc is not None for r in rows),
        "qua_han": sum(r.qua_han for r in rows),
        "chua_nhan": sum(LOC_CU["chua_nhan"](r) for r in rows),
        "tu_choi": sum(r.trang_thai.value == "tu_choi" for r in rows),
    }


def thoi_gian_cu(store: Store, key: str, so_dong: int) -> list[tuple[Any, ...]]:
    """The timeline as the page computed it before, from the whole log: runs grouped oldest
    first, the newest ``so_dong`` newest first (each: moment, person, event, bodies)."""
    lines: list[dict[str, Any]] = []
    for d in nhat_ky(store, key):
        body = d.doi_tuong.rsplit(":", 1)[-1] if d.doi_tuong.startswith("noi_nhan:") else ""
        minute = d.luc.replace(second=0, microsecond=0)
        last = lines[-1] if lines else None
        if (
            body
            and last is not None
            and last["co_quan"]
            and (last["su_kien"], last["nguoi"], last["phut"]) == (d.su_kien, d.nguoi, minute)
        ):
            last["co_quan"].append(body)
            continue
        lines.append(
            {"luc": d.luc, "phut": minute, "nguoi": d.nguoi, "su_kien": d.su_kien, "co_quan": []}
        )
        if body:
            lines[-1]["co_quan"].append(body)
    shown = lines[-so_dong:][::-1] if so_dong else []
    return [
        (
            x["luc"],
            x["nguoi"],
            x["su_kien"],
            len(x["co_quan"]),
            tuple(x["co_quan"]) if len(x["co_quan"]) <= GOP_TU else (),
        )
        for x in shown
    ]


@given(
    data=directive,
    loc=st.sampled_from(sorted(DIEU_KIEN)),
    so_trang=st.integers(1, 6),
    moi_trang=st.integers(1, 5),
    so_su_kien=st.integers(0, 6),
)
def test_the_store_counts_filters_and_pages_as_the_whole_table_does(
    store: Store, data: dict[str, Any], loc: str, so_trang: int, moi_trang: int, so_su_kien: int
) -> None:
    key = str(them(store, data))
    table = TheoDoi(store, lambda: TODAY).trang_thai(key)
    page = trang_theo_doi(store, lambda: TODAY, key, loc, so_trang, moi_trang, so_su_kien)

    assert page.tong() == table.tong() == tong_cu(table.dong)
    assert page.dem == {k: sum(map(keep, table.dong)) for k, keep in DIEU_KIEN.items()}
    assert {k: page.dem[k] for k in LOC_CU} == {
        k: sum(map(keep, table.dong)) for k, keep in LOC_CU.items()
    }
    kept = [r for r in table.dong if DIEU_KIEN[loc](r)]
    if loc in LOC_CU:
        assert kept == [r for r in table.dong if LOC_CU[loc](r)]
    pages = max(1, -(-len(kept) // moi_trang))
    shown = min(so_trang, pages)
    assert (page.so_trang, page.tong_trang, page.so_dong_loc) == (shown, pages, len(kept))
    assert page.dong == kept[(shown - 1) * moi_trang : shown * moi_trang]
    assert (page.so_ky_hieu, page.trich_yeu, page.trang_thai) == (
        table.so_ky_hieu,
        table.trich_yeu,
        table.trang_thai,
    )
    got = [(x.luc, x.nguoi, x.su_kien, x.so_co_quan, x.co_quan) for x in page.su_kien]
    assert got == thoi_gian_cu(store, key, so_su_kien)


@given(data=directive, so_dong=st.integers(0, 8), lo=st.integers(1, 5))
def test_the_timeline_read_back_in_batches_is_the_whole_log_grouped(
    store: Store, data: dict[str, Any], so_dong: int, lo: int
) -> None:
    """Small batches put every batch edge inside runs and between them; a run longer than
    ``GOP_TU`` across an edge is counted by the store to its start."""
    vid = them(store, data)
    with theo_doi_store.read_connection(store) as conn:
        lines = dong_thoi_gian(conn, vid, so_dong, lo)
    got = [(x.luc, x.nguoi, x.su_kien, x.so_co_quan, x.co_quan) for x in lines]
    assert got == thoi_gian_cu(store, str(vid), so_dong)


def test_a_distribution_s_run_is_one_line_counted_without_reading_it(store: Store) -> None:
    data = {
        "trang_thai": TrangThaiVanBan.da_phat_hanh,
        "recipients": [],
        "tasks": [],
        "log": [("duyet", "vt", False, 1, MOMENTS[0])]
        + [("gui", "vt", True, 12, MOMENTS[0])] * 30
        + [("xac_nhan", "lien-ket:X", True, 1, MOMENTS[3])],
    }
    vid = them(store, data)
    statements: list[str] = []
    with theo_doi_store.read_connection(store) as conn:
        event.listen(conn, "before_cursor_execute", lambda *a: statements.append(a[2]))
        lines = dong_thoi_gian(conn, vid, 3, lo=8)
    assert [(x.su_kien, x.so_co_quan) for x in lines] == [
        ("xac_nhan", 1),
        ("gui", 360),
        ("duyet", 0),
    ]
    assert lines[1].luc == MOMENTS[0].astimezone(GIO_VIET_NAM) and lines[1].co_quan == ()
    # A batch of 8 lines, the rest of the run counted and its first line's moment read, then
    # the batch before it: four statements for 362 lines.
    assert len([s for s in statements if "nhat_ky" in s]) == 4


@pytest.mark.parametrize("older, newer", [(MOMENTS[2], MOMENTS[3]), (MOMENTS[3], MOMENTS[2])])
def test_a_run_the_store_counts_stops_at_the_minute_s_edge(
    store: Store, older: dt.datetime, newer: dt.datetime
) -> None:
    data = {
        "trang_thai": TrangThaiVanBan.da_phat_hanh,
        "recipients": [],
        "tasks": [],
        "log": [("gui", "vt", True, 9, older), ("gui", "vt", True, 6, newer)],
    }
    vid = them(store, data)
    with theo_doi_store.read_connection(store) as conn:
        lines = dong_thoi_gian(conn, vid, 5, lo=5)
    assert [(x.so_co_quan, x.luc) for x in lines] == [
        (6, newer.astimezone(GIO_VIET_NAM)),
        (9, older.astimezone(GIO_VIET_NAM)),
    ]
    assert thoi_gian_cu(store, str(vid), 5) == [
        (x.luc, x.nguoi, x.su_kien, x.so_co_quan, x.co_quan) for x in lines
    ]
