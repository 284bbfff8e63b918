"""A request FastAPI refuses before vanthu sees it: its 422 in Vietnamese, structure unchanged."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.tieng_anh import tu_tieng_anh
from tests.web.khach_api import bearer
from vanthu.services import UngDung


def test_a_wrong_query_value_is_refused_in_vietnamese_naming_its_parameter(
    client: TestClient, ung_dung: UngDung
) -> None:
    headers = bearer(ung_dung, "cv")
    refused = client.get("/api/van-ban", params={"trang_thai": "x"}, headers=headers)
    assert refused.status_code == 422
    [error] = refused.json()["detail"]
    assert error["loc"] == ["query", "trang_thai", 0]
    assert error["type"] == "enum"  # pydantic's code, unchanged
    assert error["msg"].startswith("phải là một trong các giá trị 'du_thao'")
    assert not tu_tieng_anh(error["msg"]), error["msg"]


def test_a_query_over_its_length_and_a_path_that_is_no_number_are_said_in_vietnamese(
    client: TestClient, ung_dung: UngDung
) -> None:
    headers = bearer(ung_dung, "cv")
    long = client.get("/api/van-ban", params={"tim": "x" * 201}, headers=headers)
    assert long.status_code == 422
    [error] = long.json()["detail"]
    assert (error["loc"], error["type"]) == (["query", "tim"], "string_too_long")
    assert error["msg"] == "tối đa 200 ký tự"
    for response in (long, client.get("/api/van-ban/abc", headers=headers)):
        for item in response.json()["detail"]:
            assert {"loc", "type", "msg"} <= set(item)
            assert not tu_tieng_anh(item["msg"]), item
