"""The e-mail channel (kênh thư): one body's copy of a directive sent over SMTP.

Distribution writes each body's folder first; this module then mails the same bytes — the issued
PDF and DOCX and the body's transmittal slip — to the body's address in the directory, with the
standard library only (``smtplib``, ``email``). It is configured from the environment:

=========================  ======================================================================
``VANTHU_SMTP_HOST``       the SMTP server; unset means the channel is off
``VANTHU_SMTP_PORT``       default 587 (``starttls``), 465 (``ssl``), 25 (``none``)
``VANTHU_SMTP_TLS``        ``starttls`` (default), ``ssl`` (implicit TLS) or ``none``
``VANTHU_SMTP_USER``       login name, with ``VANTHU_SMTP_PASSWORD``; no login when unset
``VANTHU_SMTP_FROM``       the sender, ``vanthu@ubnd.ninhthuan.gov.vn`` or ``Tên <địa chỉ>``
``VANTHU_SMTP_DOMAIN``     the right-hand side of Message-IDs; default: the sender's domain
=========================  ======================================================================

Delivery is at least once, not exactly once. Distribution records a mail in the store after the
server has accepted it, so a crash (or a lost connection to the database) between the server's
"250" and that commit leaves the body pending for e-mail, and the next run mails it again. The
resent message carries the same ``Message-ID`` — built from the body's tracking code and a hash
of its acknowledgement token, so identical across runs and distinct across stores — so the
receiving office, or its mail system, can recognise the copy. A server that drops the connection
after the data but before its reply gives the same outcome, and so do two distributions of one
directive run at the same moment (each may mail a body before either records it). Nothing here
can tell a lost reply from a lost message; SMTP offers no way to ask.

With ``starttls`` and ``ssl`` the server's certificate is checked against the system's trust
store (``ssl.create_default_context``); there is no switch to skip the check.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import hashlib
import mimetypes
import os
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from ..errors import Refused


class BaoMat(StrEnum):
    """How the connection to the SMTP server is protected."""

    starttls = "starttls"
    """Plain connection upgraded with STARTTLS before anything else is said (port 587)."""
    ssl = "ssl"
    """TLS from the first byte (port 465)."""
    none = "none"
    """No encryption: only for a relay on the same machine or a test server."""


_CONG_MAC_DINH = {BaoMat.starttls: 587, BaoMat.ssl: 465, BaoMat.none: 25}

KENH_THU = "thu"  # the e-mail channel (thư): the same files, mailed to the body's address


@dataclass(frozen=True)
class CauHinhThu:
    """Where and as whom the e-mail channel sends."""

    may_chu: str
    nguoi_gui: str
    cong: int | None = None
    bao_mat: BaoMat = BaoMat.starttls
    ten_dang_nhap: str | None = None
    mat_khau: str | None = None
    ten_mien: str | None = None
    cho_toi_da: float = 30.0
    """Seconds to wait for the server on any one exchange."""

    @property
    def cong_dung(self) -> int:
        """The port in use: the configured one, or the usual one for the protection."""
        return self.cong or _CONG_MAC_DINH[self.bao_mat]

    @property
    def mien_ma_thu(self) -> str:
        """The domain of Message-IDs: the configured one, else the sender's."""
        return self.ten_mien or dia_chi("", self.nguoi_gui).domain


def cau_hinh_thu(env: Mapping[str, str] | None = None) -> CauHinhThu | None:
    """The e-mail channel's settings from ``VANTHU_SMTP_*``; None when no host is set.

    Raises:
        Refused: a variable is set to something unusable (port, protection, sender, login).
    """
    env = os.environ if env is None else env
    host = env.get("VANTHU_SMTP_HOST", "").strip()
    if not host:
        return None

    def refuse(name: str, reason: str) -> Refused:
        return Refused(f"configuration {name}", reason)

    sender = env.get("VANTHU_SMTP_FROM", "").strip()
    if not sender:
        raise refuse("VANTHU_SMTP_FROM", "required when VANTHU_SMTP_HOST is set")
    try:
        dia_chi("", sender)
    except ValueError as error:
        raise refuse("VANTHU_SMTP_FROM", str(error)) from None
    port_text = env.get("VANTHU_SMTP_PORT", "").strip()
    if port_text and not (port_text.isdigit() and 0 < int(port_text) < 65536):
        raise refuse("VANTHU_SMTP_PORT", f"'{port_text}' is not a port number")
    tls_text = env.get("VANTHU_SMTP_TLS", "").strip().lower() or BaoMat.starttls.value
    if tls_text not in {m.value for m in BaoMat}:
        raise refuse("VANTHU_SMTP_TLS", f"'{tls_text}': use starttls, ssl or none")
    user = env.get("VANTHU_SMTP_USER") or None
    password = env.get("VANTHU_SMTP_PASSWORD") or None
    if (user is None) != (password is None):
        raise refuse("VANTHU_SMTP_USER", "set both VANTHU_SMTP_USER and VANTHU_SMTP_PASSWORD")
    return CauHinhThu(
        may_chu=host,
        nguoi_gui=sender,
        cong=int(port_text) if port_text else None,
        bao_mat=BaoMat(tls_text),
        ten_dang_nhap=user,
        mat_khau=password,
        ten_mien=env.get("VANTHU_SMTP_DOMAIN", "").strip() or None,
    )


