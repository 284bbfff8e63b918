"""Hot-path statements (câu lệnh): compiled once, run on the database driver's own connection.

SQLAlchemy spends tens of microseconds on every execution building an execution context and
a result. For the statement that runs once per acknowledgement on PostgreSQL, that was about a
fifth of the whole call (10,002 acknowledgements: 0.41-0.52 ms each through
``Connection.execute``, 0.32-0.38 ms each on the driver's connection, ``benchmarks/lifecycle.py``).

Only a statement whose parameters SQLAlchemy would pass to the driver unchanged qualifies (no
type of its parameters has a bind processor for the dialect); compiling any other is refused,
so nothing can reach the database in a form SQLAlchemy would have converted. A
:class:`~vanthu.storage.bang.BoundedString` converts nothing: its length check is run here, as
SQLAlchemy would run it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import TypeEngine

from .bang import BoundedString
from .connection import store_error


def _converts(kind: TypeEngine[Any], dialect: Dialect) -> bool:
    """Whether SQLAlchemy would change a value of this type on its way to the driver."""
    if isinstance(kind, BoundedString):  # it only checks the length
        kind = kind.impl_instance
    return kind.dialect_impl(dialect).bind_processor(dialect) is not None


@dataclass(frozen=True)
class _DaBienDich:
    """A statement compiled for one dialect."""

    sql: str
    hang_so: dict[str, Any]
    """Parameters whose values the statement carries (literals)."""
    can: frozenset[str]
    """Parameters each call must give."""
    thu_tu: tuple[str, ...] | None
    """The order of the parameters, for a driver that takes them by position (SQLite)."""
    do_dai: tuple[tuple[str, BoundedString], ...] = ()
    """Parameters whose length is checked before the statement runs, and their column type."""


class CompiledStatement:
    """A statement compiled once per dialect, run on the driver's connection (DBAPI)."""

    def __init__(self, cau: ClauseElement) -> None:
        self.cau = cau
        self._theo_dialect: dict[str, _DaBienDich] = {}

    def bien_dich(self, dialect: Dialect) -> _DaBienDich:
        """The SQL for ``dialect``, its constant parameters, and the names a call must give.

        Raises:
            ValueError: a parameter's type would be converted by SQLAlchemy for this dialect.
        """
        done = self._theo_dialect.get(dialect.name)
        if done is not None:
            return done
        compiled = self.cau.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        bounded = tuple(
            (compiled.bind_names[bind], bind.type)
            for bind in compiled.binds.values()
            if isinstance(bind.type, BoundedString)
        )
        converted = sorted(
            compiled.bind_names[bind]
            for bind in compiled.binds.values()
            if _converts(bind.type, dialect)
        )
        if converted:
            raise ValueError(f"parameters converted by SQLAlchemy: {', '.join(converted)}")
        done = _DaBienDich(
            sql=str(compiled),
            hang_so={name: value for name, value in compiled.params.items() if value is not None},
            can=frozenset(name for name, value in compiled.params.items() if value is None),
            thu_tu=None if compiled.positiontup is None else tuple(compiled.positiontup),
            do_dai=bounded,
        )
        self._theo_dialect[dialect.name] = done
        return done

    def mot_dong(self, connection: Connection, params: dict[str, Any]) -> tuple[Any, ...] | None:
        """Run it on ``connection``'s driver connection; its first row, or None.

        Raises:
            KeyError: a parameter the statement needs is not in ``params``.
            Refused: a value longer than its column (as SQLAlchemy would refuse it).
            StoreUnavailable: the server or the file failed (see ``connection.store_error``).
        """
        compiled = self.bien_dich(connection.dialect)
        missing = compiled.can - params.keys()
        if missing:
            raise KeyError(f"parameters not given: {', '.join(sorted(missing))}")
        values = compiled.hang_so | params
        for name, bounded in compiled.do_dai:
            bounded.process_bind_param(values[name], connection.dialect)
        arguments: Any = values if compiled.thu_tu is None else [values[n] for n in compiled.thu_tu]
        driver = connection.connection.driver_connection
        assert driver is not None
        cursor = driver.cursor()
        try:
            cursor.execute(compiled.sql, arguments)
            row = cursor.fetchone()
        except connection.dialect.loaded_dbapi.Error as error:
            # What SQLAlchemy's handle_error would say for it (a server gone, a locked store).
            if connection.dialect.is_disconnect(error, driver, cursor):
                connection.invalidate()  # as SQLAlchemy does: the pool will not reuse it
            unavailable = store_error(connection.engine, error)
            if unavailable is None:
                raise
            raise unavailable from None
        finally:
            cursor.close()
        return None if row is None else tuple(row)
