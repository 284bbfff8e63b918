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
        return f"[{self.muc}] {where}: {self.thay}; {self.yeu_cau}"


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

_TEN_CAN_LE = {"center": "centred", "left": "flush left", "justify": "justified", "right": "right"}
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
            more = f" (and {len(found_lines) - 1} more lines)" if len(found_lines) > 1 else ""
            yield PhatHien(f"{ma}.{code}", "§3", _phan(ma), d.dau(), found + more, asks)
    if fonts:
        families = sorted({f for d in fonts for f in d.phong_cac if f != "Times New Roman"})
        yield PhatHien(
            "phong_chu",
            "§1",
            "toàn văn bản",
            fonts[0].dau(),
            f"{', '.join(families)} in {len(fonts)} lines",
            "asks Times New Roman",
        )
    if colours:
        yield PhatHien(
            "mau_chu",
            "§1",
            "toàn văn bản",
            colours[0].dau(),
            f"colour #{sorted(colours[0].mau_cac)[0]} in {len(colours)} lines",
            "asks black",
        )


def _lech(rule: QuyCach, d: Dong) -> Iterator[tuple[str, str, str]]:
    """How one line departs from its part's rule: (code, what was found, what is asked)."""
    lo, hi = rule.co_chu
    size = d.chu.co_chu
    if size is None or not lo - 0.01 <= size <= hi + 0.01:
        want = f"{lo:g} pt" if lo == hi else f"{lo:g}–{hi:g} pt"
        yield "co_chu", f"{size:g} pt" if size else "no size", f"asks {want}"
    if rule.dam is not None and d.chu.dam != rule.dam:
        yield (
            "dam",
            "bold" if d.chu.dam else "not bold",
            "asks bold" if rule.dam else "asks not bold",
        )
    if rule.nghieng is not None and d.chu.nghieng != rule.nghieng:
        yield (
            "nghieng",
            "italic" if d.chu.nghieng else "upright",
            "asks italic" if rule.nghieng else "asks upright",
        )
    if rule.hoa is not None and la_hoa(d.text) != rule.hoa:
        yield (
            "chu_hoa",
            "in capitals" if la_hoa(d.text) else "not in capitals",
            "asks capitals" if rule.hoa else "asks normal case",
        )
    align = d.doan.can_le
    if rule.can_le is not None and not (
        d.tu_tab or align == rule.can_le or (rule.can_le == "left" and align == "justify")
    ):
        yield "can_le", _TEN_CAN_LE.get(align, align), f"asks {_TEN_CAN_LE[rule.can_le]}"


