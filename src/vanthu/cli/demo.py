"""``vanthu demo``: the Ninh Thuận công điện carried through its lifecycle on a fresh store."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import yaml

from ..services import GIO_VIET_NAM, VaiTro
from .ky_so import verify
from .theo_doi import bang_trang_thai

if TYPE_CHECKING:
    from ..services import UngDung

CONG_DIEN = "cong-dien-ninh-thuan-vung-xanh.yaml"
#: The demo accounts' web desk password unless VANTHU_DEMO_PASSWORD says otherwise.
MAT_KHAU_DEMO = "vanthu-demo"
DANH_BA = Path("danh-ba") / "ninh-thuan-2021.yaml"
#: The demo keys' folder under the demo's output folder.
THU_MUC_KHOA = "khoa-demo"


class DemoClock:
    """The demo's clock: September–October 2021, moved step by step."""

    def __init__(self) -> None:
        self.now = dt.datetime(2021, 9, 12, 8, 0, tzinfo=GIO_VIET_NAM)

    def __call__(self) -> dt.datetime:
        return self.now

    def den(self, when: str) -> None:
        """Move the clock to a Vietnam-time moment ("2021-09-13 08:30")."""
        self.now = dt.datetime.fromisoformat(when).replace(tzinfo=GIO_VIET_NAM)


