"""Warnings: a list item that begins lower-case is named by its field path and its line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests import chien_luoc
from tests.conftest import HOM_NAY
from tests.reading.test_van_ban import write
from tests.schemas.test_van_ban import cong_van
from vanthu.errors import Problem
from vanthu.reading.canh_bao import bat_dau_chu_thuong, canh_bao_van_ban
from vanthu.reading.van_ban import doc_tep_canh_bao, doc_van_ban
from vanthu.schemas import VanBan

#: A quyết định signed "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", with every list of one-line items.
QUYET_DINH: dict[str, Any] = {
    "loai": "quyet_dinh",
    "co_quan": "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
    "ky_hieu_co_quan": "UBND",
    "dia_danh": "Ninh Thuận",
    "trich_yeu": "Về việc thành lập Tổ công tác",
    "tham_quyen": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
    "can_cu": ["Căn cứ Luật Tổ chức chính quyền địa phương"],
    "noi_dung": ["Điều 1. Thành lập Tổ công tác."],
    "nguoi_ky": {
        "quyen_han": ["TM", "KT"],
        "thay_mat": ["ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "chuc_vu": "PHÓ CHỦ TỊCH",
        "ho_ten": "Lê Huyền",
    },
    "noi_nhan": ["Như Điều 3"],
    "luu": ["KTTH"],
}


def test_an_inline_list_split_at_a_comma_is_warned_of_with_its_field_path_and_line(
    tmp_path: Path,
) -> None:
    text = yaml.safe_dump(cong_van(), allow_unicode=True, sort_keys=False)
    text = text.replace(
        "kinh_gui:\n- Các sở, ban, ngành tỉnh\n",
        "kinh_gui: [Ủy ban nhân dân các tỉnh, thành phố]\n",
    )
    line = text.splitlines().index("kinh_gui: [Ủy ban nhân dân các tỉnh, thành phố]") + 1
    vb, warnings = doc_tep_canh_bao(write(tmp_path, text), HOM_NAY)
    assert vb.kinh_gui == ["Ủy ban nhân dân các tỉnh", "thành phố"]  # what YAML says it is
    [warning] = warnings
    assert (warning.where, warning.line) == ("kinh_gui[1]", line)
    assert str(warning).startswith(
        f"kinh_gui[1] (dòng {line}): 'thành phố' bắt đầu bằng chữ thường"
    )
    assert "'Ủy ban nhân dân các tỉnh, thành phố'" in warning.message


def test_a_noi_nhan_line_and_a_first_item_are_named_by_their_own_path(tmp_path: Path) -> None:
    data = QUYET_DINH | {"noi_nhan": ["Như Điều 3", {"ten": "các Phó Chủ tịch"}], "luu": ["vt"]}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _, warnings = doc_tep_canh_bao(write(tmp_path, text), HOM_NAY)
    lines = text.splitlines()
    assert [(w.where, w.line) for w in warnings] == [
        ("noi_nhan[1].ten", lines.index("- ten: các Phó Chủ tịch") + 1),
        ("luu[0]", lines.index("- vt") + 1),
    ]
    assert warnings[1].message == (
        "'vt' bắt đầu bằng chữ thường; mỗi mục được in thành một dòng riêng, bắt đầu bằng chữ hoa"
    )


def test_a_sub_item_split_off_at_a_comma_is_warned_of_by_its_own_path_and_line(
    tmp_path: Path,
) -> None:
    data = QUYET_DINH | {"noi_nhan": [{"ten": "Các sở", "muc_con": ["Sở Y tế"]}]}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    # One sub-item written as two lines, the second the rest of the first after its comma.
    text = text.replace("  - Sở Y tế\n", "  - Sở Lao động\n  - thương binh\n")
    vb, warnings = doc_tep_canh_bao(write(tmp_path, text), HOM_NAY)
    assert [n.ten for n in vb.noi_nhan[0].muc_con] == ["Sở Lao động", "thương binh"]
    [warning] = warnings
    assert warning.where == "noi_nhan[0].muc_con[1].ten"
    assert warning.line == text.splitlines().index("  - thương binh") + 1
    assert "phần sau của noi_nhan[0].muc_con[0].ten 'Sở Lao động'" in warning.message


def test_a_json_file_is_warned_of_by_field_path_without_a_line(tmp_path: Path) -> None:
    data = cong_van(kinh_gui=["Ủy ban nhân dân các tỉnh", "thành phố"])
    path = write(tmp_path, json.dumps(data, ensure_ascii=False), "van-ban.json")
    _, [warning] = doc_tep_canh_bao(path, HOM_NAY)
    assert (warning.where, warning.line) == ("kinh_gui[1]", None)
    assert str(warning).startswith("kinh_gui[1]: 'thành phố' bắt đầu bằng chữ thường")


def test_a_problem_with_a_line_shows_it_after_its_field_path() -> None:
    assert str(Problem("kinh_gui[1]", "…", 7)) == "kinh_gui[1] (dòng 7): …"
    assert str(Problem("", "…", 7)) == "dòng 7: …"
    assert str(Problem("so", "…")) == "so: …"


#: The lists of one-line items, each with how to put items into QUYET_DINH (or a công văn).
_DANH_SACH = {
    "kinh_gui": lambda items: cong_van(kinh_gui=items),
    "can_cu": lambda items: QUYET_DINH | {"can_cu": items},
    "noi_nhan": lambda items: QUYET_DINH | {"noi_nhan": items},
    "luu": lambda items: QUYET_DINH | {"luu": items},
}
_HOA = st.sampled_from(["Sở Y tế", "UBND các huyện", "Ủy ban nhân dân các tỉnh", "Đài PT và TH"])
_THUONG = st.sampled_from(["thành phố", "đoàn thể tỉnh", "ngành", "xã", "ủy ban", "các PCT"])


def _path(field: str, i: int) -> str:
    return f"noi_nhan[{i}].ten" if field == "noi_nhan" else f"{field}[{i}]"


@given(
    field=st.sampled_from(sorted(_DANH_SACH)),
    items=st.lists(st.one_of(_HOA, _THUONG), min_size=1, max_size=6),
)
def test_every_item_that_begins_lower_case_is_warned_of_and_no_other(
    field: str, items: list[str]
) -> None:
    vb = doc_van_ban(_DANH_SACH[field](items), "test", HOM_NAY)
    warned = [w.where for w in canh_bao_van_ban(vb)]
    assert warned == [_path(field, i) for i, item in enumerate(items) if item[0].islower()]


@given(
    thay_mat=st.lists(st.one_of(_HOA, _THUONG), min_size=2, max_size=2),
)
def test_the_signers_thay_mat_is_a_list_of_lines_too(thay_mat: list[str]) -> None:
    signer = QUYET_DINH["nguoi_ky"] | {"thay_mat": thay_mat}
    vb = doc_van_ban(QUYET_DINH | {"nguoi_ky": signer}, "test", HOM_NAY)
    warned = [w.where for w in canh_bao_van_ban(vb)]
    expected = [f"nguoi_ky.thay_mat[{i}]" for i, t in enumerate(thay_mat) if bat_dau_chu_thuong(t)]
    assert warned == expected


@given(items=st.lists(st.one_of(_HOA, _THUONG), min_size=1, max_size=6), flow=st.booleans())
def test_the_line_of_a_warning_is_the_line_that_holds_the_item(
    tmp_path_factory: Any, items: list[str], flow: bool
) -> None:
    text = yaml.safe_dump(
        cong_van(kinh_gui=items), allow_unicode=True, sort_keys=False, width=10_000
    )
    if flow:  # the same list written inline: [a, b, c]
        block = "kinh_gui:\n" + "".join(f"- {item}\n" for item in items)
        assert block in text
        text = text.replace(block, f"kinh_gui: [{', '.join(items)}]\n")
    path = write(tmp_path_factory.mktemp("canh-bao"), text)
    _, warnings = doc_tep_canh_bao(path, HOM_NAY)
    lines = text.splitlines()
    for warning in warnings:
        i = int(warning.where.removeprefix("kinh_gui[").removesuffix("]"))
        assert warning.line is not None and items[i] in lines[warning.line - 1]
    assert len(warnings) == sum(bat_dau_chu_thuong(item) for item in items)


def _items(vb: VanBan) -> dict[str, str]:
    """Every item of every list of one-line items, by its field path."""
    found = {f"kinh_gui[{i}]": t for i, t in enumerate(vb.kinh_gui)}
    found |= {f"can_cu[{i}]": t for i, t in enumerate(vb.can_cu)}
    found |= {f"noi_nhan[{i}].ten": n.ten for i, n in enumerate(vb.noi_nhan)}
    found |= {
        f"noi_nhan[{i}].muc_con[{j}].ten": sub.ten
        for i, n in enumerate(vb.noi_nhan)
        for j, sub in enumerate(n.muc_con)
    }
    found |= {f"luu[{i}]": t for i, t in enumerate(vb.luu)}
    found |= {f"nguoi_ky.thay_mat[{i}]": t for i, t in enumerate(vb.nguoi_ky.thay_mat)}
    return found


@given(chien_luoc.tep_hop_le())
def test_any_valid_file_is_warned_of_exactly_its_lower_case_items_each_with_its_line_in_yaml(
    tmp_path_factory: Any, tep: tuple[str, bytes]
) -> None:
    suffix, content = tep
    path = tmp_path_factory.mktemp("canh-bao") / f"van-ban{suffix}"
    path.write_bytes(content)
    vb, warnings = doc_tep_canh_bao(path, HOM_NAY)
    items = _items(vb)
    assert sorted(w.where for w in warnings) == sorted(
        where for where, text in items.items() if bat_dau_chu_thuong(text)
    )
    assert all((w.line is not None) == (suffix == ".yaml") for w in warnings)


def test_an_annex_the_body_never_mentions_is_warned_of_by_its_path() -> None:
    from tests.schemas.test_phu_luc import CUA
    from tests.schemas.test_van_ban import cong_dien
    from vanthu.reading.canh_bao import canh_bao_van_ban
    from vanthu.schemas import VanBan

    annexes = [{"ten": f"Danh sách {i}", "noi_dung": ["x"]} for i in range(3)]

    def warned(body: str) -> list[str]:
        data = cong_dien(kem_theo_cua=CUA, noi_dung=[body], phu_luc=annexes)
        return [p.where for p in canh_bao_van_ban(VanBan.model_validate(data))]

    assert warned("Chi tiết tại Phụ lục II kèm theo.") == ["phu_luc[0]", "phu_luc[2]"]
    assert warned("Chi tiết tại các phụ lục I, II và III.") == []
    assert warned("Chi tiết tại các Phụ lục I - III.") == []
    assert warned("Không có gì.") == ["phu_luc[0]", "phu_luc[1]", "phu_luc[2]"]
    one = cong_dien(kem_theo_cua=CUA, noi_dung=["Theo Phụ lục kèm theo."], phu_luc=annexes[:1])
    assert canh_bao_van_ban(VanBan.model_validate(one)) == []


def test_a_body_ending_with_a_landscape_table_and_one_line_is_warned_of() -> None:
    table = {"ngang": True, "cot": ["STT", "Đơn vị"], "dong": [["1", "Sở Y tế"]]}
    short = cong_van(noi_dung=["1. Kết quả như sau:", {"bang": table}, "Hết."])
    long = cong_van(noi_dung=["1. Kết quả như sau:", {"bang": table}, "Hết. " * 60])
    portrait = cong_van(noi_dung=["1. Kết quả:", {"bang": {**table, "ngang": False}}, "Hết."])
    warned = canh_bao_van_ban(VanBan.model_validate(short))
    assert [p.where for p in warned] == ["noi_dung[1]"]
    assert "ít hơn hai dòng nội dung" in warned[0].message
    assert canh_bao_van_ban(VanBan.model_validate(long)) == []
    assert canh_bao_van_ban(VanBan.model_validate(portrait)) == []
