"""The appearances: the leader's signature and the organisation's seal land where the layout
draws the images (inside the signature block), and the attachment's text box shows
Vietnamese in the embedded face at the top right of page 1."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PIL import Image, ImageOps
from pypdf import PdfReader

from tests.conftest import HOM_NAY
from tests.ky_so.conftest import ANH_CHU_KY, LUC_KY, Khoa
from vanthu.ky_so import dong_phu_luc, ky_hop_chu_co_quan
from vanthu.rendering import Renderer
from vanthu.rendering.fonts import mat_chu_pdf
from vanthu.rendering.renderer import BanDeKy
from vanthu.services.kiem_tra import kiem_tra_tep_anh


def _widgets(pdf: bytes) -> dict[str, tuple[int, tuple[float, ...]]]:
    """Each signature field's page (from 0) and rectangle, read with pypdf."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = [p.indirect_reference.idnum for p in reader.pages]  # type: ignore[union-attr]
    out = {}
    for field in reader.trailer["/Root"]["/AcroForm"]["/Fields"]:
        f = field.get_object()
        out[str(f["/T"])] = (
            pages.index(f.raw_get("/P").idnum),
            tuple(float(v) for v in f["/Rect"]),
        )
    return out


def test_the_signatures_land_where_the_layout_draws_the_images(
    renderer: Renderer, ban_de_ky: BanDeKy, da_ky: bytes
) -> None:
    # The same directive drawn with its images: the image boxes pdfplumber finds on the page.
    vb, anh = kiem_tra_tep_anh(ANH_CHU_KY, HOM_NAY)
    drawn = renderer.ket_xuat(vb, docx=False, hom_nay=HOM_NAY, anh=anh).pdf
    assert drawn is not None
    with pdfplumber.open(io.BytesIO(drawn)) as doc:
        (number,) = [n for n, p in enumerate(doc.pages) if p.images]
        page = doc.pages[number]
        images = sorted(page.images, key=lambda i: i["x0"])  # the seal stands left
        boxes = [(i["x0"], i["y0"], i["x1"], i["y1"]) for i in images]
        name = next(w for w in page.extract_words() if w["text"] == "Trần")
        height = float(page.height)
    seal_box, sig_box = boxes
    widgets = _widgets(da_ky)
    assert widgets["nguoi_ky"][0] == widgets["co_quan"][0] == number
    # pyHanko's field boxes are whole points, widened outwards.
    assert widgets["nguoi_ky"][1] == pytest.approx(sig_box, abs=1)
    assert widgets["co_quan"][1] == pytest.approx(seal_box, abs=1)
    (k,) = ban_de_ky.khung
    assert k.chu_ky == pytest.approx(sig_box, abs=0.5)
    # Inside the signature block: the signature above the name, the seal over its left third.
    x1, y1, x2, _ = k.chu_ky
    assert y1 > height - name["top"]
    sx1, _, sx2, _ = k.con_dau
    assert sx1 < x1 < sx2 == pytest.approx(x1 + (x2 - x1) / 3, abs=0.01)


def test_the_attachment_box_is_top_right_on_page_one_in_vietnamese(
    ban_de_ky: BanDeKy, khoa: Khoa, tmp_path: Path
) -> None:
    face = dict(mat_chu_pdf().tep)[(False, False)]
    lines = [dong_phu_luc("18/CĐ-UBND")]
    pdf = ky_hop_chu_co_quan(ban_de_ky.pdf, khoa.cau_hinh, lines, face, LUC_KY)
    page_no, (x1, y1, x2, y2) = _widgets(pdf)["co_quan"]
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert page_no == 0
    assert x2 == pytest.approx(width - 20 * 72 / 25.4, abs=1) and y2 > height - 36
    # The face is embedded (a CID font of Liberation Serif), and maps back to the Vietnamese
    # text: "Số" and "CĐ" come out of its ToUnicode map.
    (field,) = [f.get_object() for f in reader.trailer["/Root"]["/AcroForm"]["/Fields"]]
    appearance = field["/AP"]["/N"].get_object()
    fonts = _fonts(appearance)
    assert any("LiberationSerif" in str(f["/BaseFont"]) for f in fonts)
    # Drawn, it stays inside its box (a 2048-units face would spread and be clipped there).
    path = tmp_path / "p"
    subprocess.run(
        ["pdftoppm", "-r", "144", "-f", "1", "-l", "1", "-png", "-singlefile", "-", str(path)],
        input=pdf,
        check=True,
    )
    image = Image.open(f"{path}.png").convert("L")
    scale = 2  # 144 dpi
    box = (int(x1 * scale), int((height - y2) * scale), int(x2 * scale), int((height - y1) * scale))
    ink = ImageOps.invert(image.crop(box)).getbbox()
    assert ink is not None
    # The text's ink ends before the box's right edge (the box is 2 pt wider than the text).
    assert ink[2] < box[2] - box[0]
    # And it is as wide as the text: not spread out.
    assert ink[2] - ink[0] > 0.8 * (box[2] - box[0])


def _fonts(xobject: Any) -> list[Any]:
    """The fonts of a form XObject and of the forms it draws."""
    found = []
    resources = xobject.get("/Resources", {})
    found += [f.get_object() for f in resources.get("/Font", {}).values()]
    for inner in resources.get("/XObject", {}).values():
        found += _fonts(inner.get_object())
    return found
