"""Signing benchmark (#10): how long the two signatures of one directive take, verifying it,
and signing 100 directives, next to the render they follow (the named baseline).

Run from the repository root::

    .venv/bin/python benchmarks/signing.py [--runs N] [--count 100]

With throw-away ECDSA P-256 keys (PKCS#12, loaded from disk for each signature, as the
services do) and no timestamp server (PAdES B-B), on the Ninh Thuận công điện with its
signature and seal images (examples/cong-dien-anh-chu-ky.yaml):

* baseline: ``Renderer.ban_de_ky`` (the PDF to sign and the signatures' rectangles);
* at Duyệt: the number and date fields laid over the blank PDF and the leader's signature;
* at Ban hành: the fields filled from the numbered drawing and the organisation's signature;
* both (median of N runs), each without the renders it follows;
* verifying the signed PDF (both signatures, trust and difference analysis);
* signing ``--count`` directives in a row (the PDFs drawn once, signed ``count`` times): total
  and per directive.

Target: both signatures under the render's time, so that signing at most doubles issuing.
The exit status is 0 whether the target is met or missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vanthu.ky_so import (  # noqa: E402
    TruongDien,
    ViTri,
    dien_so_ngay,
    doc_cau_hinh_ky,
    ghi_bo_khoa,
    ky_co_quan,
    ky_lanh_dao,
    ngu_canh_tin_cay,
    tao_bo_khoa,
    them_truong_dien,
    xac_minh,
)
from vanthu.schemas.gio import GIO_VIET_NAM  # noqa: E402
from vanthu.services.ket_xuat import renderer  # noqa: E402
from vanthu.services.kiem_tra import kiem_tra_tep_anh  # noqa: E402

EXAMPLE = ROOT / "examples" / "cong-dien-anh-chu-ky.yaml"


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    when = dt.datetime.now(GIO_VIET_NAM)
    with tempfile.TemporaryDirectory() as folder:
        config = doc_cau_hinh_ky(ghi_bo_khoa(tao_bo_khoa(), Path(folder)))
        vb, anh = kiem_tra_tep_anh(EXAMPLE)
        r = renderer()
        ban = r.ban_de_ky(vb, None, anh, pdf_a=True)  # warm-up: fonts, WeasyPrint
        blank = r.ban_de_ky(vb.model_copy(update={"so": None, "ngay": None}), None, anh, True)
        (k,) = blank.khung
        leader, org = ViTri(k.trang, k.chu_ky), ViTri(k.trang, k.con_dau)
        fields = [TruongDien(d.ten, d.trang, d.khung) for d in blank.dien]
        values = {"so_ky_hieu": f"Số: {vb.so_ky_hieu}", "ngay_ban_hanh": "ngày"}

        def one() -> bytes:
            pdf = them_truong_dien(blank.pdf, fields)
            return ky_lanh_dao(pdf, config, "lanh_dao", leader, k.anh_chu_ky, when)

        by_leader = one()

        def issue() -> bytes:
            filled = dien_so_ngay(by_leader, ban.pdf, values)
            return ky_co_quan(filled, config, org, k.anh_con_dau, when)

        def both() -> bytes:
            filled = dien_so_ngay(one(), ban.pdf, values)
            return ky_co_quan(filled, config, org, k.anh_con_dau, when)

        signed = both()  # warm-up: pyHanko, the font-free stamps
        context = ngu_canh_tin_cay(config)
        assert xac_minh(signed, context).hop_le
        render = median_ms(lambda: r.ban_de_ky(vb, None, anh, pdf_a=True), args.runs)
        first = median_ms(one, args.runs)
        second = median_ms(issue, args.runs)
        two = median_ms(both, args.runs)
        verify = median_ms(lambda: xac_minh(signed, context), args.runs)
        start = time.perf_counter()
        for _ in range(args.count):
            both()
        batch = time.perf_counter() - start
    print(f"directive: {EXAMPLE.name}, {len(signed) // 1024} KiB signed, median of {args.runs}")
    print(f"  baseline: render for signing (ban_de_ky)  {render:8.1f} ms")
    print(f"  Duyệt: fields + leader's signature         {first:8.1f} ms")
    print(f"  Ban hành: fill + organisation's signature  {second:8.1f} ms")
    print(f"  both (Duyệt and Ban hành signing)          {two:8.1f} ms")
    print(f"  verify (2 signatures)                      {verify:8.1f} ms")
    print(f"  sign {args.count} directives (both signatures)    {batch:8.2f} s "
          f"({batch * 1000 / args.count:.1f} ms each)")  # fmt: skip
    verdict = "met" if two < render else "missed"
    print(f"target: both signatures under the render ({two:.0f} < {render:.0f} ms): {verdict}")


if __name__ == "__main__":
    main()
