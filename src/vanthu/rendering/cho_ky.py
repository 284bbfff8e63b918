"""Where the signature and seal images go (chỗ ký, Decree 30 Art. 13 and 33; spec §3.4).

The signature image stands centred in the signer's column, halfway down the space between the
last position line and the name (the name's space above), scaled to fit it; the seal stands at
its real size, centred on the same height, its right edge a third of the way into the
signature, so that it covers the signature's left third. Neither moves a line: both writers
draw them floating over the text, the seal last, over the position lines if it is taller than
the space (as a real seal is stamped over them).

One geometry serves three callers: the layout (``dat_anh``: positions relative to the name
paragraph), the PDF check and the signing to come (``cho_ky_tren_trang`` finds each signer's
place on the laid-out pages; ``khung_tren_trang`` turns a placement into PDF points, origin at
the bottom left, as pyHanko's stamp boxes are given).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..errors import RenderError
from ..schemas.anh import AnhDaDoc
from ..schemas.nguoi_ky import NguoiKy
from .bo_cuc import PT_MOI_CM, AnhBoCuc, DoanBoCuc
from .styles import BangKieu, Kieu

#: Points kept free between the signature image and the lines above and below it.
KHOANG_CHU_KY = 3.0
#: The widest a signature image is drawn, in cm, and its share of a narrow column.
CHU_KY_RONG_TOI_DA = 6.0
TY_LE_COT_CHU_KY = 0.7
#: The share of the signature's width the seal covers, on its left.
TY_LE_DE_DAU = 1 / 3
#: CSS pixels (WeasyPrint's unit) to points.
PT_MOI_PX = 0.75


@dataclass(frozen=True)
class Khung:
    """A rectangle in cm: ``x`` right of the column's left edge, ``y`` below the top of the
    name paragraph's space above."""

    x: float
    y: float
    rong: float
    cao: float


def khung_chu_ky(
    rong_px: int, cao_px: int, rong_cot: float, cach_truoc: float, cao_cho: float
) -> Khung:
    """The signature's rectangle: the image scaled to fit ``cao_cho`` points (the style's
    signature space, less KHOANG_CHU_KY above and below) and the column's width, centred in
    the column and in the actual space above the name (``cach_truoc`` points)."""
    cao_toi_da = max(cao_cho - 2 * KHOANG_CHU_KY, 1.0) / PT_MOI_CM
    rong_toi_da = min(CHU_KY_RONG_TOI_DA, rong_cot * TY_LE_COT_CHU_KY)
    scale = min(rong_toi_da / rong_px, cao_toi_da / cao_px)
    rong, cao = rong_px * scale, cao_px * scale
    return Khung((rong_cot - rong) / 2, (cach_truoc / PT_MOI_CM - cao) / 2, rong, cao)


def khung_con_dau(chu_ky: Khung, rong_px: int, cao_px: int, duong_kinh_mm: float) -> Khung:
    """The seal's rectangle: its longer side the seal's real diameter, centred on the
    signature's height, its right edge a third of the way into the signature."""
    side = duong_kinh_mm / 10
    rong, cao = (
        (side, side * cao_px / rong_px)
        if rong_px >= cao_px
        else (
            side * rong_px / cao_px,
            side,
        )
    )
    right = chu_ky.x + chu_ky.rong * TY_LE_DE_DAU
    middle = chu_ky.y + chu_ky.cao / 2
    return Khung(right - rong, middle - cao / 2, rong, cao)


def cac_khung(
    nguoi_ky: NguoiKy,
    anh: Mapping[str, AnhDaDoc],
    rong_cot: float,
    cach_truoc: float,
    cao_cho: float,
) -> list[tuple[str, str, Khung]]:
    """The signer's images as (role, path, rectangle): the signature, then the seal."""
    if nguoi_ky.anh_chu_ky is None:
        return []
    sig = anh[nguoi_ky.anh_chu_ky]
    chu_ky = khung_chu_ky(sig.rong_px, sig.cao_px, rong_cot, cach_truoc, cao_cho)
    out = [("chu_ky", nguoi_ky.anh_chu_ky, chu_ky)]
    if nguoi_ky.anh_con_dau is not None:
        seal = anh[nguoi_ky.anh_con_dau]
        dau = khung_con_dau(chu_ky, seal.rong_px, seal.cao_px, nguoi_ky.duong_kinh_dau_mm)
        out.append(("con_dau", nguoi_ky.anh_con_dau, dau))
    return out


