"""DOCX files as LibreOffice lays them out: converted to PDF in one headless run per batch.

A Word file has no pages of its own; a word processor paginates it. LibreOffice (Debian's
``libreoffice-writer-nogui``) is the one on this machine: converting with it shows where a reader
opening the DOCX sees each page break. One ``soffice`` process converts a whole batch (≈ 0.2 s a
file, against ≈ 1.5 s for a process per file), with a throw-away user profile so that no
setting of the machine's own profile reaches the result.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

#: Seconds one batch may take before the conversion is called hung.
THOI_GIAN_TOI_DA = 600


def soffice() -> str:
    """The path of ``soffice``; fails the test when LibreOffice is not installed."""
    path = shutil.which("soffice")
    assert path is not None, "LibreOffice is not installed: `make system-deps` installs it"
    return path


def lenh_chuyen_pdf(soffice: str, profile: Path, out: Path, files: Sequence[Path]) -> list[str]:
    """The command converting DOCX files to PDF in ``out`` with a given LibreOffice profile."""
    return [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, files),
    ]


def sang_pdf(docx: Mapping[str, bytes]) -> dict[str, bytes]:
    """Each DOCX (by name, without extension) as the PDF LibreOffice prints of it."""
    if not docx:
        return {}
    with tempfile.TemporaryDirectory(prefix="vanthu-lo-") as tmp:
        folder = Path(tmp)
        inputs = []
        for name, data in docx.items():
            path = folder / f"{name}.docx"
            path.write_bytes(data)
            inputs.append(path)
        out = folder / "pdf"
        result = subprocess.run(
            lenh_chuyen_pdf(soffice(), folder / "profile", out, inputs),
            capture_output=True,
            text=True,
            timeout=THOI_GIAN_TOI_DA,
            check=False,
        )
        missing = [name for name in docx if not (out / f"{name}.pdf").exists()]
        assert not missing, f"LibreOffice converted no PDF of {missing}: {result.stderr}"
        return {name: (out / f"{name}.pdf").read_bytes() for name in docx}
