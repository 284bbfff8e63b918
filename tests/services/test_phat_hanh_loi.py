"""Distribution and issue when something is wrong: a code that names no folder, a slip that cannot
be drawn, a folder that cannot be written. What is on disk and what the store records agree."""

from __future__ import annotations

import resource
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update

from tests.services.conftest import ManualClock, cong_dien_du_thao, duyet_xong
from vanthu.errors import DeliveryFailed, OutputError, Refused
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import (
    CoQuan,
    DemSo,
    DongSoDangKy,
    NhatKy,
    NhomCoQuan,
    NoiNhanVanBan,
    VanBanRow,
)
from vanthu.workflow import SuKienVanBan, TrangThaiNoiNhan, TrangThaiVanBan

NHOM_THU = "nhom_thu"
TEP_GOC = ["01-CĐ-UBND.docx", "01-CĐ-UBND.pdf"]


def ban_hanh_cho_nhom(app: BoDichVu, clock: ManualClock, bodies: dict[str, str]) -> str:
    """Bodies put straight into the store (no schema check), and a directive issued to them."""
    with app.store.transaction() as s:
        s.execute(
            insert(CoQuan),
            [{"ma": m, "ten": t, "ten_ngan": t[:100], "email": None} for m, t in bodies.items()],
        )
        s.execute(insert(NhomCoQuan), [{"nhom": NHOM_THU, "ma_co_quan": m} for m in bodies])
    data = cong_dien_du_thao()
    data.pop("nhiem_vu")
    data["noi_nhan"] = [
        {"ten": "Các đơn vị thử", "nhom": [NHOM_THU]},
        {"ten": "VPUB: LĐ, các Phòng ban", "noi_bo": True},
    ]
    key = str(app.vong_doi.soan_thao("cv", data, "test").van_ban_id)
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.duyet)
    clock.dat("2021-09-13T08:30")
    assert app.vong_doi.ban_hanh("vt", key).so_ky_hieu == "01/CĐ-UBND"
    return key


def tat_ca_tep(root: Path) -> set[str]:
    """Every file and folder under ``root``, hidden ones too, relative to it."""
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def trang_thai_noi_nhan(app: BoDichVu) -> dict[str, str]:
    with app.store.transaction() as s:
        return dict(s.execute(select(NoiNhanVanBan.ma_co_quan, NoiNhanVanBan.trang_thai)).all())


def su_kien(app: BoDichVu, name: str) -> list[tuple[str, dict[str, object]]]:
    with app.store.transaction() as s:
        rows = s.execute(select(NhatKy.doi_tuong, NhatKy.chi_tiet).where(NhatKy.su_kien == name))
        return [(d, dict(c or {})) for d, c in rows]


def test_codes_dot_and_dot_dot_in_the_store_write_nothing_outside_the_directive_folder(
    app: BoDichVu, clock: ManualClock, tmp_path: Path
) -> None:
    key = ban_hanh_cho_nhom(
        app,
        clock,
        {"THU_1": "Đơn vị thử một", "..": "Đơn vị chấm chấm", ".": "Đơn vị chấm", "THU_2": "Hai"},
    )
    output = tmp_path / "output"
    before = tat_ca_tep(tmp_path)

    with pytest.raises(DeliveryFailed) as failed:
        app.phat_hanh.phat_hanh("vt", key)
    assert {code for code, _ in failed.value.failures} == {"..", "."}
    assert all("cannot name a file or folder" in why for _, why in failed.value.failures)
    assert "2/4 cơ quan chưa nhận được (2 đã gửi)" in str(failed.value)
    folder = "output/2021/01-CĐ-UBND"
    new = tat_ca_tep(tmp_path) - before
    assert new == {
        f"{folder}/manifest.json",
        *(f"{folder}/{body}" for body in ("THU_1", "THU_2")),
        *(f"{folder}/{body}/{name}" for body in ("THU_1", "THU_2") for name in TEP_GOC),
        *(f"{folder}/{body}/phieu-gui.pdf" for body in ("THU_1", "THU_2")),
    }, "nothing in output/2021/ or above, no half folder"
    assert trang_thai_noi_nhan(app) == {
        "THU_1": TrangThaiNoiNhan.da_gui.value,
        "THU_2": TrangThaiNoiNhan.da_gui.value,
        "..": TrangThaiNoiNhan.cho_gui.value,
        ".": TrangThaiNoiNhan.cho_gui.value,
    }
    logged = su_kien(app, "gui_loi")
    assert sorted(d for d, _ in logged) == [f"noi_nhan:{key}:.", f"noi_nhan:{key}:.."]
    assert app.theo_doi.trang_thai(key).trang_thai is TrangThaiVanBan.da_ban_hanh

    # Recall: the '..' body recorded as delivered (as a store edited by hand could say).
    with app.store.transaction() as s:
        s.execute(
            update(NoiNhanVanBan)
            .where(NoiNhanVanBan.ma_co_quan == "..")
            .values(trang_thai=TrangThaiNoiNhan.da_gui.value, gui_luc=clock.now)
        )
    before = tat_ca_tep(tmp_path)
    with pytest.raises(Refused, match=r"directory code '\.\.': cannot name a file or folder"):
        app.vong_doi.chuyen("ld", key, SuKienVanBan.thu_hoi, "Ban hành nhầm")
    assert tat_ca_tep(tmp_path) == before, "no THU-HOI.txt anywhere: the recall was not made"
    assert app.theo_doi.trang_thai(key).trang_thai is TrangThaiVanBan.da_ban_hanh
    assert not su_kien(app, "thu_hoi") and not su_kien(app, "bao_thu_hoi")
    assert not (output.parent / "THU-HOI.txt").exists()


