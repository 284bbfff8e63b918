"""Throw-away keys (khóa demo) for demos and tests: a CA, a leader's and an organisation's
certificate, written as PKCS#12 files with a trust-roots file and a signing configuration.

ECDSA P-256 throughout: signing is about twice as fast as with RSA-2048 (measured-pitfalls
note). Nothing here is fit for real documents: the CA's key is thrown away with the folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ..errors import OutputError

#: The files ``tao_khoa_demo`` writes in its folder.
TEP_CA = "ca.pem"
TEP_CAU_HINH = "ky-so.yaml"
#: The passphrase of the demo PKCS#12 files, written beside them (``mat-khau.txt``).
MAT_KHAU_DEMO = "vanthu-demo"
TEP_MAT_KHAU = "mat-khau.txt"


@dataclass(frozen=True)
class ChungThuDemo:
    """One generated certificate with its private key (PEM, unencrypted)."""

    ten: str
    chung_thu: x509.Certificate
    khoa: ec.EllipticCurvePrivateKey

    def pem_khoa(self) -> bytes:
        """The private key as unencrypted PKCS#8 PEM (what ``softhsm2-util --import`` reads)."""
        return self.khoa.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    def der(self) -> bytes:
        """The certificate, DER-encoded."""
        return self.chung_thu.public_bytes(serialization.Encoding.DER)


@dataclass(frozen=True)
class BoKhoaDemo:
    """A throw-away CA, the leader's and the organisation's certificates it issued."""

    ca: ChungThuDemo
    lanh_dao: ChungThuDemo
    co_quan: ChungThuDemo


def _ten(cn: str, org: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def cap_chung_thu(
    ten: str,
    to_chuc: str,
    ca: ChungThuDemo | None,
    bay_gio: dt.datetime | None = None,
    nam: int = 3,
) -> ChungThuDemo:
    """A certificate for ``ten`` (its common name) issued by ``ca``, or a self-signed CA when
    ``ca`` is None; valid from a day before ``bay_gio`` for ``nam`` years."""
    now = bay_gio or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _ten(ten, to_chuc)
    issuer = subject if ca is None else ca.chung_thu.subject
    signing_key = key if ca is None else ca.khoa
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * nam))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if ca is None:
        builder = builder.add_extension(
            x509.BasicConstraints(ca=True, path_length=0), critical=True
        ).add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
    else:
        builder = (
            builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.khoa.public_key()), False
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        )
    return ChungThuDemo(ten, builder.sign(signing_key, hashes.SHA256()), key)


def tao_bo_khoa(
    nguoi_ky: str = "Trần Quốc Nam",
    co_quan: str = "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
    bay_gio: dt.datetime | None = None,
) -> BoKhoaDemo:
    """A CA ("vanthu demo CA"), the leader's certificate (common name: the person) and the
    organisation's (common name: the body), in memory."""
    ca = cap_chung_thu("vanthu demo CA", "vanthu demo", None, bay_gio, nam=10)
    return BoKhoaDemo(
        ca=ca,
        lanh_dao=cap_chung_thu(nguoi_ky, co_quan, ca, bay_gio),
        co_quan=cap_chung_thu(co_quan, co_quan, ca, bay_gio),
    )


def pkcs12_bytes(ct: ChungThuDemo, ca: ChungThuDemo, mat_khau: str) -> bytes:
    """A PKCS#12 file of a certificate, its key and its CA, encrypted with ``mat_khau``."""
    return pkcs12.serialize_key_and_certificates(
        ct.ten.encode("utf-8"),
        ct.khoa,
        ct.chung_thu,
        [ca.chung_thu],
        serialization.BestAvailableEncryption(mat_khau.encode("utf-8")),
    )


def ghi_bo_khoa(bo: BoKhoaDemo, thu_muc: Path, anh: Mapping[str, bytes] | None = None) -> Path:
    """Write a key set into ``thu_muc``: ``ca.pem`` (the trust root), ``lanh-dao.p12`` and
    ``co-quan.p12`` (passphrase in ``mat-khau.txt``) and ``ky-so.yaml``, the signing
    configuration naming them (paths relative to it). ``anh`` maps a key (``lanh_dao``,
    ``co_quan``) to the PNG its signature shows, written as ``<key>.png``. Returns the
    configuration's path.

    Raises:
        OutputError: the folder cannot be written.
    """
    config = {
        "tin_cay": [TEP_CA],
        "khoa": {
            "lanh_dao": {"pkcs12": "lanh-dao.p12", "mat_khau_tep": TEP_MAT_KHAU},
            "co_quan": {"pkcs12": "co-quan.p12", "mat_khau_tep": TEP_MAT_KHAU},
        },
        "khoa_co_quan": "co_quan",
    }
    for key in anh or {}:
        config["khoa"][key]["anh"] = f"{key}.png"  # type: ignore[index]
    try:
        thu_muc.mkdir(parents=True, exist_ok=True)
        for key, png in (anh or {}).items():
            (thu_muc / f"{key}.png").write_bytes(png)
        (thu_muc / TEP_CA).write_bytes(bo.ca.chung_thu.public_bytes(serialization.Encoding.PEM))
        (thu_muc / TEP_MAT_KHAU).write_text(MAT_KHAU_DEMO + "\n", "utf-8")
        (thu_muc / "lanh-dao.p12").write_bytes(pkcs12_bytes(bo.lanh_dao, bo.ca, MAT_KHAU_DEMO))
        (thu_muc / "co-quan.p12").write_bytes(pkcs12_bytes(bo.co_quan, bo.ca, MAT_KHAU_DEMO))
        path = thu_muc / TEP_CAU_HINH
        header = "# Throw-away demo keys made by `vanthu khoa-demo`: never sign real documents.\n"
        path.write_text(header + yaml.safe_dump(config, allow_unicode=True), "utf-8")
    except OSError as error:
        raise OutputError(str(thu_muc), f"cannot write the demo keys: {error}") from None
    return path