def dat_anh(
    khoi: list[DoanBoCuc],
    ten: str,
    nguoi_ky: NguoiKy,
    anh: Mapping[str, AnhDaDoc],
    rong_cot: float,
    bang: BangKieu,
) -> list[DoanBoCuc]:
    """A signer's block with its name's first line marked as the place of signature (``ten``:
    the signer's field, nguoi_ky or nguoi_ky_2) and carrying the signer's images, if any.

    Raises:
        RenderError: the signer names an image that ``anh`` does not hold (it was not read).
    """
    missing = [p for _, p in nguoi_ky.cac_anh if p not in anh]
    if missing:
        raise RenderError(ten, f"the image {missing[0]!r} was not read beside the directive")
    out = list(khoi)
    i = next(k for k, b in enumerate(out) if b.kieu is Kieu.HO_TEN)
    style = bang[Kieu.HO_TEN]
    given = out[i].cach_truoc
    above = style.cach_truoc if given is None else given
    images = tuple(
        AnhBoCuc(anh[path].png, k.x, k.y, k.rong, k.cao, role)
        for role, path, k in cac_khung(nguoi_ky, anh, rong_cot, above, style.cach_truoc)
    )
    out[i] = replace(out[i], cho_ky=ten, anh=images)
    return out


@dataclass(frozen=True)
class ChoKyTrang:
    """A signer's place on a laid-out page, in points from the page's top-left corner: the
    left edge of the signer's column and the top of the name's space above."""

    nguoi_ky: str  # the signer's field: nguoi_ky or nguoi_ky_2
    trang: int  # page index, from 0
    x: float
    y: float
    rong_cot: float  # cm
    cach_truoc: float  # pt: the name's space above
    cao_trang: float  # pt: the page's height


def cho_ky_tren_trang(document: Any) -> list[ChoKyTrang]:
    """Every signer's place in a WeasyPrint document laid out by ``PdfWriter.dung_trang``
    (the name paragraphs the layout marked with ``cho_ky``)."""
    found = []
    for index, page in enumerate(document.pages):
        for box in _hop(page._page_box):
            ten = box.element.get("data-cho-ky") if box.element is not None else None
            if ten and box.element_tag == "p" and _la_khoi(box):
                found.append(
                    ChoKyTrang(
                        ten,
                        index,
                        box.position_x * PT_MOI_PX,
                        box.position_y * PT_MOI_PX,
                        box.width * PT_MOI_PX / PT_MOI_CM,
                        box.margin_top * PT_MOI_PX,
                        page.height * PT_MOI_PX,
                    )
                )
    return found


def khung_tren_trang(cho: ChoKyTrang, khung: Khung) -> tuple[float, float, float, float]:
    """A rectangle placed at a signer's place, in PDF points (x1, y1, x2, y2) from the
    page's bottom-left corner: the box a pyHanko stamp is given."""
    x1 = cho.x + khung.x * PT_MOI_CM
    top = cho.y + khung.y * PT_MOI_CM
    return (
        x1,
        cho.cao_trang - top - khung.cao * PT_MOI_CM,
        x1 + khung.rong * PT_MOI_CM,
        cho.cao_trang - top,
    )


