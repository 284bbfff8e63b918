"""The rules of the forms with a layout of their own (#9): who signs, what each form may carry."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import HOM_NAY
from vanthu.errors import InvalidDirective
from vanthu.schemas import VanBan
from vanthu.schemas.mau_rieng import CO_HAI_CHU_KY
from vanthu.services import doc_van_ban

CHU_KY = {"chuc_vu": "THƯ KÝ", "ho_ten": "Đặng Thị Ngọc Hân"}


def directive(loai: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "loai": loai,
        "co_quan": "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        "ky_hieu_co_quan": "UBND",
        "don_vi_soan_thao": "VX",
        "dia_danh": "Ninh Thuận",
        "trich_yeu": "Cuộc họp Ban Chỉ đạo",
        "noi_dung": ["Đoạn một."],
        "nguoi_ky": {"chuc_vu": "CHỦ TỌA", "ho_ten": "Trần Quốc Nam"},
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(InvalidDirective) as caught:
        doc_van_ban(data, "x.yaml", HOM_NAY)
    return [(p.where, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("loai", sorted(CO_HAI_CHU_KY))
def test_a_two_sided_document_without_its_second_signer_is_refused_naming_nguoi_ky_2(
    loai: str,
) -> None:
    found = problems(directive(loai))
    assert [w for w, _ in found] == ["nguoi_ky_2"]
    assert doc_van_ban(directive(loai, nguoi_ky_2=CHU_KY), "x.yaml", HOM_NAY).nguoi_ky_2


def test_the_bien_ban_message_says_who_signs_where() -> None:
    [(_, message)] = problems(directive("bien_ban"))
    assert message.startswith("biên bản phải có: thư ký (THƯ KÝ) ký bên trái")


def test_a_second_signer_on_a_one_signer_type_is_refused() -> None:
    found = problems(directive("giay_moi", nguoi_ky_2=CHU_KY))
    assert found == [
        (
            "nguoi_ky_2",
            "chỉ biên bản, hợp đồng, bản ghi nhớ, bản thỏa thuận hoặc văn bản liên tịch "
            "(co_quan_2) có chữ ký thứ hai, giấy mời thì không",
        )
    ]


def test_a_capacity_line_on_a_one_signer_type_is_refused_by_its_path() -> None:
    signer = {"tu_cach": "ĐẠI DIỆN BÊN A", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Trần Quốc Nam"}
    [(where, message)] = problems(directive("giay_moi", nguoi_ky=signer))
    assert where == "nguoi_ky.tu_cach" and "giấy mời thì không" in message


def test_a_thu_cong_needs_its_name_and_no_other_type_takes_one() -> None:
    assert [w for w, _ in problems(directive("thu_cong"))] == ["ten_thu"]
    vb = doc_van_ban(directive("thu_cong", ten_thu="THƯ CẢM ƠN"), "x.yaml", HOM_NAY)
    assert vb.ky_hieu_day_du == "UBND-VX"
    assert [w for w, _ in problems(directive("giay_moi", ten_thu="THƯ"))] == ["ten_thu"]


def test_only_a_giay_nghi_phep_takes_the_confirmation_of_the_place_of_leave() -> None:
    found = problems(directive("giay_moi", xac_nhan_noi_nghi="Xác nhận của UBND xã"))
    assert [w for w, _ in found] == ["xac_nhan_noi_nghi"]
    data = directive("giay_nghi_phep", trich_yeu=None, xac_nhan_noi_nghi="Xác nhận của UBND xã")
    assert doc_van_ban(data, "x.yaml", HOM_NAY).xac_nhan_noi_nghi == "Xác nhận của UBND xã"


@pytest.mark.parametrize(("loai", "mau"), [("giay_gioi_thieu", "1.8"), ("giay_nghi_phep", "1.10")])
def test_a_trich_yeu_on_a_form_without_one_is_refused_rather_than_dropped(
    loai: str, mau: str
) -> None:
    [(where, message)] = problems(directive(loai))
    assert where == "trich_yeu" and f"(Mẫu {mau})" in message
    assert doc_van_ban(directive(loai, trich_yeu=None), "x.yaml", HOM_NAY).trich_yeu is None


def test_the_capacity_line_prints_first_in_capitals() -> None:
    vb = VanBan.model_validate(
        directive(
            "hop_dong",
            nguoi_ky={
                "tu_cach": "Đại diện bên A",
                "quyen_han": ["KT"],
                "thay_mat": ["CHÁNH VĂN PHÒNG"],
                "chuc_vu": "PHÓ CHÁNH VĂN PHÒNG",
                "ho_ten": "Nguyễn Văn Tú",
            },
            nguoi_ky_2=CHU_KY,
        )
    )
    assert vb.nguoi_ky.dong_tham_quyen() == [
        "ĐẠI DIỆN BÊN A",
        "KT. CHÁNH VĂN PHÒNG",
        "PHÓ CHÁNH VĂN PHÒNG",
    ]
