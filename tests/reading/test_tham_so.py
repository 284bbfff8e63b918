"""Arguments typed to a use case: held to the limits, refused with the argument's name."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vanthu.errors import InvalidSetting, NotFound, VanthuError
from vanthu.reading import tham_so
from vanthu.schemas.gioi_han import TEP_BAO_CAO_TOI_DA


@pytest.mark.parametrize("key", ["7", "#7", " 7 ", "0000007"])
def test_a_directive_is_named_by_its_id_in_ascii_digits(key: str) -> None:
    assert tham_so.khoa_van_ban(key) == 7


@pytest.mark.parametrize("key", ["²", "٣", "٣٤", "1²", "-1", "+1", "1e3", "01/CĐ-UBND"])
def test_anything_but_ascii_digits_is_a_number_and_symbol_not_an_id(key: str) -> None:
    assert tham_so.khoa_van_ban(key) == key


def test_a_number_and_symbol_typed_decomposed_is_looked_up_composed() -> None:
    assert tham_so.khoa_van_ban("01/BC-SO\u031b\u0309") == "01/BC-S\u1ede"  # SỞ


@pytest.mark.parametrize("key", ["0", "9" * 30, str(2**31)])
def test_an_id_no_directive_can_have_is_not_found(key: str) -> None:
    with pytest.raises(NotFound, match=r"^không tìm thấy văn bản '"):
        tham_so.khoa_van_ban(key)


@pytest.mark.parametrize("key", ["", "  ", "#", " # "])
def test_an_empty_key_asks_for_an_id_or_a_number(key: str) -> None:
    with pytest.raises(InvalidSetting, match=r"^văn bản: hãy ghi mã số"):
        tham_so.khoa_van_ban(key)


@pytest.mark.parametrize("key", ["01/CĐ\x00-UBND", "a\tb", "\udcff", "01\u200b"])
def test_a_key_with_a_control_or_unprintable_character_is_refused(key: str) -> None:
    with pytest.raises(InvalidSetting, match="ký tự điều khiển hoặc ký tự không in được"):
        tham_so.khoa_van_ban(key)


@given(st.text(max_size=80))
def test_any_key_is_an_id_a_number_and_symbol_or_a_clear_refusal(key: str) -> None:
    try:
        parsed = tham_so.khoa_van_ban(key)
    except VanthuError as error:
        assert "\n" not in str(error)
        return
    if isinstance(parsed, int):
        assert 0 < parsed < 2**31
        assert set(key.strip().removeprefix("#").strip()) <= set(string.digits)
    else:
        assert parsed and parsed.isprintable()


@pytest.mark.parametrize(
    ("year", "ok"),
    [("2021", True), (2021, True), ("1945", True), ("2100", True), ("1944", False)]
    + [(y, False) for y in ("²", "٢٠٢١", "2101", "-2021", "", "9" * 30, "20 21")],
)
def test_a_year_is_four_ascii_digits_within_the_limits(year: str | int, ok: bool) -> None:
    if ok:
        assert tham_so.nam(year) == int(year)
    else:
        with pytest.raises(InvalidSetting, match="hãy ghi một năm từ 1945 đến 2100"):
            tham_so.nam(year)


@pytest.mark.parametrize("reply", ["123/BC-SYT", "45/BC-UBND.VX", "Số 7/BC"])
def test_a_reply_number_is_kept_as_given(reply: str) -> None:
    assert tham_so.so_tra_loi(reply) == reply


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("..", "hãy ghi số và ký hiệu của văn bản trả lời"),
        ("", "hãy ghi số và ký hiệu của văn bản trả lời"),
        ("../../etc/passwd", "hãy ghi số và ký hiệu của văn bản trả lời"),
        ("12/../../x", "hãy ghi số và ký hiệu của văn bản trả lời"),
        ("12\\BC", "hãy ghi số và ký hiệu của văn bản trả lời"),
        ("x" * 41, "41 ký tự; tối đa 40"),
        ("12/BC\x01", "có ký tự điều khiển hoặc ký tự không in được"),
    ],
)
def test_a_reply_number_that_is_not_one_is_refused(reply: str, expected: str) -> None:
    with pytest.raises(InvalidSetting, match=f"^--reply: {expected}"):
        tham_so.so_tra_loi(reply)


def test_a_reason_keeps_its_line_breaks_and_refuses_other_control_characters() -> None:
    assert tham_so.ly_do("Sai nội dung\nBổ sung") == "Sai nội dung\nBổ sung"
    with pytest.raises(InvalidSetting, match=r"^--reason: có ký tự điều khiển"):
        tham_so.ly_do("Sai\x07")
    with pytest.raises(InvalidSetting, match=r"^--reason: 2001 ký tự; tối đa 2000$"):
        tham_so.ly_do("x" * 2001)


@pytest.mark.parametrize("register", ["UBND", "UBND:", ":chung", "UBND:a:b", "UBND:../x", "U B:c"])
def test_a_register_is_named_issuer_colon_name(register: str) -> None:
    with pytest.raises(InvalidSetting, match=r"^--register: sổ đăng ký được ghi"):
        tham_so.so_dang_ky(register)


def test_a_report_file_is_a_regular_file_within_its_limit(tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.pdf"
    report.write_bytes(b"%PDF-")
    assert tham_so.tep_bao_cao(report) == report
    big = tmp_path / "big.pdf"
    with big.open("wb") as file:
        file.truncate(TEP_BAO_CAO_TOI_DA + 1)  # sparse: no 50 MB written
    for path, expected in (
        (tmp_path / "none.pdf", "không có tệp này"),
        (tmp_path, "là một thư mục"),
        (Path("/dev/zero"), "không phải tệp thông thường"),
        (big, f"{TEP_BAO_CAO_TOI_DA + 1} byte; tệp báo cáo tối đa"),
    ):
        with pytest.raises(InvalidSetting, match=f"^--file {path}: {expected}"):
            tham_so.tep_bao_cao(path)
