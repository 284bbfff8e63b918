"""The form check (kiểm tra thể thức) of a Word draft against Decree 30's Phụ lục I.

Each rule names the spec's section (``/shared/spec/nd30-format.md``). A part's formatting rule
gives one finding per part and property (the first line that breaks it, and how many do), so a
draft set in Arial gets one font finding per part, not one per paragraph. Limits: the page
count is not known without laying the document out, so a missing page number is reported only
for a draft whose body is longer than :data:`CHU_MOT_TRANG` characters; rule lines under the
issuer and the Tiêu ngữ, the abbreviations of the annex and the place of a text box are not
checked yet (its lines are judged like any other).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...schemas.loai_van_ban import LoaiVanBan
from .dong import Dong
from .tim_phan import TEN_PHAN, BanThao, la_hoa

#: Body characters that fill about one A4 page at 14 pt.
CHU_MOT_TRANG = 2600
#: Tolerance on lengths read from Word (twips round to 0.0176 mm), in millimetres.
SAI_SO_MM = 0.1


@dataclass(frozen=True)
class PhatHien:
    """One finding (phát hiện): the rule's code and section, where, what was found, what the
    rule asks."""

    ma: str
    muc: str
    phan: str
    noi: str
    thay: str
    yeu_cau: str

    def __str__(self) -> str:
        where = f"{self.phan}: «{self.noi}»" if self.noi else self.phan
        return f"[{self.muc}] {where}: thấy {self.thay}; quy định: {self.yeu_cau}"


@dataclass(frozen=True)
class QuyCach:
    """What Decree 30 asks of one part's lines: size range, bold, italic, capitals, alignment
    (None: not fixed)."""

    co_chu: tuple[float, float]
    dam: bool | None = None
    nghieng: bool | None = None
    hoa: bool | None = None
    can_le: str | None = None


#: §3 of the spec, part by part.
QUY_CACH: dict[str, QuyCach] = {
    "quoc_hieu": QuyCach((12, 13), True, False, True, "center"),
    "tieu_ngu": QuyCach((13, 14), True, False, None, "center"),
    "co_quan_chu_quan": QuyCach((12, 13), False, False, True, "center"),
    "co_quan": QuyCach((12, 13), True, False, True, "center"),
    "so_ky_hieu": QuyCach((13, 13), None, False, None, "center"),
    "dia_danh_ngay": QuyCach((13, 14), None, True, None, "center"),
    "ten_loai": QuyCach((13, 14), True, False, True, "center"),
    "trich_yeu": QuyCach((13, 14), True, False, False, "center"),
    "trich_yeu_cong_van": QuyCach((12, 13), False, False, False, "center"),
    "kinh_gui": QuyCach((13, 14), None, False),
    "can_cu": QuyCach((13, 14), None, True),
    "noi_dung": QuyCach((13, 14)),
    "chuc_vu": QuyCach((13, 14), True, False, True, "center"),
    "ho_ten": QuyCach((13, 14), True, False, False, "center"),
    "noi_nhan_nhan": QuyCach((12, 12), True, True, None, "left"),
    "noi_nhan": QuyCach((11, 11), False, False),
    "luu": QuyCach((11, 11), False, False),
}

_TEN_CAN_LE = {
    "center": "căn giữa",
    "left": "căn trái",
    "justify": "căn đều hai bên",
    "right": "căn phải",
}
#: Word's line spacing rules (w:lineRule) as a clerk names them.
_KIEU_DONG = {"exact": "chính xác", "atLeast": "tối thiểu"}
_SO_KY_HIEU = re.compile(r"^Số:\s*(?P<so>\S*?)/(?P<ky_hieu>\S+)$")
_SO_TRONG = re.compile(r"^[.…\s]*$")
_NGAY = re.compile(
    r"^(?P<noi>[^,]+),\s*ngày\s+(?P<ngay>\S*)\s*tháng\s+(?P<thang>\S*)\s*năm\s+(?P<nam>\S+)$"
)
_TIEN_TO_SAI = re.compile(r"^(T/M|K/T|T/L|TM|KT|TL|TUQ|Q)(?:\s*[:/]\s*|\s+)(?=\S)")
_TIEN_TO = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s")
_LUU = re.compile(r"^[-–+]?\s*Lưu: VT(?![^\s,.;(])")


def _phan(ma: str) -> str:
    return TEN_PHAN.get(ma, ma)


def _so(value: float) -> str:
    """A measure as Vietnamese writes it: a decimal comma (13,5; 1,27), no trailing zeros."""
    return f"{value:g}".replace(".", ",")


def _can_le(value: str) -> str:
    return _TEN_CAN_LE.get(value, value)


def _dinh_dang(ban: BanThao) -> Iterator[PhatHien]:
    """§1 font and colour, §3 each part's size, weight, style, case and alignment."""
    fonts: list[Dong] = []
    colours: list[Dong] = []
    for ma, rule in QUY_CACH.items():
        lines = [d for d in getattr(ban, ma) if d.text]
        fonts += [d for d in lines if any(f != "Times New Roman" for f in d.phong_cac)]
        colours += [d for d in lines if d.mau_cac]
        if ma == "noi_dung":
            lines = [d for d in lines if d.bang is None and not _tieu_de_giua(d)]
        bad: dict[str, list[tuple[Dong, str, str]]] = {}
        for d in lines:
            for code, found, asks in _lech(rule, d):
                bad.setdefault(code, []).append((d, found, asks))
        for code, found_lines in bad.items():
            d, found, asks = found_lines[0]
            more = f" (và {len(found_lines) - 1} dòng khác)" if len(found_lines) > 1 else ""
            yield PhatHien(f"{ma}.{code}", "§3", _phan(ma), d.dau(), found + more, asks)
    if fonts:
        families = sorted({f for d in fonts for f in d.phong_cac if f != "Times New Roman"})
        yield PhatHien(
            "phong_chu",
            "§1",
            "toàn văn bản",
            fonts[0].dau(),
            f"phông {', '.join(families)} ở {len(fonts)} dòng",
            "phông chữ Times New Roman",
        )
    if colours:
        yield PhatHien(
            "mau_chu",
            "§1",
            "toàn văn bản",
            colours[0].dau(),
            f"chữ màu #{sorted(colours[0].mau_cac)[0]} ở {len(colours)} dòng",
            "chữ màu đen",
        )


