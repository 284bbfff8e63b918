"""The roles that guard lifecycle events: who may submit, approve, issue, acknowledge."""

from __future__ import annotations

from .label import LabelledEnum


class VaiTro(LabelledEnum):
    """A person's role towards one directive; users and their roles live in the store."""

    chuyen_vien = "chuyen_vien", "chuyên viên"
    """The drafter (chuyên viên): writes the draft and submits it."""
    lanh_dao = "lanh_dao", "lãnh đạo"
    """The leader (lãnh đạo): returns, approves and signs, recalls."""
    van_thu = "van_thu", "văn thư"
    """The clerk (văn thư): issues, distributes, records what recipients say."""
    don_vi_nhan = "don_vi_nhan", "đơn vị nhận"
    """A recipient body (đơn vị nhận): acknowledges, reports, rejects a misaddressed copy."""
