"""Enums that carry their label: one table, written with the members."""

from __future__ import annotations

import pytest

from vanthu.workflow import SuKienVanBan, TrangThaiVanBan, VaiTro
from vanthu.workflow.label import LabelledEnum
from vanthu.workflow.noi_nhan import SuKienNoiNhan, TrangThaiNoiNhan


def test_a_member_is_looked_up_by_its_code_and_carries_its_label() -> None:
    assert VaiTro("van_thu") is VaiTro.van_thu
    assert VaiTro.van_thu == "van_thu" and str(VaiTro.van_thu) == "van_thu"
    assert VaiTro.van_thu.label == "văn thư"
    assert TrangThaiVanBan.da_ban_hanh.label == "đã ban hành"
    assert TrangThaiNoiNhan.da_bao_cao.label == "đã báo cáo"


@pytest.mark.parametrize(
    "kieu", [VaiTro, TrangThaiVanBan, SuKienVanBan, TrangThaiNoiNhan, SuKienNoiNhan]
)
def test_every_member_of_the_five_enums_has_a_vietnamese_label(kieu: type[LabelledEnum]) -> None:
    for member in kieu:
        assert member.label and member.label != member.value


def test_a_member_written_without_its_label_is_refused_when_the_class_is_built() -> None:
    with pytest.raises(TypeError, match="write the member with its label"):

        class _NoLabel(LabelledEnum):
            a = "a"
