"""Verifying a signed PDF (xác minh): every signature's signer, role, time, trust and whether
the document changed after it, and one verdict (kết luận) for the file.

The verdicts are distinct, so that a clerk knows what happened: not a PDF; a truncated file;
a PDF that cannot be read; a file past the limits of a check; no signature; the signed bytes
altered; an update after signing that changed the content; a signature whose value does not
check out; a certificate the configured roots do not vouch for. Hostile input yields a
verdict, never an exception: the PDF parser and the CMS decoder are third-party code fed with
any bytes. What they may cost is bounded before they start (objects counted in the bytes,
pyHanko's decoding limits tightened, signatures and objects after signing counted once the
cross-references are read): see ``schemas.gioi_han``.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from pyhanko.pdf_utils.decode_limits import (
    DEFAULT_PURPOSE_LIMITS,
    DecodeLimits,
    DecodePurpose,
    DocumentDecodeBudget,
    StreamDecodeLimits,
)
from pyhanko.pdf_utils.misc import PdfDecodeLimitError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from ..schemas.gio import GIO_VIET_NAM
from ..schemas.gioi_han import CHU_KY_PDF_TOI_DA, DOI_TUONG_PDF_TOI_DA, DOI_TUONG_SAU_KY_TOI_DA
from .dong_bo import chay
from .ky import TRUONG_CO_QUAN, TRUONG_LANH_DAO


class KetLuan(StrEnum):
    """A verdict, of one signature or of the whole file (the worst of its signatures')."""

    HOP_LE = "hop_le"  # intact, trusted, nothing changed after it
    KHONG_PHAI_PDF = "khong_phai_pdf"
    BI_CAT = "bi_cat"  # truncated: the file ends before its signatures' byte ranges do
    HONG = "hong"  # a PDF that cannot be read
    VUOT_GIOI_HAN = "vuot_gioi_han"  # too many objects or signatures, or a decompression bomb
    KHONG_CO_CHU_KY = "khong_co_chu_ky"
    BI_SUA = "bi_sua"  # bytes the signature covers were changed (or the signature replaced)
    CHU_KY_LOI = "chu_ky_loi"  # the signature value does not verify, or cannot be decoded
    SUA_SAU_KY = "sua_sau_ky"  # an update after signing changed what the document says
    KHONG_TIN_CAY = "khong_tin_cay"  # the certificate does not chain to a configured root


#: What each verdict says, in Vietnamese.
LOI_KET_LUAN = {
    KetLuan.HOP_LE: "hợp lệ: chữ ký nguyên vẹn, chứng thư số được tin cậy",
    KetLuan.KHONG_PHAI_PDF: "không phải tệp PDF",
    KetLuan.BI_CAT: "tệp bị cắt cụt (thiếu phần cuối)",
    KetLuan.HONG: "tệp PDF hỏng, không đọc được",
    KetLuan.VUOT_GIOI_HAN: (
        "tệp vượt giới hạn kiểm tra (quá nhiều đối tượng, chữ ký hoặc dữ liệu nén)"
    ),
    KetLuan.KHONG_CO_CHU_KY: "tệp không có chữ ký số",
    KetLuan.BI_SUA: "nội dung đã ký bị thay đổi",
    KetLuan.CHU_KY_LOI: "giá trị chữ ký không đúng",
    KetLuan.SUA_SAU_KY: "văn bản bị sửa đổi sau khi ký",
    KetLuan.KHONG_TIN_CAY: "chứng thư số không được tin cậy (không thuộc gốc tin cậy đã cấu hình)",
}
#: The order of severity: a file's verdict is its worst signature's.
_MUC_DO = [
    KetLuan.HOP_LE,
    KetLuan.KHONG_TIN_CAY,
    KetLuan.SUA_SAU_KY,
    KetLuan.CHU_KY_LOI,
    KetLuan.BI_SUA,
]
#: Modification levels that leave a signed document's content as it was signed.
_KHONG_DOI = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING}
_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")
#: What is counted in the bytes before parsing: objects, rows of a cross-reference table, the
#: sizes cross-reference sections declare, and the counts of their /Index subsections.
_DOI_TUONG = re.compile(rb"\d\s+obj\b")
_DONG_XREF = re.compile(rb"\d{10} \d{5} [nf]")
_SIZE = re.compile(rb"/Size\s+(\d{1,12})")
_INDEX = re.compile(rb"/Index\s*\[([\d\s]{0,10000})\]")
#: pyHanko's limits for untrusted input, tightened: a directive's largest stream (a page's text,
#: an embedded font) decodes to a few MB, and a check decodes little besides the objects and the
#: cross-references. A stream that would decode past these stops the check with a verdict.
GIOI_HAN_GIAI_NEN = DecodeLimits(
    per_stream=StreamDecodeLimits(max_ratio=1100, ratio_floor=2**20, max_output_size=32 * 2**20),
    per_purpose={
        **DEFAULT_PURPOSE_LIMITS,
        DecodePurpose.OBJECT_STREAM: StreamDecodeLimits(
            max_ratio=100, ratio_floor=2**20, max_output_size=16 * 2**20
        ),
    },
    document_budget=DocumentDecodeBudget(base_allowance=64 * 2**20, max_ratio=20),
)


