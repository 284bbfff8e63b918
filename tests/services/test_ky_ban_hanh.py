"""Signing at issue (#10): Ban hành signs the numbered PDF with the approving leader's key then
the organisation's, every key checked before a number is taken; a leader on his own computer
signs in two steps; electronic copies carry the organisation's signature in box 14."""

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

from tests.services.conftest import ManualClock, duyet_xong
from tests.services.ky_so_chung import bo_khoa, cau_hinh, cau_hinh_hai_buoc, cong_cu_lanh_dao
from vanthu.delivery.ghi_tep import BIEN_DUNG, BIEN_TEP_DUNG, THU_MUC_TAM
from vanthu.errors import InvalidSetting, Refused, SigningFailed, TransitionRefused
from vanthu.ky_so import BIEN_CAU_HINH, KetLuan
from vanthu.services import xac_minh_pdf
from vanthu.services.so_dang_ky import so_dang_ky
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


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- server-held keys ------------------------------------------------------------------------


def test_an_issue_with_signing_freezes_the_pdf_signed_by_the_approving_leader_then_the_body(
    app: BoDichVu, ky: Path, tmp_path: Path
) -> None:
    key = duyet_xong(app)
    result = app.vong_doi.ban_hanh("vt", str(key))
    assert (result.den, result.ky_so) == (TrangThaiVanBan.da_ban_hanh, "da_ky_so")
    row = _row(app, key)
    signed = Path(row.pdf_duong_dan or "").read_bytes()
    assert row.pdf_sha256 == _sha(signed), "the frozen hash is the signed file's"
    assert (row.ky_so, row.nguoi_ky_so) == ("da_ky_so", "ld")
    checked = xac_minh_pdf(signed)
    assert checked.ket_luan is KetLuan.HOP_LE
    assert [(c.vai_tro, c.nguoi_ky) for c in checked.chu_ky] == [
        ("lanh_dao", "Trần Quốc Nam"),
        ("co_quan", "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"),
    ]
    # Duyệt logged the leader's consent to sign with his server-held key.
    with app.store.transaction() as s:
        consent = s.scalars(
            select(NhatKy.chi_tiet).where(NhatKy.van_ban_id == key, NhatKy.su_kien == "duyet")
        ).one()
    assert consent == {"dong_y_ky_so": "khoa_may_chu", "khoa": "lanh_dao"}

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
def test_a_key_that_cannot_sign_refuses_the_issue_before_a_number_is_taken(
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
    key = duyet_xong(app)
    with pytest.raises(loi, match=noi):
        app.vong_doi.ban_hanh("vt", str(key))
    assert _so_da_lay(app) == (0, [])
    assert _row(app, key).trang_thai == "da_duyet"
    assert _tep_tren_dia(tmp_path / "output") == []


def test_a_certificate_the_roots_do_not_vouch_for_refuses_the_issue_and_takes_no_number(
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
    key = duyet_xong(app)
    with pytest.raises(SigningFailed, match="Kẻ Mạo Danh is not trusted"):
        app.vong_doi.ban_hanh("vt", str(key))
    assert _so_da_lay(app) == (0, [])
    assert _tep_tren_dia(tmp_path / "output") == []
    # Once the key is right, the number taken is the first.
    monkeypatch.setenv(BIEN_CAU_HINH, str(khoa))
    assert app.vong_doi.ban_hanh("vt", str(key)).so_ky_hieu == "01/CĐ-UBND"


# -- two-step signing ------------------------------------------------------------------------


def test_two_step_issue_waits_for_the_leaders_signed_pdf_then_the_body_signs_and_freezes_it(
    app: BoDichVu, hai_buoc: Path, khoa: Path, clock: ManualClock
) -> None:
    key = str(duyet_xong(app))
    waiting = app.vong_doi.ban_hanh("vt", key)
    assert (waiting.den, waiting.ky_so, waiting.so_ky_hieu) == (
        TrangThaiVanBan.cho_ky_so,
        "cho_ky_so",
        "01/CĐ-UBND",
    )
    row = _row(app, int(key))
    assert row.pdf_duong_dan is None and row.pdf_sha256 is None
    with app.store.transaction() as s:  # tasks are followed once it is issued, not before
        assert s.scalars(select(NhiemVuRow).where(NhiemVuRow.van_ban_id == int(key))).all() == []
    prepared = app.vong_doi.ban_chuan_bi("ld", key).read_bytes()
    assert _sha(prepared) == row.ban_chuan_bi_sha256
    with pytest.raises(Refused, match="waits for the signature of 'ld'"):
        app.vong_doi.ban_chuan_bi("cv", key)

    clock.dat("2021-09-13T10:00")
    done = app.vong_doi.nhan_ban_ky("ld", key, cong_cu_lanh_dao(prepared, khoa))
    assert (done.tu, done.den, done.ky_so) == (
        TrangThaiVanBan.cho_ky_so,
        TrangThaiVanBan.da_ban_hanh,
        "da_ky_so",
    )
    row = _row(app, int(key))
    signed = Path(row.pdf_duong_dan or "").read_bytes()
    assert row.pdf_sha256 == _sha(signed) and signed.startswith(prepared)
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
    app.vong_doi.ban_hanh("vt", first)
    app.vong_doi.ban_hanh("vt", second)
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
        app.vong_doi.ban_hanh("vt", str(waiting))
    _tu_choi(app, str(waiting), upload, ".")


@given(tail=st.binary(min_size=1, max_size=2048))
def test_the_prepared_pdf_with_anything_appended_is_refused(
    app: BoDichVu, hai_buoc: Path, tail: bytes
) -> None:
    with app.store.transaction() as s:
        waiting = s.scalars(select(VanBanRow.id).where(VanBanRow.trang_thai == "cho_ky_so")).first()
    if waiting is None:
        waiting = duyet_xong(app)
        app.vong_doi.ban_hanh("vt", str(waiting))
    prepared = app.vong_doi.ban_chuan_bi("vt", str(waiting)).read_bytes()
    _tu_choi(app, str(waiting), prepared + tail, ".")


def test_cancelling_two_step_signing_voids_the_number_which_is_never_taken_again(
    app: BoDichVu, hai_buoc: Path, khoa: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = str(duyet_xong(app))
    app.vong_doi.ban_hanh("vt", key)
    with pytest.raises(TransitionRefused):
        app.vong_doi.huy_ky_so("cv", key)
    result = app.vong_doi.huy_ky_so("ld", key, "Sai trích yếu")
    assert (result.tu, result.den, result.so_ky_hieu) == (
        TrangThaiVanBan.cho_ky_so,
        TrangThaiVanBan.da_duyet,
        "01/CĐ-UBND",
    )
    row = _row(app, int(key))
    assert (row.so, row.so_ky_hieu, row.ky_so, row.ban_chuan_bi_duong_dan) == (None,) * 4
    assert _so_da_lay(app) == (1, [(1, True)])
    assert _tep_tren_dia(tmp_path / "output") == [], "the voided number's files are removed"
    (line,) = so_dang_ky(app.store, 2021)
    assert line[0] == "01" and "Số 01/CĐ-UBND đã hủy (hủy ký số): Sai trích yếu" in line[-1]

    # Issued again (now with a server-held key): the next number, never the voided one.
    monkeypatch.setenv(BIEN_CAU_HINH, str(khoa))
    again = app.vong_doi.ban_hanh("vt", key)
    assert (again.so_ky_hieu, again.ky_so) == ("02/CĐ-UBND", "da_ky_so")
    assert _so_da_lay(app) == (2, [(1, True), (2, False)])


def test_the_signed_upload_is_taken_only_in_its_own_event(app: BoDichVu, hai_buoc: Path) -> None:
    key = str(duyet_xong(app))
    app.vong_doi.ban_hanh("vt", key)
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


@pytest.mark.parametrize("moment", ["ky_so:giua_hai_chu_ky", "ban_hanh:truoc_commit"])
def test_a_signed_issue_killed_before_its_commit_consumes_no_number_and_leaves_no_file(
    app: BoDichVu, db_url: str, ky: Path, tmp_path: Path, moment: str
) -> None:
    key = duyet_xong(app)
    output = tmp_path / "output"
    marker = tmp_path / "dung"
    env = dict(os.environ)
    env.update({"VANTHU_NOW": "2021-09-13T08:30", BIEN_DUNG: moment, BIEN_TEP_DUNG: str(marker)})
    command = [sys.executable, "-m", "vanthu", "--db", db_url, "--as", "vt"]
    command += ["--output-root", str(output), "issue", str(key)]
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
    assert _so_da_lay(app) == (0, [])
    assert _row(app, key).trang_thai == "da_duyet"
    assert [p for p in _tep_tren_dia(output) if THU_MUC_TAM not in p.parts] == []
    # The next issue drops whatever was staged and takes number 01, signed.
    again = app.vong_doi.ban_hanh("vt", str(key))
    assert (again.so_ky_hieu, again.ky_so) == ("01/CĐ-UBND", "da_ky_so")
    assert not (output / THU_MUC_TAM).exists()
