"""Joint documents (văn bản liên tịch, #9): both issuers in the header, both signers on one
baseline, read back from the layout, the DOCX and the PDF."""

from __future__ import annotations

import copy
import io
import random
from typing import Any

import pdfplumber
import pytest
import yaml
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, HOM_NAY
from tests.rendering.test_renderer import van_ban
from vanthu.reading import doc_tep
from vanthu.rendering import KetQua, Renderer
from vanthu.rendering.bo_cuc import DoanBoCuc, DuongKe, HaiCot
from vanthu.rendering.styles import Kieu
from vanthu.schemas.gioi_han import CO_QUAN_LIEN_TICH_TOI_DA, DONG_TOI_DA
from vanthu.services import doc_van_ban

TEP = EXAMPLES / "ke-hoach-lien-tich.yaml"
#: The header's left column as the example prints it: the lead body, then the second.
TRAI = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH NINH THUẬN",
    "ỦY BAN MẶT TRẬN",
    "TỔ QUỐC VIỆT NAM",
    "TỈNH NINH THUẬN",
]


@pytest.fixture(scope="module")
def ket_qua(renderer: Renderer) -> KetQua:
    return renderer.ket_xuat(doc_tep(TEP, HOM_NAY), hom_nay=HOM_NAY)


def _words(pdf: bytes) -> list[dict[str, Any]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [
            {**w, "page": n}
            for n, page in enumerate(doc.pages, start=1)
            for w in page.extract_words(keep_blank_chars=True)
        ]


def _line(words: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    found = [w for w in words if w["text"] == text]
    assert found, (text, [w["text"] for w in words][:40])
    return found


def test_the_header_names_the_lead_body_then_the_second_with_one_rule_under_both(
    ket_qua: KetQua,
) -> None:
    dau = ket_qua.bo_cuc.khoi[0]
    assert isinstance(dau, HaiCot) and dau.vai_tro == "dau"
    names = [b for b in dau.trai if isinstance(b, DoanBoCuc) and b.kieu is Kieu.CO_QUAN]
    assert [b.text for b in names] == TRAI
    rules = [i for i, b in enumerate(dau.trai) if isinstance(b, DuongKe)]
    last_name = max(i for i, b in enumerate(dau.trai) if b in names)
    assert rules == [last_name + 1]
    so = dau.trai[last_name + 2]
    assert isinstance(so, DoanBoCuc) and so.text == "Số: 05/KHLT-UBND-MTTQ"


def test_the_docx_header_cell_holds_both_bodies_and_the_joint_symbol(ket_qua: KetQua) -> None:
    table = Document(io.BytesIO(ket_qua.docx or b"")).tables[0]
    left = [p.text for p in table.rows[0].cells[0].paragraphs if p.text.strip()]
    assert left == [*TRAI, "Số: 05/KHLT-UBND-MTTQ"]


def test_the_pdf_prints_both_bodies_in_the_left_column_above_the_number(
    ket_qua: KetQua, renderer: Renderer
) -> None:
    words = _words(ket_qua.pdf or b"")
    column = (renderer.bang.trang.le_trai + renderer.soan_bo_cuc.cot[0]) * 72 / 2.54
    # "TỈNH NINH THUẬN" is printed twice: once under each body.
    lines = [_line(words, t)[0] for t in TRAI[:4]]
    lines.append(_line(words, TRAI[4])[1])
    number = _line(words, "Số: 05/KHLT-UBND-MTTQ")[0]
    assert all(w["page"] == 1 and w["x1"] < column for w in lines)
    tops = [w["top"] for w in lines]
    assert tops == sorted(tops) and tops[-1] < number["top"]
    quoc_hieu = _line(words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[0]
    assert quoc_hieu["x0"] > column and abs(quoc_hieu["top"] - tops[0]) < 1


def test_both_signers_sign_side_by_side_the_lead_body_right_on_one_baseline(
    ket_qua: KetQua, renderer: Renderer
) -> None:
    words = _words(ket_qua.pdf or b"")
    middle = (renderer.bang.trang.le_trai + renderer.bang.trang.vung_chu / 2) * 72 / 2.54
    [left], [right] = _line(words, "Nguyễn Văn Thành"), _line(words, "Lê Huyền")
    assert left["x1"] < middle < right["x0"]
    assert left["page"] == right["page"] and abs(left["bottom"] - right["bottom"]) < 0.5
    [mttq], [ubnd] = _line(words, "TM. BAN THƯỜNG TRỰC"), _line(words, "TM. ỦY BAN NHÂN DÂN")
    assert mttq["x1"] < middle < ubnd["x0"] and abs(mttq["bottom"] - ubnd["bottom"]) < 0.5
    [label] = _line(words, "Nơi nhận:")
    assert label["top"] > left["bottom"] and label["x1"] < middle


def test_the_docx_signature_row_holds_the_second_signer_left_and_noi_nhan_under_it(
    ket_qua: KetQua,
) -> None:
    table = Document(io.BytesIO(ket_qua.docx or b"")).tables[-1]
    cells = table.rows[0].cells
    left = [p.text for p in cells[0].paragraphs if p.text.strip()]
    right = [p.text for p in cells[1].paragraphs if p.text.strip()]
    assert left[:4] == ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Nguyễn Văn Thành", "Nơi nhận:"]
    assert right == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Huyền"]


def test_the_files_name_both_bodies_as_their_author(ket_qua: KetQua) -> None:
    assert ket_qua.bo_cuc.tac_gia == (
        "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN - ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH NINH THUẬN"
    )


# -- anything the schema accepts renders -----------------------------------------------------

_BASE = yaml.safe_load(TEP.read_text("utf-8"))


@st.composite
def _lien_tich(draw: st.DrawFn) -> dict[str, Any]:
    """The example with its four issuer fields and both signers replaced by random text within
    the limits (the four issuer fields together at most CO_QUAN_LIEN_TICH_TOI_DA)."""
    data = copy.deepcopy(_BASE)
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    room = CO_QUAN_LIEN_TICH_TOI_DA
    for field in ("co_quan", "co_quan_2", "co_quan_chu_quan", "co_quan_chu_quan_2"):
        if field.startswith("co_quan_chu_quan") and draw(st.booleans()):
            continue
        size = draw(st.integers(1, max(1, min(DONG_TOI_DA, room - 3))))
        text = van_ban(rng, size, line_breaks=draw(st.booleans()))[:size].strip() or "x"
        text = text.upper() if draw(st.booleans()) and len(text.upper()) == len(text) else text
        data[field] = text
        room -= len(text)
    for who in ("nguoi_ky", "nguoi_ky_2"):
        data[who] = {
            **data[who],
            "chuc_vu": van_ban(rng, draw(st.integers(1, DONG_TOI_DA)), line_breaks=False),
            "ho_ten": van_ban(rng, draw(st.integers(1, DONG_TOI_DA)), line_breaks=False),
        }
    return data


@settings(max_examples=12)
@given(data=_lien_tich())
def test_any_joint_document_within_the_limits_renders_to_docx_and_pdf(
    renderer: Renderer, data: dict[str, Any]
) -> None:
    vb = doc_van_ban(data, "random.yaml", HOM_NAY)
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY)
    assert result.docx and result.pdf
