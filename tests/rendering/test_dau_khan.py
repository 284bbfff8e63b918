"""The urgency stamp (box 10b) is drawn to the Decree's size in both outputs: 30, 40, 20 × 8 mm."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, HOM_NAY
from tests.rendering.dumps import hop_mau
from tests.rendering.libreoffice import sang_pdf
from vanthu.reading import doc_tep
from vanthu.rendering import KetQua, Renderer
from vanthu.schemas import DoKhan

#: Width × height in mm (Decree 30, PL I III: pre-made stamps of a single line).
KICH_THUOC = {DoKhan.hoa_toc: (30, 8), DoKhan.thuong_khan: (40, 8), DoKhan.khan: (20, 8)}
DO = (1.0, 0.0, 0.0)  # bright red
MM = 72 / 25.4


@pytest.fixture(scope="module")
def rendered(renderer: Renderer) -> dict[DoKhan, KetQua]:
    base = doc_tep(EXAMPLES / "cong-dien-hoa-toc.yaml", HOM_NAY)
    return {
        do_khan: renderer.ket_xuat(base.model_copy(update={"do_khan": do_khan}), hom_nay=HOM_NAY)
        for do_khan in DoKhan
    }


def kich_thuoc(pdf: bytes) -> tuple[float, float]:
    """Width and height in mm of the red box on page 1."""
    x0, top, x1, bottom = hop_mau(pdf, DO)
    return (x1 - x0) / MM, (bottom - top) / MM


@pytest.mark.parametrize("do_khan", DoKhan)
def test_the_urgency_stamp_of_the_pdf_measures_as_the_decree_draws_it(
    rendered: dict[DoKhan, KetQua], do_khan: DoKhan
) -> None:
    # Regression (#9): the box was 6.7 mm high.
    pdf = rendered[do_khan].pdf
    assert pdf is not None
    assert kich_thuoc(pdf) == pytest.approx(KICH_THUOC[do_khan], abs=0.15)


@pytest.mark.libreoffice
def test_the_urgency_stamp_of_the_docx_measures_as_the_decree_draws_it(
    rendered: dict[DoKhan, KetQua],
) -> None:
    # Regression (#9): LibreOffice drew the DOCX box 1.4 mm too wide and 7 mm high.
    lo = sang_pdf({k.value: r.docx for k, r in rendered.items() if r.docx is not None})
    for do_khan in DoKhan:
        assert kich_thuoc(lo[do_khan.value]) == pytest.approx(KICH_THUOC[do_khan], abs=0.15), (
            do_khan
        )
