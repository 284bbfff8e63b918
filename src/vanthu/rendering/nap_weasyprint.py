"""Imports WeasyPrint (nạp: load) without the compiler runs its library search costs on Linux.

WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject through cffi, trying for each a list
of names that starts with Windows-style ones (``libgobject-2.0-0``, ``gobject-2.0-0``) and ends
with the Linux soname (``libgobject-2.0.so.0``). Every name that is not a file makes cffi ask
``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and then, when a C compiler is
installed, ``gcc`` and ``ld`` to search for it (WeasyPrint issue #1125). That is a dozen
compiler runs, about 180 ms, on every start of the ``vanthu`` command on a machine with gcc.

While WeasyPrint is imported, this module makes ``find_library`` answer "not found" at once,
so cffi goes on to the next name and loads the soname directly: the same library file, without
the subprocesses. Should that fail on some unusual system, the import is retried with the
standard search, so nothing can load fewer libraries than before.
"""

from __future__ import annotations

import ctypes.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_find_library() -> Iterator[None]:
    """While active on Linux, ``ctypes.util.find_library`` finds nothing and runs nothing."""
    if not sys.platform.startswith("linux"):
        yield
        return
    standard = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = standard


def _quen_weasyprint() -> None:
    """Drop a half-imported WeasyPrint from ``sys.modules``, so it can be imported again."""
    for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        del sys.modules[name]


def nap() -> None:
    """Import WeasyPrint once per process, its libraries found without compiler runs."""
    if "weasyprint.text.ffi" in sys.modules:
        return
    try:
        with without_find_library():
            import weasyprint
    except OSError:
        _quen_weasyprint()
        import weasyprint  # noqa: F401


nap()

from weasyprint import HTML  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

__all__ = ["HTML", "FontConfiguration", "nap", "without_find_library"]
