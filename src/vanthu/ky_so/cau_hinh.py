"""The signing configuration (cấu hình ký số): where keys live, which roots are trusted, which
timestamp server to ask. Keys are named here and never stored in the database.

``VANTHU_KY_SO`` names a YAML file; relative paths are read from its folder::

    tin_cay: [ca.pem]                  # trust roots (PEM or DER certificates)
    dau_thoi_gian: http://tsa.local/   # optional RFC 3161 server: PAdES B-T instead of B-B
    khoa:                              # keys by name
      lanh_dao:                        # a PKCS#12 file, its passphrase from a variable or file
        pkcs12: lanh-dao.p12
        mat_khau_bien: VANTHU_MK_LANH_DAO     # or mat_khau_tep: mat-khau.txt
      co_quan:                         # a PKCS#11 token (a USB token, an HSM, SoftHSM)
        pkcs11: /usr/lib/softhsm/libsofthsm2.so
        token: vanthu
        nhan_khoa: co-quan             # the key's label (and the certificate's, by default)
        nhan_chung_thu: co-quan        # optional
        pin_bien: VANTHU_PIN_CO_QUAN   # or pin_tep: pin.txt
    khoa_co_quan: co_quan              # the key the organisation signs with
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import InvalidSetting

#: The environment variable naming the signing configuration.
BIEN_CAU_HINH = "VANTHU_KY_SO"
#: The largest configuration file read, in bytes.
CAU_HINH_TOI_DA = 64 * 1024


@dataclass(frozen=True)
class BiMat:
    """A secret (passphrase, PIN) named by configuration: an environment variable or a file
    whose first line holds it. Never the secret itself."""

    bien: str | None = None
    tep: Path | None = None

    def doc(self, ten: str) -> str | None:
        """The secret's value, None if neither is given.

        Raises:
            InvalidSetting: the variable is unset or the file unreadable.
        """
        if self.bien is not None:
            value = os.environ.get(self.bien)
            if value is None:
                raise InvalidSetting(ten, f"the environment variable {self.bien} is not set")
            return value
        if self.tep is not None:
            try:
                lines = self.tep.read_text("utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as error:
                raise InvalidSetting(ten, f"cannot read {self.tep}: {error}") from None
            return lines[0] if lines else ""
        return None


@dataclass(frozen=True)
class NguonPkcs12:
    """A key and certificate in a PKCS#12 file (.p12, .pfx)."""

    ten: str
    tep: Path
    mat_khau: BiMat


@dataclass(frozen=True)
class NguonPkcs11:
    """A key on a PKCS#11 token: the module, the token's label, the key's label, the PIN."""

    ten: str
    module: Path
    token: str
    nhan_khoa: str
    nhan_chung_thu: str
    pin: BiMat


NguonKhoa = NguonPkcs12 | NguonPkcs11


@dataclass(frozen=True)
class CauHinhKy:
    """The signing settings in force."""

    tin_cay: tuple[Path, ...] = ()
    khoa: dict[str, NguonKhoa] = field(default_factory=dict)
    khoa_co_quan: str | None = None
    dau_thoi_gian: str | None = None
    nguon: str = "(none)"

    def nguon_khoa(self, ten: str) -> NguonKhoa:
        """The key named ``ten``.

        Raises:
            InvalidSetting: the configuration names no such key.
        """
        if ten not in self.khoa:
            known = ", ".join(sorted(self.khoa)) or "none"
            raise InvalidSetting(
                f"{BIEN_CAU_HINH} {self.nguon}", f"no key named {ten!r} (keys: {known})"
            )
        return self.khoa[ten]

    def khoa_cua_co_quan(self) -> NguonKhoa:
        """The organisation's key.

        Raises:
            InvalidSetting: ``khoa_co_quan`` is not set or names no key.
        """
        if self.khoa_co_quan is None:
            raise InvalidSetting(f"{BIEN_CAU_HINH} {self.nguon}", "khoa_co_quan is not set")
        return self.nguon_khoa(self.khoa_co_quan)


