"""The folder channel: a body's folder whole with its slip, checked for mail, and the manifest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from vanthu.delivery.ghi_tep import KhuTam
from vanthu.delivery.thu_muc import (
    BAN_KE,
    PHIEU_GUI,
    DongBanKe,
    day_du,
    ghi_ban_ke,
    ghi_ban_sao,
    ten_thu_muc,
    thu_muc_co_quan,
)
from vanthu.errors import Refused


@pytest.fixture
def ban_goc(tmp_path: Path) -> list[Path]:
    """The issued DOCX and PDF, outside the directive's folder."""
    issued = tmp_path / "ban-goc"
    issued.mkdir()
    docx, pdf = issued / "01-CĐ-UBND.docx", issued / "01-CĐ-UBND.pdf"
    docx.write_bytes(b"docx bytes")
    pdf.write_bytes(b"%PDF-1.7 bytes")
    return [docx, pdf]


def test_a_body_folder_holds_the_identical_issued_files_and_its_slip(
    tmp_path: Path, ban_goc: list[Path]
) -> None:
    folder = tmp_path / "2021" / "01-CĐ-UBND"
    with KhuTam.mo(folder) as khu:
        target = thu_muc_co_quan(folder, "SYT")
        ghi_ban_sao(target, ban_goc, b"%PDF slip", khu)
    assert sorted(p.name for p in target.iterdir()) == sorted(
        [*(p.name for p in ban_goc), PHIEU_GUI]
    )
    assert all((target / p.name).read_bytes() == p.read_bytes() for p in ban_goc)
    assert (target / PHIEU_GUI).read_bytes() == b"%PDF slip"
    assert day_du(folder, "SYT", ban_goc)
    assert not (folder / KhuTam.TEN).exists()  # the scratch folder is gone


def test_a_folder_missing_its_slip_or_a_code_that_cannot_name_one_is_not_whole(
    tmp_path: Path, ban_goc: list[Path]
) -> None:
    folder = tmp_path / "out"
    with KhuTam.mo(folder) as khu:
        ghi_ban_sao(thu_muc_co_quan(folder, "SYT"), ban_goc, b"slip", khu)
    (folder / "SYT" / PHIEU_GUI).unlink()
    assert not day_du(folder, "SYT", ban_goc)
    assert not day_du(folder, "..", ban_goc)
    assert not day_du(folder, "STC", ban_goc)


def test_a_code_that_cannot_name_a_folder_is_refused_and_has_no_folder_name() -> None:
    with pytest.raises(Refused, match="directory code"):
        thu_muc_co_quan(Path("/tmp/x"), "../SYT")
    assert ten_thu_muc("..") is None
    assert ten_thu_muc("SYT") == "SYT"


def test_the_manifest_lists_each_issued_file_with_its_sha256_and_each_body(
    tmp_path: Path, ban_goc: list[Path]
) -> None:
    folder = tmp_path / "out"
    lines = [
        DongBanKe("SYT", "Sở Y tế", "VB1-SYT", "da_gui", "syt@example.vn"),
        DongBanKe("..", "Bad", "VB1-..", "cho_gui", None),
    ]
    with KhuTam.mo(folder) as khu:
        ghi_ban_ke(folder, ban_goc, lines, khu)
    manifest = json.loads((folder / BAN_KE).read_text(encoding="utf-8"))
    assert manifest["van_ban"] == [
        {"tep": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in ban_goc
    ]
    assert manifest["noi_nhan"][0] == {
        "ma": "SYT",
        "ten": "Sở Y tế",
        "ma_theo_doi": "VB1-SYT",
        "trang_thai": "da_gui",
        "thu_muc": "SYT",
        "email": "syt@example.vn",
    }
    assert manifest["noi_nhan"][1]["thu_muc"] is None
