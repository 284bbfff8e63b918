"""A small store for the storage tests: a fresh database of each kind, a few rows put directly."""

from __future__ import annotations

import datetime as dt

from vanthu.storage import Store
from vanthu.storage.bang import (
    CoQuan,
    NguoiDung,
    NhiemVuCoQuan,
    NhiemVuRow,
    NoiNhanVanBan,
    VanBanRow,
)
from vanthu.workflow import TrangThaiNoiNhan, TrangThaiVanBan, VaiTro

LUC = dt.datetime(2021, 9, 13, 1, 30, tzinfo=dt.UTC)


def them_van_ban(
    store: Store,
    so_ky_hieu: str = "01/CĐ-UBND",
    trang_thai: TrangThaiVanBan = TrangThaiVanBan.da_phat_hanh,
    noi_nhan: tuple[str, ...] = ("SYT", "SNV"),
    nhiem_vu: tuple[tuple[str, dt.date, bool, tuple[str, ...]], ...] = (),
) -> int:
    """A directive with its recipients (all sent) and tasks; its id. Users and bodies made if
    missing: ``vt`` (văn thư), ``syt`` (đơn vị nhận of SYT), bodies SYT, SNV, SXD."""
    with store.transaction() as s:
        if s.get(NguoiDung, "vt") is None:
            s.add(NguoiDung(ten="vt", ho_ten="Văn thư", vai_tro=VaiTro.van_thu.value))
            s.add(
                NguoiDung(
                    ten="syt", ho_ten="Sở Y tế", vai_tro=VaiTro.don_vi_nhan.value, ma_co_quan="SYT"
                )
            )
            for ma, ten in (("SYT", "Sở Y tế"), ("SNV", "Sở Nội vụ"), ("SXD", "Sở Xây dựng")):
                s.add(CoQuan(ma=ma, ten=f"{ten} tỉnh Ninh Thuận", ten_ngan=ten))
            s.flush()
        row = VanBanRow(
            loai="cong_dien",
            ky_hieu="CĐ-UBND",
            trich_yeu="Về việc phòng, chống dịch",
            payload={},
            trang_thai=trang_thai.value,
            nguoi_soan="vt",
            so_ky_hieu=so_ky_hieu,
            tao_luc=LUC,
            cap_nhat_luc=LUC,
        )
        s.add(row)
        s.flush()
        for i, ma in enumerate(noi_nhan):
            s.add(
                NoiNhanVanBan(
                    van_ban_id=row.id,
                    ma_co_quan=ma,
                    dong=i,
                    trang_thai=TrangThaiNoiNhan.da_gui.value,
                    ma_theo_doi=f"{row.id}-{ma}",
                    ma_xac_nhan=f"token-{row.id}-{ma}".lower(),
                    gui_luc=LUC,
                )
            )
        for i, (mo_ta, han, bao_cao, bodies) in enumerate(nhiem_vu):
            task = NhiemVuRow(van_ban_id=row.id, doan=i, mo_ta=mo_ta, han=han, bao_cao=bao_cao)
            s.add(task)
            s.flush()
            s.add_all(NhiemVuCoQuan(nhiem_vu_id=task.id, ma_co_quan=ma) for ma in bodies)
        return row.id
