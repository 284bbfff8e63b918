"""The directory (danh bạ): loading it into the store as the văn thư (reading is in reading/)."""

from __future__ import annotations

from ..errors import InvalidDirective
from ..schemas.danh_ba import DanhBa
from ..storage import Store
from ..storage.danh_ba import save_co_quan
from ..storage.van_ban import dong_nhat_ky, ghi_dong_nhat_ky
from .clock import Clock, bay_gio
from .nguoi_dung import quan_tri_vien


def _ve_duoc(danh_ba: DanhBa) -> None:
    """Refuse a body whose name the slip could not draw: it would fail distribution after the
    number is taken.

    Raises:
        InvalidDirective: each name holding a character no embedded face can draw.
    """
    # Imported here: the check reads font files, which loading users never needs.
    from ..rendering.ve_duoc import van_de_ve_chu

    problems = [
        problem
        for i, body in enumerate(danh_ba.co_quan)
        for field in ("ten", "ten_ngan")
        for problem in van_de_ve_chu(f"co_quan[{i}].{field}", getattr(body, field) or "")
    ]
    if problems:
        raise InvalidDirective("danh bạ", problems)


def nap_danh_ba(
    store: Store, danh_ba: DanhBa, ten_nguoi: str | None, clock: Clock = bay_gio
) -> int:
    """Add or update every body and its groups in one transaction, as ``ten_nguoi``; how many.

    Keeping the directory is the văn thư's job (see :mod:`.nguoi_dung`); the load is logged.

    Raises:
        Refused: no actor, or one who is not a văn thư.
        NotFound: no such user.
    """
    _ve_duoc(danh_ba)
    with store.transaction() as s:
        quan_tri_vien(s, ten_nguoi, "nạp danh bạ")
        save_co_quan(s, danh_ba.co_quan)
        assert ten_nguoi is not None  # quan_tri_vien refused an anonymous load
        ghi_dong_nhat_ky(
            s,
            dong_nhat_ky(
                None,
                "danh_ba",
                "nap_danh_ba",
                ten_nguoi,
                clock(),
                so_co_quan=len(danh_ba.co_quan),
            ),
        )
    return len(danh_ba.co_quan)


__all__ = ["nap_danh_ba"]
