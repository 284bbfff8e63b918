"""The archive copy (lưu trữ): a PDF/A-2b file whose XMP carries the metadata of Decree 30,
Phụ lục VI (number, symbol, type, issuer, date, subject, signer's position and name, pages).

WeasyPrint writes the PDF/A-2b file (output intent, embedded fonts, XMP with
``pdfaid:part``/``conformance`` and the Dublin Core title, creator and description); its own
``xmp_metadata`` option would put extra XML *beside* the ``rdf:RDF`` element, which the XMP
specification does not allow. So the fields are added afterwards, with pypdf (already a
dependency): WeasyPrint's XMP packet is parsed, one ``rdf:Description`` with the fields (in
the ``nd30`` namespace, named as Phụ lục VI names them) and ``dc:identifier`` is added to its
``rdf:RDF``, together with the PDF/A extension schema that declares each field (ISO 19005-2,
6.6.2.3: a property outside the XMP standard schemas must be declared), and the packet is
written back unfiltered. The document information dictionary, the file identifier and the
output intent are kept as WeasyPrint wrote them.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import cast
from xml.etree import ElementTree as ET

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject

from ..schemas import VanBan
from .lien_tich import tac_gia
from .loi_van import ten_loai

#: The namespace of the Phụ lục VI fields in the XMP, and its prefix.
NS_ND30 = "urn:vanthu:nd30:phu-luc-vi:1.0/"
TIEN_TO_ND30 = "nd30"

_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
    TIEN_TO_ND30: NS_ND30,
}
for _prefix, _uri in _NS.items():
    ET.register_namespace(_prefix, _uri)

#: Each field: its Phụ lục VI name, XMP value type, and what it holds.
TRUONG = (
    ("TypeName", "Text", "Tên loại văn bản (document type)"),
    ("CodeNumber", "Text", "Số của văn bản (number, a string)"),
    ("CodeNotation", "Text", "Ký hiệu của văn bản (symbol)"),
    ("IssuedDate", "Date", "Ngày, tháng, năm văn bản (date of issue)"),
    ("OrganName", "Text", "Tên cơ quan, tổ chức ban hành văn bản (issuer)"),
    ("Subject", "Text", "Trích yếu nội dung (subject line)"),
    ("Language", "Text", "Ngôn ngữ (language)"),
    ("PageAmount", "Integer", "Số trang của văn bản (pages)"),
    ("Position", "Text", "Chức vụ của người ký (signer's position)"),
    ("FullName", "Text", "Họ tên người ký (signer's name)"),
)


@dataclass(frozen=True)
class SieuDuLieu:
    """The Phụ lục VI fields of an issued directive (siêu dữ liệu: metadata)."""

    loai: str
    so: str
    ky_hieu: str
    ngay: dt.date
    co_quan: str
    trich_yeu: str
    chuc_vu: str
    ho_ten: str
    ngon_ngu: str = "vi"

    @property
    def so_ky_hieu(self) -> str:
        """'18/CĐ-UBND'."""
        return f"{self.so}/{self.ky_hieu}"


def sieu_du_lieu(vb: VanBan) -> SieuDuLieu:
    """The Phụ lục VI fields of an issued directive (the signer's position with its authority
    chain, as box 7a prints it).

    Raises:
        ValueError: the directive has no number or date (a draft is not archived).
    """
    if vb.so_hien_thi is None or vb.ngay is None:
        raise ValueError("a draft has no number or date to archive")
    return SieuDuLieu(
        loai=ten_loai(vb.loai),
        so=vb.so_hien_thi,
        ky_hieu=vb.ky_hieu_day_du,
        ngay=vb.ngay,
        co_quan=tac_gia(vb),
        trich_yeu=" ".join((vb.trich_yeu or "").split()),
        chuc_vu=" ".join(vb.nguoi_ky.dong_tham_quyen()),
        ho_ten=vb.nguoi_ky.ho_ten,
    )


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


def _gia_tri(meta: SieuDuLieu, so_trang: int) -> dict[str, str]:
    return {
        "TypeName": meta.loai,
        "CodeNumber": meta.so,
        "CodeNotation": meta.ky_hieu,
        "IssuedDate": meta.ngay.isoformat(),
        "OrganName": meta.co_quan,
        "Subject": meta.trich_yeu,
        "Language": meta.ngon_ngu,
        "PageAmount": str(so_trang),
        "Position": meta.chuc_vu,
        "FullName": meta.ho_ten,
    }


def _mo_rong(rdf: ET.Element) -> None:
    """Declare the nd30 schema and each of its properties (PDF/A extension schema)."""
    desc = ET.SubElement(rdf, _q("rdf", "Description"), {_q("rdf", "about"): ""})
    bag = ET.SubElement(ET.SubElement(desc, _q("pdfaExtension", "schemas")), _q("rdf", "Bag"))
    schema = ET.SubElement(bag, _q("rdf", "li"), {_q("rdf", "parseType"): "Resource"})
    for name, text in (
        ("schema", "Nghị định 30/2020/NĐ-CP, Phụ lục VI: văn bản đi"),
        ("namespaceURI", NS_ND30),
        ("prefix", TIEN_TO_ND30),
    ):
        ET.SubElement(schema, _q("pdfaSchema", name)).text = text
    seq = ET.SubElement(ET.SubElement(schema, _q("pdfaSchema", "property")), _q("rdf", "Seq"))
    for name, kind, description in TRUONG:
        prop = ET.SubElement(seq, _q("rdf", "li"), {_q("rdf", "parseType"): "Resource"})
        for key, text in (
            ("name", name),
            ("valueType", kind),
            ("category", "external"),
            ("description", description),
        ):
            ET.SubElement(prop, _q("pdfaProperty", key)).text = text


def xmp_luu_tru(xmp: bytes, meta: SieuDuLieu, so_trang: int) -> bytes:
    """WeasyPrint's XMP packet with the Phụ lục VI fields, ``dc:identifier`` and their
    extension schema added to its ``rdf:RDF``."""
    start = xmp.index(b"<x:xmpmeta")
    end = xmp.index(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")
    root = ET.fromstring(xmp[start:end])
    rdf = root.find(_q("rdf", "RDF"))
    if rdf is None:
        raise ValueError("the XMP packet has no rdf:RDF")
    _mo_rong(rdf)
    fields = ET.SubElement(rdf, _q("rdf", "Description"), {_q("rdf", "about"): ""})
    for name, value in _gia_tri(meta, so_trang).items():
        ET.SubElement(fields, _q(TIEN_TO_ND30, name)).text = value
    ident = ET.SubElement(rdf, _q("rdf", "Description"), {_q("rdf", "about"): ""})
    ET.SubElement(ident, _q("dc", "identifier")).text = meta.so_ky_hieu
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return xmp[:start] + body + xmp[end:]


def pdf_luu_tru(pdf: bytes, meta: SieuDuLieu) -> bytes:
    """A PDF/A file (as WeasyPrint wrote it) with the Phụ lục VI fields in its XMP.

    Raises:
        ValueError: the file carries no XMP packet (not a PDF/A file from WeasyPrint).
    """
    reader = PdfReader(io.BytesIO(pdf))
    old = reader.root_object.get("/Metadata")
    if old is None:
        raise ValueError("the PDF has no XMP metadata: write it as PDF/A first")
    data = cast(StreamObject, old.get_object()).get_data()
    xmp = xmp_luu_tru(bytes(data), meta, len(reader.pages))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # pypdf would write %PDF-1.3
    # A fresh, unfiltered stream (pypdf makes one when there is none): a reader finds the packet
    # as plain text, as PDF/A-1 requires and PDF/A-2 allows.
    del writer.root_object["/Metadata"]
    writer.xmp_metadata = xmp
    stream = cast(StreamObject, writer.root_object["/Metadata"].get_object())
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


__all__ = ["NS_ND30", "TRUONG", "SieuDuLieu", "pdf_luu_tru", "sieu_du_lieu", "xmp_luu_tru"]
