"""The tables (bảng) of the store, as SQLAlchemy mapped classes; Alembic migrations follow them.

Every text column with a length is a :class:`BoundedString`: a value longer than the column is
refused before it reaches the database, with the same message on SQLite (which would store it)
and PostgreSQL (which would raise). The services hold values to ``schemas.gioi_han`` first, and
``tests/storage/test_gioi_han_cot.py`` proves each of those limits fits its column; this is the
last line, so that the two databases can never disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..errors import Refused


class BoundedString(TypeDecorator[str]):
    """A VARCHAR(n) whose length is enforced by vanthu on every database, not only PostgreSQL."""

    impl = String
    cache_ok = True
    #: "table.column", set once the tables are declared (see the end of this module).
    column_name = "a text column"

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        """Refuse a value longer than the column before the statement is sent.

        Raises:
            Refused: naming the column, the length and the limit.
        """
        length = cast(String, self.impl_instance).length
        if value is not None and length is not None and len(value) > length:
            raise Refused(
                self.column_name, f"{len(value)} ký tự; kho dữ liệu chỉ lưu tối đa {length}"
            )
        return value


class Bang(DeclarativeBase):
    """Base of every table."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class NguoiDung(Bang):
    """A user and the role that guards what they may do (chuyên viên, lãnh đạo, văn thư …)."""

    __tablename__ = "nguoi_dung"

    ten: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    ho_ten: Mapped[str] = mapped_column(BoundedString(200))
    vai_tro: Mapped[str] = mapped_column(BoundedString(20))
    ma_co_quan: Mapped[str | None] = mapped_column(BoundedString(32))  # a recipient body's user
    # The web desk's sign-in: an argon2 hash (None: no web sign-in), failures in a row, the last.
    password_hash: Mapped[str | None] = mapped_column(Text)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class LoginSession(Bang):
    """A signed-in browser: the SHA-256 of its cookie value, its user, CSRF token and expiry."""

    __tablename__ = "login_session"

    token_sha256: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    ten: Mapped[str] = mapped_column(ForeignKey("nguoi_dung.ten"))
    csrf: Mapped[str] = mapped_column(BoundedString(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ApiToken(Bang):
    """A script's bearer token for the web API, by the SHA-256 of its value."""

    __tablename__ = "api_token"

    token_sha256: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    ten: Mapped[str] = mapped_column(ForeignKey("nguoi_dung.ten"))
    label: Mapped[str] = mapped_column(BoundedString(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class LanPhatHanh(Bang):
    """The last distribution run of a directive (lần phát hành): who started it, its progress
    and how it ended, read by every process (the desk's workers, the CLI). Its times are the
    machine's clock: they judge whether a run still goes, not the directive's dates."""

    __tablename__ = "lan_phat_hanh"

    van_ban_id: Mapped[int] = mapped_column(ForeignKey("van_ban.id"), primary_key=True)
    nguoi: Mapped[str] = mapped_column(BoundedString(64))
    bat_dau: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    cap_nhat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    da_xong: Mapped[int] = mapped_column(Integer, default=0)
    tong: Mapped[int] = mapped_column(Integer, default=0)
    ket_thuc: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    gui_moi: Mapped[int | None] = mapped_column(Integer)
    loi: Mapped[str | None] = mapped_column(Text)


class CoQuan(Bang):
    """A body of the directory (danh bạ) that directives are delivered to."""

    __tablename__ = "co_quan"

    ma: Mapped[str] = mapped_column(BoundedString(32), primary_key=True)
    ten: Mapped[str] = mapped_column(BoundedString(300))
    ten_ngan: Mapped[str] = mapped_column(BoundedString(100))
    email: Mapped[str | None] = mapped_column(BoundedString(200))


class NhomCoQuan(Bang):
    """Membership of a body in a group ("so_ban_nganh", "ubnd_huyen" …)."""

    __tablename__ = "nhom_co_quan"

    nhom: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    ma_co_quan: Mapped[str] = mapped_column(
        ForeignKey("co_quan.ma", ondelete="CASCADE"), primary_key=True
    )


class VanBanRow(Bang):
    """A directive in the store: its content, lifecycle state and, once issued, frozen files."""

    __tablename__ = "van_ban"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    loai: Mapped[str] = mapped_column(BoundedString(32))
    ky_hieu: Mapped[str] = mapped_column(BoundedString(64))
    trich_yeu: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)  # the whole directive file
    trang_thai: Mapped[str] = mapped_column(BoundedString(20), index=True)
    phien_ban: Mapped[int] = mapped_column(Integer, default=1)
    nguoi_soan: Mapped[str] = mapped_column(ForeignKey("nguoi_dung.ten"))
    so: Mapped[int | None] = mapped_column(Integer)
    nam: Mapped[int | None] = mapped_column(Integer)
    ngay: Mapped[dt.date | None] = mapped_column(Date)
    # Unique per register and year (so_dang_ky), not here: a secret register may repeat a symbol.
    so_ky_hieu: Mapped[str | None] = mapped_column(BoundedString(80), index=True)
    docx_sha256: Mapped[str | None] = mapped_column(BoundedString(64))
    pdf_sha256: Mapped[str | None] = mapped_column(BoundedString(64))
    docx_duong_dan: Mapped[str | None] = mapped_column(Text)
    pdf_duong_dan: Mapped[str | None] = mapped_column(Text)
    ly_do: Mapped[str | None] = mapped_column(Text)
    thay_the_boi: Mapped[int | None] = mapped_column(ForeignKey("van_ban.id"))
    # Digital signatures (#10): chua_ky_so (issued unsigned), cho_ky_so (two-step: waiting for
    # the leader's signed PDF), da_ky_so (signed by the leader and the organisation); None
    # before issue. The leader whose key signs or whose signature is awaited; the prepared PDF
    # of two-step signing and its SHA-256; where the two signatures go (page and rectangles).
    ky_so: Mapped[str | None] = mapped_column(BoundedString(16))
    nguoi_ky_so: Mapped[str | None] = mapped_column(BoundedString(64))
    ban_chuan_bi_duong_dan: Mapped[str | None] = mapped_column(Text)
    ban_chuan_bi_sha256: Mapped[str | None] = mapped_column(BoundedString(64))
    vi_tri_ky: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    tao_luc: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    cap_nhat_luc: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DemSo(Bang):
    """The last number taken in one register (sổ) for one year: one row, updated atomically."""

    __tablename__ = "dem_so"

    so_dang_ky: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    nam: Mapped[int] = mapped_column(Integer, primary_key=True)
    so_cuoi: Mapped[int] = mapped_column(Integer, default=0)


class DongSoDangKy(Bang):
    """A line of the outgoing register (sổ đăng ký văn bản đi): a number and what it went to."""

    __tablename__ = "so_dang_ky"
    __table_args__ = (UniqueConstraint("so_dang_ky", "nam", "so"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    so_dang_ky: Mapped[str] = mapped_column(BoundedString(64))
    nam: Mapped[int] = mapped_column(Integer)
    so: Mapped[int] = mapped_column(Integer)
    van_ban_id: Mapped[int | None] = mapped_column(ForeignKey("van_ban.id"))
    ngay: Mapped[dt.date] = mapped_column(Date)
    ghi_chu: Mapped[str] = mapped_column(Text, default="")
    # A number voided (hủy) when two-step signing was cancelled: never reused, never a document.
    huy_luc: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class BanSaoRow(Bang):
    """A copy (bản sao) of an issued directive: its number in the copies' register (shared by
    sao y, sao lục and trích sao), what it copies, who made it and its frozen files."""

    __tablename__ = "ban_sao"
    __table_args__ = (UniqueConstraint("so_dang_ky", "nam", "so"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    so_dang_ky: Mapped[str] = mapped_column(BoundedString(64))
    nam: Mapped[int] = mapped_column(Integer)
    so: Mapped[int] = mapped_column(Integer)
    so_ky_hieu: Mapped[str] = mapped_column(BoundedString(80), index=True)
    hinh_thuc: Mapped[str] = mapped_column(BoundedString(16))
    dien_tu: Mapped[bool] = mapped_column(Boolean, default=False)
    van_ban_id: Mapped[int] = mapped_column(ForeignKey("van_ban.id"), index=True)
    muc: Mapped[list[Any]] = mapped_column(JSON, default=list)  # a trích sao's body items
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)  # the copy block (schemas.BanSao)
    nguoi: Mapped[str] = mapped_column(ForeignKey("nguoi_dung.ten"))
    luc: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    docx_sha256: Mapped[str | None] = mapped_column(BoundedString(64))
    pdf_sha256: Mapped[str] = mapped_column(BoundedString(64))
    docx_duong_dan: Mapped[str | None] = mapped_column(Text)
    pdf_duong_dan: Mapped[str] = mapped_column(Text)


class NoiNhanVanBan(Bang):
    """One recipient body of one issued directive, with its own small lifecycle."""

    __tablename__ = "noi_nhan"
    __table_args__ = (UniqueConstraint("van_ban_id", "ma_co_quan"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    van_ban_id: Mapped[int] = mapped_column(ForeignKey("van_ban.id"), index=True)
    ma_co_quan: Mapped[str] = mapped_column(ForeignKey("co_quan.ma"))
    dong: Mapped[int] = mapped_column(Integer)  # the Nơi nhận line it was expanded from
    trang_thai: Mapped[str] = mapped_column(BoundedString(20))
    ma_theo_doi: Mapped[str] = mapped_column(BoundedString(48), unique=True)
    ma_xac_nhan: Mapped[str] = mapped_column(BoundedString(64), unique=True)
    gui_luc: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    nhan_luc: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    tre: Mapped[bool] = mapped_column(Boolean, default=False)
    bao_cao_luc: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    ly_do: Mapped[str | None] = mapped_column(Text)


class LanGui(Bang):
    """A completed delivery of one recipient's copy over one channel (never repeated)."""

    __tablename__ = "lan_gui"
    __table_args__ = (UniqueConstraint("noi_nhan_id", "kenh"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    noi_nhan_id: Mapped[int] = mapped_column(ForeignKey("noi_nhan.id"))
    kenh: Mapped[str] = mapped_column(BoundedString(16))
    luc: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    dia_chi: Mapped[str] = mapped_column(Text)


class NhiemVuRow(Bang):
    """A task (nhiệm vụ) a directive assigns: paragraph, bodies, deadline, report due."""

    __tablename__ = "nhiem_vu"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    van_ban_id: Mapped[int] = mapped_column(ForeignKey("van_ban.id"), index=True)
    doan: Mapped[int] = mapped_column(Integer)
    mo_ta: Mapped[str] = mapped_column(Text)
    han: Mapped[dt.date] = mapped_column(Date)
    bao_cao: Mapped[bool] = mapped_column(Boolean, default=True)


class NhiemVuCoQuan(Bang):
    """A body assigned to a task."""

    __tablename__ = "nhiem_vu_co_quan"

    nhiem_vu_id: Mapped[int] = mapped_column(
        ForeignKey("nhiem_vu.id", ondelete="CASCADE"), primary_key=True
    )
    ma_co_quan: Mapped[str] = mapped_column(ForeignKey("co_quan.ma"), primary_key=True)


class BaoCaoNhan(Bang):
    """A report (báo cáo) a body sent back against a task: reply number and the hashed file."""

    __tablename__ = "bao_cao"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    van_ban_id: Mapped[int] = mapped_column(ForeignKey("van_ban.id"), index=True)
    nhiem_vu_id: Mapped[int | None] = mapped_column(ForeignKey("nhiem_vu.id"))
    ma_co_quan: Mapped[str] = mapped_column(ForeignKey("co_quan.ma"))
    so_ky_hieu_tra_loi: Mapped[str] = mapped_column(BoundedString(80))
    tep: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(BoundedString(64))
    luc: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class NhatKy(Bang):
    """The append-only event log (nhật ký): who did what, when, and what changed."""

    __tablename__ = "nhat_ky"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    van_ban_id: Mapped[int | None] = mapped_column(ForeignKey("van_ban.id"), index=True)
    doi_tuong: Mapped[str] = mapped_column(BoundedString(120))
    su_kien: Mapped[str] = mapped_column(BoundedString(40))
    tu: Mapped[str | None] = mapped_column(BoundedString(20))
    den: Mapped[str | None] = mapped_column(BoundedString(20))
    nguoi: Mapped[str] = mapped_column(BoundedString(64))
    luc: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    chi_tiet: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


def _name_bounded_columns() -> None:
    """Tell each BoundedString which column it is, for its message (a foreign key shares its
    target's type object, so each column gets its own copy first)."""
    for table in Bang.metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, BoundedString):
                column.type = column.type.copy()
                column.type.column_name = f"{table.name}.{column.name}"


_name_bounded_columns()