def dia_chi(ten: str, dia_chi_thu: str) -> Address:
    """An address for a header, from a name and ``x@y`` (or a whole ``Tên <x@y>``).

    Raises:
        ValueError: not a usable mailbox, with the reason.
    """
    name, addr = email.utils.parseaddr(dia_chi_thu)
    if not addr or "@" not in addr:
        raise ValueError(f"'{dia_chi_thu}' is not an e-mail address")
    try:
        return Address(display_name=name or ten, addr_spec=addr)
    except (ValueError, IndexError, HeaderParseError) as error:
        raise ValueError(f"'{dia_chi_thu}' is not an e-mail address ({error})") from None


def ma_thu(ma_theo_doi: str, ma_xac_nhan: str, ten_mien: str) -> str:
    """The Message-ID of one body's mail: the same on every run, never the same for another.

    The tracking code (``VB1-SYT``) names the body to a reader; it restarts with a new store, so
    a short hash of the acknowledgement token — random per recipient, never shown here — keeps
    a later directive's mail from looking like a copy of an earlier one. The token itself stays
    out of the header: headers are logged everywhere.
    """
    dau = hashlib.sha256(ma_xac_nhan.encode()).hexdigest()[:10]
    return f"<{ma_theo_doi}.{dau}@{ten_mien}>"


@dataclass(frozen=True)
class NoiDungThu:
    """What one body's mail says and carries."""

    dia_chi: str
    co_quan_nhan: str
    co_quan_gui: str
    tieu_de: str
    """The Subject: 'Công điện số 01/CĐ-UBND ngày 13/09/2021: Về việc …'."""
    van_ban: str
    """The document line of the text: 'Công điện số 01/CĐ-UBND ngày 13/09/2021 về việc …'."""
    ma_theo_doi: str
    ma_xac_nhan: str
    lien_ket: str
    """The recipient's page (``<base url>/nhan/<tracking>/<code>``), as the slip's QR code."""
    dinh_kem: tuple[Path, ...]
    """The files attached, in order: issued PDF, issued DOCX, slip."""
    luc: dt.datetime


def _loi_van(nd: NoiDungThu) -> str:
    """The plain-text body: who sends what, the tracking code, how to acknowledge."""
    files = "\n".join(f"  - {p.name}" for p in nd.dinh_kem)
    return (
        f"Kính gửi: {nd.co_quan_nhan}\n"
        "\n"
        f"{nd.co_quan_gui} gửi Quý cơ quan {nd.van_ban}.\n"
        "\n"
        "Tệp đính kèm (văn bản phát hành và phiếu gửi):\n"
        f"{files}\n"
        "\n"
        f"Mã theo dõi: {nd.ma_theo_doi}\n"
        f"Mã xác nhận: {nd.ma_xac_nhan}\n"
        "\n"
        "Đề nghị Quý cơ quan xác nhận đã nhận văn bản và gửi báo cáo tại trang của Quý cơ quan "
        "(không cần tài khoản; liên kết dành riêng cho Quý cơ quan, xin không chuyển tiếp):\n"
        f"{nd.lien_ket}\n"
        "\n"
        "Trang này cũng mở được bằng cách quét mã QR trên phiếu gửi, hoặc xác nhận bằng mã "
        f"xác nhận trên (lệnh: vanthu ack --token {nd.ma_xac_nhan}); "
        "khi trả lời thư này, xin ghi rõ mã theo dõi.\n"
        "\n"
        f"Văn thư — {nd.co_quan_gui}\n"
    )


def soan_thu(nd: NoiDungThu, cau_hinh: CauHinhThu) -> EmailMessage:
    """The message for one body, attachments read from its folder as they are.

    Raises:
        ValueError: the body's address is not a usable mailbox.
        OSError: an attachment cannot be read.
    """
    msg = EmailMessage()
    msg["From"] = dia_chi(nd.co_quan_gui, cau_hinh.nguoi_gui)
    msg["To"] = dia_chi(nd.co_quan_nhan, nd.dia_chi)
    msg["Subject"] = " ".join(nd.tieu_de.split())  # a header holds one line
    msg["Date"] = email.utils.format_datetime(nd.luc)
    msg["Message-ID"] = ma_thu(nd.ma_theo_doi, nd.ma_xac_nhan, cau_hinh.mien_ma_thu)
    msg.set_content(_loi_van(nd))
    for path in nd.dinh_kem:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        main, sub = kind.split("/", 1)
        msg.add_attachment(path.read_bytes(), maintype=main, subtype=sub, filename=path.name)
    return msg