def _trang(ban: BanThao) -> Iterator[PhatHien]:
    """§1 paper size and margins, and the page numbers."""
    t = ban.trang
    if abs(t.rong - 210) > 1 or abs(t.cao - 297) > 1:
        yield PhatHien(
            "kho_giay",
            "§1",
            "trang",
            "",
            f"{t.rong:g} × {t.cao:g} mm",
            "asks A4 portrait, 210 × 297 mm",
        )
    for ma, name, value, lo, hi in (
        ("le_tren", "top margin", t.tren, 20, 25),
        ("le_duoi", "bottom margin", t.duoi, 20, 25),
        ("le_trai", "left margin", t.trai, 30, 35),
        ("le_phai", "right margin", t.phai, 15, 20),
    ):
        if not lo - SAI_SO_MM <= value <= hi + SAI_SO_MM:
            yield PhatHien(ma, "§1", "trang", name, f"{value:g} mm", f"asks {lo}–{hi} mm")
    length = sum(len(d.text) for d in ban.noi_dung)
    in_header = [f for f in t.so_trang if f.noi == "header"]
    if any(f.noi.endswith("footer") for f in t.so_trang):
        yield PhatHien(
            "so_trang.vi_tri",
            "§1",
            "số trang",
            "footer",
            "page number in the footer",
            "asks it centred in the top margin (header)",
        )
    elif any(f.noi == "first_page_header" for f in t.so_trang) or (
        in_header and not t.trang_dau_khac
    ):
        yield PhatHien(
            "so_trang.trang_1",
            "§1",
            "số trang",
            "header",
            "a number on page 1",
            "asks no number on page 1 (from page 2 on)",
        )
    if any(f.can_le != "center" for f in in_header):
        yield PhatHien(
            "so_trang.can_le",
            "§1",
            "số trang",
            "header",
            f"aligned {in_header[0].can_le}",
            "asks centred",
        )
    if not t.so_trang and length > CHU_MOT_TRANG:
        yield PhatHien(
            "so_trang.thieu",
            "§1",
            "số trang",
            "",
            "no page number in a long draft",
            "asks page numbers centred at the top from page 2",
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
                "no Số: line",
                "asks Số: with the number and symbol under the issuer",
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
            "asks «Số: 05/QĐ-UBND»: Số then a colon, no spaces around / and -",
        )
        return
    so, ky_hieu = m.group("so"), m.group("ky_hieu")
    if so and not _SO_TRONG.match(so) and so.isdigit() and len(so) == 1:
        yield PhatHien(
            "so_ky_hieu.so",
            "§7",
            _phan("so_ky_hieu"),
            d.dau(),
            f"number «{so}»",
            f"asks a leading 0 below 10 («0{so}»)",
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
            f"symbol starts «{groups[0]}»",
            f"asks the code of {loai.info.ten.lower()}, «{loai.info.ma}»",
        )
    if loai is LoaiVanBan.cong_van and groups[0] in ("CV", "CVan"):
        yield PhatHien(
            "so_ky_hieu.ma_loai",
            "§6",
            _phan("so_ky_hieu"),
            d.dau(),
            f"symbol starts «{groups[0]}»",
            "asks no type code for a công văn: issuer - drafting unit",
        )
    if len(groups) < 2:
        yield PhatHien(
            "so_ky_hieu.ky_hieu",
            "§3.2",
            _phan("so_ky_hieu"),
            d.dau(),
            f"symbol «{ky_hieu}»",
            "asks the code and the issuer joined by -",
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
                "asks «Địa danh, ngày 05 tháng 9 năm 2021»",
            )
            continue
        ngay, thang = m.group("ngay"), m.group("thang")
        if ngay.isdigit() and 1 <= int(ngay) <= 9 and len(ngay) != 2:
            yield PhatHien(
                "ngay_thang.ngay",
                "§8",
                _phan("dia_danh_ngay"),
                d.dau(),
                f"day «{ngay}»",
                f"asks «0{int(ngay)}» (two digits below 10)",
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
                    f"month «{thang}»",
                    f"asks «{want}» (only 01 and 02 are padded)",
                )


