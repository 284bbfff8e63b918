"""Reading a directory file (danh bạ): bounded, UTF-8, every problem named by row or field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from vanthu.errors import InvalidDirective
from vanthu.reading.danh_ba import doc_danh_ba
from vanthu.schemas.danh_ba import DanhBa
from vanthu.schemas.gioi_han import CO_QUAN_TOI_DA, TEP_DANH_BA_TOI_DA

NOT_A_CODE = (
    "không phải là mã: 1–32 chữ cái không dấu, chữ số, '_', '.' hoặc '-', bắt đầu bằng chữ cái"
)


def write(tmp_path: Path, content: str | bytes, name: str = "danh-ba.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InvalidDirective) as caught:
        doc_danh_ba(path)
    return [str(p) for p in caught.value.problems]


def test_the_example_directory_reads() -> None:
    directory = doc_danh_ba(EXAMPLES / "danh-ba" / "ninh-thuan-2021.yaml")
    assert isinstance(directory, DanhBa) and len(directory.co_quan) > 10


def test_a_directory_that_is_not_utf8_is_named_not_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "ma,ten\nSYT,Hà Nội\n".encode("cp1258", "replace"))
    assert problems_of(path) == [
        "dòng 2, cột 6: không phải chữ UTF-8 (byte 0xE0); hãy lưu tệp theo bảng mã UTF-8"
    ]


def test_a_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + "ma,ten\nSYT,Sở Y tế\n".encode())
    assert [b.ma for b in doc_danh_ba(path).co_quan] == ["SYT"]


@pytest.mark.parametrize("code", [".", "..", "-a", "a/b", "Sở", "a b", "x" * 33, "a\\b"])
def test_a_code_that_could_not_be_a_folder_name_is_refused(tmp_path: Path, code: str) -> None:
    [problem] = problems_of(write(tmp_path, f"ma,ten\n{code},Tên\n"))
    assert problem.startswith("co_quan[0].ma: ") and NOT_A_CODE in problem


def test_a_group_code_follows_the_same_rule(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "ma,ten,nhom\nSYT,Sở Y tế,so_ban_nganh; ..\n"))
    assert problem.startswith("co_quan[0].nhom[1]: '..' ") and NOT_A_CODE in problem


def test_a_name_over_one_line_is_refused_with_its_row(tmp_path: Path) -> None:
    path = write(tmp_path, "ma,ten\nSYT," + "Ủ" * 201 + "\n")
    assert problems_of(path) == ["co_quan[0].ten: tối đa 200 ký tự, đang có 201"]


def test_hostile_characters_in_a_name_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "ma,ten\nSYT,Sở\x00Y tế\n")
    assert problems_of(path) == ["co_quan[0].ten: có U+0000 (NULL) ở ký tự thứ 3"]


def test_an_email_address_is_one_address(tmp_path: Path) -> None:
    path = write(tmp_path, "ma,ten,email\nSYT,Sở Y tế,a@b.vn; c@d.vn\n")
    assert problems_of(path) == [
        "co_quan[0].email: phải là một địa chỉ thư điện tử (ten@example.vn)"
    ]


def test_an_unknown_column_and_an_extra_cell_are_named_with_their_line(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "ma,ten,fax\nSYT,Sở Y tế,1\n"))
    assert problem.startswith("line 1: the columns are ma, ten, ten_ngan, email, nhom")
    assert problems_of(write(tmp_path, "ma,ten\nSYT,Sở Y tế,x\n")) == [
        "line 2: 3 cells, but the header names 2 columns"
    ]


def test_too_many_bodies_are_refused(tmp_path: Path) -> None:
    rows = "".join(f"C{i},Cơ quan {i}\n" for i in range(CO_QUAN_TOI_DA + 1))
    [problem] = problems_of(write(tmp_path, "ma,ten\n" + rows))
    assert problem.startswith(f"co_quan: tối đa {CO_QUAN_TOI_DA} mục")


def test_a_directory_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "ma,ten\n" + "#" * TEP_DANH_BA_TOI_DA)
    assert problems_of(path) == ["tệp lớn hơn 2,097,152 byte, mức tối đa vanthu đọc"]


def test_a_yaml_directory_refuses_aliases_and_odd_keys(tmp_path: Path) -> None:
    laughs = "a: &a [x, x]\nco_quan: [*a, *a]\n"
    assert problems_of(write(tmp_path, laughs, "d.yaml")) == [
        "dòng 1, cột 4: tệp của vanthu không dùng neo và bí danh YAML (& và *)"
    ]
    assert problems_of(write(tmp_path, "co_quan:\n  - 1: x\n", "d.yaml")) == [
        "co_quan[0]: tên trường phải là chữ, không phải một số 1"
    ]


def test_a_device_is_not_a_directory_file() -> None:
    assert problems_of(Path(os.devnull)) == [
        "không đọc được tệp: đây không phải một tệp thông thường"
    ]


def test_a_short_name_wider_than_its_column_is_refused_with_its_row(tmp_path: Path) -> None:
    path = write(tmp_path, "ma,ten,ten_ngan\nSYT,Sở Y tế," + "Y" * 101 + "\n")
    assert problems_of(path) == ["co_quan[0].ten_ngan: tối đa 100 ký tự, đang có 101"]