@pytest.mark.parametrize("glyph", ["Ⅱ", "✓"])
def test_a_body_whose_slip_cannot_be_drawn_gets_no_folder_and_the_others_are_delivered(
    app: BoDichVu, clock: ManualClock, tmp_path: Path, glyph: str
) -> None:
    key = ban_hanh_cho_nhom(
        app,
        clock,
        {"THU_1": "Đơn vị thử một", "THU_LOI": f"Phòng {glyph} Sở Y tế", "THU_2": "Hai"},
    )
    folder = tmp_path / "output" / "2021" / "01-CĐ-UBND"

    with pytest.raises(DeliveryFailed) as failed:
        app.phat_hanh.phat_hanh("vt", key)
    ((code, why),) = failed.value.failures
    assert code == "THU_LOI" and "co_quan_nhan" in why and f"U+{ord(glyph):04X}" in why
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["THU_1", "THU_2", "manifest.json", *TEP_GOC]
    ), "no folder, and no hidden half folder, for the body that failed"
    states = trang_thai_noi_nhan(app)
    assert states.pop("THU_LOI") == TrangThaiNoiNhan.cho_gui.value
    assert set(states.values()) == {TrangThaiNoiNhan.da_gui.value}
    ((where, detail),) = su_kien(app, "gui_loi")
    assert where == f"noi_nhan:{key}:THU_LOI" and f"U+{ord(glyph):04X}" in str(detail["loi"])
    table = app.theo_doi.trang_thai(key)
    assert table.tong()["da_gui"] == 2 and table.trang_thai is TrangThaiVanBan.da_ban_hanh

    # The directory is corrected: the next run delivers only that body, and finishes.
    with app.store.transaction() as s:
        s.execute(update(CoQuan).where(CoQuan.ma == "THU_LOI").values(ten="Phòng II Sở Y tế"))
    again = app.phat_hanh.phat_hanh("vt", key)
    assert (again.gui_moi, again.da_gui_truoc, again.xong) == (1, 2, True)
    assert (folder / "THU_LOI" / "phieu-gui.pdf").is_file()
    assert app.theo_doi.trang_thai(key).trang_thai is TrangThaiVanBan.da_phat_hanh


def test_a_body_folder_that_cannot_be_written_stops_with_its_path_and_a_rerun_finishes(
    app: BoDichVu, clock: ManualClock, tmp_path: Path
) -> None:
    key = ban_hanh_cho_nhom(app, clock, {"THU_1": "Một", "THU_2": "Hai", "THU_3": "Ba"})
    folder = tmp_path / "output" / "2021" / "01-CĐ-UBND"
    (folder / "THU_2").write_bytes(b"not a folder")  # what stands where its folder goes

    with pytest.raises(OutputError, match=r"THU_2: cannot be written: Not a directory"):
        app.phat_hanh.phat_hanh("vt", key)
    states = trang_thai_noi_nhan(app)
    assert states["THU_2"] == TrangThaiNoiNhan.cho_gui.value
    for code in ("THU_1", "THU_3"):  # written in the same batch: on disk, so recorded
        assert (folder / code / "phieu-gui.pdf").is_file() == (
            states[code] == TrangThaiNoiNhan.da_gui.value
        )
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "no half folder left"

    (folder / "THU_2").unlink()
    again = app.phat_hanh.phat_hanh("vt", key)
    assert again.xong and set(trang_thai_noi_nhan(app).values()) == {TrangThaiNoiNhan.da_gui.value}


