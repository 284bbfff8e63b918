"""Loading WeasyPrint: its libraries are found without running a compiler or ldconfig."""

from __future__ import annotations

import ctypes.util
import subprocess
import sys
import textwrap

import pytest

from vanthu.rendering.nap_weasyprint import without_find_library

#: A fresh interpreter that records every subprocess started while vanthu's renderer loads.
_AUDIT = textwrap.dedent(
    """
    import sys
    started = []
    sys.addaudithook(
        lambda event, args: started.append(str(args[1])) if event == "subprocess.Popen" else None
    )
    import vanthu.rendering.pdf_writer
    from weasyprint.text.ffi import fontconfig, harfbuzz, pango, pangoft2
    print(repr(started))
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the search runs gcc on Linux")
def test_loading_the_pdf_renderer_starts_no_process() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _AUDIT], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux is changed")
def test_find_library_finds_nothing_while_weasyprint_loads_and_is_restored_after() -> None:
    standard = ctypes.util.find_library
    with without_find_library():
        assert ctypes.util.find_library("c") is None
    assert ctypes.util.find_library is standard


def test_find_library_is_restored_when_the_import_fails() -> None:
    standard = ctypes.util.find_library
    with pytest.raises(OSError), without_find_library():
        raise OSError("cannot load library")
    assert ctypes.util.find_library is standard
