"""A second corpus (bộ mẫu thực) of Word drafts, built the way offices really type them, with
the findings and the directive fields Decree 30 (the spec) makes of each.

Written apart from :mod:`.bo_mau` and from the reader: header cells typed as one paragraph
with soft line breaks (Shift+Enter), rule lines typed as underscores, headers in text boxes
(DrawingML with its VML fallback, or VML alone as an old .doc converted), a tab-set header
broken with Shift+Enter, a header table with merged cells; Nơi nhận in a two-column table
with the signature (one paragraph each), as a Word bullet list, or in a text box; the
signature in a text box; Letter paper, Arial and ".VnTime" font names, mixed runs; body
articles numbered with Word lists in custom formats; KT./TL./TM. blocks; blank date lines
(spaces or dots). The expected findings are the rule codes of the breaches seeded, read from
the spec (§1, §3, §3.4, §3.5, §7, §8); the expected fields what the draft prints.
``python -m tests.reading.word.bo_mau_thuc DIR`` writes the drafts out to open in Word.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from tests.reading.word.bo_mau import DiemSo, DiemTruong

GIUA = WD_ALIGN_PARAGRAPH.CENTER
DEU = WD_ALIGN_PARAGRAPH.JUSTIFY
TRAI = WD_ALIGN_PARAGRAPH.LEFT

#: A run: text, size (pt), bold, italic.
Chu = tuple[str, float, bool, bool]
#: A line of a paragraph: its runs (lines are set apart with soft breaks).
Dong = list[Chu]


@dataclass(frozen=True)
class Thuc:
    """One draft as an office types it, its seeded breaches' expected findings (rule codes)."""

    ten: str
    ky_vong: tuple[str, ...] = ()
    loai: str = "cv"  # cv: công văn (Sở Tài chính); qd: quyết định (UBND tỉnh); tb: thông báo
    dau: str = "ngat"  # ngat | hop | vml | gop | tab_ngat
    cuoi: str = "bang_ngat"  # bang_ngat | bang_ds | hop_noi_nhan | hop_chu_ky
    danh_so: str = "tay"  # tay (typed) | dieu ("Điều %1.") | abc ("%1)") | so0 ("%1." 01)
    phong: str = "Times New Roman"
    kho: tuple[float, float] = (210, 297)
    le: tuple[float, float, float, float] = (20, 20, 30, 15)
    so: str | None = None  # the number as typed (None: the usual "05")
    ky_hieu: str | None = None  # the symbol as typed (None: the type's usual one)
    ngay: str | None = None  # the date line as typed (None: the type's usual date)
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    vv: str = "V/v hướng dẫn lập dự toán ngân sách năm 2025"
    vv_duoi_bang: bool = False  # the V/v typed under the header table
    quoc_hieu_dam: bool = True
    co_quan_dam: bool = True
    ngay_nghieng: bool = True
    so_co: float = 13
    than_co: float = 14
    ket_thuc: str = "./."
    chuc_vu: tuple[str, ...] | None = None
    ten_dam: bool = True
    nhan_nghieng: bool = True
    muc_co: float = 11
    cham_phay: bool = True
    luu: str | None = None
    tron: bool = False  # mixed runs: texts cut into runs, some fonts set on the run
    ngat_than: bool = False  # a body article with its points set apart by Shift+Enter


