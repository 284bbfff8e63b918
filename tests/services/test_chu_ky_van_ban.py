"""The signatures of an issued directive, verified for the desk (#10): a verification is
reused while the file and the trust roots are the ones it was made with."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.services.conftest import duyet_xong
from tests.services.ky_so_chung import bo_khoa
from vanthu.ky_so import BIEN_CAU_HINH, KetLuan, doc_cau_hinh_ky
from vanthu.services.chu_ky_van_ban import xac_minh_ban_hanh
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import VanBanRow


@pytest.fixture(scope="module")
def khoa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bo_khoa(tmp_path_factory.mktemp("ky_so"))


@pytest.fixture(scope="module")
def khoa_la(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bo_khoa(tmp_path_factory.mktemp("ky_so_la"), nguoi_ky="Kẻ Mạo Danh")


def _ban_hanh(app: BoDichVu, khoa: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, Path]:
    monkeypatch.setenv(BIEN_CAU_HINH, str(khoa))
    key = duyet_xong(app)
    app.vong_doi.ban_hanh("vt", str(key))
    with app.store.transaction() as s:
        row = s.get(VanBanRow, key)
        assert row is not None
        return key, Path(row.pdf_duong_dan or "")


def test_a_second_view_reuses_the_verification_and_other_trust_roots_verify_again(
    app: BoDichVu, khoa: Path, khoa_la: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key, _ = _ban_hanh(app, khoa, monkeypatch)
    config = doc_cau_hinh_ky(khoa)
    first = xac_minh_ban_hanh(app.store, app.thu_muc, str(key), config)
    assert first is not None and first.ket_luan is KetLuan.HOP_LE
    assert xac_minh_ban_hanh(app.store, app.thu_muc, str(key), config) is first

    # The same configuration whose root file now holds another CA: verified anew, untrusted.
    roots = tmp_path / "goc"
    shutil.copytree(khoa.parent, roots)
    other = doc_cau_hinh_ky(roots / khoa.name)
    for mine, theirs in zip(other.tin_cay, doc_cau_hinh_ky(khoa_la).tin_cay, strict=True):
        mine.write_bytes(theirs.read_bytes())
    again = xac_minh_ban_hanh(app.store, app.thu_muc, str(key), other)
    assert again is not None and again.ket_luan is KetLuan.KHONG_TIN_CAY


def test_a_signed_file_changed_on_disk_after_a_view_is_reported_altered_on_the_next(
    app: BoDichVu, khoa: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key, pdf = _ban_hanh(app, khoa, monkeypatch)
    config = doc_cau_hinh_ky(khoa)
    first = xac_minh_ban_hanh(app.store, app.thu_muc, str(key), config)
    assert first is not None and first.ket_luan is KetLuan.HOP_LE
    pdf.write_bytes(pdf.read_bytes() + b"\n%")
    later = xac_minh_ban_hanh(app.store, app.thu_muc, str(key), config)
    assert later is not None and later.ket_luan is KetLuan.BI_SUA
