"""A corpus (bộ mẫu) of Word drafts built the ways offices build them, each with the form
findings its seeded breaches must give (kept beside it in :data:`BO_MAU`).

Every draft is made with python-docx from one description (:class:`Mau`): a công văn or a
quyết định; the header as a two-column table with or without borders, or as tab-separated
lines; the body numbered by hand or with a Word list; the signature block as a table or as
paragraphs; and the slips seeded on purpose. ``python -m tests.reading.word.bo_mau DIR``
writes them out (with ``.expected.json`` beside each) to open in Word.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

GIUA = WD_ALIGN_PARAGRAPH.CENTER
DEU = WD_ALIGN_PARAGRAPH.JUSTIFY
TRAI = WD_ALIGN_PARAGRAPH.LEFT


@dataclass(frozen=True)
class Mau:
    """One draft: how it is built, what is wrong in it, and the findings expected (rule codes)."""

    ten: str
    ky_vong: tuple[str, ...] = ()
    loai: str = "cv"  # cv: công văn; qd: quyết định
    dau_trang: str = "bang"  # bang | bang_vien (with borders) | tab
    cuoi: str = "bang"  # bang | doan (signature and Nơi nhận as paragraphs)
    danh_so_word: bool = False
    phong: str = "Times New Roman"
    le: tuple[float, float, float, float] = (20, 20, 30, 15)  # top, bottom, left, right (mm)
    kho: tuple[float, float] = (210, 297)
    co_noi_dung: float = 14
    thut_dau: float = 1.0
    can_le_noi_dung: WD_ALIGN_PARAGRAPH = DEU
    gian_dong: float = 1.15
    ket_thuc: str = "./."
    so: str = "Số: 05/{ma}-VP"
    ngay: str = "Ninh Thuận, ngày 05 tháng 9 năm 2021"
    ngay_nghieng: bool = True
    vv: str = "V/v tăng cường phòng, chống dịch"
    quoc_hieu_co: float = 13
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    co_quan_dam: bool = True
    ten_loai_co: float = 14
    can_cu_nghieng: bool = True
    can_cu_cuoi: str = "."
    chuc_vu: tuple[str, ...] = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    ho_ten_dam: bool = True
    nhan: str = "Nơi nhận:"
    nhan_co: float = 12
    nhan_nghieng: bool = True
    muc_co: float = 11
    cham_phay: bool = True
    luu_cuoi: bool = True
    mau_do: bool = False
    so_trang_cuoi: bool = False
    ghi_chu: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    #: Paragraphs added to the body (a longer draft, for the benchmark).
    them_doan: int = 0


def _vien(table: object, co: bool) -> None:
    """Show or hide every border of a table."""
    tbl = table._tbl  # type: ignore[attr-defined]
    tbl_pr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single" if co else "nil")
        if co:
            el.set(qn("w:sz"), "4")
        borders.append(el)
    tbl_pr.append(borders)


class _Ve:
    """Writes paragraphs of one draft in its font."""

    def __init__(self, mau: Mau) -> None:
        self.mau = mau

    def doan(
        self,
        where: DocxDocument | _Cell,
        text: str,
        co: float,
        dam: bool = False,
        nghieng: bool = False,
        can: WD_ALIGN_PARAGRAPH = GIUA,
        thut: float | None = None,
        truoc: float = 0,
        style: str | None = None,
        le_trai: float | None = None,
    ) -> Paragraph:
        p = where.add_paragraph(style=style)
        p.alignment = can
        pf = p.paragraph_format
        pf.space_before = Pt(truoc)
        pf.space_after = Pt(0)
        if thut is not None:
            pf.first_line_indent = Cm(thut)
        if le_trai is not None:
            pf.left_indent = Cm(le_trai)
        self.chu(p, text, co, dam, nghieng)
        return p

    def chu(
        self, p: Paragraph, text: str, co: float, dam: bool = False, nghieng: bool = False
    ) -> None:
        run = p.add_run(text)
        run.font.name = self.mau.phong
        run.font.size = Pt(co)
        run.bold = dam
        run.italic = nghieng
        if self.mau.mau_do:
            run.font.color.rgb = RGBColor(0xC0, 0, 0)


def _dau_trang(doc: DocxDocument, ve: _Ve, mau: Mau) -> None:
    ma = "QĐ" if mau.loai == "qd" else "SYT"
    so = mau.so.format(ma=ma)
    left = [("UBND TỈNH NINH THUẬN", 13, False, False), ("SỞ Y TẾ", 13, mau.co_quan_dam, False)]
    right = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", mau.quoc_hieu_co, True, False),
        (mau.tieu_ngu, 14, True, False),
    ]
    if mau.dau_trang == "tab":
        for (lt, lc, ld, _), (rt, rc, rd, _) in zip(left, right, strict=True):
            p = ve.doan(doc, "", lc, can=TRAI)
            p.runs[0].text = ""
            ve.chu(p, lt, lc, ld)
            ve.chu(p, "\t", lc)
            ve.chu(p, rt, rc, rd)
        p = ve.doan(doc, so, 13, can=TRAI, truoc=6)
        ve.chu(p, "\t", 13)
        ve.chu(p, mau.ngay, 14, nghieng=mau.ngay_nghieng)
        if mau.loai == "cv":
            ve.doan(doc, mau.vv, 13, can=TRAI, truoc=6)
        return
    table = doc.add_table(rows=1, cols=2)
    _vien(table, mau.dau_trang == "bang_vien")
    table.columns[0].width = Cm(6.5)
    table.columns[1].width = Cm(9.5)
    a, b = table.rows[0].cells
    a._tc.remove(a.paragraphs[0]._p)
    b._tc.remove(b.paragraphs[0]._p)
    for text, co, dam, ng in left:
        ve.doan(a, text, co, dam, ng)
    ve.doan(a, so, 13, truoc=6)
    if mau.loai == "cv":
        ve.doan(a, mau.vv, 13, truoc=6)
    for text, co, dam, ng in right:
        ve.doan(b, text, co, dam, ng)
    ve.doan(b, mau.ngay, 14, nghieng=mau.ngay_nghieng, truoc=6)


def _than(doc: DocxDocument, ve: _Ve, mau: Mau) -> None:
    def body(text: str, numbered: bool = False) -> None:
        style = "List Number" if numbered and mau.danh_so_word else None
        p = ve.doan(
            doc,
            text,
            mau.co_noi_dung,
            can=mau.can_le_noi_dung,
            thut=None if style else mau.thut_dau,
            truoc=6,
            style=style,
        )
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        p.paragraph_format.line_spacing = mau.gian_dong

    items = [
        "Tổ chức rà soát, cập nhật kế hoạch phòng, chống dịch của đơn vị;",
        "Bảo đảm đủ thuốc, vật tư, trang thiết bị y tế phục vụ điều trị;",
        "Báo cáo kết quả thực hiện về Sở Y tế trước ngày 30 hằng tháng",
    ]
    if mau.loai == "qd":
        ve.doan(doc, "QUYẾT ĐỊNH", mau.ten_loai_co, True, truoc=18)
        ve.doan(doc, "Về việc thành lập Tổ công tác phòng, chống dịch", 14, True)
        ve.doan(doc, "GIÁM ĐỐC SỞ Y TẾ TỈNH NINH THUẬN", 14, True, truoc=12)
        bases = [
            "Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;",
            "Căn cứ Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2021 của Ủy ban nhân dân tỉnh;",
            "Theo đề nghị của Chánh Văn phòng Sở" + mau.can_cu_cuoi,
        ]
        for text in bases:
            ve.doan(doc, text, 14, nghieng=mau.can_cu_nghieng, can=DEU, thut=1.0, truoc=6)
        ve.doan(doc, "QUYẾT ĐỊNH:", 14, True, truoc=12)
        body(
            "Điều 1. Thành lập Tổ công tác phòng, chống dịch của Sở Y tế gồm các ông, bà có tên "
            "trong danh sách kèm theo."
        )
        body("Điều 2. Tổ công tác có nhiệm vụ:")
        for i, text in enumerate(items):
            body(text if mau.danh_so_word else f"{i + 1}. {text}", numbered=True)
        body(
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng các "
            "phòng và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này"
            + mau.ket_thuc
        )
        return
    ve.doan(doc, "Kính gửi:", 14, can=TRAI, truoc=12, le_trai=3.5)
    ve.doan(doc, "- Ủy ban nhân dân các huyện, thành phố;", 14, can=TRAI, le_trai=5.5)
    ve.doan(doc, "- Trung tâm Y tế các huyện, thành phố.", 14, can=TRAI, le_trai=5.5)
    body(
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về tăng cường công tác phòng, chống dịch "
        "bệnh trong tình hình mới, Sở Y tế đề nghị các cơ quan, đơn vị thực hiện tốt các nội "
        "dung sau:"
    )
    for i, text in enumerate(items):
        body(text if mau.danh_so_word else f"{i + 1}. {text}", numbered=True)
    for i in range(mau.them_doan):
        body(
            f"Nội dung bổ sung thứ {i + 1}: các cơ quan, đơn vị chủ động rà soát, đánh giá tình "
            "hình thực hiện nhiệm vụ được giao, kịp thời đề xuất giải pháp tháo gỡ khó khăn, "
            "vướng mắc; phân công cụ thể người chịu trách nhiệm, thời hạn hoàn thành và báo cáo "
            "kết quả về Sở Y tế để tổng hợp, tham mưu Ủy ban nhân dân tỉnh chỉ đạo."
        )
    body("Sở Y tế đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện" + mau.ket_thuc)


def _cuoi(doc: DocxDocument, ve: _Ve, mau: Mau) -> None:
    end = ";" if mau.cham_phay else ""
    recipients = ["- Như trên" + end, "- UBND tỉnh (b/c)" + end, "- Giám đốc, các PGĐ Sở" + end]
    luu = "- Lưu: VT, VP."
    lines = [*recipients, luu] if mau.luu_cuoi else [*recipients[:2], luu, recipients[2]]
    signer = [*mau.chuc_vu]
    if mau.cuoi == "doan":
        for i, text in enumerate(signer):
            ve.doan(doc, text, 14, True, truoc=12 if i == 0 else 0, le_trai=8)
        ve.doan(doc, "(Đã ký)", 14, le_trai=8, truoc=24)
        ve.doan(doc, "Nguyễn Văn An", 14, mau.ho_ten_dam, le_trai=8, truoc=24)
        ve.doan(doc, mau.nhan, mau.nhan_co, True, mau.nhan_nghieng, can=TRAI, truoc=12)
        for text in lines:
            ve.doan(doc, text, mau.muc_co, can=TRAI)
        return
    table = doc.add_table(rows=1, cols=2)
    _vien(table, False)
    a, b = table.rows[0].cells
    a._tc.remove(a.paragraphs[0]._p)
    b._tc.remove(b.paragraphs[0]._p)
    ve.doan(a, mau.nhan, mau.nhan_co, True, mau.nhan_nghieng, can=TRAI, truoc=12)
    for text in lines:
        ve.doan(a, text, mau.muc_co, can=TRAI)
    for i, text in enumerate(signer):
        ve.doan(b, text, 14, True, truoc=12 if i == 0 else 0)
    ve.doan(b, "Nguyễn Văn An", 14, mau.ho_ten_dam, truoc=60)


def _so_trang(doc: DocxDocument) -> None:
    """A PAGE field in the footer (the habit of Thông tư 01/2011)."""
    section = doc.sections[0]
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    field_el = OxmlElement("w:fldSimple")
    field_el.set(qn("w:instr"), " PAGE ")
    p._p.append(field_el)


def tao(mau: Mau) -> bytes:
    """The .docx of one draft."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = mau.phong
    normal.font.size = Pt(14)
    if mau.danh_so_word and "List Number" not in [s.name for s in doc.styles]:
        doc.styles.add_style("List Number", WD_STYLE_TYPE.PARAGRAPH)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(mau.kho[0]), Mm(mau.kho[1])
    top, bottom, left, right = mau.le
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    doc.element.body.remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    ve = _Ve(mau)
    _dau_trang(doc, ve, mau)
    _than(doc, ve, mau)
    _cuoi(doc, ve, mau)
    if mau.so_trang_cuoi:
        _so_trang(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


M = Mau
#: The corpus: clean drafts in each layout, then one or two seeded breaches each.
BO_MAU: tuple[Mau, ...] = (
    M("cv-bang-sach"),
    M("cv-bang-vien-sach", dau_trang="bang_vien"),
    M("cv-tab-sach", dau_trang="tab"),
    M("cv-doan-sach", cuoi="doan"),
    M("qd-bang-sach", loai="qd"),
    M("qd-tab-danh-so-word", loai="qd", dau_trang="tab", danh_so_word=True),
    M("qd-doan-danh-so-word", loai="qd", cuoi="doan", danh_so_word=True),
    M("cv-arial", ("phong_chu",), phong="Arial"),
    M("qd-calibri-tab", ("phong_chu",), loai="qd", dau_trang="tab", phong="Calibri"),
    M("cv-le-trai-25", ("le_trai",), le=(20, 20, 25, 15)),
    M("cv-le-2cm-moi-ben", ("le_trai", "le_phai"), le=(20, 20, 20, 25)),
    M("qd-le-tren-15", ("le_tren",), loai="qd", le=(15, 20, 30, 20)),
    M("cv-noi-dung-12", ("noi_dung.co_chu",), co_noi_dung=12),
    M(
        "qd-noi-dung-12-word-list",
        ("noi_dung.co_chu",),
        loai="qd",
        co_noi_dung=12,
        danh_so_word=True,
    ),
    M("cv-thieu-ket-thuc", ("noi_dung.ket_thuc",), ket_thuc="."),
    M("qd-thieu-ket-thuc", ("noi_dung.ket_thuc",), loai="qd", ket_thuc="./"),
    M("cv-thang-09", ("ngay_thang.thang",), ngay="Ninh Thuận, ngày 15 tháng 09 năm 2021"),
    M("cv-ngay-5-thang-9", ("ngay_thang.ngay",), ngay="Ninh Thuận, ngày 5 tháng 9 năm 2021"),
    M("qd-thang-1", ("ngay_thang.thang",), loai="qd", ngay="Ninh Thuận, ngày 12 tháng 1 năm 2021"),
    M("cv-vv-hai-cham", ("trich_yeu_cong_van.vv",), vv="V/v: tăng cường phòng, chống dịch"),
    M(
        "cv-vv-hoa-tab",
        ("trich_yeu_cong_van.vv",),
        dau_trang="tab",
        vv="V/V tăng cường phòng, chống dịch",
    ),
    M("cv-kt-thieu-dong-hai", ("chuc_vu.thieu_dong",), chuc_vu=("KT. GIÁM ĐỐC",)),
    M(
        "qd-kt-thieu-dong-hai-doan",
        ("chuc_vu.thieu_dong",),
        loai="qd",
        cuoi="doan",
        chuc_vu=("KT. GIÁM ĐỐC",),
    ),
    M("cv-noi-nhan-khong-cham-phay", ("noi_nhan.dau_cau",), cham_phay=False),
    M(
        "qd-noi-nhan-khong-cham-phay-doan",
        ("noi_nhan.dau_cau",),
        loai="qd",
        cuoi="doan",
        cham_phay=False,
    ),
    M("cv-so-5", ("so_ky_hieu.so",), so="Số: 5/{ma}-VP"),
    M("cv-so-cach", ("so_ky_hieu.dinh_dang",), so="Số : 05 / {ma}-VP"),
    M("cv-ma-cv", ("so_ky_hieu.ma_loai",), so="Số: 05/CV-SYT"),
    M("qd-ma-qd-khong-dau", ("so_ky_hieu.ma_loai",), loai="qd", so="Số: 05/QD-SYT"),
    M("cv-luu-khong-cuoi", ("luu.vi_tri",), luu_cuoi=False),
    M(
        "cv-nhan-14-dung",
        ("noi_nhan_nhan.co_chu", "noi_nhan_nhan.nghieng"),
        nhan_co=14,
        nhan_nghieng=False,
    ),
    M("qd-muc-13", ("noi_nhan.co_chu", "luu.co_chu"), loai="qd", muc_co=13),
    M("cv-ngay-dung", ("dia_danh_ngay.nghieng",), ngay_nghieng=False),
    M("qd-co-quan-khong-dam", ("co_quan.dam",), loai="qd", co_quan_dam=False),
    M("cv-quoc-hieu-14", ("quoc_hieu.co_chu",), quoc_hieu_co=14),
    M("cv-tieu-ngu-gach-dai", ("tieu_ngu.noi_dung",), tieu_ngu="Độc lập – Tự do – Hạnh phúc"),
    M("qd-ten-loai-16", ("ten_loai.co_chu",), loai="qd", ten_loai_co=16),
    M("cv-khong-thut-dau", ("noi_dung.thut_dau",), thut_dau=0),
    M("qd-can-trai", ("noi_dung.can_le",), loai="qd", can_le_noi_dung=TRAI),
    M("cv-gian-dong-2", ("noi_dung.gian_dong",), gian_dong=2.0),
    M(
        "qd-can-cu-dung-cham-phay",
        ("can_cu.nghieng", "can_cu.dau_cau"),
        loai="qd",
        can_cu_nghieng=False,
        can_cu_cuoi=";",
    ),
    M("cv-kt-gach-cheo", ("chuc_vu.tien_to",), chuc_vu=("K/T GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    M(
        "qd-tuq-kt",
        ("chuc_vu.uy_quyen_lai",),
        loai="qd",
        chuc_vu=("TUQ. GIÁM ĐỐC", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
    ),
    M("cv-chu-do", ("mau_chu",), mau_do=True),
    M("cv-so-trang-chan-trang", ("so_trang.vi_tri",), so_trang_cuoi=True),
    M("cv-giay-letter", ("kho_giay",), kho=(215.9, 279.4)),
    M("qd-ho-ten-khong-dam", ("ho_ten.dam",), loai="qd", ho_ten_dam=False),
    M("cv-nhan-khong-hai-cham", ("noi_nhan_nhan.chu",), nhan="Nơi nhận"),
    M(
        "cv-tab-arial-thieu-ket-thuc",
        ("phong_chu", "noi_dung.ket_thuc"),
        dau_trang="tab",
        phong="Arial",
        ket_thuc="",
    ),
)


def main(argv: list[str]) -> None:
    """Write the corpus to a folder: each draft and its expected findings."""
    out = Path(argv[1] if len(argv) > 1 else "bo-mau-word")
    out.mkdir(parents=True, exist_ok=True)
    for mau in BO_MAU:
        (out / f"{mau.ten}.docx").write_bytes(tao(mau))
        info = {k: v for k, v in dataclasses.asdict(mau).items() if k in ("ten", "ky_vong")}
        (out / f"{mau.ten}.expected.json").write_text(json.dumps(info, ensure_ascii=False), "utf-8")
    print(f"{len(BO_MAU)} drafts written to {out}")


if __name__ == "__main__":
    main(sys.argv)


@dataclass(frozen=True)
class DiemSo:
    """The check's score on the corpus: seeded breaches found, findings that were seeded."""

    dung: int  # findings that match a seeded breach
    bao: int  # findings reported
    gieo: int  # breaches seeded
    sai: tuple[tuple[str, str], ...]  # (draft, rule) reported but not seeded
    sot: tuple[tuple[str, str], ...]  # (draft, rule) seeded but not reported

    @property
    def do_chinh_xac(self) -> float:
        """Precision: the share of findings that are seeded breaches."""
        return self.dung / self.bao if self.bao else 1.0

    @property
    def do_phu(self) -> float:
        """Recall: the share of seeded breaches found."""
        return self.dung / self.gieo if self.gieo else 1.0


def cham_diem(kiem_tra: Callable[[bytes, str], list[str]]) -> DiemSo:
    """Score a checker (the rule codes it finds in a .docx's bytes) on :data:`BO_MAU`."""
    dung = bao = gieo = 0
    sai: list[tuple[str, str]] = []
    sot: list[tuple[str, str]] = []
    for mau in BO_MAU:
        found = Counter(kiem_tra(tao(mau), mau.ten))
        want = Counter(mau.ky_vong)
        dung += sum((found & want).values())
        bao += sum(found.values())
        gieo += sum(want.values())
        sai += [(mau.ten, r) for r in (found - want).elements()]
        sot += [(mau.ten, r) for r in (want - found).elements()]
    return DiemSo(dung, bao, gieo, tuple(sai), tuple(sot))


_DAU_RA = ("TM", "KT", "TL", "TUQ", "Q", "K/T", "T/M", "T/L")


def _nguoi_ky(lines: tuple[str, ...]) -> dict[str, object]:
    """The signer a block of 7a lines names: "X. Y" lines are prefixes, the last the position."""
    quyen_han: list[str] = []
    thay_mat: list[str] = []
    for line in lines[:-1]:
        head, _, rest = line.partition(" ")
        quyen_han.append(head.rstrip(".").replace("/", ""))
        thay_mat.append(rest)
    head, _, rest = lines[-1].partition(" ")
    chuc_vu = rest if head.rstrip(".").replace("/", "") in _DAU_RA else lines[-1]
    return {"quyen_han": quyen_han, "thay_mat": thay_mat, "chuc_vu": chuc_vu}


def truong(mau: Mau) -> dict[str, object]:
    """The directive fields a draft of the corpus carries (what an import must extract)."""
    ma = "QĐ" if mau.loai == "qd" else "SYT"
    so = re.match(r"^Số\s*:\s*(\d+)\s*/\s*(\S+)$", mau.so.format(ma=ma))
    symbol = re.sub(r"\s", "", mau.so.format(ma=ma).split("/", 1)[1])
    ngay = re.search(r"ngày (\d+) tháng (\d+) năm (\d+)", mau.ngay)
    assert ngay is not None
    items = [
        "Tổ chức rà soát, cập nhật kế hoạch phòng, chống dịch của đơn vị;",
        "Bảo đảm đủ thuốc, vật tư, trang thiết bị y tế phục vụ điều trị;",
        "Báo cáo kết quả thực hiện về Sở Y tế trước ngày 30 hằng tháng",
    ]
    numbered = [f"{i + 1}. {t}" for i, t in enumerate(items)]
    ket_thuc = "." if mau.ket_thuc == "./." else mau.ket_thuc
    out: dict[str, object] = {
        "loai": "quyet_dinh" if mau.loai == "qd" else "cong_van",
        "co_quan_chu_quan": "UBND TỈNH NINH THUẬN",
        "co_quan": "SỞ Y TẾ",
        "so": int(so[1]) if so else None,
        "ky_hieu": symbol,
        "dia_danh": "Ninh Thuận",
        "ngay": dt.date(int(ngay[3]), int(ngay[2]), int(ngay[1])).isoformat(),
        "nguoi_ky": {**_nguoi_ky(mau.chuc_vu), "ho_ten": "Nguyễn Văn An"},
        "noi_nhan": ["Như trên", "UBND tỉnh (b/c)", "Giám đốc, các PGĐ Sở"],
        "muc_luu": ["VT", "VP"],
    }
    if mau.loai == "qd":
        out["trich_yeu"] = "Về việc thành lập Tổ công tác phòng, chống dịch"
        out["tham_quyen"] = "GIÁM ĐỐC SỞ Y TẾ TỈNH NINH THUẬN"
        out["can_cu"] = [
            "Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;",
            "Căn cứ Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2021 của Ủy ban nhân dân tỉnh;",
            "Theo đề nghị của Chánh Văn phòng Sở" + mau.can_cu_cuoi,
        ]
        out["noi_dung"] = [
            "Điều 1. Thành lập Tổ công tác phòng, chống dịch của Sở Y tế gồm các ông, bà có tên "
            "trong danh sách kèm theo.",
            "Điều 2. Tổ công tác có nhiệm vụ:",
            *numbered,
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng các "
            "phòng và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này"
            + ket_thuc,
        ]
    else:
        out["trich_yeu"] = mau.vv
        out["kinh_gui"] = [
            "Ủy ban nhân dân các huyện, thành phố",
            "Trung tâm Y tế các huyện, thành phố",
        ]
        out["noi_dung"] = [
            "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về tăng cường công tác phòng, chống dịch "
            "bệnh trong tình hình mới, Sở Y tế đề nghị các cơ quan, đơn vị thực hiện tốt các nội "
            "dung sau:",
            *numbered,
            "Sở Y tế đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện" + ket_thuc,
        ]
    return out


@dataclass(frozen=True)
class DiemTruong:
    """Field accuracy on the corpus: fields extracted exactly, of all the fields expected."""

    dung: int
    tong: int
    sai: tuple[tuple[str, str, object, object], ...]  # (draft, field, expected, extracted)

    @property
    def do_chinh_xac(self) -> float:
        """The share of expected fields extracted exactly."""
        return self.dung / self.tong if self.tong else 1.0


def cham_truong(nhap: Callable[[bytes, str], dict[str, object]]) -> DiemTruong:
    """Score an importer (the fields of :func:`truong` it extracts from a .docx's bytes)."""
    dung = tong = 0
    sai: list[tuple[str, str, object, object]] = []
    for mau in BO_MAU:
        want = truong(mau)
        got = nhap(tao(mau), mau.ten)
        for key, value in want.items():
            tong += 1
            if got.get(key) == value:
                dung += 1
            else:
                sai.append((mau.ten, key, value, got.get(key)))
    return DiemTruong(dung, tong, tuple(sai))


def truong_nhap(du_lieu: dict[str, object]) -> dict[str, object]:
    """The fields of :func:`truong` in an import's data (a directive file's, not validated):
    the printed symbol rebuilt as the renderer builds it, body items as their text."""
    from vanthu.schemas.loai_van_ban import LoaiVanBan

    out = dict(du_lieu)
    loai = du_lieu.get("loai")
    code = LoaiVanBan(loai).info.ma if isinstance(loai, str) else None
    issuer = du_lieu.get("ky_hieu_co_quan")
    out["ky_hieu"] = du_lieu.get("ky_hieu") or (
        f"{issuer}-{du_lieu.get('don_vi_soan_thao')}" if code is None else f"{code}-{issuer}"
    )
    unit = du_lieu.get("don_vi_soan_thao")
    luu = du_lieu.get("luu")
    out["muc_luu"] = ["VT", *([unit] if unit else []), *(luu if isinstance(luu, list) else [])]
    noi_dung = du_lieu.get("noi_dung")
    out["noi_dung"] = [
        i if isinstance(i, str) else i.get("doan")
        for i in (noi_dung if isinstance(noi_dung, list) else [])
    ]
    noi_nhan = du_lieu.get("noi_nhan")
    out["noi_nhan"] = [n["ten"] for n in (noi_nhan if isinstance(noi_nhan, list) else [])]
    signer = du_lieu.get("nguoi_ky")
    if isinstance(signer, dict):
        out["nguoi_ky"] = {
            "quyen_han": signer.get("quyen_han", []),
            "thay_mat": signer.get("thay_mat", []),
            "chuc_vu": signer.get("chuc_vu"),
            "ho_ten": signer.get("ho_ten"),
        }
    return out
