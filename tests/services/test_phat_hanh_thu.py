"""The e-mail channel against a real SMTP server (aiosmtpd) listening on 127.0.0.1.

Every test that distributes runs on SQLite and on PostgreSQL (the ``app`` fixture). The server
keeps each message it accepts and parses its bytes again with the standard library, so a test
sees what a receiving office's mail system would see.

Warnings are errors here as everywhere; aiosmtpd 1.4.6 raises none on Python 3.11, so no filter
is set. The "Session.login_data is deprecated" line a login test may show is a log record that
aiosmtpd's own AUTH code writes on every successful login, not a warning from our use of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from tests.delivery.may_chu_thu import NGUOI_GUI, HopThu, MayChu, chay, cong_trong
from tests.services.conftest import ManualClock
from tests.services.test_phat_hanh import SO_NOI_NHAN, issued
from vanthu.cli.lenh import cli
from vanthu.delivery.thu import ma_thu
from vanthu.errors import Refused
from vanthu.services.nhat_ky import nhat_ky
from vanthu.services.phat_hanh import PhatHanh, ThuLoi
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import CoQuan, LanGui, NoiNhanVanBan
from vanthu.storage.noi_nhan import KENH_TEP, KENH_THU
from vanthu.workflow import TrangThaiNoiNhan, TrangThaiVanBan

SO = "01/CĐ-UBND"
TIEU_DE = (
    "Công điện số 01/CĐ-UBND ngày 13/09/2021: Về việc đẩy mạnh phong trào thi đua bảo vệ "
    "“vùng xanh” trong phòng, chống dịch COVID-19 trên địa bàn tỉnh"
)
DINH_KEM = ["01-CĐ-UBND.pdf", "01-CĐ-UBND.docx", "phieu-gui.pdf"]
SYT = "syt@ninhthuan.gov.vn"
TU_CHOI_SYT = f"550 5.1.1 <{SYT}>: Recipient address rejected: mailbox unavailable"


@pytest.fixture
def may_chu() -> Iterator[MayChu]:
    """A plain SMTP server on loopback, as a relay on the same machine would be."""
    with chay(HopThu()) as running:
        yield running


def phat_hanh_thu(app: BoDichVu, clock: ManualClock, may_chu: MayChu) -> PhatHanh:
    """The distribution use cases of ``app`` with the e-mail channel pointed at ``may_chu``."""
    return PhatHanh(app.store, clock, thu=may_chu.cau_hinh())


def lan_gui(app: BoDichVu, kenh: str) -> dict[str, str]:
    """Body code → address of every delivery recorded for a channel."""
    with app.store.transaction() as s:
        rows = s.execute(
            select(NoiNhanVanBan.ma_co_quan, LanGui.dia_chi)
            .join(NoiNhanVanBan, NoiNhanVanBan.id == LanGui.noi_nhan_id)
            .where(LanGui.kenh == kenh)
        ).all()
    return {code: address for code, address in rows}


def dia_chi_danh_ba(app: BoDichVu) -> dict[str, str]:
    """Address → body code, for every body of the directory that has one."""
    with app.store.transaction() as s:
        return {c.email: c.ma for c in s.scalars(select(CoQuan)) if c.email}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_each_body_is_mailed_once_with_the_files_of_its_folder(
    app: BoDichVu, clock: ManualClock, may_chu: MayChu, tmp_path: Path
) -> None:
    so = issued(app, clock)
    result = phat_hanh_thu(app, clock, may_chu).phat_hanh("vt", so)
    assert result.xong and result.thu
    assert result.gui_moi == result.thu_moi == SO_NOI_NHAN
    assert result.thu_loi == () and result.khong_email == ()
    addresses = dia_chi_danh_ba(app)
    assert len(may_chu.hop.thu) == SO_NOI_NHAN
    assert sorted(t.rcpt_tos[0] for t in may_chu.hop.thu) == sorted(addresses)
    with app.store.transaction() as s:
        recipients = {r.ma_co_quan: r for r in s.scalars(select(NoiNhanVanBan))}
    folder = tmp_path / "output" / "2021" / "01-CĐ-UBND"
    for thu in may_chu.hop.thu:
        msg, code = thu.msg, addresses[thu.rcpt_tos[0]]
        recipient = recipients[code]
        assert msg["To"].addresses[0].addr_spec == thu.rcpt_tos[0]
        assert msg["From"].addresses[0].display_name == "Văn thư UBND tỉnh Ninh Thuận"
        assert msg["Subject"] == TIEU_DE
        expected_id = ma_thu(recipient.ma_theo_doi, recipient.ma_xac_nhan, "ninhthuan.gov.vn")
        assert msg["Message-ID"] == expected_id
        assert expected_id.startswith(f"<{recipient.ma_theo_doi}.")
        assert recipient.ma_xac_nhan not in expected_id  # the token is not put in a header
        attachments = list(msg.iter_attachments())
        assert [a.get_filename() for a in attachments] == DINH_KEM
        assert [a.get_content_type() for a in attachments] == [
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/pdf",
        ]
        for part in attachments:
            on_disk = folder / code / str(part.get_filename())
            assert sha256(part.get_payload(decode=True)) == sha256(on_disk.read_bytes())
        body = msg.get_body(("plain",))
        assert body is not None
        text = body.get_content()
        assert f"Mã theo dõi: {recipient.ma_theo_doi}" in text
        assert f"vanthu ack --token {recipient.ma_xac_nhan}" in text
        assert f"/nhan/{recipient.ma_theo_doi}/{recipient.ma_xac_nhan}\n" in text
        assert "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN gửi Quý cơ quan Công điện số 01/CĐ-UBND" in text
    syt = may_chu.hop.den(SYT)[0].msg
    assert syt["To"].addresses[0].display_name == "Sở Y tế tỉnh Ninh Thuận"
    syt_body = syt.get_body(("plain",))
    assert syt_body is not None
    assert syt_body.get_content().startswith("Kính gửi: Sở Y tế tỉnh Ninh Thuận\n")
    assert lan_gui(app, KENH_THU) == {code: address for address, code in addresses.items()}
    assert len(lan_gui(app, KENH_TEP)) == SO_NOI_NHAN
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert {e["ma"]: e["email"] for e in manifest["noi_nhan"]}["SYT"] == SYT
    assert app.theo_doi.trang_thai(so).trang_thai is TrangThaiVanBan.da_phat_hanh


def test_distributing_again_mails_nothing(
    app: BoDichVu, clock: ManualClock, may_chu: MayChu
) -> None:
    so = issued(app, clock)
    phat_hanh = phat_hanh_thu(app, clock, may_chu)
    phat_hanh.phat_hanh("vt", so)
    clock.dat("2021-09-14T08:00")
    again = phat_hanh.phat_hanh("vt", so)
    assert again.xong and again.gui_moi == again.thu_moi == 0 and again.thu_loi == ()
    assert len(may_chu.hop.thu) == SO_NOI_NHAN
    assert len(lan_gui(app, KENH_THU)) == SO_NOI_NHAN


def test_a_body_without_an_address_gets_its_folder_only_and_is_listed(
    app: BoDichVu, clock: ManualClock, may_chu: MayChu
) -> None:
    so = issued(app, clock)
    with app.store.transaction() as s:
        body = s.get(CoQuan, "BAO_NT")
        assert body is not None and body.email == "baont@ninhthuan.gov.vn"
        body.email = None
    result = phat_hanh_thu(app, clock, may_chu).phat_hanh("vt", so)
    assert result.khong_email == ("BAO_NT",)
    assert result.xong and result.thu_moi == SO_NOI_NHAN - 1 and result.thu_loi == ()
    assert may_chu.hop.den("baont@ninhthuan.gov.vn") == []
    assert "BAO_NT" in lan_gui(app, KENH_TEP) and "BAO_NT" not in lan_gui(app, KENH_THU)


def test_a_refused_address_stays_pending_for_email_until_a_rerun_sends_only_it(
    app: BoDichVu, clock: ManualClock, may_chu: MayChu
) -> None:
    so = issued(app, clock)
    phat_hanh = phat_hanh_thu(app, clock, may_chu)
    may_chu.hop.tu_choi = {SYT}
    first = phat_hanh.phat_hanh("vt", so)
    assert first.thu_loi == (ThuLoi("SYT", SYT, TU_CHOI_SYT),)
    assert first.thu_moi == SO_NOI_NHAN - 1 and first.gui_moi == SO_NOI_NHAN
    assert not first.xong
    table = app.theo_doi.trang_thai(so)
    assert table.trang_thai is TrangThaiVanBan.da_ban_hanh  # e-mail has not reached every body
    assert {r.ma: r.trang_thai for r in table.dong}["SYT"] is TrangThaiNoiNhan.da_gui  # its folder
    assert "SYT" not in lan_gui(app, KENH_THU)
    failed = [e for e in nhat_ky(app.store, so) if e.su_kien == "gui_thu_loi"]
    assert [(e.doi_tuong.rsplit(":", 1)[1], e.chi_tiet["loi"]) for e in failed] == [
        ("SYT", TU_CHOI_SYT)
    ]

    may_chu.hop.tu_choi = set()
    clock.dat("2021-09-13T10:00")
    second = phat_hanh.phat_hanh("vt", so)
    assert second.xong and second.thu_moi == 1 and second.gui_moi == 0 and second.thu_loi == ()
    assert len(may_chu.hop.thu) == SO_NOI_NHAN
    assert len(may_chu.hop.den(SYT)) == 1
    assert app.theo_doi.trang_thai(so).trang_thai is TrangThaiVanBan.da_phat_hanh


def test_a_crash_after_the_server_accepted_resends_that_mail_once_with_the_same_message_id(
    app: BoDichVu, clock: ManualClock, may_chu: MayChu, monkeypatch: pytest.MonkeyPatch
) -> None:
    so = issued(app, clock)
    phat_hanh = phat_hanh_thu(app, clock, may_chu)
    record = PhatHanh._ghi_thu
    calls: list[str] = []

    def dies_at_the_third(*args: Any) -> bool:
        calls.append("x")
        if len(calls) == 3:  # the server has taken the third mail; its record is not committed
            raise RuntimeError("process killed")
        return record(*args)

    monkeypatch.setattr(PhatHanh, "_ghi_thu", staticmethod(dies_at_the_third))
    with pytest.raises(RuntimeError, match="process killed"):
        phat_hanh.phat_hanh("vt", so)
    monkeypatch.undo()
    assert len(may_chu.hop.thu) == 3 and len(lan_gui(app, KENH_THU)) == 2

    result = phat_hanh.phat_hanh("vt", so)
    assert result.xong and result.thu_moi == SO_NOI_NHAN - 2
    ids = [t.msg["Message-ID"] for t in may_chu.hop.thu]
    assert len(ids) == SO_NOI_NHAN + 1 and len(set(ids)) == SO_NOI_NHAN
    third, resent = (t for t in may_chu.hop.thu if t.msg["Message-ID"] == ids[2])
    assert third.rcpt_tos == resent.rcpt_tos
    assert [sha256(a.get_payload(decode=True)) for a in third.msg.iter_attachments()] == [
        sha256(a.get_payload(decode=True)) for a in resent.msg.iter_attachments()
    ]


def test_an_unreachable_server_fails_every_mail_at_once_and_no_email_finishes_by_files(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = issued(app, clock)
    closed = MayChu(HopThu(), cong_trong())
    result = phat_hanh_thu(app, clock, closed).phat_hanh("vt", so)
    assert result.gui_moi == SO_NOI_NHAN and result.thu_moi == 0 and not result.xong
    assert len(result.thu_loi) == SO_NOI_NHAN
    first, *rest = (f.loi for f in result.thu_loi)
    assert first.startswith(f"SMTP server 127.0.0.1:{closed.cong}: ConnectionRefusedError")
    assert set(rest) == {f"not attempted: {first}"}  # tried once, not once per body
    finish = app.phat_hanh.phat_hanh("vt", so, gui_thu=False)
    assert finish.xong and not finish.thu and finish.gui_moi == 0
    assert app.theo_doi.trang_thai(so).trang_thai is TrangThaiVanBan.da_phat_hanh


def test_without_settings_nothing_is_mailed_and_asking_for_email_is_refused(
    app: BoDichVu, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VANTHU_SMTP_HOST", raising=False)
    so = issued(app, clock)
    with pytest.raises(
        Refused, match="kênh thư điện tử: chưa được cấu hình: hãy đặt VANTHU_SMTP_HOST"
    ):
        app.phat_hanh.phat_hanh("vt", so, gui_thu=True)
    result = app.phat_hanh.phat_hanh("vt", so)
    assert result.xong and not result.thu and result.thu_moi == 0
    assert lan_gui(app, KENH_THU) == {}


def test_the_distribute_command_mails_when_configured_and_fails_while_a_mail_is_left(
    app: BoDichVu, clock: ManualClock, may_chu: MayChu, db_url: str, tmp_path: Path
) -> None:
    so = issued(app, clock)
    may_chu.hop.tu_choi = {SYT}
    env = {
        "VANTHU_NOW": "2021-09-13T09:00",
        "VANTHU_SMTP_HOST": "127.0.0.1",
        "VANTHU_SMTP_PORT": str(may_chu.cong),
        "VANTHU_SMTP_TLS": "none",
        "VANTHU_SMTP_FROM": NGUOI_GUI,
    }
    args = ["--db", db_url, "--output-root", str(tmp_path / "output"), "--as", "vt"]
    runner = CliRunner(env=env)
    first = runner.invoke(cli, [*args, "distribute", so])
    assert first.exit_code == 1, first.output
    assert f"e-mail: {SO_NOI_NHAN - 1} sent now, 1 failed" in first.stdout
    assert f"not sent to SYT <{SYT}>: {TU_CHOI_SYT}" in first.stderr
    may_chu.hop.tu_choi = set()
    second = runner.invoke(cli, [*args, "distribute", so])
    assert second.exit_code == 0, second.output
    assert "e-mail: 1 sent now, 0 failed" in second.stdout
    again = runner.invoke(cli, [*args, "distribute", so, "--no-email"])
    assert again.exit_code == 0 and "e-mail" not in again.stdout
    assert len(may_chu.hop.thu) == SO_NOI_NHAN


def test_a_recall_mails_its_notice_to_every_body_that_was_mailed_in_the_same_thread(
    app: BoDichVu, clock: ManualClock, may_chu: MayChu, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vanthu.workflow import SuKienVanBan

    so = issued(app, clock)
    phat_hanh_thu(app, clock, may_chu).phat_hanh("vt", so)
    originals = {t.rcpt_tos[0]: t.msg["Message-ID"] for t in may_chu.hop.thu}
    may_chu.hop.thu.clear()
    may_chu.hop.tu_choi.add(SYT)  # one address now refused: the recall still stands
    for name, value in {
        "VANTHU_SMTP_HOST": "127.0.0.1",
        "VANTHU_SMTP_PORT": str(may_chu.cong),
        "VANTHU_SMTP_TLS": "none",
        "VANTHU_SMTP_FROM": NGUOI_GUI,
    }.items():
        monkeypatch.setenv(name, value)
    clock.dat("2021-09-14T09:00")
    result = app.vong_doi.chuyen("ld", so, SuKienVanBan.thu_hoi, "Ban hành nhầm đối tượng")
    assert result.den is TrangThaiVanBan.thu_hoi
    assert result.thu_gui == len(originals) - 1 and len(result.thu_loi) == 1
    assert result.thu_loi[0].startswith("SYT: 550")
    for thu in may_chu.hop.thu:
        msg = thu.msg
        assert msg["Subject"] == "THU HỒI: Công điện số 01/CĐ-UBND ngày 13/09/2021"
        assert msg["In-Reply-To"] == originals[thu.rcpt_tos[0]]
        assert msg["Message-ID"] != originals[thu.rcpt_tos[0]]
        body = msg.get_body(("plain",))
        assert body is not None and "Lý do: Ban hành nhầm đối tượng" in body.get_content()
    events = [e.su_kien for e in nhat_ky(app.store, so)]
    assert events.count("bao_thu_hoi_thu") == len(originals) - 1
    assert events.count("bao_thu_hoi_thu_loi") == 1
