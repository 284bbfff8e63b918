"""The bytes of a file coming in: a regular file, bounded in size, decoded as UTF-8."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from ..errors import InvalidDirective, Problem


def ten_nguon(path: Path) -> str:
    """The file name as shown in messages: bytes that are not UTF-8 escaped, never an error."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


#: What :func:`doc_byte` says of a file it will not read, by cause: ``{ly_do}`` is the system's
#: reason, ``{toi_da}`` the limit in bytes. A reader may pass its own wording (Word files are
#: refused in Vietnamese, :mod:`.word.kiem_tra`).
LOI_DOC: Mapping[str, str] = {
    "khong_co": "không đọc được tệp: không có tệp này",
    "khong_quyen": "không đọc được tệp: không có quyền đọc",
    "khong_doc_duoc": "không đọc được tệp: lỗi hệ thống ({ly_do})",
    "ten_nul": "không đọc được tệp: tên tệp có ký tự NUL",
    "khong_phai_tep": "không đọc được tệp: đây không phải một tệp thông thường",
    "qua_lon": "tệp lớn hơn {toi_da:,} byte, mức tối đa vanthu đọc",
}
_NGUYEN_NHAN = {
    errno.ENOENT: "khong_co",
    errno.EACCES: "khong_quyen",
    errno.EPERM: "khong_quyen",
    errno.EISDIR: "khong_phai_tep",
}


def ly_do_os(error: OSError) -> str:
    """Why the system would not give a file, in Vietnamese (its own words, quoted, when the
    cause is not one a clerk meets)."""
    if error.errno == errno.ENOENT:
        return "không có tệp này"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "không có quyền đọc"
    if error.errno == errno.EISDIR:
        return "là một thư mục"
    return f"không đọc được ({error.strerror or error})"


def doc_byte(path: Path, toi_da: int, nguon: str, loi: Mapping[str, str] = LOI_DOC) -> bytes:
    """The bytes of a regular file of at most ``toi_da`` bytes; never reads more than one more.

    Raises:
        InvalidDirective: missing, unreadable, not a regular file, or too large (worded by
            ``loi``, see :data:`LOI_DOC`).
    """

    def refuse(cause: str, ly_do: object = "") -> InvalidDirective:
        return InvalidDirective(nguon, [Problem("", loi[cause].format(ly_do=ly_do, toi_da=toi_da))])

    def refuse_os(error: OSError) -> InvalidDirective:
        cause = _NGUYEN_NHAN.get(error.errno or 0, "khong_doc_duoc")
        return refuse(cause, error.strerror or error)

    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; it is refused below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise refuse_os(error) from None
    except ValueError:  # a NUL in the path: no file can have that name
        raise refuse("ten_nul") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise refuse("khong_phai_tep")
        with os.fdopen(fd, "rb") as stream:
            data = stream.read(toi_da + 1)
    except OSError as error:
        raise refuse_os(error) from None
    if len(data) > toi_da:
        raise refuse("qua_lon")
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
            [
                Problem(
                    f"dòng {line}, cột {column}",
                    f"không phải chữ UTF-8 ({what}); hãy lưu tệp theo bảng mã UTF-8",
                )
            ],
        ) from None
