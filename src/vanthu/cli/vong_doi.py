"""The lifecycle commands of ``vanthu``: users, directory, draft → issue → distribute → track."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from ..services import SuKienVanBan, VaiTro, doc_tep

if TYPE_CHECKING:
    from ..services.theo_doi import BangTrangThai
    from ..services.ung_dung import UngDung


class _ProgressBar(Protocol):
    """What ``distribute`` uses of the bar ``click.progressbar`` returns (click's class is
    private)."""

    pos: int

    def update(self, n_steps: int) -> None: ...


# The lifecycle's services import the store (SQLAlchemy, Alembic) and the slip renderer: they are
# imported inside the commands, so `vanthu render` and `vanthu check` start without them.


def _app(ctx: click.Context) -> UngDung:
    """The application, opened once per command from the global options."""
    from ..services.ung_dung import UngDung

    obj = ctx.find_root().obj
    if obj.get("app") is None:
        obj["app"] = UngDung(db=obj.get("db"), thu_muc=obj["thu_muc"])
        ctx.call_on_close(obj["app"].dong)
    app: UngDung = obj["app"]
    return app


def _actor(ctx: click.Context) -> str:
    from ..services.nguoi_dung import ten_nguoi_dung

    return ten_nguoi_dung(ctx.find_root().obj.get("as_user"))


def _gio(moment: dt.datetime | None) -> str:
    return moment.strftime("%d/%m/%Y %H:%M") if moment else "—"


def dang_ky(cli: click.Group) -> None:
    """Add the lifecycle commands to the ``vanthu`` group."""

    @cli.group()
    def user() -> None:
        """Users and their roles (chuyen_vien, lanh_dao, van_thu, don_vi_nhan)."""

    @user.command("add")
    @click.argument("ten")
    @click.option("--role", "vai_tro", required=True, type=click.Choice([v.value for v in VaiTro]))
    @click.option("--ho-ten", required=True, help="Full name.")
    @click.option("--co-quan", default=None, help="The body a đơn vị nhận user acts for.")
    @click.pass_context
    def user_add(
        ctx: click.Context, ten: str, vai_tro: str, ho_ten: str, co_quan: str | None
    ) -> None:
        """Add or update a user, as a văn thư (the first user of a store: a văn thư, no --as)."""
        from ..services.nguoi_dung import ten_nguoi_dung_neu_co, them_nguoi_dung

        actor = ten_nguoi_dung_neu_co(ctx.find_root().obj.get("as_user"))
        them_nguoi_dung(_app(ctx).kho, ten, ho_ten, VaiTro(vai_tro), co_quan, nguoi_thuc_hien=actor)
        click.echo(f"{ten}: {vai_tro}")

    @cli.group()
    def directory() -> None:
        """The directory (danh bạ) of recipient bodies."""

    @directory.command("load")
    @click.argument("path", type=click.Path(path_type=Path))
    @click.pass_context
    def directory_load(ctx: click.Context, path: Path) -> None:
        """Load bodies and groups from a YAML or CSV file (adds or updates), as a văn thư."""
        from ..services.danh_ba import doc_danh_ba, nap_danh_ba

        count = nap_danh_ba(_app(ctx).kho, doc_danh_ba(path), _actor(ctx))
        click.echo(f"{count} bodies loaded from {path}")

    @cli.command()
    @click.argument("path", type=click.Path(path_type=Path))
    @click.pass_context
    def draft(ctx: click.Context, path: Path) -> None:
        """Store a directive file as a new draft (dự thảo); prints its id."""
        from ..services.doc_tep import doc_du_lieu

        doc_tep(path)  # full validation with file and line before anything is stored
        data = doc_du_lieu(path)  # the same bounded reading, so "010" is 10 here too
        result = _app(ctx).vong_doi.soan_thao(_actor(ctx), data, str(path))
        click.echo(f"#{result.van_ban_id} {result.den.nhan}")

    def _event(name: str, event: SuKienVanBan, reason: bool, help_text: str) -> None:
        @cli.command(name=name, help=help_text)
        @click.argument("van_ban")
        @click.option("--reason", "ly_do", required=reason, default=None, help="Lý do.")
        @click.pass_context
        def command(ctx: click.Context, van_ban: str, ly_do: str | None) -> None:
            result = _app(ctx).vong_doi.chuyen(_actor(ctx), van_ban, event, ly_do)
            label = result.so_ky_hieu or f"#{result.van_ban_id}"
            click.echo(f"{label}: {result.tu.nhan if result.tu else '—'} → {result.den.nhan}")
            for path in result.tep:
                click.echo(str(path))
            if result.thu_gui or result.thu_loi:
                click.echo(
                    f"e-mail: {result.thu_gui} recall notices sent, {len(result.thu_loi)} not sent"
                )
            for failed in result.thu_loi:
                click.echo(f"recall notice not mailed to {failed}", err=True)

    _event("submit", SuKienVanBan.trinh, False, "Submit a draft for review (trình).")
    _event("return", SuKienVanBan.tra_lai, True, "Return a draft to its drafter (trả lại).")
    _event("approve", SuKienVanBan.duyet, False, "Approve and sign (duyệt, ký).")
    _event(
        "issue", SuKienVanBan.ban_hanh, False, "Issue: number, date, render and freeze (ban hành)."
    )
    _event("follow", SuKienVanBan.theo_doi, False, "Start following up its tasks (theo dõi).")
    _event("complete", SuKienVanBan.hoan_thanh, False, "Mark it completed (hoàn thành).")
    _event(
        "recall",
        SuKienVanBan.thu_hoi,
        True,
        "Recall an issued directive (thu hồi); every body it went to is told.",
    )

    @cli.command()
    @click.argument("van_ban")
    @click.option("--by", "thay_bang", required=True, help="The issued directive replacing it.")
    @click.pass_context
    def replace(ctx: click.Context, van_ban: str, thay_bang: str) -> None:
        """Record that a newer issued directive replaces this one (thay thế)."""
        result = _app(ctx).vong_doi.chuyen(
            _actor(ctx), van_ban, SuKienVanBan.thay_the, thay_bang=thay_bang
        )
        label = result.so_ky_hieu or f"#{result.van_ban_id}"
        click.echo(f"{label}: {result.tu.nhan if result.tu else '—'} → {result.den.nhan}")

    @cli.command()
    @click.argument("van_ban")
    @click.option("--dry-run", is_flag=True, help="Only show the bodies it would go to.")
    @click.option(
        "--email/--no-email",
        "gui_thu",
        default=None,
        help="Also mail each body its copy over SMTP (VANTHU_SMTP_*) [default: on when "
        "VANTHU_SMTP_HOST is set]. --no-email finishes by the file system alone.",
    )
    @click.pass_context
    def distribute(ctx: click.Context, van_ban: str, dry_run: bool, gui_thu: bool | None) -> None:
        """Distribute an issued directive to every body of its Nơi nhận (phát hành).

        Exits with status 1 when a mail did not go; running it again retries only those.
        """
        app = _app(ctx)
        if dry_run:
            for body in app.phat_hanh.xem_truoc(van_ban):
                click.echo(f"{body.ma:<16} {body.ten}  ← {body.dong_in}")
            return
        with contextlib.ExitStack() as stack:
            bars: list[_ProgressBar] = []

            def progress(done: int, total: int) -> None:
                if not bars:
                    stderr = sys.stderr
                    bars.append(
                        stack.enter_context(
                            click.progressbar(length=total, label="Phát hành", file=stderr)
                        )
                    )
                bars[0].update(done - bars[0].pos)

            result = app.phat_hanh.phat_hanh(_actor(ctx), van_ban, progress, gui_thu)
        click.echo(
            f"{result.so_ky_hieu}: {result.gui_moi} delivered now, {result.da_gui_truoc} before, "
            f"{result.tong} recipients → {result.thu_muc}"
        )
        if not result.thu:
            return
        click.echo(f"e-mail: {result.thu_moi} sent now, {len(result.thu_loi)} failed")
        if result.khong_email:
            click.echo(f"no e-mail address, files only: {', '.join(result.khong_email)}")
        for failed in result.thu_loi:
            click.echo(
                f"not sent to {failed.ma_co_quan} <{failed.dia_chi}>: {failed.loi}", err=True
            )
        if result.thu_loi:
            click.echo(
                f"vanthu: {len(result.thu_loi)} e-mails not sent; run distribute again to retry "
                "them (or --no-email to finish by the file system alone)",
                err=True,
            )
            raise SystemExit(1)

    @cli.command()
    @click.argument("van_ban", required=False)
    @click.argument("co_quan", required=False)
    @click.option("--token", default=None, help="The acknowledgement code on the slip.")
    @click.pass_context
    def ack(
        ctx: click.Context, van_ban: str | None, co_quan: str | None, token: str | None
    ) -> None:
        """Record that a body received a directive (xác nhận đã nhận)."""
        r = _app(ctx).theo_doi.xac_nhan(_actor(ctx), van_ban, co_quan, token)
        note = "already acknowledged" if r.da_co else "acknowledged"
        late = " (late)" if r.tre else ""
        click.echo(f"{r.so_ky_hieu} {r.ma_co_quan}: {note} {_gio(r.nhan_luc)}{late}")

    @cli.command()
    @click.argument("van_ban")
    @click.argument("co_quan")
    @click.option("--reason", "ly_do", required=True, help="Why it was misaddressed.")
    @click.pass_context
    def reject(ctx: click.Context, van_ban: str, co_quan: str, ly_do: str) -> None:
        """Record that a body sent the directive back as misaddressed (từ chối, gửi nhầm)."""
        _app(ctx).theo_doi.tu_choi(_actor(ctx), van_ban, co_quan, ly_do)
        click.echo(f"{van_ban} {co_quan}: từ chối ({ly_do})")

    @cli.command()
    @click.argument("van_ban")
    @click.argument("co_quan")
    @click.option("--reply", "tra_loi", required=True, help="Number of the reply (123/BC-SYT).")
    @click.option("--file", "tep", type=click.Path(path_type=Path), default=None)
    @click.pass_context
    def report(
        ctx: click.Context, van_ban: str, co_quan: str, tra_loi: str, tep: Path | None
    ) -> None:
        """Store a body's report back on the directive's tasks (báo cáo)."""
        r = _app(ctx).theo_doi.bao_cao(_actor(ctx), van_ban, co_quan, tra_loi, tep)
        click.echo(
            f"{co_quan}: report {r.so_ky_hieu_tra_loi} stored"
            + (f" ({r.sha256})" if r.sha256 else "")
        )

    @cli.command()
    @click.argument("van_ban", required=False)
    @click.pass_context
    def followup(ctx: click.Context, van_ban: str | None) -> None:
        """List the bodies overdue on a task (of one directive, or all)."""
        rows = _app(ctx).theo_doi.qua_han(van_ban)
        if not rows:
            click.echo("Không có việc quá hạn.")
        for v in rows:
            click.echo(
                f"{v.so_ky_hieu}  {v.ma_co_quan:<14} hạn {v.han:%d/%m/%Y} "
                f"(quá {v.so_ngay} ngày)  {v.mo_ta[:60]}"
            )

    @cli.command()
    @click.argument("van_ban")
    @click.pass_context
    def remind(ctx: click.Context, van_ban: str) -> None:
        """Draft the reminder công văn (đôn đốc) to the overdue bodies."""
        draft_result, files = _app(ctx).don_doc.nhac_nho(_actor(ctx), van_ban)
        click.echo(f"#{draft_result.van_ban_id} {draft_result.den.nhan}: đôn đốc {van_ban}")
        for path in files.paths():
            click.echo(str(path))

    @cli.command()
    @click.argument("van_ban")
    @click.pass_context
    def status(ctx: click.Context, van_ban: str) -> None:
        """The per-recipient table: sent, received, late, reported, overdue — with totals."""
        click.echo(bang_trang_thai(_app(ctx).theo_doi.trang_thai(van_ban)))

    @cli.command()
    @click.argument("van_ban")
    @click.option(
        "--ho-ten", default=None, help="Signer of the summary (default: the acting user)."
    )
    @click.pass_context
    def summary(ctx: click.Context, van_ban: str, ho_ten: str | None) -> None:
        """Render the summary report (báo cáo tổng hợp) for the leader, DOCX and PDF."""
        for path in _app(ctx).don_doc.tong_hop(_actor(ctx), van_ban, ho_ten).paths():
            click.echo(str(path))

    @cli.command()
    @click.argument("van_ban")
    @click.pass_context
    def log(ctx: click.Context, van_ban: str) -> None:
        """The event log of a directive and its recipients."""
        from ..services.so_sach import nhat_ky

        for e in nhat_ky(_app(ctx).kho, van_ban):
            change = f"{e.tu or '—'} → {e.den}" if e.den else ""
            click.echo(f"{_gio(e.luc)}  {e.nguoi:<10} {e.su_kien:<12} {e.doi_tuong:<24} {change}")

    @cli.command()
    @click.option("--year", "nam", required=True, help="The year, e.g. 2021.")
    @click.option(
        "-o",
        "--out",
        "thu_muc",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Write so-dang-ky-<year>.docx, .pdf and .csv into this folder; print the paths.",
    )
    @click.pass_context
    def register(ctx: click.Context, nam: str, thu_muc: Path | None) -> None:
        """Print the outgoing register (sổ đăng ký văn bản đi) of a year as CSV.

        With --out, write it as DOCX, PDF and CSV (the columns of Decree 30 Phụ lục IV) and
        print the paths.
        """
        from ..services.so_sach import so_dang_ky, so_dang_ky_csv, so_dang_ky_tep

        if thu_muc is None:
            click.echo(so_dang_ky_csv(so_dang_ky(_app(ctx).kho, nam)), nl=False)
            return
        for path in so_dang_ky_tep(_app(ctx).kho, nam, thu_muc):
            click.echo(str(path))

    @cli.command("reserve-number")
    @click.option(
        "--register",
        "so_dang_ky",
        required=True,
        help="The register, '<issuer>:<name>' (UBND:chung, UBND:mat).",
    )
    @click.option("--note", "ghi_chu", required=True, help="What the number is for.")
    @click.pass_context
    def reserve_number(ctx: click.Context, so_dang_ky: str, ghi_chu: str) -> None:
        """Take the next number for a document issued outside vanthu; it is never reused."""
        from ..services.vong_doi import giu_so

        app = _app(ctx)
        so = giu_so(app.kho, _actor(ctx), so_dang_ky, ghi_chu, app.vong_doi.dong_ho)
        click.echo(f"{so:02d} ({so_dang_ky}): {ghi_chu}")

    @cli.group()
    def workflow() -> None:
        """The lifecycle tables."""

    @workflow.command("diagram")
    def workflow_diagram() -> None:
        """Print the lifecycle diagram (Mermaid)."""
        from ..services import so_do_vong_doi

        click.echo(so_do_vong_doi())


def bang_trang_thai(table: BangTrangThai) -> str:
    """The status table as text for a terminal."""
    head = f"{table.so_ky_hieu} — {table.trang_thai.nhan}\n{table.trich_yeu}\n"
    lines = [
        f"{'Mã':<16} {'Cơ quan':<34} {'Trạng thái':<12} {'Gửi lúc':<16} "
        f"{'Nhận lúc':<16} {'Trễ':<4} {'Báo cáo':<16} Quá hạn"
    ]
    for r in table.dong:
        lines.append(
            f"{r.ma:<16} {r.ten[:34]:<34} {r.trang_thai.nhan:<12} {_gio(r.gui_luc):<16} "
            f"{_gio(r.nhan_luc):<16} {'có' if r.tre else '':<4} {_gio(r.bao_cao_luc):<16} "
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
