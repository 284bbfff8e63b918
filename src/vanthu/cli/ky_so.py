"""The signing commands (ký số, #10): ``vanthu verify`` checks a signed PDF's signatures,
``vanthu khoa-demo`` makes throw-away keys for demos, ``vanthu sign`` signs a directive file."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the verification as JSON.")
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Signing configuration (trust roots) [default: $VANTHU_KY_SO].",
)
def verify(file: Path, as_json: bool, config: Path | None) -> None:
    """Verify every digital signature of a PDF (signer, role, time, trust, changes after
    signing) against the configured trust roots; exit 0 only when all are intact and trusted."""
    from ..services import doc_cau_hinh_ky, xac_minh_tep

    result = xac_minh_tep(file, doc_cau_hinh_ky(config))
    if as_json:
        click.echo(json.dumps(result.json(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"{file}:")
        for line in result.loi():
            click.echo(line)
    if not result.hop_le:
        raise SystemExit(1)


@click.command("khoa-demo")
@click.option(
    "--out",
    "thu_muc",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the demo CA, keys and signing configuration.",
)
def khoa_demo(thu_muc: Path) -> None:
    """Make throw-away signing keys (a CA, a leader's and an organisation's PKCS#12) and print
    the configuration file to point VANTHU_KY_SO at. Never sign real documents with them."""
    from ..services import tao_khoa_demo

    click.echo(str(tao_khoa_demo(thu_muc)))


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "thu_muc",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Folder for the signed PDF.",
)
@click.option("--key", "khoa", default="lanh_dao", show_default=True, help="The leader's key.")
def sign(file: Path, thu_muc: Path, khoa: str) -> None:
    """Render a directive file and sign its PDF twice (the leader's key, then the
    organisation's) with the keys of $VANTHU_KY_SO; print the path written."""
    from ..services import ky_tep

    click.echo(str(ky_tep(file, thu_muc, khoa)))