def _lech(rule: QuyCach, d: Dong) -> Iterator[tuple[str, str, str]]:
    """How one line departs from its part's rule: (code, what was found, what is asked)."""
    lo, hi = rule.co_chu
    size = d.chu.co_chu
    if size is None or not lo - 0.01 <= size <= hi + 0.01:
        want = f"{_so(lo)} pt" if lo == hi else f"{_so(lo)}–{_so(hi)} pt"
        yield "co_chu", f"cỡ chữ {_so(size)} pt" if size else "không rõ cỡ chữ", f"cỡ chữ {want}"
    if rule.dam is not None and d.chu.dam != rule.dam:
        yield (
            "dam",
            "chữ đậm" if d.chu.dam else "chữ không đậm",
            "chữ in đậm" if rule.dam else "chữ không in đậm",
        )
    if rule.nghieng is not None and d.chu.nghieng != rule.nghieng:
        yield (
            "nghieng",
            "chữ nghiêng" if d.chu.nghieng else "chữ đứng",
            "chữ nghiêng" if rule.nghieng else "chữ đứng",
        )
    if rule.hoa is not None and la_hoa(d.text) != rule.hoa:
        yield (
            "chu_hoa",
            "chữ in hoa" if la_hoa(d.text) else "chữ không in hoa",
            "chữ in hoa" if rule.hoa else "chữ in thường",
        )
    align = d.doan.can_le
    if rule.can_le is not None and not (
        d.tu_tab or align == rule.can_le or (rule.can_le == "left" and align == "justify")
    ):
        yield "can_le", _can_le(align), _can_le(rule.can_le)


