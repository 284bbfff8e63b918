"""Ký số over the API (#10), on SQLite and PostgreSQL: Duyệt signed with the leader's
server-held key, the issue's two verified signatures; two-step signing — Duyệt leaves the
prepared PDF, the signed one comes back as the body, a refused one, cancelling, chuẩn bị ký số
— and who may do each."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.services.ky_so_chung import cong_cu_lanh_dao
from tests.web.conftest import ngoai_vong_lap
from tests.web.khach_api import LANH_DAO_2, bearer, den_trang_thai, them_lanh_dao_2
from vanthu.services import TrangThaiVanBan, UngDung

T = TrangThaiVanBan
PDF = {"Content-Type": "application/pdf"}


def test_an_issue_signed_with_the_server_held_key_reports_its_two_verified_signatures(
    client: TestClient, ung_dung: UngDung, ky_may_chu: Path
) -> None:
    vt = bearer(ung_dung, "vt")
    key = den_trang_thai(ung_dung, T.cho_duyet)
    approved = client.post(f"/api/van-ban/{key}/duyet", headers=bearer(ung_dung, "ld"))
    assert (approved.json()["den"]["ma"], approved.json()["ky_so"]) == (
        "da_duyet",
        "lanh_dao_da_ky",
    )
    issued = client.post(f"/api/van-ban/{key}/ban-hanh", headers=vt)
    assert issued.status_code == 200, issued.text
    assert (issued.json()["den"]["ma"], issued.json()["ky_so"]) == ("da_ban_hanh", "da_ky_so")
    shown = client.get(f"/api/van-ban/{key}", headers=vt).json()
    assert (shown["ky_so"], shown["nguoi_ky_so"], shown["da_ban_hanh"]) == ("da_ky_so", "ld", True)
    checked = client.get(f"/api/van-ban/{key}/chu-ky", headers=vt).json()
    assert (checked["hop_le"], checked["ket_luan"]) == (True, "hop_le")
    assert [(c["vai_tro"], c["nguoi_ky"]) for c in checked["chu_ky"]] == [
        ("lanh_dao", "Trần Quốc Nam"),
        ("co_quan", "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"),
    ]


def test_an_unsigned_issue_says_so_and_has_no_signatures(
    client: TestClient, ung_dung: UngDung
) -> None:
    vt = bearer(ung_dung, "vt")
    key = den_trang_thai(ung_dung, T.da_ban_hanh)
    checked = client.get(f"/api/van-ban/{key}/chu-ky", headers=vt).json()
    assert checked == {
        "ky_so": "chua_ky_so",
        "hop_le": None,
        "ket_luan": None,
        "loi": None,
        "chu_ky": [],
    }


def test_two_step_signing_over_the_api_prepared_pdf_signed_upload_refusal_and_cancel(
    client: TestClient, ung_dung: UngDung, ky_hai_buoc: Path, khoa: Path
) -> None:
    vt, ld = bearer(ung_dung, "vt"), bearer(ung_dung, "ld")
    key = den_trang_thai(ung_dung, T.cho_duyet)
    base = f"/api/van-ban/{key}"
    waiting = client.post(f"{base}/duyet", headers=ld).json()
    assert (waiting["den"]["ma"], waiting["ky_so"], waiting["so_ky_hieu"]) == (
        "cho_ky_so",
        "cho_ky_so",
        None,
    )
    shown = client.get(base, headers=ld).json()
    assert (shown["da_ban_hanh"], shown["ky_so"]) == (False, "cho_ky_so")
    assert {e["ma"] for e in shown["su_kien"]} == {"ky_so", "huy_ky_so"}
    listed = client.get("/api/van-ban", params={"trang_thai": "cho_ky_so"}, headers=ld).json()
    assert [r["id"] for r in listed] == [key]

    prepared = client.get(f"{base}/ban-chuan-bi", headers=ld)
    assert prepared.status_code == 200 and prepared.headers["content-type"] == "application/pdf"
    refused = client.post(f"{base}/ky-so", content=prepared.content, headers=ld | PDF)
    assert refused.status_code == 422
    assert refused.json()["detail"].startswith("two-step signing: not the prepared document")
    assert ung_dung.xem_van_ban(str(key)).trang_thai is T.cho_ky_so

    signed = ngoai_vong_lap(cong_cu_lanh_dao, prepared.content, khoa)
    accepted = client.post(f"{base}/ky-so", content=signed, headers=ld | PDF)
    assert accepted.status_code == 200, accepted.text
    assert (accepted.json()["den"]["ma"], accepted.json()["ky_so"]) == (
        "da_duyet",
        "lanh_dao_da_ky",
    )
    # Nothing waits any more: no prepared PDF (404), no second upload (409).
    assert client.get(f"{base}/ban-chuan-bi", headers=ld).status_code == 404
    assert client.post(f"{base}/ky-so", content=signed, headers=ld | PDF).status_code == 409
    issued = client.post(f"{base}/ban-hanh", headers=vt).json()
    assert (issued["den"]["ma"], issued["ky_so"], issued["so_ky_hieu"]) == (
        "da_ban_hanh",
        "da_ky_so",
        "01/CĐ-UBND",
    )
    checked = client.get(f"{base}/chu-ky", headers=ld).json()
    assert checked["hop_le"] is True and len(checked["chu_ky"]) == 2

    # Another directive waiting: the văn thư cancels it, no number was ever taken; chuẩn bị
    # ký số hands the leader a fresh prepared PDF.
    other = den_trang_thai(ung_dung, T.cho_duyet)
    client.post(f"/api/van-ban/{other}/duyet", headers=ld)
    cancelled = client.post(
        f"/api/van-ban/{other}/huy-ky-so", json={"ly_do": "Sai trích yếu"}, headers=vt
    )
    assert cancelled.status_code == 200
    assert (cancelled.json()["den"]["ma"], cancelled.json()["so_ky_hieu"]) == ("da_duyet", None)
    again = client.post(f"/api/van-ban/{other}/chuan-bi-ky", headers=ld)
    assert again.status_code == 200, again.text
    assert (again.json()["den"]["ma"], again.json()["ky_so"]) == ("cho_ky_so", "cho_ky_so")
    assert [line[0] for line in ung_dung.so_dang_ky(2021)] == ["01/CĐ-UBND"], "one number taken"


def test_only_a_van_thu_or_the_awaited_leader_handles_a_waiting_signature_over_the_api(
    client: TestClient, ung_dung: UngDung, ky_hai_buoc: Path
) -> None:
    them_lanh_dao_2(ung_dung)
    key = den_trang_thai(ung_dung, T.cho_ky_so)
    base = f"/api/van-ban/{key}"
    for user, detail in (
        ("cv", "với vai trò 'chuyên viên'"),
        (LANH_DAO_2, "waits for the signature of 'ld'"),
        ("syt", "Tài khoản của đơn vị nhận"),
    ):
        headers = bearer(ung_dung, user)
        prepared = client.get(f"{base}/ban-chuan-bi", headers=headers)
        assert prepared.status_code == 403, user
        upload = client.post(f"{base}/ky-so", content=b"%PDF-1.7\n", headers=headers | PDF)
        assert upload.status_code == 403, user
        assert detail in upload.json()["detail"]
        cancel = client.post(f"{base}/huy-ky-so", json={"ly_do": "x"}, headers=headers)
        assert cancel.status_code == 403, user
    vb = ung_dung.xem_van_ban(str(key))
    assert (vb.trang_thai, vb.so_ky_hieu) == (T.cho_ky_so, None)
    chuan_bi = client.post(f"/api/van-ban/{key}/chuan-bi-ky", headers=bearer(ung_dung, "vt"))
    assert chuan_bi.status_code == 409, "already waiting"
