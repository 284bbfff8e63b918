"""Signature and seal images: the signature centred between position and name, the seal at its
real size over the signature's left third, in DOCX (floating pictures) and PDF alike, and no
line moved by either."""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.anh_thu import chu_ky, con_dau
from tests.conftest import EXAMPLES, HOM_NAY, NINH_THUAN
from vanthu.reading import doc_tep
from vanthu.reading.anh import kiem_tra_png
from vanthu.rendering import KetQua, Renderer
from vanthu.rendering.anh_docx import emu
from vanthu.rendering.bo_cuc import PT_MOI_CM, AnhBoCuc, BoCuc, DoanBoCuc, HaiCot
from vanthu.rendering.cho_ky import (
    CHU_KY_RONG_TOI_DA,
    KHOANG_CHU_KY,
    cac_khung,
    cho_ky_tren_trang,
    khung_tren_trang,
)
from vanthu.rendering.styles import Kieu
from vanthu.schemas import VanBan
from vanthu.schemas.anh import AnhDaDoc

MM = 72 / 25.4
ANH = {"ky.png": kiem_tra_png(chu_ky(500, 200)), "dau.png": kiem_tra_png(con_dau(400))}


def _voi_anh(vb: VanBan, field: str = "nguoi_ky", **more: Any) -> VanBan:
    signer = getattr(vb, field).model_copy(
        update={"anh_chu_ky": "ky.png", "anh_con_dau": "dau.png", **more}
    )
    return vb.model_copy(update={field: signer})


@pytest.fixture(scope="module")
def ninh_thuan_vb() -> VanBan:
    return doc_tep(NINH_THUAN, HOM_NAY)


@pytest.fixture(scope="module")
def co_anh(renderer: Renderer, ninh_thuan_vb: VanBan) -> KetQua:
    vb = _voi_anh(ninh_thuan_vb, duong_kinh_dau=38)
    return renderer.ket_xuat(vb, hom_nay=HOM_NAY, anh=ANH)


def _anh(bo_cuc: BoCuc) -> list[tuple[DoanBoCuc, AnhBoCuc]]:
    return [
        (b, a)
        for block in bo_cuc.khoi
        if isinstance(block, HaiCot)
        for cell in (block.trai, block.phai)
        for b in cell
        if isinstance(b, DoanBoCuc)
        for a in b.anh
    ]


