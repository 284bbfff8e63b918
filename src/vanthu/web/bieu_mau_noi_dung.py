"""The Soạn thảo form's bodies (nội dung) and footnotes (chú thích): rows to data and back.

A body (thân: the document's, an annex's, the attached text's) is a list of rows (mục), each
a paragraph or a table. A paragraph row is a textarea
(a line break inside it is a forced break of the paragraph) and its kiểu. A table row is its
caption, a landscape box, and three texts in the shape of :mod:`.bang_chu`: the columns (one a
line, ``Tên cột | rộng cm | căn``), the merged header rows (cells ``Địa bàn (gộp 4)``) and the
body rows (cells separated by TAB, as pasted from a spreadsheet, or by ``|``). Inputs are named
by the directive's paths (``noi_dung[3].bang.dong``) so that ``vanthu check``'s problems find
them; an annex's are ``phu_luc[1].noi_dung[3].bang.dong``. A footnote row is a label and its
text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..errors import Problem
from ..schemas.gioi_han import (
    CHU_THICH_TOI_DA,
    COT_BANG_TOI_DA,
    DONG_BANG_TOI_DA,
    NOI_DUNG_TOI_DA,
    TIEU_DE_GOP_TOI_DA,
)
from .bang_chu import doc_bang_chu, viet_bang_chu
from .form_du_lieu import DONG_DU, FormDuLieu, cac_dong, cac_dong_trong, chu, ma_o

#: The inputs of a paragraph row and of a table row, after ``noi_dung[i].``.
DOAN = ("doan", "kieu")
BANG = ("bang.ten", "bang.ngang", "bang.cot", "bang.tieu_de_gop", "bang.dong")
#: The inputs of a footnote row, after ``chu_thich[i].``.
CHU_THICH = ("nhan", "ghi_chu")
#: A column's alignment as the form writes it, and every spelling it reads.
CAN_HIEN = {"trai": "trái", "giua": "giữa", "phai": "phải"}
_CAN_DOC = {**{v: k for k, v in CAN_HIEN.items()}, **{k: k for k in CAN_HIEN}}
#: A merged header cell's span, written after its text: "Địa bàn (gộp 4)".
_GOP = re.compile(r"^(.*?)\s*\((?:gộp|gop)\s+(\d{1,3})\)$", re.DOTALL | re.IGNORECASE)
#: Cells of one line of a table's text read: a few past the columns, so that the schema words
#: a line of too many cells; a line of more is the form's problem.
O_DONG_TOI_DA = COT_BANG_TOI_DA + 10
#: The bodies a form holds: the document's, an annex's, the attached text's (Mẫu 1.3).
THAN = r"noi_dung|phu_luc\[\d{1,6}\]\.noi_dung|van_ban_kem_theo\.noi_dung"
#: Row actions: add at the end, insert before row i, move row i, delete row i; of the document's
#: body, or of the body named after "@" (``len:3@phu_luc[1].noi_dung``).
HANH_DONG_MUC = re.compile(
    rf"^(them_doan|them_bang|chen_doan|chen_bang|len|xuong|xoa)(?::(\d{{1,6}}))?(?:@({THAN}))?$"
)

T = TypeVar("T")


@dataclass
class Muc:
    """One body row as typed: a paragraph or a table, its inputs by the name after the index."""

    bang: bool
    gia_tri: dict[str, str] = field(default_factory=dict)
    moi: bool = False  # just added: kept on the page though blank
    so: int | None = None  # its number (from 1) as the form showed it, if it was there

    @property
    def trong(self) -> bool:
        """Nothing typed (a paragraph's kiểu and a table's landscape box do not count)."""
        keep = ("bang.ten", "bang.cot", "bang.tieu_de_gop", "bang.dong") if self.bang else ("doan",)
        return not any(self.gia_tri.get(k, "").strip() for k in keep)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def doc_muc(
    form: FormDuLieu, prefix: str = "noi_dung", rows: dict[int, set[str]] | None = None
) -> tuple[list[Muc], Problem | None]:
    """The rows of the body ``prefix`` the form sent, blank ones included, in order (``rows``:
    their numbers and names, when already gathered)."""
    past = None
    if rows is None:
        rows, past = cac_dong(form, prefix, NOI_DUNG_TOI_DA)
    out: list[Muc] = []
    for i, names in rows.items():
        bang = any(n.startswith("bang.") for n in names)
        names_read = BANG if bang else DOAN
        values = {k: chu(form, f"{prefix}[{i}].{k}") for k in names_read}
        out.append(Muc(bang, values, so=len(out) + 1))
    return out, past


def hanh_dong_cua(action: str, prefix: str) -> str:
    """The row action meant for the body ``prefix``, without its "@…" ('' if for another)."""
    found = HANH_DONG_MUC.match(action)
    if found is None or (found.group(3) or "noi_dung") != prefix:
        return ""
    return action.partition("@")[0]


@dataclass
class Than:
    """A body as the form sent it, its row action done and blank rows dropped."""

    muc: list[Muc]
    at: int | None = None  # the row acted on
    verb: str = ""
    past: bool = False  # the form sent rows numbered past the limit

    @property
    def trong(self) -> bool:
        """Nothing typed in it and no row just added."""
        return all(m.trong and not m.moi for m in self.muc)

    @property
    def bang(self) -> list[bool]:
        """Its rows as shown, True for a table."""
        return [m.bang for m in self.muc]

    def gia_tri(self, prefix: str) -> dict[str, str]:
        """Its inputs' values, named under ``prefix`` (where it now stands)."""
        return {
            f"{prefix}[{k}].{n}": v for k, m in enumerate(self.muc) for n, v in m.gia_tri.items()
        }

    def du_lieu(self, prefix: str) -> tuple[list[dict[str, Any]], list[Problem]]:
        """Its filled rows as items, and what the form itself cannot read in them."""
        items: list[dict[str, Any]] = []
        problems: list[Problem] = []
        if self.past:
            top = NOI_DUNG_TOI_DA + DONG_DU
            problems.append(
                Problem(
                    prefix,
                    f"biểu mẫu gửi các dòng đánh số quá {top}; tối đa {NOI_DUNG_TOI_DA} mục",
                )
            )
        for k, muc in enumerate(self.muc):
            if not muc.trong:
                item, found = du_lieu_muc(muc, f"{prefix}[{k}]")
                items.append(item)
                problems += found
        return items, problems

    def tieu_diem(self, prefix: str) -> str | None:
        """The id a row action leaves the focus on: the same button again after a move (to move
        on), else the row's first input; None without an action."""
        if self.verb == "them_doan":  # the blank row the page adds at the end
            return ma_o(f"{prefix}[{len(self.muc)}].doan")
        if self.at is None:
            return None
        if self.verb in ("len", "xuong"):
            return f"{ma_o(f'{prefix}[{self.at}]')}-{self.verb}"
        first = "bang.ten" if self.at < len(self.muc) and self.muc[self.at].bang else "doan"
        return ma_o(f"{prefix}[{self.at}].{first}")


