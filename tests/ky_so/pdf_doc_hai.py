"""Hostile and altered PDFs for the verification tests, built from a signed directive: a byte
changed, an update after signing that draws text, a cut file, an object-stream bomb, a file
of too many objects, and objects piled up after signing."""

from __future__ import annotations

import io
import struct
import zlib

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter


def doi_mot_byte(signed: bytes) -> bytes:
    """One byte inside the first page's compressed text (the first revision) flipped."""
    at = signed.index(b"stream\n") + 200
    return signed[:at] + bytes([signed[at] ^ 1]) + signed[at + 1 :]


def cap_nhat_sau_ky(signed: bytes, text: bytes = b"SO 99") -> bytes:
    """An incremental update after the signatures that draws ``text`` on page 1."""
    w = IncrementalPdfFileWriter(io.BytesIO(signed))
    font = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Font"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
            generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
        }
    )
    resources = generic.DictionaryObject(
        {generic.pdf_name("/Font"): generic.DictionaryObject({generic.pdf_name("/FX"): font})}
    )
    stream = generic.StreamObject(stream_data=b"BT /FX 14 Tf 100 760 Td (" + text + b") Tj ET")
    w.add_stream_to_page(0, w.add_object(stream), resources=resources)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def doi_tuong_sau_ky(signed: bytes, n: int) -> bytes:
    """An update after signing that adds ``n`` small objects (hung from the catalog)."""
    w = IncrementalPdfFileWriter(io.BytesIO(signed))
    junk = generic.ArrayObject(
        w.add_object(generic.DictionaryObject({generic.pdf_name("/X"): generic.NumberObject(i)}))
        for i in range(n)
    )
    w.root[generic.pdf_name("/Junk")] = w.add_object(junk)
    w.update_root()
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def bom_luong_doi_tuong(mib: int = 40) -> bytes:
    """A small PDF whose catalog sits in an object stream that inflates to ``mib`` MiB of
    spaces (about 1,000 times its compressed size): a decompression bomb."""
    packer = zlib.compressobj(9)
    data = packer.compress(b"1 0 <</Type/Catalog/Pages 2 0 R>>")
    block = b" " * 2**20
    for _ in range(mib):
        data += packer.compress(block)
    data += packer.flush()
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    at_stream = out.tell()
    out.write(
        b"3 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length %d>>stream\n" % len(data)
    )
    out.write(data + b"\nendstream endobj\n")
    at_pages = out.tell()
    out.write(b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n")
    at_xref = out.tell()
    rows = b"".join(
        struct.pack(">BIH", *row)
        for row in ((0, 0, 65535), (2, 3, 0), (1, at_pages, 0), (1, at_stream, 0), (1, at_xref, 0))
    )
    out.write(b"4 0 obj<</Type/XRef/Size 5/W[1 4 2]/Root 1 0 R/Length %d>>stream\n" % len(rows))
    out.write(rows + b"\nendstream endobj\nstartxref\n%d\n%%%%EOF\n" % at_xref)
    return out.getvalue()


def qua_nhieu_doi_tuong(n: int) -> bytes:
    """A PDF-looking file of ``n`` empty objects: refused by counting, before parsing."""
    return (
        b"%PDF-1.7\n"
        + b"".join(b"%d 0 obj null endobj\n" % (i + 1) for i in range(n))
        + (b"trailer<</Size %d>>\nstartxref\n0\n%%%%EOF\n" % (n + 1))
    )
