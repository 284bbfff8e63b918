"""The desk's settings (cài đặt): store, output folder, public URL, cookie security."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InvalidSetting

#: Where the desk is reached when nothing says otherwise (``vanthu serve``'s default address).
BASE_URL_MAC_DINH = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class CaiDatWeb:
    """What one desk process needs to know."""

    db: str | None = None
    thu_muc: Path = Path("output")
    base_url: str = BASE_URL_MAC_DINH

    @property
    def cookie_an_toan(self) -> bool:
        """Cookies carry ``Secure`` when the desk is reached over HTTPS."""
        return self.base_url.startswith("https://")

    @staticmethod
    def tu_moi_truong() -> CaiDatWeb:
        """The settings from ``VANTHU_DB``, ``VANTHU_OUTPUT`` and ``VANTHU_BASE_URL`` (the
        worker processes of ``vanthu serve --workers N`` read them)."""
        return CaiDatWeb(
            db=os.environ.get("VANTHU_DB") or None,
            thu_muc=Path(os.environ.get("VANTHU_OUTPUT") or "output"),
            base_url=base_url_hop_le(os.environ.get("VANTHU_BASE_URL") or BASE_URL_MAC_DINH),
        )


def base_url_hop_le(text: str) -> str:
    """An absolute http(s) URL without query or fragment, without its trailing slash.

    Raises:
        InvalidSetting: anything else.
    """
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise InvalidSetting(
            "--base-url / VANTHU_BASE_URL",
            f"{text[:80]!r} is not an http(s) URL such as https://vanthu.ninhthuan.gov.vn",
        )
    if len(text) > 200:
        raise InvalidSetting("--base-url / VANTHU_BASE_URL", "at most 200 characters")
    return text.strip().rstrip("/")
