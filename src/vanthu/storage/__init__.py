"""Storage: the directives, their register numbers, recipients and the event log, in SQL."""

from sqlalchemy.orm import Session

from .connection import SessionOrConnection, Store, open_store
from .statement import CompiledStatement

# ``Session`` is SQLAlchemy's, re-exported: one transaction of the store, as the use cases name
# it in their signatures without importing SQLAlchemy.
__all__ = ["CompiledStatement", "Session", "SessionOrConnection", "Store", "open_store"]
