"""The ``user`` and ``directory`` commands: who may act, and the bodies directives go to."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..services import VaiTro
from .ngu_canh import nguoi, nguoi_neu_co, ung_dung


@click.group()
def user() -> None:
    """Users and their roles (chuyen_vien, lanh_dao, van_thu, don_vi_nhan)."""


@user.command("add")
@click.argument("ten")
@click.option("--role", "vai_tro", required=True, type=click.Choice([v.value for v in VaiTro]))
@click.option("--ho-ten", required=True, help="Full name.")
@click.option("--ma-co-quan", default=None, help="Code of the body a đơn vị nhận user acts for.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the web desk password from the first line of standard input.",
)
@click.pass_context
def user_add(
    ctx: click.Context,
    ten: str,
    vai_tro: str,
    ho_ten: str,
    ma_co_quan: str | None,
    password_stdin: bool,
) -> None:
    """Add or update a user, as a văn thư (the first user of a store: a văn thư, no --as)."""
    actor = nguoi_neu_co(ctx)
    mat_khau = _mat_khau_stdin() if password_stdin else None
    app = ung_dung(ctx)
    app.them_nguoi_dung(actor, ten, ho_ten, VaiTro(vai_tro), ma_co_quan)
    if mat_khau is not None:
        app.dat_mat_khau(actor, ten, mat_khau)
    click.echo(
        f"{ten}: {VaiTro(vai_tro).label}" + (" (mật khẩu đã đặt)" if mat_khau is not None else "")
    )


@user.command("password")
@click.argument("ten")
@click.pass_context
def user_password(ctx: click.Context, ten: str) -> None:
    """Set a user's web desk password from standard input, as a văn thư or as the user."""
    mat_khau = _mat_khau_stdin()
    ung_dung(ctx).dat_mat_khau(nguoi(ctx), ten, mat_khau)
    click.echo(f"{ten}: mật khẩu đã đặt; các phiên đăng nhập cũ đã kết thúc")


def _mat_khau_stdin() -> str:
    """The first line of standard input, without its line break (checked by the use case)."""
    return sys.stdin.readline(1100).rstrip("\r\n")


@click.group()
def token() -> None:
    """Bearer tokens for scripts that call the web API."""


@token.command("create")
@click.option("--name", "ten_ma", required=True, help="What the token is for (shown in the log).")
@click.pass_context
def token_create(ctx: click.Context, ten_ma: str) -> None:
    """Create a token acting as --as USER; it is printed once and stored only hashed."""
    click.echo(ung_dung(ctx).tao_ma_truy_cap(nguoi(ctx), ten_ma))


@token.command("revoke")
@click.option("--name", "ten_ma", required=True, help="The name the token was created with.")
@click.option("--user", "cua", default=None, help="Whose token (a văn thư only; default: --as).")
@click.pass_context
def token_revoke(ctx: click.Context, ten_ma: str, cua: str | None) -> None:
    """Revoke the live tokens of that name: they stop working at once."""
    count = ung_dung(ctx).thu_hoi_ma_truy_cap(nguoi(ctx), ten_ma, cua)
    click.echo(f"{count} token(s) revoked")


@click.group()
def directory() -> None:
    """The directory (danh bạ) of recipient bodies."""


@directory.command("load")
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_context
def directory_load(ctx: click.Context, path: Path) -> None:
    """Load bodies and groups from a YAML or CSV file (adds or updates), as a văn thư."""
    app = ung_dung(ctx)
    danh_ba = app.doc_danh_ba(path)  # the file is read before the actor is asked for
    count = app.nap_danh_ba(nguoi(ctx), danh_ba)
    click.echo(f"{count} cơ quan loaded from {path}")
