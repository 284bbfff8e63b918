"""The acknowledgement guard's data, read once from the recipient lifecycle table.

Who may acknowledge a copy, from which states, and which states count as received were once
restated in three places (the service's judgement, the SQLite write and the PostgreSQL
one-statement write). All three now read :data:`DIEU_KIEN_XAC_NHAN`, which is read from
``BANG_NOI_NHAN``; the two rules the table has no column for (a recalled directive takes no
event; a body's user acts only for its body) are named here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from .noi_nhan import BANG_NOI_NHAN, SuKienNoiNhan, TrangThaiNoiNhan
from .vai_tro import VaiTro
from .van_ban import TrangThaiVanBan


def vai_tro_duoc(su_kien: SuKienNoiNhan) -> frozenset[VaiTro]:
    """The roles that may fire ``su_kien`` on a recipient's copy from some state (table rows)."""
    return frozenset().union(*(h.vai_tro for h in BANG_NOI_NHAN if h.su_kien is su_kien))


@dataclass(frozen=True)
class DieuKienXacNhan:
    """What an acknowledgement needs, every field read from the table or named once here."""

    nguon: tuple[TrangThaiNoiNhan, ...]
    """The states an acknowledgement leaves (the table's sources for ``xac_nhan``)."""
    dich: TrangThaiNoiNhan
    """The state it moves the copy to."""
    vai_tro: frozenset[VaiTro]
    """The roles that may acknowledge (also when repeating one given before)."""
    da_nhan: frozenset[TrangThaiNoiNhan]
    """States in which the copy counts as received: ``dich`` and every state an event takes
    a received copy to (a report is also proof of receipt)."""
    van_ban_closed: TrangThaiVanBan = TrangThaiVanBan.thu_hoi
    """A directive in this state (recalled) takes no acknowledgement."""
    chi_co_quan_minh: VaiTro = VaiTro.don_vi_nhan
    """A user of this role acts only for the body they belong to."""


def _doc_bang() -> DieuKienXacNhan:
    hang = next(h for h in BANG_NOI_NHAN if h.su_kien is SuKienNoiNhan.xac_nhan)
    received = {hang.dich} | {h.dich for h in BANG_NOI_NHAN if hang.dich in h.nguon}
    return DieuKienXacNhan(
        nguon=hang.nguon,
        dich=hang.dich,
        vai_tro=vai_tro_duoc(SuKienNoiNhan.xac_nhan),
        da_nhan=frozenset(received),
    )


DIEU_KIEN_XAC_NHAN = _doc_bang()
"""The acknowledgement guard, for the service and both stores' statements."""
