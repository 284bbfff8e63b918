"""Users and their roles: adding them, and knowing who is acting (``--as`` / ``VANTHU_USER``)."""

from __future__ import annotations

import os

from sqlalchemy.orm import Session

from ..errors import NotFound, Refused
from ..storage import Kho
from ..storage.bang import CoQuan, NguoiDung
from ..workflow import VaiTro
from . import tham_so


def them_nguoi_dung(
    kho: Kho, ten: str, ho_ten: str, vai_tro: VaiTro, ma_co_quan: str | None = None
) -> None:
    """Add or update a user. A recipient body's user (đơn vị nhận) names its body.

    Raises:
        Refused: a đơn vị nhận user without a body, or a body not in the directory.
    """
    ten, ho_ten = tham_so.ma(ten, "user"), tham_so.dong(ho_ten, "--ho-ten")
    ma_co_quan = None if ma_co_quan is None else tham_so.ma(ma_co_quan, "--co-quan")
    if vai_tro is VaiTro.don_vi_nhan and not ma_co_quan:
        raise Refused(f"user '{ten}'", "a đơn vị nhận user must name its body (--co-quan)")
    with kho.giao_dich() as s:
        if ma_co_quan and s.get(CoQuan, ma_co_quan) is None:
            raise NotFound("body", ma_co_quan)
        s.merge(NguoiDung(ten=ten, ho_ten=ho_ten, vai_tro=vai_tro.value, ma_co_quan=ma_co_quan))


def ten_nguoi_dung(ten: str | None) -> str:
    """The acting user: ``--as`` if given, else ``VANTHU_USER``.

    Raises:
        Refused: neither is set.
        InvalidSetting: not a user name (``gioi_han.MA_MAU``).
    """
    ten = ten or os.environ.get("VANTHU_USER")
    if not ten:
        raise Refused("user", "say who is acting: --as USER or VANTHU_USER")
    return tham_so.ma(ten, "--as / VANTHU_USER")


def nguoi_dung(s: Session, ten: str) -> NguoiDung:
    """The stored user.

    Raises:
        NotFound: no such user.
    """
    user = s.get(NguoiDung, ten)
    if user is None:
        raise NotFound("user", ten)
    return user
