"""What the machine does wrong reaches a clerk as one line and a non-zero exit, never a traceback.

Real ``vanthu`` processes: a store that is not a database or not reachable, a malformed
setting, an output folder that cannot be written, a reader that stops reading, Ctrl-C. Each
leaves the store as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import NINH_THUAN
from tests.csdl import PG_ADMIN
from tests.services.conftest import DANH_BA, cong_dien_du_thao
from vanthu.services import UngDung
from vanthu.services.clock import GIO_VIET_NAM
from vanthu.workflow import VaiTro

VANTHU = Path(sys.executable).parent / "vanthu"
PG_BASE = PG_ADMIN.rsplit("/", 1)[0]


def vanthu(
    cwd: Path, *args: str, db: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("VANTHU_") or k == "VANTHU_TEST_PG"
    }
    environment |= {"VANTHU_NOW": "2021-09-13T08:00"} | env
    if db is not None:
        environment["VANTHU_DB"] = db
    return subprocess.run(
        [str(VANTHU), *args], capture_output=True, text=True, cwd=cwd, env=environment, check=False
    )


def one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """The one line a failed command printed on stderr, checked for each fragment."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


# -- the store ---------------------------------------------------------------------------------


def _text_file(tmp: Path) -> str:
    (tmp / "notes.db").write_text("not a database\n", encoding="utf-8")
    return "notes.db"


def _folder(tmp: Path) -> str:
    (tmp / "store.db").mkdir()
    return "store.db"


def _under_a_file(tmp: Path) -> str:
    (tmp / "plain").write_text("x", encoding="utf-8")
    return "plain/vanthu.db"


STORES_THAT_ARE_NOT = {
    "a text file": (
        _text_file,
        "kho dữ liệu 'notes.db' (--db / VANTHU_DB): tệp không phải là cơ sở dữ liệu",
    ),
    "a folder": (_folder, "kho dữ liệu 'store.db' (--db / VANTHU_DB): là một thư mục"),
    "a device": (lambda tmp: "/dev/null", "'/dev/null' (--db / VANTHU_DB): là thiết bị"),
    "a path under a file": (_under_a_file, "'plain' là một tệp, không phải thư mục"),
    "a closed port": (
        lambda tmp: "postgresql://postgres:secret@127.0.0.1:1/vanthu",
        "kho dữ liệu 'postgresql://postgres:***@127.0.0.1:1/vanthu' (--db / VANTHU_DB): "
        "connection failed",
    ),
    "a missing database": (
        lambda tmp: f"{PG_BASE}/vanthu_khong_co",
        'database "vanthu_khong_co" does not exist',
    ),
    "a malformed URL": (
        lambda tmp: "postgresql://::::",
        "--db / VANTHU_DB: không phải địa chỉ cơ sở dữ liệu",
    ),
    "an unsupported database": (lambda tmp: "mysql://h/d", "không hỗ trợ 'mysql'"),
    "a port out of range": (
        lambda tmp: "postgresql://h:99999/d",
        "cổng 99999 không nằm trong khoảng 1–65535",
    ),
}


@pytest.mark.parametrize("kind", list(STORES_THAT_ARE_NOT))
def test_a_store_that_cannot_be_opened_is_one_line_naming_the_setting(
    kind: str, tmp_path: Path
) -> None:
    make, expected = STORES_THAT_ARE_NOT[kind]
    db = make(tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    one_line_error(vanthu(tmp_path, "status", "1", db=db), expected)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    if kind == "a text file":
        assert (tmp_path / "notes.db").read_text(encoding="utf-8") == "not a database\n"


def test_the_store_is_also_named_by_the_db_option(tmp_path: Path) -> None:
    _text_file(tmp_path)
    one_line_error(
        vanthu(tmp_path, "--db", "notes.db", "log", "1"), "tệp không phải là cơ sở dữ liệu"
    )


def test_an_empty_file_is_taken_as_a_new_store(tmp_path: Path) -> None:
    (tmp_path / "new.db").write_bytes(b"")
    one_line_error(vanthu(tmp_path, "status", "1", db="new.db"), "không tìm thấy văn bản '1'")


def test_a_store_locked_longer_than_the_wait_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    db = tmp_path / "vanthu.db"
    url = f"sqlite:///{db}?timeout=1"
    assert vanthu(tmp_path, "status", "1", db=url).returncode == 1  # creates the store
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process writing, for longer than 1 s
        args = ("user", "add", "cv", "--role", "chuyen_vien", "--ho-ten", "Đặng Ngọc Đức")
        one_line_error(
            vanthu(tmp_path, *args, db=url),
            f"kho dữ liệu '{db}' (--db / VANTHU_DB): bị tiến trình khác khóa quá 1 giây",
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert sqlite3.connect(db).execute("SELECT count(*) FROM nguoi_dung").fetchone() == (0,)


# -- settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (
            "yesterday",
            "VANTHU_NOW: 'yesterday' không phải một thời điểm; hãy ghi thời điểm theo ISO 8601",
        ),
        ("2021-02-31T08:00", "VANTHU_NOW: '2021-02-31T08:00' không phải một thời điểm"),
        ("0001-01-01", "VANTHU_NOW: năm 1 không nằm trong khoảng 1945–2100"),
    ],
)
def test_a_malformed_clock_is_refused_before_the_store_is_opened(
    now: str, expected: str, tmp_path: Path
) -> None:
    one_line_error(vanthu(tmp_path, "status", "1", db="vanthu.db", VANTHU_NOW=now), expected)
    assert not (tmp_path / "vanthu.db").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"so_dang_ky:\n  quyet_dinh: \xff\n", "VANTHU_CONFIG office.yaml: không phải chữ UTF-8"),
        (
            b"so_dang_ky: [1\n",
            "VANTHU_CONFIG office.yaml: dòng 2: không phải một nhóm trường YAML (tên: giá trị)",
        ),
        (
            b"so_dang_ky:\n  quyet_dinh: ../qd\n",
            "so_dang_ky.quyet_dinh: tên sổ đăng ký gồm 1–20 chữ cái",
        ),
        (b"so_dang_ky:\n  thu_tinh: qd\n", "so_dang_ky: 'thu_tinh' không phải một loại văn bản"),
    ],
)
def test_a_bad_configuration_file_is_one_line_naming_it(
    content: bytes, expected: str, tmp_path: Path
) -> None:
    (tmp_path / "office.yaml").write_bytes(content)
    result = vanthu(tmp_path, "status", "1", db="vanthu.db", VANTHU_CONFIG="office.yaml")
    one_line_error(result, expected)