def mo_ta_loi(error: BaseException) -> str:
    """One line saying what the server (or the network) answered."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{code} {text.decode(errors='replace')}" for code, text in error.recipients.values()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        said = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
        return f"{error.smtp_code} {said}"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


class PhienThu:
    """One SMTP connection for a distribution run: opened on first use, reopened after a drop.

    A server that cannot be reached, or refuses the login, is tried once: the later mails of the
    run are reported with the same reason instead of waiting for the same timeout again.
    """

    def __init__(self, cau_hinh: CauHinhThu) -> None:
        self.cau_hinh = cau_hinh
        self._smtp: smtplib.SMTP | None = None
        self._loi_mo: str | None = None

    def __enter__(self) -> PhienThu:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def gui(self, thu: EmailMessage) -> str | None:
        """Send one message; None when the server accepted it, else what went wrong."""
        if self._loi_mo is not None:
            return f"not attempted: {self._loi_mo}"
        if self._smtp is None:
            try:
                self._smtp = self._mo()
            except (OSError, smtplib.SMTPException) as error:
                c = self.cau_hinh
                self._loi_mo = f"SMTP server {c.may_chu}:{c.cong_dung}: {mo_ta_loi(error)}"
                return self._loi_mo
        try:
            self._smtp.send_message(thu)
        except (
            smtplib.SMTPRecipientsRefused,
            smtplib.SMTPSenderRefused,
            smtplib.SMTPDataError,
        ) as e:
            return mo_ta_loi(e)  # smtplib has reset the transaction; the connection is usable
        except (OSError, smtplib.SMTPException) as error:
            self.close()  # dropped or confused: the next mail starts a fresh connection
            return mo_ta_loi(error)
        return None

    def close(self) -> None:
        """Say goodbye to the server, if connected."""
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                smtp.quit()
            smtp.close()

    def _mo(self) -> smtplib.SMTP:
        c = self.cau_hinh
        smtp: smtplib.SMTP
        if c.bao_mat is BaoMat.ssl:
            context = ssl.create_default_context()
            smtp = smtplib.SMTP_SSL(c.may_chu, c.cong_dung, timeout=c.cho_toi_da, context=context)
        else:
            smtp = smtplib.SMTP(c.may_chu, c.cong_dung, timeout=c.cho_toi_da)
        try:
            smtp.ehlo()
            if c.bao_mat is BaoMat.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if c.ten_dang_nhap is not None:
                smtp.login(c.ten_dang_nhap, c.mat_khau or "")
        except BaseException:
            smtp.close()
            raise
        return smtp


@dataclass(frozen=True)
class ThuThuHoi:
    """The recall notice (thông báo thu hồi) for one body that was mailed the directive."""

    ma_co_quan: str
    dia_chi: str
    co_quan_nhan: str
    co_quan_gui: str
    van_ban: str
    """'Công điện số 01/CĐ-UBND ngày 13/09/2021'."""
    ma_theo_doi: str
    ma_xac_nhan: str
    thong_bao: str
    """The notice text, as written into the body's folder."""
    luc: dt.datetime


def soan_thu_thu_hoi(nd: ThuThuHoi, cau_hinh: CauHinhThu) -> EmailMessage:
    """The recall mail: a reply to the distribution mail (same thread), with the notice.

    Raises:
        ValueError: the body's address is not a usable mailbox.
    """
    original = ma_thu(nd.ma_theo_doi, nd.ma_xac_nhan, cau_hinh.mien_ma_thu)
    msg = EmailMessage()
    msg["From"] = dia_chi(nd.co_quan_gui, cau_hinh.nguoi_gui)
    msg["To"] = dia_chi(nd.co_quan_nhan, nd.dia_chi)
    msg["Subject"] = f"THU HỒI: {nd.van_ban}"
    msg["Date"] = email.utils.format_datetime(nd.luc)
    msg["Message-ID"] = original.replace(f"{nd.ma_theo_doi}.", f"{nd.ma_theo_doi}.thu-hoi.", 1)
    msg["In-Reply-To"] = original
    msg["References"] = original
    msg.set_content(f"Kính gửi: {nd.co_quan_nhan}\n\n{nd.thong_bao}\nVăn thư — {nd.co_quan_gui}\n")
    return msg
