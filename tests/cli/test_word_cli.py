"""``vanthu check`` and ``vanthu import`` of Word drafts speak Vietnamese to the clerk: the form
findings, what the import could not place, why a file is refused; the JSON keys stay as they are.
Real ``vanthu`` processes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_lenh import vanthu
from tests.reading.word.bo_mau import BO_MAU, Mau, tao


def _ban_thao(tmp_path: Path, mau: Mau) -> Path:
    path = tmp_path / "ban-thao.docx"
    path.write_bytes(tao(mau))
    return path


def _mau(ten: str) -> Mau:
    return next(m for m in BO_MAU if m.ten == ten)


def test_check_of_a_draft_names_each_point_of_form_in_vietnamese_and_exits_1(
    tmp_path: Path,
) -> None:
    path = _ban_thao(tmp_path, Mau("x", ngay="Ninh Thuận, ngày 5 tháng 9 năm 2021", ket_thuc="."))
    result = vanthu(tmp_path, "check", str(path))
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"{path}: 2 điểm chưa đúng thể thức (Nghị định 30)",
        "  - [§8] địa danh, ngày tháng: «Ninh Thuận, ngày 5 tháng 9 …»: thấy ngày «5»; "
        "quy định: «05» (ngày nhỏ hơn 10 thêm số 0 phía trước)",
        "  - [§3.1] nội dung: «Sở Y tế đề nghị các …»: thấy dòng kết thúc bằng « hiện.»; "
        "quy định: dòng cuối kết thúc bằng «./.»",
    ]


def test_check_json_keeps_its_keys_and_says_the_values_in_vietnamese(tmp_path: Path) -> None:
    path = _ban_thao(tmp_path, Mau("x", le=(20, 20, 25, 15)))
    result = vanthu(tmp_path, "check", "--json", str(path))
    assert result.returncode == 1
    (report,) = json.loads(result.stdout)
    assert report == {
        "file": str(path),
        "ok": False,
        "findings": [
            {
                "rule": "le_trai",
                "section": "§1",
                "part": "trang",
                "where": "lề trái",
                "found": "25 mm",
                "asks": "từ 30 đến 35 mm",
            }
        ],
    }


def test_check_of_a_missing_or_damaged_word_file_is_one_vietnamese_line(tmp_path: Path) -> None:
    damaged = tmp_path / "hong.docx"
    damaged.write_bytes(tao(BO_MAU[0])[:900])
    result = vanthu(tmp_path, "check", str(tmp_path / "khong-co.docx"), str(damaged))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{tmp_path / 'khong-co.docx'}: không có tệp này"
    assert result.stderr.splitlines()[1].startswith(
        f"{damaged}: tệp bị hỏng hoặc không trọn vẹn (không đọc được tệp zip: "
    )
    assert len(result.stderr.splitlines()) == 2


def test_import_says_what_it_could_not_place_and_the_drafts_form_in_vietnamese(
    tmp_path: Path,
) -> None:
    path = _ban_thao(tmp_path, _mau("cv-kt-thieu-dong-hai"))
    result = vanthu(tmp_path, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "ban-thao.yaml")
    note = (
        "«KT. GIÁM ĐỐC»: «KT.» mà không có dòng chức vụ bên dưới; "
        "đã đọc dòng này là chức vụ, bỏ «KT.»"
    )
    assert result.stderr.splitlines() == [
        f"{path}: chưa xếp được vào trường nào: {note}",
        f"{path}: bản thảo có 1 điểm chưa đúng thể thức (Nghị định 30)",
        "  - [§3.4] quyền hạn, chức vụ người ký: «KT. GIÁM ĐỐC»: thấy «KT.» mà không có dòng "
        "chức vụ bên dưới; quy định: chức vụ của người ký ở dòng dưới «KT. …»",
    ]
    yaml_text = (tmp_path / "ban-thao.yaml").read_text("utf-8").splitlines()
    assert yaml_text[:2] == [
        "# Nhập từ bản Word ban-thao.docx bằng vanthu import (Nghị định 30).",
        f"# chưa xếp được vào trường nào: {note}",
    ]


def test_an_import_that_does_not_validate_says_so_in_vietnamese_and_keeps_the_file(
    tmp_path: Path,
) -> None:
    path = _ban_thao(tmp_path, _mau("cv-ma-cv"))
    result = vanthu(tmp_path, "import", str(path))
    assert result.returncode == 1
    assert f"{tmp_path / 'ban-thao.yaml'}: chưa hợp lệ (1 vấn đề)\n  - ky_hieu: " in result.stderr
    assert (tmp_path / "ban-thao.yaml").exists()


def test_import_of_a_file_that_is_not_word_is_refused_in_vietnamese(tmp_path: Path) -> None:
    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải Word", "utf-8")
    result = vanthu(tmp_path, "import", str(text))
    assert result.returncode == 2
    assert f"{text}: không phải tệp Word (.docx, .doc, .odt, .rtf)" in result.stderr
    assert "Traceback" not in result.stderr
