"""Tables of the body (bảng): column widths, header rows, cell lines broken to fit, landscape.

Cell text is set at CO_CHU_BANG on exact CAO_DONG_BANG lines and broken here, once, with the
face's own widths: Word and WeasyPrint then draw every row with the same lines and the same
height, so a long table crosses pages at the same row in both outputs.
"""

from __future__ import annotations

import math
from dataclasses import replace

from ..schemas.bang import Bang as BangVanBan
from ..schemas.bang import CanO
from ..schemas.gioi_han import COT_RONG_TOI_THIEU
from .bo_cuc import Bang, Chu, DoanBoCuc, OBangBoCuc
from .fonts import DoRongChu
from .ngat_dong import ngat_dong
from .styles import CanLe, Kieu, TrangGiay

#: Size in pt of cell text: Decree practice sets tables one or two points below the body's
#: 14 (12–13); 13 keeps a figure as legible as the text that cites it.
CO_CHU_BANG = 13.0
#: Exact height in pt of one line of cell text (single spacing of 13 pt, rounded up).
CAO_DONG_BANG = 15.0
#: Padding in cm between a cell's side rules and its text, and in pt above and below it.
DEM_NGANG = 0.1
DEM_DOC = 1.0
#: Width of the table's rules in eighths of a point (both writers): 4 is ½ pt, Word's "single"
#: table line.
VIEN_BANG = 4

_CAN = {CanO.trai: CanLe.trai, CanO.giua: CanLe.giua, CanO.phai: CanLe.phai}


def trang_ngang(trang: TrangGiay) -> TrangGiay:
    """The landscape page of a portrait one: the same sheet and margins, turned a quarter.

    The portrait left margin (the binding edge, 30–35 mm) becomes the landscape top, so a
    bound landscape page is read by turning the file clockwise; the right margin becomes the
    bottom, the bottom the left and the top the right.
    """
    return TrangGiay(
        rong=trang.cao,
        cao=trang.rong,
        le_tren=trang.le_trai,
        le_duoi=trang.le_phai,
        le_trai=trang.le_duoi,
        le_phai=trang.le_tren,
        dau_trang=trang.dau_trang,
    )


def rong_cot(
    bang: BangVanBan, vung: float, toi_thieu: tuple[float, ...] | None = None
) -> tuple[float, ...]:
    """Each column's width in cm: as given, the rest shared out equally, all within ``vung``.

    ``toi_thieu``: each column's least width, the widest word it holds (a header "STT" in a
    1 cm column would break inside the word, in Word as in the PDF). A column narrower than
    that is widened, the room taken from the columns wider than theirs, in proportion to what
    they can spare; when the words cannot all fit, the widths stay as given and long words
    break. The schema checks the widths against Decree 30's widest text area; a template with
    wider margins leaves less room, and the columns are then narrowed in proportion.
    """
    given = sum(c.rong for c in bang.cot if c.rong is not None)
    free = [c for c in bang.cot if c.rong is None]
    share = max((vung - given) / len(free), COT_RONG_TOI_THIEU) if free else 0.0
    widths = [share if c.rong is None else c.rong for c in bang.cot]
    total = sum(widths)
    if total > vung:
        widths = [w * vung / total for w in widths]
    if toi_thieu is not None and sum(toi_thieu) <= sum(widths):
        need = sum(max(m - w, 0.0) for w, m in zip(widths, toi_thieu, strict=True))
        spare = [max(w - m, 0.0) for w, m in zip(widths, toi_thieu, strict=True)]
        if need > 0 and sum(spare) >= need:
            widths = [
                max(w, m) - (sp * need / sum(spare))
                for w, m, sp in zip(widths, toi_thieu, spare, strict=True)
            ]
    # Down to the 0.1 mm: rounding up could make the table a hair wider than the page.
    return tuple(math.floor(w * 100) / 100 for w in widths)


#: The widest word a column is widened for (cm of text): a longer one breaks inside anyway.
TU_RONG_TOI_DA = 3.0


class SoanBang:
    """Lays out the tables of one style sheet's pages."""

    def __init__(self, do_rong: DoRongChu, trang: TrangGiay) -> None:
        self.do_rong = do_rong
        self.trang = trang

    def soan(
        self, bang: BangVanBan, ten: tuple[DoanBoCuc, ...], sau: tuple[DoanBoCuc, ...]
    ) -> Bang:
        """The layout of one table, with its caption lines and closing paragraphs."""
        vung = trang_ngang(self.trang).vung_chu if bang.ngang else self.trang.vung_chu
        rong = rong_cot(bang, vung, self._toi_thieu(bang))
        n = len(rong)
        tieu_de: list[tuple[OBangBoCuc, ...]] = []
        for row in bang.tieu_de_gop:
            cells, col = [], 0
            for o in row:
                width = sum(rong[col : col + o.gop])
                cells.append(self._o(o.ten, width, CanLe.giua, True, o.gop))
                col += o.gop
            tieu_de.append(tuple(cells))
        tieu_de.append(
            tuple(self._o(c.ten, rong[j], CanLe.giua, True) for j, c in enumerate(bang.cot))
        )
        can = [_CAN[bang.can_cot(j)] for j in range(n)]
        dong = tuple(
            tuple(self._o(text, rong[j], can[j], False) for j, text in enumerate(row))
            for row in bang.dong
        )
        if sau:
            # The "./." keeps with the signature below; the last row keeps with it.
            sau = tuple(replace(d, giu_voi_sau=True) for d in sau)
        return Bang(
            rong=rong,
            tieu_de=tuple(tieu_de),
            dong=dong,
            co_chu=CO_CHU_BANG,
            cao_dong=CAO_DONG_BANG,
            dem=DEM_NGANG,
            dem_doc=DEM_DOC,
            ngang=bang.ngang,
            ten=ten,
            sau=sau,
        )

    def _toi_thieu(self, bang: BangVanBan) -> tuple[float, ...]:
        """Each column's widest word (the header's in bold), with the cell's padding."""

        def widest(text: str, dam: bool) -> float:
            words = text.split()
            cm = max((self.do_rong.cm(w, CO_CHU_BANG, dam, False) for w in words), default=0.0)
            return min(cm, TU_RONG_TOI_DA)

        out = []
        for j, cot in enumerate(bang.cot):
            word = max([widest(cot.ten, True), *(widest(row[j], False) for row in bang.dong)])
            # The same slack as the lines are broken with (see _o), and a hair for rounding.
            out.append(word / 0.98 + 2 * DEM_NGANG + 0.01)
        return tuple(out)

    def _o(self, text: str, rong: float, can: CanLe, dam: bool, gop: int = 1) -> OBangBoCuc:
        # 2 % slack, as for the header lines: both writers must keep each line whole.
        limit = (rong - 2 * DEM_NGANG) * 0.98
        lines = ngat_dong(text, limit, lambda s: self.do_rong.cm(s, CO_CHU_BANG, dam, False))
        return OBangBoCuc(tuple(lines), can, gop, dam)


def dong_ket_thuc() -> DoanBoCuc:
    """The "./." line after a table that ends the body: flush left, as the text's last line."""
    return DoanBoCuc(Kieu.NOI_DUNG, (Chu("./."),), thut_dau=0.0, giu_voi_sau=True)
