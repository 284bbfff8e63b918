"""The lifecycle commands as a clerk types them: real processes on a SQLite store."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import yaml
import zxingcpp
from PIL import Image

from tests.conftest import EXAMPLES, NINH_THUAN
from tests.rendering.dumps import pdf_page_png

VANTHU = Path(sys.executable).parent / "vanthu"


def run(
    tmp: Path, *args: str, user: str | None = None, now: str = "2021-09-13T08:00"
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "VANTHU_NOW": now,
        "VANTHU_DB": str(tmp / "vanthu.db"),
    }
    env.pop("VANTHU_USER", None)
    env.pop("VANTHU_BASE_URL", None)
    command = [str(VANTHU), "--output-root", str(tmp / "out")]
    if user:
        command += ["--as", user]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=env, cwd=tmp, check=False
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_clerk_carries_a_directive_from_draft_to_acknowledgement(tmp_path: Path) -> None:
    # The văn thư is the store's first user (no --as), then administers the rest.
    ok(run(tmp_path, "user", "add", "thu", "--role", "van_thu", "--ho-ten", "Nguyễn Thị Thu"))
    directory = EXAMPLES / "danh-ba" / "ninh-thuan-2021.yaml"
    ok(run(tmp_path, "directory", "load", str(directory), user="thu"))
    for ten, vai_tro, ho_ten in (
        ("duc", "chuyen_vien", "Đặng Ngọc Đức"),
        ("nam", "lanh_dao", "Trần Quốc Nam"),
    ):
        ok(run(tmp_path, "user", "add", ten, "--role", vai_tro, "--ho-ten", ho_ten, user="thu"))
    ok(
        run(
            tmp_path,
            "user",
            "add",
            "syt",
            "--role",
            "don_vi_nhan",
            "--ho-ten",
            "Sở Y tế",
            "--ma-co-quan",
            "SYT",
            user="thu",
        )
    )
    data = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    del data["so"], data["ngay"]
    draft = tmp_path / "du-thao.yaml"
    draft.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    assert ok(run(tmp_path, "draft", str(draft), user="duc")).strip() == "#1 dự thảo"
    assert "chờ duyệt" in ok(run(tmp_path, "submit", "1", user="duc"))
    refused = run(tmp_path, "issue", "1", user="thu")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "không được 'ban hành' khi đang ở trạng thái 'chờ duyệt'" in refused.stderr
    ok(run(tmp_path, "approve", "1", user="nam"))
    issued = ok(run(tmp_path, "issue", "1", user="thu"))
    assert issued.splitlines()[0] == "01/CĐ-UBND: đã duyệt → đã ban hành"
    preview = ok(run(tmp_path, "distribute", "01/CĐ-UBND", "--dry-run", user="thu"))
    assert len(preview.splitlines()) == 53
    assert "53 nơi nhận" in ok(run(tmp_path, "distribute", "01/CĐ-UBND", user="thu"))
    acked = ok(run(tmp_path, "ack", "01/CĐ-UBND", "SYT", user="syt", now="2021-09-13T10:00"))
    assert acked.strip() == "01/CĐ-UBND SYT: đã xác nhận 13/09/2021 10:00"
    again = ok(run(tmp_path, "ack", "01/CĐ-UBND", "SYT", user="syt", now="2021-09-14T10:00"))
    assert "đã xác nhận trước đó 13/09/2021 10:00" in again
    status = ok(run(tmp_path, "status", "01/CĐ-UBND"))
    assert "Tổng: 53 nơi nhận · đã gửi 53 · đã nhận 1 (trễ 0) · chưa nhận 52" in status
    assert "Chưa xác nhận (52):" in status
    log = ok(run(tmp_path, "log", "01/CĐ-UBND"))
    assert [line.split()[3] for line in log.splitlines()[:6]] == [
        "soan_thao",
        "trinh",
        "duyet",
        "ban_hanh",
        "gui",
        "gui",
    ]
    register = ok(run(tmp_path, "register", "--year", "2021"))
    assert register.splitlines()[1].startswith('01/CĐ-UBND,13/09/2021,"Công điện: Về việc')
    assert "stateDiagram-v2" in ok(run(tmp_path, "workflow", "diagram"))
    # The slip's QR code holds the recipient's link; ack --token takes it, and the old form.
    [slip] = (tmp_path / "out").rglob("SNV/phieu-gui.pdf")
    image = Image.open(io.BytesIO(pdf_page_png(slip.read_bytes(), dpi=150)))
    [qr] = zxingcpp.read_barcodes(image)
    assert qr.text.startswith("http://127.0.0.1:8000/nhan/VB1-SNV/")
    acked = ok(run(tmp_path, "ack", "--token", qr.text, user="thu"))
    assert acked.startswith("01/CĐ-UBND SNV: đã xác nhận")
    old_form = "vanthu:ack:VB1-SNV:" + qr.text.rsplit("/", 1)[1]
    assert "đã xác nhận trước đó" in ok(run(tmp_path, "ack", "--token", old_form, user="thu"))
    swapped = run(tmp_path, "ack", "--token", qr.text.replace("VB1-SNV", "VB1-SYT"), user="thu")
    assert swapped.returncode == 1 and "Traceback" not in swapped.stderr


def test_lifecycle_commands_say_who_must_act(tmp_path: Path) -> None:
    result = run(tmp_path, "submit", "1")
    assert result.returncode == 1
    assert "hãy cho biết ai đang làm: --as USER hoặc VANTHU_USER" in result.stderr


def test_the_demo_runs_the_whole_lifecycle_and_lists_what_it_wrote(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = subprocess.run(
        [str(VANTHU), "demo", "--examples", str(EXAMPLES), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "nam trả lại: Bổ sung nhiệm vụ" in text
    assert "nam duyệt và ký số bằng khóa của mình trên máy chủ (lanh_dao_da_ky)" in text
    assert "thu ban hành: cấp số 01/CĐ-UBND, ngày; cơ quan ký số (da_ky_so)" in text
    # Issued signed with the demo keys, and `vanthu verify` on it passes (#10).
    assert (out / "khoa-demo" / "ky-so.yaml").is_file()
    assert "vanthu verify" in text and "Kết luận: hợp lệ" in text
    assert "vai trò: người ký" in text and "vai trò: cơ quan" in text
    assert "Tổng: 53 nơi nhận · đã gửi 53 · đã nhận 45 (trễ 8) · chưa nhận 8" in text
    assert "quá hạn 5" in text
    folder = out / "2021" / "01-CĐ-UBND"
    for name in (
        "01-CĐ-UBND.pdf",
        "01-CĐ-UBND.docx",
        "manifest.json",
        "bao-cao-tong-hop.pdf",
        "don-doc-2.pdf",
        "SYT/phieu-gui.pdf",
    ):
        assert (folder / name).exists(), name
        assert str(folder / name).split("/SYT")[0] in text


def refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"vanthu: {message}"]


def test_keys_that_are_not_ids_or_numbers_are_one_line_and_never_another_directive(
    tmp_path: Path,
) -> None:
    refused(run(tmp_path, "status", "²"), "không tìm thấy văn bản '²'")
    refused(run(tmp_path, "log", "٣"), "không tìm thấy văn bản '٣'")
    refused(
        run(tmp_path, "ack", "9" * 30, "SYT", user="syt"), "không tìm thấy văn bản '999999999999…'"
    )
    refused(
        run(tmp_path, "status", ""),
        "văn bản: hãy ghi mã số (7) hoặc số và ký hiệu của văn bản (01/CĐ-UBND)",
    )


def test_a_register_year_must_be_a_year(tmp_path: Path) -> None:
    refused(
        run(tmp_path, "register", "--year", "٢٠٢١"), "năm '٢٠٢١': hãy ghi một năm từ 1945 đến 2100"
    )
    refused(run(tmp_path, "register", "--year", "-1"), "năm '-1': hãy ghi một năm từ 1945 đến 2100")


def test_a_report_names_its_reply_and_its_file_within_their_limits(tmp_path: Path) -> None:
    refused(
        run(tmp_path, "report", "1", "SYT", "--reply", "..", user="syt"),
        "--reply: hãy ghi số và ký hiệu của văn bản trả lời, ví dụ 123/BC-SYT "
        "(không có '..' hay '\\')",
    )
    refused(
        run(tmp_path, "report", "1", "SYT", "--reply", "x" * 300, user="syt"),
        "--reply: 300 ký tự; tối đa 40",
    )
    refused(
        run(tmp_path, "report", "1", "SYT", "--reply", "7/BC", "--file", str(tmp_path), user="syt"),
        f"--file {tmp_path}: là một thư mục",
    )


def test_an_acting_user_that_is_not_a_user_name_is_one_line(tmp_path: Path) -> None:
    refused(
        run(tmp_path, "submit", "1", user="\udcff"),  # the byte 0xFF in argv, not UTF-8
        "--as / VANTHU_USER '\\udcff': mã gồm 1–32 chữ cái không dấu, chữ số, '_', '-' hoặc '.', "
        "bắt đầu bằng chữ cái hoặc chữ số",
    )
