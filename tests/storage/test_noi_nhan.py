"""Recipient copies in the store: rows from the expansion, what is left, deliveries in batches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, insert, select

from tests.csdl import LOAI_CSDL, csdl_moi
from vanthu.delivery import thu
from vanthu.storage import Store, noi_nhan, open_store
from vanthu.storage.bang import CoQuan, LanGui, NguoiDung, NoiNhanVanBan, VanBanRow
from vanthu.workflow import TrangThaiNoiNhan

LUC = dt.datetime(2021, 9, 13, 3, 0, tzinfo=dt.UTC)
SO_CO_QUAN = 60
#: Every third body has no address.
MA = [f"CQ{i:02d}" for i in range(SO_CO_QUAN)]


@pytest.fixture(params=LOAI_CSDL)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, int]]:
    """A store with a văn thư, the bodies, and one issued directive; its id."""
    with csdl_moi(request.param, tmp_path) as url:
        store = open_store(url)
        with store.transaction() as s:
            s.execute(insert(NguoiDung), [{"ten": "vt", "ho_ten": "Văn thư", "vai_tro": "van_thu"}])
            s.execute(
                insert(CoQuan),
                [
                    {
                        "ma": ma,
                        "ten": f"Cơ quan {ma}",
                        "ten_ngan": ma,
                        "email": None if i % 3 == 0 else f"{ma.lower()}@example.vn",
                    }
                    for i, ma in enumerate(MA)
                ],
            )
            row = VanBanRow(
                loai="cong_dien",
                ky_hieu="CĐ-UBND",
                payload={},
                trang_thai="da_ban_hanh",
                nguoi_soan="vt",
                tao_luc=LUC,
                cap_nhat_luc=LUC,
            )
            s.add(row)
            s.flush()
            van_ban_id = row.id
        yield store, van_ban_id
        store.close()


def _ghi_tat_ca(store: Store, van_ban_id: int) -> list[noi_nhan.Viec]:
    with store.transaction() as s:
        noi_nhan.ghi_nguoi_nhan(s, van_ban_id, [(ma, 1) for ma in MA])
    with store.transaction() as s:
        return noi_nhan.con_lai(s, van_ban_id, mailing=False).viec


def test_each_expanded_body_is_recorded_once_however_often_it_is_recorded(
    store: tuple[Store, int],
) -> None:
    store, van_ban_id = store
    _ghi_tat_ca(store, van_ban_id)
    work = _ghi_tat_ca(store, van_ban_id)
    assert [v.ban_sao.ma_co_quan for v in work] == MA
    assert all(v.tep and not v.thu for v in work)
    assert len({v.ban_sao.ma_xac_nhan for v in work}) == SO_CO_QUAN
    assert work[0].ban_sao.ma_theo_doi == f"VB{van_ban_id}-CQ00"


def test_mailing_lists_the_bodies_without_an_address_and_mails_only_the_others(
    store: tuple[Store, int],
) -> None:
    store, van_ban_id = store
    _ghi_tat_ca(store, van_ban_id)
    with store.transaction() as s:
        left = noi_nhan.con_lai(s, van_ban_id, mailing=True)
    assert left.tong == SO_CO_QUAN
    assert left.khong_email == MA[::3]
    assert [v.ban_sao.ma_co_quan for v in left.viec if v.thu] == [
        ma for i, ma in enumerate(MA) if i % 3
    ]


def _statements(store: Store, ids: list[int], work: list[noi_nhan.Viec]) -> list[str]:
    """The statements recording these file deliveries sends to the database (their verbs)."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(" ".join(str(args[2]).split()[:3]))

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        with store.transaction() as s:
            done = noi_nhan.ghi_lan_gui_tep(s, ids, {v.ban_sao.id: "x" for v in work}, LUC)
            s.flush()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(done) == len(ids)
    assert all(d.tu is TrangThaiNoiNhan.cho_gui for d in done)
    return [st for st in statements if not st.startswith("BEGIN")]


def test_a_batch_of_file_deliveries_costs_the_same_few_statements_whatever_its_size(
    store: tuple[Store, int],
) -> None:
    store, van_ban_id = store
    work = _ghi_tat_ca(store, van_ban_id)
    ids = [v.ban_sao.id for v in work]
    small = _statements(store, ids[:5], work)
    large = _statements(store, ids[5:55], work)
    for statements in (small, large):
        assert [st for st in statements if not st.startswith("INSERT")] == [
            "SELECT noi_nhan.id, noi_nhan.van_ban_id,",  # one locked SELECT
            "UPDATE noi_nhan SET",  # one executemany
        ]
    if store.dialect == "postgresql":
        assert small == large and large.count("INSERT INTO lan_gui") == 1  # one multi-row INSERT
    else:
        # SQLite cannot promise RETURNING's order, so SQLAlchemy sends a row at a time (in
        # process, through one executemany call): only those grow with the batch.
        assert large.count("INSERT INTO lan_gui") == 50


def test_a_delivery_recorded_is_not_recorded_again_and_moves_the_copy_to_sent(
    store: tuple[Store, int],
) -> None:
    store, van_ban_id = store
    work = _ghi_tat_ca(store, van_ban_id)
    ids = [v.ban_sao.id for v in work[:3]]
    where = {i: f"/out/{i}" for i in ids}
    with store.transaction() as s:
        assert len(noi_nhan.ghi_lan_gui_tep(s, ids, where, LUC)) == 3
    with store.transaction() as s:
        assert noi_nhan.ghi_lan_gui_tep(s, ids, where, LUC) == []
        assert s.scalar(select(func.count()).select_from(LanGui)) == 3
        states = set(s.scalars(select(NoiNhanVanBan.trang_thai).where(NoiNhanVanBan.id.in_(ids))))
        assert states == {TrangThaiNoiNhan.da_gui.value}
        left = noi_nhan.con_lai(s, van_ban_id, mailing=False)
    assert [v.ban_sao.ma_co_quan for v in left.viec] == MA[3:]


def test_a_mail_is_recorded_once_and_named_in_the_manifest_rows(store: tuple[Store, int]) -> None:
    store, van_ban_id = store
    work = _ghi_tat_ca(store, van_ban_id)
    mailed = work[1].ban_sao
    with store.transaction() as s:
        assert noi_nhan.ghi_lan_gui_thu(s, mailed.id, LUC, mailed.dia_chi)
    with store.transaction() as s:
        assert not noi_nhan.ghi_lan_gui_thu(s, mailed.id, LUC, mailed.dia_chi)
        rows = noi_nhan.ban_ke(s, van_ban_id)
        left = noi_nhan.con_lai(s, van_ban_id, mailing=True)
    assert [b.ma_co_quan for b, _ in rows] == MA
    assert [email for _, email in rows if email] == ["cq01@example.vn"]
    assert mailed.id not in {v.ban_sao.id for v in left.viec if v.thu}


def test_the_mail_channel_is_stored_under_the_name_the_e_mail_channel_gives_it() -> None:
    assert noi_nhan.KENH_THU == thu.KENH_THU
    assert noi_nhan.KENH_TEP != noi_nhan.KENH_THU
