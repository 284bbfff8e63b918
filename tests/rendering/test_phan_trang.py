"""Pagination: page numbers, headings, widows and orphans, the signature and a long Nơi nhận.

Each rule is read back from the pages as printed: the PDF as WeasyPrint lays it out, and the
DOCX as LibreOffice does (tests marked ``libreoffice``). First the defects of #9 on the documents
that showed them, then the sweeps of ``phan_trang``: the kế hoạch with a body of growing length
and the examples with a growing Nơi nhận, every rule in both outputs.
"""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, HOM_NAY, NINH_THUAN, ket_xuat_vi_du
from tests.rendering.phan_trang import (
    PT_MOI_MM,
    QUY_TAC,
    SO_BIEN_THE,
    DoanMau,
    DongIn,
    TrangIn,
    bien_the,
    bien_the_noi_nhan,
    dau_trang_in,
    doc_ban_in,
    ket_xuat,
    kiem_chu_ky,
    kiem_dong_le,
    kiem_le,
    kiem_so_trang,
    kiem_tieu_de,
)
from vanthu.reading import doc_tep
from vanthu.reading.anh import cac_anh
from vanthu.rendering import KetQua, Renderer
from vanthu.rendering.bang_noi_dung import trang_ngang
from vanthu.rendering.styles import Kieu

LO = pytest.mark.libreoffice
OUTPUTS = ["pdf", pytest.param("docx", marks=LO)]

#: Documents that showed the defects of #9: the three-page công điện (page numbers), the kế hoạch
#: (a heading alone at the foot of page 1 of its DOCX), the quyết định with a Nơi nhận of 40
#: lines and the thông báo with one of 70.
MAU = {
    "ninh-thuan": lambda: doc_tep(NINH_THUAN, HOM_NAY),
    "ke-hoach": lambda: doc_tep(EXAMPLES / "ke-hoach.yaml", HOM_NAY),
    "noi-nhan-40": lambda: bien_the_noi_nhan(19, EXAMPLES / "quyet-dinh.yaml"),
    "noi-nhan-70": lambda: bien_the_noi_nhan(34, EXAMPLES / "thong-bao.yaml"),
}


@pytest.fixture(scope="module")
def mau(renderer: Renderer) -> dict[str, KetQua]:
    return {name: renderer.ket_xuat(make(), hom_nay=HOM_NAY) for name, make in MAU.items()}


@pytest.fixture(scope="module")
def da_doc() -> dict[tuple[str, str], dict[str, TrangIn]]:
    """Documents read back, by (fixture of their renders, output): each read once a module."""
    return {}


def _read(request: pytest.FixtureRequest, fixture: str, output: str) -> dict[str, TrangIn]:
    """The renders of ``fixture`` read back from ``output`` (LibreOffice only when asked)."""
    cache: dict[tuple[str, str], dict[str, TrangIn]] = request.getfixturevalue("da_doc")
    if (fixture, output) not in cache:
        trang = request.getfixturevalue("renderer").bang.trang
        cache[fixture, output] = doc_ban_in(request.getfixturevalue(fixture), trang, output)
    return cache[fixture, output]


@pytest.mark.parametrize("output", OUTPUTS)
def test_from_page_two_the_number_sits_a_centimetre_down_centred_over_the_text(
    request: pytest.FixtureRequest, renderer: Renderer, output: str
) -> None:
    # Regression (#9): the PDF's number sat 1.3 mm from the top edge.
    doc = _read(request, "mau", output)["ninh-thuan"]
    trang = renderer.bang.trang
    assert doc.so_trang == 3
    assert kiem_so_trang(doc, trang) == []
    number = doc.dau_trang[1][0]
    assert number.muc_tren / PT_MOI_MM >= trang.dau_trang * 10
    assert number.muc_duoi / PT_MOI_MM <= trang.le_tren * 10 - 3


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("name", ["noi-nhan-40", "noi-nhan-70"])
def test_a_long_noi_nhan_runs_on_while_the_signature_stays_with_the_body(
    request: pytest.FixtureRequest, renderer: Renderer, output: str, name: str
) -> None:
    # Regression (#9): the block never split; page 4 held the signature and no line of the body.
    doc = _read(request, "mau", output)[name]
    assert kiem_chu_ky(doc, renderer.bang.trang) == []
    signature = {
        d.trang
        for d, k in zip(doc.dong, doc.doan_cua_dong, strict=True)
        if doc.doan[k].vung == "chu_ky"
    }
    noi_nhan = {
        d.trang
        for d, k in zip(doc.dong, doc.doan_cua_dong, strict=True)
        if doc.doan[k].vung == "noi_nhan"
    }
    assert max(noi_nhan) > max(signature)  # the list continues after the signature's page