def test_a_configuration_that_is_a_folder_is_one_line_naming_it(tmp_path: Path) -> None:
    result = vanthu(tmp_path, "status", "1", db="vanthu.db", VANTHU_CONFIG=str(tmp_path))
    one_line_error(result, f"VANTHU_CONFIG {tmp_path}: không đọc được tệp: là một thư mục")


# -- output folders ----------------------------------------------------------------------------


@pytest.fixture
def approved(tmp_path: Path) -> Iterator[Path]:
    """A SQLite store holding draft #1, approved and ready to issue; its path."""
    db = tmp_path / "vanthu.db"
    app = UngDung(
        db=str(db),
        thu_muc=tmp_path / "output",
        clock=lambda: dt.datetime(2021, 9, 13, 8, 0, tzinfo=GIO_VIET_NAM),
    )
    app.them_nguoi_dung(None, "vt", "Nguyễn Thị Văn", VaiTro.van_thu)
    app.nap_danh_ba("vt", app.doc_danh_ba(DANH_BA))
    for ten, vai_tro in (("cv", VaiTro.chuyen_vien), ("ld", VaiTro.lanh_dao)):
        app.them_nguoi_dung("vt", ten, "Đặng Ngọc Đức", vai_tro)
    draft = app.soan_thao("cv", cong_dien_du_thao(), "test")
    assert draft.van_ban_id == 1
    app.trinh("cv", "1")
    app.duyet("ld", "1")
    app.close()
    yield db


def test_issuing_into_a_folder_under_a_file_names_the_path_and_takes_no_number(
    approved: Path, tmp_path: Path
) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    result = vanthu(
        tmp_path, "--output-root", "plain/out", "--as", "vt", "issue", "1", db=str(approved)
    )
    one_line_error(result, "plain/out/", ": Not a directory")
    register = vanthu(tmp_path, "register", "--year", "2021", db=str(approved))
    assert register.returncode == 0 and len(register.stdout.splitlines()) == 1
    assert "#1 — đã duyệt" in vanthu(tmp_path, "status", "1", db=str(approved)).stdout


def test_a_register_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    result = vanthu(tmp_path, "register", "--year", "2021", "--out", "/proc/vanthu", db="vanthu.db")
    one_line_error(result, "/proc/vanthu")


def test_a_full_disk_while_issuing_is_one_line_and_takes_no_number(
    approved: Path, tmp_path: Path
) -> None:
    # A file-size limit makes every write past 40 KB fail as a full disk would (EFBIG, not
    # ENOSPC: a tmpfs of that size needs a mount, which CI containers do not allow).
    command = f'ulimit -f 40; exec "{VANTHU}" --output-root out --as vt issue 1'
    result = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "VANTHU_DB": str(approved)},
        check=False,
    )
    line = one_line_error(result)
    assert "File too large" in line or "disk I/O error" in line, line  # files, or the store
    assert "#1 — đã duyệt" in vanthu(tmp_path, "status", "1", db=str(approved)).stdout
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]


def test_rendering_into_a_folder_under_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    one_line_error(vanthu(tmp_path, "render", str(NINH_THUAN), "-o", "plain/out"), "plain/out")


# -- the terminal ------------------------------------------------------------------------------


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path) -> None:
    with subprocess.Popen(
        [str(VANTHU), "--db", "vanthu.db", "register", "--year", "2021"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # `| head -0`: nobody reads what it prints
        error = process.stderr.read()
    assert process.returncode == 1
    assert error == ""


def test_ctrl_c_ends_the_command_with_status_130_and_no_traceback(tmp_path: Path) -> None:
    files = [str(NINH_THUAN)] * 20
    env = dict(os.environ)
    with subprocess.Popen(
        [str(VANTHU), "render", "-o", "out", *files],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        time.sleep(1.5)  # inside the command, importing or rendering
        process.send_signal(signal.SIGINT)
        assert process.stderr is not None
        error = process.stderr.read()
    assert process.returncode == 130, error
    assert "Traceback" not in error


def test_the_progress_bar_is_typed_without_clicks_private_module() -> None:
    source = (Path(__file__).parents[2] / "src/vanthu/cli/van_ban.py").read_text(encoding="utf-8")
    assert "_termui_impl" not in source


def test_a_reason_over_its_limit_is_refused_before_anything_is_looked_up(tmp_path: Path) -> None:
    result = vanthu(tmp_path, "--as", "ld", "return", "1", "--reason", "x" * 2001, db="vanthu.db")
    one_line_error(result, "--reason: 2001 ký tự; tối đa 2000")