def _pdf_images(pdf: bytes) -> tuple[int, list[dict[str, Any]], list[dict[str, Any]]]:
    """The page holding images, its images (signature first) and its words."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages):
            if page.images:
                words = page.extract_words(keep_blank_chars=True, use_text_flow=True)
                return number, list(page.images), words
    raise AssertionError("no page holds an image")


def _line(words: list[dict[str, Any]], text: str) -> dict[str, Any]:
    return next(w for w in words if w["text"].startswith(text))


def test_the_layout_marks_the_name_and_anchors_both_images_to_it(co_anh: KetQua) -> None:
    placed = _anh(co_anh.bo_cuc)
    assert [(b.text, b.cho_ky, a.vai_tro) for b, a in placed] == [
        ("Trần Quốc Nam", "nguoi_ky", "chu_ky"),
        ("Trần Quốc Nam", "nguoi_ky", "con_dau"),
    ]
    sig, seal = (a for _, a in placed)
    assert seal.rong == seal.cao == pytest.approx(3.8)
    assert seal.x + seal.rong == pytest.approx(sig.x + sig.rong / 3)
    assert seal.y + seal.cao / 2 == pytest.approx(sig.y + sig.cao / 2)


def test_the_docx_draws_both_as_floating_pictures_at_the_layouts_place(co_anh: KetQua) -> None:
    assert co_anh.docx is not None
    doc = Document(io.BytesIO(co_anh.docx))
    assert not doc.inline_shapes  # an inline picture would make its line as tall as itself
    name = next(p for p in doc.tables[-1].cell(0, 1).paragraphs if p.text == "Trần Quốc Nam")
    anchors = name._p.findall(f".//{qn('wp:anchor')}")
    expected = [a for _, a in _anh(co_anh.bo_cuc)]
    assert len(anchors) == len(expected) == 2
    for anchor, anh in zip(anchors, expected, strict=True):
        extent = anchor.find(qn("wp:extent"))
        assert (int(extent.get("cx")), int(extent.get("cy"))) == (emu(anh.rong), emu(anh.cao))
        h, v = anchor.find(qn("wp:positionH")), anchor.find(qn("wp:positionV"))
        assert (h.get("relativeFrom"), v.get("relativeFrom")) == ("column", "paragraph")
        assert int(h.find(qn("wp:posOffset")).text) == emu(anh.x)
        assert int(v.find(qn("wp:posOffset")).text) == emu(anh.y)
        assert anchor.find(qn("wp:wrapNone")) is not None
        assert anchor.get("behindDoc") == "0" and anchor.get("layoutInCell") == "1"
    # The seal's real size: 38 mm.
    assert int(anchors[1].find(qn("wp:extent")).get("cx")) == 1_368_000


def test_the_pdf_centres_the_signature_between_position_and_name(co_anh: KetQua) -> None:
    assert co_anh.pdf is not None
    _, images, words = _pdf_images(co_anh.pdf)
    sig = min(images, key=lambda i: i["height"])
    position, name = _line(words, "CHỦ TỊCH"), _line(words, "Trần Quốc Nam")
    # Horizontally: on the name's centre line (both are centred in the signer's column).
    assert (sig["x0"] + sig["x1"]) / 2 == pytest.approx((name["x0"] + name["x1"]) / 2, abs=1)
    # Vertically: halfway between the position's last line and the name (their glyph boxes,
    # of one size and style: the halves differ by no more than a point).
    above, below = sig["top"] - position["bottom"], name["top"] - sig["bottom"]
    assert above > 0 and below > 0
    assert above == pytest.approx(below, abs=1.5)


def test_the_pdf_seal_has_its_real_size_and_covers_the_signatures_left_third(
    co_anh: KetQua,
) -> None:
    assert co_anh.pdf is not None
    _, images, _ = _pdf_images(co_anh.pdf)
    sig, seal = sorted(images, key=lambda i: i["width"] * i["height"])
    assert seal["width"] == pytest.approx(38 * MM, abs=0.5 * MM)
    assert seal["height"] == pytest.approx(38 * MM, abs=0.5 * MM)
    overlap = min(seal["x1"], sig["x1"]) - max(seal["x0"], sig["x0"])
    assert overlap == pytest.approx(sig["width"] / 3, abs=1)
    assert seal["x0"] < sig["x0"]  # on the left
    centre = (seal["top"] + seal["bottom"]) / 2
    assert centre == pytest.approx((sig["top"] + sig["bottom"]) / 2, abs=1)


def _word_positions(pdf: bytes) -> list[tuple[int, str, float, float]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [
            (n, w["text"], round(w["x0"], 2), round(w["bottom"], 2))
            for n, page in enumerate(doc.pages)
            for w in page.extract_words()
        ]


def test_no_line_moves_when_the_images_are_added(
    renderer: Renderer, ninh_thuan_vb: VanBan, co_anh: KetQua
) -> None:
    bare = renderer.ket_xuat(ninh_thuan_vb, hom_nay=HOM_NAY)
    assert bare.pdf is not None and co_anh.pdf is not None
    assert _word_positions(co_anh.pdf) == _word_positions(bare.pdf)
    assert bare.bo_cuc.dong_van_ban() == co_anh.bo_cuc.dong_van_ban()


def test_the_page_geometry_gives_the_pdfs_image_boxes_in_pdf_points(
    renderer: Renderer, ninh_thuan_vb: VanBan, co_anh: KetQua
) -> None:
    # What the signing to come (#10) asks: where the appearances go on page N, computed from
    # the laid-out pages, here of the bare directive, and checked against the images drawn.
    bare = renderer.bo_cuc(ninh_thuan_vb, HOM_NAY)
    (cho,) = cho_ky_tren_trang(renderer.pdf.dung_trang(bare))
    signer = _voi_anh(ninh_thuan_vb, duong_kinh_dau=38).nguoi_ky
    boxes = [
        khung_tren_trang(cho, k)
        for _, _, k in cac_khung(signer, ANH, cho.rong_cot, cho.cach_truoc, cho.cach_truoc)
    ]
    assert co_anh.pdf is not None
    number, images, _ = _pdf_images(co_anh.pdf)
    assert cho.trang == number
    drawn = sorted(
        ((i["x0"], i["y0"], i["x1"], i["y1"]) for i in images), key=lambda b: b[2] - b[0]
    )
    for got, want in zip(sorted(boxes, key=lambda b: b[2] - b[0]), drawn, strict=True):
        assert got == pytest.approx(want, abs=0.5)


def test_two_signers_each_carry_their_own_signature(renderer: Renderer) -> None:
    vb = doc_tep(EXAMPLES / "hop-dong.yaml", HOM_NAY)
    vb = _voi_anh(_voi_anh(vb, "nguoi_ky_2"), "nguoi_ky")
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY, anh=ANH)
    placed = [(b.cho_ky, a.vai_tro) for b, a in _anh(result.bo_cuc)]
    assert placed == [
        ("nguoi_ky_2", "chu_ky"),
        ("nguoi_ky_2", "con_dau"),
        ("nguoi_ky", "chu_ky"),
        ("nguoi_ky", "con_dau"),
    ]
    assert result.pdf is not None and result.docx is not None
    _, images, words = _pdf_images(result.pdf)
    assert len(images) == 4
    signatures = sorted(sorted(images, key=lambda i: i["height"])[:2], key=lambda i: i["x0"])
    assert vb.nguoi_ky_2 is not None
    named = {vb.nguoi_ky_2.ho_ten, vb.nguoi_ky.ho_ten}
    names = sorted((w for w in words if w["text"] in named), key=lambda w: w["x0"])
    for sig, name in zip(signatures, names, strict=True):
        assert (sig["x0"] + sig["x1"]) / 2 == pytest.approx((name["x0"] + name["x1"]) / 2, abs=1)
    anchors = Document(io.BytesIO(result.docx)).element.body.findall(f".//{qn('wp:anchor')}")
    assert len(anchors) == 4


@settings(max_examples=12)
@given(
    sig=st.tuples(st.integers(1, 4000), st.integers(1, 4000)).filter(
        lambda s: s[0] * s[1] <= 4_000_000
    ),
    seal=st.tuples(st.integers(1, 600), st.integers(1, 600)),
    duong_kinh=st.floats(20, 60),
)
def test_any_accepted_image_and_seal_size_renders_to_both_formats(
    renderer: Renderer,
    ninh_thuan_vb: VanBan,
    sig: tuple[int, int],
    seal: tuple[int, int],
    duong_kinh: float,
) -> None:
    # Only the pixel sizes matter to the layout: the bytes are a real small PNG.
    small = ANH["ky.png"].png
    anh = {"ky.png": AnhDaDoc(small, *sig), "dau.png": AnhDaDoc(ANH["dau.png"].png, *seal)}
    vb = _voi_anh(ninh_thuan_vb, duong_kinh_dau=duong_kinh)
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY, anh=anh)
    assert result.docx and result.pdf
    _, placed = zip(*_anh(result.bo_cuc), strict=True)
    assert max(placed[1].rong, placed[1].cao) == pytest.approx(duong_kinh / 10)
    # The signature fits its space (the name's space above, less the room kept free).
    assert (
        placed[0].cao * PT_MOI_CM
        <= renderer.bang[Kieu.HO_TEN].cach_truoc - 2 * KHOANG_CHU_KY + 1e-6
    )
    assert placed[0].rong <= CHU_KY_RONG_TOI_DA + 1e-9
