"""The ``user`` and ``directory`` commands: who may act, and the bodies directives go to."""

from __future__ import annotations

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
@click.pass_context
def user_add(
    ctx: click.Context, ten: str, vai_tro: str, ho_ten: str, ma_co_quan: str | None
) -> None:
    """Add or update a user, as a văn thư (the first user of a store: a văn thư, no --as)."""
    actor = nguoi_neu_co(ctx)
    ung_dung(ctx).them_nguoi_dung(actor, ten, ho_ten, VaiTro(vai_tro), ma_co_quan)
    click.echo(f"{ten}: {VaiTro(vai_tro).label}")


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
