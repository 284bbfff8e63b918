"""Every text column with a length holds what the limits let through, on both databases.

PostgreSQL refuses a value longer than its VARCHAR(n); SQLite stores it. So each column's
length is held against the limit (``schemas.gioi_han``) of the values the services put there,
and a value that gets past them anyway is refused by the store the same way on both.
"""

from __future__ import annotations

import hashlib
import secrets

import pytest
from sqlalchemy import String, func, select

from vanthu.delivery.thu import KENH_THU
from vanthu.errors import Refused
from vanthu.schemas import LoaiVanBan
from vanthu.schemas.ban_sao import HinhThucSao
from vanthu.schemas.gioi_han import (
    DONG_TOI_DA,
    EMAIL_TOI_DA,
    ID_TOI_DA,
    KY_HIEU_TOI_DA,
    MA_TOI_DA,
    NAM_LON_NHAT,
    SO_KY_HIEU_TOI_DA,
    SO_TOI_DA,
    TEN_MA_TRUY_CAP_TOI_DA,
    TEN_NGAN_TOI_DA,
    TEN_SO_DANG_KY_TOI_DA,
)
from vanthu.services.ky_ban_hanh import TEN_KY_SO
from vanthu.services.nguoi_dung import them_nguoi_dung
from vanthu.storage import Store
from vanthu.storage.bang import Bang, BoundedString, NguoiDung
from vanthu.storage.noi_nhan import KENH_TEP
from vanthu.workflow import (
    SuKienNoiNhan,
    SuKienVanBan,
    TrangThaiNoiNhan,
    TrangThaiVanBan,
    VaiTro,
)

SHA256 = len(hashlib.sha256().hexdigest())
#: A register's key: "<issuer symbol>:<register name>".
SO_DANG_KY = KY_HIEU_TOI_DA + 1 + TEN_SO_DANG_KY_TOI_DA
#: Events the log records besides the lifecycle events (services write them by name).
SU_KIEN_KHAC = (
    "soan_thao",
    "phat_hanh",
    "gui",
    "gui_thu",
    "gui_thu_loi",
    "bao_thu_hoi",
    "bao_thu_hoi_thu",
    "bao_thu_hoi_thu_loi",
    "don_doc",
    "giu_so",
    "dat_mat_khau",
    "tao_ma_truy_cap",
    "thu_hoi_ma_truy_cap",
)
TRANG_THAI = max(len(s.value) for s in (*TrangThaiVanBan, *TrangThaiNoiNhan))

