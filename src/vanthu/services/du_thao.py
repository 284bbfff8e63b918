"""Drafts (dự thảo) before review: their drafter edits them, anyone previews their pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import InvalidDirective, Problem, Refused, TransitionRefused
from ..reading.van_ban import doc_van_ban
from ..schemas import VanBan
from ..storage import Store
from ..storage.danh_ba import kiem_tra_danh_ba, nguoi_dung
from ..storage.van_ban import dong_nhat_ky, ghi_dong_nhat_ky, sua_noi_dung, van_ban_cua
from ..workflow import TrangThaiVanBan
from .clock import Clock, bay_gio
from .ket_xuat import renderer
from .kiem_tra import kiem_tra_van_ban
from .vong_doi import KetQuaChuyen, tim_van_ban

#: The states in which a draft's content may still change (before review, or sent back).
SUA_DUOC = frozenset({TrangThaiVanBan.du_thao, TrangThaiVanBan.tra_lai})


def doc_du_thao(data: dict[str, Any], nguon: str, hom_nay: dt.date) -> VanBan:
    """Directive data validated as a draft: every rule, every character drawable, no number.

    Raises:
        InvalidDirective: the data breaks a rule, or already carries a number or date.
    """
    vb = doc_van_ban(data, nguon, hom_nay)
    kiem_tra_van_ban(vb, nguon)
    if vb.so is not None or vb.ngay is not None:
        raise InvalidDirective(
            nguon, [Problem("so", "bản dự thảo không có số và ngày: văn thư cấp khi ban hành")]
        )
    return vb


class DuThao:
    """Editing and previewing drafts on one store, with one clock."""

    def __init__(self, store: Store, clock: Clock = bay_gio) -> None:
        self.store = store
        self.clock = clock

    def sua(self, ten_nguoi: str, khoa: str, data: dict[str, Any], nguon: str) -> KetQuaChuyen:
        """Replace a draft's content: only its drafter, only before review or once returned;
        its state stays, its version goes up by one, the log says who and which version.

        Raises:
            InvalidDirective: the data breaks a rule, or carries a number or date.
            Refused: not its drafter; the Nơi nhận or a task names unknown bodies or groups.
            TransitionRefused: the draft is under review or further on.
            NotFound, ConcurrentChange.
        """
        now = self.clock()
        vb = doc_du_thao(data, nguon, now.date())
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa, for_update=True)
            user = nguoi_dung(s, ten_nguoi)
            state = TrangThaiVanBan(row.trang_thai)
            what = f"người dùng '{ten_nguoi}' với văn bản {row.so_ky_hieu or f'#{row.id}'}"
            if state not in SUA_DUOC:
                raise TransitionRefused(
                    what,
                    state.value,
                    "sua_du_thao",
                    user.vai_tro,
                    "chỉ sửa được bản dự thảo hoặc bản bị trả lại",
                )
            if ten_nguoi != row.nguoi_soan:
                raise Refused(what, f"chỉ người soạn '{row.nguoi_soan}' được sửa")
            kiem_tra_danh_ba(s, vb)
            version = sua_noi_dung(s, row, vb, now)
            ghi_dong_nhat_ky(
                s,
                dong_nhat_ky(
                    row.id,
                    f"van_ban:{row.id}",
                    "sua_du_thao",
                    ten_nguoi,
                    now,
                    tu=state.value,
                    den=state.value,
                    phien_ban=version,
                    nguon=nguon,
                ),
            )
            return KetQuaChuyen(row.id, state, state)

    def xem_truoc(self, data: dict[str, Any], nguon: str) -> list[bytes]:
        """The pages of directive data as a draft would print, as JPEG images; nothing stored.

        Raises:
            InvalidDirective: the data breaks a rule, or carries a number or date.
            UnsupportedLayout, RenderError.
        """
        today = self.clock().date()
        return _anh_trang(doc_du_thao(data, nguon, today), today)

    def xem_truoc_van_ban(self, khoa: str) -> list[bytes]:
        """The pages of a stored directive as they print now, as JPEG images.

        Raises:
            NotFound: no such directive.
            UnsupportedLayout, RenderError.
        """
        today = self.clock().date()
        with self.store.transaction() as s:
            vb = van_ban_cua(tim_van_ban(s, khoa), today)
        return _anh_trang(vb, today)


def _anh_trang(vb: VanBan, hom_nay: dt.date) -> list[bytes]:
    """Render ``vb`` to PDF with the issuing renderer and draw each page as a JPEG."""
    from ..rendering.anh_trang import anh_trang

    result = renderer().ket_xuat(vb, docx=False, pdf=True, hom_nay=hom_nay)
    assert result.pdf is not None
    return anh_trang(result.pdf)
