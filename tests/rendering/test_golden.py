"""Golden files: text dumps of DOCX and PDF and the page-1 PNG of every example.

Refresh them with ``make golden`` (VANTHU_UPDATE_GOLDEN=1) and review the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import example_files, ket_xuat_vi_du
from tests.rendering.dumps import docx_dump, pdf_dump, pdf_page_png
from tests.rendering.goldens import (
    PAGE_TOLERANCE,
    cap_nhat,
    check_png,
    check_text,
    differing_share,
)
from vanthu.rendering import KetQua, Renderer


@pytest.fixture(scope="module", params=example_files(), ids=lambda p: p.stem)
def rendered(request: pytest.FixtureRequest, renderer: Renderer) -> tuple[str, KetQua]:
    path: Path = request.param
    return path.stem, ket_xuat_vi_du(renderer, path)


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


def test_the_update_switch_is_read_when_the_test_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # Regression (#7): read at import, an exported variable made `make test` rewrite and pass.
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("VANTHU_UPDATE_GOLDEN", raising=False)
    assert not cap_nhat()
    monkeypatch.setenv("VANTHU_UPDATE_GOLDEN", "1")
    assert cap_nhat()


def test_the_update_switch_is_refused_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("VANTHU_UPDATE_GOLDEN", "1")
    with pytest.raises(pytest.fail.Exception, match="CI compares golden files"):
        cap_nhat()
