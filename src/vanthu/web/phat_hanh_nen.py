"""Distribution in the background (phát hành nền): a thread per directive in this process; its
progress is read back from the store.

The façade's distribution is resumable and safe to run twice at once (it locks the rows it
records), and it records each run's progress in the store (:meth:`UngDung.tien_trinh_phat_hanh`).
So the page polls the store, and a reload served by another worker — or by this one after a
restart — shows the same progress. This registry only keeps one process from starting a second
run of a directive whose run it is already running, and covers the moment between a thread's
start and the run's first record (and a run refused before it recorded anything).
"""

from __future__ import annotations

import logging
import threading

from fastapi import Request

from ..errors import VanthuError
from ..services import TienTrinh, UngDung

log = logging.getLogger(__name__)


class SoTienTrinh:
    """The runs this web process started, by directive id (sổ tiến trình)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._luong: dict[int, threading.Thread] = {}
        self._loi: dict[int, str] = {}

    def xem(self, app: UngDung, van_ban_id: int) -> TienTrinh | None:
        """The directive's last run: the store's record; a thread of this process whose run is
        not recorded yet counts as starting, one that failed before it recorded shows why."""
        stored = app.tien_trinh_phat_hanh(str(van_ban_id))
        with self._lock:
            thread = self._luong.get(van_ban_id)
            refused = self._loi.get(van_ban_id)
        if thread is not None and thread.is_alive() and not (stored and stored.dang_chay):
            return TienTrinh()  # the thread is still reading the store before its first record
        if refused is not None:
            return TienTrinh(dang_chay=False, loi=refused)
        return stored

    def bat_dau(self, app: UngDung, nguoi: str, van_ban_id: int) -> None:
        """Start distributing in a thread, unless this process runs this directive already."""
        with self._lock:
            running = self._luong.get(van_ban_id)
            if running is not None and running.is_alive():
                return
            self._loi.pop(van_ban_id, None)
            thread = threading.Thread(
                target=self._chay,
                args=(app, nguoi, van_ban_id),
                name=f"phat-hanh-{van_ban_id}",
                daemon=True,
            )
            self._luong[van_ban_id] = thread
            thread.start()

    def cho(self, van_ban_id: int, timeout: float | None = None) -> None:
        """Wait for this process's run of the directive to end (tests, shutdown)."""
        with self._lock:
            thread = self._luong.get(van_ban_id)
        if thread is not None:
            thread.join(timeout)

    def _chay(self, app: UngDung, nguoi: str, van_ban_id: int) -> None:
        before = app.tien_trinh_phat_hanh(str(van_ban_id))
        try:
            app.phat_hanh(nguoi, str(van_ban_id))
        except Exception as error:  # the thread must leave word of how it ended, whatever it was
            if not isinstance(error, VanthuError):
                log.exception("distribution of #%s failed", van_ban_id)
            after = app.tien_trinh_phat_hanh(str(van_ban_id))
            if after is None or after == before:  # ended before the run was recorded
                message = str(error) if isinstance(error, VanthuError) else "Lỗi không mong đợi"
                with self._lock:
                    self._loi[van_ban_id] = message


_TAO = threading.Lock()


def so_tien_trinh(request: Request) -> SoTienTrinh:
    """The registry of the app serving ``request`` (made on first use)."""
    state = request.app.state
    with _TAO:
        if not hasattr(state, "phat_hanh_nen"):
            state.phat_hanh_nen = SoTienTrinh()
    registry: SoTienTrinh = state.phat_hanh_nen
    return registry