@dataclass(frozen=True)
class ChuKy:
    """One signature as verified."""

    truong: str  # the signature field's name
    vai_tro: str | None  # lanh_dao, co_quan, or None when the field name does not say
    nguoi_ky: str  # the certificate's common name
    to_chuc: str | None  # the certificate's organisation
    thoi_gian: str | None  # signing time claimed by the signer, ISO 8601 Vietnam time
    dau_thoi_gian: str | None  # time of the RFC 3161 timestamp, if any (PAdES B-T)
    nguyen_ven: bool  # the covered bytes hash to what was signed
    tin_cay: bool  # the certificate chains to a configured root
    sua_sau_ky: str | None  # pyHanko's modification level after this signature
    ket_luan: KetLuan
    chi_tiet: str = ""


@dataclass(frozen=True)
class KetQuaXacMinh:
    """A file's verification: its verdict and each signature's."""

    ket_luan: KetLuan
    chu_ky: list[ChuKy] = field(default_factory=list)
    chi_tiet: str = ""
    #: How many trust roots the check was given (None: not said). With none, no signature can
    #: be trusted, and the verdict says why.
    goc_tin_cay: int | None = None
    #: The text fields filled in the file, by name: for a directive vanthu issued, the number
    #: and date given after the leader signed (so_ky_hieu, ngay_ban_hanh).
    o_da_dien: dict[str, str] = field(default_factory=dict)

    @property
    def hop_le(self) -> bool:
        """Every signature intact and trusted, and at least one."""
        return self.ket_luan is KetLuan.HOP_LE

    def json(self) -> dict[str, Any]:
        """A JSON-ready dict (verdicts as their codes)."""
        data = asdict(self)
        data["hop_le"] = self.hop_le
        data["loi"] = LOI_KET_LUAN[self.ket_luan]
        return data

    def loi(self) -> list[str]:
        """The verification in Vietnamese, one line each."""
        lines = [f"Kết luận: {LOI_KET_LUAN[self.ket_luan]}"]
        if self.chi_tiet:
            lines.append(f"  ({self.chi_tiet})")
        if self.goc_tin_cay == 0:
            lines.append(f"  ({CHUA_CO_GOC_TIN_CAY})")
        for n, ck in enumerate(self.chu_ky, 1):
            role = {"lanh_dao": "người ký", "co_quan": "cơ quan"}.get(ck.vai_tro or "", "không rõ")
            lines += [
                f"Chữ ký {n} (trường {ck.truong}, vai trò: {role}): {LOI_KET_LUAN[ck.ket_luan]}",
                f"  Người ký: {ck.nguoi_ky}" + (f" — {ck.to_chuc}" if ck.to_chuc else ""),
                f"  Thời gian ký: {ck.thoi_gian or 'không ghi'}"
                + (f"; dấu thời gian: {ck.dau_thoi_gian}" if ck.dau_thoi_gian else ""),
                f"  Nguyên vẹn: {'có' if ck.nguyen_ven else 'không'}; "
                f"tin cậy: {'có' if ck.tin_cay else 'không'}; "
                f"sửa đổi sau ký: {_sua(ck.sua_sau_ky)}",
            ]
            if ck.chi_tiet:
                lines.append(f"  ({ck.chi_tiet})")
        if self.o_da_dien:
            filled = "; ".join(self.o_da_dien.values())
            lines.append(f"Điền sau khi người ký ký (số, ngày do hệ thống cấp): {filled}")
        return lines


#: Said when no trust root is configured.
CHUA_CO_GOC_TIN_CAY = (
    "chưa cấu hình gốc tin cậy (tin_cay trong VANTHU_KY_SO): không chữ ký nào được coi là tin cậy"
)


