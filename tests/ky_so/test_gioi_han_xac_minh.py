"""Verification is bounded before it starts: a decompression bomb, a file of too many objects,
objects piled up after signing and too many signatures each get the verdict vuot_gioi_han,
quickly; what a check costs is bounded, never the server's memory or minutes of its time."""

from __future__ import annotations

import logging
import threading
import time

from tests.ky_so.conftest import Khoa
from tests.ky_so.pdf_doc_hai import bom_luong_doi_tuong, doi_tuong_sau_ky, qua_nhieu_doi_tuong
from vanthu.ky_so import KetLuan, ngu_canh_tin_cay, xac_minh
from vanthu.schemas.gioi_han import DOI_TUONG_PDF_TOI_DA, DOI_TUONG_SAU_KY_TOI_DA


def test_an_object_stream_that_inflates_to_40_mib_is_refused_with_its_own_verdict(
    khoa: Khoa,
) -> None:
    bomb = bom_luong_doi_tuong(40)
    assert len(bomb) < 100_000
    result = xac_minh(bomb, ngu_canh_tin_cay(khoa.cau_hinh))
    assert result.ket_luan is KetLuan.VUOT_GIOI_HAN
    assert "exceeds the limit" in result.chi_tiet


def test_a_file_of_more_objects_than_the_limit_is_refused_before_it_is_parsed(
    khoa: Khoa,
) -> None:
    start = time.perf_counter()
    result = xac_minh(
        qua_nhieu_doi_tuong(DOI_TUONG_PDF_TOI_DA + 1), ngu_canh_tin_cay(khoa.cau_hinh)
    )
    assert result.ket_luan is KetLuan.VUOT_GIOI_HAN
    assert result.chi_tiet == f"{DOI_TUONG_PDF_TOI_DA + 1} objects, at most {DOI_TUONG_PDF_TOI_DA}"
    assert time.perf_counter() - start < 5  # counted, not parsed (generous: a shared machine)


def test_objects_piled_up_after_signing_are_refused_before_the_change_analysis(
    da_ky: bytes, khoa: Khoa
) -> None:
    tin_cay = ngu_canh_tin_cay(khoa.cau_hinh)
    over = xac_minh(doi_tuong_sau_ky(da_ky, DOI_TUONG_SAU_KY_TOI_DA + 1), tin_cay)
    assert over.ket_luan is KetLuan.VUOT_GIOI_HAN
    assert "objects added after signing" in over.chi_tiet
    # Under the limit the same kind of update is analysed, and found to change the document.
    under = xac_minh(doi_tuong_sau_ky(da_ky, 50), tin_cay)
    assert under.ket_luan is KetLuan.SUA_SAU_KY


def test_checks_in_parallel_threads_leave_pyhankos_loggers_as_they_were(
    da_ky: bytes, khoa: Khoa, khoa_la: Khoa
) -> None:
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    before = [logger.level for logger in loggers]
    tin_cay = ngu_canh_tin_cay(khoa_la.cau_hinh)  # untrusted: pyHanko would log a traceback
    threads = [threading.Thread(target=xac_minh, args=(da_ky, tin_cay)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [logger.level for logger in loggers] == before
