"""The folder channel: each body's folder (the identical files and its slip), and the manifest.

A directive's folder ``output/<year>/<số ký hiệu>/`` holds one folder per body, named by its
code (:func:`thu_muc_co_quan`), and ``manifest.json``. A body's folder is filled in the run's
scratch folder (:class:`.ghi_tep.KhuTam`) and renamed into place: it appears complete or not at
all. The slip arrives drawn (bytes); nothing here renders or touches the store.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import Refused, VanthuError
from .duong_dan import ten_an_toan, trong_goc
from .ghi_tep import KhuTam, ghi_nguyen_tu, ghi_thu_muc

#: The transmittal slip's name in a body's folder (and on its mail).
PHIEU_GUI = "phieu-gui.pdf"
BAN_KE = "manifest.json"


def thu_muc_co_quan(folder: Path, ma: str) -> Path:
    """A body's folder in the directive's folder, named by its code and proven to stay there.

    Raises:
        Refused: the code cannot name a folder ('..', '.', a separator …).
        OutputError: the folder would leave the directive's folder (a symbolic link).
    """
    return trong_goc(folder, ten_an_toan(ma, "directory code"))


def ten_thu_muc(ma: str) -> str | None:
    """The name of a body's folder, for the manifest; None when its code cannot name one."""
    try:
        return ten_an_toan(ma, "directory code")
    except Refused:
        return None


def day_du(folder: Path, ma: str, ban_goc: Iterable[Path]) -> bool:
    """Whether a body's folder still holds the issued files and its slip (what a mail attaches)."""
    try:
        target = thu_muc_co_quan(folder, ma)
    except VanthuError:
        return False
    names = [*(p.name for p in ban_goc), PHIEU_GUI]
    return all((target / name).is_file() for name in names)


def ghi_ban_sao(target: Path, ban_goc: Iterable[Path], phieu: bytes, khu: KhuTam) -> None:
    """Write one body's folder ``target``: the identical issued files and its drawn slip.

    Raises:
        OutputError: the folder cannot be written.
    """
    files: dict[str, bytes | Path] = {p.name: p for p in ban_goc}
    files[PHIEU_GUI] = phieu
    ghi_thu_muc(target, files, khu)


@dataclass(frozen=True)
class DongBanKe:
    """One body's line of the manifest."""

    ma: str
    ten: str
    ma_theo_doi: str
    trang_thai: str
    email: str | None
    """Where its copy was mailed, if it was."""


def ghi_ban_ke(
    folder: Path, ban_goc: Sequence[Path], noi_nhan: Iterable[DongBanKe], khu: KhuTam
) -> None:
    """manifest.json: the issued files with their SHA-256, and each body's deliveries."""
    manifest = {
        "van_ban": [
            {"tep": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in ban_goc
        ],
        "noi_nhan": [
            {
                "ma": d.ma,
                "ten": d.ten,
                "ma_theo_doi": d.ma_theo_doi,
                "trang_thai": d.trang_thai,
                "thu_muc": ten_thu_muc(d.ma),
                "email": d.email,
            }
            for d in noi_nhan
        ],
    }
    data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    ghi_nguyen_tu(trong_goc(folder, BAN_KE), data, khu=khu)
