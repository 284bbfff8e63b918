"""The tracking commands: acknowledgements, rejections, reports, overdue, reminders, status."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from .ngu_canh import gio, nguoi, ung_dung

if TYPE_CHECKING:
    from ..services import BangTrangThai


@click.command()
@click.argument("van_ban", required=False)
@click.argument("ma_co_quan", required=False)
@click.option("--token", default=None, help="The acknowledgement code on the slip.")
@click.pass_context
def ack(ctx: click.Context, van_ban: str | None, ma_co_quan: str | None, token: str | None) -> None:
    """Record that a body received a directive (xác nhận đã nhận)."""
    app = ung_dung(ctx)
    r = app.xac_nhan(nguoi(ctx), van_ban, ma_co_quan, token)
    note = "đã xác nhận trước đó" if r.da_co else "đã xác nhận"
    late = " (trễ)" if r.tre else ""
    click.echo(f"{r.so_ky_hieu} {r.ma_co_quan}: {note} {gio(r.nhan_luc)}{late}")


@click.command()
@click.argument("van_ban")
@click.argument("ma_co_quan")
@click.option("--reason", "ly_do", required=True, help="Why it was misaddressed.")
@click.pass_context
def reject(ctx: click.Context, van_ban: str, ma_co_quan: str, ly_do: str) -> None:
    """Record that a body sent the directive back as misaddressed (từ chối, gửi nhầm)."""
    app = ung_dung(ctx)
    app.tu_choi(nguoi(ctx), van_ban, ma_co_quan, ly_do)
    click.echo(f"{van_ban} {ma_co_quan}: từ chối ({ly_do})")


@click.command()
@click.argument("van_ban")
@click.argument("ma_co_quan")
@click.option("--reply", "tra_loi", required=True, help="Number of the reply (123/BC-SYT).")
@click.option("--file", "tep", type=click.Path(path_type=Path), default=None)
@click.pass_context
def report(
    ctx: click.Context, van_ban: str, ma_co_quan: str, tra_loi: str, tep: Path | None
) -> None:
    """Store a body's report back on the directive's tasks (báo cáo)."""
    app = ung_dung(ctx)
    r = app.bao_cao(nguoi(ctx), van_ban, ma_co_quan, tra_loi, tep)
    click.echo(
        f"{ma_co_quan}: báo cáo {r.so_ky_hieu_tra_loi} stored"
        + (f" ({r.sha256})" if r.sha256 else "")
    )


@click.command()
@click.argument("van_ban", required=False)
@click.pass_context
def followup(ctx: click.Context, van_ban: str | None) -> None:
    """List the bodies overdue on a task (of one directive, or all)."""
    rows = ung_dung(ctx).theo_doi_qua_han(van_ban)
    if not rows:
        click.echo("Không có việc quá hạn.")
    for v in rows:
        click.echo(
            f"{v.so_ky_hieu}  {v.ma_co_quan:<14} hạn {v.han:%d/%m/%Y} "
            f"(quá {v.so_ngay} ngày)  {v.mo_ta[:60]}"
        )


@click.command()
@click.argument("van_ban")
@click.pass_context
def remind(ctx: click.Context, van_ban: str) -> None:
    """Draft the reminder công văn (đôn đốc) to the overdue bodies."""
    app = ung_dung(ctx)
    draft_result, files = app.don_doc(nguoi(ctx), van_ban)
    click.echo(f"#{draft_result.van_ban_id} {draft_result.den.label}: đôn đốc {van_ban}")
    for path in files.paths():
        click.echo(str(path))


@click.command()
@click.argument("van_ban")
@click.pass_context
def status(ctx: click.Context, van_ban: str) -> None:
    """The per-recipient table: sent, received, late, reported, overdue — with totals."""
    click.echo(bang_trang_thai(ung_dung(ctx).trang_thai(van_ban)))


@click.command()
@click.argument("van_ban")
@click.option("--ho-ten", default=None, help="Signer of the summary (default: the acting user).")
@click.pass_context
def summary(ctx: click.Context, van_ban: str, ho_ten: str | None) -> None:
    """Render the summary report (báo cáo tổng hợp) for the leader, DOCX and PDF."""
    app = ung_dung(ctx)
    for path in app.tong_hop(nguoi(ctx), van_ban, ho_ten).paths():
        click.echo(str(path))


def bang_trang_thai(table: BangTrangThai) -> str:
    """The status table as text for a terminal."""
    head = f"{table.so_ky_hieu} — {table.trang_thai.label}\n{table.trich_yeu}\n"
    lines = [
        f"{'Mã':<16} {'Cơ quan':<34} {'Trạng thái':<12} {'Gửi lúc':<16} "
        f"{'Nhận lúc':<16} {'Trễ':<4} {'Báo cáo':<16} Quá hạn"
    ]
    for r in table.dong:
        lines.append(
            f"{r.ma:<16} {r.ten[:34]:<34} {r.trang_thai.label:<12} {gio(r.gui_luc):<16} "
            f"{gio(r.nhan_luc):<16} {'có' if r.tre else '':<4} {gio(r.bao_cao_luc):<16} "
            f"{'QUÁ HẠN' if r.qua_han else ''}"
        )
    t = table.tong()
    lines.append(
        f"Tổng: {t['noi_nhan']} nơi nhận · đã gửi {t['da_gui']} · đã nhận {t['da_nhan']} "
        f"(trễ {t['nhan_tre']}) · chưa nhận {t['chua_nhan']} · đã báo cáo {t['da_bao_cao']} · "
        f"quá hạn {t['qua_han']}" + (f" · từ chối {t['tu_choi']}" if t["tu_choi"] else "")
    )
    # At a glance: who has not acknowledged, who is overdue.
    missing = [r.ma for r in table.chua_nhan()]
    overdue = [r.ma for r in table.dong if r.qua_han]
    if missing:
        lines.append(f"Chưa xác nhận ({len(missing)}): {', '.join(missing)}")
    if overdue:
        lines.append(f"Quá hạn báo cáo ({len(overdue)}): {', '.join(overdue)}")
    return head + "\n".join(lines)