def _hop(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _hop(child)


def _la_khoi(box: Any) -> bool:
    """The paragraph's block box (not one of its line or inline boxes)."""
    return type(box).__name__ == "BlockBox"


#: The proportions a signature's box takes when the signer gives no image (a 5:2 scribble),
#: and a seal's when none is given: the signatures still go where they belong.
CHU_KY_MAC_DINH_PX = (500, 200)


@dataclass(frozen=True)
class KhungKy:
    """Where one signer's two digital signatures show on the laid-out PDF (#10): the page
    (from 0) and, in PDF points from the bottom left, the signature's rectangle (the leader's
    signature) and the seal's (the organisation's), with the PNG images drawn in them, if the
    signer gives any."""

    nguoi_ky: str  # the signer's field: nguoi_ky or nguoi_ky_2
    trang: int
    chu_ky: tuple[float, float, float, float]
    con_dau: tuple[float, float, float, float]
    anh_chu_ky: bytes | None
    anh_con_dau: bytes | None


def khung_ky(
    document: Any, nguoi_ky: Mapping[str, NguoiKy], anh: Mapping[str, AnhDaDoc]
) -> list[KhungKy]:
    """Each signer's signature rectangles on a WeasyPrint document laid out without the
    images (``PdfWriter.dung_trang``): the rectangles the images would be drawn in.
    ``nguoi_ky`` gives the signers by field (``nguoi_ky``, ``nguoi_ky_2``); ``anh`` the
    checked images they name. A signer without images gets rectangles of a 5:2 signature and
    of a round seal of the signer's seal diameter.

    Raises:
        RenderError: a signer names an image that ``anh`` does not hold.
    """
    out = []
    for cho in cho_ky_tren_trang(document):
        signer = nguoi_ky.get(cho.nguoi_ky)
        if signer is None:
            continue
        missing = [p for _, p in signer.cac_anh if p not in anh]
        if missing:
            raise RenderError(cho.nguoi_ky, f"the image {missing[0]!r} was not read")
        sig = anh[signer.anh_chu_ky] if signer.anh_chu_ky else None
        seal = anh[signer.anh_con_dau] if signer.anh_con_dau else None
        w, h = (sig.rong_px, sig.cao_px) if sig else CHU_KY_MAC_DINH_PX
        k_sig = khung_chu_ky(w, h, cho.rong_cot, cho.cach_truoc, cho.cach_truoc)
        sw, sh = (seal.rong_px, seal.cao_px) if seal else (1, 1)
        k_seal = khung_con_dau(k_sig, sw, sh, signer.duong_kinh_dau_mm)
        out.append(
            KhungKy(
                cho.nguoi_ky,
                cho.trang,
                khung_tren_trang(cho, k_sig),
                khung_tren_trang(cho, k_seal),
                sig.png if sig else None,
                seal.png if seal else None,
            )
        )
    return out


#: The lines the System fills in after the leader signs (Decree 30 Art. 15: number and date
#: are given after the signature), by the form field that holds each: the class of their
#: paragraphs in the header of page 1.
TRUONG_DIEN = {"so_ky_hieu": Kieu.SO_KY_HIEU, "ngay_ban_hanh": Kieu.DIA_DANH_NGAY}


@dataclass(frozen=True)
class ChoDien:
    """Where a line filled in after signing stands on the laid-out PDF: its field's name, the
    page (from 0) and the rectangle of its paragraphs (all its lines), in PDF points from
    the bottom left."""

    ten: str
    trang: int
    khung: tuple[float, float, float, float]


def cho_dien(document: Any) -> list[ChoDien]:
    """The number line and the place-date line of page 1's header, each as one rectangle (a
    long place-date line broken in two is one rectangle over both)."""
    if not document.pages:
        return []
    page = document.pages[0]
    height = page.height * PT_MOI_PX
    found: dict[str, list[float]] = {}
    for box in _hop(page._page_box):
        element = box.element
        if element is None or box.element_tag != "p" or not _la_khoi(box):
            continue
        classes = set((element.get("class") or "").split())
        for ten, kieu in TRUONG_DIEN.items():
            if kieu.css_class not in classes:
                continue
            x1, top = box.border_box_x() * PT_MOI_PX, box.border_box_y() * PT_MOI_PX
            x2 = x1 + box.border_width() * PT_MOI_PX
            bottom = top + box.border_height() * PT_MOI_PX
            seen = found.setdefault(ten, [x1, top, x2, bottom])
            seen[:] = [min(seen[0], x1), min(seen[1], top), max(seen[2], x2), max(seen[3], bottom)]
    return [
        ChoDien(ten, 0, (x1, height - bottom, x2, height - top))
        for ten, (x1, top, x2, bottom) in found.items()
    ]
