"""Signing in Decree 30's order (#10): the leader signs at Duyệt (his server-held key, or in two
steps on his own computer), Ban hành numbers, dates and has the organisation sign, every key
checked before the signature it makes and before a number is taken; electronic copies carry the
organisation's signature in box 14."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import func, select

from tests.services.conftest import ManualClock, duyet_xong, trinh_xong
from tests.services.ky_so_chung import bo_khoa, cau_hinh, cau_hinh_hai_buoc, cong_cu_lanh_dao
from vanthu.delivery.ghi_tep import BIEN_DUNG, BIEN_TEP_DUNG, THU_MUC_TAM
from vanthu.errors import InvalidSetting, Refused, SigningFailed, TransitionRefused
from vanthu.ky_so import BIEN_CAU_HINH, KetLuan, gia_tri_da_dien
from vanthu.services import xac_minh_pdf
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import DemSo, DongSoDangKy, NhatKy, NhiemVuRow, VanBanRow
from vanthu.workflow import SuKienVanBan, TrangThaiVanBan


@pytest.fixture(scope="module")
def khoa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bo_khoa(tmp_path_factory.mktemp("ky_so"))


@pytest.fixture(scope="module")
def khoa_la(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another CA's keys: no root of ``khoa`` vouches for them."""
    return bo_khoa(tmp_path_factory.mktemp("ky_so_la"), nguoi_ky="Kẻ Mạo Danh")


