"""Storage: the directives, their register numbers, recipients and the event log, in SQL."""

from .cau_lenh import CauLenhBienDich
from .ket_noi import KetNoi, Kho, Phien, mo_kho

__all__ = ["CauLenhBienDich", "KetNoi", "Kho", "Phien", "mo_kho"]
