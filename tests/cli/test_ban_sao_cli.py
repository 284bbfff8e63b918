"""`vanthu copy` as a clerk types it: numbers, files, and one-line refusals."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.cli.test_vong_doi_cli import ok, run
from tests.conftest import EXAMPLES, NINH_THUAN


def _issued(tmp: Path) -> None:
    """A store with the Ninh Thuận công điện issued as 01/CĐ-UBND, and one draft (#2)."""
    ok(run(tmp, "user", "add", "thu", "--role", "van_thu", "--ho-ten", "Nguyễn Thị Thu"))
    ok(
        run(
            tmp, "directory", "load", str(EXAMPLES / "danh-ba" / "ninh-thuan-2021.yaml"), user="thu"
        )
    )
    for ten, vai_tro, ho_ten in (
        ("duc", "chuyen_vien", "Đặng Ngọc Đức"),
        ("nam", "lanh_dao", "Trần Quốc Nam"),
    ):
        ok(run(tmp, "user", "add", ten, "--role", vai_tro, "--ho-ten", ho_ten, user="thu"))
    data = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    data.pop("so")
    data.pop("ngay")
    draft = tmp / "du-thao.yaml"
    draft.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    ok(run(tmp, "draft", str(draft), user="duc"))
    ok(run(tmp, "submit", "1", user="duc"))
    ok(run(tmp, "approve", "1", user="nam"))
    ok(run(tmp, "issue", "1", user="thu"))
    ok(run(tmp, "draft", str(draft), user="duc"))


def test_a_clerk_copies_an_issued_directive_and_bad_requests_are_one_line(tmp_path: Path) -> None:
    _issued(tmp_path)
    out = ok(run(tmp_path, "copy", "01/CĐ-UBND", "--form", "sao_y", "--to", "Sở Y tế", user="thu"))
    lines = out.splitlines()
    assert lines[0] == "01/SY-UBND: sao y (giấy) of 01/CĐ-UBND"
    assert [Path(p).name for p in lines[1:]] == ["01-SY-UBND.docx", "01-SY-UBND.pdf"]
    assert all(Path(p).is_file() and "ban-sao" in p for p in lines[1:])
    out = ok(
        run(
            tmp_path,
            "copy",
            "01/CĐ-UBND",
            "--form",
            "trich_sao",
            "--items",
            "1-2",
            "--electronic",
            "-o",
            str(tmp_path / "sao"),
            user="thu",
        )
    )
    assert out.splitlines()[0] == "02/TrS-UBND: trích sao (điện tử) of 01/CĐ-UBND"
    assert Path(out.splitlines()[1]).is_relative_to(tmp_path / "sao")

    for args, message in (
        (("99/CĐ-UBND", "--form", "sao_y"), "không tìm thấy"),
        (("2", "--form", "sao_y"), "chỉ sao văn bản đã ban hành còn hiệu lực"),
        (("01/CĐ-UBND", "--form", "ban_chinh"), "không phải hình thức sao"),
        (("01/CĐ-UBND", "--form", "trich_sao", "--items", "x"), "--items"),
    ):
        result = run(tmp_path, "copy", *args, user="thu")
        assert result.returncode == 1, result.stdout
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    # Refusals took no number: the next copy is 03.
    out = ok(run(tmp_path, "copy", "01/CĐ-UBND", "--form", "sao_luc", user="thu"))
    assert out.startswith("03/SL-UBND")
