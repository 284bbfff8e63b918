"""Opening the keys the configuration names (khóa): a PKCS#12 file or a PKCS#11 token, as a
pyHanko signer, and the trust roots as a validation context."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from asn1crypto import pem, x509
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko_certvalidator import ValidationContext

from ..errors import InvalidSetting, SigningFailed
from .cau_hinh import CauHinhKy, NguonHaiBuoc, NguonKhoa, NguonPkcs11, NguonPkcs12


@contextmanager
def mo_khoa(nguon: NguonKhoa) -> Iterator[Signer]:
    """The key as a pyHanko signer, for the time of the ``with`` block (a token's session is
    closed after it).

    Raises:
        InvalidSetting: a passphrase or PIN variable is unset, its file unreadable.
        SigningFailed: the file or token cannot be opened with what the configuration gives.
    """
    if isinstance(nguon, NguonHaiBuoc):
        raise SigningFailed(
            f"key {nguon.ten}", "this signer signs on his own computer (hai_buoc): no key here"
        )
    if isinstance(nguon, NguonPkcs12):
        yield _mo_pkcs12(nguon)
    else:
        with _mo_pkcs11(nguon) as signer:
            yield signer


def _mo_pkcs12(nguon: NguonPkcs12) -> Signer:
    secret = nguon.mat_khau.doc(f"khoa.{nguon.ten}")
    try:
        data = nguon.tep.read_bytes()
    except OSError as error:
        raise SigningFailed(f"key {nguon.ten}", f"cannot read {nguon.tep}: {error}") from None
    try:
        signer: Signer = SimpleSigner.load_pkcs12_data(
            data, (), None if secret is None else secret.encode("utf-8")
        )
        return signer
    except ValueError:
        raise SigningFailed(
            f"key {nguon.ten}", f"{nguon.tep} is not a PKCS#12 file or the passphrase is wrong"
        ) from None


@contextmanager
def _mo_pkcs11(nguon: NguonPkcs11) -> Iterator[Signer]:
    # Imported here: python-pkcs11 loads a native module, needed only for a token.
    from pkcs11 import PKCS11Error
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    what = f"key {nguon.ten}"
    pin = nguon.pin.doc(f"khoa.{nguon.ten}")
    if not nguon.module.is_file():
        raise SigningFailed(what, f"no PKCS#11 module at {nguon.module}")
    try:
        session = open_pkcs11_session(
            str(nguon.module), token_criteria=TokenCriteria(label=nguon.token), user_pin=pin
        )
    except (PKCS11Error, OSError, RuntimeError) as error:
        raise SigningFailed(what, f"cannot open the token {nguon.token!r}: {error!r}") from None
    try:
        signer = PKCS11Signer(session, cert_label=nguon.nhan_chung_thu, key_label=nguon.nhan_khoa)
        try:
            cert = signer.signing_cert  # fetched now, so that a wrong label fails here
        except (PKCS11Error, RuntimeError) as error:
            raise SigningFailed(
                what, f"the token {nguon.token!r} holds no certificate {nguon.nhan_chung_thu!r}"
            ) from error
        if cert.public_key.algorithm == "ec":
            # Hash here, sign the digest on the token with plain CKM_ECDSA: every token has
            # it, not all have CKM_ECDSA_SHA256 (SoftHSM2 does not).
            signer = PKCS11Signer(
                session, signing_cert=cert, key_label=nguon.nhan_khoa, use_raw_mechanism=True
            )
        yield signer
    finally:
        session.close()


def chung_thu_tin_cay(cau_hinh: CauHinhKy) -> list[x509.Certificate]:
    """The trust roots the configuration names.

    Raises:
        InvalidSetting: a file cannot be read or holds no certificate.
    """
    roots: list[x509.Certificate] = []
    for path in cau_hinh.tin_cay:
        roots += _doc_chung_thu(path, cau_hinh.nguon)
    return roots


def _doc_chung_thu(path: Path, nguon: str) -> list[x509.Certificate]:
    try:
        data = path.read_bytes()
        blobs = (
            [der for _, _, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
        )
        found = [x509.Certificate.load(der) for der in blobs]
        for cert in found:
            cert.native  # noqa: B018 - parsed now, so that a bad file fails here
    except (OSError, ValueError, TypeError) as error:
        raise InvalidSetting(f"tin_cay in {nguon}", f"{path}: {error}") from None
    if not found:
        raise InvalidSetting(f"tin_cay in {nguon}", f"{path} holds no certificate")
    return found


def ngu_canh_tin_cay(cau_hinh: CauHinhKy) -> ValidationContext:
    """A validation context trusting the configured roots only (not the system's), fetching
    nothing from the network: revocation is not checked (no OCSP/CRL service is reachable
    offline; PAdES B-LT is left for later)."""
    return ValidationContext(
        trust_roots=chung_thu_tin_cay(cau_hinh), allow_fetching=False, revocation_mode="soft-fail"
    )
