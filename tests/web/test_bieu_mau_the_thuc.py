"""A Word draft's form findings placed on the Soạn thảo form: every rule the check has beside an
input the form shows, but the page's own and those of parts vanthu prints by itself."""

from __future__ import annotations

import re

from tests.reading.word.bo_mau import BO_MAU
from tests.reading.word.bo_mau_thuc import BO_MAU_THUC
from vanthu.reading.word.the_thuc import QUY_CACH
from vanthu.services import PhatHien
from vanthu.web.bieu_mau import BieuMau, ten_cac_o
from vanthu.web.bieu_mau_the_thuc import O_CUA_MA, O_CUA_PHAN, THU_TU_O, o_cua, the_thuc_theo_o

#: Rules of the page itself, or of parts the form has no input for (vanthu prints the Quốc hiệu
#: and the Tiêu ngữ): at the top of the page.
CUA_TRANG = re.compile(
    r"^(phong_chu|mau_chu|kho_giay|le_\w+|so_trang\.\w+|quoc_hieu\.\w+|tieu_ngu\.\w+)$"
)
#: A form with a few rows of each list (the inputs a finding may be placed beside).
TEN_O = ten_cac_o(3, 1, [False, False], 1, [0, 1, 0])


def _phat_hien(ma: str, noi: str = "") -> PhatHien:
    return PhatHien(ma, "§3", "phần", noi, "thấy", "quy định")


def test_every_rule_of_the_check_is_beside_an_input_or_at_the_top_for_the_page() -> None:
    rules = {code for mau in BO_MAU for code in mau.ky_vong}
    rules |= {code for mau in BO_MAU_THUC for code in mau.ky_vong}
    rules |= {f"{part}.co_chu" for part in QUY_CACH}
    assert len(rules) > 40
    for rule in sorted(rules):
        name = o_cua(_phat_hien(rule), BieuMau())
        if CUA_TRANG.match(rule):
            assert name is None, rule
        else:
            assert name in TEN_O, (rule, name)


def test_a_signers_finding_quoting_the_second_signer_is_beside_the_second_signer() -> None:
    bieu_mau = BieuMau(
        gia_tri={
            "nguoi_ky.quyen_han": "KT",
            "nguoi_ky.thay_mat": "GIÁM ĐỐC",
            "nguoi_ky.chuc_vu": "PHÓ CHỦ TỊCH",
            "nguoi_ky.ho_ten": "Nguyễn Văn An",
            "nguoi_ky_2.quyen_han": "TM",
            "nguoi_ky_2.thay_mat": "BAN CHẤP HÀNH",
            "nguoi_ky_2.chuc_vu": "CHỦ TỊCH",
            "nguoi_ky_2.chuc_vu_khac": "PHÓ TRƯỞNG BAN",
            "nguoi_ky_2.ho_ten": "Trần Văn Bình",
        }
    )
    assert o_cua(_phat_hien("ho_ten.dam", "Trần Văn Bình"), bieu_mau) == "nguoi_ky_2.ho_ten"
    assert o_cua(_phat_hien("ho_ten.dam", "Nguyễn Văn An"), bieu_mau) == "nguoi_ky.ho_ten"
    assert (
        o_cua(_phat_hien("chuc_vu.tien_to", "T/M BAN CHẤP HÀNH"), bieu_mau)
        == "nguoi_ky_2.quyen_han"
    )
    assert o_cua(_phat_hien("chuc_vu.thieu_dong", "KT. GIÁM ĐỐC"), bieu_mau) == "nguoi_ky.chuc_vu"
    assert o_cua(_phat_hien("chuc_vu.dam", "CHỦ TỊCH"), bieu_mau) == "nguoi_ky_2.chuc_vu"
    # first words both signers' lines begin with stay with the first
    assert o_cua(_phat_hien("chuc_vu.dam", "PHÓ …"), bieu_mau) == "nguoi_ky.chuc_vu"


def test_the_summary_lists_the_pages_findings_then_the_fields_in_the_forms_order() -> None:
    findings = [
        _phat_hien("luu.co_chu"),
        _phat_hien("ngay_thang.thang"),
        _phat_hien("le_trai"),
        _phat_hien("co_quan.dam"),
        _phat_hien("so_ky_hieu.so"),
    ]
    placed = the_thuc_theo_o(findings, BieuMau(), TEN_O)
    assert placed.chung == [findings[2]]
    assert placed.theo_o == {
        "luu": [findings[0]],
        "dia_danh": [findings[1]],
        "co_quan": [findings[3]],
        "ky_hieu": [findings[4]],
    }
    assert [o for _, o in placed.tom_tat] == [None, "co_quan", "ky_hieu", "dia_danh", "luu"]
    every = {*O_CUA_PHAN.values(), *O_CUA_MA.values()}
    every |= {o.replace("nguoi_ky.", "nguoi_ky_2.") for o in every}
    assert every == set(THU_TU_O)


def test_a_finding_whose_field_the_form_lacks_goes_to_the_top() -> None:
    findings = [_phat_hien("le_trai"), _phat_hien("ngay_thang.thang"), _phat_hien("luu.co_chu")]
    bare = the_thuc_theo_o(findings, BieuMau(), ["luu"])
    assert bare.chung == findings[:2] and bare.theo_o == {"luu": [findings[2]]}
