"""Group commit (ghi nhóm): small write transactions that arrive at once from several threads of
one process share one SQLite transaction, each in its own savepoint, and one commit.

With ``synchronous=FULL`` every SQLite commit waits for the disk (``fsync``). On a busy disk
that is milliseconds, and it bounds the acknowledgements a desk records through the recipients'
links to a few hundred a second however little each one does. So the first thread to arrive runs,
in one transaction, its own job and every job that queued meanwhile, each inside a SAVEPOINT (a
job that raises undoes its own writes only, and its caller gets its error), and commits once.
Each caller returns only once the commit holding its job is on disk, as with a transaction of its
own; while one group commits, the next queues. Jobs of one group run one after another, each
seeing the writes of those before it, so a guard that reads what it writes holds as it would
across transactions. PostgreSQL groups concurrent commits in its own log flush: it runs each job
in a transaction of its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import Connection, Engine

from ..errors import StoreUnavailable

T = TypeVar("T")


@dataclass
class _Viec(Generic[T]):
    """A queued job and what became of it."""

    job: Callable[[Connection], T]
    ket_qua: T | None = None
    loi: Exception | None = None
    da_ghi: bool = False
    """Its group's commit is done (and the job did not fail)."""
    xong: bool = False


class GhiNhom:
    """The group commit of one SQLite engine (one per store: its jobs share transactions)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._cho = threading.Condition()
        self._hang: list[_Viec[Any]] = []
        self._dang_ghi = False

    def chay(self, job: Callable[[Connection], T]) -> T:
        """Run ``job`` on a connection in a write transaction, shared with the jobs of other
        threads that arrive meanwhile; its result once the transaction is committed.

        Raises:
            What ``job`` raised (its writes undone, the others' kept), or what the commit
            raised (nothing of the group written); StoreUnavailable if the thread writing the
            group was interrupted (by an exception that is not an ``Exception``) before its
            commit.
        """
        viec: _Viec[T] = _Viec(job)
        with self._cho:
            self._hang.append(viec)
            while self._dang_ghi and not viec.xong:
                self._cho.wait()
            nhom: list[_Viec[Any]] = []
            if not viec.xong:  # no group is being written and ours is queued: we write it
                self._dang_ghi = True
                nhom, self._hang = self._hang, []
        if nhom:
            try:
                self._ghi(nhom)
            finally:
                with self._cho:
                    for done in nhom:
                        if not done.da_ghi and done.loi is None:  # the writer was interrupted
                            done.loi = StoreUnavailable(
                                "the store", "a shared transaction was interrupted: not written"
                            )
                        done.xong = True
                    self._dang_ghi = False
                    self._cho.notify_all()
        if viec.loi is not None:
            raise viec.loi
        return cast(T, viec.ket_qua)

    def _ghi(self, nhom: list[_Viec[Any]]) -> None:
        """One transaction: each job in its savepoint, then one commit."""
        try:
            with self._engine.begin() as conn:
                for viec in nhom:
                    try:
                        with conn.begin_nested():
                            viec.ket_qua = viec.job(conn)
                    except Exception as error:  # handed to the job's caller
                        viec.loi = error
        except Exception as error:  # BEGIN or COMMIT: nothing was written
            for viec in nhom:
                if viec.loi is None:
                    viec.loi, viec.ket_qua = error, None
            return
        for viec in nhom:
            viec.da_ghi = viec.loi is None


__all__ = ["GhiNhom"]
