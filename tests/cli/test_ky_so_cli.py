"""``vanthu khoa-demo``, ``vanthu sign`` and ``vanthu verify``: the demo keys sign a directive
that verifies; a tampered, a foreign and a missing file each end in one line or a verdict,
never a traceback, and a non-zero status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "vanthu", *args], capture_output=True, text=True, env=env
    )


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("cli")
    made = run("khoa-demo", "--out", str(folder / "khoa"))
    assert made.returncode == 0, made.stderr
    env = {"VANTHU_KY_SO": made.stdout.strip()}
    out = run("sign", str(EXAMPLES / "cong-dien-anh-chu-ky.yaml"), "-o", str(folder), env=env)
    assert out.returncode == 0, out.stderr
    return Path(out.stdout.strip()), env


def test_a_directive_signed_with_the_demo_keys_verifies_with_status_0(
    signed: tuple[Path, dict[str, str]],
) -> None:
    path, env = signed
    result = run("verify", str(path), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Kết luận: hợp lệ" in result.stdout
    assert "Người ký: Trần Quốc Nam" in result.stdout
    data = json.loads(run("verify", str(path), "--json", env=env).stdout)
    assert data["hop_le"] is True and len(data["chu_ky"]) == 2


def test_a_truncated_copy_fails_with_its_verdict_and_no_traceback(
    signed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    path, env = signed
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(path.read_bytes()[:-5000])
    result = run("verify", str(cut), "--json", env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["ket_luan"] == "bi_cat"


def test_without_trust_roots_the_signatures_are_untrusted(
    signed: tuple[Path, dict[str, str]],
) -> None:
    path, _ = signed
    result = run("verify", str(path), env={"VANTHU_KY_SO": ""})
    assert result.returncode == 1
    assert "không được tin cậy" in result.stdout
    # pyHanko logs the failed chain with a traceback: the verdict says it in one line.
    assert result.stderr == ""


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = run("verify", str(tmp_path / "none.pdf"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("vanthu: ")
