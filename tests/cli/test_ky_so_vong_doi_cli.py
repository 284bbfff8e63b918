"""Signing in the lifecycle as a clerk and a leader type it: a real ``vanthu`` process per
command, the signing configuration in ``VANTHU_KY_SO`` (#10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, NINH_THUAN
from tests.services.ky_so_chung import bo_khoa, cau_hinh, cong_cu_lanh_dao

VANTHU = Path(sys.executable).parent / "vanthu"


def run(
    tmp: Path, config: Path, *args: str, user: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "VANTHU_NOW": "2021-09-13T08:00",
        "VANTHU_DB": str(tmp / "vanthu.db"),
        "VANTHU_KY_SO": str(config),
    }
    command = [str(VANTHU), "--output-root", str(tmp / "out")]
    if user:
        command += ["--as", user]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=env, cwd=tmp, check=False
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def da_duyet(tmp_path: Path) -> tuple[Path, Path]:
    """A store with an approved draft (#1), and a configuration where 'nam' signs in two
    steps; the keys' configuration itself is returned second."""
    keys = bo_khoa(tmp_path / "khoa")
    two_step = cau_hinh(
        keys,
        "hai-buoc.yaml",
        khoa={
            "co_quan": {"pkcs12": "co-quan.p12", "mat_khau_tep": "mat-khau.txt"},
            "nam": {"hai_buoc": True},
        },
    )
    ok(run(tmp_path, two_step, "user", "add", "thu", "--role", "van_thu", "--ho-ten", "Thu"))
    directory = EXAMPLES / "danh-ba" / "ninh-thuan-2021.yaml"
    ok(run(tmp_path, two_step, "directory", "load", str(directory), user="thu"))
    for ten, vai_tro in (("duc", "chuyen_vien"), ("nam", "lanh_dao")):
        ok(
            run(
                tmp_path,
                two_step,
                "user",
                "add",
                ten,
                "--role",
                vai_tro,
                "--ho-ten",
                ten,
                user="thu",
            )
        )
    data = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    del data["so"], data["ngay"]
    draft = tmp_path / "du-thao.yaml"
    draft.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    ok(run(tmp_path, two_step, "draft", str(draft), user="duc"))
    ok(run(tmp_path, two_step, "submit", "1", user="duc"))
    return two_step, keys


def test_a_leader_signs_the_prepared_pdf_himself_and_the_clerk_issues_it(
    tmp_path: Path, da_duyet: tuple[Path, Path]
) -> None:
    config, keys = da_duyet
    waiting = ok(run(tmp_path, config, "approve", "1", user="nam"))
    assert waiting.splitlines()[0] == "#1: chờ duyệt → chờ ký số"
    assert "ký số: chờ ký số" in waiting and "vanthu accept-signed 1" in waiting
    refused = run(tmp_path, config, "issue", "1", user="thu")
    assert refused.returncode == 1 and "trạng thái 'chờ ký số'" in refused.stderr
    prepared = tmp_path / "cho-ky.pdf"
    ok(run(tmp_path, config, "sign-prepared", "1", "-o", str(prepared), user="nam"))
    signed = tmp_path / "da-ky.pdf"
    signed.write_bytes(cong_cu_lanh_dao(prepared.read_bytes(), keys))

    refused = run(tmp_path, config, "accept-signed", "1", str(prepared), user="nam")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "not the prepared document" in refused.stderr.strip().splitlines()[0]

    back = ok(run(tmp_path, config, "accept-signed", "1", str(signed), user="nam"))
    assert back.splitlines()[0] == "#1: chờ ký số → đã duyệt"
    assert "ký số: lãnh đạo đã ký" in back and "vanthu issue 1" in back
    issued = ok(run(tmp_path, config, "issue", "1", user="thu"))
    assert issued.splitlines()[0] == "01/CĐ-UBND: đã duyệt → đã ban hành"
    pdf = next(line for line in issued.splitlines() if line.endswith(".pdf"))
    verified = ok(run(tmp_path, config, "verify", pdf))
    assert "Kết luận: hợp lệ" in verified and "vai trò: cơ quan" in verified


def test_cancelling_signing_takes_no_number_and_a_server_held_key_then_signs_at_the_issue(
    tmp_path: Path, da_duyet: tuple[Path, Path]
) -> None:
    config, keys = da_duyet
    ok(run(tmp_path, config, "approve", "1", user="nam"))
    cancelled = ok(run(tmp_path, config, "cancel-signing", "1", "--reason", "Sửa lỗi", user="thu"))
    assert cancelled.strip() == "#1: chờ ký số → đã duyệt; chữ ký của lãnh đạo đã hủy"
    register = ok(run(tmp_path, config, "register", "--year", "2021"))
    assert "01/CĐ-UBND" not in register, "no number was taken"
    # With the leader's key on the server, Ban hành has it sign and takes number 01.
    issued = ok(run(tmp_path, keys, "issue", "1", user="thu"))
    assert issued.splitlines()[0] == "01/CĐ-UBND: đã duyệt → đã ban hành"
    assert "ký số: đã ký số" in issued
