"""The import use case: a Word draft's directive data, its form findings, what could not be
placed, and the validation problems when the data does not validate — all kept, none dropped."""

from __future__ import annotations

import pytest
import yaml

from tests.reading.word.bo_mau import BO_MAU, tao
from vanthu.errors import UnreadableWord
from vanthu.services import KICH_THUOC_WORD_TOI_DA, nhap_word_du_lieu, van_ban_yaml


def _mau(ten: str) -> bytes:
    return tao(next(m for m in BO_MAU if m.ten == ten))


def test_an_import_that_does_not_validate_keeps_everything_it_read_and_the_problems() -> None:
    ket_qua = nhap_word_du_lieu(_mau("cv-ma-cv"), "x.docx")
    assert ket_qua.van_ban is None
    assert [p.where for p in ket_qua.van_de] == ["ky_hieu"]
    assert ket_qua.du_lieu["co_quan"] == "SỞ Y TẾ" and ket_qua.du_lieu["ky_hieu"] == "CV-SYT"
    assert ket_qua.du_lieu["nguoi_ky"]["ho_ten"] == "Nguyễn Văn An"
    assert len(ket_qua.du_lieu["noi_dung"]) == 5
    assert [p.ma for p in ket_qua.phat_hien] == ["so_ky_hieu.ma_loai"]


def test_the_directive_file_says_in_vietnamese_where_it_came_from_and_what_was_not_placed() -> None:
    ket_qua = nhap_word_du_lieu(_mau("cv-kt-gach-cheo"), "ban-thao.docx")
    assert ket_qua.ghi_chu == ("«K/T GIÁM ĐỐC»: quyền hạn ký viết «K/T»; đã đọc là «KT.»",)
    text = van_ban_yaml(ket_qua)
    assert text.splitlines()[:2] == [
        "# Nhập từ bản Word ban-thao.docx bằng vanthu import (Nghị định 30).",
        "# chưa xếp được vào trường nào: «K/T GIÁM ĐỐC»: quyền hạn ký viết «K/T»; đã đọc là «KT.»",
    ]
    assert yaml.safe_load(text) == ket_qua.du_lieu


def test_an_upload_over_the_limit_is_refused_in_vietnamese_before_it_is_opened() -> None:
    with pytest.raises(UnreadableWord) as caught:
        nhap_word_du_lieu(b"PK" + b"\0" * KICH_THUOC_WORD_TOI_DA, "lon.docx")
    assert str(caught.value) == "lon.docx: tệp lớn hơn 25 MiB, mức tối đa vanthu đọc"
