"""Uploads (tải lên): copied to a file of ours, a block at a time, refused past a limit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path, PurePath

from fastapi import Request, UploadFile
from starlette.datastructures import UploadFile as TepTaiLen

from ..errors import InvalidSetting, TooLarge
from ..schemas.gioi_han import TEN_TEP_TOI_DA
from .form_du_lieu import doc_form

#: Bytes copied at a time.
KHOI = 1024 * 1024
#: Bytes a multipart form may add around one uploaded file: boundaries, part headers (with a
#: long file name), the CSRF field.
BIEU_MAU_THEM = 16 * 1024
#: Inputs read from a form that uploads one file (the file, the CSRF token, a few more).
TRUONG_TAI_LEN_TOI_DA = 8


def chep_tam(upload: UploadFile, dich: Path, toi_da: int, ten: str) -> int:
    """Copy an upload to ``dich`` (a name of ours, never the sender's); its size in bytes.

    Raises:
        InvalidSetting: ``ten`` is larger than ``toi_da`` bytes (what was copied stays in
            ``dich``, which the caller's temporary folder removes).
    """
    size = 0
    with dich.open("wb") as out:
        while chunk := upload.file.read(KHOI):
            size += len(chunk)
            if size > toi_da:
                raise InvalidSetting(
                    ten, f"hơn {toi_da} byte (tối đa {toi_da // (1024 * 1024)} MiB)"
                )
            out.write(chunk)
    return size


async def dong_form(request: Request) -> AsyncIterator[None]:
    """Dependency of a route that reads its form itself (after a size check): the form's
    spooled files are closed when the request ends, whatever it raised (FastAPI closes only the
    forms it reads for a route's declared parameters)."""
    try:
        yield
    finally:
        await request.close()


def tu_choi_neu_qua_lon(request: Request, toi_da: int, ten: str) -> None:
    """Refuse a request whose Content-Length says it carries more than a ``toi_da``-byte file
    and its form, before a byte of it is read. (A body sent without a length is counted as it
    streams in by the desk's request limit, and the file read from it is checked again.)

    Raises:
        TooLarge: the declared body is too large.
    """
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > toi_da + BIEU_MAU_THEM:
        raise TooLarge(ten, toi_da)


async def doc_tep_tai_len(
    request: Request, truong: str, toi_da: int, ten: str
) -> tuple[bytes, str]:
    """The file a multipart form sent as ``truong``: its bytes (at most ``toi_da``, read no
    further) and its name as the sender gave it (the last part of the path, cut to the limit of
    a file name; for showing only).

    Raises:
        TooLarge: the request or the file is too large.
        InvalidSetting: the form cannot be read, or holds no file ``truong``.
    """
    tu_choi_neu_qua_lon(request, toi_da, ten)
    form = await doc_form(request, TRUONG_TAI_LEN_TOI_DA)
    tep = form.get(truong)
    if not isinstance(tep, TepTaiLen):
        raise InvalidSetting(
            ten, f"no file was sent (a multipart form with the file as {truong!r})"
        )
    try:
        data = await tep.read(toi_da + 1)
    finally:
        await tep.close()
    if len(data) > toi_da:
        raise TooLarge(ten, toi_da)
    name = PurePath((tep.filename or "").replace("\\", "/")).name[:TEN_TEP_TOI_DA]
    return data, name
