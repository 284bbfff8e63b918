"""Several real processes on one store: numbers stay unique and gapless, one of two identical
events wins and the other is refused, a directive or an acknowledgement is recorded once.

Each child process opens its own application on the test's database (SQLite file or PostgreSQL
database), waits at a barrier so that all of them start at the same moment, and writes what
happened to a JSON file the test reads back. Children are started with the "spawn" context:
fresh interpreters, no state inherited from the test process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import multiprocessing.synchronize
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.services.conftest import cong_dien_du_thao, duyet_xong
from vanthu.errors import ConcurrentChange, TransitionRefused, nhan
from vanthu.services.clock import GIO_VIET_NAM
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import DemSo, DongSoDangKy, LanGui, NhatKy, NoiNhanVanBan, VanBanRow
from vanthu.storage.noi_nhan import KENH_TEP
from vanthu.workflow import SuKienVanBan, TrangThaiVanBan

PROCESSES = 4
SO_VAN_BAN = 24
#: Bodies two processes acknowledge at the same moment, one race each.
SO_XAC_NHAN = 8
#: The moment every child issues at (the drafts are of 2021).
LUC_BAN_HANH = dt.datetime(2021, 9, 13, 8, 30, tzinfo=GIO_VIET_NAM)
#: What a child reports for an event that lost a race: the clear refusals, nothing else.
TU_CHOI = (TransitionRefused, ConcurrentChange)
#: A child that is not done by then is stuck (a lock never released).
HAN_CHO_S = 180

KetQua = dict[str, str]


def _mo_ung_dung(db_url: str, thu_muc: str) -> BoDichVu:
    """A child's own application on the shared store, its clock fixed at ``LUC_BAN_HANH``."""
    return BoDichVu(db=db_url, thu_muc=Path(thu_muc), clock=lambda: LUC_BAN_HANH)


def _thu(action: Callable[[], str | None]) -> str:
    """Run one use case; "ok …" on success, else the error's class and message."""
    try:
        return f"ok {action()}"
    except TU_CHOI as error:
        return f"{type(error).__name__}: {error}"
    except Exception as error:  # anything else is a bug the test must show, not a crash
        return f"UNEXPECTED {type(error).__name__}: {error}"


def _ban_hanh(app: BoDichVu, van_ban_id: int) -> str | None:
    return app.vong_doi.ban_hanh("vt", str(van_ban_id)).so_ky_hieu


def _chuyen(
    app: BoDichVu, user: str, van_ban_id: int, su_kien: SuKienVanBan, ly_do: str | None
) -> str | None:
    return app.vong_doi.chuyen(user, str(van_ban_id), su_kien, ly_do).so_ky_hieu


def _xac_nhan(app: BoDichVu, van_ban_id: int, ma_co_quan: str) -> str:
    return "again" if app.theo_doi.xac_nhan("vt", str(van_ban_id), ma_co_quan).da_co else "new"


def _phat_hanh(app: BoDichVu, van_ban_id: int) -> str:
    return str(app.phat_hanh.phat_hanh("vt", str(van_ban_id)).gui_moi)


