"""Annexes (phụ lục) and the text a quyết định issues, laid out after the signature.

Each is a part of its own (PhanRieng): from a new page, its page numbers restarting at 1 with
none on its first page (Decree 30, PL I III.1.đ). An annex is headed (Mẫu 2.1) by "Phụ lục"
or "Phụ lục I" (14 pt bold), its title in capitals (bold) and the italic line "(Kèm theo
<Tên loại> số …/… ngày … tháng … năm … của …)", a short rule below; the text of Mẫu 1.3 by
the issuer block and Quốc hiệu without number, place or date, then its type, trích yếu and
the same italic line. The line is filled in once the document has its number and date, and
left with the draft's blanks before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from ..schemas import VanBan
from ..schemas.phu_luc import VanBanKemTheo, cua, ten_phu_luc
from .bo_cuc import Bang, Chu, DoanBoCuc, DuongKe, HaiCot, Khoi, KhoiTrang, PhanRieng
from .loi_van import ten_loai
from .ngat_dong import ngat_dong
from .ngay_thang import CHO_TRONG
from .styles import Kieu

if TYPE_CHECKING:
    from .soan_bo_cuc import SoanBoCuc

#: The rule under an annex's heading: this share of its longest line (1/3–1/2, as under a
#: trích yếu; the Decree draws one and gives no length).
TY_LE_KE = 1 / 3
#: Stands for a blank of the draft while the reference line is broken (a private-use letter).
_CHO = "\ue000"
#: The rule under the issuer of the attached text: half its line, as on the document's own.
TY_LE_KE_CO_QUAN = 0.5


def dong_kem_theo(vb: VanBan, hom_nay: dt.date) -> str:
    """ "(Kèm theo Kế hoạch số 45/KH-UBND ngày 05 tháng 3 năm 2021 của Ủy ban nhân dân tỉnh
    Ninh Thuận)", or with the draft's blanks for the number, day and month."""
    so = vb.so_hien_thi or CHO_TRONG
    if vb.ngay is None:
        ngay = f"ngày{CHO_TRONG}tháng{CHO_TRONG}năm {vb.nam or hom_nay.year}"
    else:
        thang = f"{vb.ngay.month:02d}" if vb.ngay.month <= 2 else str(vb.ngay.month)
        ngay = f"ngày {vb.ngay.day:02d} tháng {thang} năm {vb.ngay.year}"
    return f"(Kèm theo {ten_loai(vb.loai)} số {so}/{vb.ky_hieu_day_du} {ngay} của {cua(vb)})"


