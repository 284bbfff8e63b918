"""Group commit (``Store.ghi_chung``): jobs of several threads at once share one transaction and
one commit on SQLite, each in its own savepoint; each caller gets its own result or error, only
once the commit holding its job is done."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Connection, event, func, insert, select

from tests.csdl import csdl_moi
from vanthu.errors import NotFound, StoreUnavailable
from vanthu.storage import Store, open_store
from vanthu.storage.bang import CoQuan


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with csdl_moi("sqlite", tmp_path) as url:
        store = open_store(url)
        try:
            yield store
        finally:
            store.close()


def them(ma: str, fail: bool = False) -> Callable[[Connection], str]:
    def job(conn: Connection) -> str:
        conn.execute(insert(CoQuan).values(ma=ma, ten=f"Cơ quan {ma}", ten_ngan=ma))
        if fail:
            raise NotFound("body", ma)
        return ma

    return job


def co_quan(store: Store) -> set[str]:
    with store.transaction() as s:
        return set(s.scalars(select(CoQuan.ma)))


def test_jobs_queued_while_a_group_commits_share_the_next_commit(store: Store) -> None:
    commits: list[int] = []
    event.listen(store.engine, "commit", lambda conn: commits.append(1))
    started, release = threading.Event(), threading.Event()

    def first(conn: Connection) -> str:
        started.set()
        release.wait(10)
        return "A"

    with ThreadPoolExecutor(9) as pool:
        lead = pool.submit(store.ghi_chung, first)
        assert started.wait(10)
        rest = [pool.submit(store.ghi_chung, them(f"B{i}")) for i in range(8)]
        while len(store._ghi_nhom._hang) < 8:  # every one of them is queued behind the first
            threading.Event().wait(0.01)
        release.set()
        assert lead.result() == "A"
        assert sorted(f.result() for f in rest) == sorted(f"B{i}" for i in range(8))
    assert len(commits) == 2  # the first job's group, then the eight queued meanwhile
    assert co_quan(store) == {f"B{i}" for i in range(8)}


def test_a_job_that_fails_undoes_its_own_writes_and_no_one_else_s(store: Store) -> None:
    barrier = threading.Barrier(6)

    def at_once(job: Callable[[Connection], str]) -> str:
        barrier.wait(10)
        return store.ghi_chung(job)

    with ThreadPoolExecutor(6) as pool:
        futures = {
            ma: pool.submit(at_once, them(ma, fail=ma.endswith("x")))
            for ma in ("A", "Bx", "C", "Dx", "E", "F")
        }
    for ma, future in futures.items():
        if ma.endswith("x"):
            with pytest.raises(NotFound):
                future.result()
        else:
            assert future.result() == ma
    assert co_quan(store) == {"A", "C", "E", "F"}


def test_a_failed_commit_fails_every_job_of_its_group_and_writes_none(store: Store) -> None:
    def refuse(conn: Connection) -> None:
        raise OSError("disk full")

    event.listen(store.engine, "commit", refuse)
    with pytest.raises(OSError, match="disk full"):
        store.ghi_chung(them("A"))
    event.remove(store.engine, "commit", refuse)
    assert co_quan(store) == set()
    assert store.ghi_chung(them("B")) == "B"  # the next group is not held up


def test_many_threads_each_get_their_own_result(store: Store) -> None:
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda i: store.ghi_chung(them(f"Q{i:03d}")), range(200)))
    assert results == [f"Q{i:03d}" for i in range(200)]
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(CoQuan)) == 200


class Stop(BaseException):
    """An interruption that is no Exception (as KeyboardInterrupt is)."""


def test_a_job_interrupting_its_group_leaves_no_one_told_written_what_was_not(
    store: Store,
) -> None:
    started, release = threading.Event(), threading.Event()

    def first(conn: Connection) -> str:
        started.set()
        release.wait(10)
        return "first"

    def interrupt(conn: Connection) -> str:
        raise Stop()

    outcomes: dict[str, object] = {}

    def run(name: str, job: Callable[[Connection], str]) -> None:
        try:
            outcomes[name] = store.ghi_chung(job)
        except BaseException as error:  # recorded for the assertions
            outcomes[name] = error

    threads = [threading.Thread(target=run, args=("first", first))]
    threads[0].start()
    assert started.wait(10)
    for name, job in (("A", them("A")), ("stop", interrupt)):
        threads.append(threading.Thread(target=run, args=(name, job)))
        threads[-1].start()
        while len(store._ghi_nhom._hang) < len(threads) - 1:
            threading.Event().wait(0.01)
    release.set()
    for thread in threads:
        thread.join(10)
    assert outcomes["first"] == "first"
    # A and the interruption shared a group, rolled back: whichever thread wrote it sees the
    # interruption itself, the other is told nothing was written; neither gets a result.
    assert {type(outcomes["A"]), type(outcomes["stop"])} == {Stop, StoreUnavailable}
    assert co_quan(store) == set()
    assert store.ghi_chung(them("B")) == "B"
