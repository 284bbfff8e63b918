"""Reading a directory file (danh bạ), YAML or CSV, bounded like a directive file."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InvalidDirective, Problem
from ..schemas.danh_ba import DanhBa
from ..schemas.gioi_han import CO_QUAN_TOI_DA, TEP_DANH_BA_TOI_DA
from .cau_truc import danh_sach_van_de, van_de_cau_truc
from .tep import doc_byte, giai_ma, ten_nguon
from .yaml_an_toan import phan_tich_yaml


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
