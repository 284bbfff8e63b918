"""Recipients, acknowledgement and report by the slip's token, and the register, over the API."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.khach_api import bearer, den_trang_thai, ma_xac_nhan
from vanthu.schemas.gioi_han import TEP_BAO_CAO_TOI_DA
from vanthu.services import TrangThaiVanBan, UngDung

PDF = b"%PDF-1.4\n% bao cao\n%%EOF\n"


def test_the_recipients_and_their_states_follow_an_acknowledgement_by_token(
    client: TestClient, ung_dung: UngDung, db_url: str
) -> None:
    issued = den_trang_thai(ung_dung, TrangThaiVanBan.da_phat_hanh)
    vt, syt = bearer(ung_dung, "vt"), bearer(ung_dung, "syt")
    table = client.get(f"/api/van-ban/{issued}/noi-nhan", headers=vt).json()
    assert table["trang_thai"] == {"ma": "da_phat_hanh", "label": "đã phát hành"}
    assert table["tong"]["noi_nhan"] == table["tong"]["da_gui"] == len(table["noi_nhan"]) > 1
    assert table["tong"]["da_nhan"] == 0
    syt_line = next(r for r in table["noi_nhan"] if r["ma"] == "SYT")
    assert syt_line["trang_thai"]["ma"] == "da_gui" and syt_line["nhan_luc"] is None

    token = ma_xac_nhan(db_url, issued, "SYT")
    acked = client.post("/api/xac-nhan", json={"ma_xac_nhan": token}, headers=syt)
    assert acked.status_code == 200, acked.text
    assert acked.json()["ma_co_quan"] == "SYT" and acked.json()["da_co"] is False
    assert acked.json()["nhan_luc"].startswith("2021-09-12T09:00:00")
    again = client.post("/api/xac-nhan", json={"ma_xac_nhan": token}, headers=syt)
    assert again.json()["da_co"] is True
    table = client.get(f"/api/van-ban/{issued}/noi-nhan", headers=vt).json()
    assert table["tong"]["da_nhan"] == 1
    syt_line = next(r for r in table["noi_nhan"] if r["ma"] == "SYT")
    assert syt_line["trang_thai"] == {"ma": "da_nhan", "label": "đã nhận"}

    # Another body's account may not use this slip; an unknown token is 404.
    foreign = client.post(
        "/api/xac-nhan", json={"ma_xac_nhan": token}, headers=bearer(ung_dung, "snv")
    )
    assert foreign.status_code == 403
    assert foreign.json()["detail"] == "người dùng 'snv': làm thay 'SNV', không phải 'SYT'"
    unknown = client.post("/api/xac-nhan", json={"ma_xac_nhan": "abc123"}, headers=syt)
    assert unknown.status_code == 404
    assert client.get("/api/van-ban/999999/noi-nhan", headers=vt).status_code == 404


def test_a_report_by_token_is_stored_hashed_and_its_upload_removed(
    client: TestClient,
    ung_dung: UngDung,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uploads = tmp_path / "tam"
    uploads.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(uploads))
    issued = den_trang_thai(ung_dung, TrangThaiVanBan.da_phat_hanh)
    token = ma_xac_nhan(db_url, issued, "SYT")
    syt = bearer(ung_dung, "syt")
    sent = client.post(
        "/api/bao-cao",
        data={"ma_xac_nhan": token, "so_ky_hieu_tra_loi": "15/BC-SYT"},
        files={"tep": ("bao-cao.pdf", PDF, "application/pdf")},
        headers=syt,
    )
    assert sent.status_code == 200, sent.text
    assert sent.json() == {
        "so_ky_hieu_tra_loi": "15/BC-SYT",
        "sha256": hashlib.sha256(PDF).hexdigest(),
    }
    assert list(uploads.iterdir()) == []
    line = next(
        r
        for r in client.get(f"/api/van-ban/{issued}/noi-nhan", headers=syt).json()["noi_nhan"]
        if r["ma"] == "SYT"
    )
    assert line["trang_thai"]["ma"] == "da_bao_cao" and line["bao_cao_luc"] is not None

    for name, content, message in (
        ("bao-cao.exe", b"MZ\x90\x00 a program", "không phải tài liệu PDF hay DOCX"),
        ("bao-cao.pdf", b"MZ not a pdf", "không phải tài liệu PDF hay DOCX"),
        ("bao-cao.docx", b"PK\x03\x04 not a zip", "không phải tài liệu PDF hay DOCX"),
        ("bao-cao.pdf", b"", "không phải tài liệu PDF hay DOCX"),
    ):
        refused = client.post(
            "/api/bao-cao",
            data={"ma_xac_nhan": token, "so_ky_hieu_tra_loi": "16/BC-SYT"},
            files={"tep": (name, content, "application/octet-stream")},
            headers=syt,
        )
        assert refused.status_code == 422, name
        assert message in refused.json()["detail"]
    assert list(uploads.iterdir()) == []
    foreign = client.post(
        "/api/bao-cao",
        data={"ma_xac_nhan": token, "so_ky_hieu_tra_loi": "1/BC"},
        headers=bearer(ung_dung, "snv"),
    )
    assert foreign.status_code == 403


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_report_file_over_the_limit_is_refused_and_not_kept(
    client: TestClient,
    ung_dung: UngDung,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uploads = tmp_path / "tam"
    uploads.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(uploads))
    issued = den_trang_thai(ung_dung, TrangThaiVanBan.da_phat_hanh)
    refused = client.post(
        "/api/bao-cao",
        data={"ma_xac_nhan": ma_xac_nhan(db_url, issued, "SYT"), "so_ky_hieu_tra_loi": "1/BC"},
        files={"tep": ("bao-cao.pdf", PDF + b"0" * TEP_BAO_CAO_TOI_DA, "application/pdf")},
        headers=bearer(ung_dung, "syt"),
    )
    assert refused.status_code == 422
    assert f"hơn {TEP_BAO_CAO_TOI_DA} byte" in refused.json()["detail"]
    assert list(uploads.iterdir()) == []
    assert ung_dung.trang_thai(str(issued)).tong()["da_bao_cao"] == 0


def test_the_register_lists_the_numbers_of_a_year(client: TestClient, ung_dung: UngDung) -> None:
    issued = den_trang_thai(ung_dung, TrangThaiVanBan.da_ban_hanh)
    vt = bearer(ung_dung, "vt")
    rows = client.get("/api/so-dang-ky/2021", headers=vt)
    assert rows.status_code == 200, rows.text
    [line] = rows.json()
    assert line["so_ky_hieu"] == ung_dung.xem_van_ban(str(issued)).so_ky_hieu
    assert line["ngay"] == "2021-09-12"
    assert line["loai_trich_yeu"].startswith("Công điện: ")
    assert client.get("/api/so-dang-ky/2022", headers=vt).json() == []
    wrong = client.get("/api/so-dang-ky/1800", headers=vt)
    assert wrong.status_code == 422
    assert "1800" in wrong.json()["detail"]
