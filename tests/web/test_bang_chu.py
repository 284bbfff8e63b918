"""A table typed as text: spreadsheet pastes and typed lines read into cells, and any cells the
schema accepts written and read back unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vanthu.web.bang_chu import doc_bang_chu, viet_bang_chu


def test_a_spreadsheet_paste_is_split_on_tabs_with_quoted_cells_holding_line_breaks() -> None:
    pasted = '1\tPhường Bảo An\t11.585\r\n2\t"Phường\nĐài Sơn"\t"nói ""có"""\r\n'
    assert doc_bang_chu(pasted.replace("\r\n", "\n")) == [
        ["1", "Phường Bảo An", "11.585"],
        ["2", "Phường\nĐài Sơn", 'nói "có"'],
    ]


def test_typed_lines_split_on_bars_and_mix_with_pasted_ones() -> None:
    text = "1 | a |  | b \n\n2\tc\t\td\n3 | e | f | g"
    assert doc_bang_chu(text) == [["1", "a", "", "b"], ["2", "c", "", "d"], ["3", "e", "f", "g"]]


def test_a_quote_that_opens_no_quoted_cell_is_kept_as_typed() -> None:
    assert doc_bang_chu('"Vùng xanh" là | 2') == [['"Vùng xanh" là', "2"]]


#: A cell as the schema keeps it: NFC, no blank at either end of a line, single spaces.
_chu = st.text(alphabet=st.sampled_from('ab Đ|"\n\t,1'), max_size=12)
_o = _chu.map(
    lambda t: "\n".join(" ".join(p.split()) for p in t.replace("\t", " ").strip().split("\n"))
)


@given(st.lists(st.lists(_o, min_size=1, max_size=5), min_size=1, max_size=6))
def test_any_cells_written_read_back_the_same(rows: list[list[str]]) -> None:
    assert doc_bang_chu(viet_bang_chu(rows)) == rows