def _trang(ban: BanThao) -> Iterator[PhatHien]:
    """§1 paper size and margins, and the page numbers."""
    t = ban.trang
    if abs(t.rong - 210) > 1 or abs(t.cao - 297) > 1:
        yield PhatHien(
            "kho_giay",
            "§1",
            "trang",
            "",
            f"khổ {_so(round(t.rong, 1))} × {_so(round(t.cao, 1))} mm",
            "khổ A4 (210 × 297 mm), trang đứng",
        )
    for ma, name, value, lo, hi in (
        ("le_tren", "lề trên", t.tren, 20, 25),
        ("le_duoi", "lề dưới", t.duoi, 20, 25),
        ("le_trai", "lề trái", t.trai, 30, 35),
        ("le_phai", "lề phải", t.phai, 15, 20),
    ):
        if not lo - SAI_SO_MM <= value <= hi + SAI_SO_MM:
            yield PhatHien(
                ma, "§1", "trang", name, f"{_so(round(value, 1))} mm", f"từ {lo} đến {hi} mm"
            )
    length = sum(len(d.text) for d in ban.noi_dung)
    in_header = [f for f in t.so_trang if f.noi == "header"]
    if any(f.noi.endswith("footer") for f in t.so_trang):
        yield PhatHien(
            "so_trang.vi_tri",
            "§1",
            "số trang",
            "chân trang",
            "số trang đặt ở chân trang",
            "số trang đặt ở giữa, trong lề trên (đầu trang)",
        )
    elif any(f.noi == "first_page_header" for f in t.so_trang) or (
        in_header and not t.trang_dau_khac
    ):
        yield PhatHien(
            "so_trang.trang_1",
            "§1",
            "số trang",
            "đầu trang",
            "có số trang ở trang 1",
            "không đánh số trang 1; đánh số từ trang 2",
        )
    if any(f.can_le != "center" for f in in_header):
        yield PhatHien(
            "so_trang.can_le",
            "§1",
            "số trang",
            "đầu trang",
            f"số trang {_can_le(in_header[0].can_le)}",
            "số trang căn giữa",
        )
    if not t.so_trang and length > CHU_MOT_TRANG:
        yield PhatHien(
            "so_trang.thieu",
            "§1",
            "số trang",
            "",
            "văn bản dài mà không có số trang",
            "đánh số trang ở giữa lề trên, từ trang 2",
        )


def _so_ky_hieu(ban: BanThao) -> Iterator[PhatHien]:
    """§3 and §3.2: ``Số:`` then the number (0-padded below 10), ``/``, the symbol."""
    if not ban.so_ky_hieu:
        if ban.quoc_hieu:
            yield PhatHien(
                "so_ky_hieu.thieu",
                "§3",
                _phan("so_ky_hieu"),
                "",
                "không có dòng «Số:»",
                "dòng «Số:» ghi số và ký hiệu, dưới tên cơ quan ban hành",
            )
        return
    d = ban.so_ky_hieu[0]
    m = _SO_KY_HIEU.match(d.text)
    if m is None:
        yield PhatHien(
            "so_ky_hieu.dinh_dang",
            "§3",
            _phan("so_ky_hieu"),
            d.dau(),
            f"«{d.text}»",
            "dạng «Số: 05/QĐ-UBND»: chữ «Số», dấu hai chấm; không cách quanh / và -",
        )
        return
    so, ky_hieu = m.group("so"), m.group("ky_hieu")
    if so and not _SO_TRONG.match(so) and so.isdigit() and len(so) == 1:
        yield PhatHien(
            "so_ky_hieu.so",
            "§7",
            _phan("so_ky_hieu"),
            d.dau(),
            f"số «{so}»",
            f"«0{so}» (số nhỏ hơn 10 thêm số 0 phía trước)",
        )
    groups = ky_hieu.split("-")
    loai = ban.loai
    ma = None if loai is None or loai is LoaiVanBan.cong_van else loai.info.ma
    if loai is not None and ma and groups[0] not in (ma, f"{ma}LT"):  # LT: liên tịch (joint)
        yield PhatHien(
            "so_ky_hieu.ma_loai",
            "§6",
            _phan("so_ky_hieu"),
            d.dau(),
            f"ký hiệu bắt đầu bằng «{groups[0]}»",
            f"ký hiệu bắt đầu bằng chữ viết tắt tên loại {loai.info.ten.lower()}, «{loai.info.ma}»",
        )
    if loai is LoaiVanBan.cong_van and groups[0] in ("CV", "CVan"):
        yield PhatHien(
            "so_ky_hieu.ma_loai",
            "§6",
            _phan("so_ky_hieu"),
            d.dau(),
            f"ký hiệu bắt đầu bằng «{groups[0]}»",
            "ký hiệu công văn không có chữ viết tắt tên loại (cơ quan ban hành - đơn vị soạn thảo)",
        )
    if len(groups) < 2:
        yield PhatHien(
            "so_ky_hieu.ky_hieu",
            "§3.2",
            _phan("so_ky_hieu"),
            d.dau(),
            f"ký hiệu «{ky_hieu}»",
            "chữ viết tắt tên loại và tên cơ quan ban hành, nối bằng dấu gạch nối (-)",
        )


