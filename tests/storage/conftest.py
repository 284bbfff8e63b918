"""Fixtures for the storage tests: a fresh, migrated store on each real database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.csdl import LOAI_CSDL, csdl_moi
from vanthu.storage import Kho, mo_kho


@pytest.fixture(params=LOAI_CSDL)
def kho(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Kho]:
    """An empty, migrated store on each database."""
    with csdl_moi(request.param, tmp_path) as url:
        store = mo_kho(url)
        try:
            yield store
        finally:
            store.dong()


@pytest.fixture
def kho_postgresql(tmp_path: Path) -> Iterator[Kho]:
    """An empty, migrated store on PostgreSQL only (for what only PostgreSQL has)."""
    with csdl_moi("postgresql", tmp_path) as url:
        store = mo_kho(url)
        try:
            yield store
        finally:
            store.dong()
