"""Storage: the directives, their register numbers, recipients and the event log, in SQL."""

from .cau_lenh import CauLenhBienDich
from .ket_noi import Kho, mo_kho

__all__ = ["CauLenhBienDich", "Kho", "mo_kho"]
