"""Signing a directive twice and verifying it: the round trip, and each way a file can fail
verification giving its own verdict."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from tests.ky_so.conftest import LUC_KY, Khoa, vi_tri
from vanthu.errors import VanthuError
from vanthu.ky_so import KetLuan, ky_co_quan, ky_lanh_dao, ngu_canh_tin_cay, xac_minh
from vanthu.rendering.renderer import BanDeKy


def _xac_minh(data: bytes, khoa: Khoa) -> KetLuan:
    return xac_minh(data, ngu_canh_tin_cay(khoa.cau_hinh)).ket_luan


def test_a_directive_signed_by_leader_then_organisation_verifies_as_intact_and_trusted(
    da_ky: bytes, khoa: Khoa
) -> None:
    result = xac_minh(da_ky, ngu_canh_tin_cay(khoa.cau_hinh))
    assert result.ket_luan is KetLuan.HOP_LE
    leader, org = result.chu_ky
    assert (leader.truong, leader.vai_tro, leader.nguoi_ky) == (
        "nguoi_ky",
        "lanh_dao",
        "Trần Quốc Nam",
    )
    assert (org.truong, org.vai_tro) == ("co_quan", "co_quan")
    # The first signature stays valid under the second: only a signature was added after it.
    assert leader.ket_luan is KetLuan.HOP_LE and leader.sua_sau_ky == "FORM_FILLING"
    assert org.sua_sau_ky == "NONE"
    assert leader.thoi_gian == org.thoi_gian == "2026-11-28T14:30:05+07:00"
    data = result.json()
    assert json.loads(json.dumps(data))["chu_ky"][0]["ket_luan"] == "hop_le"


def test_one_byte_of_signed_content_changed_is_reported_as_altered(
    da_ky: bytes, khoa: Khoa
) -> None:
    # A byte inside the first page's compressed text, in the first revision.
    at = da_ky.index(b"stream\n") + 200
    tampered = da_ky[:at] + bytes([da_ky[at] ^ 1]) + da_ky[at + 1 :]
    assert _xac_minh(tampered, khoa) is KetLuan.BI_SUA


def test_an_update_after_signing_that_draws_text_is_reported_as_changed_after_signing(
    da_ky: bytes, khoa: Khoa
) -> None:
    w = IncrementalPdfFileWriter(io.BytesIO(da_ky))
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
    stream = generic.StreamObject(stream_data=b"BT /FX 14 Tf 100 760 Td (SO 99) Tj ET")
    w.add_stream_to_page(0, w.add_object(stream), resources=resources)
    out = io.BytesIO()
    w.write(out)
    result = xac_minh(out.getvalue(), ngu_canh_tin_cay(khoa.cau_hinh))
    assert result.ket_luan is KetLuan.SUA_SAU_KY
    assert all(c.sua_sau_ky == "OTHER" for c in result.chu_ky)


def test_a_signature_replaced_by_another_documents_is_reported_as_altered(
    da_ky: bytes, ban_de_ky: BanDeKy, khoa: Khoa
) -> None:
    # The organisation's signature of another PDF pasted over this one's, same length.
    other = ky_co_quan(ban_de_ky.pdf, khoa.cau_hinh, vi_tri(ban_de_ky)[1], None, LUC_KY)
    start = da_ky.rindex(b"/Contents <") + len(b"/Contents <")
    other_start = other.rindex(b"/Contents <") + len(b"/Contents <")
    end, other_end = da_ky.index(b">", start), other.index(b">", other_start)
    # Both rooms are zero-padded: fit the other CMS into this room.
    cms = other[other_start:other_end].rstrip(b"0").ljust(end - start, b"0")
    assert len(cms) == end - start
    swapped = da_ky[:start] + cms + da_ky[end:]
    assert _xac_minh(swapped, khoa) is KetLuan.BI_SUA


def test_a_signature_by_a_certificate_of_an_unknown_ca_is_reported_as_untrusted(
    ban_de_ky: BanDeKy, khoa: Khoa, khoa_la: Khoa
) -> None:
    pdf = ky_lanh_dao(
        ban_de_ky.pdf, khoa_la.cau_hinh, "lanh_dao", vi_tri(ban_de_ky)[0], None, LUC_KY
    )
    result = xac_minh(pdf, ngu_canh_tin_cay(khoa.cau_hinh))
    assert result.ket_luan is KetLuan.KHONG_TIN_CAY
    assert result.chu_ky[0].nguyen_ven and result.chu_ky[0].nguoi_ky == "Kẻ Mạo Danh"
    # Trusted by its own roots: the verdict is the trust, nothing else.
    assert _xac_minh(pdf, khoa_la) is KetLuan.HOP_LE


def test_a_truncated_file_is_reported_as_truncated(da_ky: bytes, khoa: Khoa) -> None:
    for cut in (len(da_ky) // 2, len(da_ky) - 2000, len(da_ky) - 10):
        assert _xac_minh(da_ky[:cut], khoa) is KetLuan.BI_CAT


def test_an_unsigned_pdf_and_a_non_pdf_get_their_own_verdicts(
    ban_de_ky: BanDeKy, khoa: Khoa
) -> None:
    assert _xac_minh(ban_de_ky.pdf, khoa) is KetLuan.KHONG_CO_CHU_KY
    assert _xac_minh(b"PK\x03\x04 a zip, not a PDF", khoa) is KetLuan.KHONG_PHAI_PDF
    assert _xac_minh(b"", khoa) is KetLuan.KHONG_PHAI_PDF


def test_no_trust_roots_configured_trusts_no_signature(da_ky: bytes) -> None:
    from vanthu.ky_so import CauHinhKy

    assert xac_minh(da_ky, ngu_canh_tin_cay(CauHinhKy())).ket_luan is KetLuan.KHONG_TIN_CAY


@pytest.mark.property
@given(data=st.data())
def test_hostile_bytes_and_cut_or_flipped_signed_files_get_a_verdict_never_an_exception(
    da_ky: bytes, khoa: Khoa, data: st.DataObject
) -> None:
    kind = data.draw(st.sampled_from(["random", "cut", "flip", "pdf-head"]))
    if kind == "random":
        blob = data.draw(st.binary(max_size=4000))
    elif kind == "cut":
        blob = da_ky[: data.draw(st.integers(0, len(da_ky) - 1))]
    elif kind == "flip":
        at = data.draw(st.integers(0, len(da_ky) - 1))
        blob = da_ky[:at] + bytes([da_ky[at] ^ data.draw(st.integers(1, 255))]) + da_ky[at + 1 :]
    else:
        blob = b"%PDF-1.7\n" + data.draw(st.binary(max_size=2000)) + b"\n%%EOF\n"
    try:
        result = xac_minh(blob, ngu_canh_tin_cay(khoa.cau_hinh))
    except VanthuError:
        return
    if blob != da_ky:
        assert result.ket_luan is not KetLuan.HOP_LE or kind == "flip"


def test_signing_from_inside_a_running_event_loop_gives_the_same_verdict(
    ban_de_ky: BanDeKy, khoa: Khoa
) -> None:
    # An async web route or a test under Playwright runs a loop: pyHanko's coroutines then run
    # on a thread of their own instead of failing in asyncio.run.
    import asyncio

    async def trong_vong_lap() -> bytes:
        (k,) = ban_de_ky.khung
        leader, org = vi_tri(ban_de_ky)
        pdf = ky_lanh_dao(ban_de_ky.pdf, khoa.cau_hinh, "lanh_dao", leader, k.anh_chu_ky, LUC_KY)
        return ky_co_quan(pdf, khoa.cau_hinh, org, k.anh_con_dau, LUC_KY)

    assert _xac_minh(asyncio.run(trong_vong_lap()), khoa) is KetLuan.HOP_LE


def test_verifying_from_inside_a_running_event_loop_gives_the_same_verdict(
    da_ky: bytes, khoa: Khoa
) -> None:
    # The desk's API verifies uploads while a loop runs on the calling thread; pyHanko's
    # synchronous validate_pdf_signature would fail there and every signature read as altered.
    import asyncio

    async def trong_vong_lap() -> KetLuan:
        return _xac_minh(da_ky, khoa)

    assert asyncio.run(trong_vong_lap()) is KetLuan.HOP_LE
