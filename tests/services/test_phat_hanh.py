"""Distribution and tracking on a real store: expansion, identical copies, acks, reports."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.services.conftest import ManualClock, duyet_xong
from vanthu.delivery.ghi_tep import dat_ban_goc
from vanthu.errors import Refused, TransitionRefused
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import LanGui, NoiNhanVanBan
from vanthu.workflow import SuKienVanBan, TrangThaiNoiNhan, TrangThaiVanBan

#: Bodies the Ninh Thuận Nơi nhận expands to in the example directory.
SO_NOI_NHAN = 53  # every body of the example directory


def issued(app: BoDichVu, clock: ManualClock) -> str:
    key = str(duyet_xong(app))
    clock.dat("2021-09-13T08:30")
    result = app.vong_doi.ban_hanh("vt", key)
    assert result.so_ky_hieu is not None
    return result.so_ky_hieu


def test_the_clerk_sees_the_expanded_list_before_distributing(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = issued(app, clock)
    bodies = app.phat_hanh.xem_truoc(so)
    codes = [b.ma for b in bodies]
    assert len(codes) == len(set(codes)) == SO_NOI_NHAN
    assert codes[:3] == ["TU", "HDND", "UBMTTQ"]
    assert "UBND_PRTC" in codes and "HU_THUAN_NAM" in codes and "CDC" in codes
    by_code = {b.ma: b for b in bodies}
    assert by_code["SYT"].dong_in == "Thành viên HĐ.TĐKT tỉnh"  # the first line naming it
    assert by_code["SGTVT"].dong_in == "Các Sở, ban ngành, đoàn thể"


def test_every_body_gets_the_identical_issued_files_and_its_own_slip(
    app: BoDichVu, clock: ManualClock, tmp_path: Path
) -> None:
    so = issued(app, clock)
    seen: list[tuple[int, int]] = []
    result = app.phat_hanh.phat_hanh("vt", so, lambda done, total: seen.append((done, total)))
    assert result.xong and result.tong == result.gui_moi == SO_NOI_NHAN
    assert seen[-1] == (SO_NOI_NHAN, SO_NOI_NHAN)
    folder = tmp_path / "output" / "2021" / "01-CĐ-UBND"
    original = hashlib.sha256((folder / "01-CĐ-UBND.pdf").read_bytes()).hexdigest()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["noi_nhan"]) == SO_NOI_NHAN
    assert {f["sha256"] for f in manifest["van_ban"] if f["tep"].endswith(".pdf")} == {original}
    slips = set()
    for entry in manifest["noi_nhan"]:
        body = folder / entry["thu_muc"]
        assert hashlib.sha256((body / "01-CĐ-UBND.pdf").read_bytes()).hexdigest() == original
        assert (body / "01-CĐ-UBND.pdf").samefile(folder / "01-CĐ-UBND.pdf")  # linked, not copied
        slips.add(hashlib.sha256((body / "phieu-gui.pdf").read_bytes()).hexdigest())
    assert len(slips) == SO_NOI_NHAN  # each slip names its own body and token
    assert app.theo_doi.trang_thai(so).trang_thai is TrangThaiVanBan.da_phat_hanh


def test_a_body_folder_links_the_original_and_replaces_a_stale_copy(tmp_path: Path) -> None:
    original = tmp_path / "01-CĐ-UBND.pdf"
    original.write_bytes(b"%PDF-1.7 issued")
    original.chmod(0o444)
    body = tmp_path / "SYT"
    body.mkdir()
    (body / original.name).write_bytes(b"%PDF-1.7 half writ")  # a run killed half way
    dat_ban_goc(original, body / original.name)
    assert (body / original.name).samefile(original)
    dat_ban_goc(original, body / original.name)  # again: kept as it is
    assert (body / original.name).samefile(original)
    assert original.read_bytes() == b"%PDF-1.7 issued"


def _khong_lien_ket_duoc(original: Path, copy: Path) -> None:
    """os.link as on a folder of another device: the kernel's EXDEV."""
    raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), str(original), None, str(copy))


def test_a_body_folder_that_cannot_link_gets_a_whole_read_only_copy(tmp_path: Path) -> None:
    original = tmp_path / "01-CĐ-UBND.pdf"
    original.write_bytes(b"%PDF-1.7 issued")
    original.chmod(0o444)
    body = tmp_path / "SYT"
    body.mkdir()
    copy = body / original.name
    copy.write_bytes(b"%PDF-1.7 half")  # a copy an earlier run left half written
    dat_ban_goc(original, copy, lien_ket=_khong_lien_ket_duoc)
    assert copy.read_bytes() == original.read_bytes() and not copy.samefile(original)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o444  # frozen like the original
    assert sorted(p.name for p in body.iterdir()) == [original.name]  # no temporary left
    dat_ban_goc(original, copy, lien_ket=_khong_lien_ket_duoc)  # again: the same bytes
    assert copy.read_bytes() == original.read_bytes()


def test_distributing_again_delivers_nothing_twice(app: BoDichVu, clock: ManualClock) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    again = app.phat_hanh.phat_hanh("vt", so)
    assert again.gui_moi == 0 and again.da_gui_truoc == SO_NOI_NHAN
    with app.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(LanGui)) == SO_NOI_NHAN


def test_a_draft_cannot_be_distributed(app: BoDichVu) -> None:
    key = str(duyet_xong(app))
    with pytest.raises(TransitionRefused, match="không làm được ở trạng thái này"):
        app.phat_hanh.phat_hanh("vt", key)


