"""Signing in (đăng nhập): passwords, browser sessions with their CSRF token, API tokens.

Passwords are hashed with argon2id (``argon2-cffi``, the maintained binding of the reference
implementation). After ``LAN_SAI_MIEN_PHI`` failures in a row a user must wait before the next
attempt is even checked: 1 s, then 2, 4 … up to ``CHO_TOI_DA`` — a guesser gets a handful of
tries an hour, a clerk who mistypes twice notices nothing. A session lasts ``PHIEN_TOI_DA``;
signing in always creates a new one (the old cookie value is never reused).
"""

from __future__ import annotations

import datetime as dt
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..errors import NotFound, Refused, Throttled
from ..reading import tham_so
from ..schemas.gio import gio_viet_nam
from ..schemas.gioi_han import MAT_KHAU_TOI_DA, MAT_KHAU_TOI_THIEU, TEN_MA_TRUY_CAP_TOI_DA
from ..storage import Store
from ..storage import login as login_store
from ..storage.danh_ba import nguoi_dung
from ..storage.login import SignedIn as SignedIn
from ..storage.van_ban import dong_nhat_ky, ghi_dong_nhat_ky
from ..workflow import VaiTro
from .clock import Clock, bay_gio

#: Failed sign-ins in a row that cost nothing; each one after doubles the wait.
LAN_SAI_MIEN_PHI = 5
#: The longest wait between attempts after many failures.
CHO_TOI_DA = dt.timedelta(minutes=15)
#: How long a browser session lasts (a working day and then some).
PHIEN_TOI_DA = dt.timedelta(hours=12)

_hasher = PasswordHasher()
# Verified against when the user does not exist, so that a wrong name costs what a wrong
# password costs and the timing does not tell which names exist.
_HASH_GIA = _hasher.hash(secrets.token_urlsafe(16))


def mat_khau_hop_le(mat_khau: str) -> str:
    """The password if it is long enough and not too long.

    Raises:
        Refused: shorter than MAT_KHAU_TOI_THIEU or longer than MAT_KHAU_TOI_DA characters.
    """
    if len(mat_khau) < MAT_KHAU_TOI_THIEU:
        raise Refused("mật khẩu", f"ít nhất {MAT_KHAU_TOI_THIEU} ký tự")
    if len(mat_khau) > MAT_KHAU_TOI_DA:
        raise Refused("mật khẩu", f"tối đa {MAT_KHAU_TOI_DA} ký tự")
    return mat_khau


def cho_con_lai(so_lan_sai: int, sai_luc: dt.datetime | None, now: dt.datetime) -> int:
    """Whole seconds still to wait before the next attempt is checked (0: none)."""
    if so_lan_sai < LAN_SAI_MIEN_PHI or sai_luc is None:
        return 0
    wait = min(dt.timedelta(seconds=2 ** (so_lan_sai - LAN_SAI_MIEN_PHI)), CHO_TOI_DA)
    left = (sai_luc + wait - now).total_seconds()
    return max(0, int(left + 0.999))


