"""Each recipient body's lifecycle (pending, sent, received, reported) and when receipt is late."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from .label import LabelledEnum
from .vai_tro import VaiTro
from .vong_doi import ChuyenTiep, StateMachine


class TrangThaiNoiNhan(LabelledEnum):
    """Where one recipient body's copy is; ``da_bao_cao`` and ``tu_choi`` are final."""

    cho_gui = "cho_gui", "chờ gửi"
    da_gui = "da_gui", "đã gửi"
    da_nhan = "da_nhan", "đã nhận"
    """Received: the body acknowledged it (whether late is ``nhan_tre``'s business)."""
    da_bao_cao = "da_bao_cao", "đã báo cáo"
    tu_choi = "tu_choi", "từ chối"
    """Rejected by the body as misaddressed."""


class SuKienNoiNhan(LabelledEnum):
    """What can happen to one recipient's copy; who may make it happen is in ``BANG_NOI_NHAN``."""

    gui = "gui", "gửi"
    xac_nhan = "xac_nhan", "xác nhận"
    bao_cao = "bao_cao", "báo cáo"
    tu_choi = "tu_choi", "từ chối"


_T = TrangThaiNoiNhan
_E = SuKienNoiNhan
_V = VaiTro
# The clerk may record what a body said by telephone or on paper, hence van_thu beside it.
_DON_VI_HOAC_VAN_THU = frozenset({_V.don_vi_nhan, _V.van_thu})

BANG_NOI_NHAN: tuple[ChuyenTiep[TrangThaiNoiNhan, SuKienNoiNhan], ...] = (
    ChuyenTiep(_E.gui, (_T.cho_gui,), _T.da_gui, frozenset({_V.van_thu})),
    ChuyenTiep(_E.xac_nhan, (_T.da_gui,), _T.da_nhan, _DON_VI_HOAC_VAN_THU),
    ChuyenTiep(_E.bao_cao, (_T.da_gui, _T.da_nhan), _T.da_bao_cao, _DON_VI_HOAC_VAN_THU),
    ChuyenTiep(_E.tu_choi, (_T.da_gui,), _T.tu_choi, _DON_VI_HOAC_VAN_THU, can_ly_do=True),
)
"""The recipient lifecycle, one row per event: sources → target, roles, whether a reason is due."""

VONG_DOI_NOI_NHAN = StateMachine("nơi nhận", TrangThaiNoiNhan, SuKienNoiNhan, BANG_NOI_NHAN)


def chuyen_noi_nhan(
    trang_thai: TrangThaiNoiNhan,
    su_kien: SuKienNoiNhan,
    vai_tro: VaiTro,
    ly_do: str | None = None,
    *,
    ten: str | None = None,
) -> TrangThaiNoiNhan:
    """Fire an event on one recipient's copy; the state it moves to. Nothing is stored here.

    Args:
        trang_thai: the copy's current (stored) state.
        su_kien: the event.
        vai_tro: the role of the person firing it.
        ly_do: a reason, if any (no recipient event requires one).
        ten: how to name the copy in a refusal (e.g. "01/CĐ-UBND → SYT"); "nơi nhận" if None.

    Raises:
        TransitionRefused: the event does not leave this state or the role may not fire it.
    """
    return VONG_DOI_NOI_NHAN.chuyen(trang_thai, su_kien, vai_tro, ly_do, ten=ten)


def su_kien_noi_nhan_hop_le(
    trang_thai: TrangThaiNoiNhan, vai_tro: VaiTro
) -> tuple[SuKienNoiNhan, ...]:
    """The events ``vai_tro`` may fire on a recipient's copy in ``trang_thai`` (for the UI)."""
    return VONG_DOI_NOI_NHAN.su_kien_hop_le(trang_thai, vai_tro)


def la_ngay_lam_viec(ngay: date, ngay_nghi: frozenset[date] = frozenset()) -> bool:
    """Monday to Friday, and not a listed holiday (ngày nghỉ: Tết, national days, days off)."""
    return ngay.weekday() < 5 and ngay not in ngay_nghi


def han_xac_nhan(ngay_gui: date, ngay_nghi: frozenset[date] = frozenset()) -> date:
    """The last day on which receipt of a copy sent on ``ngay_gui`` is on time (``nhan_tre``)."""
    han = ngay_gui
    while not la_ngay_lam_viec(han, ngay_nghi):
        han += timedelta(days=1)
    return han


def nhan_tre(
    sent_at: datetime, received_at: datetime, ngay_nghi: frozenset[date] = frozenset()
) -> bool:
    """Whether an acknowledgement came late.

    Decree 30, Art. 21: a body that receives an electronic document confirms receipt to the
    sender the same day. So receipt is on time up to the end of the working day the copy was
    sent on. A copy sent on a day that is not a working day (Saturday, Sunday, or a day in
    ``ngay_nghi``) is on time up to the end of the next working day: sent on Saturday, on time
    if acknowledged by Monday evening (by Tuesday if Monday is a holiday). Only dates count, not
    office hours: sent at 23:00 on a working day and acknowledged at 08:00 the next morning is
    late.

    Days are read in ``sent_at``'s time zone: an aware ``received_at`` is converted to it first,
    so a server on UTC does not move the day (Vietnam is UTC+7). Naive times are taken as given.

    Raises:
        ValueError: one time is aware and the other naive, or receipt precedes sending.
    """
    if (sent_at.utcoffset() is None) != (received_at.utcoffset() is None):
        raise ValueError("sent_at and received_at must both carry a time zone, or neither")
    if received_at < sent_at:
        raise ValueError(f"received at {received_at} before it was sent at {sent_at}")
    if sent_at.tzinfo is not None:
        received_at = received_at.astimezone(sent_at.tzinfo)
    return received_at.date() > han_xac_nhan(sent_at.date(), ngay_nghi)


def nguong_tre(received_at: datetime, ngay_nghi: frozenset[date] = frozenset()) -> datetime:
    """The moment (ngưỡng: threshold) that decides ``nhan_tre`` for a receipt at ``received_at``.

    A copy sent before it is acknowledged late at ``received_at``; one sent at or after it is
    on time. It is midnight after the last working day before the day of receipt: a copy sent
    on or before that working day had until its end, which has passed; one sent later (that
    day being the day of receipt, or the days off just before it) has until today's end.

    So a store can judge lateness itself, comparing each copy's sending time with one value,
    exactly as ``nhan_tre`` would, when both times are read in ``received_at``'s time zone.
    """
    last = received_at.date() - timedelta(days=1)
    while not la_ngay_lam_viec(last, ngay_nghi):
        last -= timedelta(days=1)
    return datetime.combine(last + timedelta(days=1), time(), tzinfo=received_at.tzinfo)
