"""The PDF: pages, per-page text, embedded fonts, page numbers, metadata and PDF/A."""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import HOM_NAY, NINH_THUAN
from tests.rendering.dumps import embedded_fonts, pdf_pages
from vanthu.rendering import KetQua, Renderer
from vanthu.rendering.bo_cuc import THUOC_TINH_TOI_DA
from vanthu.rendering.nap_weasyprint import FontConfiguration
from vanthu.rendering.pdf_writer import _don_thu_muc_tam, font_config
from vanthu.schemas import VanBan


@pytest.fixture(scope="module")
def rendered(renderer: Renderer, ninh_thuan: VanBan) -> KetQua:
    return renderer.ket_xuat(ninh_thuan, docx=False, hom_nay=HOM_NAY)


@pytest.fixture(scope="module")
def pdf(rendered: KetQua) -> bytes:
    assert rendered.pdf is not None
    return rendered.pdf


def test_the_cong_dien_takes_three_a4_pages(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_page_one_has_no_number_and_page_two_shows_2_at_the_top(pdf: bytes) -> None:
    pages = pdf_pages(pdf, layout=True)
    first_lines = [page.strip().splitlines()[0].strip() for page in pages]
    assert first_lines[0].startswith("ỦY BAN NHÂN DÂN")
    assert first_lines[1:] == ["2", "3"]


def test_page_one_carries_header_title_and_sender(pdf: bytes) -> None:
    page1 = " ".join(pdf_pages(pdf)[0].split())
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 18/CĐ-UBND",
        "Ninh Thuận, ngày 13 tháng 9 năm 2021",
        "CÔNG ĐIỆN",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:",
    ):
        assert text in page1


def test_the_last_page_holds_noi_nhan_and_the_signature(pdf: bytes) -> None:
    last = " ".join(pdf_pages(pdf)[-1].split())
    for text in ("Nơi nhận:", "- Lưu: VT, VXNV. ĐNĐ", "CHỦ TỊCH", "Trần Quốc Nam"):
        assert text in last


def test_every_font_is_embedded_and_is_the_recorded_face(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    names = embedded_fonts(pdf)
    assert names == {
        "Liberation-Serif",
        "Liberation-Serif-Bold",
        "Liberation-Serif-Italic",
        "Liberation-Serif-Bold-Italic",
    } - ({"Liberation-Serif-Bold-Italic"} - names)
    assert reader.metadata["/vanthufont"] == "Liberation Serif"


def test_the_metadata_names_the_directive(pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title.startswith("Công điện 18/CĐ-UBND")
    assert meta.author == "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"


def test_pdf_a_output_declares_pdf_a_2b(renderer: Renderer, ninh_thuan: VanBan) -> None:
    result = renderer.ket_xuat(ninh_thuan, docx=False, pdf_a=True, hom_nay=HOM_NAY)
    assert result.pdf is not None
    reader = PdfReader(io.BytesIO(result.pdf))
    raw = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="2"' in raw
    assert 'pdfaid:conformance="B"' in raw
    assert "/OutputIntents" in reader.trailer["/Root"]


def test_a_render_process_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    # Regression (#7): every process left a 568 KB /tmp/weasyprint-* folder behind.
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    vanthu = Path(sys.executable).parent / "vanthu"
    result = subprocess.run(
        [str(vanthu), "render", str(NINH_THUAN), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / f"{NINH_THUAN.stem}.pdf").exists()
    assert list(tmp.iterdir()) == []


def test_the_font_configuration_is_shared_and_its_folder_removed_at_exit() -> None:
    config = font_config()
    assert font_config() is config
    folder = getattr(config, "_folder", None)
    assert folder is not None and Path(folder).is_dir()  # the faces were copied for rendering
    # What runs at exit, run on a throw-away configuration with a folder of its own.
    other = FontConfiguration()
    own = Path(tempfile.mkdtemp(prefix="weasyprint-"))
    other._folder = own
    _don_thu_muc_tam(other)
    assert not own.exists()
    assert other._folder is None


def word_boxes(pdf: bytes) -> list[tuple[str, float, float]]:
    """(word, xMin, xMax) in points of every word on every page, as poppler places them."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', out)
    return [(html.unescape(w), float(a), float(b)) for a, b, w in found]


def test_a_word_wider_than_its_column_breaks_inside_it_instead_of_overflowing(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    # Regression (#7): a long word ran over the Quốc hiệu and a long position off the page.
    vb = ninh_thuan.model_copy(
        update={
            "co_quan_chu_quan": "X" * 120,
            "nguoi_ky": ninh_thuan.nguoi_ky.model_copy(update={"chuc_vu": "PHÓCHỦTỊCH" * 20}),
        }
    )
    result = renderer.ket_xuat(vb, docx=False, hom_nay=HOM_NAY)
    assert result.pdf is not None
    trang = renderer.bang.trang
    pt = 72 / 2.54
    left_column_end = (trang.le_trai + renderer.soan_bo_cuc.cot[0]) * pt
    text_end = (trang.rong - trang.le_phai) * pt
    boxes = word_boxes(result.pdf)
    assert any(w.startswith("XXX") for w, _, _ in boxes)
    for word, _, x_max in boxes:
        if word.startswith("XXX"):
            assert x_max <= left_column_end + 1, word
        assert x_max <= text_end + 1, word
    printed = "".join(w for w, _, _ in boxes if "PHÓ" in w or "CHỦ" in w or "TỊCH" in w)
    assert printed.count("PHÓCHỦTỊCH") >= 19  # all of it, broken over several lines


def test_the_pdf_metadata_of_a_long_trich_yeu_is_cut_and_its_text_printed_whole(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    trich_yeu = ("Về việc đẩy mạnh phong trào thi đua bảo vệ vùng xanh " * 30)[:1000].strip()
    vb = ninh_thuan.model_copy(update={"trich_yeu": trich_yeu})
    result = renderer.ket_xuat(vb, docx=False, hom_nay=HOM_NAY)
    assert result.pdf is not None
    metadata = PdfReader(io.BytesIO(result.pdf)).metadata
    assert metadata is not None and metadata.title is not None
    assert len(metadata.title) <= THUOC_TINH_TOI_DA and metadata.title.endswith("…")
    assert " ".join(trich_yeu.split()) in " ".join(" ".join(pdf_pages(result.pdf)).split())
