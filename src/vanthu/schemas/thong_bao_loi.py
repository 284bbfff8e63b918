"""Pydantic's errors as Vietnamese sentences a clerk reads: one per error type, with its limits.

Pydantic words its errors in English ("Field required", "Input should be …"); vanthu's users
read Vietnamese. :func:`thong_bao` says the same thing in Vietnamese from the error's ``type``
and ``ctx``; the type itself (a machine-readable code) is never changed. A rule of vanthu's
own (a ``value_error``) is already worded in Vietnamese and is passed through as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .text import loai_gia_tri


def _ctx(loi: Mapping[str, Any], khoa: str) -> Any:
    """A value of the error's context, or ``?`` when pydantic gave none."""
    return (loi.get("ctx") or {}).get(khoa, "?")


def _nhan(loi: Mapping[str, Any]) -> str:
    """What the wrong value is, in words: ``một số``, ``một danh sách`` …"""
    return loai_gia_tri(loi.get("input"))


def _mong_doi(loi: Mapping[str, Any]) -> str:
    """The allowed values pydantic lists (``'a', 'b' or 'c'``), with Vietnamese joining words."""
    expected = str(_ctx(loi, "expected"))
    head, sep, last = expected.rpartition(" or ")
    return f"{head} hoặc {last}" if sep else expected


def _dang_co(loi: Mapping[str, Any]) -> str:
    """How many items were given, when pydantic counted them (not for a mapping)."""
    actual = (loi.get("ctx") or {}).get("actual_length")
    return "" if actual is None else f", đang có {actual}"


def _loi_rieng(loi: Mapping[str, Any]) -> str:
    """A rule of vanthu's own, raised as ValueError or AssertionError: its own words."""
    error = _ctx(loi, "error")
    if error != "?":
        return str(error)
    message = str(loi.get("msg", ""))
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


_THONG_BAO: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "missing": lambda e: "bắt buộc phải có, nhưng chưa được ghi",
    "extra_forbidden": lambda e: "trường này không có trong mẫu văn bản; kiểm tra lại tên trường",
    "value_error": _loi_rieng,
    "assertion_error": _loi_rieng,
    "string_type": lambda e: f"phải là chữ, không phải {_nhan(e)}",
    "string_too_short": lambda e: f"phải có ít nhất {_ctx(e, 'min_length')} ký tự",
    "string_too_long": lambda e: f"tối đa {_ctx(e, 'max_length')} ký tự",
    "string_pattern_mismatch": lambda e: f"không đúng dạng quy định ({_ctx(e, 'pattern')})",
    "too_short": lambda e: f"phải có ít nhất {_ctx(e, 'min_length')} mục{_dang_co(e)}",
    "too_long": lambda e: f"tối đa {_ctx(e, 'max_length')} mục{_dang_co(e)}",
    "int_type": lambda e: f"phải là số nguyên, không phải {_nhan(e)}",
    "int_parsing": lambda e: f"phải là số nguyên, không phải {_nhan(e)}",
    "int_from_float": lambda e: f"phải là số nguyên, không phải {_nhan(e)}",
    "float_type": lambda e: f"phải là một số, không phải {_nhan(e)}",
    "float_parsing": lambda e: f"phải là một số, không phải {_nhan(e)}",
    "finite_number": lambda e: "phải là một số hữu hạn",
    "bool_type": lambda e: f"phải là true hoặc false, không phải {_nhan(e)}",
    "bool_parsing": lambda e: f"phải là true hoặc false, không phải {_nhan(e)}",
    "literal_error": lambda e: f"phải là một trong các giá trị {_mong_doi(e)}",
    "enum": lambda e: f"phải là một trong các giá trị {_mong_doi(e)}",
    "date_type": lambda e: f"phải là ngày viết theo dạng YYYY-MM-DD, không phải {_nhan(e)}",
    "date_parsing": lambda e: "phải là ngày viết theo dạng YYYY-MM-DD",
    "date_from_datetime_parsing": lambda e: "phải là ngày viết theo dạng YYYY-MM-DD",
    "date_from_datetime_inexact": lambda e: "phải là ngày, không kèm giờ (YYYY-MM-DD)",
    "datetime_type": lambda e: f"phải là ngày giờ, không phải {_nhan(e)}",
    "datetime_parsing": lambda e: "phải là ngày giờ viết theo dạng YYYY-MM-DDTHH:MM",
    "time_type": lambda e: f"phải là giờ, không phải {_nhan(e)}",
    "time_parsing": lambda e: "phải là giờ viết theo dạng HH:MM",
    "greater_than": lambda e: f"phải lớn hơn {_ctx(e, 'gt')}",
    "greater_than_equal": lambda e: f"phải lớn hơn hoặc bằng {_ctx(e, 'ge')}",
    "less_than": lambda e: f"phải nhỏ hơn {_ctx(e, 'lt')}",
    "less_than_equal": lambda e: f"phải nhỏ hơn hoặc bằng {_ctx(e, 'le')}",
    "multiple_of": lambda e: f"phải là bội số của {_ctx(e, 'multiple_of')}",
    "dict_type": lambda e: f"phải là một nhóm trường (tên: giá trị), không phải {_nhan(e)}",
    "model_type": lambda e: f"phải là một nhóm trường (tên: giá trị), không phải {_nhan(e)}",
    "model_attributes_type": lambda e: (
        f"phải là một nhóm trường (tên: giá trị), không phải {_nhan(e)}"
    ),
    "list_type": lambda e: f"phải là một danh sách, không phải {_nhan(e)}",
    "tuple_type": lambda e: f"phải là một danh sách, không phải {_nhan(e)}",
    "set_type": lambda e: f"phải là một danh sách, không phải {_nhan(e)}",
    "bytes_type": lambda e: f"phải là dữ liệu nhị phân, không phải {_nhan(e)}",
    "json_invalid": lambda e: f"không phải JSON hợp lệ ({_ctx(e, 'error')})",
    "json_type": lambda e: "phải là chữ chứa JSON",
    "url_parsing": lambda e: "phải là một địa chỉ web (URL) hợp lệ",
    "uuid_parsing": lambda e: "phải là một mã UUID hợp lệ",
    "union_tag_invalid": lambda e: (
        f"loại '{_ctx(e, 'tag')}' không có; phải là một trong các giá trị {_mong_doi(e)}"
    ),
    "union_tag_not_found": lambda e: f"thiếu trường '{_ctx(e, 'discriminator')}' cho biết loại",
    "frozen_instance": lambda e: "không được sửa sau khi đã tạo",
    "frozen_field": lambda e: "không được sửa sau khi đã tạo",
    "none_required": lambda e: "phải để trống",
    "recursion_loop": lambda e: "lồng vào chính nó",
}


def thong_bao(loi: Mapping[str, Any]) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) as a Vietnamese sentence.

    An error type without a sentence of its own is named by its code, so it is never English.
    """
    noi = _THONG_BAO.get(str(loi.get("type", "")))
    if noi is not None:
        return noi(loi)
    return f"giá trị không hợp lệ (mã lỗi: {loi.get('type', '?')})"
