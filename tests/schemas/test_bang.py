"""A body table (bảng): its shape, widths and limits, refused with the field path."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.schemas.test_van_ban import cong_dien
from vanthu.errors import InvalidDirective
from vanthu.schemas import gioi_han as g
from vanthu.schemas.bang import CanO
from vanthu.services import doc_van_ban

TODAY = dt.date(2026, 11, 28)


def bang(**fields: Any) -> dict[str, Any]:
    table: dict[str, Any] = {
        "cot": [{"ten": "STT", "rong": 1.2}, "Đơn vị", "Số mũi"],
        "dong": [["1", "Phan Rang", "12.345"], [2, "Ninh Hải", "678"]],
    }
    table.update(fields)
    return {"bang": table}


def with_table(*items: Any) -> dict[str, Any]:
    return cong_dien(noi_dung=["1. Kết quả:", *items, "Đề nghị thực hiện."])


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(InvalidDirective) as caught:
        doc_van_ban(data, "test", TODAY)
    return [str(p) for p in caught.value.problems]


def test_a_table_is_an_item_of_the_body_with_its_numbers_aligned_right() -> None:
    vb = doc_van_ban(with_table(bang()), "test", TODAY)
    table = vb.noi_dung[1].bang
    assert table is not None and vb.noi_dung[1].doan is None
    assert table.dong[1] == ["2", "Ninh Hải", "678"]
    assert [table.can_cot(j) for j in range(3)] == [CanO.phai, CanO.trai, CanO.phai]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            bang(dong=[["1", "a", "2"], ["2", "b"]]),
            "noi_dung[1].bang.dong[1]: có 2 ô, bảng có 3 cột",
        ),
        (
            bang(tieu_de_gop=[[{"ten": "Đơn vị", "gop": 2}, {"ten": "x", "gop": 2}]]),
            "noi_dung[1].bang.tieu_de_gop[0]: các ô trải trên 4 cột (cộng các gop), bảng có 3 cột",
        ),
        (
            bang(cot=[{"ten": "A", "rong": 10}, {"ten": "B", "rong": 6}, "C"]),
            "noi_dung[1].bang.cot: các cột cần 16.80 cm, rộng hơn 16.5 cm của "
            "trang đứng (hoặc đặt ngang: true)",
        ),
        (bang(dong=[["1", "a", 1.5]]), "noi_dung[1].bang.dong[0][2]: số thập phân (1.5)"),
        (bang(dong=[["1", "a", "Ủ" * 501]]), "noi_dung[1].bang.dong[0][2]: tối đa 500"),
        (bang(dong=[["1", "a", "b\x07"]]), "noi_dung[1].bang.dong[0][2]: có U+0007"),
        (bang(ngang="yes"), "noi_dung[1].bang.ngang"),
        (bang(cot=[f"C{i}" for i in range(g.COT_BANG_TOI_DA + 1)]), "noi_dung[1].bang.cot:"),
        ({"bang": bang()["bang"], "doan": "x"}, "noi_dung[1]: mỗi mục là một đoạn (doan) hoặc"),
    ],
)
def test_a_table_that_cannot_be_printed_is_refused_naming_its_field(
    table: dict[str, Any], expected: str
) -> None:
    assert any(p.startswith(expected) for p in problems(with_table(table))), problems(
        with_table(table)
    )


def test_a_landscape_table_may_be_as_wide_as_a_landscape_page() -> None:
    wide = [{"ten": f"C{i}", "rong": 2.5} for i in range(10)]
    rows = [[str(i)] * 10 for i in range(3)]
    doc_van_ban(with_table(bang(cot=wide, dong=rows, ngang=True)), "test", TODAY)
    assert problems(with_table(bang(cot=wide, dong=rows)))


def test_cell_text_is_nfc_and_its_spaces_collapse() -> None:
    decomposed = "Nho\u0302\u0301n  Ha\u0309i"
    vb = doc_van_ban(with_table(bang(dong=[["1", decomposed, "2"]])), "test", TODAY)
    assert vb.noi_dung[1].bang is not None
    assert vb.noi_dung[1].bang.dong[0][1] == "Nhốn Hải"


def test_a_task_may_point_at_a_table_and_counts_it_as_an_item() -> None:
    data = with_table(bang())
    data["nhiem_vu"] = [{"doan": 3, "ma_co_quan": ["SYT"], "han": "2026-12-31"}]
    doc_van_ban(data, "test", TODAY)
    data["nhiem_vu"] = [{"doan": 4, "ma_co_quan": ["SYT"], "han": "2026-12-31"}]
    assert any("trỏ tới đoạn 4, nhưng nội dung chỉ có 3 đoạn" in p for p in problems(data))
