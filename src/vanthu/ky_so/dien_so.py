# pyHanko's PDF objects and writer are not annotated.
# mypy: disable-error-code="no-untyped-call"
"""Number and date given after the leader signs (điền số, ngày; Decree 30 Art. 13–17, spec
§10.1: sign, then the System numbers and dates, then the organisation signs).

The leader signs the approved directive with its number and date lines blank, as a draft
prints them. Before he signs, ``them_truong_dien`` lays an empty, read-only form field over
each of those lines (its widget prints and shows nothing yet). At issue, ``dien_so_ngay`` fills
them in one incremental update: each field's value is the line's text and its appearance is
the same rectangle of the numbered render (the directive drawn again with its number and date,
with that render's own text and fonts), over white. The update may also replace the XMP packet
(the Phụ lục VI metadata, which names the number and date). A verifier sees form filling
(pyHanko: ``FORM_FILLING``), which leaves the leader's signature intact; the organisation then
signs the filled document.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata.xmp_xml import MetadataStream
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

from ..errors import SigningFailed
from .ky import Khung

_WHAT = "số, ngày"
#: Annotation flag Print (PDF/A: widgets must print); field flag ReadOnly.
_IN = 4
_CHI_DOC = 1
#: The variable-text default appearance a text field must name (never used: every field
#: carries its own appearance and nobody may edit it).
_DA = "/Helv 0 Tf 0 g"


@dataclass(frozen=True)
class TruongDien:
    """A line filled in after signing: its form field's name, the page (from 0) and the
    rectangle in PDF points from the page's bottom left."""

    ten: str
    trang: int
    khung: Khung


def them_truong_dien(pdf: bytes, truong: Sequence[TruongDien]) -> bytes:
    """``pdf`` with an empty, read-only text field over each line of ``truong``.

    Raises:
        SigningFailed: the PDF cannot be read or written.
    """
    try:
        w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        form = _bieu_mau(w)
        for t in truong:
            page_ref = w.find_page_for_modification(t.trang)[0]
            x1, y1, x2, y2 = t.khung
            blank = generic.StreamObject(
                {
                    generic.pdf_name("/Type"): generic.pdf_name("/XObject"),
                    generic.pdf_name("/Subtype"): generic.pdf_name("/Form"),
                    generic.pdf_name("/BBox"): _so(x1, y1, x2, y2),
                },
                stream_data=b"",
            )
            widget = generic.DictionaryObject(
                {
                    generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
                    generic.pdf_name("/Subtype"): generic.pdf_name("/Widget"),
                    generic.pdf_name("/FT"): generic.pdf_name("/Tx"),
                    generic.pdf_name("/T"): generic.pdf_string(t.ten),
                    generic.pdf_name("/Ff"): generic.NumberObject(_CHI_DOC),
                    generic.pdf_name("/F"): generic.NumberObject(_IN),
                    generic.pdf_name("/Rect"): _so(x1, y1, x2, y2),
                    generic.pdf_name("/P"): page_ref,
                    generic.pdf_name("/DA"): generic.pdf_string(_DA),
                    generic.pdf_name("/AP"): generic.DictionaryObject(
                        {generic.pdf_name("/N"): w.add_object(blank)}
                    ),
                }
            )
            ref = w.add_object(widget)
            page = page_ref.get_object()
            annots = page.get("/Annots")
            if annots is None:
                page[generic.pdf_name("/Annots")] = generic.ArrayObject([ref])
                w.update_container(page)
            else:
                annots = annots.get_object()
                annots.append(ref)
                w.update_container(annots)
            fields = form["/Fields"]
            fields.append(ref)
            w.update_container(fields)
        out = io.BytesIO()
        w.write(out)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as error:
        raise SigningFailed(_WHAT, f"không thêm được ô điền: {_mot_dong(error)}") from None
    return out.getvalue()


def _bieu_mau(w: IncrementalPdfFileWriter) -> generic.DictionaryObject:
    """The document's AcroForm, made when it has none (its Fields an indirect array)."""
    root = w.root
    if "/AcroForm" in root:
        return root["/AcroForm"]  # type: ignore[no-any-return]
    helv = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Font"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
            generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
        }
    )
    form = generic.DictionaryObject(
        {
            generic.pdf_name("/Fields"): w.add_object(generic.ArrayObject()),
            generic.pdf_name("/DA"): generic.pdf_string(_DA),
            generic.pdf_name("/DR"): generic.DictionaryObject(
                {
                    generic.pdf_name("/Font"): generic.DictionaryObject(
                        {generic.pdf_name("/Helv"): w.add_object(helv)}
                    )
                }
            ),
        }
    )
    root[generic.pdf_name("/AcroForm")] = w.add_object(form)
    w.update_root()
    return form


