"""The transmittal slip (phiếu gửi): its text read back, embedded fonts, the QR code, refusals."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import replace
from typing import Any, cast

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from tests.rendering.dumps import pdf_dump, pdf_page_png, pdf_pages
from tests.rendering.goldens import check_png, check_text
from vanthu.errors import RenderError
from vanthu.rendering.phieu_gui import LOI_DE_NGHI, NoiDungPhieuGui, PhieuGuiRenderer
from vanthu.schemas.gioi_han import DONG_TOI_DA, KY_HIEU_TOI_DA, TRICH_YEU_TOI_DA

QR_CODE = zxingcpp.BarcodeFormat.QRCode
PHIEU_SYT = NoiDungPhieuGui(
    co_quan_gui="ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
    co_quan_nhan="Sở Y tế tỉnh Ninh Thuận",
    van_ban=(
        "Công điện số 18/CĐ-UBND ngày 13/09/2021 về việc tiếp tục thực hiện các biện pháp"
        " cấp bách phòng, chống dịch COVID-19 nhằm giữ vững vùng xanh trên địa bàn tỉnh"
        " Ninh Thuận"
    ),
    ma_theo_doi="VT-2021-000123",
    ngay_gui=dt.date(2021, 9, 13),
    ma_xac_nhan="3f9a-7c21-b0d4",
    qr="https://vanthu.ninhthuan.gov.vn/nhan/VB18-SYT/3f9a7c21b0d4e5f60718293a",
)


@pytest.fixture(scope="module")
def phieu_gui_renderer() -> PhieuGuiRenderer:
    return PhieuGuiRenderer()


@pytest.fixture(scope="module")
def pdf(phieu_gui_renderer: PhieuGuiRenderer) -> bytes:
    return phieu_gui_renderer.ve(PHIEU_SYT)


def text_of(pdf: bytes) -> str:
    """The slip's text as pdftotext reads it, runs of white space (line ends too) as one space."""
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    return " ".join(pages[0].split())


def qr_codes(pdf: bytes) -> list[str]:
    """What every QR code on the page carries, read by zxing-cpp from a 150 dpi picture."""
    image = Image.open(io.BytesIO(pdf_page_png(pdf, dpi=150)))
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(QR_CODE))
    return [code.text for code in found]


def test_the_slip_is_one_a5_landscape_page(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 420)


def test_the_text_reads_back_with_its_vietnamese_intact(pdf: bytes) -> None:
    text = text_of(pdf)
    assert unicodedata.is_normalized("NFC", text)
    for expected in (
        "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        "PHIẾU GỬI",
        "Mã theo dõi: VT-2021-000123",
        "Kính gửi: Sở Y tế tỉnh Ninh Thuận",
        f"Văn bản gửi: {PHIEU_SYT.van_ban}",
        "Ngày gửi: 13/09/2021",
        LOI_DE_NGHI,
        "Mã xác nhận: 3f9a-7c21-b0d4",
    ):
        assert expected in text


def test_every_font_is_embedded_and_is_the_bundled_liberation_serif(pdf: bytes) -> None:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    resources = cast(DictionaryObject, page["/Resources"].get_object())
    fonts = cast(DictionaryObject, resources["/Font"].get_object())
    assert len(fonts) == 3  # regular, bold, italic
    for ref in fonts.values():
        font = cast(DictionaryObject, ref.get_object())
        descendant = cast(DictionaryObject, cast(ArrayObject, font["/DescendantFonts"])[0])
        descriptor = cast(DictionaryObject, descendant["/FontDescriptor"].get_object())
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert str(font["/BaseFont"]).split("+", 1)[1].startswith("LiberationSerif")


def test_the_qr_code_decodes_back_to_the_given_string(pdf: bytes) -> None:
    assert qr_codes(pdf) == [PHIEU_SYT.qr]


def test_each_recipient_gets_its_own_qr_code(phieu_gui_renderer: PhieuGuiRenderer) -> None:
    other = replace(
        PHIEU_SYT,
        co_quan_nhan="Sở Giáo dục và Đào tạo",
        qr="https://vanthu.ninhthuan.gov.vn/nhan/VB18-SGDDT/01",
    )
    assert qr_codes(phieu_gui_renderer.ve(other)) == [other.qr]


