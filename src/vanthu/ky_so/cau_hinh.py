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
        anh: con-dau.png               # optional: the image its signature shows (the seal)
      hoa:                             # a leader whose token is on his own computer:
        hai_buoc: true                 #   two-step signing, no key here
        anh: chu-ky-hoa.png            #   his signature image, drawn in the prepared field
    khoa_co_quan: co_quan              # the key the organisation signs with
    nguoi_ky:                          # optional: a leader's user name → his key
      nam: lanh_dao
    khoa_lanh_dao: lanh_dao            # optional: the key of a leader not listed

Signing at issue (ban hành, #10) is on when ``khoa_co_quan`` is set: the approving leader's key
is ``nguoi_ky[<his user name>]``, else the key named as his user name, else ``khoa_lanh_dao``
(default: a key named ``lanh_dao``); a leader with none of these, or whose key says
``hai_buoc: true``, signs in two steps. A configuration with trust roots only verifies.
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


@dataclass(frozen=True)
class NguonHaiBuoc:
    """A leader who signs on his own computer (two-step signing): no key on the server."""

    ten: str


NguonKhoa = NguonPkcs12 | NguonPkcs11 | NguonHaiBuoc
#: The key a leader not otherwise named signs with, when ``khoa_lanh_dao`` is not set.
KHOA_LANH_DAO_MAC_DINH = "lanh_dao"


@dataclass(frozen=True)
class CauHinhKy:
    """The signing settings in force."""

    tin_cay: tuple[Path, ...] = ()
    khoa: dict[str, NguonKhoa] = field(default_factory=dict)
    khoa_co_quan: str | None = None
    dau_thoi_gian: str | None = None
    nguon: str = "(none)"
    anh: dict[str, Path] = field(default_factory=dict)  # key name → the image it shows
    nguoi_ky: dict[str, str] = field(default_factory=dict)  # leader's user name → key name
    khoa_lanh_dao: str | None = None

    @property
    def ky_khi_ban_hanh(self) -> bool:
        """Whether issuing signs: the organisation's key is named."""
        return self.khoa_co_quan is not None

    def khoa_cua_nguoi(self, ten_nguoi: str) -> NguonKhoa | None:
        """The key of the leader ``ten_nguoi`` (see the module's doc); None: he has none and
        signs in two steps."""
        name = self.nguoi_ky.get(ten_nguoi)
        if name is None:
            default = self.khoa_lanh_dao or KHOA_LANH_DAO_MAC_DINH
            name = ten_nguoi if ten_nguoi in self.khoa else default
        return self.khoa.get(name)

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
    fields_ = {"tin_cay", "khoa", "khoa_co_quan", "dau_thoi_gian", "nguoi_ky", "khoa_lanh_dao"}
    unknown = set(data) - fields_
    if unknown:
        raise InvalidSetting(name, f"unknown field {sorted(unknown)[0]!r}")
    roots = data.get("tin_cay") or []
    if not isinstance(roots, list) or not all(isinstance(r, str) for r in roots):
        raise InvalidSetting(name, "tin_cay: a list of certificate files")
    keys_data = data.get("khoa") or {}
    if not isinstance(keys_data, dict):
        raise InvalidSetting(name, "khoa: a mapping of key names to key sources")
    keys = {str(k): _nguon(f"{name}: khoa.{k}", str(k), v, base) for k, v in keys_data.items()}
    images = {
        str(k): base / str(v["anh"])
        for k, v in keys_data.items()
        if isinstance(v, dict) and v.get("anh") is not None
    }
    org = data.get("khoa_co_quan")
    if org is not None and str(org) not in keys:
        raise InvalidSetting(name, f"khoa_co_quan: no key named {org!r}")
    if org is not None and isinstance(keys[str(org)], NguonHaiBuoc):
        raise InvalidSetting(name, "khoa_co_quan: the organisation's key must be on the server")
    signers = data.get("nguoi_ky") or {}
    if not isinstance(signers, dict):
        raise InvalidSetting(name, "nguoi_ky: a mapping of leaders' user names to key names")
    for user, key in signers.items():
        if str(key) not in keys:
            raise InvalidSetting(name, f"nguoi_ky.{user}: no key named {key!r}")
    leader = data.get("khoa_lanh_dao")
    if leader is not None and str(leader) not in keys:
        raise InvalidSetting(name, f"khoa_lanh_dao: no key named {leader!r}")
    tsa = data.get("dau_thoi_gian")
    if tsa is not None and not (isinstance(tsa, str) and tsa.startswith(("http://", "https://"))):
        raise InvalidSetting(name, "dau_thoi_gian: the timestamp server's http(s) URL")
    return CauHinhKy(
        tin_cay=tuple(base / r for r in roots),
        khoa=keys,
        khoa_co_quan=None if org is None else str(org),
        dau_thoi_gian=tsa,
        nguon=str(file),
        anh=images,
        nguoi_ky={str(k): str(v) for k, v in signers.items()},
        khoa_lanh_dao=None if leader is None else str(leader),
    )


def _nguon(name: str, ten: str, data: Any, base: Path) -> NguonKhoa:
    if not isinstance(data, dict):
        raise InvalidSetting(name, "a mapping with pkcs12 or pkcs11")
    values = {k: str(v) for k, v in data.items() if k != "anh"}
    if "hai_buoc" in values:
        if data["hai_buoc"] is not True:
            raise InvalidSetting(name, "hai_buoc: true, or leave it out")
        _chi_co(name, values, {"hai_buoc"})
        return NguonHaiBuoc(ten)
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
    raise InvalidSetting(name, "give pkcs12 (a file), pkcs11 (a module) or hai_buoc: true")


def _chi_co(name: str, values: dict[str, str], allowed: set[str]) -> None:
    extra = sorted(set(values) - allowed)
    if extra:
        raise InvalidSetting(name, f"unknown field {extra[0]!r}")


def _bi_mat(values: dict[str, str], prefix: str, base: Path) -> BiMat:
    file = values.get(f"{prefix}_tep")
    return BiMat(values.get(f"{prefix}_bien"), None if file is None else base / file)


def _mot_dong(error: Exception) -> str:
    return " ".join(str(error).split())[:200]
