"""Loading a directory into the store: refused before anything is stored when it cannot be drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

from vanthu.errors import InvalidDirective
from vanthu.reading.danh_ba import doc_danh_ba


def write(tmp_path: Path, content: str, name: str = "danh-ba.csv") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_a_body_name_the_slip_could_not_draw_is_refused_before_anything_is_stored(
    tmp_path: Path,
) -> None:
    from tests.csdl import csdl_moi
    from vanthu.services.danh_ba import nap_danh_ba
    from vanthu.services.nguoi_dung import them_nguoi_dung
    from vanthu.services.ung_dung import BoDichVu
    from vanthu.workflow import VaiTro

    directory = doc_danh_ba(write(tmp_path, "ma,ten,ten_ngan\nSYT,Sở Y tế ✓,Sở Ⅱ\n"))
    with csdl_moi("sqlite", tmp_path) as url:
        app = BoDichVu(db=url, thu_muc=tmp_path / "output")
        them_nguoi_dung(app.store, "vt", "Văn thư", VaiTro.van_thu, nguoi_thuc_hien=None)
        with pytest.raises(InvalidDirective) as caught:
            nap_danh_ba(app.store, directory, "vt")
        app.close()
    assert [(p.where, p.message[:12]) for p in caught.value.problems] == [
        ("co_quan[0].ten", "U+2713 '✓' c"),
        ("co_quan[0].ten_ngan", "U+2161 'Ⅱ' c"),
    ]
