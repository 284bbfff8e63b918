"""The ``serve`` command: the web desk on this store."""

from __future__ import annotations

import os

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--base-url",
    envvar="VANTHU_BASE_URL",
    default=None,
    help="The desk's public URL, which slips and e-mails link to [default: http://HOST:PORT].",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes (PostgreSQL only; SQLite runs one).",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, base_url: str | None, workers: int) -> None:
    """Run the web desk (Ctrl+C stops it)."""
    import uvicorn

    from ..errors import InvalidSetting
    from ..services import phong_chu_pdf
    from ..web import base_url_hop_le, tao_app_tu_moi_truong

    obj = ctx.find_root().obj
    db = obj.get("db")
    if workers > 1 and not (db or "").startswith("postgresql"):
        raise InvalidSetting("--workers", "several workers need a postgresql:// store (--db)")
    url = base_url_hop_le(base_url or f"http://{host}:{port}")
    # The workers build the desk from the environment (uvicorn imports the factory in each).
    os.environ["VANTHU_BASE_URL"] = url
    os.environ["VANTHU_OUTPUT"] = str(obj["thu_muc"])
    if db:
        os.environ["VANTHU_DB"] = db

    # The store opens (and migrates) once here, before the workers start, and any setting is
    # refused now with a one-line message rather than in every worker.
    # So is a font folder that cannot be used: the first issue or preview would fail on it.
    tao_app_tu_moi_truong().state.ung_dung.close()
    phong_chu = phong_chu_pdf()
    click.echo(f"vanthu: bàn làm việc tại {url} (Ctrl+C để dừng)")
    click.echo(f"vanthu: phông chữ PDF: {phong_chu}")
    uvicorn.run(
        "vanthu.web.app:tao_app_tu_moi_truong",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=False,
    )
