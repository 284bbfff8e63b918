"""Sign-in records: password hashes, failed attempts, browser sessions and API tokens.

Secrets are never stored: a session cookie and an API token are kept by their SHA-256, a
password by the argon2 hash the use case computed. Every function runs in the caller's
transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..schemas.gio import gio_viet_nam, utc
from ..workflow import VaiTro
from .bang import ApiToken, LoginSession, NguoiDung


def sha256(secret: str) -> str:
    """The hex SHA-256 a secret is stored and looked up by."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class SignedIn:
    """Who a session or a token belongs to, as the interfaces need it."""

    ten: str
    ho_ten: str
    vai_tro: VaiTro
    ma_co_quan: str | None
    csrf: str  # "" for an API token: bearer calls need no CSRF token


def user_for_sign_in(s: Session, ten: str) -> NguoiDung | None:
    """The user, row locked, for checking a password and counting a failure."""
    return s.get(NguoiDung, ten, with_for_update=True)


def set_password_hash(s: Session, user: NguoiDung, password_hash: str) -> None:
    """Store a new password hash and forget earlier failures; the user's sessions end."""
    user.password_hash = password_hash
    user.failed_sign_ins = 0
    user.last_failed_at = None
    s.execute(delete(LoginSession).where(LoginSession.ten == user.ten))


def record_failure(user: NguoiDung, at: dt.datetime) -> None:
    """Count one more failed sign-in in a row."""
    user.failed_sign_ins = (user.failed_sign_ins or 0) + 1
    user.last_failed_at = utc(at)


def record_success(user: NguoiDung) -> None:
    """A correct password: the count of failures starts again."""
    user.failed_sign_ins = 0
    user.last_failed_at = None


def add_session(
    s: Session, token: str, ten: str, csrf: str, at: dt.datetime, expires_at: dt.datetime
) -> None:
    """Record a new browser session (by the SHA-256 of its cookie value)."""
    s.add(
        LoginSession(
            token_sha256=sha256(token),
            ten=ten,
            csrf=csrf,
            created_at=utc(at),
            expires_at=utc(expires_at),
        )
    )


def _signed_in(user: NguoiDung, csrf: str) -> SignedIn:
    return SignedIn(user.ten, user.ho_ten, VaiTro(user.vai_tro), user.ma_co_quan, csrf)


def session_user(s: Session, token: str, at: dt.datetime) -> SignedIn | None:
    """The user of a live session, or None (unknown, expired, or the user has no password)."""
    row = s.execute(
        select(LoginSession, NguoiDung)
        .join(NguoiDung, NguoiDung.ten == LoginSession.ten)
        .where(LoginSession.token_sha256 == sha256(token))
    ).first()
    if row is None:
        return None
    session, user = row
    expires_at = gio_viet_nam(session.expires_at)
    if expires_at is None or expires_at <= at or not user.password_hash:
        return None
    return _signed_in(user, session.csrf)


def end_session(s: Session, token: str) -> None:
    """Forget a session (sign-out); nothing if it is unknown."""
    s.execute(delete(LoginSession).where(LoginSession.token_sha256 == sha256(token)))


def end_expired_sessions(s: Session, at: dt.datetime) -> None:
    """Forget every session that has expired."""
    s.execute(delete(LoginSession).where(LoginSession.expires_at <= utc(at)))


def add_api_token(s: Session, token: str, ten: str, label: str, at: dt.datetime) -> None:
    """Record a new API token (by the SHA-256 of its value)."""
    s.add(ApiToken(token_sha256=sha256(token), ten=ten, label=label, created_at=utc(at)))


def revoke_api_tokens(s: Session, ten: str, label: str, at: dt.datetime) -> int:
    """Revoke the user's live tokens of that name; how many."""
    result = s.execute(
        update(ApiToken)
        .where(ApiToken.ten == ten, ApiToken.label == label, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utc(at))
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def api_token_user(s: Session, token: str) -> SignedIn | None:
    """The user of a live API token, or None (unknown or revoked)."""
    row = s.execute(
        select(NguoiDung)
        .join(ApiToken, ApiToken.ten == NguoiDung.ten)
        .where(ApiToken.token_sha256 == sha256(token), ApiToken.revoked_at.is_(None))
    ).scalar_one_or_none()
    return None if row is None else _signed_in(row, "")
