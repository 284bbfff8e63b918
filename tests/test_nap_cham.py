"""The packages that import their names on first use (``vanthu.services``, ``vanthu.ky_so``)
give the same object for every public name, whichever of their modules were loaded first."""

from __future__ import annotations

import importlib
import pkgutil
import types

import pytest


@pytest.mark.parametrize("package", ["vanthu.services", "vanthu.ky_so"])
def test_every_public_name_is_the_object_it_names_once_all_modules_are_loaded(
    package: str,
) -> None:
    # Loading a module binds it on its package under its own name: a module named like one of
    # the package's functions would hide the function for whoever imports it after.
    goi = importlib.import_module(package)
    for info in pkgutil.iter_modules(goi.__path__):
        importlib.import_module(f"{package}.{info.name}")
    hidden = [name for name in goi.__all__ if isinstance(getattr(goi, name), types.ModuleType)]
    assert hidden == []
