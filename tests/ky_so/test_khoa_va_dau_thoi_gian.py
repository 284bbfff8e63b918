"""Keys on a PKCS#11 token (SoftHSM2, for real) and PAdES B-T against a local RFC 3161 server."""

from __future__ import annotations

import datetime as dt
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from tests.ky_so.conftest import LUC_KY, Khoa, vi_tri
from vanthu.ky_so import (
    CauHinhKy,
    KetLuan,
    NguonPkcs11,
    ky_lanh_dao,
    ngu_canh_tin_cay,
    tao_bo_khoa,
    xac_minh,
)
from vanthu.ky_so.cau_hinh import BiMat
from vanthu.ky_so.khoa_demo import ChungThuDemo
from vanthu.rendering.renderer import BanDeKy

SOFTHSM = Path("/usr/lib/softhsm/libsofthsm2.so")


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[NguonPkcs11, Path]]:
    """A SoftHSM2 token holding the organisation's key and certificate."""
    if not SOFTHSM.exists() or shutil.which("softhsm2-util") is None:
        pytest.fail("SoftHSM2 is not installed (Debian package softhsm2, see the Makefile)")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    bo = tao_bo_khoa()
    key = folder / "co-quan.pem"
    key.write_bytes(bo.co_quan.pem_khoa())
    pins = ["--pin", "1234", "--so-pin", "5678"]
    run = {"check": True, "capture_output": True}
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "vanthu", *pins], **run)  # type: ignore[call-overload]
    subprocess.run(  # type: ignore[call-overload]
        ["softhsm2-util", "--import", str(key), "--token", "vanthu", "--label", "co-quan",
         "--id", "01", "--pin", "1234"],
        **run,
    )  # fmt: skip
    _dat_chung_thu(bo.co_quan)
    (folder / "pin.txt").write_text("1234\n")
    roots = folder / "ca.pem"
    roots.write_bytes(bo.ca.chung_thu.public_bytes(serialization.Encoding.PEM))
    yield (
        NguonPkcs11(
            "co_quan", SOFTHSM, "vanthu", "co-quan", "co-quan", BiMat(tep=folder / "pin.txt")
        ),
        roots,
    )
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old


def _dat_chung_thu(ct: ChungThuDemo) -> None:
    """Put the certificate on the token beside its key (what a CA's enrolment tool does)."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    lib = pkcs11.lib(str(SOFTHSM))
    with lib.get_token(token_label="vanthu").open(rw=True, user_pin="1234") as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: "co-quan",
                Attribute.ID: b"\x01",
                Attribute.VALUE: ct.der(),
                Attribute.SUBJECT: ct.chung_thu.subject.public_bytes(),
            }
        )


def test_the_organisation_signs_with_a_key_on_a_pkcs11_token(
    token: tuple[NguonPkcs11, Path], ban_de_ky: BanDeKy, khoa: Khoa
) -> None:
    from vanthu.ky_so import ky_co_quan

    source, roots = token
    config = CauHinhKy(tin_cay=(roots,), khoa={"co_quan": source}, khoa_co_quan="co_quan")
    pdf = ky_co_quan(ban_de_ky.pdf, config, vi_tri(ban_de_ky)[1], None, LUC_KY)
    result = xac_minh(pdf, ngu_canh_tin_cay(config))
    assert result.ket_luan is KetLuan.HOP_LE
    assert result.chu_ky[0].nguoi_ky == "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"


def test_a_wrong_pin_is_a_signing_failure_not_a_traceback(
    token: tuple[NguonPkcs11, Path], ban_de_ky: BanDeKy, tmp_path: Path
) -> None:
    from vanthu.errors import SigningFailed
    from vanthu.ky_so import ky_co_quan

    _, roots = token
    (tmp_path / "pin").write_text("0000")
    wrong = NguonPkcs11(
        "co_quan", SOFTHSM, "vanthu", "co-quan", "co-quan", BiMat(tep=tmp_path / "pin")
    )
    config = CauHinhKy(tin_cay=(roots,), khoa={"co_quan": wrong}, khoa_co_quan="co_quan")
    with pytest.raises(SigningFailed, match="cannot open the token"):
        ky_co_quan(ban_de_ky.pdf, config, vi_tri(ban_de_ky)[1], None, LUC_KY)


class _TSA(http.server.BaseHTTPRequestHandler):
    """An RFC 3161 server over HTTP on loopback, answering with pyHanko's test timestamper."""

    stamper: DummyTimeStamper

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        response = self.stamper.request_tsa_response(tsp.TimeStampReq.load(body))
        data = response.dump()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def tsa_url(khoa: Khoa) -> Iterator[str]:
    """A timestamping authority on loopback, its certificate (RSA: pyHanko's test timestamper
    signs with RSA only; timeStamping usage) issued by a CA of its own, written beside the
    keys as ``tsa-ca.pem``."""
    bo = tao_bo_khoa()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "vanthu test TSA")]))
        .issuer_name(bo.ca.chung_thu.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(bo.ca.khoa, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"tsa", key, cert, [bo.ca.chung_thu], serialization.NoEncryption()
    )
    tsa = SimpleSigner.load_pkcs12_data(p12, ())
    _TSA.stamper = DummyTimeStamper(
        tsa_cert=tsa.signing_cert,
        tsa_key=tsa.signing_key,
        certs_to_embed=list(tsa.cert_registry),
    )
    (khoa.thu_muc / "tsa-ca.pem").write_bytes(
        bo.ca.chung_thu.public_bytes(serialization.Encoding.PEM)
    )
    server = http.server.HTTPServer(("127.0.0.1", 0), _TSA)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_with_a_timestamp_server_configured_the_signature_carries_a_timestamp(
    tsa_url: str, khoa: Khoa, ban_de_ky: BanDeKy
) -> None:
    from dataclasses import replace

    config = replace(
        khoa.cau_hinh,
        dau_thoi_gian=tsa_url,
        tin_cay=(*khoa.cau_hinh.tin_cay, khoa.thu_muc / "tsa-ca.pem"),
    )
    pdf = ky_lanh_dao(ban_de_ky.pdf, config, "lanh_dao", vi_tri(ban_de_ky)[0], None, LUC_KY)
    result = xac_minh(pdf, ngu_canh_tin_cay(config))
    assert result.ket_luan is KetLuan.HOP_LE
    assert result.chu_ky[0].dau_thoi_gian is not None
    # Without a server: B-B, no timestamp.
    plain = ky_lanh_dao(
        ban_de_ky.pdf, khoa.cau_hinh, "lanh_dao", vi_tri(ban_de_ky)[0], None, LUC_KY
    )
    assert xac_minh(plain, ngu_canh_tin_cay(config)).chu_ky[0].dau_thoi_gian is None
