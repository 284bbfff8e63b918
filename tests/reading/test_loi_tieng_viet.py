"""Whatever wrong value a clerk writes in a directive file, he is told in Vietnamese, by field."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import HOM_NAY, NINH_THUAN
from tests.tieng_anh import tu_tieng_anh
from vanthu.errors import InvalidDirective
from vanthu.reading.van_ban import doc_tep

_GOC: dict[str, Any] = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
#: Every field of the example, top level and the signer's: (path, as a field path).
_TRUONG = sorted(
    [((k,), k) for k in _GOC] + [(("nguoi_ky", k), f"nguoi_ky.{k}") for k in _GOC["nguoi_ky"]]
)

_SAI = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.text(max_size=12),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _voi(path: tuple[str, ...], value: object) -> dict[str, Any]:
    data = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    holder = data
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    return data


def _doc(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The problems (where, message) reading the data as a YAML file gives; none if it passes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "van-ban.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            doc_tep(path, HOM_NAY)
        except InvalidDirective as error:
            return [(p.where, p.message) for p in error.problems]
    return []


@given(truong=st.sampled_from(_TRUONG), value=_SAI)
def test_a_wrong_value_in_any_field_is_refused_in_vietnamese_naming_that_field(
    truong: tuple[tuple[str, ...], str], value: object
) -> None:
    path, name = truong
    problems = _doc(_voi(path, value))
    for where, message in problems:
        assert not tu_tieng_anh(message), (where, message)
    if problems:
        assert any(where.startswith(name) for where, _ in problems), problems


@pytest.mark.parametrize(
    ("path", "value", "where", "said"),
    [
        (("so",), "mười tám", "so", "phải là số nguyên, không phải chữ"),
        (("so",), 0, "so", "phải lớn hơn hoặc bằng 1"),
        (("loai",), "cong_dien_x", "loai", "phải là một trong các giá trị"),
        (("ngay",), "13/09/2021", "ngay", "phải là ngày viết theo dạng YYYY-MM-DD"),
        (("ngay",), dt.date(2099, 1, 1), "ngay", "là ngày trong tương lai"),
        (("kinh_gui",), {"a": 1}, "kinh_gui", "phải là một danh sách"),
        (("nguoi_ky", "ho_ten"), ["A"], "nguoi_ky.ho_ten", "phải là chữ, không phải một danh sách"),
        (("co_quan",), None, "co_quan", "phải là chữ, không phải rỗng (null)"),
        (("trich_yeu_x",), "x", "trich_yeu_x", "trường này không có trong mẫu văn bản"),
    ],
)
def test_common_slips_are_named_with_their_field_in_vietnamese(
    path: tuple[str, ...], value: object, where: str, said: str
) -> None:
    problems = _doc(_voi(path, value))
    assert any(w == where and said in m for w, m in problems), problems
    assert all(not tu_tieng_anh(m) for _, m in problems), problems


def test_a_missing_field_is_named_as_required_in_vietnamese() -> None:
    data = dict(_GOC)
    del data["co_quan"]
    assert _doc(data) == [("co_quan", "bắt buộc phải có, nhưng chưa được ghi")]