def dien_so_ngay(pdf: bytes, ban_co_so: bytes, gia_tri: Mapping[str, str]) -> bytes:
    """``pdf`` (signed, its fields empty) with each field ``gia_tri`` names filled: its value
    the given text, its appearance its rectangle of ``ban_co_so`` (the same pages drawn with
    the number and date) over white; the document's metadata (XMP packet, information
    dictionary) becomes ``ban_co_so``'s, which names the number and date.

    Raises:
        SigningFailed: a field is missing or already filled, or a PDF cannot be read.
    """
    try:
        w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        source = PdfFileReader(io.BytesIO(ban_co_so), strict=False)
        by_name = _cac_truong(w)
        pages: dict[int, generic.IndirectObject] = {}
        for ten, text in gia_tri.items():
            if ten not in by_name:
                raise SigningFailed(_WHAT, f"văn bản không có ô điền {ten!r}")
            field = by_name[ten]
            if "/V" in field:
                raise SigningFailed(_WHAT, f"ô {ten!r} đã được điền")
            page_ix = _trang_cua(w, field)
            if page_ix not in pages:
                pages[page_ix] = w.import_page_as_xobject(source, page_ix)
            x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
            content = (
                f"q 1 g {x1:.3f} {y1:.3f} {x2 - x1:.3f} {y2 - y1:.3f} re f Q "
                f"q {x1:.3f} {y1:.3f} {x2 - x1:.3f} {y2 - y1:.3f} re W n /Trang Do Q"
            ).encode()
            look = generic.StreamObject(
                {
                    generic.pdf_name("/Type"): generic.pdf_name("/XObject"),
                    generic.pdf_name("/Subtype"): generic.pdf_name("/Form"),
                    generic.pdf_name("/BBox"): _so(x1, y1, x2, y2),
                    generic.pdf_name("/Resources"): generic.DictionaryObject(
                        {
                            generic.pdf_name("/XObject"): generic.DictionaryObject(
                                {generic.pdf_name("/Trang"): pages[page_ix]}
                            )
                        }
                    ),
                },
                stream_data=content,
            )
            field[generic.pdf_name("/V")] = generic.pdf_string(text)
            field[generic.pdf_name("/AP")] = generic.DictionaryObject(
                {generic.pdf_name("/N"): w.add_object(look)}
            )
            w.update_container(field)
        _chep_sieu_du_lieu(w, source)
        out = io.BytesIO()
        w.write(out)
    except SigningFailed:
        raise
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as error:
        raise SigningFailed(_WHAT, f"không điền được: {_mot_dong(error)}") from None
    return out.getvalue()


def _chep_sieu_du_lieu(w: IncrementalPdfFileWriter, source: PdfFileReader) -> None:
    """The numbered render's XMP packet and title, subject and keywords, into ``w``. The
    packet goes in as pyHanko's own metadata stream, which its writer keeps (it only adds
    the modification date and producer), at this write and at the signatures that follow."""
    if "/Metadata" in source.root and "/Metadata" in w.root:
        packet = source.root["/Metadata"].data
        w.root[generic.pdf_name("/Metadata")] = w.add_object(MetadataStream(stream_data=packet))
        w.update_root()
    info_ref = w.trailer.raw_get("/Info") if "/Info" in w.trailer else None
    source_info = source.trailer["/Info"] if "/Info" in source.trailer else None  # noqa: SIM401
    if isinstance(info_ref, generic.IndirectObject) and source_info is not None:
        info = info_ref.get_object()
        for key in ("/Title", "/Subject", "/Keywords", "/Author"):
            if key in source_info:
                info[generic.pdf_name(key)] = generic.pdf_string(str(source_info[key]))
        w.mark_update(info_ref)


def gia_tri_da_dien(pdf: bytes) -> dict[str, str]:
    """The text of each filled field of ``pdf``, by name (what a text extractor that reads
    only page content misses).

    Raises:
        SigningFailed: the PDF cannot be read.
    """
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        return {
            ten: str(field["/V"])
            for ten, field in _cac_truong(reader).items()
            if "/V" in field and field.get("/FT") == "/Tx"
        }
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as error:
        raise SigningFailed(_WHAT, f"không đọc được ô điền: {_mot_dong(error)}") from None


def _cac_truong(handler: object) -> dict[str, generic.DictionaryObject]:
    """The top-level form fields of a document, by name."""
    root = handler.root  # type: ignore[attr-defined]
    if "/AcroForm" not in root:
        return {}
    out = {}
    for ref in root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if "/T" in field:
            out[str(field["/T"])] = field
    return out


def _trang_cua(w: IncrementalPdfFileWriter, field: generic.DictionaryObject) -> int:
    """The index of the page a widget stands on (its /P)."""
    target = field.raw_get("/P").reference
    for index in range(int(w.root["/Pages"]["/Count"])):
        if w.find_page_for_modification(index)[0].reference == target:
            return index
    raise ValueError("the field's page is not in the document")


def _so(*values: float) -> generic.ArrayObject:
    return generic.ArrayObject(generic.FloatObject(round(v, 3)) for v in values)


def _mot_dong(error: Exception) -> str:
    return " ".join(str(error).split())[:300] or type(error).__name__
