"""The ``vanthu`` commands (lệnh): render, check and describe directive files; the lifecycle."""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path

import click

from .. import __version__
from ..errors import VanthuError
from ..services import (
    DinhDang,
    ket_xuat_tep,
    kiem_tra_tep_canh_bao,
    kiem_tra_the_thuc_word,
    la_tep_word,
    luoc_do_json,
    mo_ta_phong_chu,
    phat_hien_json,
)
from . import ky_so, nguoi_dung, theo_doi, van_ban, web
from .demo import demo


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vanthu")
@click.option(
    "--db",
    envvar="VANTHU_DB",
    default=None,
    help="Database: a SQLite file or a postgresql:// URL [default: output/vanthu.db].",
)
@click.option("--as", "as_user", envvar="VANTHU_USER", default=None, help="Acting user.")
@click.option(
    "--output-root",
    "thu_muc",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Folder for issued and distributed files.",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None, as_user: str | None, thu_muc: Path) -> None:
    """vanthu — văn bản hành chính theo Nghị định 30/2020/NĐ-CP (official directives)."""
    ctx.obj = {"db": db, "as_user": as_user, "thu_muc": thu_muc, "app": None}


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "thu_muc",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Folder for the rendered files.",
)
@click.option(
    "--format",
    "dinh_dang",
    type=click.Choice([d.value for d in DinhDang]),
    default=DinhDang.both.value,
    show_default=True,
    help="Which files to write.",
)
@click.option("--pdfa", is_flag=True, help="Write the PDF as PDF/A-2b, for archiving.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also say on stderr which font the PDF embeds (its files) and which the DOCX names.",
)
def render(
    files: tuple[Path, ...], thu_muc: Path, dinh_dang: str, pdfa: bool, verbose: bool
) -> None:
    """Render directive files (YAML or JSON) to DOCX and PDF; print the paths written."""
    if verbose:
        for line in mo_ta_phong_chu(DinhDang(dinh_dang)):
            click.echo(line, err=True)
    for path in files:
        written = ket_xuat_tep(path, thu_muc, DinhDang(dinh_dang), pdf_a=pdfa)
        for out in written.paths():
            click.echo(str(out))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Word files: print the findings as JSON.")
