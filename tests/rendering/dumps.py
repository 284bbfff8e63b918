"""Reading rendered files back: DOCX paragraphs in reading order, PDF text per page, page PNGs."""

from __future__ import annotations

import io
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_paragraphs(data: bytes) -> list[Paragraph]:
    """Body paragraphs and table-cell paragraphs (left cell, then right), in document order."""
    doc = Document(io.BytesIO(data))
    out: list[Paragraph] = []
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    out.extend(cell.paragraphs)
        else:
            out.append(item)
    return out


def docx_lines(data: bytes) -> list[str]:
    """The text of every non-empty paragraph, in reading order."""
    return [p.text for p in docx_paragraphs(data) if p.text.strip()]


def docx_le_trang_dau(data: bytes) -> list[str]:
    """The text of page 1's own header and footer paragraphs (boxes 11 and 13), if any."""
    section = Document(io.BytesIO(data)).sections[0]
    parts = (section.first_page_header, section.first_page_footer)
    return [p.text for part in parts for p in part.paragraphs if p.text.strip()]


def docx_dump(data: bytes) -> str:
    """A golden dump: one line per paragraph, "style | text"; then page 1's own header and
    footer (boxes 11 and 13), when they print anything."""
    rows = [f"{p.style.name if p.style else '-'} | {p.text}" for p in docx_paragraphs(data)]
    section = Document(io.BytesIO(data)).sections[0]
    for name, part in (
        ("trang 1, đầu trang", section.first_page_header),
        ("trang 1, chân trang", section.first_page_footer),
    ):
        if "".join(p.text for p in part.paragraphs).strip():
            rows.append(f"=== {name} ===")
            rows += [f"{p.style.name if p.style else '-'} | {p.text}" for p in part.paragraphs]
    return "\n".join(rows) + "\n"


def _pdftotext(data: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        return subprocess.run(
            ["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout


def pdf_pages(data: bytes, layout: bool = False) -> list[str]:
    """Text of each page (``layout``: poppler's physical layout, for golden dumps)."""
    text = _pdftotext(data, "-layout" if layout else "-raw", "-enc", "UTF-8")
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_dump(data: bytes) -> str:
    """A golden dump: the physical-layout text of each page."""
    pages = pdf_pages(data, layout=True)
    return "".join(f"=== trang {i} ===\n{page.rstrip()}\n" for i, page in enumerate(pages, 1))


def pdf_page_png(data: bytes, page: int = 1, dpi: int = 60) -> bytes:
    """One page as PNG, through poppler's pdftoppm."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        prefix = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-png",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(prefix),
            ],
            check=True,
        )
        return prefix.with_suffix(".png").read_bytes()


def font_descriptors(data: bytes) -> Iterator[tuple[str, Any]]:
    """(base name without the subset tag, font descriptor) of each font on each page."""
    from pypdf import PdfReader

    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            yield str(font["/BaseFont"]).split("+", 1)[1], descriptor.get_object()


def embedded_fonts(data: bytes) -> set[str]:
    """The base names of the PDF's fonts (subset tag removed); fails if one is not embedded."""
    names = set()
    for name, descriptor in font_descriptors(data):
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name
        names.add(name)
    return names


def hop_mau(data: bytes, mau: tuple[float, float, float], page: int = 0) -> tuple[float, ...]:
    """Outer edges (x0, top, x1, bottom; pt from the top-left corner) of the lines and filled
    shapes drawn in one colour (RGB, 0–1) on a page: a stamp's box, as printed.

    A stroked line's ink reaches half its width beyond its path on each side across it.
    """
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as doc:
        shapes = doc.pages[page].rects + doc.pages[page].lines
        boxes = []
        for shape in shapes:
            colour = shape["stroking_color"] if shape["stroke"] else shape["non_stroking_color"]
            if tuple(colour or ()) != mau:
                continue
            x0, top, x1, bottom = shape["x0"], shape["top"], shape["x1"], shape["bottom"]
            if shape["stroke"] and not shape["fill"]:
                half = shape["linewidth"] / 2
                if shape["object_type"] == "rect" or top == bottom:
                    top, bottom = top - half, bottom + half
                if shape["object_type"] == "rect" or x0 == x1:
                    x0, x1 = x0 - half, x1 + half
            boxes.append((x0, top, x1, bottom))
    assert boxes, f"nothing is drawn in {mau} on page {page + 1}"
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