def doc_cau_hinh_ky(path: Path | str | None = None) -> CauHinhKy:
    """Read ``path`` or the file ``VANTHU_KY_SO`` names; empty settings when neither is set
    (nothing can be signed, and no signature is trusted).

    Raises:
        InvalidSetting: the file cannot be read, is too big, not YAML, or not of the shape
            documented above (the message names the field).
    """
    path = path or os.environ.get(BIEN_CAU_HINH)
    if not path:
        return CauHinhKy()
    file = Path(path)
    name = f"{BIEN_CAU_HINH} {file}"
    try:
        if file.stat().st_size > CAU_HINH_TOI_DA:
            raise InvalidSetting(name, f"larger than {CAU_HINH_TOI_DA} bytes")
        data = yaml.safe_load(file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InvalidSetting(name, f"cannot be read: {_mot_dong(error)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InvalidSetting(name, "must be a mapping (tin_cay, khoa, khoa_co_quan, ...)")
    base = file.parent
    unknown = set(data) - {"tin_cay", "khoa", "khoa_co_quan", "dau_thoi_gian"}
    if unknown:
        raise InvalidSetting(name, f"unknown field {sorted(unknown)[0]!r}")
    roots = data.get("tin_cay") or []
    if not isinstance(roots, list) or not all(isinstance(r, str) for r in roots):
        raise InvalidSetting(name, "tin_cay: a list of certificate files")
    keys_data = data.get("khoa") or {}
    if not isinstance(keys_data, dict):
        raise InvalidSetting(name, "khoa: a mapping of key names to key sources")
    keys = {str(k): _nguon(f"{name}: khoa.{k}", str(k), v, base) for k, v in keys_data.items()}
    org = data.get("khoa_co_quan")
    if org is not None and str(org) not in keys:
        raise InvalidSetting(name, f"khoa_co_quan: no key named {org!r}")
    tsa = data.get("dau_thoi_gian")
    if tsa is not None and not (isinstance(tsa, str) and tsa.startswith(("http://", "https://"))):
        raise InvalidSetting(name, "dau_thoi_gian: the timestamp server's http(s) URL")
    return CauHinhKy(
        tin_cay=tuple(base / r for r in roots),
        khoa=keys,
        khoa_co_quan=None if org is None else str(org),
        dau_thoi_gian=tsa,
        nguon=str(file),
    )


def _nguon(name: str, ten: str, data: Any, base: Path) -> NguonKhoa:
    if not isinstance(data, dict):
        raise InvalidSetting(name, "a mapping with pkcs12 or pkcs11")
    values = {k: str(v) for k, v in data.items()}
    if "pkcs12" in values:
        allowed = {"pkcs12", "mat_khau_bien", "mat_khau_tep"}
        _chi_co(name, values, allowed)
        return NguonPkcs12(ten, base / values["pkcs12"], _bi_mat(values, "mat_khau", base))
    if "pkcs11" in values:
        allowed = {"pkcs11", "token", "nhan_khoa", "nhan_chung_thu", "pin_bien", "pin_tep"}
        _chi_co(name, values, allowed)
        for needed in ("token", "nhan_khoa"):
            if needed not in values:
                raise InvalidSetting(name, f"{needed} is required for a PKCS#11 key")
        return NguonPkcs11(
            ten,
            Path(values["pkcs11"]),
            values["token"],
            values["nhan_khoa"],
            values.get("nhan_chung_thu", values["nhan_khoa"]),
            _bi_mat(values, "pin", base),
        )
    raise InvalidSetting(name, "give pkcs12 (a file) or pkcs11 (a module)")


def _chi_co(name: str, values: dict[str, str], allowed: set[str]) -> None:
    extra = sorted(set(values) - allowed)
    if extra:
        raise InvalidSetting(name, f"unknown field {extra[0]!r}")


def _bi_mat(values: dict[str, str], prefix: str, base: Path) -> BiMat:
    file = values.get(f"{prefix}_tep")
    return BiMat(values.get(f"{prefix}_bien"), None if file is None else base / file)


def _mot_dong(error: Exception) -> str:
    return " ".join(str(error).split())[:200]
