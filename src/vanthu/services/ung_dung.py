"""The application (ứng dụng): one store, output folder and clock, with every use case on them."""

from __future__ import annotations

from pathlib import Path

from ..storage import Kho, mo_kho
from ..workflow import SuKienVanBan, VaiTro
from .cau_hinh import doc_cau_hinh
from .don_doc import DonDoc
from .dong_ho import DongHo, bay_gio
from .phat_hanh import PhatHanh
from .theo_doi import TheoDoi
from .vong_doi import THU_MUC_MAC_DINH, VongDoi


class UngDung:
    """What an interface (CLI, web) holds: the use cases wired to one store."""

    def __init__(
        self,
        db: str | None = None,
        thu_muc: Path = THU_MUC_MAC_DINH,
        dong_ho: DongHo = bay_gio,
        kho: Kho | None = None,
    ) -> None:
        # The settings are read before the store is opened: a malformed one changes nothing.
        cau_hinh = doc_cau_hinh()
        dong_ho()
        self.kho = kho or mo_kho(db)
        self.thu_muc = thu_muc
        self.vong_doi = VongDoi(self.kho, thu_muc, dong_ho, cau_hinh)
        self.phat_hanh = PhatHanh(self.kho, dong_ho, thu_muc=thu_muc)
        self.theo_doi = TheoDoi(self.kho, dong_ho)
        self.don_doc = DonDoc(self.vong_doi, self.theo_doi)

    def dong(self) -> None:
        """Release the store's connections."""
        self.kho.dong()


def so_do_vong_doi() -> str:
    """The lifecycle diagram (Mermaid), drawn from the workflow tables."""
    from ..workflow.so_do import so_do_mermaid

    return so_do_mermaid()


__all__ = ["SuKienVanBan", "UngDung", "VaiTro", "so_do_vong_doi"]