def _ngay_thang(ban: BanThao) -> Iterator[PhatHien]:
    """§8: ``<Địa danh>, ngày DD tháng M năm YYYY`` (day padded below 10, month 01 and 02)."""
    for d in ban.dia_danh_ngay[:1]:
        m = _NGAY.match(d.text)
        if m is None:
            yield PhatHien(
                "ngay_thang.dinh_dang",
                "§8",
                _phan("dia_danh_ngay"),
                d.dau(),
                f"«{d.text}»",
                "dạng «Địa danh, ngày 05 tháng 9 năm 2021»",
            )
            continue
        ngay, thang = m.group("ngay"), m.group("thang")
        if ngay.isdigit() and 1 <= int(ngay) <= 9 and len(ngay) != 2:
            yield PhatHien(
                "ngay_thang.ngay",
                "§8",
                _phan("dia_danh_ngay"),
                d.dau(),
                f"ngày «{ngay}»",
                f"«0{int(ngay)}» (ngày nhỏ hơn 10 thêm số 0 phía trước)",
            )
        if thang.isdigit():
            n = int(thang)
            want = f"0{n}" if n in (1, 2) else str(n)
            if thang != want:
                yield PhatHien(
                    "ngay_thang.thang",
                    "§8",
                    _phan("dia_danh_ngay"),
                    d.dau(),
                    f"tháng «{thang}»",
                    f"«{want}» (chỉ tháng 1 và 2 thêm số 0 phía trước)",
                )


def _noi_dung(ban: BanThao) -> Iterator[PhatHien]:
    """§3 body indent, spacing, justification and line spacing; §3.1 the «./.» ending; căn cứ
    punctuation; the tiêu ngữ's hyphens."""
    text_lines = [d for d in ban.noi_dung if d.bang is None and not _tieu_de_giua(d)]
    rules: list[tuple[str, Callable[[Dong], bool], Callable[[Dong], str], str]] = [
        (
            "can_le",
            lambda d: d.doan.can_le == "justify",
            lambda d: _can_le(d.doan.can_le),
            "căn đều hai bên",
        ),
        (
            "thut_dau",
            lambda d: d.nhan != "" or any(abs(d.doan.thut_dau - v) <= 0.05 for v in (1.0, 1.27)),
            lambda d: f"thụt đầu dòng {_so(d.doan.thut_dau)} cm",
            "thụt đầu dòng 1 cm hoặc 1,27 cm",
        ),
        (
            "gian_doan",
            lambda d: max(d.doan.truoc, d.doan.sau) >= 6 - 0.01,
            lambda d: f"cách đoạn trước {_so(d.doan.truoc)} pt, sau {_so(d.doan.sau)} pt",
            "cách đoạn tối thiểu 6 pt",
        ),
        ("gian_dong", _gian_dong_hop_le, _ten_gian_dong, "cách dòng từ dòng đơn đến 1,5 dòng"),
    ]
    for code, ok, found, asks in rules:
        bad = [d for d in text_lines if not ok(d)]
        if bad:
            more = f" (và {len(bad) - 1} đoạn khác)" if len(bad) > 1 else ""
            yield PhatHien(
                f"noi_dung.{code}",
                "§3",
                _phan("noi_dung"),
                bad[0].dau(),
                found(bad[0]) + more,
                asks,
            )
    if text_lines and not text_lines[-1].text.rstrip().endswith("./."):
        yield PhatHien(
            "noi_dung.ket_thuc",
            "§3.1",
            _phan("noi_dung"),
            text_lines[-1].dau(),
            f"dòng kết thúc bằng «{text_lines[-1].text[-6:]}»",
            "dòng cuối kết thúc bằng «./.»",
        )
    for i, d in enumerate(ban.can_cu):
        want = "." if i == len(ban.can_cu) - 1 else ";"
        if not d.text.rstrip().endswith(want):
            yield PhatHien(
                "can_cu.dau_cau",
                "§3",
                _phan("can_cu"),
                d.dau(),
                f"căn cứ kết thúc bằng «{d.text[-1:]}»",
                f"«{want}» (mỗi căn cứ kết thúc bằng «;», căn cứ cuối cùng bằng «.»)",
            )
    for d in ban.trich_yeu_cong_van[:1]:
        if not re.match(r"V/v [^:]", d.text):
            yield PhatHien(
                "trich_yeu_cong_van.vv",
                "§3",
                _phan("trich_yeu_cong_van"),
                d.dau(),
                f"trích yếu bắt đầu bằng «{d.text[:5]}»",
                "«V/v » rồi nội dung, không có dấu hai chấm",
            )
    for d in ban.tieu_ngu[:1]:
        if d.text != "Độc lập - Tự do - Hạnh phúc":
            yield PhatHien(
                "tieu_ngu.noi_dung",
                "§3",
                _phan("tieu_ngu"),
                d.dau(),
                f"«{d.text}»",
                "«Độc lập - Tự do - Hạnh phúc» (giữa các cụm từ là gạch nối, có cách chữ)",
            )


