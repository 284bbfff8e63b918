"""Distribution in the background (phát hành nền): one thread per directive, its progress kept
in this process so a page can poll it.

The façade's distribution is resumable and safe to run twice at once (it locks the rows it
records), so this registry only keeps one process from starting a second run of a directive it
is already running, and remembers how the last run ended. It lives in the web process: after a
restart, or on another worker, the page shows the state the store holds instead.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from typing import Any

from fastapi import Request

from ..errors import VanthuError
from ..services import UngDung

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TienTrinh:
    """One run's progress: bodies done of the total, and how it ended (if it has)."""

    da_xong: int = 0
    tong: int = 0
    dang_chay: bool = True
    loi: str | None = None
    gui_moi: int = 0

    @property
    def phan_tram(self) -> int:
        return 100 * self.da_xong // self.tong if self.tong else 0


class SoTienTrinh:
    """The runs of one web process, by directive id (sổ tiến trình)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._viec: dict[int, TienTrinh] = {}
        self._luong: dict[int, threading.Thread] = {}

    def xem(self, van_ban_id: int) -> TienTrinh | None:
        """The last run of this directive in this process, or None."""
        with self._lock:
            return self._viec.get(van_ban_id)

    def bat_dau(self, app: UngDung, nguoi: str, van_ban_id: int) -> TienTrinh:
        """Start distributing in a thread, unless a run of this directive is going already."""
        with self._lock:
            running = self._viec.get(van_ban_id)
            if running is not None and running.dang_chay:
                return running
            self._viec[van_ban_id] = TienTrinh()
            thread = threading.Thread(
                target=self._chay,
                args=(app, nguoi, van_ban_id),
                name=f"phat-hanh-{van_ban_id}",
                daemon=True,
            )
            self._luong[van_ban_id] = thread
            thread.start()
            return self._viec[van_ban_id]

    def cho(self, van_ban_id: int, timeout: float | None = None) -> TienTrinh | None:
        """Wait for the run of this directive to end (tests, shutdown); its last progress."""
        with self._lock:
            thread = self._luong.get(van_ban_id)
        if thread is not None:
            thread.join(timeout)
        return self.xem(van_ban_id)

    def _dat(self, van_ban_id: int, **changes: Any) -> None:
        with self._lock:
            self._viec[van_ban_id] = replace(self._viec[van_ban_id], **changes)

    def _chay(self, app: UngDung, nguoi: str, van_ban_id: int) -> None:
        def tien_do(done: int, total: int) -> None:
            self._dat(van_ban_id, da_xong=done, tong=total)

        try:
            result = app.phat_hanh(nguoi, str(van_ban_id), tien_do)
        except VanthuError as error:
            self._dat(van_ban_id, dang_chay=False, loi=str(error))
        except Exception as error:  # the thread must record how it ended, whatever it was
            log.exception("distribution of #%s failed", van_ban_id)
            self._dat(van_ban_id, dang_chay=False, loi=f"Lỗi không mong đợi: {error}")
        else:
            self._dat(
                van_ban_id,
                dang_chay=False,
                da_xong=result.tong,
                tong=result.tong,
                gui_moi=result.gui_moi,
            )


_TAO = threading.Lock()


def so_tien_trinh(request: Request) -> SoTienTrinh:
    """The registry of the app serving ``request`` (made on first use)."""
    state = request.app.state
    with _TAO:
        if not hasattr(state, "phat_hanh_nen"):
            state.phat_hanh_nen = SoTienTrinh()
    registry: SoTienTrinh = state.phat_hanh_nen
    return registry