def _buoc(clock: DemoClock, text: str) -> None:
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
@click.pass_context
def demo(ctx: click.Context, examples: Path, out: Path) -> None:
    """Draft, return, approve, issue (signed with throw-away demo keys), verify, distribute
    and track the Ninh Thuận công điện."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    from ..services import UngDung, tao_khoa_demo  # imported only when the demo runs

    # Throw-away keys (a CA, the leader's and the organisation's certificates) and the sample
    # signature and seal images: the công điện is issued signed, as Decree 30 wants it.
    keys = tao_khoa_demo(
        out / THU_MUC_KHOA,
        anh_chu_ky=examples / "anh" / "chu-ky-mau.png",
        anh_con_dau=examples / "anh" / "con-dau-mau.png",
    )
    click.echo(f"Khóa demo (chỉ để thử, không dùng cho văn bản thật): {keys}")
    clock = DemoClock()
    app = UngDung(db=str(out / "vanthu.db"), thu_muc=out, clock=clock, ky_so=keys)
    try:
        _chay(ctx, app, clock, examples, out, keys)
    finally:
        app.close()


def _chay(
    ctx: click.Context, app: UngDung, clock: DemoClock, examples: Path, out: Path, keys: Path
) -> None:
    mat_khau = os.environ.get("VANTHU_DEMO_PASSWORD") or MAT_KHAU_DEMO
    directory = app.doc_danh_ba(examples / DANH_BA)
    # The văn thư is the store's first user (no actor needed), then administers the rest.
    app.them_nguoi_dung(None, "thu", "Nguyễn Thị Thu", VaiTro.van_thu)
    app.nap_danh_ba("thu", directory)
    app.them_nguoi_dung("thu", "duc", "Đặng Ngọc Đức", VaiTro.chuyen_vien)
    app.them_nguoi_dung("thu", "nam", "Trần Quốc Nam", VaiTro.lanh_dao)
    for body in directory.co_quan:
        app.them_nguoi_dung(
            "thu",
            body.ma.lower(),
            f"Văn thư {body.ten_ngan or body.ten}",
            VaiTro.don_vi_nhan,
            body.ma,
        )
    for user in ("thu", "duc", "nam", *(b.ma.lower() for b in directory.co_quan)):
        app.dat_mat_khau("thu", user, mat_khau)
    click.echo(
        f"Danh bạ: {len(directory.co_quan)} cơ quan; người dùng: duc (chuyên viên), "
        "nam (lãnh đạo), thu (văn thư), một văn thư cho mỗi cơ quan nhận."
    )

    data: dict[str, Any] = yaml.safe_load((examples / CONG_DIEN).read_text(encoding="utf-8"))
    data.pop("so", None)
    data.pop("ngay", None)
    data["nam"] = 2021
    draft = app.soan_thao("duc", data, str(examples / CONG_DIEN))
    key = str(draft.van_ban_id)
    _buoc(clock, f"duc soạn dự thảo #{key}")
    clock.den("2021-09-12 09:00")
    app.trinh("duc", key)
    _buoc(clock, "duc trình lãnh đạo")
    clock.den("2021-09-12 10:30")
    reason = "Bổ sung nhiệm vụ báo cáo của Sở Nội vụ và UBND các huyện, thành phố"
    app.tra_lai("nam", key, reason)
    _buoc(clock, f"nam trả lại: {reason}")
    clock.den("2021-09-12 14:00")
    app.trinh("duc", key)
    _buoc(clock, "duc trình lại")
    clock.den("2021-09-12 16:00")
    approved = app.duyet("nam", key)
    _buoc(clock, f"nam duyệt và ký số bằng khóa của mình trên máy chủ ({approved.ky_so})")

    clock.den("2021-09-13 08:00")
    issued = app.ban_hanh("thu", key)
    so = issued.so_ky_hieu or key
    _buoc(clock, f"thu ban hành: cấp số {so}, ngày; cơ quan ký số ({issued.ky_so})")
    signed = next(p for p in issued.tep if p.suffix == ".pdf")
    click.echo(f"$ VANTHU_KY_SO={keys} vanthu verify {signed}")
    ctx.invoke(verify, file=signed, as_json=False, config=keys)  # exits 1 unless valid
    clock.den("2021-09-13 08:30")
    preview = app.xem_truoc_noi_nhan(so)
    _buoc(clock, f"thu xem danh sách nơi nhận: {len(preview)} cơ quan")
    with click.progressbar(length=len(preview), label="Phát hành") as bar:
        result = app.phat_hanh("thu", so, lambda done, _t: bar.update(done - bar.pos))
    _buoc(clock, f"thu phát hành đến {result.tong} cơ quan → {result.thu_muc}")

    bodies = [b.ma for b in preview]
    rng = random.Random(2021)
    rng.shuffle(bodies)
    on_time, late = bodies[: len(bodies) * 7 // 10], bodies[len(bodies) * 7 // 10 :][:8]
    for i, code in enumerate(on_time):
        clock.den(f"2021-09-13 {9 + i // 10:02d}:{(i * 7) % 60:02d}")
        app.xac_nhan(code.lower(), so, code)
    _buoc(clock, f"{len(on_time)} cơ quan xác nhận trong ngày")
    for i, code in enumerate(late):
        clock.den(f"2021-09-14 {8 + i:02d}:15")
        app.xac_nhan(code.lower(), so, code)
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
        app.bao_cao(code.lower(), so, code, number, path)
        _buoc(clock, f"{code} gửi báo cáo {number}")

    clock.den("2021-10-06 09:00")
    overdue = app.theo_doi_qua_han(so)
    _buoc(clock, f"quá hạn: {len(overdue)} cơ quan chưa báo cáo")
    for v in overdue:
        click.echo(f"  {v.ma_co_quan:<16} hạn {v.han:%d/%m/%Y}, quá {v.so_ngay} ngày")
    reminder, reminder_files = app.don_doc("thu", so)
    _buoc(clock, f"thu soạn công văn đôn đốc (dự thảo #{reminder.van_ban_id})")
    summary = app.tong_hop("thu", so)
    _buoc(clock, "báo cáo tổng hợp cho lãnh đạo")

    register = app.so_dang_ky_tep(2021, out)

    click.echo()
    click.echo(bang_trang_thai(app.trang_thai(so)))
    click.echo()
    click.echo("Files written:")
    for path in [
        *issued.tep,
        result.thu_muc / "manifest.json",
        *reminder_files.paths(),
        *summary.paths(),
        *register,
        out / "vanthu.db",
    ]:
        click.echo(f"  {path}")
    click.echo(f"  {result.thu_muc}/<mã cơ quan>/  ({result.tong} folders: văn bản + phiếu gửi)")
    click.echo()
    told = "VANTHU_DEMO_PASSWORD" if os.environ.get("VANTHU_DEMO_PASSWORD") else MAT_KHAU_DEMO
    click.echo(
        "Bàn làm việc trên web: `make serve`, rồi mở http://127.0.0.1:8000 và đăng nhập "
        f"(thu, duc, nam hoặc mã cơ quan viết thường; mật khẩu {told})."
    )
    link = app.lien_ket_noi_nhan("thu", so, "SNV")
    click.echo(f"Trang của một nơi nhận (Sở Nội vụ, như mã QR trên phiếu gửi): {link}")
