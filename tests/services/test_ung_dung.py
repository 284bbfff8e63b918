"""The façade (UngDung): one door for every use case, driving a directive from draft to summary."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.conftest import DANH_BA, ManualClock, cong_dien_du_thao
from vanthu import errors
from vanthu.errors import Refused, TransitionRefused
from vanthu.services import UngDung
from vanthu.workflow import TrangThaiNoiNhan, TrangThaiVanBan, VaiTro


@pytest.fixture
def ung_dung(db_url: str, tmp_path: Path, clock: ManualClock) -> Iterator[UngDung]:
    app = UngDung(db=db_url, thu_muc=tmp_path / "output", clock=clock)
    yield app
    app.close()


def test_the_facade_carries_the_ninh_thuan_cong_dien_from_draft_to_summary(
    ung_dung: UngDung, clock: ManualClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VANTHU_SMTP_HOST", raising=False)
    app = ung_dung
    app.them_nguoi_dung(None, "vt", "Nguyễn Thị Văn", VaiTro.van_thu)
    assert app.nap_danh_ba("vt", app.doc_danh_ba(DANH_BA)) > 20
    app.them_nguoi_dung("vt", "cv", "Đặng Ngọc Đức", VaiTro.chuyen_vien)
    app.them_nguoi_dung("vt", "ld", "Trần Quốc Nam", VaiTro.lanh_dao)
    app.them_nguoi_dung("vt", "syt", "Văn thư Sở Y tế", VaiTro.don_vi_nhan, "SYT")
    app.them_nguoi_dung("vt", "snv", "Văn thư Sở Nội vụ", VaiTro.don_vi_nhan, "SNV")
    app.them_nguoi_dung("vt", "ninh_son", "Văn thư Ninh Sơn", VaiTro.don_vi_nhan, "UBND_NINH_SON")

    draft = app.soan_thao("cv", cong_dien_du_thao(), "cong-dien.yaml")
    key = str(draft.van_ban_id)
    assert draft.den is TrangThaiVanBan.du_thao
    assert app.trinh("cv", key).den is TrangThaiVanBan.cho_duyet
    assert app.tra_lai("ld", key, "Bổ sung nhiệm vụ").den is TrangThaiVanBan.tra_lai
    app.trinh("cv", key)
    with pytest.raises(TransitionRefused):
        app.duyet("cv", key)  # a chuyên viên does not approve
    assert app.duyet("ld", key).den is TrangThaiVanBan.da_duyet

    clock.dat("2021-09-13 08:00")
    issued = app.ban_hanh("vt", key)
    so = issued.so_ky_hieu
    assert so is not None and so.startswith("01/")
    assert [p.suffix for p in issued.tep] == [".docx", ".pdf"]

    bodies = app.xem_truoc_noi_nhan(so)
    assert {"SYT", "SNV", "UBND_NINH_SON"} <= {b.ma for b in bodies}
    steps: list[tuple[int, int]] = []
    result = app.phat_hanh("vt", so, lambda done, total: steps.append((done, total)))
    assert result.tong == len(bodies) == result.gui_moi and not result.thu
    assert steps[-1] == (len(bodies), len(bodies))

    clock.dat("2021-09-13 09:00")
    ack = app.xac_nhan("syt", so, "SYT")
    assert (ack.ma_co_quan, ack.tre, ack.da_co) == ("SYT", False, False)
    assert app.xac_nhan("syt", so, "SYT").da_co
    app.tu_choi("snv", so, "SNV", "Gửi nhầm")
    with pytest.raises(Refused):
        app.xac_nhan("syt", so, "SNV")  # a body's user acts for that body only
    reply = tmp_path / "bao-cao.txt"
    reply.write_text("Báo cáo của UBND huyện Ninh Sơn.\n", encoding="utf-8")
    clock.dat("2021-09-28 15:00")
    report = app.bao_cao("ninh_son", so, "UBND_NINH_SON", "245/BC-UBND", reply)
    assert report.so_ky_hieu_tra_loi == "245/BC-UBND" and report.sha256

    clock.dat("2021-10-06 09:00")
    overdue = app.theo_doi_qua_han(so)
    assert overdue and "UBND_NINH_SON" not in {v.ma_co_quan for v in overdue}
    assert app.theo_doi_qua_han() == overdue
    table = app.trang_thai(so)
    states = {r.ma: r.trang_thai for r in table.dong}
    assert states["SYT"] is TrangThaiNoiNhan.da_nhan
    assert states["SNV"] is TrangThaiNoiNhan.tu_choi
    assert table.tong()["qua_han"] == len({v.ma_co_quan for v in overdue})

    reminder, reminder_files = app.don_doc("vt", so)
    assert reminder.den is TrangThaiVanBan.du_thao and reminder_files.paths()
    summary = app.tong_hop("vt", so)
    assert summary.pdf is not None and summary.pdf.is_file()

    events = [e.su_kien for e in app.nhat_ky(so)]
    assert events[:2] == ["soan_thao", "trinh"] and "ban_hanh" in events
    assert "xac_nhan" in events and "tu_choi" in events
    assert app.giu_so("vt", "UBND:chung", "Giấy mời họp khẩn") == 2
    rows = app.so_dang_ky(2021)
    assert len(rows) == 2  # the công điện's number, then the reserved one
    assert "Giấy mời họp khẩn" in app.so_dang_ky_csv(2021)
    assert app.theo_doi("vt", so).den is TrangThaiVanBan.dang_theo_doi


def test_the_facade_keeps_its_store_to_itself() -> None:
    public = {n for n in vars(UngDung) if not n.startswith("_")}
    assert "store" not in public
    assert not any("store" in n for n in public)


def _public_methods() -> list[str]:
    return sorted(
        n
        for n, v in vars(UngDung).items()
        if not n.startswith("_") and callable(getattr(UngDung, n))
    )


def test_the_facade_offers_every_use_case_the_interfaces_need() -> None:
    assert set(_public_methods()) >= {
        "soan_thao",
        "trinh",
        "tra_lai",
        "duyet",
        "ban_hanh",
        "phat_hanh",
        "xac_nhan",
        "tu_choi",
        "bao_cao",
        "theo_doi_qua_han",
        "don_doc",
        "tong_hop",
        "trang_thai",
        "nhat_ky",
        "so_dang_ky",
        "giu_so",
        "thu_hoi",
        "thay_the",
        "them_nguoi_dung",
        "nap_danh_ba",
    }


@pytest.mark.parametrize("name", ["__init__", *_public_methods()])
def test_every_public_method_of_the_facade_has_a_docstring_naming_what_it_raises(
    name: str,
) -> None:
    method = getattr(UngDung, name)
    doc = inspect.getdoc(method) or ""
    assert doc.splitlines()[0], f"{name}: no summary line"
    assert "\nRaises:\n" in doc, f"{name}: no Raises section"
    section = doc.split("\nRaises:\n", 1)[1]
    named = [
        n
        for group in re.findall(r"^    ([A-Z]\w+(?:, [A-Z]\w+)*)[:.]", section, re.M)
        for n in group.split(", ")
        if n != "Nothing"
    ]
    assert named or section.strip().startswith("Nothing"), f"{name}: Raises names no error"
    for error in named:
        assert issubclass(getattr(errors, error), errors.VanthuError), f"{name}: {error}"
    assert inspect.signature(method).return_annotation is not inspect.Signature.empty