@pytest.mark.parametrize("output", OUTPUTS)
def test_no_heading_of_the_ke_hoach_is_left_at_the_foot_of_a_page(
    request: pytest.FixtureRequest, renderer: Renderer, output: str
) -> None:
    # Regression (#9): "III. TỔ CHỨC THỰC HIỆN" stood alone at the foot of the DOCX's page 1.
    doc = _read(request, "mau", output)["ke-hoach"]
    assert kiem_tieu_de(doc, renderer.bang.trang) == []


# -- the rules catch what they are for --------------------------------------------------------


def _trang_in(*lines: tuple[int, Kieu, str, str, float], number: str = "") -> TrangIn:
    """A made-up document: (page, style, region, text, baseline in pt) per line, one paragraph
    per text; ``number`` is printed in page 2's top margin."""
    doan, index, dong = [], [], []
    for page, kieu, vung, text, baseline in lines:
        if not doan or doan[-1].chu != text or doan[-1].kieu is not kieu:
            doan.append(DoanMau(kieu, text, vung))
        index.append(len(doan) - 1)
        dong.append(
            DongIn(
                page,
                text,
                100,
                400,
                baseline - 12,
                baseline + 4,
                baseline - 10,
                baseline + 3,
                baseline,
            )
        )
    pages = max(line[0] for line in lines)
    band = [[] for _ in range(pages)]
    if number:
        band[1] = [DongIn(2, number, 310, 320, 2, 16, 4, 14, 14)]
    return TrangIn(dong, index, doan, band, pages, "")


def test_the_rules_catch_a_heading_at_a_page_foot_a_widow_and_a_lonely_signature(
    renderer: Renderer,
) -> None:
    trang = renderer.bang.trang
    body, heading = Kieu.NOI_DUNG, Kieu.NOI_DUNG_TIEU_DE
    doc = _trang_in(
        (1, body, "than", "Một", 700),
        (1, body, "than", "Một", 718),
        (1, heading, "than", "II.", 740),
        (2, body, "than", "Hai", 100),
        (2, body, "than", "Hai", 118),
        (2, body, "than", "Hai", 136),
        (3, body, "than", "Hai", 100),
        (3, Kieu.CHUC_VU, "chu_ky", "CHỦ TỊCH", 130),
        number="7",
    )
    assert kiem_tieu_de(doc, trang) == ["page 1: 'II.' ends the page"]
    assert kiem_dong_le(doc, trang) == ["page 3: one line of 'Hai' at the head"]
    assert kiem_chu_ky(doc, trang) == ["page 3: the signature stands with 1 line(s) of the body"]
    assert kiem_so_trang(doc, trang)[0] == "page 2: top margin reads '7', not '2'"
    assert kiem_le(doc, trang) == []


def test_the_rules_catch_text_over_the_margins_or_over_other_text(renderer: Renderer) -> None:
    trang = renderer.bang.trang
    body = Kieu.NOI_DUNG
    doc = _trang_in(
        (1, body, "than", "A", 100), (1, body, "than", "B", 104), (1, body, "than", "C", 830)
    )
    assert kiem_le(doc, trang) == [
        "page 1: 'C' passes the margins",
        "page 1: 'A' drawn over 'B'",
    ]
    assert kiem_le(TrangIn([], [], [], [[]], 1, "not printed: ['X']"), trang) == [
        "not printed: ['X']"
    ]


# -- the sweeps --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sweep(renderer: Renderer) -> dict[str, KetQua]:
    return {name: ket_xuat(renderer, vb) for name, vb in bien_the().items()}


def test_the_sweeps_hold_enough_documents() -> None:
    names = list(bien_the())
    assert sum(n.startswith("than-") for n in names) == SO_BIEN_THE >= 30
    assert sum(n.startswith("noi-nhan-") for n in names) == SO_BIEN_THE
    assert {"noi-nhan-40", "noi-nhan-70"} <= set(names)


def test_the_sweeps_hold_tables_landscape_pages_annexes_footnotes_and_images() -> None:
    docs = bien_the().values()
    tables = [b.bang for vb in docs for b in vb.noi_dung if b.bang is not None]
    assert tables and any(t.ngang for t in tables)
    assert any(vb.phu_luc for vb in docs)
    assert any(vb.chu_thich for vb in docs)
    assert any(cac_anh(vb) for vb in docs)


