"""The desk's settings (cài đặt): store, output folder, public URL, cookie security."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..services import BASE_URL_MAC_DINH, base_url_hop_le


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


__all__ = ["BASE_URL_MAC_DINH", "CaiDatWeb", "base_url_hop_le"]
