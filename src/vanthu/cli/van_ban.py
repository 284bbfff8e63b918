"""The directive commands: draft → submit → approve → issue → distribute, the books, the diagram."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from .ngu_canh import gio, nguoi, ung_dung

if TYPE_CHECKING:
    from ..services import KetQuaChuyen


class _ProgressBar(Protocol):
    """What ``distribute`` uses of the bar ``click.progressbar`` returns (click's class is
    private)."""

    pos: int

    def update(self, n_steps: int) -> None: ...


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_context
def draft(ctx: click.Context, path: Path) -> None:
    """Store a directive file as a new draft (dự thảo); prints its id."""
    from ..services import UngDung

    data = UngDung.doc_du_thao(path)  # validated with file and line before anything is opened
    result = ung_dung(ctx).soan_thao(nguoi(ctx), data, str(path))
    click.echo(f"#{result.van_ban_id} {result.den.label}")


def _in_chuyen(result: KetQuaChuyen) -> None:
    """Print what a lifecycle event did: the state change, the files, the recall notices."""
    label = result.so_ky_hieu or f"#{result.van_ban_id}"
    click.echo(f"{label}: {result.tu.label if result.tu else '—'} → {result.den.label}")
    for path in result.tep:
        click.echo(str(path))
    if result.ky_so:
        from ..services import TEN_KY_SO

        click.echo(f"ký số: {TEN_KY_SO.get(result.ky_so, result.ky_so)}")
        if result.ky_so == "cho_ky_so":
            click.echo(
                f"lãnh đạo ký bản chuẩn bị (vanthu sign-prepared {result.van_ban_id} -o FILE), "
                f"rồi: vanthu accept-signed {result.van_ban_id} SIGNED.pdf"
            )
        elif result.ky_so == "lanh_dao_da_ky":
            click.echo(f"văn thư ban hành: vanthu issue {result.van_ban_id}")
    if result.thu_gui or result.thu_loi:
        click.echo(
            f"e-mail: {result.thu_gui} thông báo thu hồi sent, {len(result.thu_loi)} not sent"
        )
    for failed in result.thu_loi:
        click.echo(f"thông báo thu hồi not mailed to {failed}", err=True)


# --reason: optional on every event but return and recall, where it is required.
_LY_DO = click.option("--reason", "ly_do", required=False, default=None, help="The reason (lý do).")
_LY_DO_BAT_BUOC = click.option(
    "--reason", "ly_do", required=True, default=None, help="The reason (lý do)."
)


@click.command()
@click.argument("van_ban")
@_LY_DO
@click.pass_context
def submit(ctx: click.Context, van_ban: str, ly_do: str | None) -> None:
    """Submit a draft for review (trình)."""
    app = ung_dung(ctx)
    _in_chuyen(app.trinh(nguoi(ctx), van_ban, ly_do))


@click.command("return")
@click.argument("van_ban")
@_LY_DO_BAT_BUOC
@click.pass_context
def tra_lai(ctx: click.Context, van_ban: str, ly_do: str | None) -> None:
    """Return a draft to its drafter (trả lại)."""
    app = ung_dung(ctx)
    _in_chuyen(app.tra_lai(nguoi(ctx), van_ban, ly_do))


@click.command()
@click.argument("van_ban")
@_LY_DO
@click.pass_context
def approve(ctx: click.Context, van_ban: str, ly_do: str | None) -> None:
    """Approve and sign (duyệt, ký)."""
    app = ung_dung(ctx)
    _in_chuyen(app.duyet(nguoi(ctx), van_ban, ly_do))


@click.command()
@click.argument("van_ban")
@_LY_DO
@click.pass_context
def issue(ctx: click.Context, van_ban: str, ly_do: str | None) -> None:
    """Issue: number, date, render and freeze (ban hành)."""
    # --reason is accepted, as on every event, and not recorded: issuing takes none.
    app = ung_dung(ctx)
    _in_chuyen(app.ban_hanh(nguoi(ctx), van_ban))


@click.command("sign-prepared")
@click.argument("van_ban")
@click.option(
    "-o",
    "--output",
    "tep",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Where to write the prepared PDF.",
)
@click.pass_context
def sign_prepared(ctx: click.Context, van_ban: str, tep: Path) -> None:
    """Write the prepared PDF of a directive waiting for its leader's signature (chờ ký số):
    he signs its empty field 'nguoi_ky' with his own tool, then accept-signed takes it back."""
    from ..services import ghi_tep_ra

    source = ung_dung(ctx).ban_chuan_bi(nguoi(ctx), van_ban)
    ghi_tep_ra(source, tep)
    click.echo(str(tep))


@click.command("accept-signed")
@click.argument("van_ban")
@click.argument("tep", metavar="FILE", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_context
def accept_signed(ctx: click.Context, van_ban: str, tep: Path) -> None:
    """Accept the leader's signed PDF (two-step signing): only the prepared document signed in
    its field by a trusted certificate; then `issue` numbers it and the organisation signs."""
    app = ung_dung(ctx)
    _in_chuyen(app.nhan_ban_ky_tep(nguoi(ctx), van_ban, tep))


@click.command("prepare-signing")
@click.argument("van_ban")
@click.pass_context
def prepare_signing(ctx: click.Context, van_ban: str) -> None:
    """Prepare the approving leader's signature on his own computer (chuẩn bị ký số) for an
    approved directive he has not signed: then sign-prepared, accept-signed, issue."""
    app = ung_dung(ctx)
    _in_chuyen(app.chuan_bi_ky(nguoi(ctx), van_ban))


@click.command("cancel-signing")
@click.argument("van_ban")
@_LY_DO
@click.pass_context
def cancel_signing(ctx: click.Context, van_ban: str, ly_do: str | None) -> None:
    """Cancel the leader's signature before the issue (waited for or made): back to đã duyệt;
    the next issue has him sign again."""
    app = ung_dung(ctx)
    result = app.huy_ky_so(nguoi(ctx), van_ban, ly_do)
    voided = f"; số {result.so_ky_hieu} đã hủy" if result.so_ky_hieu else ""
    click.echo(
        f"#{result.van_ban_id}: {result.tu.label if result.tu else '—'} → {result.den.label}; "
        f"chữ ký của lãnh đạo đã hủy{voided}"
    )


@click.command()
@click.argument("van_ban")
@_LY_DO
@click.pass_context
def follow(ctx: click.Context, van_ban: str, ly_do: str | None) -> None:
    """Start following up its tasks (theo dõi)."""
    app = ung_dung(ctx)
    _in_chuyen(app.theo_doi(nguoi(ctx), van_ban, ly_do))


@click.command()
@click.argument("van_ban")
@_LY_DO
@click.pass_context
def complete(ctx: click.Context, van_ban: str, ly_do: str | None) -> None:
    """Mark it completed (hoàn thành)."""
    app = ung_dung(ctx)
    _in_chuyen(app.hoan_thanh(nguoi(ctx), van_ban, ly_do))


@click.command()
@click.argument("van_ban")
@_LY_DO_BAT_BUOC
@click.pass_context
def recall(ctx: click.Context, van_ban: str, ly_do: str | None) -> None:
    """Recall an issued directive (thu hồi); every body it went to is told."""
    app = ung_dung(ctx)
    _in_chuyen(app.thu_hoi(nguoi(ctx), van_ban, ly_do))


@click.command()
@click.argument("van_ban")
@click.option("--by", "thay_bang", required=True, help="The issued directive replacing it.")
@click.pass_context
def replace(ctx: click.Context, van_ban: str, thay_bang: str) -> None:
    """Record that a newer issued directive replaces this one (thay thế)."""
    app = ung_dung(ctx)
    result = app.thay_the(nguoi(ctx), van_ban, thay_bang)
    label = result.so_ky_hieu or f"#{result.van_ban_id}"
    click.echo(f"{label}: {result.tu.label if result.tu else '—'} → {result.den.label}")


@click.command()
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
    app = ung_dung(ctx)
    if dry_run:
        for body in app.xem_truoc_noi_nhan(van_ban):
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

        result = app.phat_hanh(nguoi(ctx), van_ban, progress, gui_thu)
    click.echo(
        f"{result.so_ky_hieu}: {result.gui_moi} delivered now, {result.da_gui_truoc} before, "
        f"{result.tong} nơi nhận → {result.thu_muc}"
    )
    if not result.thu:
        return
    click.echo(f"e-mail: {result.thu_moi} sent now, {len(result.thu_loi)} failed")
    if result.khong_email:
        click.echo(f"no e-mail address, files only: {', '.join(result.khong_email)}")
    for failed in result.thu_loi:
        click.echo(f"not sent to {failed.ma_co_quan} <{failed.dia_chi}>: {failed.loi}", err=True)
    if result.thu_loi:
        click.echo(
            f"vanthu: {len(result.thu_loi)} e-mails not sent; run distribute again to retry "
            "them (or --no-email to finish by the file system alone)",
            err=True,
        )
        raise SystemExit(1)


@click.command()
@click.argument("van_ban")
@click.pass_context
def log(ctx: click.Context, van_ban: str) -> None:
    """The event log of a directive and its recipients."""
    for e in ung_dung(ctx).nhat_ky(van_ban):
        change = f"{e.tu or '—'} → {e.den}" if e.den else ""
        click.echo(f"{gio(e.luc)}  {e.nguoi:<10} {e.su_kien:<12} {e.doi_tuong:<24} {change}")


@click.command()
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
    if thu_muc is None:
        click.echo(ung_dung(ctx).so_dang_ky_csv(nam), nl=False)
        return
    for path in ung_dung(ctx).so_dang_ky_tep(nam, thu_muc):
        click.echo(str(path))


@click.command("reserve-number")
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
    app = ung_dung(ctx)
    so = app.giu_so(nguoi(ctx), so_dang_ky, ghi_chu)
    click.echo(f"{so:02d} ({so_dang_ky}): {ghi_chu}")


@click.group()
def workflow() -> None:
    """The lifecycle tables."""


@workflow.command("diagram")
def workflow_diagram() -> None:
    """Print the lifecycle diagram (Mermaid)."""
    from ..services import vong_doi_diagram

    click.echo(vong_doi_diagram())


@click.command("copy")
@click.argument("van_ban")
@click.option(
    "--form",
    "hinh_thuc",
    required=True,
    help="The copy form: sao_y (full copy), sao_luc (copy of a copy), trich_sao (excerpt).",
)
@click.option("--items", "muc", default=None, help="A trích sao's body items: 1,3-4.")
@click.option(
    "--paper/--electronic",
    "giay",
    default=True,
    show_default=True,
    help="Paper (DOCX and PDF, the copy block under the text) or electronic (PDF, box 14).",
)
@click.option("--to", "noi_nhan", multiple=True, help="A recipient of the copy (repeatable).")
@click.option(
    "-o",
    "--output",
    "thu_muc",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for copies [default: <output root>/ban-sao].",
)
@click.pass_context
def copy_(
    ctx: click.Context,
    van_ban: str,
    hinh_thuc: str,
    muc: str | None,
    giay: bool,
    noi_nhan: tuple[str, ...],
    thu_muc: Path | None,
) -> None:
    """Make a copy (bản sao) of an issued directive, numbered in the copies' register; prints
    its number and the files written."""
    app = ung_dung(ctx)
    result = app.sao(nguoi(ctx), van_ban, hinh_thuc, muc, not giay, list(noi_nhan), thu_muc)
    kind = "điện tử" if result.dien_tu else "giấy"
    click.echo(f"{result.so_ky_hieu}: {result.hinh_thuc.ten.lower()} ({kind}) of {result.van_ban}")
    for path in result.tep:
        click.echo(str(path))
