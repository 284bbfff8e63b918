"""A lifecycle declared once as a table, the one `transitions.Machine` built from it, and firing.

The table is the only declaration: the machine, the refusal messages, the list of events offered
to a role and the diagram in the docs are all read from it. Each lifecycle has exactly one
machine, built at import time, that holds no model. Firing an event makes a throw-away object
carrying the current state, hands it to ``machine.events[event].trigger`` (the machine never
adds it to its models, so nothing is attached to it and nothing is kept), and reads the new state
back. The machine is not queued and has no callbacks, so one machine serves every record and
every thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from transitions import Machine
from transitions.core import MachineError

from ..errors import CauseRefused, TransitionRefused
from .label import LabelledEnum
from .vai_tro import VaiTro

S = TypeVar("S", bound=LabelledEnum)
E = TypeVar("E", bound=LabelledEnum)


@dataclass(frozen=True)
class ChuyenTiep(Generic[S, E]):
    """One row of a lifecycle table: an event, the states it leaves, where it goes, who fires it."""

    su_kien: E
    nguon: tuple[S, ...]
    dich: S
    vai_tro: frozenset[VaiTro]
    can_ly_do: bool = False
    """True if the event must carry a non-empty reason (lý do), e.g. returning a draft."""


def co_ly_do(ly_do: str | None) -> bool:
    """Whether a reason was given: not None and not only white space."""
    return ly_do is not None and ly_do.strip() != ""


class _MoHinh:
    """One record's state for the duration of one firing; never added to the machine."""

    __slots__ = ("state",)

    def __init__(self, state: str) -> None:
        self.state = state


def _vai_tro_duoc_phep(duoc_phep: frozenset[VaiTro]) -> Callable[[Any], bool]:
    """The guard of one row: the role passed with the event is one the row allows."""

    def kiem_tra(du_lieu: Any) -> bool:  # transitions' EventData (send_event=True)
        return du_lieu.kwargs["vai_tro"] in duoc_phep

    return kiem_tra


def _kiem_tra_ly_do(du_lieu: Any) -> bool:
    """The guard of rows that need a reason."""
    return co_ly_do(du_lieu.kwargs["ly_do"])


class StateMachine(Generic[S, E]):
    """One lifecycle: its table, the machine built from it, firing and what a role may fire.

    The first member of the state enum is the initial state; a state that no row leaves is final.

    Raises:
        ValueError: if the table names an (event, state) pair twice, leaves an event out, or has
            a row with no source state or no role.
    """

    def __init__(
        self,
        ten: str,
        kieu_trang_thai: type[S],
        kieu_su_kien: type[E],
        bang: tuple[ChuyenTiep[S, E], ...],
    ) -> None:
        self.ten = ten
        self.kieu_trang_thai = kieu_trang_thai
        self.kieu_su_kien = kieu_su_kien
        self.bang = bang
        self._hang = _theo_cap(ten, kieu_su_kien, bang)
        self.dau: S = next(iter(kieu_trang_thai))
        roi_di = {nguon for hang in bang for nguon in hang.nguon}
        self.cuoi: tuple[S, ...] = tuple(s for s in kieu_trang_thai if s not in roi_di)
        self.may = Machine(
            model=None,
            states=[s.value for s in kieu_trang_thai],
            initial=self.dau.value,
            transitions=[
                {
                    "trigger": hang.su_kien.value,
                    "source": [s.value for s in hang.nguon],
                    "dest": hang.dich.value,
                    "conditions": [_vai_tro_duoc_phep(hang.vai_tro)]
                    + ([_kiem_tra_ly_do] if hang.can_ly_do else []),
                }
                for hang in bang
            ],
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=False,
            name=ten,
        )

    def chuyen(
        self,
        trang_thai: S,
        su_kien: E,
        vai_tro: VaiTro,
        ly_do: str | None = None,
        *,
        ten: str | None = None,
    ) -> S:
        """Fire ``su_kien`` from ``trang_thai`` as ``vai_tro``; the new state.

        Raises:
            TransitionRefused: the event does not leave this state, the role may not fire it, or
                it needs a reason and none was given. ``ten`` names the record in the message.
        """
        trang_thai = self.kieu_trang_thai(trang_thai)
        su_kien = self.kieu_su_kien(su_kien)
        vai_tro = VaiTro(vai_tro)
        mo_hinh = _MoHinh(trang_thai.value)
        try:
            da_chuyen = self.may.events[su_kien.value].trigger(
                mo_hinh, vai_tro=vai_tro, ly_do=ly_do
            )
        except MachineError:  # no row of this event leaves this state
            da_chuyen = False
        if not da_chuyen:
            cause, why = self._vi_sao(trang_thai, su_kien, vai_tro)
            raise TransitionRefused(
                ten or self.ten, trang_thai.value, su_kien.value, vai_tro.value, why, cause
            )
        return self.kieu_trang_thai(mo_hinh.state)

    def su_kien_hop_le(self, trang_thai: S, vai_tro: VaiTro) -> tuple[E, ...]:
        """The events ``vai_tro`` may fire from ``trang_thai``, in table order (a reason aside)."""
        return tuple(
            hang.su_kien
            for hang in self.bang
            if trang_thai in hang.nguon and vai_tro in hang.vai_tro
        )

    def _vi_sao(self, trang_thai: S, su_kien: E, vai_tro: VaiTro) -> tuple[CauseRefused, str]:
        """Why the machine refused: the first rule broken, checked in the order it checks them,
        as the kind of rule and the words that say it."""
        hang = self._hang.get((su_kien, trang_thai))
        if hang is None:
            tu = ", ".join(s.label for h in self.bang if h.su_kien == su_kien for s in h.nguon)
            cuoi = " (trạng thái cuối)" if trang_thai in self.cuoi else ""
            return "state", f"không làm được ở trạng thái này{cuoi}; chỉ làm được khi: {tu}"
        if vai_tro not in hang.vai_tro:
            duoc = ", ".join(v.label for v in VaiTro if v in hang.vai_tro)
            return "actor", f"vai trò '{vai_tro.label}' không được làm; vai trò được làm: {duoc}"
        return "reason", "phải ghi lý do (ly_do)"


def _theo_cap(
    ten: str, kieu_su_kien: type[E], bang: tuple[ChuyenTiep[S, E], ...]
) -> dict[tuple[E, S], ChuyenTiep[S, E]]:
    """Index the table by (event, source state), refusing a table the machine would misread."""
    hang_theo_cap: dict[tuple[E, S], ChuyenTiep[S, E]] = {}
    for hang in bang:
        if not hang.nguon or not hang.vai_tro:
            raise ValueError(f"{ten}: '{hang.su_kien}' needs at least one source and one role")
        for nguon in hang.nguon:
            if (hang.su_kien, nguon) in hang_theo_cap:
                raise ValueError(f"{ten}: '{hang.su_kien}' from '{nguon}' is declared twice")
            hang_theo_cap[hang.su_kien, nguon] = hang
    thieu = [e.value for e in kieu_su_kien if all(h.su_kien != e for h in bang)]
    if thieu:
        raise ValueError(f"{ten}: events without a row: {', '.join(thieu)}")
    return hang_theo_cap
