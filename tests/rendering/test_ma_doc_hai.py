"""Markup typed into a directive (mã độc hại: HTML, script, entities) is printed as the text it
is, in both outputs: the PDF's HTML is escaped, the DOCX holds text runs."""

from __future__ import annotations

import pytest

from tests.conftest import HOM_NAY
from tests.rendering.dumps import docx_dump, pdf_dump
from vanthu.rendering import Renderer
from vanthu.schemas import VanBan

#: Each without a space, so that no line break falls inside it.
HOSTILE = ("<b>đậm</b>", "<script>x()</script>", "&amp;lt;", "<img/src=x>")


@pytest.fixture(scope="module")
def outputs(renderer: Renderer, ninh_thuan: VanBan) -> tuple[str, str]:
    first, second, third, fourth = HOSTILE
    data = ninh_thuan.model_dump(mode="json", exclude_defaults=True)
    data["trich_yeu"] = f"Về việc {first} và {second}"
    data["kinh_gui"] = [f"Sở {third}"]
    data["noi_dung"][0]["doan"] = f"Đoạn có {fourth} và {first}."
    data["nguoi_ky"]["ho_ten"] = f"Người {second}"
    data["noi_nhan"][0]["ten"] = f"Nơi {third}"
    vb = VanBan.model_validate(data, context={"hom_nay": HOM_NAY})
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY)
    assert result.docx is not None and result.pdf is not None
    return docx_dump(result.docx), pdf_dump(result.pdf)


@pytest.mark.parametrize("text", HOSTILE)
def test_markup_in_any_field_is_printed_as_typed(outputs: tuple[str, str], text: str) -> None:
    docx, pdf = outputs
    assert text in docx
    assert text in pdf.replace("\u00ad", "")