def _sua(level: str | None) -> str:
    return {
        None: "không xác định",
        "NONE": "không",
        "LTA_UPDATES": "chỉ thông tin kiểm tra",
        "FORM_FILLING": "chỉ thêm chữ ký / điền biểu mẫu",
        "ANNOTATIONS": "thêm chú thích",
        "OTHER": "có sửa nội dung",
    }.get(level, level or "")


def xac_minh(data: bytes, tin_cay: ValidationContext) -> KetQuaXacMinh:
    """Verify every signature of a PDF against the trust roots of ``tin_cay``."""
    head = data[:1024]
    if b"%PDF-" not in head:
        return KetQuaXacMinh(KetLuan.KHONG_PHAI_PDF, chi_tiet="no %PDF- header")
    if b"%%EOF" not in data[-1024:]:
        return KetQuaXacMinh(KetLuan.BI_CAT, chi_tiet="no %%EOF at the end of the file")
    for match in _BYTE_RANGE.finditer(data):
        start, end = int(match[3]), int(match[3]) + int(match[4])
        if end > len(data) or start > len(data):
            return KetQuaXacMinh(
                KetLuan.BI_CAT,
                chi_tiet=f"a signature covers bytes up to {end}, the file has {len(data)}",
            )
    if (too_many := _dem_truoc(data)) is not None:
        return KetQuaXacMinh(KetLuan.VUOT_GIOI_HAN, chi_tiet=too_many)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False, decode_limits=GIOI_HAN_GIAI_NEN)
        signatures = list(reader.embedded_signatures)
        too_many = _dem_sau(reader, signatures)
    except PdfDecodeLimitError as error:
        return KetQuaXacMinh(KetLuan.VUOT_GIOI_HAN, chi_tiet=_mot_dong(error))
    except Exception as error:  # any parser failure on any bytes is a verdict
        return KetQuaXacMinh(KetLuan.HONG, chi_tiet=_mot_dong(error))
    if too_many is not None:
        return KetQuaXacMinh(KetLuan.VUOT_GIOI_HAN, chi_tiet=too_many)
    if not signatures:
        return KetQuaXacMinh(KetLuan.KHONG_CO_CHU_KY)
    checked = [_mot_chu_ky(s, tin_cay) for s in signatures]
    worst = max((c.ket_luan for c in checked), key=_MUC_DO.index)
    return KetQuaXacMinh(worst, checked, o_da_dien=_o_da_dien(reader))


#: At most this many filled fields are reported, each at most this long.
_O_TOI_DA, _CHU_TOI_DA = 8, 200


def _o_da_dien(reader: PdfFileReader) -> dict[str, str]:
    """The filled text fields at the form's top level (none when the form cannot be read)."""
    try:
        root = reader.root
        if "/AcroForm" not in root or "/Fields" not in root["/AcroForm"]:
            return {}
        out: dict[str, str] = {}
        for ref in list(root["/AcroForm"]["/Fields"])[:64]:
            item = ref.get_object()
            if item.get("/FT") == "/Tx" and "/V" in item and "/T" in item:
                out[str(item["/T"])[:_CHU_TOI_DA]] = str(item["/V"])[:_CHU_TOI_DA]
            if len(out) >= _O_TOI_DA:
                break
        return out
    except Exception:  # any parser failure: nothing to report
        return {}


def _dem_truoc(data: bytes) -> str | None:
    """What is past a limit in the bytes, before pyHanko parses them; None when nothing is."""
    limit = DOI_TUONG_PDF_TOI_DA
    objects = sum(1 for _ in _DOI_TUONG.finditer(data))
    if objects > limit:
        return f"{objects} objects, at most {limit}"
    rows = sum(1 for _ in _DONG_XREF.finditer(data))
    if rows > limit:
        return f"{rows} cross-reference rows, at most {limit}"
    size = max((int(m[1]) for m in _SIZE.finditer(data)), default=0)
    if size > limit:
        return f"a cross-reference section of {size} objects, at most {limit}"
    for m in _INDEX.finditer(data):
        counts = m[1].split()[1::2]
        if sum(int(c[:12]) for c in counts) > limit:
            return f"a cross-reference stream indexing over {limit} objects"
    return None