def _tieu_de_giua(d: Dong) -> bool:
    """A centred heading or caption of the body (Chương, Mục, a table's title): the body's
    justification and indent do not apply to it."""
    return d.doan.can_le == "center" and (la_hoa(d.text) or len(d.text.split()) <= 15)


def _gian_dong_hop_le(d: Dong) -> bool:
    if d.doan.kieu_dong == "auto":
        return 1.0 - 0.01 <= d.doan.gian_dong <= 1.5 + 0.01
    size = d.chu.co_chu or 14
    if d.doan.kieu_dong == "exact":
        return size - 0.01 <= d.doan.gian_dong <= size * 1.15 * 1.5 + 0.5
    return d.doan.gian_dong <= size * 1.15 * 1.5 + 0.5


def _ten_gian_dong(d: Dong) -> str:
    if d.doan.kieu_dong == "auto":
        return f"cách dòng {_so(d.doan.gian_dong)} dòng"
    kieu = _KIEU_DONG.get(d.doan.kieu_dong, d.doan.kieu_dong)
    return f"cách dòng {kieu} {_so(d.doan.gian_dong)} pt"


def _chu_ky(ban: BanThao) -> Iterator[PhatHien]:
    """§3.4 the authority prefixes and what each requires; §3.5 Nơi nhận and Lưu."""
    for block in ban.khoi_ky:
        yield from _khoi_ky(block)
    if (ban.chuc_vu or ban.noi_dung) and not ban.ho_ten:
        yield PhatHien(
            "ho_ten.thieu",
            "§3.4",
            _phan("ho_ten"),
            "",
            "không thấy họ tên người ký",
            "họ và tên người ký dưới chữ ký",
        )
    if ban.noi_nhan or ban.luu:
        if not ban.noi_nhan_nhan:
            yield PhatHien(
                "noi_nhan_nhan.thieu",
                "§3.5",
                _phan("noi_nhan_nhan"),
                "",
                "không có nhãn «Nơi nhận:»",
                "nhãn «Nơi nhận:» trên danh sách nơi nhận",
            )
        for d in ban.noi_nhan_nhan[:1]:
            if d.text != "Nơi nhận:":
                yield PhatHien(
                    "noi_nhan_nhan.chu",
                    "§3.5",
                    _phan("noi_nhan_nhan"),
                    d.dau(),
                    f"«{d.text}»",
                    "«Nơi nhận:»",
                )
    items = ban.noi_nhan
    no_dash = [d for d in items + ban.luu if not d.text.startswith(("- ", "+ "))]
    if no_dash:
        yield PhatHien(
            "noi_nhan.gach",
            "§3.5",
            _phan("noi_nhan"),
            no_dash[0].dau(),
            f"dòng bắt đầu bằng «{no_dash[0].text[:2]}»",
            "mỗi dòng bắt đầu bằng «- »",
        )
    # a group line ends with a colon when "+ " sub-items follow it
    no_semi = [
        d
        for i, d in enumerate(items)
        if not d.text.rstrip().endswith(";")
        and not (
            d.text.rstrip().endswith(":")
            and i + 1 < len(items)
            and items[i + 1].text.startswith("+")
        )
    ]
    if no_semi:
        more = f" (và {len(no_semi) - 1} dòng khác)" if len(no_semi) > 1 else ""
        yield PhatHien(
            "noi_nhan.dau_cau",
            "§3.5",
            _phan("noi_nhan"),
            no_semi[0].dau(),
            f"dòng kết thúc bằng «{no_semi[0].text[-1:]}»{more}",
            "mỗi dòng nơi nhận kết thúc bằng «;»",
        )
    if (items or ban.noi_nhan_nhan) and not ban.luu:
        yield PhatHien(
            "luu.thieu",
            "§3.5",
            _phan("luu"),
            "",
            "không có dòng «- Lưu: VT, …»",
            "dòng Lưu ở cuối phần nơi nhận",
        )
    elif (
        ban.luu
        and items
        and (items[-1].so, items[-1].thu_tu) > (ban.luu[-1].so, ban.luu[-1].thu_tu)
    ):
        yield PhatHien(
            "luu.vi_tri",
            "§3.5",
            _phan("luu"),
            ban.luu[0].dau(),
            "dòng Lưu không ở cuối",
            "dòng Lưu ở cuối phần nơi nhận",
        )


