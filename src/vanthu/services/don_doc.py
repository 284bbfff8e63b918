"""Reminders (đôn đốc) and the summary report (báo cáo tổng hợp), written as directives.

Both are ordinary directives built from the store — a công văn to the overdue bodies and a báo
cáo for the leader — so the same validation and the same renderer make them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import Refused
from ..rendering.loi_van import (
    doan_don_doc,
    doan_tong_hop,
    ten_van_ban,
    trich_yeu_don_doc,
    trich_yeu_tong_hop,
)
from ..schemas import VanBan
from ..storage.bang import VanBanRow
from ..storage.danh_ba import nguoi_dung, ten_co_quan
from ..storage.van_ban import dong_nhat_ky, ghi_dong_nhat_ky
from ..workflow import VaiTro
from .ket_xuat import DinhDang, TepKetXuat, ket_xuat_van_ban
from .theo_doi import BangTrangThai, TheoDoi
from .vong_doi import (
    KetQuaChuyen,
    VongDoi,
    thu_muc_van_ban,
    tim_van_ban,
)


def _ten_van_ban(row: VanBanRow) -> str:
    return ten_van_ban(row.loai, row.so_ky_hieu, None)


class DonDoc:
    """Reminder and summary use cases."""

    def __init__(self, vong_doi: VongDoi, theo_doi: TheoDoi) -> None:
        self.store = vong_doi.store
        self.clock = vong_doi.clock
        self.vong_doi = vong_doi
        self.theo_doi = theo_doi

    def nhac_nho(
        self, ten_nguoi: str, khoa: str, so_ngay: int = 3
    ) -> tuple[KetQuaChuyen, TepKetXuat]:
        """Draft the reminder công văn to every body overdue on the directive's tasks.

        The reminder is stored as a new draft (for the leader to sign) and rendered as a draft.

        Raises:
            Refused: nobody is overdue.
        """
        overdue = self.theo_doi.qua_han(khoa)
        if not overdue:
            raise Refused(khoa, "không cơ quan nào quá hạn: không có ai để đôn đốc")
        today = self.clock().date()
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa)
            original = VanBan.model_validate(row.payload, context={"hom_nay": today})
            codes = list(dict.fromkeys(v.ma_co_quan for v in overdue))
            names = ten_co_quan(s, codes)
            assert row.ngay is not None
            title = _ten_van_ban(row)
            issued = row.ngay
        new_deadline = today + dt.timedelta(days=so_ngay)
        data: dict[str, Any] = {
            "loai": "cong_van",
            "co_quan_chu_quan": original.co_quan_chu_quan,
            "co_quan": original.co_quan,
            "ky_hieu_co_quan": original.ky_hieu_co_quan,
            "don_vi_soan_thao": original.don_vi_soan_thao or (original.luu or ["VP"])[0],
            "dia_danh": original.dia_danh,
            "nam": today.year,
            "trich_yeu": trich_yeu_don_doc(title),
            "kinh_gui": [names[c] for c in codes],
            "noi_dung": doan_don_doc(
                van_ban=title,
                ngay_ban_hanh=issued,
                chuc_vu=original.nguoi_ky.chuc_vu,
                co_quan=original.co_quan,
                dia_danh=original.dia_danh,
                trich_yeu=row.trich_yeu,
                nhiem_vu=[v.mo_ta for v in overdue],
                hom_nay=today,
                han_moi=new_deadline,
            ),
            "nguoi_ky": original.nguoi_ky.model_dump(exclude_defaults=True),
            "noi_nhan": ["Như trên", {"ten": "CT, các PCT UBND tỉnh", "noi_bo": True}],
            "luu": original.luu,
            "ky_hieu_nguoi_soan": original.ky_hieu_nguoi_soan,
        }
        data = {k: v for k, v in data.items() if v is not None}
        draft = self.vong_doi.soan_thao(
            ten_nguoi,
            data,
            f"đôn đốc {khoa}",
            vai_tro_duoc_soan=frozenset({VaiTro.chuyen_vien, VaiTro.lanh_dao, VaiTro.van_thu}),
        )
        vb = VanBan.model_validate(data, context={"hom_nay": today})
        folder = self._thu_muc(khoa)
        files = ket_xuat_van_ban(
            vb, folder, f"don-doc-{draft.van_ban_id}", DinhDang.both, hom_nay=today
        )
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa)
            ghi_dong_nhat_ky(
                s,
                dong_nhat_ky(
                    row.id,
                    f"van_ban:{row.id}",
                    "don_doc",
                    ten_nguoi,
                    self.clock(),
                    du_thao=draft.van_ban_id,
                    co_quan=codes,
                    tep=[str(p) for p in files.paths()],
                ),
            )
        return draft, files

    def tong_hop(
        self,
        ten_nguoi: str,
        khoa: str,
        ho_ten: str | None = None,
        chuc_vu: str = "CHÁNH VĂN PHÒNG",
    ) -> TepKetXuat:
        """Render the summary report (báo cáo tổng hợp) for the leader, as a draft, signed by
        ``ho_ten`` (default: the acting user's full name).

        The summary shows how every recipient stands, so it is read by the office that issued
        the directive: a văn thư or a lãnh đạo, or the chuyên viên who drafted this directive
        (who follows it up); never by a recipient body's user.

        Raises:
            NotFound: no such user or directive.
            Refused: the user may not read this summary.
        """
        with self.store.transaction() as s:
            user = nguoi_dung(s, ten_nguoi)
            role = VaiTro(user.vai_tro)
            drafter = tim_van_ban(s, khoa).nguoi_soan
            if role not in (VaiTro.van_thu, VaiTro.lanh_dao) and not (
                role is VaiTro.chuyen_vien and drafter == ten_nguoi
            ):
                who = (
                    "đơn vị nhận"
                    if role is VaiTro.don_vi_nhan
                    else "chuyên viên không soạn văn bản này"
                )
                raise Refused(
                    f"người dùng '{ten_nguoi}'",
                    f"là {who}; bản tổng hợp của {khoa} chỉ dành cho văn thư, lãnh đạo "
                    "và người soạn",
                )
            ho_ten = ho_ten or user.ho_ten
        today = self.clock().date()
        table = self.theo_doi.trang_thai(khoa)
        overdue = self.theo_doi.qua_han(khoa)
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa)
            original = VanBan.model_validate(row.payload, context={"hom_nay": today})
            title = _ten_van_ban(row)
        paragraphs = _doan_tong_hop(
            table, overdue_names=[v.ten_co_quan for v in overdue], title=title, today=today
        )
        data: dict[str, Any] = {
            "loai": "bao_cao",
            "co_quan_chu_quan": " ".join(original.co_quan.split()),
            "co_quan": "VĂN PHÒNG",
            "ky_hieu_co_quan": "VP",
            "dia_danh": original.dia_danh,
            "nam": today.year,
            "trich_yeu": trich_yeu_tong_hop(title),
            "noi_dung": paragraphs,
            "nguoi_ky": {"chuc_vu": chuc_vu, "ho_ten": ho_ten},
            "noi_nhan": [f"{original.nguoi_ky.chuc_vu.capitalize()} UBND tỉnh (báo cáo)"],
            "luu": ["VP"],
        }
        vb = VanBan.model_validate(data, context={"hom_nay": today})
        return ket_xuat_van_ban(
            vb, self._thu_muc(khoa), "bao-cao-tong-hop", DinhDang.both, hom_nay=today
        )

    def _thu_muc(self, khoa: str) -> Path:
        with self.store.transaction() as s:
            return thu_muc_van_ban(tim_van_ban(s, khoa))


def _doan_tong_hop(
    table: BangTrangThai, overdue_names: list[str], title: str, today: dt.date
) -> list[str]:
    """The body of the summary: receipt, lateness, reports, and who is still missing."""
    return doan_tong_hop(
        van_ban=title,
        hom_nay=today,
        tong=table.tong(),
        chua_nhan=[r.ten for r in table.chua_nhan()],
        nhan_tre=[r.ten for r in table.dong if r.tre],
        qua_han=overdue_names,
    )