def doc_than(
    form: FormDuLieu, prefix: str, hanh_dong: str = "", names: set[str] | None = None
) -> Than:
    """The body ``prefix`` as sent, the row action meant for it done. ``names``: those of the
    list item holding it (an annex's ``ten``, ``noi_dung[3].doan`` …), when already gathered."""
    rows = None
    past: Problem | bool | None = None
    if names is not None:
        rows, past = cac_dong_trong(names, "noi_dung", NOI_DUNG_TOI_DA)
    muc, read_past = doc_muc(form, prefix, rows)
    action = hanh_dong_cua(hanh_dong, prefix)
    muc, at = lam_muc(muc, action)
    return Than(muc, at, action.partition(":")[0], bool(past or read_past))


def so_moi(rows: list[Muc]) -> dict[int, int]:
    """Each row's number as shown before, to its number now (a task's ``đoạn số`` follows the
    paragraph it named when rows move, are inserted, deleted or dropped blank)."""
    return {m.so: k + 1 for k, m in enumerate(rows) if m.so is not None}


def doi_cho(items: list[T], verb: str, i: int) -> int | None:
    """Move the item at ``i`` up (``len``) or down (``xuong``), or delete it (``xoa``), in
    place; the index the cursor goes to, or None when the verb does not apply there."""
    if verb == "len" and 0 < i < len(items):
        items[i - 1], items[i] = items[i], items[i - 1]
        return i - 1
    if verb == "xuong" and 0 <= i < len(items) - 1:
        items[i], items[i + 1] = items[i + 1], items[i]
        return i + 1
    if verb == "xoa" and 0 <= i < len(items):
        del items[i]
        return min(i, len(items))
    return None


