"""Tracking's storage on both databases: the acknowledgement writes held to the lifecycle
table's guard, reports, the status table and overdue tasks."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from tests.storage.rows import LUC, them_van_ban
from vanthu.storage import Store
from vanthu.storage import theo_doi as theo_doi_store
from vanthu.storage.bang import NhatKy, NoiNhanVanBan
from vanthu.workflow import TrangThaiNoiNhan, TrangThaiVanBan
from vanthu.workflow.xac_nhan import DIEU_KIEN_XAC_NHAN

T = TrangThaiNoiNhan
LATER = LUC + dt.timedelta(hours=2)


def _dat(store: Store, van_ban_id: int, ma: str, trang_thai: TrangThaiNoiNhan) -> None:
    with store.transaction() as s:
        copy = theo_doi_store.noi_nhan_for_update(s, van_ban_id, ma)
        assert copy is not None
        copy.trang_thai = trang_thai.value


def _tim(store: Store, van_ban_id: int, ten: str = "syt") -> theo_doi_store.DongXacNhan:
    with theo_doi_store.plain_transaction(store) as conn:
        (row,) = theo_doi_store.tim_xac_nhan(
            conn, "id", {"ten": ten, "khoa": van_ban_id, "ma": "SYT"}
        )
        return row


def test_a_receipt_is_written_once_when_two_writers_read_the_same_state(store: Store) -> None:
    vid = them_van_ban(store)
    row = _tim(store, vid)
    assert (row.trang_thai, row.vai_tro, row.thay_cho) == (T.da_gui.value, "don_vi_nhan", "SYT")
    with theo_doi_store.plain_transaction(store) as conn:
        assert theo_doi_store.ghi_xac_nhan(
            conn, row.id, row.trang_thai, T.da_nhan.value, LATER, False
        )
    with theo_doi_store.plain_transaction(store) as conn:
        assert not theo_doi_store.ghi_xac_nhan(
            conn, row.id, row.trang_thai, T.da_nhan.value, LATER, True
        )
    after = _tim(store, vid)
    assert (after.trang_thai, after.tre) == (T.da_nhan.value, False)


def test_the_receipt_write_refuses_every_state_the_lifecycle_table_does_not_let_it_leave(
    store: Store,
) -> None:
    vid = them_van_ban(store)
    refused = [s for s in T if s not in DIEU_KIEN_XAC_NHAN.nguon]
    assert refused
    for state in refused:
        _dat(store, vid, "SYT", state)
        row = _tim(store, vid)
        with theo_doi_store.plain_transaction(store) as conn:
            assert not theo_doi_store.ghi_xac_nhan(
                conn, row.id, state.value, T.da_nhan.value, LATER, False
            )
        assert _tim(store, vid).trang_thai == state.value


def test_postgresql_records_the_receipt_and_its_log_line_in_one_statement_once(
    store_postgresql: Store,
) -> None:
    store = store_postgresql  # the one-statement acknowledgement is PostgreSQL's
    vid = them_van_ban(store)
    params = {"ten": "syt", "khoa": vid, "ma": "SYT"}
    with theo_doi_store.autocommit_connection(store) as conn:
        done = theo_doi_store.xac_nhan_mot_cau(
            conn, "id", params, LATER, LUC + dt.timedelta(hours=1)
        )
        again = theo_doi_store.xac_nhan_mot_cau(conn, "id", params, LATER, LUC)
        other = theo_doi_store.xac_nhan_mot_cau(
            conn, "id", params | {"ten": "vt", "ma": "SNV"}, LATER, LUC
        )
    assert done == theo_doi_store.DaXacNhan(vid, "SYT", "01/CĐ-UBND", True)
    assert again is None  # given before: the guard holds it back
    assert other == theo_doi_store.DaXacNhan(vid, "SNV", "01/CĐ-UBND", False)
    with store.transaction() as s:
        lines = s.execute(select(NhatKy.doi_tuong, NhatKy.tu, NhatKy.den).order_by(NhatKy.id))
        assert lines.all() == [
            (f"noi_nhan:{vid}:SYT", "da_gui", "da_nhan"),
            (f"noi_nhan:{vid}:SNV", "da_gui", "da_nhan"),
        ]


def test_postgresql_holds_back_a_body_user_acting_for_another_body(store_postgresql: Store) -> None:
    store = store_postgresql  # the one-statement acknowledgement is PostgreSQL's
    vid = them_van_ban(store)
    with theo_doi_store.autocommit_connection(store) as conn:
        params = {"ten": "syt", "khoa": vid, "ma": "SNV"}
        assert theo_doi_store.xac_nhan_mot_cau(conn, "id", params, LATER, LUC) is None
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(NhatKy)) == 0


def test_a_report_counts_for_the_body_s_only_task_and_as_proof_of_receipt(store: Store) -> None:
    han = dt.date(2021, 9, 20)
    vid = them_van_ban(store, nhiem_vu=(("Báo cáo số ca", han, True, ("SYT",)),))
    with store.transaction() as s:
        copy = theo_doi_store.noi_nhan_for_update(s, vid, "SYT")
        assert copy is not None
        report = theo_doi_store.save_bao_cao(
            s, copy, T.da_bao_cao.value, "12/BC-SYT", None, None, LATER
        )
        assert report.nhiem_vu_id is not None
        assert theo_doi_store.noi_nhan_for_update(s, vid, "SXD") is None  # not a recipient
        other = theo_doi_store.noi_nhan_for_update(s, vid, "SNV")
        assert other is not None
        assert (
            theo_doi_store.save_bao_cao(
                s, other, "da_bao_cao", "3/BC", None, None, LATER
            ).nhiem_vu_id
            is None
        )
    with store.transaction() as s:
        rows = {r.ma: r for r in theo_doi_store.cac_noi_nhan(s, vid)}
        assert rows["SYT"].trang_thai == T.da_bao_cao.value
        assert rows["SYT"].nhan_luc is not None and rows["SYT"].bao_cao_luc is not None
        assert theo_doi_store.qua_han(s, han + dt.timedelta(days=3), vid) == []


def test_the_status_table_lists_recipients_in_order_with_short_names(store: Store) -> None:
    vid = them_van_ban(store, noi_nhan=("SNV", "SYT", "SXD"))
    _dat(store, vid, "SXD", T.tu_choi)
    with store.transaction() as s:
        head = theo_doi_store.dau_van_ban(s, vid)
        rows = theo_doi_store.cac_noi_nhan(s, vid)
    assert head == theo_doi_store.DauVanBan(
        "01/CĐ-UBND", "Về việc phòng, chống dịch", "da_phat_hanh"
    )
    assert [(r.ma, r.ten, r.trang_thai) for r in rows] == [
        ("SNV", "Sở Nội vụ", "da_gui"),
        ("SYT", "Sở Y tế", "da_gui"),
        ("SXD", "Sở Xây dựng", "tu_choi"),
    ]


def test_overdue_lists_each_body_owing_a_report_past_its_deadline_by_deadline(store: Store) -> None:
    early, late = dt.date(2021, 9, 15), dt.date(2021, 9, 17)
    vid = them_van_ban(
        store,
        noi_nhan=("SYT", "SNV", "SXD"),
        nhiem_vu=(
            ("Báo cáo sau", late, True, ("SYT",)),
            ("Báo cáo trước", early, True, ("SXD", "SNV")),
            ("Không cần báo cáo", early, False, ("SYT",)),
        ),
    )
    draft = them_van_ban(
        store, "02/CĐ-UBND", TrangThaiVanBan.du_thao, nhiem_vu=(("Nháp", early, True, ("SYT",)),)
    )
    today = dt.date(2021, 9, 18)
    with store.transaction() as s:
        every = theo_doi_store.qua_han(s, today)
        assert theo_doi_store.qua_han(s, today, draft) == []
        assert theo_doi_store.qua_han(s, early, vid) == []  # the deadline day itself is not overdue
    assert [(v.mo_ta, v.ma_co_quan, v.ten_co_quan, v.so_ngay) for v in every] == [
        ("Báo cáo trước", "SNV", "Sở Nội vụ", 3),
        ("Báo cáo trước", "SXD", "Sở Xây dựng", 3),
        ("Báo cáo sau", "SYT", "Sở Y tế", 1),
    ]
    assert {v.so_ky_hieu for v in every} == {"01/CĐ-UBND"}


def test_the_copy_rows_read_for_an_acknowledgement_are_the_stored_ones(store: Store) -> None:
    vid = them_van_ban(store)
    with store.transaction() as s:
        stored = s.scalars(select(NoiNhanVanBan).where(NoiNhanVanBan.ma_co_quan == "SYT")).one()
        token = stored.ma_xac_nhan
    with theo_doi_store.plain_transaction(store) as conn:
        (by_token,) = theo_doi_store.tim_xac_nhan(conn, "token", {"ten": "nobody", "token": token})
        by_number = theo_doi_store.tim_xac_nhan(
            conn, "so", {"ten": "vt", "khoa": "01/CĐ-UBND", "ma": "SYT"}
        )
    assert (by_token.van_ban_id, by_token.ma_co_quan, by_token.vai_tro) == (vid, "SYT", None)
    assert [(r.id, r.vai_tro, r.thay_cho) for r in by_number] == [(by_token.id, "van_thu", None)]
