"""Start-up: commands imported with the collector paused, and only what a command needs."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from vanthu.storage import open_store

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


def test_tracking_loads_neither_the_renderer_nor_alembic_nor_pyhanko_on_a_current_store(
    tmp_path: Path,
) -> None:
    db = tmp_path / "vanthu.db"
    open_store(str(db)).close()  # created and migrated here, so the check below opens a current one
    check = textwrap.dedent(
        f"""
        import sys
        import vanthu.cli.lenh
        from vanthu.services import UngDung
        app = UngDung(db={str(db)!r})
        app.theo_doi_qua_han()
        print(sorted(m for m in ("weasyprint", "docx", "alembic", "pyhanko") if m in sys.modules))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
