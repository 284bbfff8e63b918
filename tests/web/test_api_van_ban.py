"""The directives API: list, one directive, a draft from the file format, the lifecycle events,
and the status each refusal gets (bearer tokens, SQLite and PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.khach_api import bearer, den_trang_thai, du_thao, du_thao_json
from vanthu.services import TrangThaiVanBan, UngDung

T = TrangThaiVanBan


def test_a_draft_posted_as_the_directive_file_is_stored_and_read_back(
    client: TestClient, ung_dung: UngDung
) -> None:
    cv = bearer(ung_dung, "cv")
    data = du_thao_json()
    created = client.post("/api/van-ban", json=data, headers=cv)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["tu"] is None
    assert body["den"] == {"ma": "du_thao", "label": "dự thảo"}
    shown = client.get(f"/api/van-ban/{body['van_ban_id']}", headers=cv).json()
    assert shown["trang_thai"]["ma"] == "du_thao"
    assert shown["nguoi_soan"] == "cv"
    assert shown["so_ky_hieu"] is None and shown["ngay"] is None
    assert shown["noi_dung"]["trich_yeu"] == data["trich_yeu"]
    assert [e["ma"] for e in shown["su_kien"]] == ["trinh"]
    assert body["canh_bao"] == []


def test_a_draft_with_a_list_split_at_a_comma_is_stored_and_its_warning_named_by_field(
    client: TestClient, ung_dung: UngDung
) -> None:
    cv = bearer(ung_dung, "cv")
    data = du_thao_json()
    data["kinh_gui"] = ["Ủy ban nhân dân các tỉnh", "thành phố"]
    created = client.post("/api/van-ban", json=data, headers=cv)
    assert created.status_code == 201, created.text
    warnings = created.json()["canh_bao"]
    assert [w["where"] for w in warnings] == ["kinh_gui[1]"]
    assert "thành phố" in warnings[0]["message"]


def test_a_draft_breaking_a_rule_is_refused_with_the_checks_message_and_field(
    client: TestClient, ung_dung: UngDung
) -> None:
    cv = bearer(ung_dung, "cv")
    data = du_thao_json()
    data["so"] = 12
    data["ngay"] = "2021-09-12"
    numbered = client.post("/api/van-ban", json=data, headers=cv)
    assert numbered.status_code == 422
    assert "a draft has no number or date" in numbered.json()["detail"]
    data = du_thao_json()
    data["loai"] = "khong_co"
    wrong = client.post("/api/van-ban", json=data, headers=cv)
    assert wrong.status_code == 422
    assert wrong.json()["detail"].startswith("request body: ")
    assert "loai" in wrong.json()["detail"]
    too_big = client.post("/api/van-ban", json={**du_thao_json(), "x": "a" * 600_000}, headers=cv)
    assert too_big.status_code == 422
    assert "lớn hơn 524,288 byte" in too_big.json()["detail"]
    not_a_mapping = client.post("/api/van-ban", json=["loai"], headers=cv)
    assert not_a_mapping.status_code == 422
    assert "tệp văn bản phải là một nhóm trường (tên: giá trị)" in not_a_mapping.json()["detail"]
    assert client.get("/api/van-ban", headers=cv).json() == []


def test_a_user_who_does_not_draft_is_refused_403(client: TestClient, ung_dung: UngDung) -> None:
    response = client.post("/api/van-ban", json=du_thao_json(), headers=bearer(ung_dung, "vt"))
    assert response.status_code == 403
    assert response.json() == {"detail": "user 'vt': a van_thu does not draft directives"}


def test_the_list_filters_by_state_and_searches_without_diacritics(
    client: TestClient, ung_dung: UngDung
) -> None:
    xanh = du_thao(ung_dung, trich_yeu="Về việc tiếp tục phát huy hiệu quả “vùng xanh”")
    dong = du_thao(ung_dung, trich_yeu="Về việc phòng, chống dịch tại Đồng Nai")
    ung_dung.trinh("cv", str(dong))
    headers = bearer(ung_dung, "ld")

    def ids(**params: object) -> list[int]:
        response = client.get("/api/van-ban", params=params, headers=headers)
        assert response.status_code == 200, response.text
        return [row["id"] for row in response.json()]

    assert ids() == [dong, xanh]
    assert ids(tim="vung xanh") == [xanh]
    assert ids(trang_thai="cho_duyet") == [dong]
    assert ids(trang_thai=["du_thao", "cho_duyet"]) == [dong, xanh]
    assert ids(trang_thai="da_ban_hanh", tim="dong nai") == []
    row = client.get("/api/van-ban", params={"tim": "dong nai"}, headers=headers).json()[0]
    assert row["trang_thai"] == {"ma": "cho_duyet", "label": "chờ duyệt"}
    assert row["so_ky_hieu"] is None
    assert (
        client.get("/api/van-ban", params={"trang_thai": "x"}, headers=headers).status_code == 422
    )


def test_a_directive_goes_through_its_life_over_the_api(
    client: TestClient, ung_dung: UngDung
) -> None:
    cv, ld, vt = (bearer(ung_dung, ten) for ten in ("cv", "ld", "vt"))
    key = client.post("/api/van-ban", json=du_thao_json(), headers=cv).json()["van_ban_id"]
    base = f"/api/van-ban/{key}"

    def post(path: str, headers: dict[str, str], body: object = None) -> dict[str, object]:
        response = client.post(base + path, json=body, headers=headers)
        assert response.status_code == 200, (path, response.text)
        result: dict[str, object] = response.json()
        return result

    assert post("/trinh", cv)["den"] == {"ma": "cho_duyet", "label": "chờ duyệt"}
    returned = post("/tra-lai", ld, {"ly_do": "Bổ sung căn cứ"})
    assert returned["tu"] == {"ma": "cho_duyet", "label": "chờ duyệt"}
    assert client.get(base, headers=cv).json()["ly_do"] == "Bổ sung căn cứ"
    post("/trinh", cv)
    post("/duyet", ld)
    issued = post("/ban-hanh", vt)
    assert issued["so_ky_hieu"] == "01/CĐ-UBND"
    assert sorted(str(name).rsplit(".", 1)[1] for name in issued["tep"]) == ["docx", "pdf"]
    assert all("/" not in str(name) for name in issued["tep"])
    shown = client.get(base, headers=vt).json()
    assert shown["ngay"] == "2021-09-12" and shown["da_ban_hanh"] is True
    distributed = post("/phat-hanh", vt)
    assert distributed["xong"] is True and distributed["tong"] == distributed["gui_moi"] > 0
    post("/theo-doi", vt)
    assert post("/hoan-thanh", ld)["den"] == {"ma": "hoan_thanh", "label": "hoàn thành"}
    newer = den_trang_thai(ung_dung, T.da_ban_hanh)
    assert post("/thay-the", vt, {"thay_bang": str(newer)})["den"]["ma"] == "thay_the"  # type: ignore[index]
    recalled = client.post(f"/api/van-ban/{newer}/thu-hoi", json={"ly_do": "Sai"}, headers=ld)
    assert recalled.status_code == 200
    assert recalled.json()["den"]["ma"] == "thu_hoi"


def test_each_refusal_has_its_status_and_the_clis_message(
    client: TestClient, ung_dung: UngDung
) -> None:
    cv, ld = bearer(ung_dung, "cv"), bearer(ung_dung, "ld")
    draft = du_thao(ung_dung)
    # Wrong state: 409.
    early = client.post(f"/api/van-ban/{draft}/duyet", headers=ld)
    assert early.status_code == 409
    assert early.json()["detail"] == (
        f"user 'ld' on directive #{draft}: không được 'duyệt' khi đang ở trạng thái 'dự thảo' "
        "với vai trò 'lãnh đạo': không làm được ở trạng thái này; chỉ làm được khi: chờ duyệt"
    )
    # A leader may submit, but only their own draft: the actor is refused, 403.
    foreign = client.post(f"/api/van-ban/{draft}/trinh", headers=ld)
    assert foreign.status_code == 403
    assert "only its drafter 'cv' submits it" in foreign.json()["detail"]
    ung_dung.trinh("cv", str(draft))
    # No reason to return it: 422, and nothing changed.
    for body in ({}, {"ly_do": "   "}):
        bare = client.post(f"/api/van-ban/{draft}/tra-lai", json=body, headers=ld)
        assert bare.status_code == 422
        assert bare.json()["detail"].endswith("phải ghi lý do (ly_do)")
    assert ung_dung.xem_van_ban(str(draft)).trang_thai is T.cho_duyet
    # Unknown directive: 404.
    missing = client.post("/api/van-ban/999999/trinh", headers=cv)
    assert missing.status_code == 404
    assert missing.json() == {"detail": "không tìm thấy văn bản '999999'"}
    assert client.get("/api/van-ban/999999", headers=cv).status_code == 404
    # A replacement that is not in force: 403 with the rule.
    issued = den_trang_thai(ung_dung, T.da_ban_hanh)
    bad = client.post(
        f"/api/van-ban/{issued}/thay-the",
        json={"thay_bang": str(draft)},
        headers=bearer(ung_dung, "vt"),
    )
    assert bad.status_code == 403
    assert "only an issued directive in force" in bad.json()["detail"]
