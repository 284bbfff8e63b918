"""Images on the page (ảnh): the path of a signature or seal PNG as the directive names it,
and an image once read and checked.

A path is relative to the directive file's folder and stays inside it: no absolute path, no
drive, no "..", no backslash; the reader (``reading.anh``) resolves it and refuses a link that
leads out. What the bytes must be (a PNG, its size, a transparent background) is checked there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, Field

from .gioi_han import DUONG_DAN_ANH_TOI_DA

_DRIVE = re.compile(r"^[A-Za-z]:")


def _duong_dan_anh(value: str) -> str:
    """A relative POSIX path to a ``.png`` file inside the directive's folder."""
    if not value.strip():
        raise ValueError("cần đường dẫn tới một tệp PNG đặt cạnh văn bản")
    if "\\" in value or "\x00" in value or _DRIVE.match(value):
        raise ValueError(
            f"'{value}': viết đường dẫn bằng '/' (anh/chu-ky.png), tính từ thư mục của văn bản"
        )
    path = PurePosixPath(value)
    if path.is_absolute():
        raise ValueError(
            f"'{value}' là đường dẫn tuyệt đối; hãy ghi đường dẫn tính từ thư mục của văn bản"
        )
    if ".." in path.parts:
        raise ValueError(f"'{value}' đi ra ngoài thư mục của văn bản ('..')")
    if path.suffix.lower() != ".png":
        raise ValueError(f"'{value}' không phải tệp .png (ảnh PNG nền trong suốt)")
    return str(path)


#: The path of a PNG image beside the directive file (anh/chu-ky-tran-quoc-nam.png).
DuongDanAnh = Annotated[str, Field(max_length=DUONG_DAN_ANH_TOI_DA), AfterValidator(_duong_dan_anh)]


@dataclass(frozen=True)
class AnhDaDoc:
    """A checked image: PNG bytes (re-encoded RGBA) and its size in pixels."""

    png: bytes
    rong_px: int
    cao_px: int


__all__ = ["AnhDaDoc", "DuongDanAnh"]
