"""The directory (danh bạ): reading it from YAML or CSV, and loading it as the văn thư."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InvalidDirective, Problem
from ..schemas.danh_ba import DanhBa
from ..schemas.gioi_han import CO_QUAN_TOI_DA, TEP_DANH_BA_TOI_DA
from ..storage import Kho
from ..storage.danh_ba import (  # moved to storage.danh_ba; re-imported for other modules
    NguoiNhanMoRong,
    ghi_quan_tri,
    kiem_tra_danh_ba,
    luu_co_quan,
    ma_co_quan_nhiem_vu,
    mo_rong_noi_nhan,
)
from .doc_tep import (
    danh_sach_van_de,
    doc_byte,
    giai_ma,
    phan_tich_yaml,
    ten_nguon,
    van_de_cau_truc,
)
from .dong_ho import DongHo, bay_gio
from .nguoi_dung import quan_tri_vien


def doc_danh_ba(path: Path) -> DanhBa:
    """Read a directory file: YAML (``co_quan:`` list) or CSV (ma,ten,ten_ngan,email,nhom).

    In CSV, ``nhom`` holds the groups separated by ";". The file is bounded like a directive
    file (TEP_DANH_BA_TOI_DA bytes, UTF-8, no YAML aliases, bounded nesting).

    Raises:
        InvalidDirective: unreadable or invalid, with the row or field named.
    """
    nguon = ten_nguon(path)
    text = giai_ma(doc_byte(path, TEP_DANH_BA_TOI_DA, nguon), nguon)
    data: Any
    if path.suffix.lower() == ".csv":
        data = {"co_quan": _dong_csv(text, nguon)}
    else:
        data = phan_tich_yaml(text, nguon)
    problems = van_de_cau_truc(data)
    if problems:
        raise InvalidDirective(nguon, problems)
    try:
        return DanhBa.model_validate(data)
    except ValidationError as error:
        raise InvalidDirective(nguon, danh_sach_van_de(error)) from None


_COT_CSV = ("ma", "ten", "ten_ngan", "email", "nhom")


def _dong_csv(text: str, nguon: str) -> list[dict[str, Any]]:
    """The rows of a directory CSV as mappings; unknown columns and extra cells are refused."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[dict[str, Any]] = []
    try:
        header = [cell.strip() for cell in next(reader, [])]
        unknown = [c for c in header if c not in _COT_CSV]
        if unknown or len(set(header)) != len(header):
            raise InvalidDirective(
                nguon,
                [
                    Problem(
                        "line 1",
                        f"the columns are {', '.join(_COT_CSV)} (each once); "
                        f"got {', '.join(repr(c[:40]) for c in header)}",
                    )
                ],
            )
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                where = f"line {reader.line_num}"
                message = f"{len(cells)} cells, but the header names {len(header)} columns"
                raise InvalidDirective(nguon, [Problem(where, message)])
            row = {k: v for k, v in zip(header, cells, strict=False) if v != ""}
            groups = [g.strip() for g in row.pop("nhom", "").split(";") if g.strip()]
            rows.append(row | {"nhom": groups})
            if len(rows) > CO_QUAN_TOI_DA:
                break  # the schema names the limit
    except csv.Error as error:
        where = f"line {reader.line_num}"
        raise InvalidDirective(nguon, [Problem(where, f"malformed CSV: {error}")]) from None
    return rows


def _ve_duoc(danh_ba: DanhBa) -> None:
    """Refuse a body whose name the slip could not draw: it would fail distribution after the
    number is taken.

    Raises:
        InvalidDirective: each name holding a character no embedded face can draw.
    """
    # Imported here: the check reads font files, which loading users never needs.
    from ..rendering.ve_duoc import van_de_ve_chu

    problems = [
        problem
        for i, body in enumerate(danh_ba.co_quan)
        for field in ("ten", "ten_ngan")
        for problem in van_de_ve_chu(f"co_quan[{i}].{field}", getattr(body, field) or "")
    ]
    if problems:
        raise InvalidDirective("danh bạ", problems)


def nap_danh_ba(kho: Kho, danh_ba: DanhBa, ten_nguoi: str | None, dong_ho: DongHo = bay_gio) -> int:
    """Add or update every body and its groups in one transaction, as ``ten_nguoi``; how many.

    Keeping the directory is the văn thư's job (see :mod:`.nguoi_dung`); the load is logged.

    Raises:
        Refused: no actor, or one who is not a văn thư.
        NotFound: no such user.
    """
    _ve_duoc(danh_ba)
    with kho.giao_dich() as s:
        quan_tri_vien(s, ten_nguoi, "load the directory")
        luu_co_quan(s, danh_ba.co_quan)
        assert ten_nguoi is not None  # quan_tri_vien refused an anonymous load
        ghi_quan_tri(
            s, "danh_ba", "nap_danh_ba", ten_nguoi, dong_ho(), so_co_quan=len(danh_ba.co_quan)
        )
    return len(danh_ba.co_quan)


__all__ = [
    "NguoiNhanMoRong",
    "doc_danh_ba",
    "kiem_tra_danh_ba",
    "ma_co_quan_nhiem_vu",
    "mo_rong_noi_nhan",
    "nap_danh_ba",
]
