"""The directive model: derived values and the domain rules it refuses to break."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pytest
from pydantic import ValidationError

from vanthu.schemas import LoaiVanBan, VanBan

TODAY = dt.date(2026, 11, 28)


def cong_dien(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "loai": "cong_dien",
        "co_quan": "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        "ky_hieu_co_quan": "UBND",
        "dia_danh": "Ninh Thuận",
        "trich_yeu": "Về việc phòng, chống bão",
        "nguoi_gui": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "kinh_gui": ["Các sở, ban, ngành tỉnh"],
        "noi_dung": ["Đoạn một."],
        "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Trần Quốc Nam"},
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def cong_van(**changes: Any) -> dict[str, Any]:
    base = cong_dien(
        loai="cong_van",
        nguoi_gui=None,
        don_vi_soan_thao="VX",
        trich_yeu="V/v tăng cường phòng, chống dịch",
    )
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def validate(data: dict[str, Any]) -> VanBan:
    return VanBan.model_validate(data, context={"hom_nay": TODAY})


def messages(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        validate(data)
    return str(caught.value)


def test_every_type_of_decree_30_is_known_with_its_code() -> None:
    assert len(LoaiVanBan) == 29
    assert LoaiVanBan.quy_dinh.info.ma == "QyĐ"
    assert LoaiVanBan.cong_van.info.ma is None
    assert LoaiVanBan.cong_dien.info.ten == "CÔNG ĐIỆN"


@pytest.mark.parametrize(("so", "printed"), [(1, "01"), (9, "09"), (10, "10"), (123, "123")])
def test_numbers_below_ten_get_a_leading_zero(so: int, printed: str) -> None:
    vb = validate(cong_dien(so=so, ngay="2021-09-13"))
    assert vb.so_hien_thi == printed
    assert vb.so_ky_hieu == f"{printed}/CĐ-UBND"


def test_a_number_given_as_text_is_read_as_a_number() -> None:
    assert validate(cong_dien(so="05", ngay="2021-09-13")).so_ky_hieu == "05/CĐ-UBND"


def test_number_zero_is_refused() -> None:
    assert "so\n  Input should be greater than or equal to 1" in messages(
        cong_dien(so=0, ngay="2021-09-13")
    )


def test_a_draft_has_no_number_and_no_date() -> None:
    vb = validate(cong_dien())
    assert vb.so_ky_hieu is None
    assert vb.ky_hieu_day_du == "CĐ-UBND"


def test_a_number_without_a_date_is_refused() -> None:
    assert "ngay: văn bản đã có số (so) thì phải có ngày" in messages(cong_dien(so=3))


def test_a_date_in_the_future_is_refused() -> None:
    text = messages(cong_dien(so=3, ngay="2026-11-29"))
    assert "2026-11-29 là ngày trong tương lai (hôm nay là 2026-11-28)" in text


def test_the_symbol_of_a_cong_van_is_issuer_and_unit_without_type_code() -> None:
    assert validate(cong_van()).ky_hieu_day_du == "UBND-VX"


def test_a_cong_van_symbol_with_cv_is_refused() -> None:
    text = messages(cong_van(ky_hieu="CV-UBND"))
    assert "ký hiệu của công văn không có mã loại văn bản" in text


def test_a_given_symbol_must_start_with_the_type_code() -> None:
    assert "bắt đầu bằng 'CĐ-', không phải 'QĐ-'" in messages(cong_dien(ky_hieu="QĐ-UBND"))


def test_a_symbol_with_spaces_is_refused() -> None:
    assert "không có dấu cách" in messages(cong_dien(ky_hieu_co_quan="UB ND"))


def test_a_cong_van_without_unit_cannot_build_its_symbol() -> None:
    assert "don_vi_soan_thao: cần có" in messages(cong_van(don_vi_soan_thao=None))


def test_text_is_normalised_to_nfc_and_spaces_collapsed() -> None:
    decomposed = unicodedata.normalize("NFD", "Về việc   phòng, chống bão")
    vb = validate(cong_dien(trich_yeu=decomposed))
    assert vb.trich_yeu == "Về việc phòng, chống bão"
    assert unicodedata.is_normalized("NFC", vb.trich_yeu)


def test_list_punctuation_given_by_the_drafter_is_stripped() -> None:
    vb = validate(cong_dien(kinh_gui=["- Sở Y tế;", "Sở Nội vụ."], noi_nhan=["- Như trên;"]))
    assert vb.kinh_gui == ["Sở Y tế", "Sở Nội vụ"]
    assert vb.noi_nhan[0].ten == "Như trên"


def test_a_single_addressee_may_be_given_as_a_string() -> None:
    assert validate(cong_dien(kinh_gui="Sở Y tế")).kinh_gui == ["Sở Y tế"]


def test_the_sender_may_be_written_with_or_without_dien() -> None:
    vb = validate(cong_dien(nguoi_gui="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"))
    assert vb.nguoi_gui == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"


def test_a_cong_dien_needs_its_sender_and_addressees() -> None:
    assert "nguoi_gui: công điện phải có người gửi" in messages(cong_dien(nguoi_gui=None))
    assert "kinh_gui: công điện phải gửi" in messages(cong_dien(kinh_gui=[]))


def test_only_a_cong_dien_has_a_sender_line() -> None:
    assert "nguoi_gui: chỉ công điện" in messages(cong_van(nguoi_gui="CHỦ TỊCH"))


def test_a_decision_needs_its_authority_line() -> None:
    data = cong_dien(loai="quyet_dinh", nguoi_gui=None, kinh_gui=None)
    assert "tham_quyen: quyết định phải có thẩm quyền" in messages(data)


def test_a_cong_dien_has_no_legal_bases() -> None:
    assert "can_cu: công điện không có căn cứ" in messages(cong_dien(can_cu=["Căn cứ Luật"]))


def test_unknown_fields_are_refused_by_name() -> None:
    assert "trich_yue\n  Extra inputs are not permitted" in messages(cong_dien(trich_yue="x"))


def test_the_draft_year_must_agree_with_the_date() -> None:
    assert "nam: 2020 không khớp với ngay 2021-09-13" in messages(
        cong_dien(so=1, ngay="2021-09-13", nam=2020)
    )


def test_a_date_without_a_number_is_refused() -> None:
    assert "so: văn bản đã có ngày thì phải có số" in messages(cong_dien(ngay="2021-09-13"))


def test_every_broken_rule_is_reported_not_only_the_first() -> None:
    text = messages(cong_van(ky_hieu="CV-UBND", can_cu=["Căn cứ Luật"], kinh_gui=[]))
    assert "can_cu: công văn không có căn cứ" in text
    assert "kinh_gui: công văn phải gửi ít nhất một nơi" in text
    assert "ky_hieu: ký hiệu của công văn không có mã loại" in text
