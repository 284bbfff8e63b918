"""Decree 30's rules turned into a layout: a directive (VanBan) in, a BoCuc out.

The order of the page follows Mẫu 1.1–1.6 of Phụ lục III: header (boxes 1–4, 5b, 10a/b), tên loại
and trích yếu (5a), the công điện sender or Kính gửi block (9a), authority line and căn cứ of a
decision, the body (6), then Nơi nhận (9b, 12) beside the signature (7a–7c).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..errors import UnsupportedLayout
from ..schemas import Doan, DoKhan, KieuDoan, LoaiVanBan, VanBan
from ..schemas.anh import AnhDaDoc
from ..schemas.bang import Bang as BangVanBan
from ..schemas.mau_rieng import CO_HAI_CHU_KY, KHONG_NGAY_DAU
from ..schemas.nguoi_ky import NguoiKy
from ..schemas.van_ban import CO_THAM_QUYEN, KHONG_TRICH_YEU
from .bang_noi_dung import SoanBang, dong_ket_thuc, trang_ngang
from .bo_cuc import Bang, BoCuc, Chu, DoanBoCuc, DuongKe, HaiCot, Khoi, PhanRieng
from .cho_ky import dat_anh
from .chu_doan import chu_doan, chu_tron
from .fonts import DoRongChu
from .le_trang import lien_he, luu_hanh
from .lien_tich import co_quan_thu_hai, tac_gia
from .loi_van import ten_loai
from .mau_rieng import chu_ky_hai_ben, xac_nhan_noi_nghi
from .ngat_dong import ngat_dong
from .ngay_thang import CHO_TRONG, ngay_thang_nam
from .phu_luc import SoanPhuLuc
from .styles import BangKieu, Kieu

#: Types whose sample form vanthu lays out: all 29 (Mẫu 1.1–1.10, and the general rules for
#: hợp đồng, bản ghi nhớ, bản thỏa thuận and thư công; see mau_rieng).
DUOC_HO_TRO = frozenset(LoaiVanBan)

#: Width of the urgency stamps in cm (Decree 30, PL I III: 30×8, 40×8 and 20×8 mm).
RONG_DAU_KHAN = {DoKhan.hoa_toc: 3.0, DoKhan.thuong_khan: 4.0, DoKhan.khan: 2.0}
CAO_DAU = 0.8  # cm: height of the urgency stamps, and of the secrecy stamps beside them
LE_DAU_KHAN = 0.3  # cm: least room beside an urgency stamp's word, both sides together
DAU_COLOUR = "FF0000"  # stamps are in bright red ink
LE_NGUOI_NHAN = 2.5  # cm: indent of the addressee list (công điện) and of "Kính gửi:"
TY_LE_KE_CO_QUAN = 0.5  # rule under the issuer: 1/3–1/2 of its line, centred
TY_LE_KE_TRICH_YEU = 1 / 3  # rule under the trích yếu: 1/3–1/2 of its line, centred
CACH_KHOI_CHU_KY = 12.0  # pt above the Nơi nhận / signature row

#: Body styles of headings and centred lines: never the last line of a page.
TIEU_DE = frozenset({Kieu.NOI_DUNG_TIEU_DE, Kieu.NOI_DUNG_GIUA})

_DIEU = re.compile(r"^(Điều\s+\d+[a-zđ]?\.)(\s.*)?$", re.DOTALL)
_MUC_LA_MA = re.compile(r"^[IVXLC]+\.\s")


class SoanBoCuc:
    """Lays out directives with one style sheet and one type face."""

    def __init__(self, bang: BangKieu, do_rong: DoRongChu) -> None:
        self.bang = bang
        self.do_rong = do_rong
        rong = bang.trang.vung_chu
        qh = bang[Kieu.QUOC_HIEU]
        quoc_hieu = self._rong("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Kieu.QUOC_HIEU)
        # The Quốc hiệu must fit on one line: the right column is sized on it (spec §2).
        phai = round(min(max(quoc_hieu + 0.25, 9.1 if qh.co_chu <= 12 else 9.8), rong * 0.65), 2)
        self.cot = (round(rong - phai, 2), phai)

    # -- measuring -------------------------------------------------------------------------

    def _rong(self, text: str, kieu: Kieu, dam: bool | None = None) -> float:
        st = self.bang[kieu]
        bold = st.dam if dam is None else dam
        return self.do_rong.cm(text, st.co_chu, bold, st.nghieng)

    def _ngat(self, text: str, kieu: Kieu, rong: float) -> list[str]:
        # 2 % slack: Word and the PDF must both keep each line whole.
        return ngat_dong(text, rong * 0.98, lambda s: self._rong(s, kieu))

    def dong(
        self, text: str, kieu: Kieu, rong: float, giu_voi_sau: bool = False
    ) -> list[DoanBoCuc]:
        """One paragraph per line of ``text`` broken to ``rong`` (see ``_dong``)."""
        return self._dong(text, kieu, rong, giu_voi_sau)

    def rong(self, text: str, kieu: Kieu, dam: bool | None = None) -> float:
        """Width in cm of ``text`` set in ``kieu``."""
        return self._rong(text, kieu, dam)

    def ngat(self, text: str, kieu: Kieu, rong: float) -> list[str]:
        """``text`` broken into the lines both writers print in a column ``rong`` wide."""
        return self._ngat(text, kieu, rong)

    def _dong(
        self, text: str, kieu: Kieu, rong: float, giu_voi_sau: bool = False
    ) -> list[DoanBoCuc]:
        """One paragraph per line; the style's space above only before the first line.

        ``giu_voi_sau``: a heading, whose lines stay on the page of what follows them.
        """
        lines = self._ngat(text, kieu, rong)
        return [
            DoanBoCuc(
                kieu, (Chu(line),), cach_truoc=None if i == 0 else 0.0, giu_voi_sau=giu_voi_sau
            )
            for i, line in enumerate(lines)
        ]

    # -- the page --------------------------------------------------------------------------

    def soan(
        self, vb: VanBan, hom_nay: dt.date, anh: Mapping[str, AnhDaDoc] | None = None
    ) -> BoCuc:
        """The layout of one directive; ``anh`` holds the checked images it names, by path.

        Raises:
            UnsupportedLayout: the type's sample form is not laid out by vanthu yet.
            RenderError: the directive names an image that ``anh`` does not hold.
        """
        anh = anh or {}
        if vb.loai not in DUOC_HO_TRO:
            raise UnsupportedLayout(vb.loai.value, vb.loai.info.mau)
        khoi: list[DoanBoCuc | DuongKe | HaiCot | Bang | PhanRieng] = [self._dau(vb, hom_nay)]
        khoi.extend(self._ten_loai(vb))
        khoi.extend(self._nguoi_nhan(vb))
        khoi.extend(self._can_cu(vb))
        khoi.extend(self._giu_hai_dong(self._noi_dung(vb)))
        if vb.loai in CO_HAI_CHU_KY or vb.lien_tich:
            khoi.append(chu_ky_hai_ben(self, vb, anh))
        else:
            khoi.append(self._chu_ky(vb, anh))
        if vb.xac_nhan_noi_nghi:
            khoi.append(xac_nhan_noi_nghi(self, vb.xac_nhan_noi_nghi))
        khoi.extend(SoanPhuLuc(self).soan(vb, hom_nay))
        ten = " ".join(vb.ten_thu.split()).capitalize() if vb.ten_thu else ten_loai(vb.loai)
        so = vb.so_ky_hieu or f"dự thảo …/{vb.ky_hieu_day_du}"
        trich_yeu = " ".join((vb.trich_yeu or "").split())
        chan, cao_chan = lien_he(self, vb)
        return BoCuc(
            khoi=tuple(khoi),
            tieu_de=f"{ten} {so}" + (f": {trich_yeu}" if trich_yeu else ""),
            tac_gia=tac_gia(vb),
            chu_de=trich_yeu,
            tu_khoa=(ten, so),
            dau_trang_dau=luu_hanh(self, vb),
            chan_trang_dau=chan,
            cao_chan_trang_dau=cao_chan,
        )

    def _dau(self, vb: VanBan, hom_nay: dt.date) -> HaiCot:
        """Boxes 1–4 (and 5b, 10a, 10b): issuer and number left, Quốc hiệu and date right."""
        trai_rong, phai_rong = self.cot
        trai: list[Khoi] = []
        # A joint document names its second body under the lead body, one rule under both.
        co_quan: list[DoanBoCuc] = []
        for chu_quan, ten in ((vb.co_quan_chu_quan, vb.co_quan), co_quan_thu_hai(vb)):
            if chu_quan:
                trai += self._dong(chu_quan.upper(), Kieu.CO_QUAN_CHU_QUAN, trai_rong)
            if ten:
                lines = self._dong(ten.upper(), Kieu.CO_QUAN, trai_rong)
                trai += lines
                co_quan += lines
        # A word wider than the column is broken inside it by the writers: the rule stays within.
        longest = min(max(self._rong(d.text, Kieu.CO_QUAN) for d in co_quan), trai_rong)
        trai.append(DuongKe(round(longest * TY_LE_KE_CO_QUAN, 2)))
        so = vb.so_hien_thi or CHO_TRONG
        trai.append(DoanBoCuc(Kieu.SO_KY_HIEU, (Chu(f"Số: {so}/{vb.ky_hieu_day_du}"),)))
        if vb.loai is LoaiVanBan.cong_van and vb.trich_yeu:
            trai += self._dong(_v_v(vb.trich_yeu), Kieu.TRICH_YEU_CONG_VAN, trai_rong)
        for dau, rong_dau in self._dau_muc_do(vb):
            trai.append(
                DoanBoCuc(
                    Kieu.DAU_MUC_DO,
                    (Chu(dau, colour=DAU_COLOUR),),
                    khung=rong_dau,
                    khung_cao=CAO_DAU,
                    khung_colour=DAU_COLOUR,
                )
            )

        tieu_ngu = "Độc lập - Tự do - Hạnh phúc"
        ngay = ngay_thang_nam(vb.dia_danh, vb.ngay, vb.nam or hom_nay.year)
        phai: list[Khoi] = [
            DoanBoCuc(Kieu.QUOC_HIEU, (Chu("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),)),
            DoanBoCuc(Kieu.TIEU_NGU, (Chu(tieu_ngu),)),
            DuongKe(round(self._rong(tieu_ngu, Kieu.TIEU_NGU), 2)),
        ]
        if vb.loai not in KHONG_NGAY_DAU:  # a biên bản's header has no place and date
            phai += self._dong(ngay, Kieu.DIA_DANH_NGAY, phai_rong)
        return HaiCot(self.cot, tuple(trai), tuple(phai), "dau")

    def _dau_muc_do(self, vb: VanBan) -> list[tuple[str, float]]:
        """Secrecy (10a) then urgency (10b) stamps with their box widths."""
        marks: list[tuple[str, float]] = []
        pad = 0.6
        if vb.do_mat:
            marks.append(
                (vb.do_mat.label, round(self._rong(vb.do_mat.label, Kieu.DAU_MUC_DO) + pad, 2))
            )
        if vb.do_khan:
            # The pre-made stamp's width, unless a larger style leaves its word no margin.
            text = vb.do_khan.label
            fit = self._rong(text, Kieu.DAU_MUC_DO) + LE_DAU_KHAN
            marks.append((text, round(max(RONG_DAU_KHAN[vb.do_khan], fit), 2)))
        return marks

    def _ten_loai(self, vb: VanBan) -> list[Khoi]:
        """Box 5a: the type name and the trích yếu under it, with its short rule."""
        if vb.loai is LoaiVanBan.cong_van:
            return []
        rong = self.bang.trang.vung_chu * 0.9
        # A thư công prints its own name (THƯ CHÚC MỪNG), and its trích yếu if it has one.
        ten = vb.ten_thu.upper() if vb.ten_thu else vb.loai.info.ten
        names = self._dong(ten, Kieu.TEN_LOAI, rong)
        out: list[Khoi] = list(names)
        if vb.trich_yeu and (vb.loai not in KHONG_TRICH_YEU or vb.ten_thu):
            lines = self._dong(vb.trich_yeu, Kieu.TRICH_YEU, rong)
            out += lines
            longest = min(max(self._rong(d.text, Kieu.TRICH_YEU) for d in lines), rong)
            out.append(DuongKe(round(longest * TY_LE_KE_TRICH_YEU, 2)))
        else:
            longest = min(max(self._rong(d.text, Kieu.TEN_LOAI) for d in names), rong)
            out.append(DuongKe(round(longest / 2, 2)))
        return out

    def _nguoi_nhan(self, vb: VanBan) -> list[Khoi]:
        """Box 9a: "<sender> điện:" and its list (công điện), or the "Kính gửi:" block."""
        if not vb.kinh_gui:
            return []
        dash = self._rong("- ", Kieu.KINH_GUI)
        items = _danh_sach(vb.kinh_gui, last=".")
        if vb.loai is LoaiVanBan.cong_dien:
            out: list[Khoi] = [
                *self._dong(f"{vb.nguoi_gui} điện:", Kieu.NGUOI_GUI, self.bang.trang.vung_chu, True)
            ]
            left = LE_NGUOI_NHAN + dash
            out += [
                DoanBoCuc(
                    Kieu.KINH_GUI,
                    (Chu(f"- {t}"),),
                    le_trai=round(left, 2),
                    thut_dau=round(-dash, 2),
                )
                for t in items
            ]
            return out
        label = "Kính gửi:"
        if len(vb.kinh_gui) == 1:
            # One addressee: on the label's line (PL I II.9).
            hang = self._rong(f"{label} ", Kieu.KINH_GUI)
            runs = (Chu(f"{label} "), Chu(vb.kinh_gui[0]))
            return [
                DoanBoCuc(
                    Kieu.KINH_GUI,
                    runs,
                    le_trai=round(LE_NGUOI_NHAN + hang, 2),
                    thut_dau=round(-hang, 2),
                )
            ]
        # Several: the label alone, then one "- …;" line each, the dashes aligned under its colon.
        colon = LE_NGUOI_NHAN + self._rong("Kính gửi", Kieu.KINH_GUI)
        out = [
            DoanBoCuc(
                Kieu.KINH_GUI,
                (Chu(label),),
                le_trai=LE_NGUOI_NHAN,
                thut_dau=0.0,
                giu_voi_sau=True,
            )
        ]
        out += [
            DoanBoCuc(
                Kieu.KINH_GUI,
                (Chu(f"- {t}"),),
                cach_truoc=0.0,
                le_trai=round(colon + dash, 2),
                thut_dau=round(-dash, 2),
            )
            for t in items
        ]
        return out

    def _can_cu(self, vb: VanBan) -> list[Khoi]:
        """Authority line, căn cứ (each ';', the last '.') and "QUYẾT ĐỊNH:" of a decision."""
        out: list[Khoi] = []
        if vb.tham_quyen:
            out += self._dong(
                vb.tham_quyen.upper(), Kieu.THAM_QUYEN, self.bang.trang.vung_chu, True
            )
        out += [DoanBoCuc(Kieu.CAN_CU, chu_tron(t)) for t in _danh_sach(vb.can_cu, last=".")]
        if vb.loai in CO_THAM_QUYEN:
            word = "QUYẾT NGHỊ:" if vb.loai is LoaiVanBan.nghi_quyet else "QUYẾT ĐỊNH:"
            out.append(DoanBoCuc(Kieu.QUYET_DINH, (Chu(word),), giu_voi_sau=True))
        return out

    def _bang(self, bang: BangVanBan, ket_thuc: bool) -> Bang:
        """A table of the body, its caption centred above it; a last one closes with "./."."""
        rong = trang_ngang(self.bang.trang).vung_chu if bang.ngang else self.bang.trang.vung_chu
        ten = tuple(self._dong(bang.ten, Kieu.NOI_DUNG_GIUA, rong, True)) if bang.ten else ()
        sau = (dong_ket_thuc(),) if ket_thuc else ()
        return SoanBang(self.do_rong, self.bang.trang).soan(bang, ten, sau)

    def _noi_dung(self, vb: VanBan) -> list[Khoi | Bang]:
        """Box 6: the body; "Điều n." in bold; the last paragraph ends "./."."""
        return self.noi_dung(vb.noi_dung, chu_thich=vb.chu_thich)

    def noi_dung(
        self,
        items: Sequence[Doan],
        ket_thuc: bool = True,
        chu_thich: Mapping[str, str] | None = None,
    ) -> list[Khoi | Bang]:
        """Body items laid out: "Điều n." in bold; with ``ket_thuc`` the last ends "./.";
        emphasis, line breaks and the footnotes of ``chu_thich`` as marked up (``chu_doan``)."""
        out: list[Khoi | Bang] = []
        last = len(items) - 1 if ket_thuc else -1
        for i, doan in enumerate(items):
            if doan.bang is not None:
                out.append(self._bang(doan.bang, ket_thuc=i == last))
                continue
            text = doan.van_ban_tron
            kieu = {
                KieuDoan.thuong: Kieu.NOI_DUNG,
                KieuDoan.tieu_de: Kieu.NOI_DUNG_TIEU_DE,
                KieuDoan.giua: Kieu.NOI_DUNG_GIUA,
            }[doan.kieu]
            if kieu is Kieu.NOI_DUNG and _MUC_LA_MA.match(text) and text == text.upper():
                kieu = Kieu.NOI_DUNG_TIEU_DE
            runs = chu_doan(doan.phan(), chu_thich or {}, cuoi=i == last)
            if kieu is Kieu.NOI_DUNG:
                runs = _dieu_dam(runs)
            # A heading stays with what follows it; the last paragraph, whole, with the
            # signature (LibreOffice never splits a paragraph kept with the table after it).
            keep = i == last or kieu in TIEU_DE
            out.append(DoanBoCuc(kieu, runs, giu_voi_sau=keep, giu_tron=i == last))
        if not ket_thuc and out and isinstance(out[-1], DoanBoCuc):
            out[-1] = replace(out[-1], giu_voi_sau=False)  # nothing follows it to keep with
        return out

    def _giu_hai_dong(self, body: list[Khoi | Bang]) -> list[Khoi | Bang]:
        """The signature stands with at least two lines of the body: when the last paragraph
        is one line, the one before it keeps with it too, whole (as LibreOffice keeps it)."""
        if len(body) < 2 or not isinstance(last := body[-1], DoanBoCuc):
            return body
        indent = self.bang[last.kieu].thut_dau
        if len(self._ngat(last.text, last.kieu, self.bang.trang.vung_chu - indent)) > 1:
            return body
        before = body[-2]
        if isinstance(before, DoanBoCuc):
            body = [*body[:-2], replace(before, giu_voi_sau=True, giu_tron=True), last]
        return body

    def _chu_ky(self, vb: VanBan, anh: Mapping[str, AnhDaDoc]) -> HaiCot:
        """Boxes 9b and 12 (left) beside 7a–7c (right).

        The first row holds the signature and as much of the Nơi nhận as stands beside it, and
        never splits; the rest of a long Nơi nhận follows a line a row, onto the next page if
        need be, while the signature stays with the end of the body.
        """
        nhan, items = self.noi_nhan(vb)
        phai = self.khoi_ky(vb.nguoi_ky, self.cot[1])
        phai = dat_anh(phai, "nguoi_ky", vb.nguoi_ky, anh, self.cot[1], self.bang)
        beside = self._canh_chu_ky(nhan, items, phai)
        if beside < len(items) > 1:
            # The list's last line never stands alone at the head of a page: the line (or the
            # first row) before it keeps with it.
            items[-2] = replace(items[-2], giu_voi_sau=True)
        return HaiCot(
            self.cot, (nhan, *items[:beside]), tuple(phai), "chu_ky", tuple(items[beside:])
        )

    def noi_nhan(self, vb: VanBan) -> tuple[DoanBoCuc, list[DoanBoCuc]]:
        """Box 9b: the "Nơi nhận:" label and one line a recipient, the Lưu line last."""
        nhan = DoanBoCuc(Kieu.NOI_NHAN_LABEL, (Chu("Nơi nhận:"),), cach_truoc=CACH_KHOI_CHU_KY)
        # A wrapped recipient line continues past its dash (hanging indent).
        dash = round(self._rong("- ", Kieu.NOI_NHAN), 2)
        # A "+" sub-item stands where its line's text starts, and wraps past its "+ ".
        plus = round(self._rong("+ ", Kieu.NOI_NHAN), 2)
        items: list[DoanBoCuc] = []
        for line in vb.noi_nhan:
            end = ":" if line.muc_con else ";"
            items.append(
                DoanBoCuc(Kieu.NOI_NHAN, (Chu(f"- {line.ten}{end}"),), le_trai=dash, thut_dau=-dash)
            )
            items += [
                DoanBoCuc(
                    Kieu.NOI_NHAN,
                    (Chu(f"+ {sub.ten};"),),
                    le_trai=round(dash + plus, 2),
                    thut_dau=-plus,
                )
                for sub in line.muc_con
            ]
        items.append(DoanBoCuc(Kieu.NOI_NHAN, (Chu(_dong_luu(vb)),), le_trai=dash, thut_dau=-dash))
        return nhan, items

    def khoi_ky(self, nguoi_ky: NguoiKy, rong: float) -> list[DoanBoCuc]:
        """Boxes 7a–7c of one signer in a column ``rong`` wide: the authority lines, the room
        for the signature and seal (the name's space above), the name."""
        out = self.dong_ky("\n".join(nguoi_ky.dong_tham_quyen()), rong)
        name = self._dong(nguoi_ky.ho_ten, Kieu.HO_TEN, rong)
        if nguoi_ky.chuc_vu_khac:
            # Box 7b: the other position takes the signature's space above it; the name
            # follows it at once.
            for line in nguoi_ky.chuc_vu_khac:
                out += self._dong(line.upper(), Kieu.CHUC_VU_KHAC, rong)
            for i, b in enumerate(out):
                if b.kieu is Kieu.CHUC_VU_KHAC and i and out[i - 1].kieu is Kieu.CHUC_VU_KHAC:
                    out[i] = replace(b, cach_truoc=0.0)
            name[0] = replace(name[0], cach_truoc=0.0)
        return out + name

    def dong_ky(self, text: str, rong: float) -> list[DoanBoCuc]:
        """A heading of a signature block as written (not in capitals), broken to ``rong``,
        with the block's space above."""
        lines = self._ngat(text, Kieu.CHUC_VU, rong)
        return [
            DoanBoCuc(Kieu.CHUC_VU, (Chu(line),), cach_truoc=CACH_KHOI_CHU_KY if i == 0 else None)
            for i, line in enumerate(lines)
        ]

    def _canh_chu_ky(self, nhan: DoanBoCuc, items: list[DoanBoCuc], phai: Sequence[Khoi]) -> int:
        """How many Nơi nhận lines the first row holds: the fewest as tall as the signature.

        Each line is counted as one printed line, so the left cell is never shorter than the
        signature (a wrapped line only makes it taller): no gap opens inside the list where the
        first row ends.
        """
        signature = sum(self._cao(b) for b in phai)
        height = self._cao(nhan)
        for count, item in enumerate(items):
            if height >= signature:
                return count
            height += self._cao(item)
        return len(items)

    def cao(self, block: Khoi) -> float:
        """Height in points of a block set on one line, with its space above."""
        return self._cao(block)

    def _cao(self, block: Khoi) -> float:
        """Height in points of a block set on one line, with its space above."""
        if isinstance(block, DuongKe):
            style = self.bang[Kieu.DUONG_KE]
            return style.cach_truoc + style.cao_dong
        style = self.bang[block.kieu]
        above = style.cach_truoc if block.cach_truoc is None else block.cach_truoc
        return above + style.cao_dong


def _danh_sach(items: list[str], last: str = ";") -> list[str]:
    """Items of a list: each ends ';', the last one ends ``last``."""
    return [f"{t};" if i < len(items) - 1 else f"{t}{last}" for i, t in enumerate(items)]


def _dong_luu(vb: VanBan) -> str:
    """'- Lưu: VT, VXNV. ĐNĐ': the record copies (``VanBan.muc_luu``), then the drafter and
    copies issued (box 12).

    The separator before box 12 is not fixed by the Decree (spec §13.1); its example is
    ``PL.(300)``, so copies follow the initials as ``.(300)``.
    """
    line = f"- Lưu: {', '.join(vb.muc_luu)}."
    if vb.ky_hieu_nguoi_soan:
        line += f" {vb.ky_hieu_nguoi_soan}"
        if vb.so_ban:
            line += f".({vb.so_ban})"
    elif vb.so_ban:
        line += f" ({vb.so_ban})"
    return line


def _v_v(trich_yeu: str) -> str:
    """The công văn subject as printed under its number: 'V/v …'."""
    text = trich_yeu.strip()
    for prefix in ("V/v ", "v/v ", "Về việc ", "về việc "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    return f"V/v {text}"


def _dieu_dam(runs: tuple[Chu, ...]) -> tuple[Chu, ...]:
    """ "Điều n." opening an article is bold, whatever the markup around it."""
    first = runs[0] if runs else None
    match = _DIEU.match(first.text) if first and first.chu_thich is None else None
    if first is None or match is None:
        return runs
    head = replace(first, text=match[1], dam=True)
    rest = replace(first, text=match[2]) if match[2] else None
    return (head, *((rest,) if rest else ()), *runs[1:])
