"""`vanthu user add` and `vanthu directory load` as typed: only a văn thư administers them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.cli.test_vong_doi_cli import ok, run
from tests.conftest import EXAMPLES

DANH_BA = str(EXAMPLES / "danh-ba" / "ninh-thuan-2021.yaml")


def refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and message in result.stderr, result.stderr


def test_only_a_van_thu_adds_users_or_loads_the_directory_after_the_first_user(
    tmp_path: Path,
) -> None:
    refused(
        run(tmp_path, "user", "add", "duc", "--role", "chuyen_vien", "--ho-ten", "Đức"),
        "người dùng đầu tiên của kho dữ liệu phải là văn thư",
    )
    ok(run(tmp_path, "user", "add", "thu", "--role", "van_thu", "--ho-ten", "Nguyễn Thị Thu"))
    refused(run(tmp_path, "directory", "load", DANH_BA), "hãy cho biết ai đang làm")
    ok(run(tmp_path, "user", "add", "duc", "--role", "chuyen_vien", "--ho-ten", "Đức", user="thu"))
    refused(
        run(tmp_path, "user", "add", "x", "--role", "van_thu", "--ho-ten", "X", user="duc"),
        "người dùng 'duc': là chuyên viên; chỉ văn thư mới được thêm hoặc sửa người dùng",
    )
    refused(
        run(tmp_path, "directory", "load", DANH_BA, user="duc"),
        "chỉ văn thư mới được nạp danh bạ",
    )
    refused(
        run(tmp_path, "user", "add", "thu", "--role", "lanh_dao", "--ho-ten", "T", user="thu"),
        "là văn thư cuối cùng",
    )
    refused(
        run(tmp_path, "user", "add", "", "--role", "chuyen_vien", "--ho-ten", "T", user="thu"),
        "tên người dùng ''",
    )
    ok(run(tmp_path, "directory", "load", DANH_BA, user="thu"))
