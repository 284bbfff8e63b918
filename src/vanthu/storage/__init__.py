"""Storage: the directives, their register numbers, recipients and the event log, in SQL."""

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from .connection import SessionOrConnection, Store, open_store
from .statement import CompiledStatement

# ``Session`` and ``Connection`` are SQLAlchemy's, re-exported: one transaction of the store (a
# bare connection's, on the hot paths), as the use cases name them in their signatures without
# importing SQLAlchemy.
__all__ = [
    "CompiledStatement",
    "Connection",
    "Session",
    "SessionOrConnection",
    "Store",
    "open_store",
]