def test_the_rules_read_a_landscape_page_by_its_own_margins(renderer: Renderer) -> None:
    trang = renderer.bang.trang
    wide = trang_ngang(trang)
    mm = 10 * PT_MOI_MM
    # A line across the landscape text area, below its (deeper) top margin.
    right = (wide.rong - wide.le_phai) * mm - 5
    top = wide.le_tren * mm + 30
    left = wide.le_trai * mm + 5
    line = DongIn(2, "Bảng", left, right, top - 12, top + 4, top - 10, top + 3, top)
    centre = (wide.le_trai + wide.rong - wide.le_phai) / 2 * mm
    number = DongIn(2, "2", centre - 3, centre + 3, 30, 44, 32, 42, 42)
    page_one = DongIn(1, "Một", 100, 400, 100, 116, 102, 114, 112)
    doc = TrangIn(
        [page_one, line],
        [0, 1],
        [DoanMau(Kieu.NOI_DUNG, "Một", "than"), DoanMau(Kieu.NOI_DUNG, "Bảng", "bang")],
        [[], [number]],
        2,
        "",
        ngang=[False, True],
    )
    assert kiem_le(doc, trang) == []
    assert kiem_so_trang(doc, trang) == []
    # The same page read as portrait: the line passes its margins, the number is off centre.
    portrait = TrangIn(doc.dong, doc.doan_cua_dong, doc.doan, doc.dau_trang, 2, "")
    assert kiem_le(portrait, trang) == ["page 2: 'Bảng' passes the margins"]
    assert "off centre" in kiem_so_trang(portrait, trang)[0]


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("rule", list(QUY_TAC))
def test_no_document_of_the_sweeps_breaks_the_rule(
    request: pytest.FixtureRequest, renderer: Renderer, output: str, rule: str
) -> None:
    check = QUY_TAC[rule]
    docs = _read(request, "sweep", output)
    broken = {name: p for name, doc in docs.items() if (p := check(doc, renderer.bang.trang))}
    assert not broken, "\n".join(f"{name}: {p}" for name, p in broken.items())


@pytest.fixture(scope="module")
def vi_du(renderer: Renderer) -> dict[str, KetQua]:
    """Every example file, rendered as ``vanthu render`` renders it."""
    return {path.stem: ket_xuat_vi_du(renderer, path) for path in sorted(EXAMPLES.glob("*.yaml"))}


def _chu_thich(doc: TrangIn) -> bool:
    """Whether the document prints footnotes."""
    return any(p.vung == "chu_thich" for p in doc.doan)


def _khac_trang(pdf: dict[str, TrangIn], docx: dict[str, TrangIn]) -> dict[str, str]:
    """The documents whose pages do not start with the same lines in both outputs."""
    assert pdf.keys() == docx.keys()
    return {
        name: f"PDF {dau_trang_in(pdf[name])} / DOCX {dau_trang_in(docx[name])}"
        for name in pdf
        if dau_trang_in(pdf[name]) != dau_trang_in(docx[name])
    }


@LO
@pytest.mark.parametrize("fixture", ["vi_du", "mau", "sweep"])
def test_the_docx_as_libreoffice_lays_it_out_has_the_pdfs_pages(
    request: pytest.FixtureRequest, fixture: str
) -> None:
    # Same page count, and each page begins with the same line (#9): the PDF is what the DOCX
    # prints as, LibreOffice standing in for Word.
    pdf, docx = _read(request, fixture, "pdf"), _read(request, fixture, "docx")
    differ = _khac_trang(pdf, docx)
    assert not differ, "\n".join(f"{n}: {d}" for n, d in differ.items())


@LO
def test_the_docx_with_footnotes_as_libreoffice_lays_it_out_has_the_pdfs_pages(
    request: pytest.FixtureRequest,
) -> None:
    # Regression: LibreOffice (7.4) put an empty 14 pt paragraph before the header table of a
    # DOCX calling footnotes, so page 1 held a line less (docx_writer._mo_dau_co_chu_thich).
    pdf, docx = _read(request, "sweep", "pdf"), _read(request, "sweep", "docx")
    notes = [name for name, doc in pdf.items() if _chu_thich(doc)]
    assert notes
    differ = _khac_trang(pdf, docx)
    assert not [n for n in notes if n in differ], "\n".join(differ[n] for n in notes if n in differ)