def test_acknowledging_records_time_and_lateness_and_repeating_changes_nothing(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    clock.dat("2021-09-13T15:00")
    on_time = app.theo_doi.xac_nhan("syt", so, "SYT")
    assert not on_time.tre and not on_time.da_co
    clock.dat("2021-09-14T08:00")
    again = app.theo_doi.xac_nhan("syt", so, "SYT")
    assert again.da_co and again.nhan_luc == on_time.nhan_luc
    late = app.theo_doi.xac_nhan("vt", so, "SNV")  # the clerk records it for the body
    assert late.tre
    table = app.theo_doi.trang_thai(so)
    totals = table.tong()
    assert totals["da_nhan"] == 2 and totals["nhan_tre"] == 1
    assert totals["chua_nhan"] == SO_NOI_NHAN - 2


def test_the_slip_token_acknowledges_its_own_body(app: BoDichVu, clock: ManualClock) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    with app.store.transaction() as s:
        token = s.scalar(select(NoiNhanVanBan.ma_xac_nhan).where(NoiNhanVanBan.ma_co_quan == "SYT"))
    assert token is not None
    assert app.theo_doi.xac_nhan("syt", ma_xac_nhan=token).ma_co_quan == "SYT"


@pytest.mark.parametrize(
    ("user", "body", "message"),
    [
        ("syt", "SNV", "làm thay 'SYT', không phải 'SNV'"),
        ("vt", "UBND_KHONG_CO", "không phải nơi nhận"),
        ("cv", "SYT", "không được làm"),
    ],
)
def test_acknowledgements_that_break_a_rule_are_refused(
    app: BoDichVu, clock: ManualClock, user: str, body: str, message: str
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    with pytest.raises((Refused, TransitionRefused), match=message):
        app.theo_doi.xac_nhan(user, so, body)


def test_a_recalled_directive_cannot_be_acknowledged(app: BoDichVu, clock: ManualClock) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    app.vong_doi.chuyen("ld", so, SuKienVanBan.thu_hoi, "Ban hành nhầm")
    with pytest.raises(Refused, match="đã bị thu hồi"):
        app.theo_doi.xac_nhan("syt", so, "SYT")


def test_overdue_bodies_are_followed_up_reminded_and_summarised(
    app: BoDichVu, clock: ManualClock, tmp_path: Path
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    report = tmp_path / "bao-cao.pdf"
    report.write_bytes(b"%PDF-1.4 bao cao")
    clock.dat("2021-09-29T10:00")
    stored = app.theo_doi.bao_cao("vt", so, "UBND_NINH_SON", "245/BC-UBND", report)
    assert stored.sha256 == hashlib.sha256(report.read_bytes()).hexdigest()
    clock.dat("2021-10-06T09:00")
    overdue = app.theo_doi.qua_han(so)
    assert {v.ma_co_quan for v in overdue} == {
        "UBND_PRTC",
        "UBND_BAC_AI",
        "UBND_NINH_HAI",
        "UBND_NINH_PHUOC",
        "UBND_THUAN_BAC",
        "UBND_THUAN_NAM",
        "SNV",
    }
    row = {r.ma: r for r in app.theo_doi.trang_thai(so).dong}
    assert row["UBND_NINH_SON"].trang_thai is TrangThaiNoiNhan.da_bao_cao
    assert row["UBND_PRTC"].qua_han and not row["SYT"].qua_han
    draft, files = app.don_doc.nhac_nho("vt", so)
    assert draft.den is TrangThaiVanBan.du_thao
    assert [p.suffix for p in files.paths()] == [".docx", ".pdf"]
    summary = app.don_doc.tong_hop("vt", so)
    assert all(p.exists() for p in summary.paths())


def test_a_recall_tells_every_body_it_was_sent_to_and_freezes_the_record(
    app: BoDichVu, clock: ManualClock, tmp_path: Path
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    app.vong_doi.chuyen("ld", so, SuKienVanBan.thu_hoi, "Ban hành nhầm đối tượng")
    folder = tmp_path / "output" / "2021" / "01-CĐ-UBND"
    notices = sorted(folder.glob("*/THU-HOI.txt"))
    assert len(notices) == SO_NOI_NHAN
    assert "Lý do: Ban hành nhầm đối tượng" in notices[0].read_text(encoding="utf-8")
    assert not list(folder.rglob(".*")), "the notices' scratch folder is gone"
    with pytest.raises(TransitionRefused, match="trạng thái cuối"):
        app.vong_doi.chuyen("vt", so, SuKienVanBan.hoan_thanh)
    with pytest.raises(Refused, match="đã bị thu hồi"):
        app.theo_doi.bao_cao("vt", so, "SNV", "1/BC-SNV")


def test_a_misaddressed_body_sends_it_back_with_a_reason(app: BoDichVu, clock: ManualClock) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    with pytest.raises(TransitionRefused, match="lý do"):
        app.theo_doi.tu_choi("syt", so, "SYT", " ")
    app.theo_doi.tu_choi("syt", so, "SYT", "Không thuộc thẩm quyền của Sở Y tế")
    table = app.theo_doi.trang_thai(so)
    row = {r.ma: r for r in table.dong}["SYT"]
    assert row.trang_thai is TrangThaiNoiNhan.tu_choi
    assert table.tong()["tu_choi"] == 1
    assert "SYT" not in [r.ma for r in table.chua_nhan()]
    with pytest.raises(TransitionRefused, match="trạng thái cuối"):
        app.theo_doi.xac_nhan("syt", so, "SYT")