def check(files: tuple[Path, ...], as_json: bool) -> None:
    """Validate directive files; list every problem with its field path, and every warning
    (what looks like a slip) with its field path and line. Warnings leave the exit status 0.

    A Word draft (.docx; .doc, .odt, .rtf through LibreOffice) gets the form check against
    Decree 30: each finding names the rule, where it is, what was found and what the rule asks;
    any finding makes the exit status 1."""
    failed = 0
    reports: list[dict[str, object]] = []
    for path in files:
        if la_tep_word(path):
            try:
                ket_qua = kiem_tra_the_thuc_word(path)
            except VanthuError as error:
                failed += 1
                if as_json:
                    reports.append({"file": str(path), "ok": False, "error": str(error)})
                else:
                    click.echo(str(error), err=True)
                continue
            failed += bool(ket_qua.phat_hien)
            if as_json:
                reports.append(phat_hien_json(ket_qua))
            elif ket_qua.phat_hien:
                n = len(ket_qua.phat_hien)
                lines = "".join(f"\n  - {p}" for p in ket_qua.phat_hien)
                click.echo(f"{path}: {n} điểm chưa đúng thể thức (Nghị định 30){lines}")
            else:
                click.echo(f"{path}: đúng thể thức (Nghị định 30)")
            continue
        try:
            vb, canh_bao = kiem_tra_tep_canh_bao(path)
        except VanthuError as error:
            failed += 1
            click.echo(str(error), err=True)
            continue
        so = vb.so_ky_hieu or f"dự thảo …/{vb.ky_hieu_day_du}"
        click.echo(f"{path}: hợp lệ ({vb.loai.info.ten.lower()} {so})")
        if canh_bao:
            lines = "".join(f"\n  - {w}" for w in canh_bao)
            click.echo(f"{path}: {len(canh_bao)} cảnh báo{lines}", err=True)
    if as_json:
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
    if failed:
        raise SystemExit(1)


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "dich",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The directive file to write [default: FILE with .yaml].",
)
@click.option(
    "--fix",
    "sua",
    is_flag=True,
    help="Also write the corrected document: the imported directive rendered by vanthu "
    "(DOCX and PDF beside the output).",
)
def nhap(file: Path, dich: Path | None, sua: bool) -> None:
    """Import a Word draft (.docx; .doc, .odt, .rtf through LibreOffice) into a directive file.

    What could not be placed is reported on stderr, one line each; the form findings of the
    draft too. The file written is checked as ``vanthu check`` checks it: exit status 1 (naming
    the fields) when it does not validate."""
    # Imported here: python-docx and the YAML writer only for the commands that read Word.
    from ..services import CHUA_XEP, ghi_nhap, nhap_word

    if not la_tep_word(file):
        raise click.UsageError(f"{file}: không phải tệp Word (.docx, .doc, .odt, .rtf)")
    ket_qua = nhap_word(file)
    dich = dich or file.with_suffix(".yaml")
    tep = ghi_nhap(ket_qua, dich, sua=sua, nguon=file)
    for line in ket_qua.ghi_chu:
        click.echo(f"{file}: {CHUA_XEP}: {line}", err=True)
    if ket_qua.phat_hien:
        n = len(ket_qua.phat_hien)
        click.echo(
            f"{file}: bản thảo có {n} điểm chưa đúng thể thức (Nghị định 30)"
            + "".join(f"\n  - {p}" for p in ket_qua.phat_hien),
            err=True,
        )
    click.echo(str(tep.yaml))
    if tep.van_ban is None:
        lines = "".join(f"\n  - {p}" for p in tep.van_de)
        click.echo(f"{tep.yaml}: chưa hợp lệ ({len(tep.van_de)} vấn đề){lines}", err=True)
        raise SystemExit(1)
    for w in tep.canh_bao:
        click.echo(f"{tep.yaml}: cảnh báo: {w}", err=True)
    if tep.ban_sua is not None:
        for out in tep.ban_sua.paths():
            click.echo(str(out))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the directive file."""
    click.echo(luoc_do_json())


for _command in (
    nguoi_dung.user,
    nguoi_dung.directory,
    nguoi_dung.token,
    web.serve,
    van_ban.draft,
    van_ban.submit,
    van_ban.tra_lai,
    van_ban.approve,
    van_ban.issue,
    van_ban.sign_prepared,
    van_ban.accept_signed,
    van_ban.prepare_signing,
    van_ban.cancel_signing,
    van_ban.follow,
    van_ban.complete,
    van_ban.recall,
    van_ban.replace,
    van_ban.distribute,
    theo_doi.ack,
    theo_doi.reject,
    theo_doi.report,
    theo_doi.followup,
    theo_doi.remind,
    theo_doi.status,
    theo_doi.summary,
    van_ban.log,
    van_ban.register,
    van_ban.reserve_number,
    van_ban.copy_,
    van_ban.workflow,
    demo,
    ky_so.verify,
    ky_so.sign,
    ky_so.khoa_demo,
):
    cli.add_command(_command)


def chay() -> None:
    """Run the command line: every failure a user can cause is one line and a non-zero exit.

    A VanthuError becomes ``vanthu: <message>`` and status 1; click's usage errors are shown as
    click shows them (status 2); an OSError the machine raised (an output folder under a file,
    a full disk) names the path and the reason, status 1; Ctrl-C is status 130; a reader that
    stopped reading (``vanthu register … | head -1``) ends the command quietly. Anything else is
    a bug and keeps its traceback.
    """
    try:
        cli.main(standalone_mode=False)
        if sys.stdout is not None:
            sys.stdout.flush()  # a closed pipe is found here, not at interpreter exit
    except click.exceptions.Abort:
        click.echo("Đã dừng.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except VanthuError as error:
        click.echo(f"vanthu: {error}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        # Python's advice: send what is left to /dev/null so the exit does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except OSError as error:
        click.echo(f"vanthu: {loi_he_thong(error)}", err=True)
        sys.exit(1)


def loi_he_thong(error: OSError) -> str:
    """A system error (lỗi hệ thống) on one line: the path(s) it names and the reason."""
    reason = _LY_DO_HE_THONG.get(error.errno or 0) or error.strerror or str(error)
    paths = [str(p) for p in (error.filename, error.filename2) if p is not None]
    if not paths:
        return reason
    return f"không dùng được {' → '.join(paths)}: {reason}"


#: The system's reasons a clerk meets, in Vietnamese (others keep the system's words).
_LY_DO_HE_THONG: dict[int, str] = {
    errno.ENOENT: "không có tệp hay thư mục này",
    errno.EACCES: "không có quyền",
    errno.EPERM: "không có quyền",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.EISDIR: "là một thư mục",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EEXIST: "đã có",
}
