"""The check use case: a file is valid and every character of it can be drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import HOM_NAY, NINH_THUAN
from vanthu.errors import InvalidDirective
from vanthu.services import kiem_tra_tep


def test_a_valid_drawable_file_is_returned_validated() -> None:
    vb = kiem_tra_tep(NINH_THUAN, HOM_NAY)
    assert vb.so_ky_hieu == "18/CĐ-UBND"


def test_a_file_with_an_undrawable_character_is_refused_naming_the_file_and_field(
    tmp_path: Path,
) -> None:
    text = NINH_THUAN.read_text(encoding="utf-8").replace("dia_danh: Ninh Thuận", "dia_danh: Ⅱ")
    assert "dia_danh: Ⅱ" in text
    path = tmp_path / "la-ma.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidDirective) as error:
        kiem_tra_tep(path, HOM_NAY)
    assert error.value.source == str(path)
    assert [p.where for p in error.value.problems] == ["dia_danh"]
