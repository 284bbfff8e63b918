"""Urgency (độ khẩn, box 10b), secrecy (độ mật, box 10a) and circulation (phạm vi lưu hành, box
11) marks and their printed words."""

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


class PhamViLuuHanh(StrEnum):
    """Circulation note (box 11), printed in a box above the Quốc hiệu on page 1."""

    xem_xong_tra_lai = "xem_xong_tra_lai"
    luu_hanh_noi_bo = "luu_hanh_noi_bo"

    @property
    def label(self) -> str:
        """The words printed in the box."""
        return {
            "xem_xong_tra_lai": "XEM XONG TRẢ LẠI",
            "luu_hanh_noi_bo": "LƯU HÀNH NỘI BỘ",
        }[self.value]
