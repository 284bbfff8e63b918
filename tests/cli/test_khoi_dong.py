"""The entry point: commands imported with the collector paused, their objects frozen."""

from __future__ import annotations

import subprocess
import sys
import textwrap

_START = textwrap.dedent(
    """
    import gc, sys
    sys.argv = ["vanthu", "--version"]
    from vanthu.cli import main
    try:
        main()
    except SystemExit:
        pass
    print(gc.isenabled(), gc.get_freeze_count() > 10_000, "vanthu.cli.lenh" in sys.modules)
    """
)


def test_the_entry_point_freezes_what_start_up_imported_and_collects_normally_after() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _START], capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("vanthu, version ")
    assert lines[-1] == "True True True"
