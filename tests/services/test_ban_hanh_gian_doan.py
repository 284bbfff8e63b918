"""The fault test for issue: a real ``vanthu issue`` process killed with SIGKILL at each moment of
the staging protocol (see :mod:`vanthu.delivery.ghi_tep`).

Afterwards every numbered file in an issued place belongs to a register row with the same
SHA-256, and the next issue works: it finishes the committed issue the kill interrupted (its files
moved into place) or drops the staged files of the one that never committed.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.conftest import ManualClock, duyet_xong
from vanthu.delivery.ghi_tep import (
    BIEN_DUNG,
    BIEN_TEP_DUNG,
    THU_MUC_TAM,
    dat_tam,
    hoan_tat_ban_hanh,
)
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import DongSoDangKy, VanBanRow
from vanthu.workflow import TrangThaiVanBan

HAN_CHO_S = 120.0
#: Where the kill lands: files staged, register row not committed; committed, nothing moved;
#: committed, the DOCX moved and the PDF still staged.
LUC_GIET = ("ban_hanh:truoc_commit", "ban_hanh:da_commit", "ban_hanh:giua_chuyen")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tep_tren_dia(output: Path) -> dict[str, str]:
    """Every issued DOCX and PDF in its issued place (the staging folder aside): path → SHA-256."""
    return {
        str(p): _sha(p)
        for p in output.rglob("*")
        if p.suffix in (".pdf", ".docx") and THU_MUC_TAM not in p.relative_to(output).parts
    }


def so_dang_ky(app: BoDichVu) -> dict[str, str]:
    """What the register vouches for: each issued file's path → its SHA-256."""
    with app.store.transaction() as s:
        rows = s.execute(
            select(VanBanRow).join(DongSoDangKy, DongSoDangKy.van_ban_id == VanBanRow.id)
        ).scalars()
        vouched: dict[str, str] = {}
        for row in rows:
            vouched[row.docx_duong_dan or ""] = row.docx_sha256 or ""
            vouched[row.pdf_duong_dan or ""] = row.pdf_sha256 or ""
        return vouched


def khong_tep_gia(app: BoDichVu, output: Path) -> None:
    """No numbered file without its register row and the same hash."""
    vouched = so_dang_ky(app)
    for path, digest in tep_tren_dia(output).items():
        assert vouched.get(path) == digest, f"{path} is not what the register says"


def trang_thai(app: BoDichVu, van_ban_id: int) -> tuple[str, str | None]:
    with app.store.transaction() as s:
        row = s.get(VanBanRow, van_ban_id)
        assert row is not None
        return row.trang_thai, row.so_ky_hieu


@pytest.mark.parametrize("moment", LUC_GIET)
def test_an_issue_killed_at_any_moment_leaves_no_numbered_file_without_its_register_row(
    app: BoDichVu, db_url: str, clock: ManualClock, tmp_path: Path, moment: str
) -> None:
    first, second = duyet_xong(app), duyet_xong(app)
    output = tmp_path / "output"
    marker = tmp_path / "dung"
    env = dict(os.environ)
    env.update({"VANTHU_NOW": "2021-09-13T08:30", BIEN_DUNG: moment, BIEN_TEP_DUNG: str(marker)})
    command = [sys.executable, "-m", "vanthu", "--db", db_url, "--as", "vt"]
    command += ["--output-root", str(output), "issue", str(first)]
    with (tmp_path / "issue.out").open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + HAN_CHO_S
        try:
            while not marker.exists() and process.poll() is None:
                assert time.monotonic() < deadline, f"{moment} not reached in time"
                time.sleep(0.02)
        finally:
            process.send_signal(signal.SIGKILL)  # kill -9: no clean-up, no rollback handler
            process.wait(HAN_CHO_S)
    said = (tmp_path / "issue.out").read_text(encoding="utf-8", errors="replace")
    assert process.returncode == -signal.SIGKILL, f"it ended before {moment}:\n{said}"

    committed = moment != "ban_hanh:truoc_commit"
    assert trang_thai(app, first) == (
        (TrangThaiVanBan.da_ban_hanh.value, "01/CĐ-UBND")
        if committed
        else (TrangThaiVanBan.da_duyet.value, None)
    )
    assert (output / THU_MUC_TAM).is_dir(), "the kill left its staged files"
    khong_tep_gia(app, output)

    # The next issue finishes or drops what the kill left, and takes the next number.
    clock.dat("2021-09-13T09:00")
    expected = "02/CĐ-UBND" if committed else "01/CĐ-UBND"
    assert app.vong_doi.ban_hanh("vt", str(second)).so_ky_hieu == expected
    if not committed:
        assert app.vong_doi.ban_hanh("vt", str(first)).so_ky_hieu == "02/CĐ-UBND"
    assert not (output / THU_MUC_TAM).exists()
    vouched = so_dang_ky(app)
    assert tep_tren_dia(output) == {p: d for p, d in vouched.items()}, "every issued file in place"
    assert len(vouched) == 4


def test_a_staged_issue_whose_process_lives_is_left_alone_and_one_left_behind_is_settled(
    tmp_path: Path,
) -> None:
    target = tmp_path / "2021" / "01-CĐ-UBND" / "01-CĐ-UBND.pdf"
    staged = dat_tam(tmp_path, 7, {target: b"%PDF so 01"})
    committed = {str(target): hashlib.sha256(b"%PDF so 01").hexdigest()}
    asked: list[int] = []

    def da_ghi(van_ban_id: int, hashes: object) -> bool:
        asked.append(van_ban_id)
        return hashes == committed

    assert hoan_tat_ban_hanh(tmp_path, da_ghi) == [] and not asked  # its lock is held
    assert staged.thu_muc.is_dir() and not target.exists()
    staged.tha_khoa()  # as if its process died after the commit
    assert hoan_tat_ban_hanh(tmp_path, da_ghi) == [target] and asked == [7]
    assert target.read_bytes() == b"%PDF so 01" and not (tmp_path / THU_MUC_TAM).exists()

    other = tmp_path / "2021" / "02-CĐ-UBND" / "02-CĐ-UBND.pdf"
    dat_tam(tmp_path, 8, {other: b"%PDF so 02"}).tha_khoa()  # died before its commit
    assert hoan_tat_ban_hanh(tmp_path, da_ghi) == []
    assert not other.exists() and not (tmp_path / THU_MUC_TAM).exists()
