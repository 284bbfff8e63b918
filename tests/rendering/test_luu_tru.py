"""The archive PDF: PDF/A-2b structures checked directly (no validator runs here: veraPDF is
not reachable from this machine's registries) and the Phụ lục VI fields in the XMP."""

from __future__ import annotations

import io
import re
from xml.etree import ElementTree as ET

import pytest
from pypdf import PdfReader
from pypdf.generic import StreamObject

from vanthu.rendering import Renderer
from vanthu.rendering.luu_tru import NS_ND30, TRUONG, pdf_luu_tru, sieu_du_lieu
from vanthu.schemas import VanBan

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"


@pytest.fixture(scope="module")
def archive(renderer: Renderer, ninh_thuan: VanBan) -> bytes:
    pdf = renderer.ket_xuat(ninh_thuan, docx=False, pdf_a=True, hom_nay=ninh_thuan.ngay).pdf
    assert pdf is not None
    return pdf


def _xmp(pdf: bytes) -> tuple[bytes, StreamObject]:
    stream = PdfReader(io.BytesIO(pdf)).root_object["/Metadata"].get_object()
    assert isinstance(stream, StreamObject)
    return bytes(stream.get_data()), stream


def _fields(xmp: bytes) -> dict[str, str]:
    root = ET.fromstring(xmp[xmp.index(b"<x:xmpmeta") : xmp.index(b"</x:xmpmeta>") + 12])
    out: dict[str, str] = {}
    for desc in root.iter(f"{RDF}Description"):
        out.update({k: v for k, v in desc.attrib.items() if k.startswith(PDFAID)})
        for child in desc:
            if child.tag.startswith(f"{{{NS_ND30}}}") or child.tag.endswith("}identifier"):
                out[child.tag.split("}")[1]] = child.text or ""
    return out


def test_the_xmp_carries_the_phu_luc_vi_fields_and_the_pdf_a_2b_identification(
    archive: bytes,
) -> None:
    xmp, stream = _xmp(archive)
    fields = _fields(xmp)
    assert fields[f"{PDFAID}part"] == "2" and fields[f"{PDFAID}conformance"] == "B"
    assert fields["identifier"] == "18/CĐ-UBND"
    assert {k: fields[k] for k, _, _ in TRUONG} == {
        "TypeName": "Công điện",
        "CodeNumber": "18",
        "CodeNotation": "CĐ-UBND",
        "IssuedDate": "2021-09-13",
        "OrganName": "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        "Subject": "Về việc đẩy mạnh phong trào thi đua bảo vệ “vùng xanh” trong phòng, "
        "chống dịch COVID-19 trên địa bàn tỉnh",
        "Language": "vi",
        "PageAmount": "3",
        "Position": "CHỦ TỊCH",
        "FullName": "Trần Quốc Nam",
    }
    # Every nd30 property is declared in a PDF/A extension schema (ISO 19005-2, 6.6.2.3).
    declared = re.findall(rb"<pdfaProperty:name>(\w+)</pdfaProperty:name>", xmp)
    assert [d.decode() for d in declared] == [name for name, _, _ in TRUONG]
    assert f"<pdfaSchema:namespaceURI>{NS_ND30}<".encode() in xmp
    # One rdf:RDF in the packet, unfiltered, typed as XMP.
    assert xmp.count(b"<rdf:RDF") == 1 and xmp.startswith(b"<?xpacket begin=")
    assert (
        "/Filter" not in stream and stream["/Type"] == "/Metadata" and stream["/Subtype"] == "/XML"
    )


def test_the_archive_keeps_the_pdf_a_structures(archive: bytes) -> None:
    reader = PdfReader(io.BytesIO(archive))
    assert archive.startswith(b"%PDF-1.7\n%")
    assert not reader.is_encrypted and "/Encrypt" not in reader.trailer
    ids = reader.trailer["/ID"]
    assert len(ids) == 2 and ids[0]
    (intent,) = reader.root_object["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    # The document information agrees with the XMP (title, author).
    xmp, _ = _xmp(archive)
    info = reader.metadata
    assert info is not None and info.title and info.title.encode() in xmp
    assert info.author and info.author.encode() in xmp
    # Every font is embedded; no transparency group and no soft mask on any page.
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert "/Group" not in page
        for state in page["/Resources"].get("/ExtGState", {}).values():
            assert state.get_object().get("/SMask", "/None") == "/None"


def test_a_pdf_without_xmp_is_refused(renderer: Renderer, ninh_thuan: VanBan) -> None:
    plain = renderer.ket_xuat(ninh_thuan, docx=False, hom_nay=ninh_thuan.ngay).pdf
    assert plain is not None
    with pytest.raises(ValueError, match="no XMP metadata"):
        pdf_luu_tru(plain, sieu_du_lieu(ninh_thuan))
