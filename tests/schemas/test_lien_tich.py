"""Joint documents (văn bản liên tịch, #9): the second issuing body, its signer and the symbol."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from tests.conftest import HOM_NAY
from vanthu.errors import InvalidDirective
from vanthu.schemas import LoaiVanBan, VanBan
from vanthu.schemas.gioi_han import CO_QUAN_LIEN_TICH_TOI_DA
from vanthu.schemas.lien_tich import CO_THE_LIEN_TICH
from vanthu.services import doc_van_ban

MTTQ_KY = {
    "quyen_han": "TM",
    "thay_mat": "BAN THƯỜNG TRỰC",
    "chuc_vu": "CHỦ TỊCH",
    "ho_ten": "Nguyễn Văn Thành",
}


def directive(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "loai": "ke_hoach",
        "co_quan": "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        "ky_hieu_co_quan": "UBND",
        "co_quan_2": "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH NINH THUẬN",
        "ky_hieu_co_quan_2": "MTTQ",
        "dia_danh": "Ninh Thuận",
        "so": 5,
        "ngay": "2021-12-10",
        "trich_yeu": "Phối hợp vận động tiêm vắc xin",
        "noi_dung": ["Đoạn một."],
        "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Trần Quốc Nam"},
        "nguoi_ky_2": MTTQ_KY,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def read(data: dict[str, Any]) -> VanBan:
    return doc_van_ban(data, "x.yaml", HOM_NAY)


def problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(InvalidDirective) as caught:
        read(data)
    return [(p.where, p.message) for p in caught.value.problems]


def test_a_joint_plan_lists_both_abbreviations_after_its_type_code_and_lt() -> None:
    vb = read(directive())
    assert vb.lien_tich
    assert vb.so_ky_hieu == "05/KHLT-UBND-MTTQ"


def test_a_given_joint_symbol_starts_with_the_joint_type_code() -> None:
    assert read(directive(ky_hieu="KHLT-UBND-MTTQ", ky_hieu_co_quan_2=None)).ky_hieu_day_du == (
        "KHLT-UBND-MTTQ"
    )
    [(where, message)] = problems(directive(ky_hieu="KH-UBND-MTTQ"))
    assert where == "ky_hieu" and "kế hoạch liên tịch bắt đầu bằng 'KHLT-'" in message


def test_a_one_issuer_document_keeps_its_symbol_and_is_not_joint() -> None:
    vb = read(directive(co_quan_2=None, ky_hieu_co_quan_2=None, nguoi_ky_2=None))
    assert not vb.lien_tich and vb.so_ky_hieu == "05/KH-UBND"


def test_a_joint_document_without_the_second_signer_is_refused_naming_nguoi_ky_2() -> None:
    [(where, message)] = problems(directive(nguoi_ky_2=None))
    assert where == "nguoi_ky_2" and "người ký của co_quan_2" in message


def test_a_joint_document_without_the_second_abbreviation_is_refused_naming_it() -> None:
    [(where, message)] = problems(directive(ky_hieu_co_quan_2=None))
    assert where == "ky_hieu_co_quan_2" and "KHLT-UBND-MTTQ" in message


@pytest.mark.parametrize("loai", sorted(set(LoaiVanBan) - CO_THE_LIEN_TICH))
def test_a_type_that_is_never_joint_refuses_a_second_body(loai: LoaiVanBan) -> None:
    found = problems(directive(loai=loai.value, don_vi_soan_thao="VX"))
    assert any(
        where == "co_quan_2" and "không ban hành liên tịch" in message for where, message in found
    ), found


@pytest.mark.parametrize("loai", sorted(CO_THE_LIEN_TICH))
def test_each_joinable_type_takes_a_second_body(loai: LoaiVanBan) -> None:
    extra = {"tham_quyen": "HAI CƠ QUAN"} if loai is LoaiVanBan.nghi_quyet else {}
    vb = read(directive(loai=loai.value, **extra))
    assert vb.ky_hieu_day_du == f"{loai.info.ma}LT-UBND-MTTQ"


@pytest.mark.parametrize("field", ["co_quan_chu_quan_2", "ky_hieu_co_quan_2"])
def test_second_body_fields_without_the_second_body_are_refused(field: str) -> None:
    value = "MTTQ" if field == "ky_hieu_co_quan_2" else "ỦY BAN TRUNG ƯƠNG"
    found = problems(directive(co_quan_2=None, nguoi_ky_2=None, **{field: value}))
    assert (field, "thuộc về cơ quan ban hành thứ hai, nhưng chưa ghi co_quan_2") in found


def test_the_second_body_may_not_repeat_the_first_nor_its_abbreviation() -> None:
    found = problems(
        directive(co_quan_2="Ủy ban nhân dân  tỉnh Ninh Thuận", ky_hieu_co_quan_2="UBND")
    )
    assert [w for w, _ in found] == ["co_quan_2", "ky_hieu_co_quan_2"]


def test_the_second_abbreviation_is_one_symbol_part() -> None:
    [(where, message)] = problems(directive(ky_hieu_co_quan_2="MT TQ"))
    assert where == "ky_hieu_co_quan_2" and "không có dấu cách" in message


def test_the_four_issuer_fields_together_stay_within_one_issuers_room() -> None:
    half = CO_QUAN_LIEN_TICH_TOI_DA // 4
    ok = directive(
        co_quan_chu_quan="Ủ" * half,
        co_quan="Ủ" * half,
        co_quan_chu_quan_2="Ủ" * half,
        co_quan_2="Ư" * half,
    )
    assert read(ok).lien_tich
    [(where, message)] = problems({**ok, "co_quan_2": "Ư" * (half + 1)})
    assert where == "co_quan_2" and f"tối đa {CO_QUAN_LIEN_TICH_TOI_DA}" in message


def test_the_second_body_is_nfc_normalised() -> None:
    name = "ỦY BAN MẶT TRẬN TỔ QUỐC"
    vb = read(directive(co_quan_2=unicodedata.normalize("NFD", name)))
    assert vb.co_quan_2 == unicodedata.normalize("NFC", name)


def test_a_joint_document_signers_may_carry_capacity_lines() -> None:
    vb = read(directive(nguoi_ky_2={**MTTQ_KY, "tu_cach": "ĐẠI DIỆN MẶT TRẬN"}))
    assert vb.nguoi_ky_2 is not None and vb.nguoi_ky_2.tu_cach == "ĐẠI DIỆN MẶT TRẬN"
