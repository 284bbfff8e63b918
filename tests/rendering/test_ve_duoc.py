"""What the embedded faces can draw, and the preflight that refuses the rest with field paths."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import HOM_NAY, NINH_THUAN
from vanthu.errors import InvalidDirective
from vanthu.rendering import kiem_tra_ve_duoc, ky_tu_khong_ve_duoc
from vanthu.schemas import VanBan
from vanthu.services import doc_van_ban, ket_xuat_van_ban

VANTHU = Path(sys.executable).parent / "vanthu"
VIET = (
    "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN — Sở Y tế; “vùng xanh” (COVID-19): 1/2, 50%, "
    "aăâbcdđeêghiklmnoôơpqrstuưvxy áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)


def ninh_thuan_data() -> dict[str, object]:
    data = yaml.safe_load(NINH_THUAN.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def directive(**changes: object) -> VanBan:
    return doc_van_ban({**ninh_thuan_data(), **changes}, "test.yaml", HOM_NAY)


def test_vietnamese_text_and_its_punctuation_can_all_be_drawn() -> None:
    assert ky_tu_khong_ve_duoc(VIET) == ""
    assert ky_tu_khong_ve_duoc(VIET.upper()) == ""


def test_line_breaks_and_spaces_are_never_reported() -> None:
    assert ky_tu_khong_ve_duoc("a b\nc  d\te\r\n") == ""


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Mục Ⅱ ✓ xong ✓", "Ⅱ✓"),
        ("Chúc mừng 🎉", "🎉"),
        ("Sở Y tế 漢字", "漢字"),
        ("a\x00b\x07", "\x00\x07"),
    ],
)
def test_characters_no_embedded_face_has_are_listed_once_in_order(text: str, missing: str) -> None:
    assert ky_tu_khong_ve_duoc(text) == missing


def test_the_preflight_accepts_every_example(ninh_thuan: VanBan) -> None:
    kiem_tra_ve_duoc(ninh_thuan, "ninh-thuan.yaml")


def test_the_preflight_names_each_field_and_undrawable_character() -> None:
    # Regression (#7): a ✓ or Ⅱ passed check, then failed the slip after the number was taken.
    noi_nhan = [f"Sở {i}" for i in range(4)] + ["Sở Y tế ✓"]
    vb = directive(trich_yeu="Về việc Mục Ⅱ", noi_nhan=noi_nhan)
    with pytest.raises(InvalidDirective) as error:
        kiem_tra_ve_duoc(vb, "test.yaml")
    messages = [str(p) for p in error.value.problems]
    assert messages == [
        "trich_yeu: U+2161 'Ⅱ' cannot be drawn by the embedded font Liberation Serif",
        "noi_nhan[4]: U+2713 '✓' cannot be drawn by the embedded font Liberation Serif",
    ]
    assert error.value.source == "test.yaml"


def test_a_field_printed_in_capitals_is_checked_in_capitals() -> None:
    # 'ɐ' is in the face, its capital 'Ɐ' is not: the issuer is printed in capitals.
    assert ky_tu_khong_ve_duoc("ɐ") == ""
    assert ky_tu_khong_ve_duoc("ɐ".upper()) == "Ɐ"
    vb = directive(co_quan="Ủy ban ɐ")
    with pytest.raises(InvalidDirective, match=r"co_quan: U\+2C6F 'Ɐ'"):
        kiem_tra_ve_duoc(vb, "test.yaml")


def test_render_refuses_before_writing_any_file(tmp_path: Path) -> None:
    vb = directive(trich_yeu="Về việc ✓")
    with pytest.raises(InvalidDirective, match="trich_yeu: U\\+2713"):
        ket_xuat_van_ban(vb, tmp_path / "out", "x", hom_nay=HOM_NAY)
    assert not (tmp_path / "out").exists()


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VANTHU), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_check_and_render_refuse_an_undrawable_character_with_its_field_path(
    tmp_path: Path,
) -> None:
    data = ninh_thuan_data()
    data["noi_nhan"] = [*data["noi_nhan"][:4], "Sở Y tế ✓"]  # type: ignore[index]
    path = tmp_path / "dau-tich.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for command in (["check", str(path)], ["render", str(path), "-o", str(tmp_path / "out")]):
        result = run(*command)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "noi_nhan[4]: U+2713 '✓' cannot be drawn by the embedded font" in result.stderr
    assert not (tmp_path / "out").exists()
