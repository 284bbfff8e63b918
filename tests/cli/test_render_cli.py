"""The ``vanthu`` command as a user runs it: real processes, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import NINH_THUAN
from tests.rendering.stand_in_fonts import (
    REVISION,
    TEN_TEP_WINDOWS,
    embedded_revisions,
    office_font_folder,
)
from vanthu.rendering.fonts import TEN_KIEU, mat_chu_kem_theo

VANTHU = Path(sys.executable).parent / "vanthu"


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **(env or {})}
    return subprocess.run(
        [str(VANTHU), *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


def test_render_writes_docx_and_pdf_named_after_the_file_and_prints_their_paths(
    tmp_path: Path,
) -> None:
    result = run("render", str(NINH_THUAN), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    stem = NINH_THUAN.stem
    assert result.stdout.splitlines() == [
        str(tmp_path / f"{stem}.docx"),
        str(tmp_path / f"{stem}.pdf"),
    ]
    assert (tmp_path / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / f"{stem}.docx").read_bytes().startswith(b"PK")


def test_render_can_write_one_format_only(tmp_path: Path) -> None:
    result = run("render", str(NINH_THUAN), "-o", str(tmp_path), "--format", "pdf", "--pdfa")
    assert result.returncode == 0, result.stderr
    assert [p.suffix for p in tmp_path.iterdir()] == [".pdf"]


def test_render_defaults_to_the_output_folder(tmp_path: Path) -> None:
    result = run("render", str(NINH_THUAN), "--format", "docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / f"{NINH_THUAN.stem}.docx").exists()


def test_check_accepts_a_valid_file() -> None:
    result = run("check", str(NINH_THUAN))
    assert result.returncode == 0
    assert result.stdout.strip().endswith("hợp lệ (công điện 18/CĐ-UBND)")


def test_check_warns_of_an_inline_list_split_at_a_comma_with_its_field_and_line_and_exits_0(
    tmp_path: Path,
) -> None:
    path = bad_file(
        tmp_path,
        "  - Ủy ban nhân dân các huyện, thành phố\n",
        "  - [Ủy ban nhân dân các huyện, thành phố]\n",
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "kinh_gui:\n  - Các sở, ban, ngành, đoàn thể tỉnh\n"
            "  - Các cơ quan Trung ương đóng trên địa bàn tỉnh\n"
            "  - [Ủy ban nhân dân các huyện, thành phố]\n",
            "kinh_gui: [Ủy ban nhân dân các huyện, thành phố]\n",
        ),
        encoding="utf-8",
    )
    result = run("check", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("hợp lệ (công điện 18/CĐ-UBND)")
    header, warning = result.stderr.splitlines()
    assert header == f"{path}: 1 cảnh báo"
    assert warning.startswith("  - kinh_gui[1] (dòng 13): 'thành phố' bắt đầu bằng chữ thường")
    assert "'Ủy ban nhân dân các huyện, thành phố'" in warning


def test_check_finds_nothing_to_warn_of_in_the_examples() -> None:
    examples = sorted(str(p) for p in NINH_THUAN.parent.glob("*.yaml"))
    result = run("check", *examples)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == len(examples)


def test_schema_prints_a_json_schema_of_the_directive_file() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"loai", "co_quan", "noi_nhan", "nguoi_ky"} <= set(schema["properties"])
    assert "co_quan" in schema["required"]


def bad_file(tmp_path: Path, old: str, new: str) -> Path:
    text = NINH_THUAN.read_text(encoding="utf-8")
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_bad_input_gives_a_message_with_the_field_and_a_non_zero_exit(tmp_path: Path) -> None:
    cases = {
        ("loai: cong_dien", "loai: [cong_dien"): "dòng ",
        ("loai: cong_dien", "loai: cong_dien_x"): "loai: phải là một trong các giá trị",
        ("so: 18", "so: 0"): "so: phải lớn hơn hoặc bằng 1",
        ("ngay: 2021-09-13", "ngay: 2099-09-13"): "ngay: 2099-09-13 là ngày trong tương lai",
        (
            "co_quan: ỦY BAN NHÂN DÂN TỈNH NINH THUẬN\n",
            "",
        ): "co_quan: bắt buộc phải có, nhưng chưa được ghi",
    }
    for (old, new), expected in cases.items():
        path = str(bad_file(tmp_path, old, new))
        for args in (("render", path, "-o", str(tmp_path / "o")), ("check", path)):
            result = run(*args)
            command = args[0]
            assert result.returncode == 1, (command, old, result.stderr)
            assert expected in result.stderr, (command, old, result.stderr)
            assert "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_bien_ban_without_its_secretary_is_refused_naming_the_field(tmp_path: Path) -> None:
    # Until #9 a biên bản was refused as an unsupported form; now it is laid out (Mẫu 1.9) and
    # a file without the secretary's signature is refused by the field it lacks.
    path = bad_file(tmp_path, "loai: cong_dien", "loai: bien_ban")
    text = path.read_text(encoding="utf-8")
    text = text.replace("nguoi_gui: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n", "")
    text = text.replace("kinh_gui:\n", "kinh_gui_bo:\n")
    path.write_text(text.split("kinh_gui_bo:")[0] + "noi_dung:" + text.split("noi_dung:")[1])
    result = run("render", str(path), "-o", str(tmp_path / "o"))
    assert result.returncode == 1
    assert "nguoi_ky_2: biên bản phải có" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_a_clear_error() -> None:
    result = run("render", "no-such-file.yaml")
    assert result.returncode == 1
    assert "no-such-file.yaml" in result.stderr and "không đọc được tệp" in result.stderr


def test_render_verbose_names_the_bundled_face_its_files_and_the_docx_font(
    tmp_path: Path,
) -> None:
    result = run("render", str(NINH_THUAN), "-o", str(tmp_path), "--verbose")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "PDF font (embedded, the styles used as subsets): Liberation Serif 2.1.5, "
        "bundled with vanthu (metric-compatible with Times New Roman)"
    )
    folder = mat_chu_kem_theo().file(False, False).parent
    assert lines[1:5] == [
        f"  regular     {folder / 'LiberationSerif-Regular.ttf'}",
        f"  bold        {folder / 'LiberationSerif-Bold.ttf'}",
        f"  italic      {folder / 'LiberationSerif-Italic.ttf'}",
        f"  bold italic {folder / 'LiberationSerif-BoldItalic.ttf'}",
    ]
    assert lines[5:] == ["DOCX font (named by the styles, not embedded): Times New Roman"]
    # stdout still lists only the paths written, for scripts.
    assert [Path(p).suffix for p in result.stdout.splitlines()] == [".docx", ".pdf"]


def test_render_verbose_names_the_offices_folder_and_files(tmp_path: Path) -> None:
    folder = office_font_folder(tmp_path / "fonts")
    result = run(
        "render",
        str(NINH_THUAN),
        "-o",
        str(tmp_path / "out"),
        "--format",
        "pdf",
        "-v",
        env={"VANTHU_FONT_DIR": str(folder)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "PDF font (embedded, the styles used as subsets): Times New Roman 2.1.5, "
        f"from VANTHU_FONT_DIR {folder}",
        *(f"  {name:<11} {folder / TEN_TEP_WINDOWS[key]}" for key, name in TEN_KIEU.items()),
    ]
    assert embedded_revisions((tmp_path / "out" / f"{NINH_THUAN.stem}.pdf").read_bytes()) == {
        REVISION
    }


def test_a_bad_font_folder_is_one_line_naming_it_and_nothing_is_written(tmp_path: Path) -> None:
    folder = office_font_folder(tmp_path / "fonts", styles=((False, False), (True, False)))
    for args in (["render", "-o", str(tmp_path / "out")], ["check"]):
        result = run(*args, str(NINH_THUAN), env={"VANTHU_FONT_DIR": str(folder)})
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert f"VANTHU_FONT_DIR {folder}: no Times New Roman italic, bold italic" in result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()