def lam_muc(rows: list[Muc], action: str) -> tuple[list[Muc], int | None]:
    """A row action done (``them_doan``, ``chen_bang:3``, ``len:3``, ``xoa:3`` …), blank rows
    dropped but the one just added; returns the rows and the index of the row acted on."""
    found = HANH_DONG_MUC.match(action)
    rows = list(rows)
    at: int | None = None
    if found:
        verb, where = found.group(1), found.group(2)
        i = int(where) if where is not None else len(rows)
        if verb in ("them_doan", "them_bang"):
            # A paragraph is typed in the blank row that ends the body (the page adds it).
            rows = [r for r in rows if not r.trong]
            i = len(rows)
        if verb in ("them_bang", "chen_doan", "chen_bang") and i <= len(rows):
            rows.insert(i, Muc(verb.endswith("bang"), moi=True))
            at = i
        else:
            at = doi_cho(rows, verb, i)
    kept = [r for r in rows if r.moi or not r.trong]
    if at is not None:
        # The index among the rows kept (blank ones before it are gone).
        at = sum(1 for r in rows[:at] if r.moi or not r.trong)
    return kept, at


def _rong(text: str) -> float | str | None:
    """A column width typed in cm ("4,6", "4.6 cm"); anything else left for the schema."""
    bare = text.strip().lower().removesuffix("cm").strip().replace(",", ".")
    if not bare:
        return None
    try:
        return float(bare)
    except ValueError:
        return text.strip()


def _cot(row: list[str], where: str) -> tuple[dict[str, Any], Problem | None]:
    column: dict[str, Any] = {"ten": row[0]}
    if len(row) > 1 and (width := _rong(row[1])) is not None:
        column["rong"] = width
    if len(row) > 2 and row[2].strip():
        column["can"] = _CAN_DOC.get(row[2].strip().lower(), row[2].strip())
    if len(row) > 3:
        return column, Problem(
            where, f"{len(row)} parts separated by '|'; write a column as Tên cột | rộng cm | căn"
        )
    return column, None


def _o_gop(cell: str) -> dict[str, Any]:
    found = _GOP.match(cell)
    if found is None:
        return {"ten": cell}
    return {"ten": found.group(1), "gop": int(found.group(2))}


def du_lieu_muc(muc: Muc, row: str) -> tuple[dict[str, Any], list[Problem]]:
    """A filled row as a body item, and what the form itself cannot read in it (``row``: its
    path, ``noi_dung[3]``)."""
    v = muc.gia_tri
    if not muc.bang:
        item: dict[str, Any] = {"doan": v.get("doan", "").strip()}
        if v.get("kieu", "thuong") not in ("", "thuong"):
            item["kieu"] = v["kieu"]
        return item, []
    problems = []
    bang: dict[str, Any] = {}
    if caption := v.get("bang.ten", "").strip():
        bang["ten"] = caption
    if v.get("bang.ngang"):
        bang["ngang"] = True
    texts = {}
    for name, most in (
        ("cot", COT_BANG_TOI_DA),
        ("tieu_de_gop", TIEU_DE_GOP_TOI_DA),
        ("dong", DONG_BANG_TOI_DA),
    ):
        rows = doc_bang_chu(_nfc(v.get(f"bang.{name}", "")))
        cells = max((len(r) for r in rows), default=0)
        where = f"{row}.bang.{name}"
        if len(rows) > most:
            problems.append(Problem(where, f"{len(rows)} dòng, tối đa {most}"))
            rows = rows[: most + 1]
        elif cells > O_DONG_TOI_DA:
            problems.append(Problem(where, f"một dòng có {cells} ô, tối đa {COT_BANG_TOI_DA}"))
            rows = []
        texts[name] = rows
    columns = []
    for j, cells_j in enumerate(texts["cot"]):
        column, problem = _cot(cells_j, f"{row}.bang.cot[{j}]")
        columns.append(column)
        if problem:
            problems.append(problem)
    bang["cot"] = columns
    if texts["tieu_de_gop"]:
        bang["tieu_de_gop"] = [[_o_gop(c) for c in hang] for hang in texts["tieu_de_gop"]]
    bang["dong"] = texts["dong"]
    return {"bang": bang}, problems