def _ban_hanh_ca_lo(
    db_url: str,
    thu_muc: str,
    ids: Sequence[int],
    barrier: multiprocessing.synchronize.Barrier,
    ket_qua: str,
) -> None:
    """Child: issue every directive of ``ids`` in that order, racing the other children."""
    app = _mo_ung_dung(db_url, thu_muc)
    barrier.wait(timeout=HAN_CHO_S)
    out = {}
    for i in ids:
        out[str(i)] = _thu(partial(_ban_hanh, app, i))
    app.close()
    Path(ket_qua).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def _cung_chuyen(
    db_url: str,
    thu_muc: str,
    races: Sequence[tuple[str, int, str]],
    barrier: multiprocessing.synchronize.Barrier,
    ket_qua: str,
) -> None:
    """Child: for each (user, directive, event), wait for the other child, then fire it."""
    app = _mo_ung_dung(db_url, thu_muc)
    out = {}
    for user, van_ban_id, event in races:
        barrier.wait(timeout=HAN_CHO_S)
        su_kien = SuKienVanBan(event)
        ly_do = "Ban hành nhầm" if su_kien is SuKienVanBan.thu_hoi else None
        out[event] = _thu(partial(_chuyen, app, user, van_ban_id, su_kien, ly_do))
    app.close()
    Path(ket_qua).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def _cung_phat_hanh(
    db_url: str,
    thu_muc: str,
    van_ban_id: int,
    barrier: multiprocessing.synchronize.Barrier,
    ket_qua: str,
) -> None:
    """Child: wait for the other child, then distribute the directive."""
    app = _mo_ung_dung(db_url, thu_muc)
    barrier.wait(timeout=HAN_CHO_S)
    out = {"phat_hanh": _thu(partial(_phat_hanh, app, van_ban_id))}
    app.close()
    Path(ket_qua).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def _cung_xac_nhan(
    db_url: str,
    thu_muc: str,
    van_ban_id: int,
    codes: Sequence[str],
    barrier: multiprocessing.synchronize.Barrier,
    ket_qua: str,
) -> None:
    """Child: for each body, wait for the other child, then acknowledge receipt for it."""
    app = _mo_ung_dung(db_url, thu_muc)
    out = {}
    for code in codes:
        barrier.wait(timeout=HAN_CHO_S)
        out[code] = _thu(partial(_xac_nhan, app, van_ban_id, code))
    app.close()
    Path(ket_qua).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def chay_song_song(
    target: Callable[..., None], args: Sequence[tuple[Any, ...]], tmp_path: Path
) -> list[KetQua]:
    """Start one spawned process per ``args`` (each gets a shared barrier and a result file
    appended), wait for all of them, and return what each wrote."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(args))
    files = [tmp_path / f"process-{n}.json" for n in range(len(args))]
    processes = [
        ctx.Process(target=target, args=(*a, barrier, str(f)), name=f"vanthu-{n}")
        for n, (a, f) in enumerate(zip(args, files, strict=True))
    ]
    for p in processes:
        p.start()
    for p in processes:
        p.join(HAN_CHO_S)
    stuck = [p.name for p in processes if p.is_alive()]
    for p in processes:
        if p.is_alive():
            p.kill()
            p.join()
    assert not stuck, f"processes still running after {HAN_CHO_S} s: {stuck}"
    assert [p.exitcode for p in processes] == [0] * len(processes), "a child process crashed"
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def test_processes_issuing_at_once_take_every_number_once_without_gaps(
    app: BoDichVu, db_url: str, tmp_path: Path
) -> None:
    ids = [duyet_xong(app) for _ in range(SO_VAN_BAN)]
    # Every child tries every directive, each starting at its own quarter of the list: they
    # take numbers side by side at first, then collide on directives another child issued.
    step = SO_VAN_BAN // PROCESSES
    orders = [ids[k * step :] + ids[: k * step] for k in range(PROCESSES)]
    results = chay_song_song(
        _ban_hanh_ca_lo,
        [(db_url, str(tmp_path / "output"), order) for order in orders],
        tmp_path,
    )

    wins: Counter[str] = Counter()
    numbers_seen: dict[str, str] = {}
    for res in results:
        for key, outcome in res.items():
            if outcome.startswith("ok "):
                wins[key] += 1
                numbers_seen[key] = outcome.removeprefix("ok ")
            else:  # a lost race: another process issued it first, or was issuing it
                assert (
                    "không được 'ban hành' khi đang ở trạng thái 'đã ban hành'" in outcome
                    or outcome.startswith("ConcurrentChange: ")
                ), outcome
    assert wins == Counter({str(i): 1 for i in ids}), "each directive is issued exactly once"

    with app.store.transaction() as s:
        rows = s.scalars(select(VanBanRow).where(VanBanRow.id.in_(ids))).all()
        register = s.scalars(select(DongSoDangKy)).all()
        counter = s.scalars(select(DemSo)).all()
        issued_events = Counter(
            s.scalars(select(NhatKy.van_ban_id).where(NhatKy.su_kien == "ban_hanh"))
        )
    assert {r.trang_thai for r in rows} == {TrangThaiVanBan.da_ban_hanh.value}
    assert sorted(r.so for r in rows if r.so is not None) == list(range(1, SO_VAN_BAN + 1))
    assert {str(r.id): r.so_ky_hieu for r in rows} == numbers_seen
    assert len(register) == SO_VAN_BAN
    assert sorted(line.so for line in register) == list(range(1, SO_VAN_BAN + 1))
    assert {line.van_ban_id: line.so for line in register} == {r.id: r.so for r in rows}
    assert [(c.so_dang_ky, c.nam, c.so_cuoi) for c in counter] == [("UBND:chung", 2021, SO_VAN_BAN)]
    assert issued_events == Counter(ids), "one ban_hanh event per directive"
    for r in rows:  # each frozen original is the one its number's record describes
        assert r.pdf_duong_dan is not None
        pdf = Path(r.pdf_duong_dan)
        assert pdf.name == f"{r.so:02d}-CĐ-UBND.pdf"
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == r.pdf_sha256


def test_two_processes_firing_the_same_event_at_once_one_wins_the_other_is_refused(
    app: BoDichVu, db_url: str, tmp_path: Path
) -> None:
    submitted = app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id
    app.vong_doi.chuyen("cv", str(submitted), SuKienVanBan.trinh)
    approved, to_recall = duyet_xong(app), duyet_xong(app)
    first_number = app.vong_doi.ban_hanh("vt", str(to_recall)).so_ky_hieu
    races = [
        ("ld", submitted, SuKienVanBan.duyet.value),
        ("vt", approved, SuKienVanBan.ban_hanh.value),
        ("ld", to_recall, SuKienVanBan.thu_hoi.value),
    ]
    results = chay_song_song(
        _cung_chuyen, [(db_url, str(tmp_path / "output"), races)] * 2, tmp_path
    )

    for _user, van_ban_id, event in races:
        outcomes = sorted(res[event] for res in results)
        assert sum(o.startswith("ok") for o in outcomes) == 1, outcomes
        refusal = next(o for o in outcomes if not o.startswith("ok"))
        assert refusal.startswith(("TransitionRefused: ", "ConcurrentChange: ")), refusal
        assert (
            f"không được '{nhan(event)}' khi đang ở trạng thái" in refusal
            or "người khác đã thay đổi trước" in refusal
        )
        with app.store.transaction() as s:
            events = s.scalars(
                select(NhatKy.su_kien).where(
                    NhatKy.van_ban_id == van_ban_id, NhatKy.su_kien == event
                )
            ).all()
        assert events == [event], f"{event} is logged once"
    with app.store.transaction() as s:
        states = {
            r.id: (r.trang_thai, r.so_ky_hieu)
            for r in s.scalars(select(VanBanRow).order_by(VanBanRow.id))
        }
        numbers = sorted(s.scalars(select(DongSoDangKy.so)))
    assert states == {
        submitted: (TrangThaiVanBan.da_duyet.value, None),
        approved: (TrangThaiVanBan.da_ban_hanh.value, "02/CĐ-UBND"),
        to_recall: (TrangThaiVanBan.thu_hoi.value, first_number),
    }
    assert numbers == [1, 2], "the lost issue took no number"


def test_two_processes_distributing_the_same_directive_at_once_deliver_each_body_once(
    app: BoDichVu,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.delenv("VANTHU_SMTP_HOST", raising=False)  # the children inherit: files only
    key = duyet_xong(app)
    app.vong_doi.ban_hanh("vt", str(key))
    results = chay_song_song(
        _cung_phat_hanh, [(db_url, str(tmp_path / "output"), key)] * 2, tmp_path
    )

    outcomes = [res["phat_hanh"] for res in results]
    assert all(o.startswith("ok ") for o in outcomes), outcomes
    with app.store.transaction() as s:
        recipients = s.scalar(
            select(func.count()).select_from(NoiNhanVanBan).where(NoiNhanVanBan.van_ban_id == key)
        )
        deliveries = Counter(s.scalars(select(LanGui.noi_nhan_id).where(LanGui.kenh == KENH_TEP)))
        events = Counter(
            s.scalars(
                select(NhatKy.su_kien).where(
                    NhatKy.van_ban_id == key, NhatKy.su_kien.in_(["gui", "phat_hanh"])
                )
            )
        )
        row = s.get(VanBanRow, key)
        assert row is not None and row.trang_thai == TrangThaiVanBan.da_phat_hanh.value
    assert recipients and set(deliveries.values()) == {1} and len(deliveries) == recipients
    assert events == {"gui": recipients, "phat_hanh": 1}
    # What the two runs say they delivered adds up to what was delivered, once.
    assert sum(int(o.removeprefix("ok ")) for o in outcomes) == recipients


def test_two_processes_acknowledging_the_same_body_at_once_record_it_once(
    app: BoDichVu, db_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    key = duyet_xong(app)
    app.vong_doi.ban_hanh("vt", str(key))
    app.phat_hanh.phat_hanh("vt", str(key))
    codes = [b.ma for b in app.phat_hanh.xem_truoc(str(key))][:SO_XAC_NHAN]
    results = chay_song_song(
        _cung_xac_nhan, [(db_url, str(tmp_path / "output"), key, codes)] * 2, tmp_path
    )

    with app.store.transaction() as s:
        logged = Counter(
            s.scalars(
                select(NhatKy.doi_tuong).where(
                    NhatKy.van_ban_id == key, NhatKy.su_kien == "xac_nhan"
                )
            )
        )
    for code in codes:
        outcomes = sorted(res[code] for res in results)
        assert outcomes[1] == "ok new", outcomes  # exactly one of the two recorded it …
        assert outcomes[0] == "ok again" or outcomes[0].startswith("ConcurrentChange: "), outcomes
    # … and the log holds one acknowledgement per body.
    assert logged == Counter(f"noi_nhan:{key}:{code}" for code in codes)
