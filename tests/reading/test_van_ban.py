"""Reading directive files: every problem is named by its field path or line."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given

from tests import chien_luoc
from tests.conftest import HOM_NAY, NINH_THUAN
from vanthu.errors import InvalidDirective
from vanthu.reading.van_ban import doc_tep, doc_van_ban
from vanthu.schemas import VanBan
from vanthu.schemas.gioi_han import TEP_VAN_BAN_TOI_DA

ROOT = Path(__file__).resolve().parents[2]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InvalidDirective) as caught:
        doc_tep(path, HOM_NAY)
    return [str(p) for p in caught.value.problems]


def write(tmp_path: Path, text: str, name: str = "van-ban.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def ninh_thuan_with(tmp_path: Path, old: str, new: str) -> Path:
    text = NINH_THUAN.read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path, text.replace(old, new, 1))


def test_malformed_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "loai: cong_dien\nco_quan: [UBND\nso: 3\n")
    [problem] = problems_of(path)
    assert problem.startswith("dòng 3, cột")
    assert "YAML sai cú pháp" in problem


def test_malformed_json_is_reported_with_its_line(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, '{"loai": "cong_dien",\n}', "van-ban.json"))
    assert problem.startswith("dòng 2, cột 1: JSON sai cú pháp")


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "- a\n- b\n")) == [
        "tệp văn bản phải là một nhóm trường (tên: giá trị)"
    ]


def test_a_missing_required_field_is_named(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "dia_danh: Ninh Thuận\n", "")
    assert problems_of(path) == ["dia_danh: bắt buộc phải có, nhưng chưa được ghi"]


def test_an_unknown_type_is_named_with_the_value_given(tmp_path: Path) -> None:
    [problem] = problems_of(ninh_thuan_with(tmp_path, "loai: cong_dien", "loai: cong_dien_khan"))
    assert problem.startswith("loai: phải là một trong các giá trị 'nghi_quyet', 'quyet_dinh'")


def test_number_zero_is_named(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "so: 18", "so: 0")
    assert problems_of(path) == ["so: phải lớn hơn hoặc bằng 1"]


def test_a_future_date_is_named(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ngay: 2021-09-13", "ngay: 2027-01-05")
    assert problems_of(path) == [
        "ngay: 2027-01-05 là ngày trong tương lai (hôm nay là 2026-11-28); văn bản ghi ngày được ký"
    ]


def test_a_nested_problem_carries_its_full_path(tmp_path: Path) -> None:
    path = ninh_thuan_with(
        tmp_path,
        "  chuc_vu: CHỦ TỊCH\n",
        "  chuc_vu: CHỦ TỊCH\n  quyen_han: [TUQ, KT]\n  thay_mat: [A, B]\n",
    )
    [problem] = problems_of(path)
    assert problem.startswith("nguoi_ky.quyen_han: người ký 'TUQ' không được ủy quyền tiếp")


def test_a_cross_field_rule_names_its_field(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ngay: 2021-09-13\n", "")
    assert problems_of(path) == ["ngay: văn bản đã có số (so) thì phải có ngày"]


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path) -> None:
    path = write(tmp_path, "loai: cong_dien\nso: 0\n")
    listed = problems_of(path)
    assert "so: phải lớn hơn hoặc bằng 1" in listed
    assert "co_quan: bắt buộc phải có, nhưng chưa được ghi" in listed
    assert len(listed) >= 6


def test_an_unreadable_file_is_a_clear_problem(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "missing.yaml")
    assert problem.startswith("không đọc được tệp")


def test_the_example_reads_in_nfc(tmp_path: Path) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", NINH_THUAN.read_text(encoding="utf-8"))
    vb = doc_tep(write(tmp_path, decomposed), HOM_NAY)
    assert vb.co_quan == "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"
    assert unicodedata.is_normalized("NFC", vb.noi_dung[0].doan)


def test_cross_field_rules_are_each_listed_with_their_field(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "so: 18\n", "")
    path.write_text(path.read_text(encoding="utf-8") + "tham_quyen: CHỦ TỊCH\n", encoding="utf-8")
    assert problems_of(path) == [
        "tham_quyen: chỉ quyết định hoặc nghị quyết mới có dòng thẩm quyền",
        "so: văn bản đã có ngày thì phải có số; bản dự thảo không có cả hai (hãy ghi nam)",
    ]


def test_a_json_directive_file_reads_like_its_yaml_twin(tmp_path: Path) -> None:
    import json

    import yaml

    data = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    path = write(tmp_path, json.dumps(data, ensure_ascii=False, default=str), "van-ban.json")
    assert doc_tep(path, HOM_NAY) == doc_tep(NINH_THUAN, HOM_NAY)


def test_a_directory_loads_from_csv_with_groups_separated_by_semicolons(tmp_path: Path) -> None:
    from vanthu.reading.danh_ba import doc_danh_ba

    path = write(
        tmp_path,
        "ma,ten,ten_ngan,email,nhom\n"
        "SYT,Sở Y tế tỉnh Ninh Thuận,Sở Y tế,syt@example.vn,so_ban_nganh; hoi_dong\n"
        "CDC,Trung tâm Kiểm soát bệnh tật,,,\n",
        "danh-ba.csv",
    )
    directory = doc_danh_ba(path)
    assert [b.ma for b in directory.co_quan] == ["SYT", "CDC"]
    assert directory.co_quan[0].nhom == ["so_ban_nganh", "hoi_dong"]
    assert directory.co_quan[1].email is None and directory.co_quan[1].nhom == []


def test_a_directory_row_with_a_bad_code_is_named(tmp_path: Path) -> None:
    from vanthu.reading.danh_ba import doc_danh_ba

    path = write(tmp_path, "ma,ten\nSỞ Y TẾ,Sở Y tế\n", "danh-ba.csv")
    with pytest.raises(InvalidDirective) as caught:
        doc_danh_ba(path)
    assert [str(p) for p in caught.value.problems] == [
        "co_quan[0].ma: 'SỞ Y TẾ' không phải là mã: 1–32 chữ cái không dấu, chữ số, '_', '.' "
        "hoặc '-', bắt đầu bằng chữ cái hoặc chữ số"
    ]


# --- Hostile files: every defect the adversary found, one regression test each (#7) ---------


def test_an_impossible_date_is_named_not_a_traceback(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ngay: 2021-09-13", "ngay: 2021-02-31")
    assert problems_of(path) == ["ngay: 2021-02-31 không phải là ngày có thật"]


def test_an_impossible_time_is_named_not_a_traceback(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ngay: 2021-09-13", "ngay: 2021-09-13 25:61:00")
    assert problems_of(path) == ["ngay: phải là ngày viết theo dạng YYYY-MM-DD"]


def test_a_date_with_a_time_of_day_is_refused(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ngay: 2021-09-13", "ngay: 2021-09-13 10:00:00")
    assert problems_of(path) == ["ngay: phải là ngày, không kèm giờ (YYYY-MM-DD)"]


def test_an_impossible_deadline_is_named_with_its_task(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "han: 2021-09-30", "han: 2021-09-31")
    assert problems_of(path) == ["nhiem_vu[0].han: 2021-09-31 không phải là ngày có thật"]


def test_deep_flow_nesting_is_refused_with_its_line(tmp_path: Path) -> None:
    text = NINH_THUAN.read_text(encoding="utf-8") + "x: " + "[" * 5000 + "]" * 5000 + "\n"
    [problem] = problems_of(write(tmp_path, text))
    assert problem.startswith("dòng 136, cột ")


def test_deep_block_nesting_is_refused_with_its_line(tmp_path: Path) -> None:
    nested = "".join("  " * i + "-\n" for i in range(1, 40))
    [problem] = problems_of(ninh_thuan_with(tmp_path, "luu: [VXNV]\n", "luu:\n" + nested))
    assert problem == "dòng 140, cột 33: lồng sâu quá 16 cấp"


def test_deep_json_nesting_is_refused(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "[" * 100_000 + "]" * 100_000, "x.json")) == [
        "lồng sâu quá 16 cấp"
    ]
    deep = '{"x": ' + "[" * 20 + "]" * 20 + "}"
    [problem] = problems_of(write(tmp_path, deep, "y.json"))
    assert problem.endswith(": lồng sâu quá 16 cấp")


def test_an_integer_of_5000_digits_is_named_not_a_traceback(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "so: 18", "so: " + "9" * 5000)
    assert problems_of(path) == ["so: một số dài 5000 ký tự, vượt quá giới hạn"]
    path = write(tmp_path, '{"so": ' + "9" * 5000 + "}", "x.json")
    assert problems_of(path) == ["so: một số dài 5000 ký tự, vượt quá giới hạn"]


def test_a_lone_surrogate_in_the_symbol_is_refused(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ky_hieu_co_quan: UBND", 'ky_hieu_co_quan: "UB\\ud800"')
    [problem] = problems_of(path)
    assert problem.startswith("dòng 6, cột ")
    data = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    data["ky_hieu_co_quan"] = "UB\ud800"
    raw = json.dumps(data, default=str)  # ensure_ascii: written as the escape \ud800
    assert problems_of(write(tmp_path, raw, "x.json")) == [
        "ky_hieu_co_quan: có U+D800 (nửa cặp thay thế UTF-16) ở ký tự thứ 3"
    ]


@pytest.mark.parametrize(
    ("escape", "shown"),
    [
        ("\\0", "U+0000 (NULL) ở ký tự thứ 2"),
        ("\\x07", "U+0007 (BELL) ở ký tự thứ 2"),
        ("\\x85", "U+0085 (ký tự điều khiển C1) ở ký tự thứ 2"),
        ("\\r", "U+000D (CARRIAGE RETURN) ở ký tự thứ 2"),
        ("\\uffff", "U+FFFF (không phải ký tự) ở ký tự thứ 2"),
        ("\\ufdd0", "U+FDD0 (không phải ký tự) ở ký tự thứ 2"),
        ("\\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE) ở ký tự thứ 2"),
        ("\\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE) ở ký tự thứ 2"),
    ],
)
def test_a_character_that_is_never_text_is_named_with_field_and_position(
    tmp_path: Path, escape: str, shown: str
) -> None:
    path = ninh_thuan_with(tmp_path, 'trich_yeu: "Về', f'trich_yeu: "V{escape}ề')
    assert problems_of(path) == [f"trich_yeu: có {shown}"]


def test_a_line_break_in_a_one_line_field_is_refused(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "dia_danh: Ninh Thuận", 'dia_danh: "Ninh\\nThuận"')
    assert problems_of(path) == [
        "dia_danh: có dấu xuống dòng (U+000A) ở ký tự thứ 5; trường này chỉ viết trên một dòng"
    ]


def test_a_tab_is_white_space(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "dia_danh: Ninh Thuận", 'dia_danh: "Ninh\\tThuận"')
    assert doc_tep(path, HOM_NAY).dia_danh == "Ninh Thuận"


def test_a_raw_control_character_is_refused_with_its_line(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "dia_danh: Ninh Thuận", "dia_danh: Ninh\x07Thuận")
    assert problems_of(path) == [
        "dòng 8, cột 15: YAML sai cú pháp: có U+0007 (BELL), YAML không cho phép ký tự này"
    ]


def test_a_symbol_of_300_characters_is_refused_with_its_field_path(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "so: 18", "so: 18\nky_hieu: CĐ-" + "A" * 297)
    assert problems_of(path) == ["ky_hieu: tối đa 40 ký tự, đang có 300"]


def test_a_derived_symbol_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ky_hieu_co_quan: UBND", "ky_hieu_co_quan: " + "U" * 40)
    [problem] = problems_of(path)
    assert problem.startswith("ky_hieu_co_quan: ký hiệu lập từ trường này")
    assert problem.endswith("có 43 ký tự; tối đa 40")


def test_true_is_not_a_number(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "so: 18", "so: true")
    assert problems_of(path) == ["so: phải là số nguyên, không phải giá trị đúng/sai (true/false)"]


def test_a_decimal_is_not_a_number_of_the_register(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "so: 18", "so: 18.0")
    assert problems_of(path) == ["so: phải là số nguyên, không phải một số thập phân (18.0)"]


def test_zero_is_not_a_date(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ngay: 2021-09-13", "ngay: 0")
    assert problems_of(path) == ["ngay: phải là ngày viết theo dạng YYYY-MM-DD, không phải một số"]


def test_a_year_outside_the_range_is_refused(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ngay: 2021-09-13", "ngay: 1800-01-01")
    assert problems_of(path) == ["ngay: năm 1800 nằm ngoài khoảng 1945–2100"]


def test_a_leading_zero_is_decimal_not_octal(tmp_path: Path) -> None:
    assert doc_tep(ninh_thuan_with(tmp_path, "so: 18", "so: 010"), HOM_NAY).so == 10
    assert doc_tep(ninh_thuan_with(tmp_path, "so: 18", "so: 09"), HOM_NAY).so == 9


def test_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 30)]
    path = write(tmp_path, "\n".join(lines * 200) + "\n")
    start = time.perf_counter()
    [problem] = problems_of(path)
    assert time.perf_counter() - start < 1
    assert problem == "dòng 1, cột 5: tệp của vanthu không dùng neo và bí danh YAML (& và *)"


def test_dev_zero_is_refused_without_reading_it() -> None:
    [problem] = problems_of(Path("/dev/zero"))
    assert problem == "không đọc được tệp: đây không phải một tệp thông thường"


def test_a_directory_or_a_fifo_is_not_a_directive_file(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == ["không đọc được tệp: đây không phải một tệp thông thường"]
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    assert problems_of(fifo) == ["không đọc được tệp: đây không phải một tệp thông thường"]


def test_a_path_with_a_nul_is_refused_not_a_traceback() -> None:
    assert problems_of(Path("a\x00b.yaml")) == ["không đọc được tệp: tên tệp có ký tự NUL"]


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "# " + "x" * TEP_VAN_BAN_TOI_DA)
    assert problems_of(path) == ["tệp lớn hơn 524,288 byte, mức tối đa vanthu đọc"]


def test_invalid_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"loai: cong_dien\nco_quan: \xff\xfe\n")
    assert problems_of(path) == [
        "dòng 2, cột 10: không phải chữ UTF-8 (byte 0xFF); hãy lưu tệp theo bảng mã UTF-8"
    ]


def test_a_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + NINH_THUAN.read_bytes())
    assert doc_tep(path, HOM_NAY) == doc_tep(NINH_THUAN, HOM_NAY)
    json_path = tmp_path / "x.json"
    data = json.dumps(yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8")), default=str)
    json_path.write_bytes(b"\xef\xbb\xbf" + data.encode())
    assert doc_tep(json_path, HOM_NAY) == doc_tep(NINH_THUAN, HOM_NAY)


_TAG = "tag:yaml.org,2002:"
_RLO_AT_1 = "(RIGHT-TO-LEFT OVERRIDE) ở ký tự thứ 1"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1: x\n", "(cấp ngoài cùng): tên trường phải là chữ, không phải một số 1"),
        ("null: x\n", "(cấp ngoài cùng): tên trường phải là chữ, không phải rỗng (null)"),
        (
            "2021-01-01: x\n",
            "(cấp ngoài cùng): tên trường phải là chữ, không phải một ngày 2021-01-01",
        ),
        ("so: 19\n", "dòng 136, cột 1: tên trường 'so' được ghi hai lần"),
        (
            "? [a, b]\n: x\n",
            "dòng 136, cột 3: YAML sai cú pháp: tên trường không được là một danh sách "
            "hay một nhóm trường",
        ),
        (
            "x: !!binary aGVsbG8=\n",
            "dòng 136, cột 4: không được dùng thẻ '" + _TAG + "binary'",
        ),
        ("x: !!float abc\n", "dòng 136, cột 4: không được dùng thẻ '" + _TAG + "float'"),
        (
            "---\nb: 2\n",
            "dòng 136, cột 1: tệp văn bản chỉ chứa một tài liệu YAML (không có dòng '---' thứ hai)",
        ),
        ("<<: {a: 1}\n", "<<: trường này không có trong mẫu văn bản; kiểm tra lại tên trường"),
        ('"\\u202ex": 1\n', "\\u202ex: tên trường có U+202E " + _RLO_AT_1),
    ],
)
def test_odd_keys_and_tags_are_named(tmp_path: Path, line: str, expected: str) -> None:
    path = write(tmp_path, NINH_THUAN.read_text(encoding="utf-8") + line)
    assert problems_of(path) == [expected]


def test_a_flood_of_problems_is_cut_to_fifty_and_a_count(tmp_path: Path) -> None:
    text = NINH_THUAN.read_text(encoding="utf-8") + "".join(f"k{i}: 1\n" for i in range(5000))
    listed = problems_of(write(tmp_path, text))
    assert len(listed) == 51
    assert listed[-1] == "… và 4950 lỗi khác"


def test_json_refuses_nan_and_a_key_given_twice(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, '{"so": NaN}', "x.json")) == [
        "JSON sai cú pháp: NaN không phải là số vanthu chấp nhận"
    ]
    assert problems_of(write(tmp_path, '{"so": 1, "so": 2}', "x.json")) == [
        "JSON sai cú pháp: tên trường 'so' được ghi hai lần"
    ]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xff.yaml"))
    path.write_text("- a\n", encoding="utf-8")
    with pytest.raises(InvalidDirective) as caught:
        doc_tep(path, HOM_NAY)
    assert caught.value.source.endswith("/\\xff.yaml")


# --- Properties -----------------------------------------------------------------------------


def _read(suffix: str, raw: bytes) -> VanBan | InvalidDirective:
    """Read bytes as a directive file; VanBan or InvalidDirective, never another exception."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"van-ban{suffix}"
        path.write_bytes(raw)
        try:
            return doc_tep(path, chien_luoc.HOM_NAY)
        except InvalidDirective as error:
            return error


