"""The Soạn thảo form (biểu mẫu): its inputs to directive data and back, problems to inputs.

Inputs are named by the directive file's field paths (``nguoi_ky.ho_ten``,
``noi_nhan[2].ma_co_quan``), so that a problem's path from ``vanthu check`` finds its input by
dropping trailing parts. Lists of text are textareas with one item per line; Nơi nhận and
nhiệm vụ are rows, renumbered from 0 without the blank ones. The "+" sub-items of a Nơi nhận
line (``muc_con``) have no rows: a draft holding them is edited as a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..errors import Problem
from ..schemas import VanBan

#: One-line and multi-line text fields of the top level, in form order.
VAN_BAN_DON = (
    "loai",
    "co_quan_chu_quan",
    "co_quan",
    "ky_hieu_co_quan",
    "don_vi_soan_thao",
    "ky_hieu",
    "dia_danh",
    "do_khan",
    "do_mat",
    "pham_vi_luu_hanh",
    "trich_yeu",
    "nguoi_gui",
    "tham_quyen",
    "ten_thu",
    "xac_nhan_noi_nghi",
    "ky_hieu_nguoi_soan",
)
#: Whole numbers of the top level (a draft's year, the copies issued).
SO_NGUYEN = ("nam", "so_ban")
#: Lists of text, one item per line of a textarea.
DANH_SACH_DONG = (
    "kinh_gui",
    "can_cu",
    "noi_dung",
    "lien_he",
    "nguoi_ky.thay_mat",
    "nguoi_ky.chuc_vu_khac",
    "nguoi_ky_2.thay_mat",
    "nguoi_ky_2.chuc_vu_khac",
)
#: Lists of short codes, separated by commas (Lưu entries) or by commas or spaces.
DANH_SACH_MA = ("luu", "nguoi_ky.quyen_han", "nguoi_ky_2.quyen_han")
NGUOI_KY = ("tu_cach", "chuc_vu", "ho_ten")
#: The signers' fieldsets: the one every document has, and the second of two-sided ones.
CAC_NGUOI_KY = ("nguoi_ky", "nguoi_ky_2")
NOI_NHAN = ("ten", "ma_co_quan", "nhom", "noi_bo")
NHIEM_VU = ("doan", "ma_co_quan", "nhom", "han", "bao_cao", "mo_ta")
#: The most rows of one kind read from a form (the schema's own limits are far lower).
DONG_TOI_DA = 500

GiaTri = dict[str, str | list[str]]


class FormDuLieu(Protocol):
    """What a submitted form offers (Starlette's FormData)."""

    def getlist(self, key: str) -> list[Any]: ...

    def __iter__(self) -> Iterator[str]: ...


@dataclass
class BieuMau:
    """A form's values as shown (by input name), and the directive data built from them."""

    gia_tri: GiaTri = field(default_factory=dict)
    du_lieu: dict[str, Any] = field(default_factory=dict)
    so_noi_nhan: int = 0
    so_nhiem_vu: int = 0

    def chuoi(self, name: str) -> str:
        """An input's value as text ('' if none)."""
        value = self.gia_tri.get(name, "")
        return value if isinstance(value, str) else " ".join(value)

    def chon(self, name: str) -> list[str]:
        """A multiple select's chosen values."""
        value = self.gia_tri.get(name, [])
        return [value] if isinstance(value, str) else value


def _text(form: FormDuLieu, name: str) -> str:
    values = [v for v in form.getlist(name) if isinstance(v, str)]
    return values[0].replace("\r\n", "\n").replace("\r", "\n") if values else ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _codes(text: str) -> list[str]:
    return [code for code in re.split(r"[,;\s]+", text) if code]


def _muc(text: str) -> list[str]:
    """Entries separated by commas or semicolons, each kept whole (``HC (2)``, ``Hồ sơ``)."""
    return [item.strip() for item in re.split(r"[,;]", text) if item.strip()]


def _so(text: str) -> int | str:
    """A whole number typed in a number input; anything else is left for the schema to name."""
    return int(text) if text.isdigit() and len(text) < 10 else text


def _rows(form: FormDuLieu, prefix: str) -> list[int]:
    pattern = re.compile(rf"^{prefix}\[(\d{{1,4}})\]\.")
    found = {int(m.group(1)) for key in form if (m := pattern.match(key))}
    return sorted(i for i in found if i < DONG_TOI_DA)


def doc_bieu_mau(form: FormDuLieu) -> BieuMau:
    """The submitted form as values to show again and the directive data to validate."""
    out = BieuMau()
    data: dict[str, Any] = {}
    for name in VAN_BAN_DON:
        text = _text(form, name)
        out.gia_tri[name] = text
        if text.strip():
            data[name] = text.strip()
    for name in SO_NGUYEN:
        text = _text(form, name).strip()
        out.gia_tri[name] = text
        if text:
            data[name] = _so(text)
    for name in DANH_SACH_DONG + DANH_SACH_MA:
        text = _text(form, name)
        out.gia_tri[name] = text
    for name in ("kinh_gui", "can_cu", "noi_dung", "lien_he"):
        if items := _lines(out.chuoi(name)):
            data[name] = items
    if items := _muc(out.chuoi("luu")):
        data["luu"] = items
    for who in CAC_NGUOI_KY:
        signer: dict[str, Any] = {}
        for part in NGUOI_KY:
            text = _text(form, f"{who}.{part}")
            out.gia_tri[f"{who}.{part}"] = text
            if text.strip():
                signer[part] = text.strip()
        if items := _codes(out.chuoi(f"{who}.quyen_han")):
            signer["quyen_han"] = items
        if items := _lines(out.chuoi(f"{who}.thay_mat")):
            signer["thay_mat"] = items
        if items := _lines(out.chuoi(f"{who}.chuc_vu_khac")):
            signer["chuc_vu_khac"] = items
        if signer:
            data[who] = signer

    lines: list[dict[str, Any]] = []
    for i in _rows(form, "noi_nhan"):
        row = {p: _text(form, f"noi_nhan[{i}].{p}") for p in ("ten", "ma_co_quan", "noi_bo")}
        groups = [g for g in form.getlist(f"noi_nhan[{i}].nhom") if isinstance(g, str) and g]
        if not (row["ten"].strip() or row["ma_co_quan"].strip() or groups):
            continue
        k = len(lines)
        out.gia_tri |= {f"noi_nhan[{k}].{p}": v for p, v in row.items()}
        out.gia_tri[f"noi_nhan[{k}].nhom"] = groups
        line: dict[str, Any] = {"ten": row["ten"].strip()}
        if codes := _codes(row["ma_co_quan"]):
            line["ma_co_quan"] = codes
        if groups:
            line["nhom"] = groups
        if row["noi_bo"]:
            line["noi_bo"] = True
        lines.append(line)
    if lines:
        data["noi_nhan"] = lines
    out.so_noi_nhan = len(lines)

    tasks: list[dict[str, Any]] = []
    for i in _rows(form, "nhiem_vu"):
        row = {p: _text(form, f"nhiem_vu[{i}].{p}") for p in NHIEM_VU if p != "nhom"}
        groups = [g for g in form.getlist(f"nhiem_vu[{i}].nhom") if isinstance(g, str) and g]
        filled = ("doan", "ma_co_quan", "han", "mo_ta")
        if not (any(row[p].strip() for p in filled) or groups):
            continue
        k = len(tasks)
        out.gia_tri |= {f"nhiem_vu[{k}].{p}": v for p, v in row.items()}
        out.gia_tri[f"nhiem_vu[{k}].nhom"] = groups
        doan = row["doan"].strip()
        task: dict[str, Any] = {"doan": _so(doan)}
        if codes := _codes(row["ma_co_quan"]):
            task["ma_co_quan"] = codes
        if groups:
            task["nhom"] = groups
        task["han"] = row["han"].strip()
        task["bao_cao"] = bool(row["bao_cao"])
        if row["mo_ta"].strip():
            task["mo_ta"] = row["mo_ta"].strip()
        tasks.append(task)
    if tasks:
        data["nhiem_vu"] = tasks
    out.so_nhiem_vu = len(tasks)
    out.du_lieu = data
    return out


def ly_do_khong_sua(vb: VanBan) -> str | None:
    """Why the form cannot edit this draft without losing part of it, or None: it edits a
    paragraph per line and has no inputs for annexes, so tables, footnotes, line breaks inside a
    paragraph, phụ lục and the text a quyết định issues (which the directive file holds) would
    be dropped on saving. Such a draft is edited as a file."""
    parts = []
    if any(d.bang is not None for d in vb.noi_dung):
        parts.append("bảng")
    if vb.chu_thich:
        parts.append("chú thích")
    if any(d.doan is not None and "\n" in d.doan for d in vb.noi_dung):
        parts.append("xuống dòng trong một đoạn")
    if any(line.muc_con for line in vb.noi_nhan):
        parts.append("các dòng “+” dưới một dòng nơi nhận")
    if vb.phu_luc:
        parts.append("phụ lục")
    if vb.van_ban_kem_theo is not None:
        parts.append("văn bản kèm theo")
    if not parts:
        return None
    return (
        f"Dự thảo này có {', '.join(parts)}; biểu mẫu chưa sửa được các phần ấy "
        "nên không lưu từ đây (lưu sẽ làm mất chúng). Hãy sửa tệp văn bản (YAML) rồi tải lên "
        "thành dự thảo mới."
    )


def bieu_mau_tu_van_ban(vb: VanBan) -> BieuMau:
    """A stored draft as the form shows it."""
    data = vb.model_dump(mode="json")
    out = BieuMau(du_lieu=data)
    for name in VAN_BAN_DON:
        out.gia_tri[name] = str(data.get(name) or "")
    for name in SO_NGUYEN:
        out.gia_tri[name] = "" if data.get(name) is None else str(data[name])
    out.gia_tri["kinh_gui"] = "\n".join(data["kinh_gui"])
    out.gia_tri["can_cu"] = "\n".join(data["can_cu"])
    # The form edits paragraphs only; a draft with tables is edited as a file (#9).
    out.gia_tri["noi_dung"] = "\n".join(d["doan"] for d in data["noi_dung"] if d.get("doan"))
    out.gia_tri["luu"] = ", ".join(data["luu"])
    out.gia_tri["lien_he"] = "\n".join(data["lien_he"])
    for who in CAC_NGUOI_KY:
        signer = data.get(who) or {"quyen_han": [], "thay_mat": [], "chuc_vu_khac": []}
        out.gia_tri[f"{who}.quyen_han"] = ", ".join(signer["quyen_han"])
        out.gia_tri[f"{who}.thay_mat"] = "\n".join(signer["thay_mat"])
        out.gia_tri[f"{who}.chuc_vu_khac"] = "\n".join(signer["chuc_vu_khac"])
        for part in NGUOI_KY:
            out.gia_tri[f"{who}.{part}"] = signer.get(part) or ""
    for k, line in enumerate(data["noi_nhan"]):
        out.gia_tri[f"noi_nhan[{k}].ten"] = line["ten"]
        out.gia_tri[f"noi_nhan[{k}].ma_co_quan"] = ", ".join(line["ma_co_quan"])
        out.gia_tri[f"noi_nhan[{k}].nhom"] = list(line["nhom"])
        out.gia_tri[f"noi_nhan[{k}].noi_bo"] = "1" if line["noi_bo"] else ""
    for k, task in enumerate(data["nhiem_vu"]):
        out.gia_tri[f"nhiem_vu[{k}].doan"] = str(task["doan"])
        out.gia_tri[f"nhiem_vu[{k}].ma_co_quan"] = ", ".join(task["ma_co_quan"])
        out.gia_tri[f"nhiem_vu[{k}].nhom"] = list(task["nhom"])
        out.gia_tri[f"nhiem_vu[{k}].han"] = task["han"]
        out.gia_tri[f"nhiem_vu[{k}].bao_cao"] = "1" if task["bao_cao"] else ""
        out.gia_tri[f"nhiem_vu[{k}].mo_ta"] = task["mo_ta"] or ""
    out.so_noi_nhan = len(data["noi_nhan"])
    out.so_nhiem_vu = len(data["nhiem_vu"])
    return out


def o_nhap(where: str, names: Iterable[str]) -> str | None:
    """The input a problem's field path belongs to: the path itself, or the nearest input
    above it (``noi_dung[3].doan`` → ``noi_dung``); None for a problem of the whole file."""
    known = set(names)
    path = where
    while path:
        if path in known:
            return path
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return None
        path = path[:cut]
    return None


def ten_cac_o(so_noi_nhan: int, so_nhiem_vu: int) -> list[str]:
    """Every input name of a form with that many rows."""
    names = [*VAN_BAN_DON, *SO_NGUYEN, *DANH_SACH_DONG, *DANH_SACH_MA]
    # A problem of a whole block (a missing signer, a task's paragraph) shows at its fieldset.
    names += [f"{who}.{p}" for who in CAC_NGUOI_KY for p in NGUOI_KY]
    names += [*CAC_NGUOI_KY, "noi_nhan", "nhiem_vu"]
    names += [f"noi_nhan[{i}].{p}" for i in range(so_noi_nhan) for p in NOI_NHAN]
    names += [f"nhiem_vu[{i}].{p}" for i in range(so_nhiem_vu) for p in NHIEM_VU]
    return names


def loi_theo_o(
    problems: Iterable[Problem], names: Iterable[str]
) -> tuple[dict[str, list[str]], list[tuple[str, str | None]]]:
    """Each problem (or warning) beside its input (as ``vanthu check`` words it), and the
    summary: every problem with the input it points at (None: the whole file)."""
    names = list(names)
    by_input: dict[str, list[str]] = {}
    summary: list[tuple[str, str | None]] = []
    for problem in problems:
        target = o_nhap(problem.where, names)
        if target is not None:
            by_input.setdefault(target, []).append(str(problem))
        summary.append((str(problem), target))
    return by_input, summary


def ma_o(name: str) -> str:
    """An input's HTML id from its name: ``noi_nhan[2].ten`` → ``o-noi_nhan-2-ten``."""
    return "o-" + re.sub(r"[^a-z0-9_]+", "-", name).strip("-")
