"""The directive's lifecycle: from draft (dự thảo) to issued, distributed, completed or recalled."""

from __future__ import annotations

from .label import LabelledEnum
from .vai_tro import VaiTro
from .vong_doi import ChuyenTiep, StateMachine


class TrangThaiVanBan(LabelledEnum):
    """Where a directive is in its life; ``thu_hoi`` and ``thay_the`` are final."""

    du_thao = "du_thao", "dự thảo"
    cho_duyet = "cho_duyet", "chờ duyệt"
    tra_lai = "tra_lai", "trả lại"
    da_duyet = "da_duyet", "đã duyệt"
    cho_ky_so = "cho_ky_so", "chờ ký số"
    """Approved, waiting for the leader's own signature (two-step signing, #10): the prepared
    PDF, without number or date, is out for him to sign on his computer; Ban hành waits."""
    da_ban_hanh = "da_ban_hanh", "đã ban hành"
    """Issued: number and date taken from the register, the rendered files frozen."""
    da_phat_hanh = "da_phat_hanh", "đã phát hành"
    """Distributed: delivered to every recipient body."""
    dang_theo_doi = "dang_theo_doi", "đang theo dõi"
    hoan_thanh = "hoan_thanh", "hoàn thành"
    thu_hoi = "thu_hoi", "thu hồi"
    """Recalled after issue: recipients are told and the record is frozen."""
    thay_the = "thay_the", "thay thế"
    """Replaced by a newer directive."""


class SuKienVanBan(LabelledEnum):
    """What can happen to a directive; who may make it happen is in ``BANG_VAN_BAN``."""

    trinh = "trinh", "trình"
    tra_lai = "tra_lai", "trả lại"
    duyet = "duyet", "duyệt"
    ban_hanh = "ban_hanh", "ban hành"
    chuan_bi_ky = "chuan_bi_ky", "chuẩn bị ký số"
    """The prepared PDF (no number yet) for a leader who signs on his own computer: at his
    Duyệt (ký số hai bước), or at a Ban hành that finds him not signed."""
    ky_so = "ky_so", "ký số"
    """The leader's signed PDF accepted (two-step) and frozen: approved and signed, Ban hành
    to come (it numbers, dates and has the organisation sign)."""
    huy_ky_so = "huy_ky_so", "hủy ký số"
    """The leader's signature cancelled (waited for, or made and not yet issued): approved
    without it; Ban hành has him sign again."""
    phat_hanh = "phat_hanh", "phát hành"
    theo_doi = "theo_doi", "theo dõi"
    hoan_thanh = "hoan_thanh", "hoàn thành"
    thu_hoi = "thu_hoi", "thu hồi"
    thay_the = "thay_the", "thay thế"


_T = TrangThaiVanBan
_E = SuKienVanBan
_V = VaiTro

#: Whoever may draft submits: a chuyên viên, a lãnh đạo writing one themself, a văn thư's
#: reminder (đôn đốc). The services add that only the drafter submits their own draft, and that
#: nobody returns or approves a draft they wrote.
_NGUOI_SOAN = frozenset({_V.chuyen_vien, _V.lanh_dao, _V.van_thu})

BANG_VAN_BAN: tuple[ChuyenTiep[TrangThaiVanBan, SuKienVanBan], ...] = (
    ChuyenTiep(_E.trinh, (_T.du_thao, _T.tra_lai), _T.cho_duyet, _NGUOI_SOAN),
    ChuyenTiep(_E.tra_lai, (_T.cho_duyet,), _T.tra_lai, frozenset({_V.lanh_dao}), can_ly_do=True),
    ChuyenTiep(_E.duyet, (_T.cho_duyet,), _T.da_duyet, frozenset({_V.lanh_dao})),
    ChuyenTiep(_E.ban_hanh, (_T.da_duyet,), _T.da_ban_hanh, frozenset({_V.van_thu})),
    # Signing (#10), in Decree 30's order: the leader signs before the number. Two-step: his
    # Duyệt (or a Ban hành that finds him not signed) hands him the prepared PDF; he (or the văn
    # thư, for him) brings it back signed, or either cancels his signature before the issue.
    ChuyenTiep(_E.chuan_bi_ky, (_T.da_duyet,), _T.cho_ky_so, frozenset({_V.lanh_dao, _V.van_thu})),
    ChuyenTiep(_E.ky_so, (_T.cho_ky_so,), _T.da_duyet, frozenset({_V.lanh_dao, _V.van_thu})),
    ChuyenTiep(
        _E.huy_ky_so,
        (_T.cho_ky_so, _T.da_duyet),
        _T.da_duyet,
        frozenset({_V.lanh_dao, _V.van_thu}),
    ),
    ChuyenTiep(_E.phat_hanh, (_T.da_ban_hanh,), _T.da_phat_hanh, frozenset({_V.van_thu})),
    ChuyenTiep(_E.theo_doi, (_T.da_phat_hanh,), _T.dang_theo_doi, frozenset({_V.van_thu})),
    ChuyenTiep(
        _E.hoan_thanh,
        (_T.da_phat_hanh, _T.dang_theo_doi),
        _T.hoan_thanh,
        frozenset({_V.van_thu, _V.lanh_dao}),
    ),
    ChuyenTiep(
        _E.thu_hoi,
        (_T.da_ban_hanh, _T.da_phat_hanh, _T.dang_theo_doi),
        _T.thu_hoi,
        frozenset({_V.lanh_dao}),
        can_ly_do=True,
    ),
    ChuyenTiep(
        _E.thay_the,
        (_T.da_ban_hanh, _T.da_phat_hanh, _T.dang_theo_doi, _T.hoan_thanh),
        _T.thay_the,
        frozenset({_V.van_thu}),
    ),
)
"""The directive lifecycle, one row per event: sources → target, roles, whether a reason is due."""

VONG_DOI_VAN_BAN = StateMachine("văn bản", TrangThaiVanBan, SuKienVanBan, BANG_VAN_BAN)


def chuyen_van_ban(
    trang_thai: TrangThaiVanBan,
    su_kien: SuKienVanBan,
    vai_tro: VaiTro,
    ly_do: str | None = None,
    *,
    ten: str | None = None,
) -> TrangThaiVanBan:
    """Fire an event on a directive; the state it moves to. Nothing is stored here.

    Args:
        trang_thai: the directive's current (stored) state.
        su_kien: the event.
        vai_tro: the role of the person firing it.
        ly_do: the reason; required (non-blank) for ``tra_lai`` and ``thu_hoi``.
        ten: how to name the directive in a refusal (e.g. its số ký hiệu); "văn bản" if None.

    Raises:
        TransitionRefused: the event does not leave this state, the role may not fire it, or
            the reason is missing.
    """
    return VONG_DOI_VAN_BAN.chuyen(trang_thai, su_kien, vai_tro, ly_do, ten=ten)


def su_kien_van_ban_hop_le(
    trang_thai: TrangThaiVanBan, vai_tro: VaiTro
) -> tuple[SuKienVanBan, ...]:
    """The events ``vai_tro`` may fire on a directive in ``trang_thai`` (for the UI)."""
    return VONG_DOI_VAN_BAN.su_kien_hop_le(trang_thai, vai_tro)
