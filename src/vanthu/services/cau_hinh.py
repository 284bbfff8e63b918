"""Office configuration: read by :mod:`vanthu.reading.cau_hinh`; imported here for old callers."""

from ..reading.cau_hinh import SO_CHUNG, SO_MAT, CauHinh, doc_cau_hinh  # moved

__all__ = ["SO_CHUNG", "SO_MAT", "CauHinh", "doc_cau_hinh"]
