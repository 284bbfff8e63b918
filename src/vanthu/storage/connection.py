"""Opening the store: the database URL, SQLite settings, migrations, and one transaction at a time.

SQLite (a file under ``output/``) is the embedded default; a ``postgresql+psycopg://`` URL works
the same. ``VANTHU_DB`` or ``--db`` chooses; a bare path means a SQLite file.

What the machine can do wrong (a path that is not a database, a server that does not answer, a
database locked for longer than the wait) becomes a :class:`StoreUnavailable` naming the store
and the reason, at the one place every statement goes through (the engine's ``handle_error``);
a malformed setting is an :class:`InvalidSetting`. Both leave the store as it was. How long to
wait is part of the URL: ``sqlite:///path?timeout=60`` (a locked database, seconds) and
``postgresql://…?connect_timeout=5`` (a server that does not answer).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, make_url
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import InvalidSetting, StoreUnavailable, VanthuError
from .ghi_nhom import GhiNhom

T = TypeVar("T")

DEFAULT_DB = Path("output") / "vanthu.db"
#: Where the store is chosen, as a message names it.
CAI_DAT = "--db / VANTHU_DB"
#: Seconds a SQLite command waits for a database another process is writing (``?timeout=``).
CHO_SQLITE = 60
#: Seconds to wait for a PostgreSQL server to answer a connection (``?connect_timeout=``).
CHO_POSTGRESQL = 5
#: SQLite's messages for a file or a machine that cannot hold the store (the rest are bugs).
#: SQLite's errors that the machine, not vanthu, caused: its words and what the clerk reads.
_SQLITE_LOI: dict[str, str] = {
    "database is locked": "đang bị tiến trình khác khóa",
    "unable to open database file": "không mở được tệp cơ sở dữ liệu",
    "disk I/O error": "lỗi đọc ghi ổ đĩa",
    "database or disk is full": "cơ sở dữ liệu hoặc ổ đĩa đã đầy",
    "attempt to write a readonly database": "cơ sở dữ liệu chỉ cho đọc, không ghi được",
    "file is not a database": "tệp không phải là cơ sở dữ liệu",
    "database disk image is malformed": "tệp cơ sở dữ liệu bị hỏng",
}
_SQLITE_MOI_TRUONG = tuple(_SQLITE_LOI)
#: The newest migration under ``migrations/versions`` (a test holds this to Alembic's head). A
#: store already there is opened without importing Alembic: ~0.2 s off every lifecycle command.
NEWEST_REVISION = "0008"


def url_cua(db: str | None) -> str:
    """The SQLAlchemy URL for ``db`` (a URL, or a SQLite file path), else ``VANTHU_DB``.

    A SQLite file's folder is created if missing.

    Raises:
        InvalidSetting: not a SQLite path or a ``postgresql://`` URL.
        StoreUnavailable: the SQLite path is a folder or a device, or its folder cannot be made.
    """
    return _url(db).render_as_string(hide_password=False)


def _url(db: str | None) -> URL:
    """:func:`url_cua` as a URL object (a SQLite path may hold '?' or '%' as it is)."""
    db = db or os.environ.get("VANTHU_DB") or str(DEFAULT_DB)
    if not db.isprintable():
        raise InvalidSetting(CAI_DAT, "tên cơ sở dữ liệu có ký tự điều khiển")
    if "://" not in db:
        return _url_sqlite(Path(db))
    try:
        url = make_url(db)
        port = url.port
    except (ArgumentError, ValueError):
        raise InvalidSetting(
            CAI_DAT,
            "không phải địa chỉ cơ sở dữ liệu; hãy ghi postgresql://user@host:port/name "
            "hoặc một tệp SQLite",
        ) from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        if port is not None and not 0 < port < 65536:
            raise InvalidSetting(CAI_DAT, f"cổng {port} không nằm trong khoảng 1–65535")
        if not url.database:
            raise InvalidSetting(
                CAI_DAT, "hãy ghi tên cơ sở dữ liệu: postgresql://user@host:port/name"
            )
        url = url.set(drivername="postgresql+psycopg")
    elif backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise InvalidSetting(CAI_DAT, "hãy ghi tệp SQLite: sqlite:///path/vanthu.db")
        url = _url_sqlite(Path(url.database), url)
    else:
        raise InvalidSetting(
            CAI_DAT, f"không hỗ trợ '{backend}'; hãy dùng một tệp SQLite hoặc địa chỉ postgresql://"
        )
    return url


def _url_sqlite(path: Path, url: URL | None = None) -> URL:
    """A SQLite file's URL, once the path is known to be a file (or nothing yet) in a folder."""
    where = f"'{path}' ({CAI_DAT})"
    if path.exists() and not path.is_file():
        kind = "là một thư mục" if path.is_dir() else "là thiết bị hoặc tệp đặc biệt khác"
        raise StoreUnavailable(where, f"{kind}, không phải tệp cơ sở dữ liệu")
    above = next((p for p in path.parents if p.exists()), None)
    if above is not None and not above.is_dir():
        raise StoreUnavailable(where, f"'{above}' là một tệp, không phải thư mục")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(
            where, f"không tạo được thư mục chứa nó ({error.strerror})"
        ) from None
    return (url or make_url("sqlite://")).set(database=str(path))


def _nom(url: URL) -> str:
    """The store as a message names it: the SQLite file, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return f"'{url.database}'"
    shown = url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)
    return f"'{shown}'"


def _mot_dong(error: BaseException) -> str:
    """A driver's message on one line (psycopg adds hints on the lines after)."""
    return "; ".join(line.strip() for line in str(error).splitlines() if line.strip())