def _dem_sau(reader: PdfFileReader, signatures: list[EmbeddedPdfSignature]) -> str | None:
    """What is past a limit once the cross-references are read: signatures, and objects added
    after the first signed revision (what the change analysis of each signature walks)."""
    if len(signatures) > CHU_KY_PDF_TOI_DA:
        return f"{len(signatures)} signatures, at most {CHU_KY_PDF_TOI_DA}"
    if not signatures:
        return None
    xrefs = reader.xrefs
    first = min(s.signed_revision for s in signatures)
    after = sum(
        len(list(xrefs.explicit_refs_in_revision(r)))
        for r in range(first + 1, xrefs.total_revisions)
    )
    if after > DOI_TUONG_SAU_KY_TOI_DA:
        return f"{after} objects added after signing, at most {DOI_TUONG_SAU_KY_TOI_DA}"
    return None


def _vai_tro(truong: str) -> str | None:
    if truong.startswith(TRUONG_LANH_DAO):
        return "lanh_dao"
    if truong.startswith(TRUONG_CO_QUAN):
        return "co_quan"
    return None


class _ImLang:
    """pyHanko and its certificate validator log a traceback for an untrusted or broken chain,
    which the verdict already says in one line: they are silenced while a signature is checked.

    The loggers' levels are global, and the desk checks in worker threads: the first check to
    start saves the levels and the last to end puts them back, so that overlapping checks never
    leave the loggers silenced."""

    def __init__(self) -> None:
        self.khoa = threading.Lock()
        self.dang_chay = 0
        self.truoc: list[int] = []

    @contextmanager
    def __call__(self) -> Iterator[None]:
        # A level on the parent loggers reaches their modules' loggers, which have none.
        loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
        with self.khoa:
            if self.dang_chay == 0:
                self.truoc = [logger.level for logger in loggers]
                for logger in loggers:
                    logger.setLevel(logging.CRITICAL + 1)
            self.dang_chay += 1
        try:
            yield
        finally:
            with self.khoa:
                self.dang_chay -= 1
                if self.dang_chay == 0:
                    for logger, level in zip(loggers, self.truoc, strict=True):
                        logger.setLevel(level)


_im_lang = _ImLang()


def _mot_chu_ky(sig: EmbeddedPdfSignature, tin_cay: ValidationContext) -> ChuKy:
    truong = str(sig.field_name)
    try:
        cert = sig.signer_cert
        subject = cert.subject.native
        name = str(subject.get("common_name") or cert.subject.human_friendly)
        org = subject.get("organization_name")
    except Exception as error:  # an undecodable CMS is a verdict
        return ChuKy(
            truong, _vai_tro(truong), "", None, None, None, False, False, None,
            KetLuan.CHU_KY_LOI, _mot_dong(error),
        )  # fmt: skip
    try:
        with _im_lang():
            status = chay(async_validate_pdf_signature(sig, tin_cay))
    except Exception as error:  # as above: the signed bytes no longer parse
        return ChuKy(
            truong, _vai_tro(truong), name, org, None, None, False, False, None,
            KetLuan.BI_SUA, _mot_dong(error),
        )  # fmt: skip
    level = status.modification_level
    changed = level is not None and level not in _KHONG_DOI
    if not status.intact or status.coverage not in (
        SignatureCoverageLevel.ENTIRE_FILE,
        SignatureCoverageLevel.ENTIRE_REVISION,
    ):
        verdict = KetLuan.BI_SUA
    elif not status.valid:
        verdict = KetLuan.CHU_KY_LOI
    elif changed:
        verdict = KetLuan.SUA_SAU_KY
    elif not status.trusted:
        verdict = KetLuan.KHONG_TIN_CAY
    else:
        verdict = KetLuan.HOP_LE
    ts = status.timestamp_validity
    detail = ""
    if verdict is KetLuan.KHONG_TIN_CAY and status.trust_problem_indic is not None:
        detail = str(status.trust_problem_indic)
    return ChuKy(
        truong=truong,
        vai_tro=_vai_tro(truong),
        nguoi_ky=name,
        to_chuc=None if org is None else str(org),
        thoi_gian=_gio(status.signer_reported_dt),
        dau_thoi_gian=None if ts is None else _gio(ts.timestamp),
        nguyen_ven=bool(status.intact),
        tin_cay=bool(status.trusted),
        sua_sau_ky=None if level is None else level.name,
        ket_luan=verdict,
        chi_tiet=detail,
    )


def _gio(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(GIO_VIET_NAM).isoformat(timespec="seconds")


def _mot_dong(error: Exception) -> str:
    return " ".join(str(error).split())[:300] or type(error).__name__
