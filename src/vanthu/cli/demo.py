"""``vanthu demo``: the Ninh Thuận công điện carried through its lifecycle on a fresh store."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import yaml

from ..services import SuKienVanBan, VaiTro
from ..services.dong_ho import GIO_VIET_NAM
from .vong_doi import bang_trang_thai

if TYPE_CHECKING:
    from ..services.ung_dung import UngDung

CONG_DIEN = "cong-dien-ninh-thuan-vung-xanh.yaml"
DANH_BA = Path("danh-ba") / "ninh-thuan-2021.yaml"


class DongHoDemo:
    """The demo's clock: September–October 2021, moved step by step."""

    def __init__(self) -> None:
        self.now = dt.datetime(2021, 9, 12, 8, 0, tzinfo=GIO_VIET_NAM)

    def __call__(self) -> dt.datetime:
        return self.now

    def den(self, when: str) -> None:
        """Move the clock to a Vietnam-time moment ("2021-09-13 08:30")."""
        self.now = dt.datetime.fromisoformat(when).replace(tzinfo=GIO_VIET_NAM)


def _buoc(clock: DongHoDemo, text: str) -> None:
    click.secho(f"[{clock.now:%d/%m/%Y %H:%M}] {text}", fg="cyan")


@click.command()
@click.option(
    "--examples",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("examples"),
    show_default=True,
    help="Folder of the example files.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output") / "demo",
    show_default=True,
    help="Fresh folder for the store and every file written (emptied first).",
)
def demo(examples: Path, out: Path) -> None:
    """Draft, return, approve, issue, distribute and track the Ninh Thuận công điện."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    from ..services.ung_dung import UngDung  # the store: imported only when the demo runs

    clock = DongHoDemo()
    app = UngDung(db=str(out / "vanthu.db"), thu_muc=out, dong_ho=clock)
    try:
        _chay(app, clock, examples, out)
    finally:
        app.dong()


def _chay(app: UngDung, clock: DongHoDemo, examples: Path, out: Path) -> None:
    from ..services.danh_ba import doc_danh_ba, nap_danh_ba
    from ..services.nguoi_dung import them_nguoi_dung
    from ..services.so_sach import so_dang_ky_tep

    directory = doc_danh_ba(examples / DANH_BA)
    # The văn thư is the store's first user (no actor needed), then administers the rest.
    them_nguoi_dung(app.kho, "thu", "Nguyễn Thị Thu", VaiTro.van_thu, nguoi_thuc_hien=None)
    nap_danh_ba(app.kho, directory, "thu")
    them_nguoi_dung(app.kho, "duc", "Đặng Ngọc Đức", VaiTro.chuyen_vien, nguoi_thuc_hien="thu")
    them_nguoi_dung(app.kho, "nam", "Trần Quốc Nam", VaiTro.lanh_dao, nguoi_thuc_hien="thu")
    for body in directory.co_quan:
        them_nguoi_dung(
            app.kho,
            body.ma.lower(),
            f"Văn thư {body.ten_ngan or body.ten}",
            VaiTro.don_vi_nhan,
            body.ma,
            nguoi_thuc_hien="thu",
        )
    click.echo(
        f"Danh bạ: {len(directory.co_quan)} cơ quan; người dùng: duc (chuyên viên), "
        "nam (lãnh đạo), thu (văn thư), một văn thư cho mỗi cơ quan nhận."
    )

    data: dict[str, Any] = yaml.safe_load((examples / CONG_DIEN).read_text(encoding="utf-8"))
    data.pop("so", None)
    data.pop("ngay", None)
    data["nam"] = 2021
    draft = app.vong_doi.soan_thao("duc", data, str(examples / CONG_DIEN))
    key = str(draft.van_ban_id)
    _buoc(clock, f"duc soạn dự thảo #{key}")
    clock.den("2021-09-12 09:00")
    app.vong_doi.chuyen("duc", key, SuKienVanBan.trinh)
    _buoc(clock, "duc trình lãnh đạo")
    clock.den("2021-09-12 10:30")
    reason = "Bổ sung nhiệm vụ báo cáo của Sở Nội vụ và UBND các huyện, thành phố"
    app.vong_doi.chuyen("nam", key, SuKienVanBan.tra_lai, reason)
    _buoc(clock, f"nam trả lại: {reason}")
    clock.den("2021-09-12 14:00")
    app.vong_doi.chuyen("duc", key, SuKienVanBan.trinh)
    _buoc(clock, "duc trình lại")
    clock.den("2021-09-12 16:00")
    app.vong_doi.chuyen("nam", key, SuKienVanBan.duyet)
    _buoc(clock, "nam duyệt, ký")

    clock.den("2021-09-13 08:00")
    issued = app.vong_doi.ban_hanh("thu", key)
    so = issued.so_ky_hieu or key
    _buoc(clock, f"thu ban hành: số {so}")
    clock.den("2021-09-13 08:30")
    preview = app.phat_hanh.xem_truoc(so)
    _buoc(clock, f"thu xem danh sách nơi nhận: {len(preview)} cơ quan")
    with click.progressbar(length=len(preview), label="Phát hành") as bar:
        result = app.phat_hanh.phat_hanh("thu", so, lambda done, _t: bar.update(done - bar.pos))
    _buoc(clock, f"thu phát hành đến {result.tong} cơ quan → {result.thu_muc}")

    bodies = [b.ma for b in preview]
    rng = random.Random(2021)
    rng.shuffle(bodies)
    on_time, late = bodies[: len(bodies) * 7 // 10], bodies[len(bodies) * 7 // 10 :][:8]
    for i, code in enumerate(on_time):
        clock.den(f"2021-09-13 {9 + i // 10:02d}:{(i * 7) % 60:02d}")
        app.theo_doi.xac_nhan(code.lower(), so, code)
    _buoc(clock, f"{len(on_time)} cơ quan xác nhận trong ngày")
    for i, code in enumerate(late):
        clock.den(f"2021-09-14 {8 + i:02d}:15")
        app.theo_doi.xac_nhan(code.lower(), so, code)
    _buoc(
        clock,
        f"{len(late)} cơ quan xác nhận trễ; {len(bodies) - len(on_time) - len(late)} chưa xác nhận",
    )

    reports = out / "bao-cao-den"
    reports.mkdir()
    for i, (code, number) in enumerate(
        (
            ("UBND_NINH_SON", "245/BC-UBND"),
            ("UBND_NINH_HAI", "1032/BC-UBND"),
            ("UBND_THUAN_NAM", "318/BC-UBND"),
        )
    ):
        clock.den(f"2021-09-{28 + i} 15:00")
        path = reports / f"{code.lower()}.txt"
        path.write_text(
            f"Báo cáo số {number} của {code} về thực hiện Công điện {so}.\n", encoding="utf-8"
        )
        app.theo_doi.bao_cao(code.lower(), so, code, number, path)
        _buoc(clock, f"{code} gửi báo cáo {number}")

    clock.den("2021-10-06 09:00")
    overdue = app.theo_doi.qua_han(so)
    _buoc(clock, f"quá hạn: {len(overdue)} cơ quan chưa báo cáo")
    for v in overdue:
        click.echo(f"  {v.ma_co_quan:<16} hạn {v.han:%d/%m/%Y}, quá {v.so_ngay} ngày")
    reminder, reminder_files = app.don_doc.nhac_nho("thu", so)
    _buoc(clock, f"thu soạn công văn đôn đốc (dự thảo #{reminder.van_ban_id})")
    summary = app.don_doc.tong_hop("thu", so)
    _buoc(clock, "báo cáo tổng hợp cho lãnh đạo")

    register = so_dang_ky_tep(app.kho, 2021, out)

    click.echo()
    click.echo(bang_trang_thai(app.theo_doi.trang_thai(so)))
    click.echo()
    click.echo("Tệp đã ghi:")
    for path in [
        *issued.tep,
        result.thu_muc / "manifest.json",
        *reminder_files.paths(),
        *summary.paths(),
        *register,
        out / "vanthu.db",
    ]:
        click.echo(f"  {path}")
    click.echo(f"  {result.thu_muc}/<mã cơ quan>/  ({result.tong} thư mục: văn bản + phiếu gửi)")
