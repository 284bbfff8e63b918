"""The outgoing register (sổ đăng ký văn bản đi) of a year: its lines, CSV, DOCX and PDF."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from ..delivery.duong_dan import ten_an_toan, trong_goc
from ..delivery.ghi_tep import ghi_nguyen_tu
from ..errors import InvalidSetting
from ..reading import tham_so
from ..rendering.loi_van import ten_loai
from ..rendering.ngay_thang import ngay_vn
from ..rendering.so_dang_ky import COT_SO_DANG_KY as COT_SO_DANG_KY  # the Decree's headings
from ..rendering.so_dang_ky import SoDangKy, SoDangKyRenderer
from ..schemas import VanBan
from ..storage import Store
from ..storage.bang import DongSoDangKy, VanBanRow
from ..storage.so_dang_ky import dong_cua_nam, so_ban_gui
from .vong_doi import THU_MUC_MAC_DINH


def so_dang_ky(store: Store, nam: int | str) -> list[tuple[str, ...]]:
    """The outgoing register of a year, one row per number taken, in number order.

    Raises:
        InvalidSetting: not a year within ``gioi_han.NAM_NHO_NHAT``..``NAM_LON_NHAT``.
    """
    nam = tham_so.nam(nam)
    with store.transaction() as s:
        return _dong_in(dong_cua_nam(s, nam), so_ban_gui(s))


def _dong_in(
    lines: Sequence[tuple[DongSoDangKy, VanBanRow | None]], counts: Mapping[int, int]
) -> list[tuple[str, ...]]:
    """The printed lines of the register (see :func:`so_dang_ky`), from the stored lines and
    each directive's number of recipient copies."""
    rows: list[tuple[str, ...]] = []
    for line, row in lines:
        # A reserved number (no directive) or a voided one (two-step signing cancelled): the
        # number, its date and the note only.
        if row is None or line.huy_luc is not None:
            rows.append(
                (
                    f"{line.so:02d}",
                    ngay_vn(line.ngay),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    line.ghi_chu or "số không sử dụng",
                )
            )
            continue
        vb = VanBan.model_validate(row.payload, context={"hom_nay": line.ngay})
        printed = [n.ten for n in vb.noi_nhan]
        rows.append(
            (
                row.so_ky_hieu or "",
                ngay_vn(line.ngay),
                f"{ten_loai(row.loai)}: {row.trich_yeu}",
                vb.nguoi_ky.ho_ten,
                "; ".join(printed),
                ", ".join(vb.muc_luu),
                # Copies issued: as declared, else the bodies it went to; blank before that.
                str(vb.so_ban or counts.get(row.id) or ""),
                ngay_vn(line.ngay),
                "",
                line.ghi_chu,
            )
        )
    return rows


def so_dang_ky_csv(rows: list[tuple[str, ...]]) -> str:
    """The register as CSV with the Decree's column headings."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COT_SO_DANG_KY)
    writer.writerows(rows)
    return out.getvalue()


@cache
def so_dang_ky_renderer() -> SoDangKyRenderer:
    """The process-wide register renderer (Word template and faces loaded once)."""
    return SoDangKyRenderer()


def so_dang_ky_in(store: Store, nam: int | str) -> SoDangKy:
    """The outgoing register of a year as it is printed: its lines and its cover.

    The issuing body (and its parent) are those of the first directive in the register; the
    date range runs from the first to the last line. The number range is printed only when the
    year has one register: with several (a secret register beside the general one) the numbers
    of the lines do not form one range, and the cover leaves it blank.
    """
    nam = tham_so.nam(nam)
    with store.transaction() as s:
        lines = dong_cua_nam(s, nam)
        rows = _dong_in(lines, so_ban_gui(s))
    first = next((row.payload for _, row in lines if row is not None), None)
    registers = {line.so_dang_ky for line, _ in lines}
    numbers = [line.so for line, _ in lines]
    days = [line.ngay for line, _ in lines]
    content = first or {}
    return SoDangKy(
        co_quan=str(content.get("co_quan") or ""),
        co_quan_chu_quan=content.get("co_quan_chu_quan"),
        nam=nam,
        dong=tuple(rows),
        tu_den_ngay=(min(days), max(days)) if days else None,
        tu_den_so=(min(numbers), max(numbers)) if len(registers) == 1 else None,
    )


def so_dang_ky_byte(store: Store, nam: int | str, dinh_dang: str) -> bytes:
    """The register of a year as one file's bytes: ``docx``, ``pdf`` or ``csv`` (the CSV with
    a byte-order mark, as :func:`so_dang_ky_tep` writes it); nothing is written to disk.

    Raises:
        InvalidSetting: not a year within the limits, or another format.
        RenderError: rendering failed.
    """
    nam = tham_so.nam(nam)
    if dinh_dang not in ("docx", "pdf", "csv"):
        raise InvalidSetting(f"định dạng {dinh_dang[:12]!r}", "hãy ghi docx, pdf hoặc csv")
    so = so_dang_ky_in(store, nam)
    if dinh_dang == "csv":
        return so_dang_ky_csv(list(so.dong)).encode("utf-8-sig")
    renderer = so_dang_ky_renderer()
    return renderer.docx(so) if dinh_dang == "docx" else renderer.pdf(so)


def so_dang_ky_tep(store: Store, nam: int | str, thu_muc: Path | None = None) -> list[Path]:
    """Write the register of a year as ``so-dang-ky-<nam>.docx``, ``.pdf`` and ``.csv``.

    Args:
        thu_muc: the folder; ``output/<nam>/`` if not given.

    Returns:
        The paths written: DOCX, PDF, CSV. The CSV starts with a byte-order mark, so that
        Excel opens the Vietnamese text as UTF-8.

    Raises:
        RenderError: rendering failed.
        OutputError: the folder cannot be written (each file is written whole or not at all).
    """
    nam = tham_so.nam(nam)
    year = ten_an_toan(str(nam), "year")
    folder = thu_muc if thu_muc is not None else trong_goc(THU_MUC_MAC_DINH, year)
    printed = so_dang_ky_in(store, nam)
    renderer = so_dang_ky_renderer()
    files = {
        ".docx": renderer.docx(printed),
        ".pdf": renderer.pdf(printed),
        ".csv": so_dang_ky_csv(list(printed.dong)).encode("utf-8-sig"),
    }
    paths = []
    for suffix, data in files.items():
        path = trong_goc(folder, f"so-dang-ky-{year}{suffix}")
        ghi_nguyen_tu(path, data)
        paths.append(path)
    return paths