def _refused_clearly(result: VanBan | InvalidDirective) -> None:
    if isinstance(result, InvalidDirective):
        assert result.problems
        for problem in result.problems:
            assert problem.message.strip()
            str(problem).encode("utf-8")  # printable: no lone surrogate reaches a terminal


@pytest.mark.property
@given(chien_luoc.tep_hop_le())
def test_property_generated_valid_files_are_accepted(tep: tuple[str, bytes]) -> None:
    result = _read(*tep)
    assert isinstance(result, VanBan), result


@pytest.mark.property
@given(chien_luoc.tep_dot_bien())
def test_property_a_mutated_file_is_accepted_or_refused_clearly(tep: tuple[str, bytes]) -> None:
    result = _read(*tep)
    _refused_clearly(result)
    if isinstance(result, VanBan):
        assert chien_luoc.lot_luoi(result) == []


@pytest.mark.property
@given(chien_luoc.du_lieu_dot_bien())
def test_property_mutated_data_is_accepted_or_refused_clearly(data: object) -> None:
    try:
        doc_van_ban(data, "data", dt.date(2026, 11, 28))
    except InvalidDirective as error:
        _refused_clearly(error)


def test_check_refuses_hostile_files_in_one_clear_message_each(tmp_path: Path) -> None:
    base = NINH_THUAN.read_text(encoding="utf-8")
    hostile = {
        "date.yaml": base.replace("ngay: 2021-09-13", "ngay: 2021-02-31").encode(),
        "deep.yaml": (base + "x: " + "[" * 3000 + "]" * 3000 + "\n").encode(),
        "big.yaml": base.replace("so: 18", "so: " + "9" * 5000).encode(),
        "nul.yaml": base.replace('trich_yeu: "Về', 'trich_yeu: "V\\0ề').encode(),
        "laughs.yaml": b"a: &a [x, x]\nb: [*a, *a]\n",
        "latin1.yaml": base.encode("utf-8").replace("Ninh Thuận".encode(), b"Ninh Thu\xe2n"),
    }
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    for name, raw in hostile.items():
        path = tmp_path / name
        path.write_bytes(raw)
        done = subprocess.run(
            [sys.executable, "-m", "vanthu", "check", str(path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 1, (name, done.stderr)
        assert "Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith(f"{path}: 1 lỗi\n  - "), done.stderr
        assert done.stdout == ""
    done = subprocess.run(
        [sys.executable, "-m", "vanthu", "check", "/dev/zero"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (
        1,
        "/dev/zero: 1 lỗi\n  - không đọc được tệp: đây không phải một tệp thông thường\n",
    )
