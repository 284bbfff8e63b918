"""Reading directive files: every problem is named by its field path or line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import HOM_NAY, NINH_THUAN
from vanthu.errors import InvalidDirective
from vanthu.services import doc_tep


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
    assert problem.startswith("line 3, column")
    assert "malformed YAML" in problem


def test_malformed_json_is_reported_with_its_line(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, '{"loai": "cong_dien",\n}', "van-ban.json"))
    assert problem.startswith("line 2, column 1: malformed JSON")


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "- a\n- b\n")) == [
        "a directive file holds one mapping of fields"
    ]


def test_a_missing_required_field_is_named(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "dia_danh: Ninh Thuận\n", "")
    assert problems_of(path) == ["dia_danh: Field required"]


def test_an_unknown_type_is_named_with_the_value_given(tmp_path: Path) -> None:
    [problem] = problems_of(ninh_thuan_with(tmp_path, "loai: cong_dien", "loai: cong_dien_khan"))
    assert problem.startswith("loai: Input should be 'nghi_quyet', 'quyet_dinh'")


def test_number_zero_is_named(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "so: 18", "so: 0")
    assert problems_of(path) == ["so: Input should be greater than or equal to 1"]


def test_a_future_date_is_named(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ngay: 2021-09-13", "ngay: 2027-01-05")
    assert problems_of(path) == [
        "ngay: 2027-01-05 is in the future (today is 2026-11-28); "
        "a document is dated the day it is signed"
    ]


def test_a_nested_problem_carries_its_full_path(tmp_path: Path) -> None:
    path = ninh_thuan_with(
        tmp_path,
        "  chuc_vu: CHỦ TỊCH\n",
        "  chuc_vu: CHỦ TỊCH\n  quyen_han: [TUQ, KT]\n  thay_mat: [A, B]\n",
    )
    [problem] = problems_of(path)
    assert problem.startswith("nguoi_ky.quyen_han: a 'TUQ' signer may not delegate further")


def test_a_cross_field_rule_names_its_field(tmp_path: Path) -> None:
    path = ninh_thuan_with(tmp_path, "ngay: 2021-09-13\n", "")
    assert problems_of(path) == ["ngay: required once the document has a number (so)"]


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path) -> None:
    path = write(tmp_path, "loai: cong_dien\nso: 0\n")
    listed = problems_of(path)
    assert "so: Input should be greater than or equal to 1" in listed
    assert "co_quan: Field required" in listed
    assert len(listed) >= 6


def test_an_unreadable_file_is_a_clear_problem(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "missing.yaml")
    assert problem.startswith("cannot read the file")


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
        "tham_quyen: only a quyết định or nghị quyết has an authority line",
        "so: a dated document has its number; a draft has neither (give nam instead)",
    ]


def test_a_json_directive_file_reads_like_its_yaml_twin(tmp_path: Path) -> None:
    import json

    import yaml

    data = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    path = write(tmp_path, json.dumps(data, ensure_ascii=False, default=str), "van-ban.json")
    assert doc_tep(path, HOM_NAY) == doc_tep(NINH_THUAN, HOM_NAY)


def test_a_directory_loads_from_csv_with_groups_separated_by_semicolons(tmp_path: Path) -> None:
    from vanthu.services.danh_ba import doc_danh_ba

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
    from vanthu.services.danh_ba import doc_danh_ba

    path = write(tmp_path, "ma,ten\nSỞ Y TẾ,Sở Y tế\n", "danh-ba.csv")
    with pytest.raises(InvalidDirective) as caught:
        doc_danh_ba(path)
    assert [str(p) for p in caught.value.problems] == [
        "co_quan[0].ma: 'SỞ Y TẾ' is not a code: 1–32 ASCII letters, digits, '_', '.' or '-', "
        "starting with a letter or digit"
    ]
