"""Files sent to the browser (tải về): bytes with their type and a name that keeps its accents."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from fastapi.responses import Response


def ten_ascii(ten: str) -> str:
    """The file name without diacritics and without characters a quoted header value cannot
    hold, for browsers that ignore ``filename*``."""
    bare = unicodedata.normalize("NFKD", ten.replace("đ", "d").replace("Đ", "D"))
    safe = "".join(c for c in bare if c.isascii() and (c.isalnum() or c in " .-_()"))
    return safe.strip() or "tep"


def tep_tai_ve(noi_dung: bytes, ten: str, kieu: str) -> Response:
    """A download of ``noi_dung`` named ``ten`` (RFC 6266: an ASCII ``filename`` and the
    UTF-8 ``filename*``), typed ``kieu``."""
    disposition = f"attachment; filename=\"{ten_ascii(ten)}\"; filename*=UTF-8''{quote(ten)}"
    return Response(noi_dung, media_type=kieu, headers={"Content-Disposition": disposition})
