"""The e-mail channel alone: its settings, an encrypted and logged-in connection, Message-IDs.

Against a real SMTP server (aiosmtpd) on 127.0.0.1; no store. Warnings are errors here as
everywhere; aiosmtpd 1.4.6 raises none on Python 3.11, so no filter is set. The
"Session.login_data is deprecated" line a login test may show is a log record aiosmtpd's own
AUTH code writes on every successful login, not a warning from our use of it.
"""

from __future__ import annotations

import ssl
import subprocess
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.delivery.may_chu_thu import NGUOI_GUI, HopThu, chay
from vanthu.delivery.thu import BaoMat, PhienThu, cau_hinh_thu, ma_thu
from vanthu.errors import Refused

SYT = "syt@ninhthuan.gov.vn"


def test_the_settings_come_from_the_environment() -> None:
    assert cau_hinh_thu({}) is None
    settings = cau_hinh_thu(
        {
            "VANTHU_SMTP_HOST": "smtp.ninhthuan.gov.vn",
            "VANTHU_SMTP_FROM": "vanthu@ubnd.ninhthuan.gov.vn",
            "VANTHU_SMTP_USER": "vanthu",
            "VANTHU_SMTP_PASSWORD": "mat-khau",
        }
    )
    assert settings is not None
    assert (settings.cong_dung, settings.bao_mat) == (587, BaoMat.starttls)
    assert settings.mien_ma_thu == "ubnd.ninhthuan.gov.vn"
    assert (settings.ten_dang_nhap, settings.mat_khau) == ("vanthu", "mat-khau")
    ssl_only = cau_hinh_thu(
        {"VANTHU_SMTP_HOST": "h", "VANTHU_SMTP_FROM": "a@b.vn", "VANTHU_SMTP_TLS": "SSL"}
    )
    assert ssl_only is not None and ssl_only.cong_dung == 465


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"VANTHU_SMTP_FROM": ""}, "VANTHU_SMTP_FROM: required"),
        ({"VANTHU_SMTP_FROM": "van thu"}, "'van thu' is not an e-mail address"),
        ({"VANTHU_SMTP_PORT": "25x"}, "VANTHU_SMTP_PORT: '25x' is not a port number"),
        ({"VANTHU_SMTP_TLS": "tls"}, "'tls': use starttls, ssl or none"),
        ({"VANTHU_SMTP_USER": "vanthu"}, "set both VANTHU_SMTP_USER and VANTHU_SMTP_PASSWORD"),
    ],
)
def test_unusable_settings_are_refused_by_name(extra: dict[str, str], message: str) -> None:
    env = {"VANTHU_SMTP_HOST": "127.0.0.1", "VANTHU_SMTP_FROM": "vanthu@ninhthuan.gov.vn"}
    with pytest.raises(Refused, match=message):
        cau_hinh_thu(env | extra)


@pytest.fixture(scope="session")
def chung_chi(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throw-away self-signed certificate for 127.0.0.1: (certificate, key)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _dang_nhap(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"vt", b"mat-khau")
    return AuthResult(success=ok, handled=False)  # not handled: the server answers 535


@pytest.mark.parametrize("bao_mat", [BaoMat.starttls, BaoMat.ssl])
def test_the_connection_is_encrypted_and_logged_in_before_a_mail_is_sent(
    bao_mat: BaoMat, chung_chi: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cert, key = chung_chi
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    # The client verifies the server as in production: against the default trust store,
    # which OpenSSL reads from SSL_CERT_FILE when it is set.
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    if bao_mat is BaoMat.starttls:
        smtp: dict[str, Any] = {"tls_context": server_tls, "require_starttls": True}
    else:
        # aiosmtpd only counts STARTTLS as TLS when it decides whether to offer AUTH.
        smtp = {"ssl_context": server_tls, "auth_require_tls": False}
    with chay(HopThu(), authenticator=_dang_nhap, **smtp) as running:
        settings = running.cau_hinh(bao_mat=bao_mat, ten_dang_nhap="vt", mat_khau="mat-khau")
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = NGUOI_GUI, SYT, "Thử kênh thư"
        message.set_content("Xin chào")
        with PhienThu(settings) as session:
            assert session.gui(message) is None
        wrong = running.cau_hinh(bao_mat=bao_mat, ten_dang_nhap="vt", mat_khau="sai")
        with PhienThu(wrong) as session:
            refused = session.gui(message)
        assert refused is not None and refused.endswith(
            "535 5.7.8 Authentication credentials invalid"
        )
        assert [(t.tls, t.dang_nhap) for t in running.hop.thu] == [(True, True)]


def test_the_message_id_is_stable_and_tells_two_stores_apart() -> None:
    one = ma_thu("VB1-SYT", "a" * 24, "ninhthuan.gov.vn")
    assert one == ma_thu("VB1-SYT", "a" * 24, "ninhthuan.gov.vn")
    assert one != ma_thu("VB1-SYT", "b" * 24, "ninhthuan.gov.vn")
    assert one.startswith("<VB1-SYT.") and one.endswith("@ninhthuan.gov.vn>")