class DangNhap:
    """The sign-in use cases on one store and clock."""

    def __init__(self, store: Store, clock: Clock = bay_gio) -> None:
        self.store = store
        self.clock = clock

    def dat_mat_khau(self, nguoi: str | None, ten: str, mat_khau: str) -> None:
        """Set ``ten``'s password, as ``nguoi``: a văn thư for anyone, a user for themselves
        (None: as part of creating the store's first user). The user's sessions end.

        Raises:
            Refused: a password too short or too long; an actor who may not.
            NotFound: no such user.
        """
        mat_khau = mat_khau_hop_le(mat_khau)
        password_hash = _hasher.hash(mat_khau)
        now = self.clock()
        with self.store.transaction() as s:
            user = login_store.user_for_sign_in(s, ten)
            if user is None:
                raise NotFound("user", ten)
            if nguoi is not None and nguoi != ten:
                actor = nguoi_dung(s, nguoi)
                if VaiTro(actor.vai_tro) is not VaiTro.van_thu:
                    raise Refused(
                        f"người dùng '{nguoi}'", "chỉ văn thư mới được đặt mật khẩu cho người khác"
                    )
            login_store.set_password_hash(s, user, password_hash)
            ghi_dong_nhat_ky(
                s, dong_nhat_ky(None, f"nguoi_dung:{ten}", "dat_mat_khau", nguoi or ten, now)
            )

    def dang_nhap(self, ten: str, mat_khau: str) -> tuple[str, SignedIn]:
        """Sign in: a new session's cookie value and who it is.

        Raises:
            Refused: an unknown user, a user without a password, or a wrong password (one
                message for all three).
            Throttled: too many failures in a row; the password was not checked.
        """
        wrong = Refused("đăng nhập", "sai tên người dùng hoặc mật khẩu")
        now = self.clock()
        if not ten or len(mat_khau) > MAT_KHAU_TOI_DA or len(ten) > 64:
            raise wrong
        with self.store.transaction() as s:
            user = login_store.user_for_sign_in(s, ten)
            if user is None or not user.password_hash:
                _verify(_HASH_GIA, mat_khau)
                raise wrong
            wait = cho_con_lai(user.failed_sign_ins or 0, gio_viet_nam(user.last_failed_at), now)
            if wait:
                raise Throttled("sign-in", wait)
            ok = _verify(user.password_hash, mat_khau)
            if ok:
                login_store.record_success(user)
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(mat_khau)
                token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
                login_store.end_expired_sessions(s, now)
                login_store.add_session(s, token, ten, csrf, now, now + PHIEN_TOI_DA)
                signed_in = SignedIn(
                    user.ten, user.ho_ten, VaiTro(user.vai_tro), user.ma_co_quan, csrf
                )
            else:
                login_store.record_failure(user, now)
        # The failure is committed before it is reported: the count survives the refusal.
        if not ok:
            raise wrong
        return token, signed_in

    def nguoi_cua_phien(self, token: str) -> SignedIn | None:
        """Who a session cookie belongs to, or None (unknown, expired, signed out)."""
        if not token or len(token) > 200:
            return None
        with self.store.doc() as s:  # on every request: no write lock taken
            return login_store.session_user(s, token, self.clock())

    def dang_xuat(self, token: str) -> None:
        """Sign out: the session ends at once."""
        if token and len(token) <= 200:
            with self.store.transaction() as s:
                login_store.end_session(s, token)

    def tao_ma_truy_cap(self, nguoi: str, ten_ma: str) -> str:
        """A new API token for ``nguoi`` (shown once, stored only as its hash).

        Raises:
            Refused: an empty or over-long name.
            NotFound: no such user.
        """
        ten_ma = tham_so.dong(ten_ma, "--name")
        if len(ten_ma) > TEN_MA_TRUY_CAP_TOI_DA:
            raise Refused("--name", f"{len(ten_ma)} ký tự; tối đa {TEN_MA_TRUY_CAP_TOI_DA}")
        token = "vt_" + secrets.token_urlsafe(32)
        now = self.clock()
        with self.store.transaction() as s:
            nguoi_dung(s, nguoi)
            login_store.add_api_token(s, token, nguoi, ten_ma, now)
            line = dong_nhat_ky(
                None, f"nguoi_dung:{nguoi}", "tao_ma_truy_cap", nguoi, now, ten=ten_ma
            )
            ghi_dong_nhat_ky(s, line)
        return token

    def thu_hoi_ma_truy_cap(self, nguoi: str, ten_ma: str, cua: str | None = None) -> int:
        """Revoke the live tokens named ``ten_ma`` of ``cua`` (default: ``nguoi`` themselves;
        another user's only by a văn thư); how many. They stop working at once.

        Raises:
            Refused: an actor who may not, or no live token of that name.
            NotFound: no such user.
        """
        ten_ma = tham_so.dong(ten_ma, "--name")
        cua = cua or nguoi
        now = self.clock()
        with self.store.transaction() as s:
            actor = nguoi_dung(s, nguoi)
            nguoi_dung(s, cua)
            if cua != nguoi and VaiTro(actor.vai_tro) is not VaiTro.van_thu:
                raise Refused(
                    f"người dùng '{nguoi}'",
                    "chỉ văn thư mới được thu hồi mã truy cập của người khác",
                )
            count = login_store.revoke_api_tokens(s, cua, ten_ma, now)
            if not count:
                raise Refused("--name", f"'{cua}' không có mã truy cập còn hiệu lực tên '{ten_ma}'")
            line = dong_nhat_ky(
                None, f"nguoi_dung:{cua}", "thu_hoi_ma_truy_cap", nguoi, now, ten=ten_ma
            )
            ghi_dong_nhat_ky(s, line)
        return count

    def nguoi_cua_ma_truy_cap(self, token: str) -> SignedIn | None:
        """Who an API token belongs to, or None (unknown or revoked)."""
        if not token or len(token) > 200:
            return None
        with self.store.doc() as s:
            return login_store.api_token_user(s, token)


def _verify(password_hash: str, mat_khau: str) -> bool:
    try:
        return _hasher.verify(password_hash, mat_khau)
    except (VerificationError, InvalidHashError):
        return False
