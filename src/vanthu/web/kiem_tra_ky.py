"""Checking the signatures of an uploaded PDF (kiểm tra chữ ký số), as the desk's page, the
recipient's page and the API do it: the upload read within its limit, the check run in a worker
thread against the trust roots of the signing configuration (``VANTHU_KY_SO``), and what the
pages say about each verdict."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from ..errors import InvalidSetting, VanthuError
from ..schemas.gioi_han import PDF_KIEM_TRA_TOI_DA
from ..services import (
    CHUA_CO_GOC_TIN_CAY,
    LOI_KET_LUAN,
    KetQuaXacMinh,
    doc_cau_hinh_ky,
    xac_minh_pdf,
)
from .loi import ma_trang_thai
from .tai_len import doc_tep_tai_len

#: The form's file input.
TRUONG_TEP = "tep"
#: What the upload is called in a refusal.
TEN_TEP = "PDF file"
#: The largest upload, in MiB, as the pages say it.
TOI_DA_MIB = PDF_KIEM_TRA_TOI_DA // 2**20

#: What each verdict means for whoever holds the file, beside its one-line verdict.
GIAI_THICH = {
    "hop_le": "Mọi chữ ký nguyên vẹn, chứng thư số thuộc gốc tin cậy đã cấu hình, và văn bản "
    "không bị sửa đổi sau khi ký.",
    "khong_phai_pdf": "Tệp tải lên không phải tệp PDF. Văn bản điện tử có chữ ký số là tệp PDF.",
    "bi_cat": "Tệp bị cắt cụt: thiếu phần cuối, thường do tải về hoặc sao chép chưa xong. "
    "Xin lấy lại tệp gốc rồi kiểm tra lại.",
    "hong": "Không đọc được cấu trúc PDF của tệp: tệp bị hỏng hoặc không đúng định dạng.",
    "vuot_gioi_han": "Tệp có quá nhiều đối tượng hoặc chữ ký, hoặc dữ liệu nén bất thường; "
    "để bảo vệ máy chủ, tệp không được kiểm tra tiếp.",
    "khong_co_chu_ky": "Tệp là PDF nhưng không mang chữ ký số nào: không được coi là bản gốc "
    "văn bản điện tử.",
    "bi_sua": "Nội dung mà chữ ký bảo vệ đã bị thay đổi sau khi ký, hoặc chữ ký được lấy từ "
    "văn bản khác: đây không phải văn bản đã được ký.",
    "chu_ky_loi": "Giá trị chữ ký không khớp với chứng thư số: chữ ký không hợp lệ.",
    "sua_sau_ky": "Sau khi ký, tệp được bổ sung một lần cập nhật làm thay đổi nội dung: phần "
    "hiển thị có thể khác văn bản đã ký.",
    "khong_tin_cay": "Chữ ký nguyên vẹn nhưng chứng thư số không thuộc gốc tin cậy đã cấu hình: "
    "không xác định được người ký là ai.",
}
#: The role a signature's field names.
VAI_TRO = {"lanh_dao": "người ký (lãnh đạo)", "co_quan": "cơ quan, tổ chức ban hành"}
#: What changed after a signature, by pyHanko's modification level.
SUA_SAU_KY = {
    "NONE": "không",
    "LTA_UPDATES": "chỉ bổ sung thông tin kiểm tra",
    "FORM_FILLING": "chỉ thêm chữ ký hoặc điền biểu mẫu sau",
    "ANNOTATIONS": "có thêm chú thích",
    "OTHER": "có sửa đổi nội dung",
}


@dataclass(frozen=True)
class KiemTra:
    """One check as the pages show it: the verification, or why there is none (and the HTTP
    status that says so)."""

    ket_qua: KetQuaXacMinh | None = None
    ten_tep: str = ""
    loi: str | None = None
    status: int = 200

    def hien_thi(self) -> dict[str, Any]:
        """What the result template reads: the verdict's words, its meaning, each signature."""
        if self.ket_qua is None:
            return {}
        r = self.ket_qua
        return {
            "ten_tep": self.ten_tep,
            "hop_le": r.hop_le,
            "ma": r.ket_luan.value,
            "ket_luan": LOI_KET_LUAN[r.ket_luan],
            "giai_thich": GIAI_THICH[r.ket_luan.value],
            "chi_tiet": r.chi_tiet,
            "chua_co_goc": CHUA_CO_GOC_TIN_CAY if r.goc_tin_cay == 0 else "",
            "o_da_dien": list(r.o_da_dien.values()),
            "chu_ky": [
                {
                    "hop_le": ck.ket_luan.value == "hop_le",
                    "ma": ck.ket_luan.value,
                    "ket_luan": LOI_KET_LUAN[ck.ket_luan],
                    "vai_tro": VAI_TRO.get(ck.vai_tro or "", f"không rõ (trường {ck.truong})"),
                    "nguoi_ky": ck.nguoi_ky or "không đọc được",
                    "to_chuc": ck.to_chuc or "không ghi",
                    "thoi_gian": gio_ky(ck.thoi_gian) or "không ghi",
                    "dau_thoi_gian": gio_ky(ck.dau_thoi_gian),
                    "nguyen_ven": ck.nguyen_ven,
                    "chuoi": (
                        "được tin cậy"
                        if ck.tin_cay
                        else "không được tin cậy"
                        if ck.nguyen_ven
                        else "không kiểm tra (nội dung đã ký bị thay đổi)"
                    ),
                    "sua_sau_ky": SUA_SAU_KY.get(ck.sua_sau_ky or "", "không xác định"),
                    "chi_tiet": ck.chi_tiet,
                }
                for ck in r.chu_ky
            ],
        }


def gio_ky(iso: str | None) -> str | None:
    """A signing time as the pages write it: ``28/11/2026 14:30:05 (UTC+07:00)``."""
    if not iso:
        return None
    moment = dt.datetime.fromisoformat(iso)
    offset = moment.strftime("%z")
    return f"{moment:%d/%m/%Y %H:%M:%S} (UTC{offset[:3]}:{offset[3:]})"


async def kiem_tra_tai_len(request: Request, noi_cau_hinh: bool = True) -> KiemTra:
    """Read the form's PDF (refused past :data:`PDF_KIEM_TRA_TOI_DA` before it is read whole)
    and check its signatures. Bad input is a verdict or a 4xx, never an exception; a signing
    configuration that cannot be read is a 503 (``noi_cau_hinh``: say why, for the desk's
    staff, not for a recipient's page)."""
    try:
        data, name = await doc_tep_tai_len(request, TRUONG_TEP, PDF_KIEM_TRA_TOI_DA, TEN_TEP)
    except VanthuError as error:
        return KiemTra(loi=str(error), status=ma_trang_thai(error))
    try:
        result = await run_in_threadpool(xac_minh_cau_hinh, data)
    except InvalidSetting as error:
        why = f" ({error})" if noi_cau_hinh else ""
        return KiemTra(loi=f"Máy chủ chưa cấu hình đúng chữ ký số{why}.", status=503)
    return KiemTra(result, unicodedata.normalize("NFC", name))


def xac_minh_cau_hinh(data: bytes) -> KetQuaXacMinh:
    """The check against the signing configuration ``VANTHU_KY_SO`` names (read at each
    check, so that a changed trust root counts at once; none: no root, nothing trusted).

    Raises:
        InvalidSetting: the configuration or a trust root cannot be read.
    """
    return xac_minh_pdf(data, doc_cau_hinh_ky())