_CO_QUAN = {
    "cv": ("UBND TỈNH BÌNH THUẬN", "SỞ TÀI CHÍNH"),
    "tb": ("UBND TỈNH BÌNH THUẬN", "SỞ TÀI CHÍNH"),
    "qd": (None, "ỦY BAN NHÂN DÂN\nTỈNH BÌNH THUẬN"),
}
_KY_HIEU = {"cv": "STC-NS", "tb": "TB-STC", "qd": "QĐ-UBND"}
_NGAY = {
    "cv": "Bình Thuận, ngày 05 tháng 3 năm 2024",
    "tb": "Bình Thuận, ngày 09 tháng 12 năm 2023",
    "qd": "Bình Thuận, ngày 18 tháng 01 năm 2024",
}
_CHUC_VU = {
    "cv": ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    "tb": ("GIÁM ĐỐC",),
    "qd": ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
}
_HO_TEN = {"cv": "Trần Thị Bích", "tb": "Phạm Minh Đức", "qd": "Lê Văn Cường"}
_NOI_NHAN = {
    "cv": ["Như trên", "UBND tỉnh (b/c)", "Kho bạc Nhà nước tỉnh"],
    "tb": ["Các phòng thuộc Sở", "Trang thông tin điện tử Sở"],
    "qd": ["Như Điều 3", "Chủ tịch, các PCT UBND tỉnh", "Sở Tài chính"],
}
_LUU = {"cv": "- Lưu: VT, NS.", "tb": "- Lưu: VT, VP.", "qd": "- Lưu: VT, KT."}
_KINH_GUI = ["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]
_TEN_LOAI = {
    "tb": ("THÔNG BÁO", "Kết quả kiểm tra công tác tài chính năm 2023"),
    "qd": ("QUYẾT ĐỊNH", "Về việc phê duyệt dự toán kinh phí sửa chữa trụ sở"),
}
_THAM_QUYEN = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"
_CAN_CU = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Xét đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 12/TTr-STC ngày 10 tháng 01 năm 2024.",
]
_DIEU = [
    "Phê duyệt dự toán kinh phí sửa chữa trụ sở làm việc của Sở Tài chính.",
    "Sở Tài chính chịu trách nhiệm tổ chức thực hiện đúng quy định.",
    "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính và thủ trưởng các cơ quan, đơn vị có "
    "liên quan chịu trách nhiệm thi hành Quyết định này",
]
_THAN_CV = [
    "Thực hiện Thông tư số 49/2024/TT-BTC của Bộ Tài chính, Sở Tài chính hướng dẫn các cơ "
    "quan, đơn vị lập dự toán ngân sách năm 2025 như sau:",
    "Lập dự toán đúng mẫu biểu, đúng thời hạn quy định;",
    "Thuyết minh rõ cơ sở tính toán các khoản chi;",
    "Gửi dự toán về Sở Tài chính trước ngày 31 tháng 7 năm 2024",
]
_THAN_TB = [
    "Thực hiện kế hoạch kiểm tra năm 2023, Sở Tài chính thông báo kết quả kiểm tra như sau:",
    "Các đơn vị được kiểm tra chấp hành tốt chế độ tài chính, kế toán;",
    "Một số đơn vị còn chậm nộp báo cáo quyết toán",
]


def _so_dong(t: Thuc) -> str:
    return f"Số: {t.so if t.so is not None else '05'}/{t.ky_hieu or _KY_HIEU[t.loai]}"


def _chuc_vu(t: Thuc) -> tuple[str, ...]:
    return t.chuc_vu if t.chuc_vu is not None else _CHUC_VU[t.loai]


