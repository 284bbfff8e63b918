"""What signing at issue checks before a number is taken (kiểm tra trước khi ký): each key opens
with what the configuration gives (file, token, passphrase, PIN), its certificate chains to a
configured trust root and may sign, and the image its signature shows can be read.

Nothing here signs: the checks fail early, with a message naming the key, so that a number is
never taken for an issue that cannot be signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, ValidationError

from ..errors import SigningFailed
from .cau_hinh import CauHinhKy, NguonKhoa
from .dong_bo import chay
from .hinh_thuc import kieu_anh
from .khoa import mo_khoa

#: The largest signature or seal image read, in bytes.
ANH_TOI_DA = 8 * 1024 * 1024


@dataclass(frozen=True)
class KhoaDaKiemTra:
    """A key checked: its name, the certificate's common name, the image it shows (PNG bytes,
    None: no appearance)."""

    ten: str
    chu_the: str
    anh: bytes | None


def kiem_tra_khoa(
    cau_hinh: CauHinhKy, nguon: NguonKhoa, tin_cay: ValidationContext
) -> KhoaDaKiemTra:
    """Open the key ``nguon``, check its certificate against ``tin_cay`` and read its image.

    Raises:
        InvalidSetting: a passphrase or PIN variable unset, its file unreadable.
        SigningFailed: the key cannot be opened; its certificate is not trusted by the
            configured roots, or may not sign; its image cannot be read.
    """
    with mo_khoa(nguon) as signer:
        cert = signer.signing_cert
        if cert is None:
            raise SigningFailed(f"key {nguon.ten}", "it carries no certificate")
        chain = list(signer.cert_registry)
    subject = cert.subject.native.get("common_name") or cert.subject.human_friendly
    validator = CertificateValidator(cert, chain, validation_context=tin_cay)
    try:
        chay(validator.async_validate_usage({"digital_signature"}))  # type: ignore[no-untyped-call]
    except (PathBuildingError, PathValidationError, ValidationError) as error:
        raise SigningFailed(
            f"key {nguon.ten}",
            f"the certificate of {subject} is not trusted by the configured roots "
            f"(tin_cay in {cau_hinh.nguon}): {_mot_dong(error)}",
        ) from None
    return KhoaDaKiemTra(nguon.ten, str(subject), doc_anh(cau_hinh, nguon.ten))


def doc_anh(cau_hinh: CauHinhKy, ten_khoa: str) -> bytes | None:
    """The image the key ``ten_khoa`` shows (its ``anh``), checked readable; None if it names
    none.

    Raises:
        SigningFailed: the file is missing, too big, or not an image.
    """
    path: Path | None = cau_hinh.anh.get(ten_khoa)
    if path is None:
        return None
    what = f"key {ten_khoa}"
    try:
        if path.stat().st_size > ANH_TOI_DA:
            raise SigningFailed(what, f"the image {path} is larger than {ANH_TOI_DA} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise SigningFailed(what, f"cannot read the image {path}: {error.strerror}") from None
    kieu_anh(data)  # an image Pillow cannot read fails here, not at signing
    return data


def _mot_dong(error: Exception) -> str:
    return " ".join(str(error).split())[:300] or type(error).__name__