class SoanPhuLuc:
    """Lays out the parts after the signature with one SoanBoCuc's styles and measures."""

    def __init__(self, soan: SoanBoCuc) -> None:
        self.sbc = soan
        self.rong = soan.bang.trang.vung_chu

    def soan(self, vb: VanBan, hom_nay: dt.date) -> list[PhanRieng]:
        """The attached text (if any), then the annexes, each a part of its own."""
        kem_theo = dong_kem_theo(vb, hom_nay)
        parts = []
        if vb.van_ban_kem_theo is not None:
            parts.append(self._kem_theo(vb, vb.van_ban_kem_theo, kem_theo))
        for i, pl in enumerate(vb.phu_luc):
            name = ten_phu_luc(i, len(vb.phu_luc))
            heading: list[Khoi] = [
                DoanBoCuc(Kieu.TEN_LOAI, (Chu(name),), cach_truoc=0.0, giu_voi_sau=True)
            ]
            heading += self.sbc.dong(pl.ten.upper(), Kieu.TRICH_YEU, self.rong * 0.9, True)
            heading += self._dong_kem_theo(kem_theo, heading)
            body = self.sbc.noi_dung(pl.noi_dung, ket_thuc=False)
            parts.append(PhanRieng(name, _mo_dau(heading, body)))
        return parts

    def _dong_kem_theo(self, text: str, above: list[Khoi]) -> list[Khoi]:
        """The italic reference line, centred, and the short rule under the heading."""

        # The draft's blanks are one unbreakable mark while the line is broken, measured as
        # the spaces they are, so that they survive as the header's do.
        def width(part: str) -> float:
            style = self.sbc.bang[Kieu.TRICH_YEU]
            return self.sbc.do_rong.cm(part.replace(_CHO, CHO_TRONG), style.co_chu, False, True)

        broken = ngat_dong(text.replace(CHO_TRONG, _CHO), self.rong * 0.98, width)
        lines: list[Khoi] = [
            DoanBoCuc(
                Kieu.TRICH_YEU,
                (Chu(line.replace(_CHO, CHO_TRONG), dam=False, nghieng=True),),
                cach_truoc=None if i == 0 else 0.0,
                giu_voi_sau=True,
            )
            for i, line in enumerate(broken)
        ]
        longest = max(
            self.sbc.rong(d.text, Kieu.TRICH_YEU) for d in above if isinstance(d, DoanBoCuc)
        )
        return [*lines, DuongKe(round(min(longest, self.rong) * TY_LE_KE, 2))]

    def _kem_theo(self, vb: VanBan, text: VanBanKemTheo, kem_theo: str) -> PhanRieng:
        """Mẫu 1.3's attached text: header without number and date, type, trích yếu, line."""
        heading: list[KhoiTrang] = [self._dau(vb)]
        heading += self.sbc.dong(text.loai.info.ten, Kieu.TEN_LOAI, self.rong * 0.9, True)
        trich_yeu = self.sbc.dong(text.trich_yeu, Kieu.TRICH_YEU, self.rong * 0.9, True)
        heading += trich_yeu
        heading += self._dong_kem_theo(kem_theo, list(trich_yeu))
        body = self.sbc.noi_dung(text.noi_dung)
        if body and isinstance(body[-1], DoanBoCuc):
            body[-1] = replace(body[-1], giu_voi_sau=False)  # no signature follows it
        # Its header table stays on a portrait page of its own if a landscape table follows.
        return PhanRieng(ten_loai(text.loai), (*heading, *body))

    def _dau(self, vb: VanBan) -> HaiCot:
        """Issuer (left) and Quốc hiệu and Tiêu ngữ (right), each with its rule; no number,
        place or date (the attached text of Mẫu 1.3)."""
        trai_rong, _ = self.sbc.cot
        trai: list[Khoi] = []
        if vb.co_quan_chu_quan:
            trai += self.sbc.dong(vb.co_quan_chu_quan.upper(), Kieu.CO_QUAN_CHU_QUAN, trai_rong)
        co_quan = self.sbc.dong(vb.co_quan.upper(), Kieu.CO_QUAN, trai_rong)
        trai += co_quan
        longest = min(max(self.sbc.rong(d.text, Kieu.CO_QUAN) for d in co_quan), trai_rong)
        trai.append(DuongKe(round(longest * TY_LE_KE_CO_QUAN, 2)))
        tieu_ngu = "Độc lập - Tự do - Hạnh phúc"
        phai: list[Khoi] = [
            DoanBoCuc(Kieu.QUOC_HIEU, (Chu("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),)),
            DoanBoCuc(Kieu.TIEU_NGU, (Chu(tieu_ngu),)),
            DuongKe(round(self.sbc.rong(tieu_ngu, Kieu.TIEU_NGU), 2)),
        ]
        return HaiCot(self.sbc.cot, tuple(trai), tuple(phai), "dau")


def _mo_dau(heading: list[Khoi], body: list[Khoi | Bang]) -> tuple[KhoiTrang, ...]:
    """A part's blocks: its heading, then its body. A part that opens with a landscape table
    sets its heading on that table's first page (above the table's caption), not alone on a
    portrait page."""
    first = body[0] if body else None
    if isinstance(first, Bang) and first.ngang:
        return (replace(first, ten=(*heading, *first.ten)), *body[1:])
    return (*heading, *body)
