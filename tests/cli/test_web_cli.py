"""`vanthu serve`, passwords from standard input, and API tokens, as typed in a shell."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from pathlib import Path

import httpx2

from tests.cli.test_vong_doi_cli import VANTHU


def run(
    tmp: Path, *args: str, user: str | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VANTHU_NOW": "2021-09-13T08:00", "VANTHU_DB": str(tmp / "vanthu.db")}
    env.pop("VANTHU_USER", None)
    command = [str(VANTHU), "--output-root", str(tmp / "out"), *(["--as", user] if user else [])]
    return subprocess.run(
        [*command, *args], input=stdin, capture_output=True, text=True, env=env, cwd=tmp
    )


def test_a_password_given_on_stdin_signs_in_to_the_served_desk(tmp_path: Path) -> None:
    added = run(
        tmp_path,
        *("user", "add", "thu", "--role", "van_thu", "--ho-ten", "Nguyễn Thị Thu"),
        "--password-stdin",
        stdin="mot mat khau dai\n",
    )
    assert added.returncode == 0, added.stderr
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(VANTHU), "--db", str(tmp_path / "vanthu.db"), "serve", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        with httpx2.Client(base_url=url, follow_redirects=False, timeout=5) as client:
            deadline = time.monotonic() + 30
            while True:
                try:
                    form = client.get("/dang-nhap")
                    break
                except httpx2.TransportError:
                    assert time.monotonic() < deadline, "the desk did not start"
                    assert server.poll() is None, "the desk stopped"
                    time.sleep(0.1)
            token = re.search(r'name="csrf" value="([^"]+)"', form.text)
            assert token
            data = {"ten": "thu", "mat_khau": "mot mat khau dai", "csrf": token.group(1)}
            response = client.post("/dang-nhap", data=data)
            assert response.status_code == 303
            assert client.get("/van-ban").status_code == 200
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
    assert "Traceback" not in errors


def test_serve_refuses_several_workers_on_sqlite_in_one_line(tmp_path: Path) -> None:
    result = run(tmp_path, "serve", "--workers", "2")
    assert result.returncode == 1
    assert "several workers need a postgresql:// store" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_an_unusable_font_folder_before_it_starts(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "times.ttf").write_bytes(b"not a font")
    env = {**os.environ, "VANTHU_FONT_DIR": str(tmp_path / "fonts")}
    result = subprocess.run(
        [str(VANTHU), "--db", str(tmp_path / "vanthu.db"), "serve", "--port", "9"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 1
    assert "VANTHU_FONT_DIR" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_short_password_is_refused_and_only_a_van_thu_sets_anothers(tmp_path: Path) -> None:
    run(tmp_path, "user", "add", "thu", "--role", "van_thu", "--ho-ten", "Thu")
    run(tmp_path, "user", "add", "duc", "--role", "chuyen_vien", "--ho-ten", "Đức", user="thu")
    short = run(tmp_path, "user", "password", "duc", user="thu", stdin="ngan\n")
    assert short.returncode == 1 and "ít nhất 8 ký tự" in short.stderr
    other = run(tmp_path, "user", "password", "thu", user="duc", stdin="mat khau moi\n")
    assert other.returncode == 1 and "chỉ văn thư" in other.stderr
    own = run(tmp_path, "user", "password", "duc", user="duc", stdin="mat khau moi\n")
    assert own.returncode == 0, own.stderr


def test_token_create_prints_a_new_token_once(tmp_path: Path) -> None:
    run(tmp_path, "user", "add", "thu", "--role", "van_thu", "--ho-ten", "Thu")
    first = run(tmp_path, "token", "create", "--name", "đồng bộ", user="thu")
    second = run(tmp_path, "token", "create", "--name", "đồng bộ", user="thu")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("vt_") and first.stdout != second.stdout


def test_token_revoke_stops_a_token_and_only_a_van_thu_revokes_anothers(tmp_path: Path) -> None:
    run(tmp_path, "user", "add", "thu", "--role", "van_thu", "--ho-ten", "Thu")
    run(tmp_path, "user", "add", "duc", "--role", "chuyen_vien", "--ho-ten", "Đức", user="thu")
    run(tmp_path, "token", "create", "--name", "đồng bộ", user="thu")
    run(tmp_path, "token", "create", "--name", "đồng bộ", user="duc")
    other = run(tmp_path, "token", "revoke", "--name", "đồng bộ", "--user", "thu", user="duc")
    assert other.returncode == 1 and "chỉ văn thư" in other.stderr
    own = run(tmp_path, "token", "revoke", "--name", "đồng bộ", user="duc")
    assert own.returncode == 0 and own.stdout.startswith("1 token"), own.stderr
    again = run(tmp_path, "token", "revoke", "--name", "đồng bộ", user="duc")
    assert again.returncode == 1 and "không có mã truy cập còn hiệu lực" in again.stderr
    by_clerk = run(tmp_path, "token", "revoke", "--name", "đồng bộ", "--user", "thu", user="thu")
    assert by_clerk.returncode == 0, by_clerk.stderr
