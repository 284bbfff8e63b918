"""Uploads (tải lên): copied to a file of ours, a block at a time, refused past a limit."""

from __future__ import annotations

from pathlib import Path

from fastapi import UploadFile

from ..errors import InvalidSetting

#: Bytes copied at a time.
KHOI = 1024 * 1024


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
                    ten, f"more than {toi_da} bytes (at most {toi_da // (1024 * 1024)} MiB)"
                )
            out.write(chunk)
    return size
