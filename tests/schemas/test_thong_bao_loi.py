"""Pydantic's errors said in Vietnamese: each type a sentence with its limits, codes unchanged."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tests.tieng_anh import la_tieng_viet, tu_tieng_anh
from vanthu.schemas.thong_bao_loi import thong_bao


class _Mau(StrEnum):
    a = "a"
    b = "b"


class _Thu(BaseModel):
    model_config = ConfigDict(extra="forbid")

    chu: str = Field(default="x", max_length=3)
    so: int = Field(default=1, ge=1, le=9)
    so_lon: int = Field(default=5, gt=0, lt=10)
    dung_sai: bool = False
    ngay: dt.date = dt.date(2021, 1, 1)
    loai: Literal["x", "y"] = "x"
    mau: _Mau = _Mau.a
    ds: list[int] = Field(default_factory=list, max_length=2)
    bat_buoc: str


def _loi(**data: Any) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        _Thu.model_validate({"bat_buoc": "x", **data})
    [error] = caught.value.errors(include_url=False)
    return dict(error)


@pytest.mark.parametrize(
    ("data", "kind", "said"),
    [
        ({"chu": "abcd"}, "string_too_long", "tối đa 3 ký tự"),
        ({"chu": 5}, "string_type", "phải là chữ, không phải một số"),
        ({"so": "x"}, "int_parsing", "phải là số nguyên, không phải chữ"),
        ({"so": 0}, "greater_than_equal", "phải lớn hơn hoặc bằng 1"),
        ({"so": 10}, "less_than_equal", "phải nhỏ hơn hoặc bằng 9"),
        ({"so_lon": 0}, "greater_than", "phải lớn hơn 0"),
        ({"so_lon": 10}, "less_than", "phải nhỏ hơn 10"),
        ({"dung_sai": "có lẽ"}, "bool_parsing", "phải là true hoặc false"),
        ({"ngay": "13/09/2021"}, "date_from_datetime_parsing", "YYYY-MM-DD"),
        ({"loai": "z"}, "literal_error", "phải là một trong các giá trị 'x' hoặc 'y'"),
        ({"mau": "c"}, "enum", "phải là một trong các giá trị 'a' hoặc 'b'"),
        ({"ds": [1, 2, 3]}, "too_long", "tối đa 2 mục, đang có 3"),
        ({"ds": 5}, "list_type", "phải là một danh sách, không phải một số"),
        ({"la": 1}, "extra_forbidden", "trường này không có trong mẫu văn bản"),
    ],
)
def test_each_pydantic_error_type_is_a_vietnamese_sentence_with_its_limit(
    data: dict[str, Any], kind: str, said: str
) -> None:
    error = _loi(**data)
    assert error["type"] == kind  # the machine-readable code is pydantic's own
    message = thong_bao(error)
    assert said in message
    assert la_tieng_viet(message), tu_tieng_anh(message)
    assert message != error["msg"]


def test_a_missing_field_is_said_to_be_required() -> None:
    with pytest.raises(ValidationError) as caught:
        _Thu.model_validate({})
    [error] = caught.value.errors(include_url=False)
    assert error["type"] == "missing"
    assert thong_bao(error) == "bắt buộc phải có, nhưng chưa được ghi"


def test_a_rule_of_vanthus_own_is_passed_through_without_pydantics_prefix() -> None:
    error = {"type": "value_error", "msg": "Value error, không được để trống", "ctx": {}}
    assert thong_bao(error) == "không được để trống"


def test_an_error_type_without_a_sentence_is_named_by_its_code_never_in_english() -> None:
    message = thong_bao({"type": "uuid_version", "msg": "UUID version 4 expected"})
    assert message == "giá trị không hợp lệ (mã lỗi: uuid_version)"
    assert la_tieng_viet(message)
