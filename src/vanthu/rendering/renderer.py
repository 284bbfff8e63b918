"""The renderer (trình kết xuất): one style sheet, one PDF face, a layout drawn as DOCX and PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..schemas import VanBan
from ..schemas.anh import AnhDaDoc
from ..schemas.ban_sao import BanSao, HinhThucSao
from .ban_sao import KhungPdf, ban_sao_dien_tu, ban_sao_giay, o_ky_so, trich
from .bo_cuc import BoCuc
from .cho_ky import ChoDien, KhungKy, cho_dien, khung_ky
from .docx_writer import DocxWriter
from .fonts import MatChu, do_rong_chu, mat_chu_pdf
from .luu_tru import pdf_luu_tru, sieu_du_lieu
from .pdf_writer import PdfWriter
from .soan_bo_cuc import SoanBoCuc
from .styles import BangKieu, doc_bang_kieu


@dataclass(frozen=True)
class KetQuaBanSao:
    """The rendered files of one copy: a paper copy has DOCX and PDF, an electronic copy a PDF
    and the rectangle of box 14 (where the organisation's signature goes)."""

    bo_cuc: BoCuc
    docx: bytes | None
    pdf: bytes
    o_ky_so: KhungPdf | None


@dataclass(frozen=True)
class KetQua:
    """The rendered files of one directive."""

    bo_cuc: BoCuc
    docx: bytes | None
    pdf: bytes | None


@dataclass(frozen=True)
class BanDeKy:
    """A directive drawn for digital signing (#10): the PDF without the signature and seal
    images, and where each signer's signatures show them (the images go into the signatures'
    appearances instead)."""

    bo_cuc: BoCuc
    pdf: bytes
    khung: list[KhungKy]
    docx: bytes | None = None
    dien: list[ChoDien] = field(default_factory=list)  # the number and date lines' places


class Renderer:
    """The renderer: one style sheet (from a Word template), one PDF face, both writers."""

    def __init__(self, template: Path | None = None, mat_chu: MatChu | None = None) -> None:
        self.bang: BangKieu = doc_bang_kieu(template)
        self.mat_chu = mat_chu or mat_chu_pdf()
        self.soan_bo_cuc = SoanBoCuc(self.bang, do_rong_chu(self.mat_chu))
        self.docx = DocxWriter(self.bang, template)
        self.pdf = PdfWriter(self.bang, self.mat_chu)

    def bo_cuc(
        self,
        vb: VanBan,
        hom_nay: dt.date | None = None,
        anh: Mapping[str, AnhDaDoc] | None = None,
    ) -> BoCuc:
        """The layout of a directive (``hom_nay`` gives a draft its year; ``anh`` holds the
        checked signature and seal images it names, by path)."""
        return self.soan_bo_cuc.soan(vb, hom_nay or dt.date.today(), anh)

    def ket_xuat(
        self,
        vb: VanBan,
        docx: bool = True,
        pdf: bool = True,
        pdf_a: bool = False,
        hom_nay: dt.date | None = None,
        anh: Mapping[str, AnhDaDoc] | None = None,
    ) -> KetQua:
        """Lay a directive out once and draw the requested formats; ``pdf_a``: the PDF is
        PDF/A-2b, and a numbered directive's carries the Phụ lục VI fields in its XMP."""
        layout = self.bo_cuc(vb, hom_nay, anh)
        drawn = self.pdf.ghi(layout, pdf_a=pdf_a) if pdf else None
        if drawn is not None and pdf_a and vb.so is not None and vb.ngay is not None:
            drawn = pdf_luu_tru(drawn, sieu_du_lieu(vb))
        return KetQua(
            bo_cuc=layout,
            docx=self.docx.ghi(layout) if docx else None,
            pdf=drawn,
        )

    def ban_de_ky(
        self,
        vb: VanBan,
        hom_nay: dt.date | None = None,
        anh: Mapping[str, AnhDaDoc] | None = None,
        pdf_a: bool = False,
        docx: bool = False,
    ) -> BanDeKy:
        """The PDF to sign and its signature rectangles, from one layout of the pages: the
        directive laid out without its signers' images (no line moves without them), the
        rectangles computed where the images would have been drawn. ``pdf_a``: the PDF is
        PDF/A-2b with the Phụ lục VI fields, as an issued one (signatures are incremental
        updates, which PDF/A-2 allows); ``docx``: the same layout drawn as DOCX too."""
        images = dict(anh or {})
        signers = {
            ten: nguoi
            for ten in ("nguoi_ky", "nguoi_ky_2")
            if (nguoi := getattr(vb, ten, None)) is not None
        }
        bare = vb.model_copy(
            update={
                ten: nguoi.model_copy(
                    update={"anh_chu_ky": None, "anh_con_dau": None, "duong_kinh_dau": None}
                )
                for ten, nguoi in signers.items()
            }
        )
        layout = self.bo_cuc(bare, hom_nay)
        document = self.pdf.dung_trang(layout)
        places = khung_ky(document, signers, images)
        drawn = self.pdf.in_pdf(document, pdf_a)
        if pdf_a and vb.so is not None and vb.ngay is not None:
            drawn = pdf_luu_tru(drawn, sieu_du_lieu(vb))
        return BanDeKy(
            layout, drawn, places, self.docx.ghi(layout) if docx else None, cho_dien(document)
        )

    def ket_xuat_ban_sao(
        self,
        vb: VanBan,
        ban_sao: BanSao,
        dien_tu: bool = False,
        muc: Sequence[int] = (),
        anh: Mapping[str, AnhDaDoc] | None = None,
        o_ky_so_trong: bool = False,
    ) -> KetQuaBanSao:
        """A copy of an issued directive (spec §9): the directive laid out again as issued
        (for a trích sao, only the body items ``muc``, 1-based), then the copy block under its
        last line (paper, DOCX and PDF) or box 14 at the top right of page 1 (electronic, PDF;
        ``o_ky_so_trong``: box 14 left blank, its text drawn by the organisation's signature).

        Raises:
            Refused: a trích sao without items or with an item the body lacks.
        """
        if ban_sao.hinh_thuc is HinhThucSao.trich_sao:
            vb = trich(vb, muc)
        goc = self.bo_cuc(vb, vb.ngay, anh)
        if dien_tu:
            layout = ban_sao_dien_tu(self.soan_bo_cuc, goc, ban_sao, o_ky_so_trong)
            return KetQuaBanSao(layout, None, self.pdf.ghi(layout), o_ky_so(self.bang, layout))
        layout = ban_sao_giay(self.soan_bo_cuc, goc, ban_sao)
        return KetQuaBanSao(layout, self.docx.ghi(layout), self.pdf.ghi(layout), None)
