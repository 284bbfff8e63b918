"""Inline markup of body paragraphs and footnotes: what the schema reads, refuses and names."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from tests.conftest import HOM_NAY
from vanthu.reading.canh_bao import canh_bao_van_ban
from vanthu.reading.cau_truc import danh_sach_van_de
from vanthu.schemas import VanBan
from vanthu.schemas.dinh_dang import GoiChuThich, Manh, phan_tich


def _van_ban(noi_dung: list[Any], **extra: Any) -> dict[str, Any]:
    return {
        "loai": "huong_dan",
        "co_quan": "SỞ Y TẾ",
        "ky_hieu_co_quan": "SYT",
        "dia_danh": "Ninh Thuận",
        "trich_yeu": "Thử",
        "noi_dung": noi_dung,
        "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Nguyễn Văn A"},
        **extra,
    }


def _problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        VanBan.model_validate(data, context={"hom_nay": HOM_NAY})
    return [(p.where, p.message) for p in danh_sach_van_de(caught.value)]


def test_bold_italic_and_both_are_read_into_runs() -> None:
    assert phan_tich("a **đậm**, *nghiêng* và ***cả hai***") == (
        Manh("a "),
        Manh("đậm", dam=True),
        Manh(", "),
        Manh("nghiêng", nghieng=True),
        Manh(" và "),
        Manh("cả hai", dam=True, nghieng=True),
    )


def test_an_escaped_asterisk_and_a_lone_one_are_printed_as_typed() -> None:
    assert phan_tich(r"giá \*sao\* và 2 * 3, (*) a*b (*)") == (
        Manh("giá *sao* và 2 * 3, (*) a*b (*)"),
    )


def test_underscores_are_never_emphasis() -> None:
    assert phan_tich("Họ tên: _____ và _nghiêng_") == (Manh("Họ tên: _____ và _nghiêng_"),)


def test_a_line_break_stays_inside_the_paragraph() -> None:
    assert phan_tich("dòng một\ndòng **hai**") == (Manh("dòng một\ndòng "), Manh("hai", dam=True))


def test_footnote_calls_are_read_between_runs() -> None:
    assert phan_tich("xem[^1] và[^nguon-2].") == (
        Manh("xem"),
        GoiChuThich("1"),
        Manh(" và"),
        GoiChuThich("nguon-2"),
        Manh("."),
    )


def test_unbalanced_markers_are_printed_as_typed_and_warned_of_by_field() -> None:
    data = _van_ban(["Mở đầu.", {"doan": "Phải **nộp trước ngày 5."}, "số liệu 2021*"])
    vb = VanBan.model_validate(data, context={"hom_nay": HOM_NAY})
    assert vb.noi_dung[1].van_ban_tron == "Phải **nộp trước ngày 5."
    assert vb.noi_dung[2].van_ban_tron == "số liệu 2021*"
    warnings = [(p.where, p.message) for p in canh_bao_van_ban(vb)]
    assert warnings == [
        (
            "noi_dung[1].doan",
            "'**' ở ký tự thứ 6 mở chữ đậm nhưng không đóng lại: sẽ được in đúng như đã gõ "
            "(viết \\* nếu muốn in dấu sao)",
        ),
        (
            "noi_dung[2].doan",
            "'*' ở ký tự thứ 13 đóng chữ nghiêng chưa được mở: sẽ được in đúng như "
            "đã gõ (viết \\* nếu muốn in dấu sao)",
        ),
    ]


def test_a_malformed_footnote_call_is_refused() -> None:
    [(where, message)] = _problems(_van_ban(["xem [^ghi chú]."]))
    assert where == "noi_dung[0].doan"
    assert "'[^ghi chú]' ở ký tự thứ 5 không phải lời gọi chú thích" in message


def test_a_paragraph_of_markup_alone_is_refused() -> None:
    [(where, message)] = _problems(_van_ban(["[^1]"], chu_thich={"1": "Ghi chú."}))
    assert (where, message) == ("noi_dung[0].doan", "không có chữ nào ngoài các ký hiệu định dạng")


def test_every_call_needs_its_note_and_every_note_its_one_call() -> None:
    data = _van_ban(["a[^1] b[^2]", "c[^1]"], chu_thich={1: "Một.", "thua": "Không ai gọi."})
    assert _problems(data) == [
        ("noi_dung[0].doan", "[^2] gọi một chú thích không có trong chu_thich"),
        (
            "noi_dung[1].doan",
            "[^1] được gọi lần nữa (lần đầu ở noi_dung[0]); mỗi chú thích chỉ gọi một lần",
        ),
        ("chu_thich.thua", "chưa được gọi lần nào; viết [^thua] vào đúng chỗ trong noi_dung"),
    ]


def test_a_note_may_carry_emphasis_but_not_a_call() -> None:
    ok = VanBan.model_validate(
        _van_ban(["a[^1]"], chu_thich={"1": "Theo *Quyết định* số 1."}),
        context={"hom_nay": HOM_NAY},
    )
    assert ok.chu_thich == {"1": "Theo *Quyết định* số 1."}
    [(where, message)] = _problems(_van_ban(["a[^1]"], chu_thich={"1": "Xem[^1]"}))
    assert where == "chu_thich.1"
    assert "chú thích không được gọi một chú thích khác" in message


def test_footnote_labels_and_count_have_limits() -> None:
    [(where, message)] = _problems(_van_ban(["a"], chu_thich={"có dấu": "x"}))
    assert where.startswith("chu_thich.có dấu")  # pydantic adds ".[key]"
    assert "không phải nhãn chú thích" in message
    many = {str(i): "x" for i in range(101)}
    calls = "".join(f"a[^{i}] " for i in range(101))
    problems = _problems(_van_ban([calls], chu_thich=many))
    assert ("chu_thich", "tối đa 100 mục") in problems


def test_a_paragraph_is_normalised_to_nfc_before_its_markup_is_read() -> None:
    vb = VanBan.model_validate(_van_ban(["**Nghie\u0302\u0300ng**"]), context={"hom_nay": HOM_NAY})
    assert vb.noi_dung[0].phan() == (Manh("Nghiềng", dam=True),)
    assert vb.noi_dung[0].van_ban_tron == "Nghiềng"