def _noi_dung(ban: BanThao) -> Iterator[PhatHien]:
    """§3 body indent, spacing, justification and line spacing; §3.1 the «./.» ending; căn cứ
    punctuation; the tiêu ngữ's hyphens."""
    text_lines = [d for d in ban.noi_dung if d.bang is None and not _tieu_de_giua(d)]
    rules: list[tuple[str, Callable[[Dong], bool], Callable[[Dong], str], str]] = [
        (
            "can_le",
            lambda d: d.doan.can_le == "justify",
            lambda d: _TEN_CAN_LE.get(d.doan.can_le, d.doan.can_le),
            "asks justified",
        ),
        (
            "thut_dau",
            lambda d: d.nhan != "" or any(abs(d.doan.thut_dau - v) <= 0.05 for v in (1.0, 1.27)),
            lambda d: f"first-line indent {d.doan.thut_dau:g} cm",
            "asks 1 cm or 1.27 cm",
        ),
        (
            "gian_doan",
            lambda d: max(d.doan.truoc, d.doan.sau) >= 6 - 0.01,
            lambda d: f"spacing {d.doan.truoc:g}/{d.doan.sau:g} pt",
            "asks at least 6 pt between paragraphs",
        ),
        ("gian_dong", _gian_dong_hop_le, _ten_gian_dong, "asks single up to 1.5 lines"),
    ]
    for code, ok, found, asks in rules:
        bad = [d for d in text_lines if not ok(d)]
        if bad:
            more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
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
            f"ends «{text_lines[-1].text[-6:]}»",
            "asks the last line to end «./.»",
        )
    for i, d in enumerate(ban.can_cu):
        want = "." if i == len(ban.can_cu) - 1 else ";"
        if not d.text.rstrip().endswith(want):
            yield PhatHien(
                "can_cu.dau_cau",
                "§3",
                _phan("can_cu"),
                d.dau(),
                f"ends «{d.text[-1:]}»",
                f"asks «{want}» (each ;, the last .)",
            )
    for d in ban.trich_yeu_cong_van[:1]:
        if not re.match(r"V/v [^:]", d.text):
            yield PhatHien(
                "trich_yeu_cong_van.vv",
                "§3",
                _phan("trich_yeu_cong_van"),
                d.dau(),
                f"starts «{d.text[:5]}»",
                "asks «V/v » then the subject, no colon",
            )
    for d in ban.tieu_ngu[:1]:
        if d.text != "Độc lập - Tự do - Hạnh phúc":
            yield PhatHien(
                "tieu_ngu.noi_dung",
                "§3",
                _phan("tieu_ngu"),
                d.dau(),
                f"«{d.text}»",
                "asks «Độc lập - Tự do - Hạnh phúc» (space, hyphen, space)",
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
        return f"line spacing {d.doan.gian_dong:g} lines"
    return f"line spacing {d.doan.kieu_dong} {d.doan.gian_dong:g} pt"


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
            "no signer's name found",
            "asks the signer's full name under the signature",
        )
    if ban.noi_nhan or ban.luu:
        if not ban.noi_nhan_nhan:
            yield PhatHien(
                "noi_nhan_nhan.thieu",
                "§3.5",
                _phan("noi_nhan_nhan"),
                "",
                "no «Nơi nhận:» label",
                "asks «Nơi nhận:» above the list",
            )
        for d in ban.noi_nhan_nhan[:1]:
            if d.text != "Nơi nhận:":
                yield PhatHien(
                    "noi_nhan_nhan.chu",
                    "§3.5",
                    _phan("noi_nhan_nhan"),
                    d.dau(),
                    f"«{d.text}»",
                    "asks «Nơi nhận:»",
                )
    items = ban.noi_nhan
    no_dash = [d for d in items + ban.luu if not d.text.startswith(("- ", "+ "))]
    if no_dash:
        yield PhatHien(
            "noi_nhan.gach",
            "§3.5",
            _phan("noi_nhan"),
            no_dash[0].dau(),
            f"starts «{no_dash[0].text[:2]}»",
            "asks each line to start «- »",
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
        more = f" (and {len(no_semi) - 1} more)" if len(no_semi) > 1 else ""
        yield PhatHien(
            "noi_nhan.dau_cau",
            "§3.5",
            _phan("noi_nhan"),
            no_semi[0].dau(),
            f"ends «{no_semi[0].text[-1:]}»{more}",
            "asks each recipient line to end «;»",
        )
    if (items or ban.noi_nhan_nhan) and not ban.luu:
        yield PhatHien(
            "luu.thieu",
            "§3.5",
            _phan("luu"),
            "",
            "no «- Lưu: VT, …» line",
            "asks the Lưu line last in Nơi nhận",
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
            "not the last line",
            "asks the Lưu line last in Nơi nhận",
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
                "asks «- Lưu: VT, …»: a colon after Lưu, VT first",
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
                    "asks the prefix written TM., KT., Q., TL. or TUQ. then a space",
                )
            continue
        prefix = m.group(1)
        if prefix in ("TM", "KT", "TL", "TUQ") and i == len(lines) - 1:
            yield PhatHien(
                "chuc_vu.thieu_dong",
                "§3.4",
                _phan("chuc_vu"),
                d.dau(),
                f"«{prefix}.» with no line under it",
                f"asks the signer's position on the line under «{prefix}. …»",
            )
        if prefix == "TUQ" and i + 1 < len(lines) and lines[i + 1].text.startswith("KT."):
            yield PhatHien(
                "chuc_vu.uy_quyen_lai",
                "§3.4",
                _phan("chuc_vu"),
                d.dau(),
                "TUQ. followed by KT.",
                "asks no re-delegation under TUQ. (Art. 13.3)",
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
