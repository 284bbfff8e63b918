"""Golden files: text dumps of DOCX and PDF and the page-1 PNG of every example.

Refresh them with ``make golden`` (VANTHU_UPDATE_GOLDEN=1) and review the diff before committing.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from tests.conftest import HOM_NAY, example_files
from tests.rendering.dumps import docx_dump, pdf_dump, pdf_page_png
from vanthu.rendering import KetQua, TrinhKetXuat
from vanthu.services import doc_tep

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("VANTHU_UPDATE_GOLDEN") == "1"
#: A pixel "differs" when its grey level moves by more than this (of 255) ...
PIXEL_TOLERANCE = 64
#: ... and a page differs when more than this share of its pixels do.
PAGE_TOLERANCE = 0.002


def check_text(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run `make golden`"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed: run `make golden`"


def differing_share(a: Image.Image, b: Image.Image) -> float:
    """Share of pixels whose grey level differs by more than PIXEL_TOLERANCE."""
    diff = ImageChops.difference(a.convert("L"), b.convert("L"))
    histogram = diff.histogram()
    return sum(histogram[PIXEL_TOLERANCE + 1 :]) / (a.width * a.height)


def check_png(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(actual)
        return
    assert path.exists(), f"{path} is missing: run `make golden`"
    with Image.open(path) as expected_image, Image.open(io.BytesIO(actual)) as actual_image:
        assert expected_image.size == actual_image.size
        share = differing_share(expected_image, actual_image)
    assert share <= PAGE_TOLERANCE, f"{name}: {share:.2%} of pixels differ: run `make golden`"


@pytest.fixture(scope="module", params=example_files(), ids=lambda p: p.stem)
def rendered(request: pytest.FixtureRequest, renderer: TrinhKetXuat) -> tuple[str, KetQua]:
    path: Path = request.param
    return path.stem, renderer.ket_xuat(doc_tep(path, HOM_NAY), hom_nay=HOM_NAY)


def test_docx_text_matches_its_golden_dump(rendered: tuple[str, KetQua]) -> None:
    stem, result = rendered
    assert result.docx is not None
    check_text(f"{stem}.docx.txt", docx_dump(result.docx))


def test_pdf_text_matches_its_golden_dump(rendered: tuple[str, KetQua]) -> None:
    stem, result = rendered
    assert result.pdf is not None
    check_text(f"{stem}.pdf.txt", pdf_dump(result.pdf))


def test_pdf_page_one_looks_like_its_golden_image(rendered: tuple[str, KetQua]) -> None:
    stem, result = rendered
    assert result.pdf is not None
    check_png(f"{stem}.page1.png", pdf_page_png(result.pdf))


def test_the_image_comparison_notices_a_moved_block() -> None:
    blank = Image.new("L", (200, 200), 255)
    moved = blank.copy()
    moved.paste(0, (10, 10, 40, 40))
    assert differing_share(blank, blank) == 0
    assert differing_share(blank, moved) > PAGE_TOLERANCE
