"""A directive file that does not parse is refused in Vietnamese, with its line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import NINH_THUAN
from tests.tieng_anh import tu_tieng_anh
from vanthu.errors import InvalidDirective
from vanthu.reading.json_an_toan import phan_tich_json
from vanthu.reading.loi_cu_phap import cu_phap_json, cu_phap_yaml
from vanthu.reading.van_ban import doc_tep
from vanthu.reading.yaml_an_toan import phan_tich_yaml

_YAML = NINH_THUAN.read_text(encoding="utf-8")
_JSON = json.dumps(yaml.safe_load(_YAML), ensure_ascii=False, default=str, indent=1)
#: Characters whose slip breaks a YAML or JSON file.
_KY_HIEU = st.sampled_from(list(":-[]{}'\"\t#&*!|>%@`, \n?\\"))


@pytest.mark.parametrize(
    ("text", "where", "said"),
    [
        ("loai: cong_dien\nco_quan: [UBND\nso: 3\n", "dòng 3, cột", "YAML sai cú pháp"),
        ("loai: cong_dien\n\tco_quan: x\n", "dòng 2, cột 1", "ký tự tab"),
        ("loai: cong_dien\nco_quan: a: b\n", "dòng 2, cột 11", "có dấu ':' ở chỗ không được có"),
        ('loai: "cong_dien\n', "dòng 2, cột 1", "dấu nháy"),
    ],
)
def test_a_yaml_slip_is_named_by_line_and_column_in_vietnamese(
    tmp_path: Path, text: str, where: str, said: str
) -> None:
    path = tmp_path / "van-ban.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidDirective) as caught:
        doc_tep(path)
    [problem] = caught.value.problems
    assert problem.where.startswith(where) and said in problem.message, problem
    assert not tu_tieng_anh(str(caught.value)), str(caught.value)


def test_a_json_slip_is_named_by_line_and_column_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "van-ban.json"
    path.write_text('{"loai": "cong_dien",\n "so": 3,}', encoding="utf-8")
    with pytest.raises(InvalidDirective) as caught:
        doc_tep(path)
    assert [str(p) for p in caught.value.problems] == [
        "dòng 2, cột 10: JSON sai cú pháp: tên trường phải đặt trong dấu nháy kép "
        "(và không có dấu ',' thừa ở cuối)"
    ]


def test_a_parser_complaint_without_a_sentence_keeps_a_vietnamese_head() -> None:
    assert cu_phap_yaml("something new") == "YAML sai cú pháp (something new)"
    assert cu_phap_json("Expecting value") == "JSON sai cú pháp: thiếu giá trị ở đây"


@given(at=st.lists(st.tuples(st.floats(0, 1), _KY_HIEU), min_size=1, max_size=3))
def test_any_slip_of_a_syntax_character_is_said_in_vietnamese(
    at: list[tuple[float, str]],
) -> None:
    for parse, text in ((phan_tich_yaml, _YAML), (phan_tich_json, _JSON)):
        for where, char in at:
            i = int(where * len(text))
            text = text[:i] + char + text[i:]
        try:
            parse(text, "x")
        except InvalidDirective as error:
            for problem in error.problems:
                assert not tu_tieng_anh(problem.message), problem