def _luu(ban: BanThao) -> Iterator[PhatHien]:
    """§3.5 the Lưu line: «Lưu», a colon, then VT (the văn thư keeps the original) first."""
    for d in ban.luu[:1]:
        if not _LUU.match(d.text):
            yield PhatHien(
                "luu.dinh_dang",
                "§3.5",
                _phan("luu"),
                d.dau(),
                f"«{d.text[:12]}»",
                "dạng «- Lưu: VT, …»: dấu hai chấm sau «Lưu», VT đứng đầu",
            )


def _khoi_ky(lines: list[Dong]) -> Iterator[PhatHien]:
    """§3.4 one signer's 7a lines: the prefixes' spelling, the line each requires, no TUQ. → KT."""
    for i, d in enumerate(lines):
        m = _TIEN_TO.match(d.text)
        if m is None:
            bad = _TIEN_TO_SAI.match(d.text)
            if bad is not None:
                yield PhatHien(
                    "chuc_vu.tien_to",
                    "§3.4",
                    _phan("chuc_vu"),
                    d.dau(),
                    f"«{bad.group(0).strip()}»",
                    "viết tắt TM., KT., Q., TL. hoặc TUQ. rồi một dấu cách",
                )
            continue
        prefix = m.group(1)
        if prefix in ("TM", "KT", "TL", "TUQ") and i == len(lines) - 1:
            yield PhatHien(
                "chuc_vu.thieu_dong",
                "§3.4",
                _phan("chuc_vu"),
                d.dau(),
                f"«{prefix}.» mà không có dòng chức vụ bên dưới",
                f"chức vụ của người ký ở dòng dưới «{prefix}. …»",
            )
        if prefix == "TUQ" and i + 1 < len(lines) and lines[i + 1].text.startswith("KT."):
            yield PhatHien(
                "chuc_vu.uy_quyen_lai",
                "§3.4",
                _phan("chuc_vu"),
                d.dau(),
                "«TUQ.» rồi «KT.»",
                "người được ủy quyền không ủy quyền lại (khoản 3 Điều 13)",
            )


def kiem_tra_the_thuc(ban: BanThao) -> list[PhatHien]:
    """Every finding of the form check on a draft's parts, page first, then top to bottom."""
    found = [
        *_trang(ban),
        *_dinh_dang(ban),
        *_so_ky_hieu(ban),
        *_ngay_thang(ban),
        *_noi_dung(ban),
        *_chu_ky(ban),
        *_luu(ban),
    ]
    return found
