"""The check use case: a directive file is valid and every character of it can be drawn."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..reading.van_ban import doc_tep
from ..schemas import VanBan


def kiem_tra_van_ban(vb: VanBan, nguon: str) -> None:
    """Refuse a validated directive that the renderer could not draw (the preflight).

    Raises:
        InvalidDirective: a field holds a character no embedded face can draw.
    """
    # Imported here: the preflight reads font files, which the lifecycle commands that draw
    # nothing never need.
    from ..rendering.ve_duoc import kiem_tra_ve_duoc

    kiem_tra_ve_duoc(vb, nguon)


def kiem_tra_tep(path: Path, hom_nay: dt.date | None = None) -> VanBan:
    """Read and validate a directive file, then run the preflight: what ``check`` accepts,
    ``render`` renders.

    Raises:
        InvalidDirective: the file breaks a rule or holds a character that cannot be drawn.
    """
    vb = doc_tep(path, hom_nay)
    kiem_tra_van_ban(vb, str(path))
    return vb
