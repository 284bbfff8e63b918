"""The check use case: a directive file is valid and every character of it can be drawn; and
what looks like a slip in it (warnings, which stop nothing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import Problem
from ..reading.canh_bao import canh_bao_van_ban
from ..reading.van_ban import doc_tep, doc_tep_canh_bao
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


def kiem_tra_tep_canh_bao(
    path: Path, hom_nay: dt.date | None = None
) -> tuple[VanBan, list[Problem]]:
    """What ``vanthu check`` does: :func:`kiem_tra_tep`, and the file's warnings, each with its
    field path and (YAML) line.

    Raises:
        InvalidDirective: the file breaks a rule or holds a character that cannot be drawn.
    """
    vb, canh_bao = doc_tep_canh_bao(path, hom_nay)
    kiem_tra_van_ban(vb, str(path))
    return vb, canh_bao


__all__ = ["canh_bao_van_ban", "kiem_tra_tep", "kiem_tra_tep_canh_bao", "kiem_tra_van_ban"]