def test_an_output_folder_that_cannot_be_written_fails_the_issue_and_takes_no_number(
    app: BoDichVu, clock: ManualClock, tmp_path: Path
) -> None:
    key = str(duyet_xong(app))
    output = tmp_path / "output"
    output.write_bytes(b"a file where the output folder should be")
    clock.dat("2021-09-13T08:30")

    with pytest.raises(OutputError, match=rf"^{output}.*: cannot be written: Not a directory"):
        app.vong_doi.ban_hanh("vt", key)
    with app.store.transaction() as s:
        row = s.get(VanBanRow, int(key))
        assert row is not None and row.trang_thai == TrangThaiVanBan.da_duyet.value
        assert row.so is None and row.pdf_duong_dan is None
        assert s.scalar(select(func.count()).select_from(DongSoDangKy)) == 0
        assert s.scalar(select(func.count()).select_from(DemSo)) == 0
    assert not su_kien(app, "ban_hanh")

    output.unlink()
    assert app.vong_doi.ban_hanh("vt", key).so_ky_hieu == "01/CĐ-UBND"
    assert sorted(p.name for p in (output / "2021" / "01-CĐ-UBND").iterdir()) == TEP_GOC
    assert not (output / ".ban-hanh").exists()


@contextmanager
def gioi_han_kich_thuoc_tep(bytes_: int) -> Iterator[None]:
    """Writes past ``bytes_`` fail in this process (EFBIG), as on a disk that fills up mid-file
    (Python ignores the SIGXFSZ signal that would otherwise come with it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (bytes_, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def test_a_disk_that_fills_up_mid_file_fails_the_issue_with_the_path_and_takes_no_number(
    app: BoDichVu, clock: ManualClock, tmp_path: Path
) -> None:
    clock.dat("2021-09-13T08:30")
    warm = str(duyet_xong(app))  # the renderer's own scratch files are made on first use
    assert app.vong_doi.ban_hanh("vt", warm).so_ky_hieu == "01/CĐ-UBND"
    key = str(duyet_xong(app))
    output = tmp_path / "output"
    before = {p: p.stat().st_size for p in output.rglob("*") if p.is_file()}
    staged = rf"^{output}/\.ban-hanh/.*: cannot be written: File too large"
    with gioi_han_kich_thuoc_tep(16 * 1024), pytest.raises(OutputError, match=staged):
        app.vong_doi.ban_hanh("vt", key)
    with app.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(DongSoDangKy)) == 1
        row = s.get(VanBanRow, int(key))
        assert row is not None and row.trang_thai == TrangThaiVanBan.da_duyet.value
    after = {p: p.stat().st_size for p in output.rglob("*") if p.is_file()}
    assert after == before, "no file, whole or half, is left"
    assert app.vong_doi.ban_hanh("vt", key).so_ky_hieu == "02/CĐ-UBND"


def test_an_issued_folder_moved_outside_the_output_folder_in_the_store_is_refused_untouched(
    app: BoDichVu, clock: ManualClock, tmp_path: Path
) -> None:
    key = ban_hanh_cho_nhom(app, clock, {"THU_1": "Một"})
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    for suffix in ("docx", "pdf"):
        (elsewhere / f"01-CĐ-UBND.{suffix}").write_bytes(b"issued")
    with app.store.transaction() as s:  # a store edited by hand
        s.execute(
            update(VanBanRow)
            .where(VanBanRow.id == int(key))
            .values(
                docx_duong_dan=str(elsewhere / "01-CĐ-UBND.docx"),
                pdf_duong_dan=str(elsewhere / "01-CĐ-UBND.pdf"),
            )
        )
    with pytest.raises(OutputError, match="is not inside the output folder"):
        app.phat_hanh.phat_hanh("vt", key)
    with pytest.raises(OutputError, match="is not inside the output folder"):
        app.vong_doi.chuyen("ld", key, SuKienVanBan.thu_hoi, "Ban hành nhầm")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["01-CĐ-UBND.docx", "01-CĐ-UBND.pdf"]
    assert trang_thai_noi_nhan(app) == {}, "nothing recorded"
