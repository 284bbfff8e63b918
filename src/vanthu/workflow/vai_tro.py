"""The roles that guard lifecycle events: who may submit, approve, issue, acknowledge."""

from __future__ import annotations

from enum import StrEnum


class VaiTro(StrEnum):
    """A person's role towards one directive; users and their roles live in the store."""

    chuyen_vien = "chuyen_vien"
    """The drafter (chuyên viên): writes the draft and submits it."""
    lanh_dao = "lanh_dao"
    """The leader (lãnh đạo): returns, approves and signs, recalls."""
    van_thu = "van_thu"
    """The clerk (văn thư): issues, distributes, records what recipients say."""
    don_vi_nhan = "don_vi_nhan"
    """A recipient body (đơn vị nhận): acknowledges, reports, rejects a misaddressed copy."""

    @property
    def nhan(self) -> str:
        """The Vietnamese label for the UI and the docs."""
        return _NHAN[self]


_NHAN = {
    VaiTro.chuyen_vien: "chuyên viên",
    VaiTro.lanh_dao: "lãnh đạo",
    VaiTro.van_thu: "văn thư",
    VaiTro.don_vi_nhan: "đơn vị nhận",
}
