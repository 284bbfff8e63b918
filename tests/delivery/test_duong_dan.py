"""Paths built from data: a safe name for anything, and a path that never leaves its root."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from vanthu.delivery.duong_dan import ten_an_toan, trong_goc
from vanthu.errors import OutputError, Refused
from vanthu.schemas.gioi_han import TEN_TEP_TOI_DA

#: Text an adversary would try: separators, dots, NUL, controls, surrogates, bidi, long runs.
_MANH = st.sampled_from(
    ["/", "\\", "..", ".", "\x00", "\n", "\x7f", "\ud800", "\udcff", "\u202e", "Đ", "a", " ", "~"]
)
VAN_BAN_BAT_KY = st.one_of(
    st.text(),
    st.text(st.characters(exclude_categories=())),  # every code point, surrogates included
    st.lists(_MANH, max_size=12).map("".join),
    st.text(min_size=150, max_size=400),
)


def _duoi_goc(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


@given(text=VAN_BAN_BAT_KY)
@example(text="..")
@example(text=".")
@example(text="../../etc/passwd")
@example(text="a\x00b")
@example(text="x" * 5000)
@example(text="Đ" * 101)  # 202 bytes of UTF-8
def test_any_text_becomes_one_name_under_the_root_or_is_refused_cleanly(text: str) -> None:
    try:
        name = ten_an_toan(text, "code")
    except Refused as error:
        assert "cannot name a file or folder" in str(error)
        return
    assert name not in ("", ".", "..") and not name.startswith(".")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert len(name.encode("utf-8")) <= TEN_TEP_TOI_DA
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "goc"
        path = trong_goc(root, name)
        assert path.parent == root and _duoi_goc(path, root)
        path.mkdir(parents=True)  # the OS takes it as one plain name
        assert [p.name for p in root.iterdir()] == [name]


@given(text=VAN_BAN_BAT_KY)
@example(text="..")
@example(text="../x")
@example(text="\x00")
def test_a_raw_part_is_refused_unless_it_stays_under_the_root(text: str) -> None:
    root = Path(tempfile.gettempdir()) / "vanthu-goc-khong-co"
    try:
        path = trong_goc(root, "2021", text)
    except OutputError:
        return
    assert _duoi_goc(path, root) and path.parent.parent == root


def test_a_symbol_keeps_its_usual_folder_name() -> None:
    assert ten_an_toan("01/CĐ-UBND") == "01-CĐ-UBND"
    assert ten_an_toan("245/BC-UBND.pdf") == "245-BC-UBND.pdf"
    assert ten_an_toan("a\x00b\nc") == "a-b-c"


@pytest.mark.parametrize("code", ["..", ".", "", "/", ".hidden", "x" * (TEN_TEP_TOI_DA + 1)])
def test_a_code_that_cannot_name_a_folder_is_refused_with_its_value(code: str) -> None:
    with pytest.raises(Refused, match=r"^directory code '.*': cannot name a file or folder"):
        ten_an_toan(code, "directory code")


def test_a_symbolic_link_out_of_the_root_is_refused_and_one_inside_is_not(
    tmp_path: Path,
) -> None:
    root = tmp_path / "goc"
    (root / "2021").mkdir(parents=True)
    outside = tmp_path / "ngoai"
    outside.mkdir()
    os.symlink(outside, root / "2021" / "SYT")
    os.symlink(root / "2021", root / "nam-nay")
    with pytest.raises(OutputError, match="outside"):
        trong_goc(root, "2021", "SYT", "phieu-gui.pdf")
    assert trong_goc(root, "nam-nay", "SNV") == root / "nam-nay" / "SNV"