class _Go:
    """Types the paragraphs of one draft, as a clerk does in Word."""

    def __init__(self, t: Thuc) -> None:
        self.t = t

    def chu(self, p: Paragraph, run: Chu, k: int = 0) -> None:
        text, co, dam, nghieng = run
        pieces = [text]
        if self.t.tron and len(text.split()) > 2:
            # cut where Word cuts runs: a spell-check mark, a revision, a pasted word
            words = text.split(" ")
            mid = len(words) // 2
            pieces = [" ".join(words[:mid]) + " ", " ".join(words[mid:])]
        for j, piece in enumerate(pieces):
            r = p.add_run(piece)
            r.font.size = Pt(co)
            r.bold = dam
            r.italic = nghieng
            if self.t.tron and (j + k) % 2:
                r.font.name = self.t.phong
                lang = OxmlElement("w:lang")
                lang.set(qn("w:val"), "vi-VN")
                r._r.get_or_add_rPr().append(lang)

    def doan(
        self,
        where: DocxDocument | _Cell,
        lines: list[Dong],
        can: WD_ALIGN_PARAGRAPH = GIUA,
        thut: float | None = None,
        sau: float = 0,
        le_trai: float | None = None,
    ) -> Paragraph:
        """One paragraph whose lines are set apart with soft breaks (Shift+Enter)."""
        p = where.add_paragraph()
        p.alignment = can
        pf = p.paragraph_format
        pf.space_before, pf.space_after = Pt(0), Pt(sau)
        if thut is not None:
            pf.first_line_indent = Cm(thut)
        if le_trai is not None:
            pf.left_indent = Cm(le_trai)
        for i, line in enumerate(lines):
            if i:
                p.add_run().add_break()
            for k, run in enumerate(line):
                self.chu(p, run, k)
        return p

    def than(self, doc: DocxDocument, text: str, style: str | None = None) -> Paragraph:
        """A body paragraph: justified, indented 1.27 cm, 6 pt after, 1.15 lines."""
        lines = [[(x, self.t.than_co, False, False)] for x in text.split("\n")]
        p = self.doan(doc, lines, DEU, None if style else 1.27, sau=6)
        if style:
            p.style = doc.styles[style]
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        p.paragraph_format.line_spacing = 1.15
        return p


def _trai(t: Thuc, with_vv: bool = True) -> list[Dong]:
    """The header's left column: parent (plain), issuer (bold), a typed rule, Số, V/v."""
    parent, issuer = _CO_QUAN[t.loai]
    lines: list[Dong] = []
    if parent:
        lines.append([(parent, 13, False, False)])
    lines += [[(x, 13, t.co_quan_dam, False)] for x in issuer.split("\n")]
    lines.append([("_________", 13, False, False)])
    lines.append([(_so_dong(t), t.so_co, False, False)])
    if t.loai == "cv" and with_vv and not t.vv_duoi_bang:
        lines.append([(t.vv, 13, False, False)])
    return lines


def _phai(t: Thuc) -> list[Dong]:
    """The header's right column: Quốc hiệu, Tiêu ngữ, a typed rule, the date line."""
    return [
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, t.quoc_hieu_dam, False)],
        [(t.tieu_ngu, 14, True, False)],
        [("____________________", 14, False, False)],
        [],
        [(t.ngay or _NGAY[t.loai], 14, False, t.ngay_nghieng)],
    ]


_HOP = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps">
<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"
 relativeHeight="{id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="{rel_h}"><wp:posOffset>{x}</wp:posOffset>
</wp:positionH><wp:positionV relativeFrom="{rel_v}"><wp:posOffset>{y}</wp:posOffset></wp:positionV>
<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{id}" name="Text Box {id}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>
</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>
</wps:spPr><wps:txbx><w:txbxContent/></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square"
 lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>
<v:shape id="Text Box {id}" type="#_x0000_t202" stroked="f" filled="f"
 style="position:absolute;margin-left:{x_pt}pt;margin-top:{y_pt}pt;width:{w_pt}pt;height:{h_pt}pt"
><v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""

_VML = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape id="_x0000_s{id}"
 type="#_x0000_t202" stroked="f" filled="f" style="position:absolute;margin-left:{x_pt}pt;
margin-top:{y_pt}pt;width:{w_pt}pt;height:{h_pt}pt;z-index:{id};mso-position-horizontal-relative:text;
mso-position-vertical-relative:text"><v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></w:r>"""


