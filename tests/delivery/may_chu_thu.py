"""A real SMTP server (aiosmtpd) on 127.0.0.1 for tests: it keeps what it accepts, parsed again.

The server parses each message's bytes again with the standard library, so a test sees what a
receiving office's mail system would see.
"""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from vanthu.delivery.thu import BaoMat, CauHinhThu

NGUOI_GUI = "Văn thư UBND tỉnh Ninh Thuận <vanthu@ninhthuan.gov.vn>"


@dataclass
class Thu:
    """One message as the server accepted it."""

    rcpt_tos: list[str]
    msg: EmailMessage
    tls: bool
    dang_nhap: bool


@dataclass
class HopThu:
    """An aiosmtpd handler: keeps what it accepts, refuses the addresses in ``tu_choi``."""

    thu: list[Thu] = field(default_factory=list)
    tu_choi: set[str] = field(default_factory=set)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address in self.tu_choi:
            return f"550 5.1.1 <{address}>: Recipient address rejected: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        transport = server.transport
        tls = transport is not None and transport.get_extra_info("ssl_object") is not None
        self.thu.append(Thu(list(envelope.rcpt_tos), msg, tls, bool(session.authenticated)))
        return "250 2.0.0 Message accepted for delivery"

    def den(self, address: str) -> list[Thu]:
        """The messages delivered to one address."""
        return [t for t in self.thu if t.rcpt_tos == [address]]


@dataclass
class MayChu:
    """A running test SMTP server: its handler and the settings that reach it."""

    hop: HopThu
    cong: int

    def cau_hinh(self, **extra: Any) -> CauHinhThu:
        settings: dict[str, Any] = {"bao_mat": BaoMat.none, **extra}
        return CauHinhThu(may_chu="127.0.0.1", nguoi_gui=NGUOI_GUI, cong=self.cong, **settings)


def cong_trong() -> int:
    """A port nothing listens on now (aiosmtpd's readiness check needs a real port, not 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def chay(handler: HopThu, **smtp: Any) -> Iterator[MayChu]:
    """An aiosmtpd server on loopback for the length of the block."""
    port = cong_trong()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **smtp)
    controller.start()
    try:
        yield MayChu(handler, port)
    finally:
        controller.stop()
