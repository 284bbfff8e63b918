"""Two-step signing (ký hai bước) for a leader whose token lives on their own computer.

1. ``chuan_bi_ky``: vanthu adds an empty signature field at the signer's place (the prepared
   PDF, bản chuẩn bị), and hands it out.
2. Either the leader's own tool signs that field and hands the signed PDF back; or vanthu
   hands out the hash (``lap_phieu_bam``: the ByteRange digest of the document with its
   signature's room reserved) and puts the CMS signature the tool returns in place
   (``gan_chu_ky``).
3. ``nhan_ban_da_ky`` accepts the signed PDF only if it is the prepared document, byte for
   byte, followed by one update that fills that field and nothing else (pyHanko's difference
   analysis), signed by a certificate the configured roots vouch for.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel
from pyhanko.sign.diff_analysis.policy_api import SuspiciousModification
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import ExternalSigner, PdfSignatureMetadata, PdfSigner
from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest
from pyhanko.sign.signers.pdf_signer import PdfTBSDocument
from pyhanko_certvalidator import ValidationContext

from ..errors import SigningFailed
from .dong_bo import chay
from .hinh_thuc import kieu_anh
from .ky import TRUONG_LANH_DAO, ViTri, moi_truong
from .xac_minh_chu_ky import KetLuan, KetQuaXacMinh, xac_minh

#: Bytes reserved for the CMS signature the leader's tool returns (a certificate chain of a
#: few RSA or ECDSA certificates and a timestamp token fit easily).
CHO_CHU_KY = 16 * 1024
_WHAT = "two-step signing"


@dataclass(frozen=True)
class PhieuBam:
    """What the leader's tool signs when it signs a hash (phiếu băm): the SHA-256 digest of
    the document's ByteRange, with the document it belongs to and where the signature goes.
    Keep all of it until the signature comes back."""

    pdf: bytes  # the document with the signature dictionary and its reserved room
    bam: bytes  # SHA-256 of the ByteRange: what the CMS signs (its message-digest)
    dau: int  # the reserved room's first byte
    cuoi: int  # and the byte after its last
    thuat_toan: str = "sha256"


def chuan_bi_ky(pdf: bytes, vi_tri: ViTri, truong: str = TRUONG_LANH_DAO) -> bytes:
    """The prepared PDF: ``pdf`` with an empty signature field ``truong`` at ``vi_tri``.

    Raises:
        SigningFailed: the PDF cannot be read, or already has a field of that name.
    """
    try:
        w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        fields.append_signature_field(w, moi_truong(truong, vi_tri))
        # SignaturesExist | AppendOnly, as signing sets them: the difference analysis of the
        # returned file then sees the field filled and nothing else.
        form = w.root["/AcroForm"]
        form["/SigFlags"] = generic.NumberObject(3)  # type: ignore[no-untyped-call]
        w.update_container(form)
        out = io.BytesIO()
        w.write(out)  # type: ignore[no-untyped-call]
    except (PdfError, SigningError, ValueError) as error:
        raise SigningFailed(_WHAT, f"cannot prepare the PDF: {_mot_dong(error)}") from None
    return out.getvalue()


def lap_phieu_bam(
    chuan_bi: bytes,
    anh_chu_ky: bytes | None,
    thoi_diem: dt.datetime,
    truong: str = TRUONG_LANH_DAO,
) -> PhieuBam:
    """The hash to hand out: the prepared PDF's field ``truong`` filled with the signature's
    appearance (the signature image) and a signature dictionary with room for the CMS.

    Raises:
        SigningFailed: the prepared PDF cannot be read or has no such empty field.
    """
    try:
        return chay(_lap_phieu_bam(chuan_bi, anh_chu_ky, thoi_diem, truong))
    except (PdfError, SigningError, ValueError) as error:
        raise SigningFailed(_WHAT, f"cannot prepare the hash: {_mot_dong(error)}") from None


async def _lap_phieu_bam(
    chuan_bi: bytes, anh_chu_ky: bytes | None, thoi_diem: dt.datetime, truong: str
) -> PhieuBam:
    w = IncrementalPdfFileWriter(io.BytesIO(chuan_bi), strict=False)
    signer = PdfSigner(
        PdfSignatureMetadata(
            field_name=truong,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            name=truong,
        ),
        # No key here: the leader's tool signs. The certificate is not known yet either.
        signer=ExternalSigner(None, None, signature_value=bytes(64)),
        stamp_style=None if anh_chu_ky is None else kieu_anh(anh_chu_ky),
    )
    session = signer.init_signing_session(w, existing_fields_only=True)
    session.system_time = thoi_diem
    tbs = session.prepare_tbs_document(validation_info=None, bytes_reserved=CHO_CHU_KY)
    digest, output = tbs.digest_tbs_document()
    output.seek(0)
    return PhieuBam(
        pdf=bytes(output.read()),
        bam=digest.document_digest,
        dau=digest.reserved_region_start,
        cuoi=digest.reserved_region_end,
    )


def gan_chu_ky(phieu: PhieuBam, cms: bytes) -> bytes:
    """The document of ``phieu`` with the CMS signature (DER) the leader's tool made over
    ``phieu.bam`` put in its reserved room. Check it with :func:`nhan_ban_da_ky`.

    Raises:
        SigningFailed: the CMS does not fit the room, or is not DER.
    """
    if not cms or len(cms) * 2 > phieu.cuoi - phieu.dau - 2:
        raise SigningFailed(_WHAT, f"a signature of {len(cms)} bytes does not fit its room")
    output = io.BytesIO(phieu.pdf)
    prepared = PreparedByteRangeDigest(phieu.bam, phieu.dau, phieu.cuoi)
    try:
        PdfTBSDocument.finish_signing(output, prepared, cms)
    except (PdfError, SigningError, ValueError) as error:
        raise SigningFailed(_WHAT, f"cannot put the signature in: {_mot_dong(error)}") from None
    return output.getvalue()


def nhan_ban_da_ky(
    chuan_bi: bytes,
    ban_da_ky: bytes,
    tin_cay: ValidationContext,
    truong: str = TRUONG_LANH_DAO,
) -> KetQuaXacMinh:
    """Accept a PDF signed from ``chuan_bi``: returns its verification when it is the
    prepared document signed in field ``truong`` by a trusted certificate, changed in nothing
    else.

    Raises:
        SigningFailed: any other file, saying why it is refused.
    """
    if not ban_da_ky.startswith(chuan_bi) or len(ban_da_ky) == len(chuan_bi):
        raise SigningFailed(
            _WHAT, "not the prepared document: its bytes differ or nothing was added"
        )
    result = xac_minh(ban_da_ky, tin_cay)
    before = _so_chu_ky(chuan_bi)
    new = result.chu_ky[before:]
    if len(new) != 1 or new[0].truong != truong:
        found = ", ".join(c.truong for c in new) or "none"
        raise SigningFailed(_WHAT, f"expected one new signature in field {truong!r}; found {found}")
    if new[0].ket_luan is not KetLuan.HOP_LE or result.ket_luan is not KetLuan.HOP_LE:
        raise SigningFailed(_WHAT, f"the signature is refused: {new[0].ket_luan.value}")
    _chi_dien_truong(chuan_bi, ban_da_ky, truong)
    return result


def _so_chu_ky(pdf: bytes) -> int:
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    return len(reader.embedded_signatures)


def _chi_dien_truong(chuan_bi: bytes, ban_da_ky: bytes, truong: str) -> None:
    """The update after the prepared document fills the field and changes nothing else."""
    try:
        base = PdfFileReader(io.BytesIO(chuan_bi), strict=False).xrefs.total_revisions - 1
        reader = PdfFileReader(io.BytesIO(ban_da_ky), strict=False)
        diff = DEFAULT_DIFF_POLICY.review_file(reader, base)
    except SuspiciousModification as error:
        diff = error
    except (PdfError, ValueError) as error:
        raise SigningFailed(_WHAT, f"the signed PDF cannot be compared: {error}") from None
    if isinstance(diff, SuspiciousModification):
        raise SigningFailed(_WHAT, f"the update changes more than the signature: {diff}")
    allowed = {ModificationLevel.NONE, ModificationLevel.FORM_FILLING}
    # pyHanko names every form field it reviewed; those whose dictionaries are as prepared
    # (the number and date fields, still empty) did not change.
    same = _truong_nhu_cu(chuan_bi, ban_da_ky)
    if diff.modification_level not in allowed or not diff.changed_form_fields <= {truong} | same:
        raise SigningFailed(_WHAT, "the update changes more than the signature field")


def _truong_nhu_cu(chuan_bi: bytes, ban_da_ky: bytes) -> set[str]:
    """The names of the top-level form fields whose dictionaries, entry for entry (references
    as references), are the same object in both files."""

    def fields(data: bytes) -> dict[str, tuple[int, dict[str, object]]]:
        root = PdfFileReader(io.BytesIO(data), strict=False).root
        form = root["/AcroForm"] if "/AcroForm" in root else {}  # noqa: SIM401 (get: unresolved)
        out: dict[str, tuple[int, dict[str, object]]] = {}
        for ref in form["/Fields"] if "/Fields" in form else ():  # noqa: SIM401
            field = ref.get_object()
            entries = {str(k): field.raw_get(k) for k in field}
            out[str(field.get("/T"))] = (ref.reference.idnum, entries)
        return out

    before, after = fields(chuan_bi), fields(ban_da_ky)
    return {name for name, value in after.items() if before.get(name) == value}


def _mot_dong(error: Exception) -> str:
    return " ".join(str(error).split())[:300] or type(error).__name__