def _hop(
    p: Paragraph,
    noi_dung: list[Paragraph],
    x_cm: float,
    rong_cm: float,
    cao_cm: float,
    so: int,
    vml: bool = False,
) -> None:
    """A text box anchored in ``p``, ``x_cm`` from the column's left, holding copies of the
    given paragraphs (built elsewhere and taken out of their place)."""
    emu = 360000
    xml = (_VML if vml else _HOP).format(
        id=so,
        rel_h="column",
        rel_v="paragraph",
        x=int(x_cm * emu),
        y=0,
        cx=int(rong_cm * emu),
        cy=int(cao_cm * emu),
        x_pt=round(x_cm * 72 / 2.54, 1),
        y_pt=0,
        w_pt=round(rong_cm * 72 / 2.54, 1),
        h_pt=round(cao_cm * 72 / 2.54, 1),
    )
    run = parse_xml(xml)
    for content in run.iter(qn("w:txbxContent")):
        for para in noi_dung:
            content.append(copy.deepcopy(para._p))
    for para in noi_dung:
        para._p.getparent().remove(para._p)
    p._p.append(run)


def _dau_trang(doc: DocxDocument, go: _Go, t: Thuc) -> None:
    if t.dau == "ngat":
        table = doc.add_table(rows=1, cols=2)
        a, b = table.rows[0].cells
        a.paragraphs[0]._p.getparent().remove(a.paragraphs[0]._p)
        b.paragraphs[0]._p.getparent().remove(b.paragraphs[0]._p)
        go.doan(a, _trai(t))
        go.doan(b, _phai(t))
    elif t.dau in ("hop", "vml"):
        anchor = doc.add_paragraph()
        left = go.doan(doc, _trai(t))
        right = go.doan(doc, _phai(t))
        _hop(anchor, [left], 0, 6.5, 3.5, 1, t.dau == "vml")
        _hop(anchor, [right], 7.0, 9.0, 3.5, 2, t.dau == "vml")
        for _ in range(5):
            doc.add_paragraph()
    elif t.dau == "gop":
        table = doc.add_table(rows=2, cols=3)
        table.cell(0, 0).merge(table.cell(0, 1))
        left = _trai(t)
        cut = next(i for i, line in enumerate(left) if line and line[0][0].startswith("Số"))
        go.doan(table.cell(0, 0), left[:cut])
        go.doan(table.cell(0, 2), _phai(t)[:3])
        go.doan(table.cell(1, 0), left[cut:])
        go.doan(table.cell(1, 2), _phai(t)[4:])
        for cell in (table.cell(0, 0), table.cell(0, 2), table.cell(1, 0), table.cell(1, 2)):
            first = cell.paragraphs[0]
            if not first.text:
                first._p.getparent().remove(first._p)
    else:  # tab_ngat: one paragraph, two centred tab stops, lines set apart by Shift+Enter
        rows = [line for line in _trai(t) if not line[0][0].startswith("_")]
        right = [line for line in _phai(t) if line and not line[0][0].startswith("_")]
        lines = []
        for left_line, right_line in zip(rows, right, strict=False):
            lines.append(
                [("\t", 13, False, False), *left_line, ("\t", 13, False, False), *right_line]
            )
        lines += [[("\t", 13, False, False), *line] for line in rows[len(right) :]]
        p = go.doan(doc, lines, TRAI)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(3.25), WD_TAB_ALIGNMENT.CENTER)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.CENTER)
    if t.loai == "cv" and t.vv_duoi_bang:
        go.doan(doc, [[(t.vv, 13, False, False)]], TRAI)