def test_the_metadata_names_the_slip_and_the_sender(pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == "Phiếu gửi VT-2021-000123"
    assert meta.author == "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"


def test_the_same_slip_drawn_twice_gives_identical_bytes(
    phieu_gui_renderer: PhieuGuiRenderer, pdf: bytes
) -> None:
    assert phieu_gui_renderer.ve(PHIEU_SYT) == pdf


def test_decomposed_diacritics_are_printed_composed(phieu_gui_renderer: PhieuGuiRenderer) -> None:
    nfd = unicodedata.normalize("NFD", "Ủy ban nhân dân huyện Thuận Bắc")
    assert nfd != "Ủy ban nhân dân huyện Thuận Bắc"
    text = text_of(phieu_gui_renderer.ve(replace(PHIEU_SYT, co_quan_nhan=nfd)))
    assert "Kính gửi: Ủy ban nhân dân huyện Thuận Bắc" in text


def test_markup_characters_in_a_name_are_printed_as_they_are(
    phieu_gui_renderer: PhieuGuiRenderer,
) -> None:
    name = 'Ban *Quản lý* dự án #1 $x$ _a_ "ĐT" <b> @ref [x] \\ // c'
    text = text_of(phieu_gui_renderer.ve(replace(PHIEU_SYT, co_quan_nhan=name)))
    assert f"Kính gửi: {name}" in text


def test_a_long_subject_is_set_smaller_and_stays_on_one_page(
    phieu_gui_renderer: PhieuGuiRenderer,
) -> None:
    # At 14 pt this subject takes ten lines and would push the QR code onto a second page.
    subject = PHIEU_SYT.van_ban + "; " + "; ".join(["tăng cường kiểm soát người ra vào tỉnh"] * 14)
    assert len(subject) > 700
    text = text_of(phieu_gui_renderer.ve(replace(PHIEU_SYT, van_ban=subject)))
    assert f"Văn bản gửi: {subject}" in text
    assert "Mã xác nhận: 3f9a-7c21-b0d4" in text


def test_names_and_a_subject_at_their_limits_wrap_and_stay_on_one_page(
    phieu_gui_renderer: PhieuGuiRenderer,
) -> None:
    # Regression (#7): a 200-character body name or a long subject pushed the slip onto a
    # second page, so `distribute` failed after the number was taken.
    sender = ("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN VÀ CÁC ĐƠN VỊ " * 5)[:DONG_TOI_DA].strip()
    recipient = ("Sở Y tế tỉnh Ninh Thuận và các đơn vị trực thuộc " * 5)[:DONG_TOI_DA].strip()
    symbol = ("CĐ-" + "UBNDTỈNHNINHTHUẬN" * 3)[:KY_HIEU_TOI_DA]
    subject = ("tăng cường kiểm soát người ra vào tỉnh Ninh Thuận; " * 25)[:TRICH_YEU_TOI_DA]
    line = f"Công điện số 999999/{symbol} ngày 13/09/2021 về việc {subject.strip()}"
    slip = replace(PHIEU_SYT, co_quan_gui=sender, co_quan_nhan=recipient, van_ban=line)
    text = text_of(phieu_gui_renderer.ve(slip))
    assert f"Kính gửi: {recipient}" in text
    assert f"Văn bản gửi: {line}" in text
    assert sender in text
    assert "Mã xác nhận: 3f9a-7c21-b0d4" in text
    assert qr_codes(phieu_gui_renderer.ve(slip)) == [PHIEU_SYT.qr]


def test_a_subject_far_past_its_limit_that_cannot_fit_one_page_is_refused(
    phieu_gui_renderer: PhieuGuiRenderer,
) -> None:
    subject = "; ".join(["tăng cường kiểm soát người ra vào tỉnh"] * 200)
    with pytest.raises(RenderError, match="does not fit on one page"):
        phieu_gui_renderer.ve(replace(PHIEU_SYT, van_ban=subject))


def test_a_character_the_face_lacks_is_refused_with_its_code_point(
    phieu_gui_renderer: PhieuGuiRenderer,
) -> None:
    with pytest.raises(RenderError, match=r"co_quan_nhan: .*U\+6F22"):
        phieu_gui_renderer.ve(replace(PHIEU_SYT, co_quan_nhan="Sở Y tế 漢"))


@pytest.mark.parametrize(
    ("field", "value"), [("co_quan_nhan", "  "), ("ma_xac_nhan", ""), ("qr", "")]
)
def test_an_empty_field_is_refused(
    phieu_gui_renderer: PhieuGuiRenderer, field: str, value: str
) -> None:
    changes: dict[str, Any] = {field: value}
    with pytest.raises(RenderError, match=f"VT-2021-000123: {field}"):
        phieu_gui_renderer.ve(replace(PHIEU_SYT, **changes))


def test_a_qr_string_too_long_for_a_qr_code_is_refused(
    phieu_gui_renderer: PhieuGuiRenderer,
) -> None:
    with pytest.raises(RenderError, match="VT-2021-000123: qr"):
        phieu_gui_renderer.ve(replace(PHIEU_SYT, qr="x" * 5000))


def test_the_slip_matches_its_golden_dump_and_page_image(pdf: bytes) -> None:
    check_text("phieu-gui.pdf.txt", pdf_dump(pdf))
    check_png("phieu-gui.page1.png", pdf_page_png(pdf))
