"""Records for the clerk: the event log of a directive and the outgoing register (sổ đăng ký đi)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from ..schemas import LoaiVanBan, VanBan
from ..storage import Kho
from ..storage.bang import DongSoDangKy, NhatKy, NoiNhanVanBan, VanBanLuu
from .dong_ho import gio_viet_nam
from .vong_doi import tim_van_ban


@dataclass(frozen=True)
class DongNhatKy:
    """One logged event."""

    luc: dt.datetime
    nguoi: str
    doi_tuong: str
    su_kien: str
    tu: str | None
    den: str | None
    chi_tiet: dict[str, Any]


def nhat_ky(kho: Kho, khoa: str) -> list[DongNhatKy]:
    """Every logged event of a directive and its recipients, oldest first."""
    with kho.giao_dich() as s:
        row = tim_van_ban(s, khoa)
        events = s.scalars(
            select(NhatKy).where(NhatKy.van_ban_id == row.id).order_by(NhatKy.id)
        ).all()
        return [
            DongNhatKy(
                gio_viet_nam(e.luc) or e.luc,
                e.nguoi,
                e.doi_tuong,
                e.su_kien,
                e.tu,
                e.den,
                dict(e.chi_tiet or {}),
            )
            for e in events
        ]


#: Columns of the outgoing register, Decree 30 Phụ lục IV.
COT_SO_DANG_KY = (
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)


def so_dang_ky(kho: Kho, nam: int) -> list[tuple[str, ...]]:
    """The outgoing register of a year, one row per number taken, in number order."""
    rows: list[tuple[str, ...]] = []
    with kho.giao_dich() as s:
        counts = dict(
            s.execute(
                select(NoiNhanVanBan.van_ban_id, func.count()).group_by(NoiNhanVanBan.van_ban_id)
            ).all()
        )
        lines = s.execute(
            select(DongSoDangKy, VanBanLuu)
            .outerjoin(VanBanLuu, VanBanLuu.id == DongSoDangKy.van_ban_id)
            .where(DongSoDangKy.nam == nam)
            .order_by(DongSoDangKy.so_dang_ky, DongSoDangKy.so)
        ).all()
        for line, row in lines:
            if row is None:
                rows.append(
                    (
                        f"{line.so:02d}",
                        _ngay(line.ngay),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        line.ghi_chu or "số không sử dụng",
                    )
                )
                continue
            vb = VanBan.model_validate(row.noi_dung, context={"hom_nay": line.ngay})
            printed = [n.ten for n in vb.noi_nhan]
            rows.append(
                (
                    row.so_ky_hieu or "",
                    _ngay(line.ngay),
                    f"{LoaiVanBan(row.loai).info.ten.capitalize()}: {row.trich_yeu}",
                    vb.nguoi_ky.ho_ten,
                    "; ".join(printed),
                    ", ".join(["VT", *vb.luu]),
                    str(vb.so_ban or counts.get(row.id, 0)),
                    _ngay(line.ngay),
                    "",
                    line.ghi_chu,
                )
            )
    return rows


def so_dang_ky_csv(rows: list[tuple[str, ...]]) -> str:
    """The register as CSV with the Decree's column headings."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COT_SO_DANG_KY)
    writer.writerows(rows)
    return out.getvalue()


def _ngay(ngay: dt.date) -> str:
    return f"{ngay.day:02d}/{ngay.month:02d}/{ngay.year}"