def _than(doc: DocxDocument, go: _Go, t: Thuc) -> None:
    doc.add_paragraph()
    if t.loai in _TEN_LOAI:
        name, subject = _TEN_LOAI[t.loai]
        go.doan(doc, [[(name, 14, True, False)], [(subject, 14, True, False)]], sau=6)
    if t.loai == "qd":
        go.doan(doc, [[(_THAM_QUYEN, 14, True, False)]], sau=6)
        for text in _CAN_CU:
            p = go.doan(doc, [[(text, 14, False, True)]], DEU, 1.27, sau=6)
            p.paragraph_format.line_spacing = 1.15
        go.doan(doc, [[("QUYẾT ĐỊNH:", 14, True, False)]], sau=6)
        for i, text in enumerate(_DIEU):
            last = i == len(_DIEU) - 1
            text = text + (t.ket_thuc if last else "")
            if i == 1 and t.ngat_than:
                text += "\na) Lập hồ sơ thiết kế;\nb) Tổ chức lựa chọn nhà thầu."
            if t.danh_so == "dieu":
                go.than(doc, text, "Dieu")
            else:
                go.than(doc, f"Điều {i + 1}. {text}")
        return
    if t.loai == "cv":
        go.doan(
            doc,
            [
                [
                    ("Kính gửi:", 14, False, False),
                    ("\t", 14, False, False),
                    (f"- {_KINH_GUI[0]};", 14, False, False),
                ],
                [("\t", 14, False, False), (f"- {_KINH_GUI[1]}.", 14, False, False)],
            ],
            TRAI,
            le_trai=2.5,
            sau=6,
        )
    body = _THAN_CV if t.loai == "cv" else _THAN_TB
    go.than(doc, body[0])
    items = body[1:]
    for i, text in enumerate(items):
        if i == len(items) - 1:
            text += t.ket_thuc
        if t.danh_so == "tay":
            go.than(doc, f"{i + 1}. {text}")
        else:
            go.than(doc, text, {"abc": "Abc", "so0": "So0", "dieu": "So0"}[t.danh_so])


def _noi_nhan(t: Thuc) -> list[Dong]:
    end = ";" if t.cham_phay else ""
    lines: list[Dong] = [[("Nơi nhận:", 12, True, t.nhan_nghieng)]]
    lines += [[(f"- {x}{end}", t.muc_co, False, False)] for x in _NOI_NHAN[t.loai]]
    lines.append([(t.luu or _LUU[t.loai], t.muc_co, False, False)])
    return lines


def _chu_ky(t: Thuc) -> list[Dong]:
    lines: list[Dong] = [[(x, 14, True, False)] for x in _chuc_vu(t)]
    return [*lines, [], [], [], [], [(_HO_TEN[t.loai], 14, t.ten_dam, False)]]


def _cuoi(doc: DocxDocument, go: _Go, t: Thuc) -> None:
    doc.add_paragraph()
    if t.cuoi in ("bang_ngat", "bang_ds"):
        table = doc.add_table(rows=1, cols=2)
        a, b = table.rows[0].cells
        for cell in (a, b):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        if t.cuoi == "bang_ngat":
            go.doan(a, _noi_nhan(t), TRAI)
        else:
            lines = _noi_nhan(t)
            go.doan(a, lines[:1], TRAI)
            for line in lines[1:]:
                text, co, dam, nghieng = line[0]
                p = go.doan(a, [[(text[2:], co, dam, nghieng)]], TRAI)
                p.style = doc.styles["Gach"]
        go.doan(b, _chu_ky(t))
        return
    if t.cuoi == "hop_noi_nhan":
        sign = _chu_ky(t)
        first = go.doan(doc, sign[:1], le_trai=8)
        go.doan(doc, sign[1:], le_trai=8)
        box = go.doan(doc, _noi_nhan(t), TRAI)
        _hop(first, [box], 0, 7.0, 4.0, 3)
        return
    label = go.doan(doc, _noi_nhan(t)[:1], TRAI)
    go.doan(doc, _noi_nhan(t)[1:], TRAI)
    box = go.doan(doc, _chu_ky(t))
    _hop(label, [box], 8.0, 8.0, 5.0, 4)


