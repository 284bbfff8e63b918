"""The fault test: a real ``vanthu distribute`` process killed with SIGKILL part way, then resumed.

Every recipient must end with exactly one delivery in the store and in the log, and every body's
folder with the identical issued files and its own complete slip, whatever the kill interrupted
(a batch's files written but not yet recorded are written again, with the same bytes).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from sqlalchemy import Engine, create_engine, func, select, text

from tests.services.conftest import ManualClock, cong_dien_du_thao
from vanthu.reading.danh_ba import doc_danh_ba
from vanthu.services.danh_ba import nap_danh_ba
from vanthu.services.phat_hanh import LO_GHI
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import CoQuan, LanGui, NhatKy, NoiNhanVanBan, VanBanRow
from vanthu.storage.connection import url_cua
from vanthu.storage.noi_nhan import KENH_TEP
from vanthu.workflow import SuKienVanBan, TrangThaiNoiNhan, TrangThaiVanBan

#: Bodies of the generated directory: enough batches (of LO_GHI) for a kill to land mid-way.
SO_XA = 400
NHOM_XA = "xa_phuong_thi_tran"
#: The moment the CLI processes distribute at (the directive is issued that morning).
LUC_PHAT_HANH = "2021-09-13T09:00"
HAN_CHO_S = 120.0


def danh_ba_xa(path: Path, so: int) -> Path:
    """A directory file of ``so`` communes (xã), all in the group ``NHOM_XA``."""
    bodies = [
        {
            "ma": f"XA_{i:04d}",
            "ten": f"Ủy ban nhân dân xã Phước Hữu {i}, huyện Ninh Phước",
            "ten_ngan": f"UBND xã Phước Hữu {i}",
            "email": f"xa{i:04d}@ninhthuan.gov.vn",
            "nhom": [NHOM_XA],
        }
        for i in range(1, so + 1)
    ]
    path.write_text(yaml.safe_dump({"co_quan": bodies}, allow_unicode=True), encoding="utf-8")
    return path


def cong_dien_cac_xa() -> dict[str, object]:
    """The Ninh Thuận công điện as a draft addressed to every commune (and one internal line)."""
    data = cong_dien_du_thao()
    data.pop("nhiem_vu")
    data["noi_nhan"] = [
        {"ten": "UBND các xã, phường, thị trấn", "nhom": [NHOM_XA]},
        {"ten": "VPUB: LĐ, các Phòng ban", "noi_bo": True},
    ]
    return data


def vanthu(db_url: str, output: Path, *args: str) -> list[str]:
    """The ``vanthu`` command line as the clerk runs it."""
    return [
        sys.executable,
        "-m",
        "vanthu",
        "--db",
        db_url,
        "--as",
        "vt",
        "--output-root",
        str(output),
        *args,
    ]


@pytest.fixture
def store_reader(db_url: str) -> Iterator[Engine]:
    """A plain read-only view of the store, to watch the distributing process from outside."""
    engine = create_engine(url_cua(db_url))
    yield engine
    engine.dispose()


def so_lan_gui(engine: Engine) -> int:
    """Deliveries recorded over the file-system channel, as another process sees them."""
    with engine.connect() as connection:
        query = text("SELECT count(*) FROM lan_gui WHERE kenh = :kenh")
        return int(connection.scalar(query, {"kenh": KENH_TEP}) or 0)


def so_thu_muc(folder: Path) -> int:
    """Body folders written so far (a folder is made before its body's delivery is recorded)."""
    return sum(1 for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else 0


def test_distribution_killed_part_way_and_resumed_delivers_each_body_exactly_once(
    app: BoDichVu, db_url: str, clock: ManualClock, store_reader: Engine, tmp_path: Path
) -> None:
    nap_danh_ba(app.store, doc_danh_ba(danh_ba_xa(tmp_path / "danh-ba-xa.yaml", SO_XA)), "vt")
    key = str(app.vong_doi.soan_thao("cv", cong_dien_cac_xa(), "test").van_ban_id)
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.duyet)
    clock.dat("2021-09-13T08:30")
    so_ky_hieu = app.vong_doi.ban_hanh("vt", key).so_ky_hieu
    assert so_ky_hieu == "01/CĐ-UBND"
    output = tmp_path / "output"
    folder = output / "2021" / "01-CĐ-UBND"
    # The file-system channel only: no mail to 400 made-up addresses from a configured machine.
    env = {k: v for k, v in os.environ.items() if not k.startswith("VANTHU_SMTP")}
    env["VANTHU_NOW"] = LUC_PHAT_HANH

    # 1. Start distributing in a real process. SIGKILL it once a batch is recorded and the next
    #    batch's files are being written: bodies with files but no record are the hard case.
    with (tmp_path / "lan-1.out").open("wb") as out:
        process = subprocess.Popen(
            vanthu(db_url, output, "distribute", key), stdout=out, stderr=subprocess.STDOUT, env=env
        )
        deadline = time.monotonic() + HAN_CHO_S
        try:
            while process.poll() is None:
                recorded = so_lan_gui(store_reader)
                if recorded >= LO_GHI and so_thu_muc(folder) > recorded:
                    break
                assert time.monotonic() < deadline, "no delivery recorded in time"
                time.sleep(0.02)
        finally:
            process.send_signal(signal.SIGKILL)  # kill -9: no clean-up, no rollback handler
            process.wait(HAN_CHO_S)
    log_1 = (tmp_path / "lan-1.out").read_text(encoding="utf-8", errors="replace")
    assert process.returncode == -signal.SIGKILL, f"it finished before the kill:\n{log_1}"
    killed_at = so_lan_gui(store_reader)
    assert 0 < killed_at < SO_XA, "the kill landed part way"
    assert so_thu_muc(folder) >= killed_at
    with app.store.transaction() as s:
        row = s.get(VanBanRow, int(key))
        assert row is not None and row.trang_thai == TrangThaiVanBan.da_ban_hanh.value
        sent = s.scalar(
            select(func.count())
            .select_from(NoiNhanVanBan)
            .where(NoiNhanVanBan.trang_thai == TrangThaiNoiNhan.da_gui.value)
        )
        assert sent == killed_at

    # 2. Run it again, to the end: it delivers only the rest.
    resumed = subprocess.run(
        vanthu(db_url, output, "distribute", key),
        capture_output=True,
        text=True,
        env=env,
        timeout=HAN_CHO_S,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert (
        f"{so_ky_hieu}: {SO_XA - killed_at} delivered now, {killed_at} before, "
        f"{SO_XA} nơi nhận" in resumed.stdout
    )

    # 3. The store: one delivery and one "gui" event per recipient, the directive distributed.
    with app.store.transaction() as s:
        row = s.get(VanBanRow, int(key))
        assert row is not None
        assert row.trang_thai == TrangThaiVanBan.da_phat_hanh.value
        recipients = {
            r.id: c.ma
            for r, c in s.execute(
                select(NoiNhanVanBan, CoQuan)
                .join(CoQuan, CoQuan.ma == NoiNhanVanBan.ma_co_quan)
                .where(NoiNhanVanBan.van_ban_id == row.id)
            )
        }
        states = Counter(
            s.scalars(select(NoiNhanVanBan.trang_thai).where(NoiNhanVanBan.van_ban_id == row.id))
        )
        deliveries = Counter(s.scalars(select(LanGui.noi_nhan_id).where(LanGui.kenh == KENH_TEP)))
        events = Counter(
            (e.su_kien, e.doi_tuong)
            for e in s.scalars(select(NhatKy).where(NhatKy.van_ban_id == row.id))
            if e.su_kien in ("gui", "phat_hanh")
        )
        pdf_sha256, docx_sha256 = row.pdf_sha256, row.docx_sha256
    codes = sorted(recipients.values())
    assert codes == [f"XA_{i:04d}" for i in range(1, SO_XA + 1)]
    assert states == {TrangThaiNoiNhan.da_gui.value: SO_XA}
    assert deliveries == Counter(recipients.keys()), "exactly one delivery per recipient"
    assert events == Counter(
        [("gui", f"noi_nhan:{key}:{code}") for code in codes] + [("phat_hanh", f"van_ban:{key}")]
    ), "exactly one gui event per recipient and one phat_hanh"

    # 4. The files: each body has the frozen original, byte for byte, and its own whole slip.
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == codes
    assert not [p for p in folder.rglob(".*")], "the killed run's scratch folder is gone"
    slips = set()
    for code in codes:
        body = folder / code
        assert hashlib.sha256((body / "01-CĐ-UBND.pdf").read_bytes()).hexdigest() == pdf_sha256
        assert hashlib.sha256((body / "01-CĐ-UBND.docx").read_bytes()).hexdigest() == docx_sha256
        slip = (body / "phieu-gui.pdf").read_bytes()
        assert len(PdfReader(body / "phieu-gui.pdf").pages) == 1, f"{code}: slip is broken"
        slips.add(hashlib.sha256(slip).hexdigest())
    assert len(slips) == SO_XA, "each slip names its own body and token"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [e["ma"] for e in manifest["noi_nhan"]] == codes
    assert {e["trang_thai"] for e in manifest["noi_nhan"]} == {TrangThaiNoiNhan.da_gui.value}
    assert {f["tep"]: f["sha256"] for f in manifest["van_ban"]} == {
        "01-CĐ-UBND.docx": docx_sha256,
        "01-CĐ-UBND.pdf": pdf_sha256,
    }