def _so_cm(rong: float) -> str:
    text = repr(rong)
    return text.removesuffix(".0").replace(".", ",")


def muc_tu_du_lieu(item: dict[str, Any] | str) -> Muc:
    """A ``noi_dung`` item as the form shows it: a stored one (as dumped to JSON), or one a Word
    import read (a paragraph may be its text alone)."""
    if not isinstance(item, dict):
        item = {"doan": item}
    bang = item.get("bang")
    if bang is None:
        doan = item.get("doan")
        return Muc(
            False, {"doan": "" if doan is None else str(doan), "kieu": item.get("kieu") or "thuong"}
        )
    columns = []
    for c in bang["cot"]:
        row = [c["ten"]]
        if c.get("rong") is not None or c.get("can"):
            row.append("" if c.get("rong") is None else _so_cm(c["rong"]))
        if c.get("can"):
            row.append(CAN_HIEN[c["can"]])
        columns.append(row)
    merged = []
    for gop_row in bang.get("tieu_de_gop") or []:
        cells = []
        for o in gop_row:
            ten, gop = o["ten"], o.get("gop", 1)
            # A span of 1 is written only when the text would read as a span.
            cells.append(f"{ten} (gộp {gop})".lstrip() if gop > 1 or _GOP.match(ten) else ten)
        merged.append(cells)
    return Muc(
        True,
        {
            "bang.ten": bang.get("ten") or "",
            "bang.ngang": "1" if bang.get("ngang") else "",
            "bang.cot": viet_bang_chu(columns),
            "bang.tieu_de_gop": viet_bang_chu(merged),
            "bang.dong": viet_bang_chu(bang["dong"]),
        },
    )


def doc_chu_thich(form: FormDuLieu) -> tuple[list[tuple[str, str]], list[Problem]]:
    """The footnote rows filled in, as typed (label, text), and the form's own problems: a row
    numbered past the limit, a label given twice."""
    rows, past = cac_dong(form, "chu_thich", CHU_THICH_TOI_DA)
    problems = [past] if past else []
    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i in rows:
        label, text = (chu(form, f"chu_thich[{i}].{p}") for p in CHU_THICH)
        if not (label.strip() or text.strip()):
            continue
        k = len(out)
        key = label.strip()
        if key in seen:
            problems.append(
                Problem(
                    f"chu_thich[{k}].nhan",
                    f"'{key[:40]}' đã là nhãn của chú thích {seen[key] + 1}; mỗi chú thích "
                    "một nhãn riêng",
                )
            )
        seen.setdefault(key, k)
        out.append((label, text))
    return out, problems


def o_chu_thich(where: str, labels: list[str]) -> str:
    """A problem's path with a footnote's label made its row's input: ``chu_thich.nguon`` →
    ``chu_thich[2].ghi_chu``, ``chu_thich.nguon.[key]`` (the label itself) →
    ``chu_thich[2].nhan``; any other path as it is."""
    if not where.startswith("chu_thich."):
        return where
    rest = where.removeprefix("chu_thich.")
    for k, label in sorted(enumerate(labels), key=lambda kl: -len(kl[1])):
        if rest == label:
            return f"chu_thich[{k}].ghi_chu"
        if rest.startswith(label + "."):
            return f"chu_thich[{k}].nhan"
    return where