_ABSTRACT = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 w:abstractNumId="{aid}"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">
<w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr></w:lvl></w:abstractNum>"""


def _danh_sach(doc: DocxDocument) -> None:
    """Word lists as offices set them: "Điều %1.", "%1)" in letters, "%1." as 01, a dash
    bullet; each tied to a paragraph style (Dieu, Abc, So0, Gach)."""
    numbering = doc.part.numbering_part.element
    kinds = [
        ("Dieu", "decimal", "Điều %1."),
        ("Abc", "lowerLetter", "%1)"),
        ("So0", "decimalZero", "%1."),
        ("Gach", "bullet", "-"),
    ]
    for k, (style_id, fmt, text) in enumerate(kinds):
        aid = 90 + k
        numbering.insert(0, parse_xml(_ABSTRACT.format(aid=aid, fmt=fmt, text=text)))
        num = parse_xml(
            '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            f' w:numId="{aid}"><w:abstractNumId w:val="{aid}"/></w:num>'
        )
        numbering.append(num)
        style = doc.styles.add_style(style_id, 1)
        style.base_style = doc.styles["Normal"]
        ppr = style.element.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), str(aid))
        num_pr.append(num_id)
        ppr.insert(0, num_pr)


def tao(t: Thuc) -> bytes:
    """The .docx of one draft."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = t.phong
    normal.font.size = Pt(14)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(t.kho[0]), Mm(t.kho[1])
    top, bottom, left, right = t.le
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    for p in list(doc.paragraphs):
        p._p.getparent().remove(p._p)
    _danh_sach(doc)
    go = _Go(t)
    _dau_trang(doc, go, t)
    _than(doc, go, t)
    _cuoi(doc, go, t)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


