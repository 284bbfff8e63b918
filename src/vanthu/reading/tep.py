"""The bytes of a file coming in: a regular file, bounded in size, decoded as UTF-8."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import InvalidDirective, Problem


def ten_nguon(path: Path) -> str:
    """The file name as shown in messages: bytes that are not UTF-8 escaped, never an error."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def doc_byte(path: Path, toi_da: int, nguon: str) -> bytes:
    """The bytes of a regular file of at most ``toi_da`` bytes; never reads more than one more.

    Raises:
        InvalidDirective: missing, unreadable, not a regular file, or too large.
    """

    def refuse(message: str) -> InvalidDirective:
        return InvalidDirective(nguon, [Problem("", message)])

    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; it is refused below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise refuse(f"cannot read the file: {error.strerror or error}") from None
    except ValueError:  # a NUL in the path: no file can have that name
        raise refuse("cannot read the file: its name contains a NUL character") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise refuse("cannot read the file: not a regular file")
        with os.fdopen(fd, "rb") as stream:
            data = stream.read(toi_da + 1)
    except OSError as error:
        raise refuse(f"cannot read the file: {error.strerror or error}") from None
    if len(data) > toi_da:
        raise refuse(f"the file is larger than {toi_da:,} bytes, the most vanthu reads")
    return data


def giai_ma(data: bytes, nguon: str) -> str:
    """UTF-8 text (a leading BOM dropped), or a problem naming the line of the first bad byte.

    Raises:
        InvalidDirective: the bytes are not UTF-8.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        what = f"byte 0x{data[error.start]:02X}"
        raise InvalidDirective(
            nguon,
            [Problem(f"line {line}, column {column}", f"not UTF-8 ({what}); save it as UTF-8")],
        ) from None
