"""Paths built from data (symbols, codes, years, names): one safe name, proven under its root.

Every file or folder name vanthu makes from stored or typed data goes through
:func:`ten_an_toan`, and every path it writes to goes through :func:`trong_goc`, which resolves
it (following symbolic links) and refuses it unless it stays under its root. A directory code
``..`` or a symbol ``../../etc`` can therefore never write outside the directive's folder, even
if it reached the store without the schema's check.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import OutputError, Refused
from ..schemas.gioi_han import TEN_TEP_TOI_DA

#: Characters no name may hold: separators, those Windows reserves, whitespace and controls.
_KHONG_DUNG = re.compile(r"[/\\:*?\"<>|\s\x00-\x1f\x7f-\x9f]+")


def _hien(text: str) -> str:
    """The text as a message shows it: quoted, escaped, and cut short."""
    return repr(text[:60] + ("…" if len(text) > 60 else ""))


def ten_an_toan(text: str, loai: str = "name") -> str:
    """A file or folder name made from data: ``'01/CĐ-UBND'`` → ``'01-CĐ-UBND'``.

    The text is NFC; each run of separators, reserved characters, whitespace or control
    characters becomes one ``-``.

    Args:
        loai: what the text is ("directory code", "symbol" …), for the message.

    Raises:
        Refused: nothing is left, the name starts with ``.`` (``.``, ``..`` and hidden names),
            it is longer than ``TEN_TEP_TOI_DA`` bytes, or it holds a lone surrogate.
    """
    name = _KHONG_DUNG.sub("-", unicodedata.normalize("NFC", text))
    where = f"{loai} {_hien(text)}"
    if not name.strip("-"):
        raise Refused(where, "cannot name a file or folder: nothing usable is left")
    if name.startswith("."):
        raise Refused(where, "cannot name a file or folder: it starts with '.'")
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        raise Refused(where, "cannot name a file or folder: it holds a lone surrogate") from None
    if size > TEN_TEP_TOI_DA:
        raise Refused(
            where, f"cannot name a file or folder: {size} bytes, at most {TEN_TEP_TOI_DA}"
        )
    return name


def trong_goc(goc: Path, *phan: str) -> Path:
    """``goc / phan[0] / phan[1] …``, proven to stay under ``goc``.

    Each part must be one plain name (made by :func:`ten_an_toan`, or a fixed name such as
    ``phieu-gui.pdf``); the joined path, resolved with its symbolic links followed, must lie
    under the resolved root. A link pointing out of the root is refused, one inside is not.

    Returns:
        The joined path, as given (not resolved).

    Raises:
        OutputError: a part is not one plain name, or the path leaves ``goc``.
    """
    path = goc.joinpath(*phan)
    for part in phan:
        if part in ("", ".", "..") or "/" in part or "\\" in part or "\x00" in part:
            raise OutputError(str(goc), f"{_hien(part)} is not one plain file or folder name")
    try:
        root = goc.resolve()
        real = path.resolve()
    except (OSError, ValueError) as error:  # a loop of links, a name the OS cannot encode
        raise OutputError(str(path), f"cannot be resolved: {error}") from None
    if not real.is_relative_to(root):
        raise OutputError(str(path), f"leads to {real}, outside {root} (a symbolic link?)")
    return path


def nam_trong(goc: Path, path: Path) -> Path:
    """``path`` itself, once proven to lie under ``goc`` (both resolved, links followed): a
    folder read back from the store (an issued directive's) before anything is written in it.

    Raises:
        OutputError: it lies elsewhere.
    """
    try:
        inside = path.resolve().is_relative_to(goc.resolve())
    except (OSError, ValueError) as error:
        raise OutputError(str(path), f"cannot be resolved: {error}") from None
    if not inside:
        raise OutputError(str(path), f"is not inside the output folder {goc}")
    return path


__all__ = ["nam_trong", "ten_an_toan", "trong_goc"]
