"""The API is described by OpenAPI: every route of the API's routers, and the draft's model."""

from __future__ import annotations

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from vanthu.web.api import ky_so, noi_nhan, so_dang_ky, van_ban, xac_nhan

ROUTERS = (van_ban.router, noi_nhan.router, so_dang_ky.router, xac_nhan.router, ky_so.router)


def test_openapi_lists_every_api_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    routes = {
        (route.path, method.lower())
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in route.methods
    }
    listed = {
        (path, method)
        for path, item in spec["paths"].items()
        if path.startswith("/api/")
        for method in item
    }
    assert listed == routes
    assert len(routes) == 22
    for path, method in routes:
        assert spec["paths"][path][method]["summary"], path


def test_a_draft_is_described_by_the_directive_files_own_model(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    body = spec["paths"]["/api/van-ban"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["$ref"] == "#/components/schemas/VanBan"
    model = spec["components"]["schemas"]["VanBan"]
    assert {"loai", "trich_yeu", "noi_nhan", "so", "ngay"} <= set(model["properties"])
    refused = spec["paths"]["/api/van-ban/{van_ban_id}/duyet"]["post"]["responses"]
    assert {"200", "401", "403", "404", "409", "422"} <= set(refused)


def test_the_api_description_lists_no_html_page(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert paths and all(path.startswith("/api/") for path in paths)


def test_the_signature_check_is_described_as_a_multipart_upload_answering_the_verify_json(
    client: TestClient,
) -> None:
    spec = client.get("/api/openapi.json").json()
    op = spec["paths"]["/api/kiem-tra-chu-ky"]["post"]
    body = op["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert body["properties"]["tep"]["format"] == "binary" and body["required"] == ["tep"]
    assert {"200", "401", "413", "422", "503"} <= set(op["responses"])
    model = spec["components"]["schemas"]["KetQuaXacMinhApi"]
    assert set(model["properties"]) == {
        "ket_luan", "chu_ky", "chi_tiet", "goc_tin_cay", "hop_le", "loi"
    }  # fmt: skip


def test_the_signed_pdf_is_sent_as_the_body_and_the_prepared_one_answered_as_a_pdf(
    client: TestClient,
) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    upload = paths["/api/van-ban/{van_ban_id}/ky-so"]["post"]
    assert upload["requestBody"]["content"] == {
        "application/pdf": {"schema": {"type": "string", "format": "binary"}}
    }
    assert {"200", "403", "409", "422"} <= set(upload["responses"])
    download = paths["/api/van-ban/{van_ban_id}/ban-chuan-bi"]["get"]
    assert "application/pdf" in download["responses"]["200"]["content"]
