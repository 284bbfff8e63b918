"""The directory's and the users' storage, on both databases (what the use cases do not show)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.storage.rows import them_van_ban
from vanthu.errors import NotFound, Refused
from vanthu.schemas import VanBan
from vanthu.schemas.danh_ba import CoQuanDanhBa
from vanthu.schemas.nhiem_vu import NhiemVu
from vanthu.schemas.noi_nhan import NoiNhan
from vanthu.storage import Store
from vanthu.storage import danh_ba as danh_ba_store
from vanthu.workflow import VaiTro


def test_loading_a_body_again_replaces_its_groups_and_keeps_each_once(store: Store) -> None:
    with store.transaction() as s:
        danh_ba_store.save_co_quan(s, [CoQuanDanhBa(ma="SYT", ten="Sở Y tế", nhom=["so", "y_te"])])
    with store.transaction() as s:
        danh_ba_store.save_co_quan(
            s, [CoQuanDanhBa(ma="SYT", ten="Sở Y tế tỉnh", ten_ngan="SYT", nhom=["so", "so"])]
        )
    with store.transaction() as s:
        assert danh_ba_store.ma_co_quan_nhiem_vu(s, (), ("y_te",)) == []
        assert danh_ba_store.ma_co_quan_nhiem_vu(s, ("SYT",), ("so",)) == ["SYT"]
        assert danh_ba_store.ten_co_quan(s, ["SYT", "KHONG_CO"]) == {"SYT": "Sở Y tế tỉnh"}
        assert danh_ba_store.co_co_quan(s, "SYT")
        assert not danh_ba_store.co_co_quan(s, "KHONG_CO")


def test_users_are_counted_found_and_the_clerks_listed(store: Store) -> None:
    with store.transaction() as s:
        assert danh_ba_store.so_nguoi_dung(s) == 0
        assert danh_ba_store.vai_tro_nguoi_dung(s, "vt") is None
        with pytest.raises(NotFound):
            danh_ba_store.nguoi_dung(s, "vt")
    them_van_ban(store)  # adds vt (văn thư) and syt (SYT's user)
    with store.transaction() as s:
        danh_ba_store.save_nguoi_dung(s, "vt2", "Văn thư hai", VaiTro.van_thu, None)
    with store.transaction() as s:
        assert danh_ba_store.so_nguoi_dung(s) == 3
        assert sorted(danh_ba_store.ten_van_thu_for_update(s)) == ["vt", "vt2"]
        assert danh_ba_store.vai_tro_nguoi_dung(s, "syt") == (VaiTro.don_vi_nhan, "SYT")
        assert danh_ba_store.nguoi_dung_for_update(s, "nobody") is None
        assert danh_ba_store.nguoi_dung(s, "vt2").ho_ten == "Văn thư hai"


def _van_ban(noi_nhan: list[NoiNhan], nhiem_vu: list[NhiemVu] | None = None) -> VanBan:
    """A directive holding only what the directory checks read (validated elsewhere)."""
    return VanBan.model_construct(noi_nhan=noi_nhan, nhiem_vu=nhiem_vu or [])


def _danh_ba(store: Store) -> None:
    with store.transaction() as s:
        danh_ba_store.save_co_quan(
            s,
            [
                CoQuanDanhBa(ma="SYT", ten="Sở Y tế", nhom=["so"]),
                CoQuanDanhBa(ma="SNV", ten="Sở Nội vụ", nhom=["so"]),
                CoQuanDanhBa(ma="UBND_PR", ten="UBND Phan Rang", nhom=["huyen"]),
            ],
        )


def test_a_noi_nhan_expands_in_printed_order_each_body_once_internal_lines_skipped(
    store: Store,
) -> None:
    _danh_ba(store)
    vb = _van_ban(
        [
            NoiNhan(ten="Sở Y tế", ma_co_quan=["SYT"]),
            NoiNhan(ten="Lưu: VT", ma_co_quan=["UBND_PR"], noi_bo=True),
            NoiNhan(ten="Các sở", nhom=["so"]),
            NoiNhan(ten="UBND Phan Rang", ma_co_quan=["UBND_PR"]),
        ]
    )
    with store.transaction() as s:
        found = danh_ba_store.mo_rong_noi_nhan(s, vb)
    assert [(r.ma, r.dong, r.dong_in) for r in found] == [
        ("SYT", 0, "Sở Y tế"),
        ("SNV", 2, "Các sở"),
        ("UBND_PR", 3, "UBND Phan Rang"),
    ]


def test_sub_items_expand_after_their_line_as_lines_of_their_own_unless_internal(
    store: Store,
) -> None:
    _danh_ba(store)
    vb = _van_ban(
        [
            NoiNhan(ten="Như trên"),
            NoiNhan(
                ten="Các sở",
                muc_con=[
                    NoiNhan(ten="Sở Nội vụ", ma_co_quan=["SNV"]),
                    NoiNhan(ten="Sở Y tế (nội bộ)", ma_co_quan=["SYT"], noi_bo=True),
                ],
            ),
            NoiNhan(ten="VPUB", noi_bo=True, muc_con=[NoiNhan(ten="UBND", ma_co_quan=["UBND_PR"])]),
        ]
    )
    with store.transaction() as s:
        found = danh_ba_store.mo_rong_noi_nhan(s, vb)
    assert [(r.ma, r.dong, r.dong_in) for r in found] == [("SNV", 1, "Sở Nội vụ")]
    unknown = _van_ban([NoiNhan(ten="Lạ", muc_con=[NoiNhan(ten="Không có", nhom=["nhom_la"])])])
    with (
        store.transaction() as s,
        pytest.raises(Refused, match=r"nhóm 'nhom_la' \(dòng 1: Không có\)"),
    ):
        danh_ba_store.mo_rong_noi_nhan(s, unknown)


def test_an_unknown_body_or_group_in_the_noi_nhan_is_refused_naming_each_line(store: Store) -> None:
    _danh_ba(store)
    vb = _van_ban([NoiNhan(ten="Lạ", ma_co_quan=["KHONG_CO"], nhom=["nhom_la"])])
    with store.transaction() as s, pytest.raises(Refused) as refused:
        danh_ba_store.mo_rong_noi_nhan(s, vb)
    assert "nhóm 'nhom_la' (dòng 1: Lạ)" in str(refused.value)
    assert "cơ quan 'KHONG_CO' (dòng 1: Lạ)" in str(refused.value)


def test_a_task_group_with_a_body_outside_the_noi_nhan_is_refused_with_its_field(
    store: Store,
) -> None:
    _danh_ba(store)
    han = dt.date(2021, 9, 20)
    inside = NhiemVu(doan=1, nhom=["so"], han=han)
    outside = NhiemVu(doan=1, nhom=["so", "huyen"], han=han)
    with store.transaction() as s:
        danh_ba_store.kiem_tra_danh_ba(s, _van_ban([NoiNhan(ten="Các sở", nhom=["so"])], [inside]))
        with pytest.raises(Refused, match=r"nhiem_vu\[0\]\.nhom.*UBND_PR"):
            danh_ba_store.kiem_tra_danh_ba(
                s, _van_ban([NoiNhan(ten="Các sở", nhom=["so"])], [outside])
            )
        with pytest.raises(Refused, match="nhóm 'la' \\(nhiệm vụ 1\\)"):
            danh_ba_store.kiem_tra_danh_ba(
                s,
                _van_ban(
                    [NoiNhan(ten="Các sở", nhom=["so"])], [NhiemVu(doan=1, nhom=["la"], han=han)]
                ),
            )