def store_error(engine: Engine, error: BaseException) -> StoreUnavailable | None:
    """What the machine did wrong (a store error), as a :class:`StoreUnavailable`.

    None for a driver error that means a bug (no such table, a broken constraint): that one
    keeps its traceback.
    """
    dbapi = engine.dialect.loaded_dbapi
    where = f"{_nom(engine.url)} ({CAI_DAT})"
    if engine.dialect.name != "sqlite":
        if isinstance(error, dbapi.OperationalError):
            return StoreUnavailable(where, _mot_dong(error))
        return None
    text = str(error)
    if not isinstance(error, dbapi.DatabaseError) or not text.startswith(_SQLITE_MOI_TRUONG):
        return None
    if text.startswith("database is locked"):
        wait = engine.url.query.get("timeout", CHO_SQLITE)
        text = f"bị tiến trình khác khóa quá {wait} giây; chưa ghi gì, hãy thử lại"
    else:
        text = next(v for k, v in _SQLITE_LOI.items() if text.startswith(k))
    return StoreUnavailable(where, text)


def _loi_moi_truong(engine: Engine) -> None:
    """Raise :func:`store_error`'s error in place of SQLAlchemy's, for every statement and
    connection of ``engine``; a VanthuError raised inside a statement (a value too long for its
    column) is raised as itself."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        error = context.original_exception
        if isinstance(error, VanthuError):
            raise error
        unavailable = store_error(engine, error)
        if unavailable is not None:
            raise unavailable from None


#: The execution option of :attr:`Store.chi_doc`'s connections: transactions that only read.
CHI_DOC = "vanthu_chi_doc"


def _sqlite_settings(engine: Engine) -> None:
    """WAL, foreign keys, and BEGIN IMMEDIATE so writers queue (for ``?timeout=`` seconds, set
    on the driver's connection) instead of failing; a transaction that only reads
    (:attr:`Store.chi_doc`) begins deferred, so it reads a snapshot and queues behind no writer.

    ``synchronous=FULL``: every commit is on disk before it returns, as on PostgreSQL. With
    WAL's usual NORMAL, a power cut could undo the last commits: an issue whose frozen files
    already carry its number would vanish from the register, and the number be taken again.
    It costs about 0.2 ms a commit on this kind of machine (10,002 acknowledgements: 2.2 s
    with NORMAL, 4.2 s with FULL, ``benchmarks/lifecycle.py``).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        reading = connection.get_execution_options().get(CHI_DOC, False)
        connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def revision_of(engine: Engine) -> str | None:
    """The store's Alembic revision; None for a store never migrated."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if revision is None else str(revision)


def _migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (safe to run from several processes).

    One SELECT when it is there already; otherwise Alembic upgrades it.
    """
    revision = revision_of(engine)
    if revision == NEWEST_REVISION:
        return
    from alembic import command
    from alembic.config import Config
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", "vanthu.storage:migrations")
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # One migrating process at a time; the others wait, then find nothing to do.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7261001)")
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as error:  # a store made by a newer vanthu, or not by vanthu
            raise StoreUnavailable(
                _nom(engine.url),
                f"lược đồ đang ở phiên bản '{revision}', vanthu này không nâng cấp được: {error}",
            ) from None


#: What a query reads through: a transaction (a :class:`Session`, as
#: :meth:`Store.transaction` opens it and the use cases pass it down), or a bare connection (the
#: hot paths).
SessionOrConnection = Session | Connection


class Store:
    """The store: an engine and the transactions opened on it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @cached_property
    def autocommit(self) -> Engine:
        """The same database in autocommit: each statement its own transaction (PostgreSQL's
        one-statement writes; never for several statements that must stand together)."""
        return self.engine.execution_options(isolation_level="AUTOCOMMIT")

    @cached_property
    def chi_doc(self) -> Engine:
        """The same database for transactions that only read (chỉ đọc): on SQLite they take no
        write lock, so a page that polls never waits for a writer nor holds one up; each reads
        one snapshot from its first statement to its end. Never for a write (SQLite would
        refuse it when another writer came first)."""
        return self.engine.execution_options(**{CHI_DOC: True})

    @cached_property
    def _ghi_nhom(self) -> GhiNhom:
        return GhiNhom(self.engine)

    def ghi_chung(self, job: Callable[[Connection], T]) -> T:
        """Run ``job`` in a write transaction on a bare connection and return its result once
        committed; on SQLite the transaction and its commit may be shared with other threads'
        jobs of the same moment (``storage.ghi_nhom``: group commit), each in its own savepoint.
        For short jobs on a hot path; a job must not hold other locks or wait on other threads.
        """
        if self.dialect == "sqlite":
            return self._ghi_nhom.chay(job)
        with self.engine.begin() as conn:
            return job(conn)

    @property
    def dialect(self) -> str:
        """The database kind: "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed if the block ends normally, rolled back on any error."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def doc(self) -> Iterator[Session]:
        """One transaction that only reads (:attr:`chi_doc`: on SQLite no write lock), ended
        at the end of the block. For a lookup on every request (who is signed in); never for a
        write."""
        with Session(self.chi_doc) as session:
            yield session

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()


def open_store(db: str | None = None, migrate: bool = True) -> Store:
    """Open (and migrate) the store at ``db``; see :func:`url_cua`.

    Raises:
        InvalidSetting: a malformed ``db``.
        StoreUnavailable: not a database, no server, no such database, locked too long.
    """
    url = _url(db)
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        if "timeout" not in url.query:
            connect_args["timeout"] = CHO_SQLITE
    elif "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CHO_POSTGRESQL
    engine = create_engine(url, connect_args=connect_args)
    _loi_moi_truong(engine)
    if engine.dialect.name == "sqlite":
        _sqlite_settings(engine)
    if migrate:
        _migrate(engine)
    return Store(engine)