@pytest.fixture
def ky(khoa: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(BIEN_CAU_HINH, str(khoa))
    return khoa


@pytest.fixture
def hai_buoc(khoa: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The leader 'ld' signs on his own computer."""
    path = cau_hinh_hai_buoc(khoa)
    monkeypatch.setenv(BIEN_CAU_HINH, str(path))
    return path


def _row(app: BoDichVu, van_ban_id: int) -> VanBanRow:
    with app.store.transaction() as s:
        row = s.get(VanBanRow, van_ban_id)
        assert row is not None
        s.expunge(row)
        return row


def _so_da_lay(app: BoDichVu) -> tuple[int, list[tuple[int, bool]]]:
    """Numbers taken (the counters' sum) and the register lines (number, voided)."""
    with app.store.transaction() as s:
        taken = s.scalar(select(func.coalesce(func.sum(DemSo.so_cuoi), 0)))
        lines = s.execute(
            select(DongSoDangKy.so, DongSoDangKy.huy_luc).order_by(DongSoDangKy.id)
        ).all()
    return int(taken or 0), [(so, huy is not None) for so, huy in lines]


def _tep_tren_dia(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.suffix in (".pdf", ".docx"))


def _tep_ban_hanh(output: Path) -> list[Path]:
    """The issued files (not what the leader signs before the number)."""
    return [p for p in _tep_tren_dia(output) if "cho-ban-hanh" not in p.parts]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- server-held keys ------------------------------------------------------------------------


def test_the_leader_signs_at_duyet_and_ban_hanh_numbers_dates_and_has_the_body_sign(
    app: BoDichVu, ky: Path, tmp_path: Path
) -> None:
    key = duyet_xong(app)
    row = _row(app, key)
    assert (row.trang_thai, row.ky_so, row.nguoi_ky_so, row.so) == (
        "da_duyet",
        "lanh_dao_da_ky",
        "ld",
        None,
    )
    by_leader = Path(row.ban_chuan_bi_duong_dan or "").read_bytes()
    assert row.ban_chuan_bi_sha256 == _sha(by_leader)
    checked = xac_minh_pdf(by_leader)
    assert checked.ket_luan is KetLuan.HOP_LE
    assert [(c.vai_tro, c.nguoi_ky) for c in checked.chu_ky] == [("lanh_dao", "Trần Quốc Nam")]
    assert gia_tri_da_dien(by_leader) == {}, "he signs it without number or date"
    # Duyệt logged the leader's consent and what he signed.
    with app.store.transaction() as s:
        consent = s.scalars(
            select(NhatKy.chi_tiet).where(NhatKy.van_ban_id == key, NhatKy.su_kien == "duyet")
        ).one()
    assert consent == {
        "dong_y_ky_so": "khoa_may_chu",
        "khoa": "lanh_dao",
        "ban_ky_sha256": _sha(by_leader),
    }

    result = app.vong_doi.ban_hanh("vt", str(key))
    assert (result.den, result.ky_so) == (TrangThaiVanBan.da_ban_hanh, "da_ky_so")
    row = _row(app, key)
    signed = Path(row.pdf_duong_dan or "").read_bytes()
    assert row.pdf_sha256 == _sha(signed), "the frozen hash is the signed file's"
    assert signed.startswith(by_leader), "his signed file, only added to"
    assert (row.ky_so, row.nguoi_ky_so) == ("da_ky_so", "ld")
    checked = xac_minh_pdf(signed)
    assert checked.ket_luan is KetLuan.HOP_LE
    assert [(c.vai_tro, c.nguoi_ky, c.sua_sau_ky) for c in checked.chu_ky] == [
        ("lanh_dao", "Trần Quốc Nam", "FORM_FILLING"),
        ("co_quan", "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN", "NONE"),
    ]
    assert gia_tri_da_dien(signed) == {
        "so_ky_hieu": "Số: 01/CĐ-UBND",
        "ngay_ban_hanh": "Ninh Thuận, ngày 12 tháng 9 năm 2021",
    }

    # What is distributed is the signed file, byte for byte.
    app.phat_hanh.phat_hanh("vt", str(key), gui_thu=False)
    delivered = list((tmp_path / "output").rglob("SNV/01-CĐ-UBND.pdf"))
    assert delivered and all(p.read_bytes() == signed for p in delivered)


def test_without_a_signing_configuration_the_issue_is_unsigned_and_its_record_says_so(
    app: BoDichVu,
) -> None:
    key = duyet_xong(app)
    result = app.vong_doi.ban_hanh("vt", str(key))
    assert result.ky_so == "chua_ky_so"
    row = _row(app, key)
    assert (row.ky_so, row.nguoi_ky_so) == ("chua_ky_so", None)
    assert xac_minh_pdf(Path(row.pdf_duong_dan or "").read_bytes()).ket_luan is (
        KetLuan.KHONG_CO_CHU_KY
    )


@pytest.mark.parametrize(
    ("doi", "loi", "noi"),
    [
        ({"mat_khau_tep": "sai.txt"}, SigningFailed, "passphrase is wrong"),
        ({"mat_khau_bien": "VANTHU_MK_KHONG_CO"}, InvalidSetting, "VANTHU_MK_KHONG_CO"),
        ({"anh": "khong-co.png"}, SigningFailed, "cannot read the image"),
        ({"anh": "mat-khau.txt"}, SigningFailed, "image"),
    ],
)
def test_a_leader_key_that_cannot_sign_refuses_his_duyet_and_changes_nothing(
    app: BoDichVu,
    khoa: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    doi: dict[str, str],
    loi: type[Exception],
    noi: str,
) -> None:
    (khoa.parent / "sai.txt").write_text("not the passphrase\n", "utf-8")
    leader = {"pkcs12": "lanh-dao.p12", "mat_khau_tep": "mat-khau.txt", "anh": "chu-ky.png"}
    if "mat_khau_bien" in doi:
        del leader["mat_khau_tep"]
    leader |= doi
    broken = cau_hinh(
        khoa,
        "hong.yaml",
        khoa={
            "lanh_dao": leader,
            "co_quan": {"pkcs12": "co-quan.p12", "mat_khau_tep": "mat-khau.txt"},
        },
    )
    monkeypatch.setenv(BIEN_CAU_HINH, str(broken))
    key = trinh_xong(app)
    with pytest.raises(loi, match=noi):
        app.vong_doi.chuyen("ld", str(key), SuKienVanBan.duyet)
    assert _so_da_lay(app) == (0, [])
    row = _row(app, key)
    assert (row.trang_thai, row.ky_so, row.ban_chuan_bi_duong_dan) == ("cho_duyet", None, None)
    assert _tep_tren_dia(tmp_path / "output") == []


def test_a_leader_certificate_the_roots_do_not_vouch_for_refuses_his_duyet(
    app: BoDichVu, khoa: Path, khoa_la: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreign = khoa_la.parent
    untrusted = cau_hinh(
        khoa,
        "la.yaml",
        khoa={
            "lanh_dao": {"pkcs12": str(foreign / "lanh-dao.p12"), "mat_khau_tep": "mat-khau.txt"},
            "co_quan": {"pkcs12": "co-quan.p12", "mat_khau_tep": "mat-khau.txt"},
        },
    )
    monkeypatch.setenv(BIEN_CAU_HINH, str(untrusted))
    key = trinh_xong(app)
    with pytest.raises(SigningFailed, match="Kẻ Mạo Danh is not trusted"):
        app.vong_doi.chuyen("ld", str(key), SuKienVanBan.duyet)
    assert _row(app, key).trang_thai == "cho_duyet"
    assert _tep_tren_dia(tmp_path / "output") == []
    # Once the key is right he signs, and the number taken is the first.
    monkeypatch.setenv(BIEN_CAU_HINH, str(khoa))
    app.vong_doi.chuyen("ld", str(key), SuKienVanBan.duyet)
    assert app.vong_doi.ban_hanh("vt", str(key)).so_ky_hieu == "01/CĐ-UBND"


def test_an_organisation_key_that_cannot_sign_refuses_the_issue_before_a_number_is_taken(
    app: BoDichVu, khoa: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BIEN_CAU_HINH, str(khoa))
    key = duyet_xong(app)
    signed_by_leader = _row(app, key).ban_chuan_bi_sha256
    (khoa.parent / "sai.txt").write_text("not the passphrase\n", "utf-8")
    broken = cau_hinh(
        khoa,
        "co-quan-hong.yaml",
        khoa={
            "lanh_dao": {"pkcs12": "lanh-dao.p12", "mat_khau_tep": "mat-khau.txt"},
            "co_quan": {"pkcs12": "co-quan.p12", "mat_khau_tep": "sai.txt"},
        },
    )
    monkeypatch.setenv(BIEN_CAU_HINH, str(broken))
    with pytest.raises(SigningFailed, match="passphrase is wrong"):
        app.vong_doi.ban_hanh("vt", str(key))
    assert _so_da_lay(app) == (0, [])
    row = _row(app, key)
    assert (row.trang_thai, row.ky_so, row.ban_chuan_bi_sha256) == (
        "da_duyet",
        "lanh_dao_da_ky",
        signed_by_leader,
    )
    assert _tep_ban_hanh(tmp_path / "output") == []


def test_a_leader_signed_pdf_whose_lines_would_not_line_up_refuses_the_issue_without_a_number(
    app: BoDichVu, ky: Path, tmp_path: Path
) -> None:
    key = duyet_xong(app)
    with app.store.transaction() as s:  # as if the blank lines had stood elsewhere
        row = s.get(VanBanRow, key)
        assert row is not None and row.vi_tri_ky is not None
        moved = dict(row.vi_tri_ky)
        moved["dien"] = {
            k: [v[0], v[1], v[2] + 20, v[3], v[4] + 20] for k, v in moved["dien"].items()
        }
        row.vi_tri_ky = moved
    with pytest.raises(SigningFailed, match="does not line up"):
        app.vong_doi.ban_hanh("vt", str(key))
    assert _so_da_lay(app) == (0, [])
    assert _row(app, key).ky_so == "lanh_dao_da_ky"
    assert _tep_ban_hanh(tmp_path / "output") == []


# -- two-step signing ------------------------------------------------------------------------


def test_two_step_duyet_hands_out_the_prepared_pdf_the_signed_one_comes_back_then_ban_hanh(
    app: BoDichVu, hai_buoc: Path, khoa: Path, clock: ManualClock
) -> None:
    key = str(duyet_xong(app))
    row = _row(app, int(key))
    assert (row.trang_thai, row.ky_so, row.so, row.pdf_duong_dan) == (
        "cho_ky_so",
        "cho_ky_so",
        None,
        None,
    ), "no number is taken before he signs"
    assert _so_da_lay(app) == (0, [])
    with pytest.raises(TransitionRefused):  # Ban hành waits for his signature
        app.vong_doi.ban_hanh("vt", key)
    prepared = app.vong_doi.ban_chuan_bi("ld", key).read_bytes()
    assert _sha(prepared) == row.ban_chuan_bi_sha256
    with pytest.raises(Refused, match="waits for the signature of 'ld'"):
        app.vong_doi.ban_chuan_bi("cv", key)

    clock.dat("2021-09-13T10:00")
    uploaded = cong_cu_lanh_dao(prepared, khoa)
    back = app.vong_doi.nhan_ban_ky("ld", key, uploaded)
    assert (back.tu, back.den, back.ky_so) == (
        TrangThaiVanBan.cho_ky_so,
        TrangThaiVanBan.da_duyet,
        "lanh_dao_da_ky",
    )
    row = _row(app, int(key))
    assert row.ban_chuan_bi_sha256 == _sha(uploaded) and row.so is None
    with app.store.transaction() as s:  # tasks are followed once it is issued, not before
        assert s.scalars(select(NhiemVuRow).where(NhiemVuRow.van_ban_id == int(key))).all() == []

    done = app.vong_doi.ban_hanh("vt", key)
    assert (done.den, done.ky_so, done.so_ky_hieu) == (
        TrangThaiVanBan.da_ban_hanh,
        "da_ky_so",
        "01/CĐ-UBND",
    )
    row = _row(app, int(key))
    signed = Path(row.pdf_duong_dan or "").read_bytes()
    assert row.pdf_sha256 == _sha(signed) and signed.startswith(uploaded)
    checked = xac_minh_pdf(signed)
    assert checked.ket_luan is KetLuan.HOP_LE
    assert [c.vai_tro for c in checked.chu_ky] == ["lanh_dao", "co_quan"]
    with app.store.transaction() as s:
        assert s.scalars(select(NhiemVuRow).where(NhiemVuRow.van_ban_id == int(key))).all()


def _tu_choi(app: BoDichVu, key: str, upload: bytes, match: str) -> None:
    before = _row(app, int(key))
    with pytest.raises(SigningFailed, match=match):
        app.vong_doi.nhan_ban_ky("vt", key, upload)
    after = _row(app, int(key))
    assert (after.trang_thai, after.pdf_duong_dan, after.phien_ban) == (
        "cho_ky_so",
        None,
        before.phien_ban,
    )


def test_two_step_uploads_of_another_document_an_untrusted_signer_or_tampered_are_refused(
    app: BoDichVu, hai_buoc: Path, khoa: Path, khoa_la: Path, tmp_path: Path
) -> None:
    first, second = str(duyet_xong(app)), str(duyet_xong(app))
    prepared = app.vong_doi.ban_chuan_bi("vt", first).read_bytes()
    other = app.vong_doi.ban_chuan_bi("vt", second).read_bytes()

    _tu_choi(app, first, cong_cu_lanh_dao(other, khoa), "not the prepared document")
    _tu_choi(app, first, cong_cu_lanh_dao(prepared, khoa_la), "refused: khong_tin_cay")
    good = bytearray(cong_cu_lanh_dao(prepared, khoa))
    at = len(prepared) + (len(good) - len(prepared)) // 3  # inside the signed update
    good[at] ^= 0x01
    _tu_choi(app, first, bytes(good), "refused|cannot|expected")
    assert not list((tmp_path / "output").rglob("01-CĐ-UBND.pdf"))


@given(upload=st.binary(max_size=4096) | st.binary(max_size=512).map(lambda b: b"%PDF-1.7\n" + b))
def test_hostile_uploads_are_refused_with_a_message_and_change_nothing(
    app: BoDichVu, hai_buoc: Path, upload: bytes
) -> None:
    with app.store.transaction() as s:
        waiting = s.scalars(select(VanBanRow.id).where(VanBanRow.trang_thai == "cho_ky_so")).first()
    if waiting is None:
        waiting = duyet_xong(app)
    _tu_choi(app, str(waiting), upload, ".")


@given(tail=st.binary(min_size=1, max_size=2048))
def test_the_prepared_pdf_with_anything_appended_is_refused(
    app: BoDichVu, hai_buoc: Path, tail: bytes
) -> None:
    with app.store.transaction() as s:
        waiting = s.scalars(select(VanBanRow.id).where(VanBanRow.trang_thai == "cho_ky_so")).first()
    if waiting is None:
        waiting = duyet_xong(app)
    prepared = app.vong_doi.ban_chuan_bi("vt", str(waiting)).read_bytes()
    _tu_choi(app, str(waiting), prepared + tail, ".")


def test_cancelling_a_waited_for_signature_returns_to_da_duyet_and_takes_no_number(
    app: BoDichVu, hai_buoc: Path, khoa: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = str(duyet_xong(app))
    with pytest.raises(TransitionRefused):
        app.vong_doi.huy_ky_so("cv", key)
    result = app.vong_doi.huy_ky_so("ld", key, "Sai trích yếu")
    assert (result.tu, result.den, result.so_ky_hieu) == (
        TrangThaiVanBan.cho_ky_so,
        TrangThaiVanBan.da_duyet,
        None,
    )
    row = _row(app, int(key))
    assert (row.so, row.ky_so, row.ban_chuan_bi_duong_dan, row.nguoi_ky_so) == (None,) * 4
    assert _so_da_lay(app) == (0, [])
    assert _tep_tren_dia(tmp_path / "output") == [], "the prepared PDF is removed"
    # The văn thư's Ban hành hands him a fresh prepared PDF: still no number.
    again = app.vong_doi.ban_hanh("vt", key)
    assert (again.den, again.ky_so, again.so_ky_hieu) == (
        TrangThaiVanBan.cho_ky_so,
        "cho_ky_so",
        None,
    )
    # Configured now with his server-held key: cancelled again, Ban hành signs and issues 01.
    app.vong_doi.huy_ky_so("vt", key)
    monkeypatch.setenv(BIEN_CAU_HINH, str(khoa))
    issued = app.vong_doi.ban_hanh("vt", key)
    assert (issued.so_ky_hieu, issued.ky_so) == ("01/CĐ-UBND", "da_ky_so")
    assert _so_da_lay(app) == (1, [(1, False)])


def test_a_signature_made_at_duyet_can_be_cancelled_before_the_issue_and_is_made_again(
    app: BoDichVu, ky: Path, tmp_path: Path
) -> None:
    key = str(duyet_xong(app))
    first = _row(app, int(key)).ban_chuan_bi_duong_dan
    with pytest.raises(TransitionRefused):  # a chuyên viên does not cancel a signature
        app.vong_doi.huy_ky_so("cv", key)
    result = app.vong_doi.huy_ky_so("vt", key, "Ký lại")
    assert (result.tu, result.den) == (TrangThaiVanBan.da_duyet, TrangThaiVanBan.da_duyet)
    assert _row(app, int(key)).ky_so is None and not Path(first or "").exists()
    issued = app.vong_doi.ban_hanh("vt", key)  # his consent stands: his key signs now
    assert (issued.so_ky_hieu, issued.ky_so) == ("01/CĐ-UBND", "da_ky_so")
    signed = Path(_row(app, int(key)).pdf_duong_dan or "").read_bytes()
    assert [c.vai_tro for c in xac_minh_pdf(signed).chu_ky] == ["lanh_dao", "co_quan"]
    with pytest.raises(TransitionRefused):  # issued: nothing left to cancel
        app.vong_doi.huy_ky_so("vt", key)


def test_a_directive_an_earlier_build_numbered_before_its_leader_signed_has_its_number_voided(
    app: BoDichVu, hai_buoc: Path, khoa: Path
) -> None:
    import datetime as dt

    from vanthu.storage.so_dang_ky import ghi_dong_so_dang_ky, lay_so_moi

    key = duyet_xong(app)
    day = dt.date(2021, 9, 13)
    with app.store.transaction() as s:  # as the earlier build left it: numbered, waiting
        row = s.get(VanBanRow, key)
        assert row is not None
        so = lay_so_moi(s, "UBND:chung", 2021)
        ghi_dong_so_dang_ky(s, "UBND:chung", so, day, key)
        row.so, row.nam, row.ngay, row.so_ky_hieu = so, 2021, day, "01/CĐ-UBND"
        row.payload = dict(row.payload) | {"so": so, "ngay": day.isoformat()}
    prepared = app.vong_doi.ban_chuan_bi("ld", str(key)).read_bytes()
    with pytest.raises(Refused, match="earlier vanthu"):
        app.vong_doi.nhan_ban_ky("ld", str(key), cong_cu_lanh_dao(prepared, khoa))
    result = app.vong_doi.huy_ky_so("vt", str(key), "Phiên bản mới")
    assert (result.den, result.so_ky_hieu) == (TrangThaiVanBan.da_duyet, "01/CĐ-UBND")
    row = _row(app, key)
    assert (row.so, row.so_ky_hieu, row.ky_so, "so" in row.payload) == (None, None, None, False)
    assert _so_da_lay(app) == (1, [(1, True)])


def test_the_signed_upload_is_taken_only_in_its_own_event(app: BoDichVu, hai_buoc: Path) -> None:
    key = str(duyet_xong(app))
    with pytest.raises(Refused, match="accept-signed"):
        app.vong_doi.chuyen("vt", key, SuKienVanBan.ky_so)
    with pytest.raises(TransitionRefused):
        app.vong_doi.chuyen("vt", key, SuKienVanBan.phat_hanh)


# -- copies ----------------------------------------------------------------------------------


def test_an_electronic_copy_carries_the_bodys_signature_in_box_14(
    app: BoDichVu, ky: Path, clock: ManualClock
) -> None:
    key = duyet_xong(app)
    so = app.vong_doi.ban_hanh("vt", str(key)).so_ky_hieu or ""
    clock.dat("2021-09-14T09:00")
    copy = app.ban_sao.sao("vt", so, "sao_y", dien_tu=True)
    assert copy.ky_so and copy.o_ky_so is not None
    pdf = next(p for p in copy.tep if p.suffix == ".pdf").read_bytes()
    checked = xac_minh_pdf(pdf)
    assert checked.ket_luan is KetLuan.HOP_LE
    assert [(c.vai_tro, c.nguoi_ky) for c in checked.chu_ky] == [
        ("co_quan", "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN")
    ]
    (widget,) = [
        a.get_object()
        for a in PdfReader(io.BytesIO(pdf)).pages[0]["/Annots"]
        if a.get_object().get("/FT") == "/Sig"
    ]
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    box = copy.o_ky_so
    assert (x0, y0, x1, y1) == pytest.approx((box.x0, box.y0, box.x1, box.y1), abs=1.0)


# -- a signed issue killed between its steps -------------------------------------------------


def _giet_luc(db_url: str, tmp_path: Path, moment: str, user: str, lenh: str, key: int) -> Path:
    """Run ``vanthu --as user lenh key`` and kill it (SIGKILL) when it reaches ``moment``;
    the output folder it used."""
    output = tmp_path / "output"
    marker = tmp_path / "dung"
    env = dict(os.environ)
    env.update({"VANTHU_NOW": "2021-09-13T08:30", BIEN_DUNG: moment, BIEN_TEP_DUNG: str(marker)})
    command = [sys.executable, "-m", "vanthu", "--db", db_url, "--as", user]
    command += ["--output-root", str(output), lenh, str(key)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    try:
        while not marker.exists() and process.poll() is None:
            assert time.monotonic() < deadline, f"{moment} not reached in time"
            time.sleep(0.02)
    finally:
        process.send_signal(signal.SIGKILL)
        _, said = process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL, said.decode("utf-8", "replace")
    return output


@pytest.mark.parametrize("moment", ["ky_so:giua_hai_chu_ky", "ban_hanh:truoc_commit"])
def test_a_signed_issue_killed_before_its_commit_consumes_no_number_and_leaves_no_file(
    app: BoDichVu, db_url: str, ky: Path, tmp_path: Path, moment: str
) -> None:
    key = duyet_xong(app)
    output = _giet_luc(db_url, tmp_path, moment, "vt", "issue", key)
    assert _so_da_lay(app) == (0, [])
    assert _row(app, key).trang_thai == "da_duyet"
    assert [p for p in _tep_ban_hanh(output) if THU_MUC_TAM not in p.parts] == []
    # The next issue drops whatever was staged and takes number 01, signed.
    again = app.vong_doi.ban_hanh("vt", str(key))
    assert (again.so_ky_hieu, again.ky_so) == ("01/CĐ-UBND", "da_ky_so")
    assert not (output / THU_MUC_TAM).exists()


@pytest.mark.parametrize("moment", ["ban_hanh:truoc_commit", "ban_hanh:da_commit"])
def test_a_signing_duyet_killed_around_its_commit_loses_nothing(
    app: BoDichVu, db_url: str, ky: Path, tmp_path: Path, moment: str
) -> None:
    key = trinh_xong(app)
    output = _giet_luc(db_url, tmp_path, moment, "ld", "approve", key)
    placed = [p for p in _tep_tren_dia(output) if THU_MUC_TAM not in p.parts]
    assert placed == [], "nothing reaches its place before the next run"
    row = _row(app, key)
    if moment == "ban_hanh:truoc_commit":
        assert (row.trang_thai, row.ky_so) == ("cho_duyet", None)
        app.vong_doi.chuyen("ld", str(key), SuKienVanBan.duyet)  # approved again, signed
        row = _row(app, key)
    else:
        assert (row.trang_thai, row.ky_so) == ("da_duyet", "lanh_dao_da_ky")
    # The next run finishes the committed one (its signed PDF put in place) or drops the rest.
    issued = app.vong_doi.ban_hanh("vt", str(key))
    assert (issued.so_ky_hieu, issued.ky_so) == ("01/CĐ-UBND", "da_ky_so")
    assert Path(row.ban_chuan_bi_duong_dan or "").is_file()
    assert not (output / THU_MUC_TAM).exists() or not any((output / THU_MUC_TAM).iterdir())
