"""Fixtures for the storage tests: a fresh, migrated store on each real database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.csdl import LOAI_CSDL, csdl_moi
from vanthu.storage import Store, open_store


@pytest.fixture(params=LOAI_CSDL)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty, migrated store on each database."""
    with csdl_moi(request.param, tmp_path) as url:
        store = open_store(url)
        try:
            yield store
        finally:
            store.close()


@pytest.fixture
def store_postgresql(tmp_path: Path) -> Iterator[Store]:
    """An empty, migrated store on PostgreSQL only (for what only PostgreSQL has)."""
    with csdl_moi("postgresql", tmp_path) as url:
        store = open_store(url)
        try:
            yield store
        finally:
            store.close()