#: Each text column with a length → the longest value the services can write there.
GIOI_HAN_COT: dict[str, int] = {
    "nguoi_dung.ten": MA_TOI_DA,
    "nguoi_dung.ho_ten": DONG_TOI_DA,
    "nguoi_dung.vai_tro": max(len(v.value) for v in VaiTro),
    "nguoi_dung.ma_co_quan": MA_TOI_DA,
    "co_quan.ma": MA_TOI_DA,
    "co_quan.ten": DONG_TOI_DA,
    "co_quan.ten_ngan": TEN_NGAN_TOI_DA,
    "co_quan.email": EMAIL_TOI_DA,
    "nhom_co_quan.nhom": MA_TOI_DA,
    "nhom_co_quan.ma_co_quan": MA_TOI_DA,
    "van_ban.loai": max(len(loai.value) for loai in LoaiVanBan),
    "van_ban.ky_hieu": KY_HIEU_TOI_DA,
    "van_ban.trang_thai": max(len(s.value) for s in TrangThaiVanBan),
    "van_ban.nguoi_soan": MA_TOI_DA,
    "lan_phat_hanh.nguoi": MA_TOI_DA,
    "van_ban.so_ky_hieu": SO_KY_HIEU_TOI_DA,
    "van_ban.docx_sha256": SHA256,
    "van_ban.pdf_sha256": SHA256,
    "dem_so.so_dang_ky": SO_DANG_KY,
    "so_dang_ky.so_dang_ky": SO_DANG_KY,
    "noi_nhan.ma_co_quan": MA_TOI_DA,
    "noi_nhan.trang_thai": max(len(s.value) for s in TrangThaiNoiNhan),
    # phat_hanh writes "VB<id>-<body code>".
    "noi_nhan.ma_theo_doi": len(f"VB{ID_TOI_DA}-") + MA_TOI_DA,
    # phat_hanh writes secrets.token_hex(12); tham_so.ma_xac_nhan looks up at most 64.
    "noi_nhan.ma_xac_nhan": 64,
    "lan_gui.kenh": max(len(KENH_TEP), len(KENH_THU)),
    "nhiem_vu_co_quan.ma_co_quan": MA_TOI_DA,
    "bao_cao.ma_co_quan": MA_TOI_DA,
    "bao_cao.so_ky_hieu_tra_loi": KY_HIEU_TOI_DA,
    "bao_cao.sha256": SHA256,
    "nhat_ky.doi_tuong": max(
        len(f"van_ban:{ID_TOI_DA}"),
        len(f"noi_nhan:{ID_TOI_DA}:") + MA_TOI_DA,
        len(f"so_dang_ky::{NAM_LON_NHAT}:{SO_TOI_DA}") + SO_DANG_KY,
    ),
    "nhat_ky.su_kien": max(
        len(e) for e in (*(s.value for s in (*SuKienVanBan, *SuKienNoiNhan)), *SU_KIEN_KHAC)
    ),
    "nhat_ky.tu": TRANG_THAI,
    "nhat_ky.den": TRANG_THAI,
    "nhat_ky.nguoi": MA_TOI_DA,
    "login_session.token_sha256": SHA256,
    "login_session.ten": MA_TOI_DA,
    # services.login writes secrets.token_urlsafe(32): 43 characters.
    "login_session.csrf": len(secrets.token_urlsafe(32)),
    "api_token.token_sha256": SHA256,
    "api_token.ten": MA_TOI_DA,
    "api_token.label": TEN_MA_TRUY_CAP_TOI_DA,
    # Signing at issue (#10): the status codes, the leader's user name, the prepared PDF's hash.
    "van_ban.ky_so": max(len(v) for v in TEN_KY_SO),
    "van_ban.nguoi_ky_so": MA_TOI_DA,
    "van_ban.ban_chuan_bi_sha256": SHA256,
    # Copies (#10): their register, number and symbol, form, maker and frozen files.
    "ban_sao.so_dang_ky": SO_DANG_KY,
    "ban_sao.so_ky_hieu": SO_KY_HIEU_TOI_DA,
    "ban_sao.hinh_thuc": max(len(h.value) for h in HinhThucSao),
    "ban_sao.nguoi": MA_TOI_DA,
    "ban_sao.docx_sha256": SHA256,
    "ban_sao.pdf_sha256": SHA256,
}


def cot_co_do_dai() -> dict[str, int]:
    """Every column of the store whose type has a length: "table.column" → n."""
    return {
        f"{table.name}.{column.name}": column.type.length
        for table in Bang.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, String | BoundedString) and column.type.length is not None
    }


def test_every_text_column_with_a_length_has_a_limit_in_the_table() -> None:
    assert set(cot_co_do_dai()) == set(GIOI_HAN_COT)


@pytest.mark.parametrize("cot", sorted(GIOI_HAN_COT))
def test_the_limit_of_what_goes_into_a_column_fits_its_length(cot: str) -> None:
    assert GIOI_HAN_COT[cot] <= cot_co_do_dai()[cot], f"{cot}: widen the column or lower the limit"


def test_every_text_column_with_a_length_is_enforced_by_vanthu_on_sqlite_too() -> None:
    loose = [
        f"{table.name}.{column.name}"
        for table in Bang.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, String) and column.type.length is not None
    ]
    assert loose == []


def so_nguoi_dung(store: Store) -> int:
    with store.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(NguoiDung)) or 0)


def test_a_full_name_over_its_limit_is_refused_by_the_use_case_on_both_databases(
    store: Store,
) -> None:
    with pytest.raises(Refused, match=r"^người dùng 'vt': ho_ten: 201 ký tự, tối đa 200$"):
        them_nguoi_dung(store, "vt", "Đ" * 201, VaiTro.van_thu, nguoi_thuc_hien=None)
    assert so_nguoi_dung(store) == 0


def test_a_value_longer_than_its_column_is_refused_by_the_store_the_same_on_both(
    store: Store,
) -> None:
    with (
        pytest.raises(
            Refused, match=r"^nguoi_dung\.ho_ten: 201 ký tự; kho dữ liệu chỉ lưu tối đa 200$"
        ),
        store.transaction() as s,
    ):
        s.add(NguoiDung(ten="cv", ho_ten="Đ" * 201, vai_tro=VaiTro.chuyen_vien.value))
    assert so_nguoi_dung(store) == 0


def test_a_value_of_exactly_the_column_length_is_stored_on_both(store: Store) -> None:
    with store.transaction() as s:
        s.add(NguoiDung(ten="cv", ho_ten="Đ" * 200, vai_tro=VaiTro.chuyen_vien.value))
    with store.transaction() as s:
        user = s.get(NguoiDung, "cv")
        assert user is not None and user.ho_ten == "Đ" * 200
