"""Storage: the directives, their register numbers, recipients and the event log, in SQL."""

from .ket_noi import Kho, mo_kho

__all__ = ["Kho", "mo_kho"]
