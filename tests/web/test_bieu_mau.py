"""The Soạn thảo form's reading: a stored draft shown in the form reads back as the same draft,
and a problem's field path finds its input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.chien_luoc import HOM_NAY, thanh_json, van_ban_hop_le
from tests.conftest import EXAMPLES, co_anh
from vanthu.schemas import KieuDoan, VanBan
from vanthu.services import doc_tep
from vanthu.web.bieu_mau import (
    bieu_mau_tu_du_lieu,
    bieu_mau_tu_van_ban,
    doc_bieu_mau,
    o_nhap,
    ten_cac_o,
)


class _Form(dict[str, Any]):
    def getlist(self, key: str) -> list[Any]:
        value = self.get(key)
        return [] if value is None else value if isinstance(value, list) else [value]


def _draft(vb: VanBan) -> VanBan:
    data = vb.model_dump(mode="json", exclude_defaults=True)
    data.pop("so", None)
    if data.pop("ngay", None):
        data["nam"] = vb.ngay.year if vb.ngay else None
    return VanBan.model_validate(data)


@pytest.mark.parametrize(
    "name",
    [
        p.stem
        for p in sorted(EXAMPLES.glob("*.yaml"))
        # The web desk refuses signature and seal images: they are read beside a file only.
        if not co_anh(p)
    ],
)
def test_every_example_shown_in_the_form_reads_back_unchanged(name: str) -> None:
    # Tables, footnotes, a paragraph's kiểu and its line breaks, "+" sub-items under a Nơi nhận
    # line, annexes and the text a quyết định issues included.
    vb = _draft(doc_tep(EXAMPLES / f"{name}.yaml"))
    shown = bieu_mau_tu_van_ban(vb)
    read = doc_bieu_mau(_Form(shown.gia_tri))
    assert read.van_de == []
    assert VanBan.model_validate(read.du_lieu) == vb
    assert read.gia_tri == shown.gia_tri
    assert (read.noi_dung, read.phu_luc, read.kem_theo, read.muc_con) == (
        shown.noi_dung,
        shown.phu_luc,
        shown.kem_theo,
        shown.muc_con,
    )


def test_the_boxes_11_13_and_7b_read_back_unchanged_from_the_form() -> None:
    vb = _draft(doc_tep(EXAMPLES / "cong-van-hoi-dong-luu-hanh-noi-bo.yaml"))
    assert vb.pham_vi_luu_hanh and vb.lien_he and vb.nguoi_ky.chuc_vu_khac
    shown = bieu_mau_tu_van_ban(vb).gia_tri
    assert shown["pham_vi_luu_hanh"] == "luu_hanh_noi_bo"
    assert VanBan.model_validate(doc_bieu_mau(_Form(shown)).du_lieu) == vb


def test_blank_rows_are_dropped_and_the_rest_renumbered() -> None:
    form = _Form(
        {
            "noi_nhan[0].ten": " ",
            "noi_nhan[0].nhom": [],
            "noi_nhan[4].ten": "Như trên",
            "noi_nhan[9].ma_co_quan": "SYT, SNV",
            "noi_nhan[9].nhom": ["ubnd_huyen"],
        }
    )
    read = doc_bieu_mau(form)
    assert read.du_lieu["noi_nhan"] == [
        {"ten": "Như trên"},
        {"ten": "", "ma_co_quan": ["SYT", "SNV"], "nhom": ["ubnd_huyen"]},
    ]
    assert read.so_noi_nhan == 2
    assert read.gia_tri["noi_nhan[1].ma_co_quan"] == "SYT, SNV"
    assert read.gia_tri["noi_nhan[1].nhom"] == ["ubnd_huyen"]


@pytest.mark.parametrize(
    ("where", "name"),
    [
        ("noi_dung[3].doan", "noi_dung"),
        ("kinh_gui[0]", "kinh_gui"),
        ("nguoi_ky.quyen_han[1]", "nguoi_ky.quyen_han"),
        ("nguoi_ky", "nguoi_ky"),
        ("noi_nhan[1].ma_co_quan[0]", "noi_nhan[1].ma_co_quan"),
        ("nhiem_vu[0].han", "nhiem_vu[0].han"),
        ("nhiem_vu", "nhiem_vu"),
        ("so", None),
        ("", None),
    ],
)
def test_a_problem_finds_its_input(where: str, name: str | None) -> None:
    assert o_nhap(where, ten_cac_o(3, 2)) == name


def test_luu_entries_are_separated_by_commas_and_keep_their_spaces() -> None:
    # "HC (2)" is one entry (the Decree's "Lưu: VT, HC (2)."), so is "Hồ sơ" (Mẫu 1.9).
    read = doc_bieu_mau(_Form({"luu": "HC (2), Hồ sơ; VXNV"}))
    assert read.du_lieu["luu"] == ["HC (2)", "Hồ sơ", "VXNV"]


def test_a_task_keeps_its_paragraph_when_rows_move_or_a_blank_one_is_dropped() -> None:
    form = _Form(
        {
            "noi_dung[0].doan": "Mở đầu.",
            "noi_dung[1].doan": " ",
            "noi_dung[2].doan": "1. Giao Sở Y tế.",
            "noi_dung[3].bang.cot": "STT\nĐơn vị",
            "noi_dung[3].bang.dong": "1 | Sở Y tế",
            "nhiem_vu[0].doan": "3",
            "nhiem_vu[0].han": "2021-09-30",
        }
    )
    saved = doc_bieu_mau(form)
    assert saved.du_lieu["nhiem_vu"][0]["doan"] == 2  # the blank row 2 is gone
    moved = doc_bieu_mau(form, "xuong:2")
    assert [d.get("doan") for d in moved.du_lieu["noi_dung"]] == [
        "Mở đầu.",
        None,
        "1. Giao Sở Y tế.",
    ]
    assert moved.du_lieu["nhiem_vu"][0]["doan"] == 3
    assert moved.gia_tri["nhiem_vu[0].doan"] == "3" and moved.noi_dung == [False, True, False]
    assert moved.tieu_diem == "o-noi_dung-2-xuong"


def test_a_footnote_label_given_twice_is_named_at_the_second_row() -> None:
    form = _Form(
        {
            "chu_thich[0].nhan": "1",
            "chu_thich[0].ghi_chu": "Một.",
            "chu_thich[3].nhan": "1",
            "chu_thich[3].ghi_chu": "Hai.",
        }
    )
    read = doc_bieu_mau(form)
    assert [(p.where, p.message) for p in read.van_de] == [
        ("chu_thich[1].nhan", "'1' đã là nhãn của chú thích 1; mỗi chú thích một nhãn riêng")
    ]


#: Words of letters, digits, punctuation and symbols, one space apart (what a line may hold).
_CHU = st.lists(
    st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S")), min_size=1),
    min_size=1,
    max_size=4,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(
    subs=st.lists(_CHU, max_size=4),
    annexes=st.lists(
        st.tuples(_CHU, st.lists(st.tuples(_CHU, st.sampled_from(KieuDoan)), min_size=1)),
        max_size=3,
    ),
    text=st.one_of(st.none(), st.tuples(_CHU, st.lists(_CHU, min_size=1, max_size=3))),
)
def test_any_valid_sub_items_annexes_and_attached_text_read_back_unchanged_from_the_form(
    subs: list[str],
    annexes: list[tuple[str, list[tuple[str, KieuDoan]]]],
    text: tuple[str, list[str]] | None,
) -> None:
    data = _draft(doc_tep(EXAMPLES / "quyet-dinh-ban-hanh-quy-che.yaml")).model_dump(
        mode="json", exclude_defaults=True
    )
    data["noi_nhan"][0] = {"ten": "Các sở", "muc_con": [{"ten": s} for s in subs]}
    data["phu_luc"] = [
        {"ten": ten, "noi_dung": [{"doan": d, "kieu": k.value} for d, k in body]}
        for ten, body in annexes
    ]
    if text is None:
        data.pop("van_ban_kem_theo")
    else:
        data["van_ban_kem_theo"] = {"loai": "quy_dinh", "trich_yeu": text[0], "noi_dung": text[1]}
    try:
        vb = VanBan.model_validate(data)
    except ValidationError:
        assume(False)
        return
    read = doc_bieu_mau(_Form(bieu_mau_tu_van_ban(vb).gia_tri))
    assert read.van_de == []
    assert VanBan.model_validate(read.du_lieu) == vb


def _gon(gia_tri: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
    """Values as the schema keeps text: each line without the spaces around it."""
    return {
        k: "\n".join(line.strip() for line in v.split("\n")) if isinstance(v, str) else v
        for k, v in gia_tri.items()
    }


@settings(max_examples=60, deadline=None)
@given(data=van_ban_hop_le())
def test_data_as_read_shows_in_the_form_as_the_directive_it_validates_to(
    data: dict[str, Any],
) -> None:
    # What a Word import reads is shown before it is validated (it may never be): shown as
    # read, it fills every input as the validated directive would.
    raw = json.loads(thanh_json(data))
    vb = VanBan.model_validate(data, context={"hom_nay": HOM_NAY})
    as_read, validated = bieu_mau_tu_du_lieu(raw), bieu_mau_tu_van_ban(vb)
    assert _gon(as_read.gia_tri) == _gon(validated.gia_tri)
    assert (as_read.noi_dung, as_read.muc_con, as_read.so_noi_nhan, as_read.so_nhiem_vu) == (
        validated.noi_dung,
        validated.muc_con,
        validated.so_noi_nhan,
        validated.so_nhiem_vu,
    )


def test_data_that_does_not_validate_shows_what_it_has_and_leaves_the_rest_blank() -> None:
    shown = bieu_mau_tu_du_lieu(
        {
            "loai": None,
            "co_quan": "SỞ Y TẾ",
            "noi_dung": ["Đoạn một.", {"doan": "Đoạn hai.", "kieu": "tieu_de"}],
            "nguoi_ky": {"quyen_han": ["KT"], "thay_mat": ["GIÁM ĐỐC"], "chuc_vu": ""},
            "noi_nhan": ["Như trên", {"ten": "Các sở:", "muc_con": ["Sở Y tế"]}],
            "luu": ["VP (2)", "Hồ sơ"],
        }
    )
    assert shown.chuoi("loai") == "" and shown.chuoi("co_quan") == "SỞ Y TẾ"
    assert shown.chuoi("noi_dung[1].doan") == "Đoạn hai."
    assert shown.chuoi("noi_dung[1].kieu") == "tieu_de"
    assert shown.chuoi("noi_dung[0].kieu") == "thuong"
    assert shown.chuoi("nguoi_ky.quyen_han") == "KT" and shown.chuoi("nguoi_ky.ho_ten") == ""
    assert shown.chuoi("noi_nhan[1].muc_con[0].ten") == "Sở Y tế"
    assert shown.muc_con == [0, 1] and shown.so_noi_nhan == 2
    assert shown.chuoi("luu") == "VP (2), Hồ sơ" and shown.chuoi("kinh_gui") == ""
