"""Urgency (độ khẩn, box 10b) and secrecy (độ mật, box 10a) marks and their printed words."""

from __future__ import annotations

from enum import StrEnum


class DoKhan(StrEnum):
    """Urgency level, proposed by the drafter and decided by the signer."""

    khan = "khan"
    thuong_khan = "thuong_khan"
    hoa_toc = "hoa_toc"

    @property
    def label(self) -> str:
        """The word printed in the stamp (NFC, new-style accent placement: HỎA)."""
        return {"khan": "KHẨN", "thuong_khan": "THƯỢNG KHẨN", "hoa_toc": "HỎA TỐC"}[self.value]


class DoMat(StrEnum):
    """Secrecy level under the law on state secrets."""

    mat = "mat"
    toi_mat = "toi_mat"
    tuyet_mat = "tuyet_mat"

    @property
    def label(self) -> str:
        """The word printed in the stamp."""
        return {"mat": "MẬT", "toi_mat": "TỐI MẬT", "tuyet_mat": "TUYỆT MẬT"}[self.value]