T = Thuc
#: The corpus: a clean draft in each way of typing it, then one or two breaches each.
BO_MAU_THUC: tuple[Thuc, ...] = (
    T("cv-ngat-sach"),
    T("qd-ngat-dieu-word-sach", loai="qd", danh_so="dieu"),
    T("cv-hop-sach", dau="hop", cuoi="hop_noi_nhan"),
    T("tb-tab-ngat-gach-word-sach", loai="tb", dau="tab_ngat", cuoi="bang_ds"),
    T("qd-gop-hop-chu-ky-sach", loai="qd", dau="gop", cuoi="hop_chu_ky"),
    T("cv-vml-abc-sach", dau="vml", danh_so="abc"),
    T("tb-so0-tron-sach", loai="tb", danh_so="so0", tron=True),
    T("cv-trong-so-ngay", so="      ", ngay="Bình Thuận, ngày      tháng      năm 2024"),
    T("qd-trong-cham", loai="qd", so="…..", ngay="Bình Thuận, ngày ….. tháng ….. năm 2024"),
    T("qd-than-ngat-dong", loai="qd", ngat_than=True, cuoi="bang_ds"),
    T("cv-arial-letter", ("phong_chu", "kho_giay"), phong="Arial", kho=(215.9, 279.4)),
    T("tb-vntime-hop", ("phong_chu",), loai="tb", dau="hop", phong=".VnTime"),
    T(
        "cv-so-5-ngay-5",
        ("so_ky_hieu.so", "ngay_thang.ngay"),
        so="5",
        ngay="Bình Thuận, ngày 5 tháng 3 năm 2024",
    ),
    T(
        "tb-thang-1-hop",
        ("ngay_thang.thang",),
        loai="tb",
        dau="hop",
        ngay="Bình Thuận, ngày 15 tháng 1 năm 2024",
    ),
    T(
        "qd-thang-03-gop",
        ("ngay_thang.thang",),
        loai="qd",
        dau="gop",
        ngay="Bình Thuận, ngày 18 tháng 03 năm 2024",
    ),
    T("cv-hop-gach-dai", ("tieu_ngu.noi_dung",), dau="hop", tieu_ngu="Độc lập – Tự do – Hạnh phúc"),
    T(
        "cv-vv-hai-cham-duoi-bang",
        ("trich_yeu_cong_van.vv",),
        vv="V/v: hướng dẫn lập dự toán ngân sách năm 2025",
        vv_duoi_bang=True,
    ),
    T("cv-luu-khong-hai-cham-hop", ("luu.dinh_dang",), cuoi="hop_noi_nhan", luu="- Lưu VT"),
    T("cv-noi-nhan-khong-cham-phay", ("noi_nhan.dau_cau",), cham_phay=False),
    T(
        "qd-kt-gach-cheo-hop",
        ("chuc_vu.tien_to",),
        loai="qd",
        cuoi="hop_chu_ky",
        chuc_vu=("TM. ỦY BAN NHÂN DÂN", "K/T CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ),
    T(
        "tb-tuq-kt",
        ("chuc_vu.uy_quyen_lai",),
        loai="tb",
        chuc_vu=("TUQ. GIÁM ĐỐC", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
    ),
    T(
        "cv-tl-kt",
        loai="cv",
        dau="tab_ngat",
        chuc_vu=("TL. GIÁM ĐỐC", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
    ),
    T("cv-quoc-hieu-khong-dam", ("quoc_hieu.dam",), quoc_hieu_dam=False),
    T("qd-ngay-dung-hop", ("dia_danh_ngay.nghieng",), loai="qd", dau="hop", ngay_nghieng=False),
    T("cv-co-quan-khong-dam", ("co_quan.dam",), co_quan_dam=False),
    T("cv-ten-khong-dam", ("ho_ten.dam",), ten_dam=False),
    T("cv-nhan-dung-hop", ("noi_nhan_nhan.nghieng",), cuoi="hop_noi_nhan", nhan_nghieng=False),
    T(
        "qd-muc-12-gach-word",
        ("noi_nhan.co_chu", "luu.co_chu"),
        loai="qd",
        cuoi="bang_ds",
        muc_co=12,
    ),
    T("cv-than-12", ("noi_dung.co_chu",), than_co=12),
    T("tb-thieu-ket-thuc", ("noi_dung.ket_thuc",), loai="tb", ket_thuc="."),
    T("cv-kt-mot-dong", ("chuc_vu.thieu_dong",), chuc_vu=("KT. GIÁM ĐỐC",)),
    T("cv-so-12-tab", ("so_ky_hieu.co_chu",), dau="tab_ngat", so_co=12),
    T("cv-le-phai-25", ("le_phai",), le=(20, 20, 30, 25)),
    T("cv-ma-cv-vml", ("so_ky_hieu.ma_loai",), dau="vml", ky_hieu="CV-STC"),
)


def truong(t: Thuc) -> dict[str, object]:
    """The directive fields the draft prints (what an import must extract)."""
    parent, issuer = _CO_QUAN[t.loai]
    date_line = t.ngay or _NGAY[t.loai]
    m = re.search(r"ngày\s+(\d+)\s+tháng\s+(\d+)\s+năm\s+(\d{4})", date_line)
    year = re.search(r"năm\s+(\d{4})", date_line)
    assert year is not None
    so = (t.so if t.so is not None else "05").strip(" .…")
    lines = _chuc_vu(t)
    prefixes = [x.split(" ", 1) for x in lines[:-1]]
    head, _, rest = lines[-1].partition(" ")
    position = rest if head in ("TM.", "KT.", "TL.", "TUQ.", "Q.") else lines[-1]
    out: dict[str, object] = {
        "loai": {"cv": "cong_van", "tb": "thong_bao", "qd": "quyet_dinh"}[t.loai],
        "co_quan_chu_quan": parent,
        "co_quan": issuer,
        "so": int(so) if so else None,
        "ky_hieu": t.ky_hieu or _KY_HIEU[t.loai],
        "dia_danh": "Bình Thuận",
        "nguoi_ky": {
            "quyen_han": [p[0].rstrip(".").replace("/", "") for p in prefixes],
            "thay_mat": [p[1] for p in prefixes],
            "chuc_vu": position,
            "ho_ten": _HO_TEN[t.loai],
        },
        "noi_nhan": list(_NOI_NHAN[t.loai]),
        "muc_luu": [
            x.strip()
            for x in re.sub(r"^- Lưu:?\s*", "", t.luu or _LUU[t.loai]).rstrip(".").split(",")
        ],
    }
    if m:
        out["ngay"] = dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    else:
        out["nam"] = int(year[1])
    ket_thuc = "." if t.ket_thuc == "./." else t.ket_thuc
    if t.loai == "cv":
        out["trich_yeu"] = t.vv
        out["kinh_gui"] = list(_KINH_GUI)
        items = _THAN_CV[1:]
        labels = {"tay": "{}.", "abc": "{})", "so0": "{:02d}.", "dieu": "{:02d}."}
        fmt = labels[t.danh_so]
        body = [_THAN_CV[0]]
        for i, text in enumerate(items):
            label = fmt.format(chr(ord("a") + i) if t.danh_so == "abc" else i + 1)
            body.append(f"{label} {text}" + (ket_thuc if i == len(items) - 1 else ""))
        out["noi_dung"] = body
    elif t.loai == "tb":
        out["trich_yeu"] = _TEN_LOAI["tb"][1]
        items = _THAN_TB[1:]
        fmt = {"tay": "{}.", "abc": "{})", "so0": "{:02d}.", "dieu": "{:02d}."}[t.danh_so]
        body = [_THAN_TB[0]]
        for i, text in enumerate(items):
            label = fmt.format(chr(ord("a") + i) if t.danh_so == "abc" else i + 1)
            body.append(f"{label} {text}" + (ket_thuc if i == len(items) - 1 else ""))
        out["noi_dung"] = body
    else:
        out["trich_yeu"] = _TEN_LOAI["qd"][1]
        out["tham_quyen"] = _THAM_QUYEN
        out["can_cu"] = list(_CAN_CU)
        body = []
        for i, text in enumerate(_DIEU):
            text = f"Điều {i + 1}. {text}" + (ket_thuc if i == len(_DIEU) - 1 else "")
            if i == 1 and t.ngat_than:
                text += "\na) Lập hồ sơ thiết kế;\nb) Tổ chức lựa chọn nhà thầu."
            body.append(text)
        out["noi_dung"] = body
    return out


def cham_diem_thuc(kiem_tra: Callable[[bytes, str], list[str]]) -> DiemSo:
    """Score a checker (the rule codes it finds in a .docx's bytes) on :data:`BO_MAU_THUC`."""
    dung = bao = gieo = 0
    sai: list[tuple[str, str]] = []
    sot: list[tuple[str, str]] = []
    for t in BO_MAU_THUC:
        found = Counter(kiem_tra(tao(t), t.ten))
        want = Counter(t.ky_vong)
        dung += sum((found & want).values())
        bao += sum(found.values())
        gieo += sum(want.values())
        sai += [(t.ten, r) for r in (found - want).elements()]
        sot += [(t.ten, r) for r in (want - found).elements()]
    return DiemSo(dung, bao, gieo, tuple(sai), tuple(sot))


def cham_truong_thuc(nhap: Callable[[bytes, str], dict[str, object]]) -> DiemTruong:
    """Score an importer (the fields of :func:`truong` it extracts) on :data:`BO_MAU_THUC`."""
    dung = tong = 0
    sai: list[tuple[str, str, object, object]] = []
    for t in BO_MAU_THUC:
        want = truong(t)
        got = nhap(tao(t), t.ten)
        for key, value in want.items():
            tong += 1
            if got.get(key) == value:
                dung += 1
            else:
                sai.append((t.ten, key, value, got.get(key)))
    return DiemTruong(dung, tong, tuple(sai))


def main(argv: list[str]) -> None:
    """Write the corpus to a folder: each draft."""
    out = Path(argv[1] if len(argv) > 1 else "bo-mau-word-thuc")
    out.mkdir(parents=True, exist_ok=True)
    for t in BO_MAU_THUC:
        (out / f"{t.ten}.docx").write_bytes(tao(t))
    print(f"{len(BO_MAU_THUC)} drafts written to {out}")


if __name__ == "__main__":
    main(sys.argv)
