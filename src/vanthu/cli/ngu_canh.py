"""The context (ngữ cảnh) of a lifecycle command: its façade, opened once, and the acting user."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..services import UngDung

# The façade imports the store (SQLAlchemy, Alembic) and the slip renderer: it is imported when
# a lifecycle command runs, so `vanthu render` and `vanthu check` start without them.


def ung_dung(ctx: click.Context) -> UngDung:
    """The application, opened once per command from the global options, closed with it."""
    from ..services import UngDung

    obj = ctx.find_root().obj
    if obj.get("app") is None:
        obj["app"] = UngDung(db=obj.get("db"), thu_muc=obj["thu_muc"])
        ctx.call_on_close(obj["app"].close)
    app: UngDung = obj["app"]
    return app


def nguoi(ctx: click.Context) -> str:
    """The acting user: ``--as``, else ``VANTHU_USER``; refused when neither is set."""
    from ..services import ten_nguoi_dung

    return ten_nguoi_dung(ctx.find_root().obj.get("as_user"))


def nguoi_neu_co(ctx: click.Context) -> str | None:
    """The acting user if one is named, or None (the first user of a store)."""
    from ..services import ten_nguoi_dung_neu_co

    return ten_nguoi_dung_neu_co(ctx.find_root().obj.get("as_user"))


def gio(moment: dt.datetime | None) -> str:
    """A moment as the tables show it (dd/mm/yyyy hh:mm), or a dash."""
    return moment.strftime("%d/%m/%Y %H:%M") if moment else "—"
