"""Copies (bản sao) as a use case: one number sequence for the three forms, restarting each
year, never reused, taken with the copy's row; refusals; the files and the register."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing.synchronize
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.services.conftest import ManualClock, duyet_xong
from tests.services.test_concurrency import HAN_CHO_S, chay_song_song
from vanthu.errors import InvalidSetting, NotFound, Refused
from vanthu.services.ban_sao import doc_muc
from vanthu.services.clock import GIO_VIET_NAM
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import BanSaoRow, DongSoDangKy
from vanthu.workflow import SuKienVanBan


def _ban_hanh(app: BoDichVu) -> str:
    """A directive approved and issued; its number and symbol."""
    result = app.vong_doi.ban_hanh("vt", str(duyet_xong(app)))
    assert result.so_ky_hieu is not None
    return result.so_ky_hieu


def _chu(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def test_the_three_forms_share_one_sequence_from_01_and_each_copy_is_written(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = _ban_hanh(app)
    clock.dat("2021-09-20T14:30:05")
    sao_y = app.ban_sao.sao("vt", so, "sao_y", noi_nhan=["Sở Y tế"])
    trich = app.ban_sao.sao("vt", so, "trich_sao", muc=[1, 3])
    sao_luc = app.ban_sao.sao("vt", so, "sao_luc", dien_tu=True)

    assert [sao_y.so_ky_hieu, trich.so_ky_hieu, sao_luc.so_ky_hieu] == [
        "01/SY-UBND",
        "02/TrS-UBND",
        "03/SL-UBND",
    ]
    assert [p.suffix for p in sao_y.tep] == [".docx", ".pdf"]
    assert [p.suffix for p in sao_luc.tep] == [".pdf"]  # an electronic copy is a PDF
    assert all(p.is_file() for r in (sao_y, trich, sao_luc) for p in r.tep)
    text = _chu(sao_y.tep[1])
    assert "SAO Y" in text and "Số: 01/SY-UBND" in text and "- Sở Y tế;" in text
    assert "Ninh Thuận, ngày 20 tháng 9 năm 2021" in text
    assert "SAO LỤC; ỦY BAN NHÂN DÂN TỈNH NINH THUẬN;" in _chu(sao_luc.tep[0])
    assert "2021-09-20T14:30:05+07:00" in _chu(sao_luc.tep[0])
    assert sao_luc.o_ky_so is not None and sao_y.o_ky_so is None
    with app.store.transaction() as s:
        lines = s.scalars(
            select(DongSoDangKy).where(DongSoDangKy.so_dang_ky == "UBND:ban_sao")
        ).all()
        assert [(d.so, d.van_ban_id) for d in lines] == [(1, None), (2, None), (3, None)]
        assert lines[0].ghi_chu == f"Sao y 01/SY-UBND của {so}"
        rows = s.scalars(select(BanSaoRow).order_by(BanSaoRow.so)).all()
        assert [(r.hinh_thuc, r.dien_tu, r.muc) for r in rows] == [
            ("sao_y", False, []),
            ("trich_sao", False, [1, 3]),
            ("sao_luc", True, []),
        ]


def test_a_trich_sao_prints_only_the_chosen_items(app: BoDichVu) -> None:
    so = _ban_hanh(app)
    full = _chu(app.ban_sao.sao("vt", so, "sao_y").tep[1])
    excerpt = _chu(app.ban_sao.sao("vt", so, "trich_sao", muc=[1]).tep[1])
    assert "Qua sơ kết đợt 1" in excerpt and "TRÍCH SAO" in excerpt
    assert "Để tiếp tục thực hiện phong trào" in full
    assert "Để tiếp tục thực hiện phong trào" not in excerpt


def test_copy_numbers_restart_on_1_january(app: BoDichVu, clock: ManualClock) -> None:
    so = _ban_hanh(app)
    clock.dat("2021-12-31T23:59:00")
    assert app.ban_sao.sao("vt", so, "sao_y").so_ky_hieu == "01/SY-UBND"
    assert app.ban_sao.sao("vt", so, "sao_luc").so_ky_hieu == "02/SL-UBND"
    clock.dat("2022-01-01T00:01:00")
    assert app.ban_sao.sao("vt", so, "trich_sao", muc=[2]).so_ky_hieu == "01/TrS-UBND"


def test_refused_copies_take_no_number(app: BoDichVu) -> None:
    so = _ban_hanh(app)
    with pytest.raises(Refused, match=r"the body of .* has 9 items"):
        app.ban_sao.sao("vt", so, "trich_sao", muc=[99])
    with pytest.raises(Refused, match="choose the body items"):
        app.ban_sao.sao("vt", so, "trich_sao")
    with pytest.raises(Refused, match="--items chỉ dùng cho trích sao"):
        app.ban_sao.sao("vt", so, "sao_y", muc=[1])
    with pytest.raises(Refused, match="chỉ văn thư mới được lập bản sao"):
        app.ban_sao.sao("cv", so, "sao_y")
    with pytest.raises(InvalidSetting, match="không phải hình thức sao"):
        app.ban_sao.sao("vt", so, "ban_chinh")
    with pytest.raises(NotFound):
        app.ban_sao.sao("vt", "99/CĐ-UBND", "sao_y")
    draft = duyet_xong(app)
    with pytest.raises(Refused, match="chỉ sao văn bản đã ban hành còn hiệu lực"):
        app.ban_sao.sao("vt", str(draft), "sao_y")
    assert app.ban_sao.sao("vt", so, "sao_y").so_ky_hieu == "01/SY-UBND"


def test_a_recalled_directive_is_not_copied(app: BoDichVu) -> None:
    so = _ban_hanh(app)
    app.vong_doi.chuyen("ld", so, SuKienVanBan.thu_hoi, "Ban hành nhầm")
    with pytest.raises(Refused, match="chỉ sao văn bản đã ban hành còn hiệu lực"):
        app.ban_sao.sao("vt", so, "sao_y")


def test_a_full_copy_is_refused_when_the_issued_pdf_no_longer_matches(app: BoDichVu) -> None:
    so = _ban_hanh(app)
    with app.store.transaction() as s:
        from vanthu.storage.bang import VanBanRow

        row = s.scalars(select(VanBanRow).where(VanBanRow.so_ky_hieu == so)).one()
        issued = Path(row.pdf_duong_dan or "")
    other = app.ban_sao.sao("vt", so, "trich_sao", muc=[1]).tep[1]
    issued.chmod(0o644)
    issued.write_bytes(other.read_bytes())  # an issued PDF that differs from the directive
    with pytest.raises(Refused, match="không còn in giống tệp PDF đã ban hành"):
        app.ban_sao.sao("vt", so, "sao_y")
    issued.unlink()
    with pytest.raises(Refused, match="không còn tệp PDF đã ban hành"):
        app.ban_sao.sao("vt", so, "sao_y")
    # A trích sao is re-typed: it does not depend on the issued file.
    assert app.ban_sao.sao("vt", so, "trich_sao", muc=[2]).so_ky_hieu == "02/TrS-UBND"


def test_items_are_read_as_numbers_and_ranges() -> None:
    assert doc_muc("1, 3-5,8") == [1, 3, 4, 5, 8]
    assert doc_muc(None) == [] and doc_muc("  ") == []
    for bad in ("a", "3-1", "0", "1-x"):
        with pytest.raises(InvalidSetting, match="--items"):
            doc_muc(bad)


#: The moment every child copies at.
LUC_SAO = dt.datetime(2021, 9, 20, 9, 0, tzinfo=GIO_VIET_NAM)
PROCESSES = 3
SO_BAN_SAO = 3


def _sao_ca_lo(
    db_url: str,
    thu_muc: str,
    so_ky_hieu: str,
    forms: Sequence[str],
    barrier: multiprocessing.synchronize.Barrier,
    ket_qua: str,
) -> None:
    """Child: make a copy of each form in ``forms``, racing the other children."""
    app = BoDichVu(db=db_url, thu_muc=Path(thu_muc), clock=lambda: LUC_SAO)
    app.ban_sao  # noqa: B018 - load the renderer before the race starts
    barrier.wait(timeout=HAN_CHO_S)
    out = {}
    for i, form in enumerate(forms):
        muc = [1] if form == "trich_sao" else []
        out[str(i)] = partial(app.ban_sao.sao, "vt", so_ky_hieu, form, muc)().so_ky_hieu
    app.close()
    Path(ket_qua).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def test_processes_copying_at_once_never_share_a_number(
    app: BoDichVu, db_url: str, tmp_path: Path
) -> None:
    so = _ban_hanh(app)
    forms = ["sao_y", "trich_sao", "sao_luc"]
    results = chay_song_song(
        _sao_ca_lo,
        [(db_url, str(tmp_path / "output"), so, forms[k:] + forms[:k]) for k in range(PROCESSES)],
        tmp_path,
    )
    numbers = sorted(int(v.split("/")[0]) for r in results for v in r.values())
    assert numbers == list(range(1, PROCESSES * SO_BAN_SAO + 1))
    with app.store.transaction() as s:
        rows = s.scalars(select(BanSaoRow)).all()
        assert sorted(r.so for r in rows) == numbers
        assert len({r.pdf_duong_dan for r in rows}) == len(rows)
    assert all(Path(r.pdf_duong_dan).is_file() for r in rows)
