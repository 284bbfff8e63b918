"""Signing a PDF (ký): one PAdES signature per call, as an incremental update, so that each
signature already in the file stays valid.

PAdES baseline B-B; B-T when a timestamp server's URL is given (the signature then carries an
RFC 3161 timestamp token). The signing time written in the signature is the ``thoi_diem`` the
caller passes (the services' clock), and the same moment is what a text box shows.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes, Signer
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.stamp import BaseStampStyle

from ..errors import SigningFailed
from .dong_bo import chay

#: Signature field names vanthu writes: the leader signs in the field named after the signer's
#: place in the layout (``nguoi_ky``), the organisation in ``co_quan``.
TRUONG_LANH_DAO = "nguoi_ky"
TRUONG_CO_QUAN = "co_quan"
#: Rectangle in PDF points, origin at the page's bottom left: (x1, y1, x2, y2).
Khung = tuple[float, float, float, float]


@dataclass(frozen=True)
class ViTri:
    """Where a signature shows: the page (from 0) and the rectangle; ``khung`` None: a
    signature with no appearance on the page."""

    trang: int
    khung: Khung | None


def may_dau_thoi_gian(url: str | None) -> TimeStamper | None:
    """The RFC 3161 client for ``url`` (None: no timestamp, PAdES B-B)."""
    if url is None:
        return None
    from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper

    return HTTPTimeStamper(url, timeout=10)


def ky_pdf(
    pdf: bytes,
    khoa: Signer,
    truong: str,
    vi_tri: ViTri,
    kieu: BaseStampStyle | None,
    thoi_diem: dt.datetime,
    dau_thoi_gian: TimeStamper | None = None,
    tham_so: dict[str, str] | None = None,
    ten: str | None = None,
) -> bytes:
    """``pdf`` signed once more: a new signature field ``truong`` at ``vi_tri`` (or the
    existing empty field of that name, which keeps its place), drawn with ``kieu`` (its
    ``%(name)s`` text parameters from ``tham_so``), signed at ``thoi_diem``.

    Raises:
        SigningFailed: the PDF cannot be read or signed (a field of that name already signed,
            a key that refuses, a timestamp server out of reach).
    """
    try:
        return chay(_ky(pdf, khoa, truong, vi_tri, kieu, thoi_diem, dau_thoi_gian, tham_so, ten))
    except (PdfError, SigningError, ValueError, OSError) as error:
        raise SigningFailed(truong, f"cannot sign: {_mot_dong(error)}") from None


def moi_truong(truong: str, vi_tri: ViTri) -> fields.SigFieldSpec:
    """The spec of a new signature field (its widget on ``vi_tri``)."""
    if vi_tri.khung is None:
        return fields.SigFieldSpec(truong, on_page=vi_tri.trang)
    return fields.SigFieldSpec(truong, on_page=vi_tri.trang, box=_lam_tron(vi_tri.khung))


def _lam_tron(khung: Khung) -> tuple[int, int, int, int]:
    # pyHanko's field boxes are integer points: widen outwards so that nothing is cut.
    x1, y1, x2, y2 = khung
    return (int(x1), int(y1), -int(-x2), -int(-y2))


async def _ky(
    pdf: bytes,
    khoa: Signer,
    truong: str,
    vi_tri: ViTri,
    kieu: BaseStampStyle | None,
    thoi_diem: dt.datetime,
    dau_thoi_gian: TimeStamper | None,
    tham_so: dict[str, str] | None,
    ten: str | None,
) -> bytes:
    w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    signer = PdfSigner(
        PdfSignatureMetadata(
            field_name=truong,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            name=ten,
        ),
        signer=khoa,
        stamp_style=kieu,
        timestamper=dau_thoi_gian,
        new_field_spec=moi_truong(truong, vi_tri),
    )
    # The steps of PdfSigner.async_sign_pdf, with the signing time set to ours.
    session = signer.init_signing_session(w)
    session.system_time = thoi_diem
    reserved = await session.estimate_signature_container_size(None, tight=False)
    tbs = session.prepare_tbs_document(
        validation_info=None, bytes_reserved=reserved, appearance_text_params=tham_so
    )
    digest, output = tbs.digest_tbs_document()
    post = await tbs.perform_signature(
        document_digest=digest.document_digest,
        pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=thoi_diem),
    )
    await post.post_signature_processing(output)
    output.seek(0)
    return bytes(output.read())


def _mot_dong(error: Exception) -> str:
    return " ".join(str(error).split())[:300] or type(error).__name__
