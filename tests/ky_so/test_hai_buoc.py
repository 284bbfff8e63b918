"""Two-step signing: the prepared PDF with an empty field, signed by the leader's own tool (or
its hash signed and put back), accepted only when it is that document signed by a trusted
certificate and nothing else changed."""

from __future__ import annotations

import asyncio
import io

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

from tests.ky_so.conftest import LUC_KY, Khoa, vi_tri
from vanthu.errors import SigningFailed
from vanthu.ky_so import (
    KetLuan,
    chuan_bi_ky,
    gan_chu_ky,
    kieu_anh,
    ky_co_quan,
    lap_phieu_bam,
    mo_khoa,
    ngu_canh_tin_cay,
    nhan_ban_da_ky,
)
from vanthu.rendering.renderer import BanDeKy


@pytest.fixture(scope="module")
def chuan_bi(ban_de_ky: BanDeKy) -> bytes:
    return chuan_bi_ky(ban_de_ky.pdf, vi_tri(ban_de_ky)[0])


def _cong_cu_cua_lanh_dao(pdf: bytes, khoa: Khoa, png: bytes | None) -> bytes:
    """What the leader's own tool does: sign the existing empty field with their key."""
    with mo_khoa(khoa.cau_hinh.nguon_khoa("lanh_dao")) as signer:
        meta = PdfSignatureMetadata(field_name="nguoi_ky", subfilter=fields.SigSeedSubFilter.PADES)
        style = None if png is None else kieu_anh(png)
        out = PdfSigner(meta, signer, stamp_style=style).sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(pdf)), existing_fields_only=True
        )
    return bytes(out.getvalue())


def test_the_prepared_pdf_signed_by_the_leaders_own_tool_is_accepted(
    chuan_bi: bytes, ban_de_ky: BanDeKy, khoa: Khoa
) -> None:
    signed = _cong_cu_cua_lanh_dao(chuan_bi, khoa, ban_de_ky.khung[0].anh_chu_ky)
    result = nhan_ban_da_ky(chuan_bi, signed, ngu_canh_tin_cay(khoa.cau_hinh))
    assert result.ket_luan is KetLuan.HOP_LE
    # The organisation signs after it, and both stay valid.
    full = ky_co_quan(signed, khoa.cau_hinh, vi_tri(ban_de_ky)[1], None, LUC_KY)
    from vanthu.ky_so import xac_minh

    assert xac_minh(full, ngu_canh_tin_cay(khoa.cau_hinh)).ket_luan is KetLuan.HOP_LE


def test_the_hash_signed_elsewhere_and_put_back_gives_an_accepted_pdf(
    chuan_bi: bytes, ban_de_ky: BanDeKy, khoa: Khoa
) -> None:
    phieu = lap_phieu_bam(chuan_bi, ban_de_ky.khung[0].anh_chu_ky, LUC_KY)
    assert len(phieu.bam) == 32
    with mo_khoa(khoa.cau_hinh.nguon_khoa("lanh_dao")) as signer:
        cms = asyncio.run(
            signer.async_sign(
                phieu.bam,
                "sha256",
                use_pades=True,
                signed_attr_settings=PdfCMSSignedAttributes(signing_time=LUC_KY),
            )
        )
    signed = gan_chu_ky(phieu, cms.dump())
    result = nhan_ban_da_ky(chuan_bi, signed, ngu_canh_tin_cay(khoa.cau_hinh))
    assert result.chu_ky[0].nguoi_ky == "Trần Quốc Nam"


def test_a_signed_pdf_of_another_document_is_refused(
    chuan_bi: bytes, ban_de_ky: BanDeKy, khoa: Khoa
) -> None:
    other = chuan_bi_ky(ban_de_ky.pdf + b"\n% another\n", vi_tri(ban_de_ky)[0])
    signed = _cong_cu_cua_lanh_dao(other, khoa, None)
    with pytest.raises(SigningFailed, match="not the prepared document"):
        nhan_ban_da_ky(chuan_bi, signed, ngu_canh_tin_cay(khoa.cau_hinh))


def test_a_prepared_pdf_signed_by_an_unknown_certificate_is_refused(
    chuan_bi: bytes, khoa: Khoa, khoa_la: Khoa
) -> None:
    signed = _cong_cu_cua_lanh_dao(chuan_bi, khoa_la, None)
    with pytest.raises(SigningFailed, match="khong_tin_cay"):
        nhan_ban_da_ky(chuan_bi, signed, ngu_canh_tin_cay(khoa.cau_hinh))


def test_a_signature_whose_update_also_changes_the_page_is_refused(
    chuan_bi: bytes, khoa: Khoa
) -> None:
    # The tool (or someone) draws on the page in the same update as the signature.
    from pyhanko.pdf_utils import generic

    w = IncrementalPdfFileWriter(io.BytesIO(chuan_bi))
    stream = generic.StreamObject(stream_data=b"0 0 1 rg 100 100 200 200 re f")
    w.add_stream_to_page(0, w.add_object(stream))
    with mo_khoa(khoa.cau_hinh.nguon_khoa("lanh_dao")) as signer:
        meta = PdfSignatureMetadata(field_name="nguoi_ky", subfilter=fields.SigSeedSubFilter.PADES)
        signed = PdfSigner(meta, signer).sign_pdf(w, existing_fields_only=True).getvalue()
    with pytest.raises(SigningFailed, match="changes more than the signature"):
        nhan_ban_da_ky(chuan_bi, signed, ngu_canh_tin_cay(khoa.cau_hinh))
