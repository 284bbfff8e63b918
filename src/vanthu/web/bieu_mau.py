"""The Soạn thảo form (biểu mẫu): its inputs to directive data and back, problems to inputs.

Inputs are named by the directive file's field paths (``nguoi_ky.ho_ten``,
``noi_nhan[2].ma_co_quan``, ``noi_dung[3].bang.dong``), so that a problem's path from
``vanthu check`` finds its input by dropping trailing parts. Lists of text are textareas with one
item per line; Nơi nhận, nhiệm vụ, the body (:mod:`.bieu_mau_noi_dung`) and the footnotes are
rows, renumbered from 0 without the blank ones; a Nơi nhận line's "+" sub-items are rows under
it (``noi_nhan[2].muc_con[0].ten``). The annexes and the text a quyết định issues, each with a
body of rows like the document's, are read by :mod:`.bieu_mau_phu_luc`. Every field of the
directive file has an input, so a draft shown in the form and saved is the same draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..schemas import VanBan
from ..schemas.gioi_han import (
    CHU_THICH_TOI_DA,
    MUC_CON_TOI_DA,
    NHIEM_VU_TOI_DA,
    NOI_DUNG_TOI_DA,
    NOI_NHAN_TOI_DA,
    PHU_LUC_TOI_DA,
)
from ..schemas.nhiem_vu import NhiemVu
from .bieu_mau_noi_dung import (
    BANG,
    CHU_THICH,
    DOAN,
    doc_chu_thich,
    doc_than,
    muc_tu_du_lieu,
    o_chu_thich,
    so_moi,
)
from .bieu_mau_phu_luc import KEM_THEO, PHU_LUC, doc_phu_luc, phu_luc_tu_du_lieu
from .form_du_lieu import DONG_DU, FormDuLieu, cac_dong, cac_dong_trong, chi_muc
from .form_du_lieu import chu as _text
from .form_du_lieu import ma_o as ma_o

#: One-line and multi-line text fields of the top level, in form order.
VAN_BAN_DON = (
    "loai",
    "co_quan_chu_quan",
    "co_quan",
    "ky_hieu_co_quan",
    "co_quan_chu_quan_2",
    "co_quan_2",
    "ky_hieu_co_quan_2",
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
    "kem_theo_cua",
)
#: Whole numbers of the top level (a draft's year, the copies issued).
SO_NGUYEN = ("nam", "so_ban")
#: Lists of text, one item per line of a textarea.
DANH_SACH_DONG = (
    "kinh_gui",
    "can_cu",
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
#: The inputs of a Nơi nhận line, and of each of its "+" sub-items (``noi_nhan[i].muc_con[j].``).
NOI_NHAN = ("ten", "ma_co_quan", "nhom", "noi_bo")
NHIEM_VU = ("doan", "ma_co_quan", "nhom", "han", "bao_cao", "mo_ta")
#: The bodies of rows a form may hold: the document's, each annex's (and one just added), the
#: attached text's.
THAN_TOI_DA = 1 + PHU_LUC_TOI_DA + 1 + 1
#: Inputs a submitted Soạn thảo form may hold: every list at its limit and the blank rows
#: offered after it (a table row has 5 inputs, a Nơi nhận line or sub-item 4 and one per group
#: chosen; the lines and their sub-items together stay within NOI_NHAN_TOI_DA), and a hundred
#: groups chosen on each of twenty rows; a larger form is refused whole.
TRUONG_TOI_DA = (
    100
    + THAN_TOI_DA * len(BANG) * (NOI_DUNG_TOI_DA + DONG_DU)
    + len(PHU_LUC) * (PHU_LUC_TOI_DA + 1)
    + len(KEM_THEO)
    + len(NOI_NHAN) * (NOI_NHAN_TOI_DA + 2 * DONG_DU)
    + len(NHIEM_VU) * (NHIEM_VU_TOI_DA + DONG_DU)
    + len(CHU_THICH) * (CHU_THICH_TOI_DA + DONG_DU)
    + 20 * 100
)
#: Blank "+" rows offered under a line when the drafter asks for them, and under a line that
#: has some (to type the next).
MUC_CON_THEM = 3
#: A Nơi nhận action: blank "+" rows under line i.
HANH_DONG_MUC_CON = re.compile(r"^them_muc_con:(\d{1,6})$")

#: Whether a task asks for a report when the data does not say (the schema's default).
BAO_CAO_MAC_DINH: bool = NhiemVu.model_fields["bao_cao"].default

GiaTri = dict[str, str | list[str]]


@dataclass
class BieuMau:
    """A form's values as shown (by input name), and the directive data built from them."""

    gia_tri: GiaTri = field(default_factory=dict)
    du_lieu: dict[str, Any] = field(default_factory=dict)
    so_noi_nhan: int = 0
    so_nhiem_vu: int = 0
    #: The "+" sub-items of each Nơi nhận line, and the line the drafter asked blank ones under.
    muc_con: list[int] = field(default_factory=list)
    them_muc_con: int | None = None
    #: The body rows shown, True for a table (the document's, each annex's, the attached
    #: text's); the footnote labels shown, in order.
    noi_dung: list[bool] = field(default_factory=list)
    phu_luc: list[list[bool]] = field(default_factory=list)
    kem_theo: list[bool] = field(default_factory=list)
    chu_thich: list[str] = field(default_factory=list)
    #: The id of the control a row action leaves the focus on (autofocus), if any.
    tieu_diem: str | None = None
    #: What the form itself could not read (rows past a limit, a label given twice).
    van_de: list[Problem] = field(default_factory=list)

    def chuoi(self, name: str) -> str:
        """An input's value as text ('' if none)."""
        value = self.gia_tri.get(name, "")
        return value if isinstance(value, str) else " ".join(value)

    def chon(self, name: str) -> list[str]:
        """A multiple select's chosen values."""
        value = self.gia_tri.get(name, [])
        return [value] if isinstance(value, str) else value

    def o_cua(self, where: str) -> str:
        """A problem's path as the form names its input (a footnote's label → its row)."""
        return o_chu_thich(where, self.chu_thich)


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


def _rows_names(out: BieuMau, form: FormDuLieu, prefix: str, toi_da: int) -> dict[int, set[str]]:
    rows, past = cac_dong(form, prefix, toi_da)
    if past:
        out.van_de.append(past)
    return rows


def _rows(out: BieuMau, form: FormDuLieu, prefix: str, toi_da: int) -> list[int]:
    return list(_rows_names(out, form, prefix, toi_da))


def _noi_dung(
    out: BieuMau, form: FormDuLieu, data: dict[str, Any], hanh_dong: str
) -> dict[int, int]:
    """The body rows: a row action done, blank rows dropped, the rest renumbered; returns each
    row's number as shown to its number now."""
    than = doc_than(form, "noi_dung", hanh_dong)
    out.gia_tri |= than.gia_tri("noi_dung")
    items, problems = than.du_lieu("noi_dung")
    out.van_de += problems
    if items:
        data["noi_dung"] = items
    out.noi_dung = than.bang
    out.tieu_diem = than.tieu_diem("noi_dung")
    return so_moi(than.muc)


def _dong_noi_nhan(
    out: BieuMau, form: FormDuLieu, sent: str, shown: str, keep: bool = False
) -> dict[str, Any] | None:
    """A Nơi nhận line or sub-item as sent under ``sent``, shown under ``shown``; None if blank
    (and not ``keep``)."""
    row = {p: _text(form, f"{sent}.{p}") for p in ("ten", "ma_co_quan", "noi_bo")}
    groups = [g for g in form.getlist(f"{sent}.nhom") if isinstance(g, str) and g]
    if not (row["ten"].strip() or row["ma_co_quan"].strip() or groups or keep):
        return None
    out.gia_tri |= {f"{shown}.{p}": v for p, v in row.items()}
    out.gia_tri[f"{shown}.nhom"] = groups
    line: dict[str, Any] = {"ten": row["ten"].strip()}
    if codes := _codes(row["ma_co_quan"]):
        line["ma_co_quan"] = codes
    if groups:
        line["nhom"] = groups
    if row["noi_bo"]:
        line["noi_bo"] = True
    return line


def _noi_nhan(out: BieuMau, form: FormDuLieu, data: dict[str, Any], hanh_dong: str) -> None:
    """The Nơi nhận lines and their "+" sub-items, blank ones dropped, the rest renumbered."""
    asked = m.group(1) if (m := HANH_DONG_MUC_CON.match(hanh_dong)) else None
    lines: list[dict[str, Any]] = []
    for i, names in _rows_names(out, form, "noi_nhan", NOI_NHAN_TOI_DA).items():
        k = len(lines)
        subs, past = cac_dong_trong(names, "muc_con", MUC_CON_TOI_DA, f"noi_nhan[{k}].muc_con")
        if past:
            out.van_de.append(past)
        items: list[dict[str, Any]] = []
        for j in subs:
            sub = _dong_noi_nhan(
                out, form, f"noi_nhan[{i}].muc_con[{j}]", f"noi_nhan[{k}].muc_con[{len(items)}]"
            )
            if sub is not None:
                items.append(sub)
        here = asked == str(i)
        line = _dong_noi_nhan(out, form, f"noi_nhan[{i}]", f"noi_nhan[{k}]", bool(items) or here)
        if line is None:
            continue
        if items:
            line["muc_con"] = items
        if here:
            out.them_muc_con = k
            out.tieu_diem = ma_o(f"noi_nhan[{k}].muc_con[{len(items)}].ten")
        lines.append(line)
        out.muc_con.append(len(items))
    if lines:
        data["noi_nhan"] = lines
    out.so_noi_nhan = len(lines)


def _chu_thich(out: BieuMau, form: FormDuLieu, data: dict[str, Any]) -> None:
    rows, problems = doc_chu_thich(form)
    out.van_de += problems
    notes: dict[str, str] = {}
    for k, (label, text) in enumerate(rows):
        out.gia_tri[f"chu_thich[{k}].nhan"] = label
        out.gia_tri[f"chu_thich[{k}].ghi_chu"] = text
        notes.setdefault(label.strip(), text.strip())
    if notes:
        data["chu_thich"] = notes
    out.chu_thich = [label.strip() for label, _ in rows]


def doc_bieu_mau(form: FormDuLieu, hanh_dong: str = "") -> BieuMau:
    """The submitted form as values to show again and the directive data to validate.

    Args:
        form: the submitted inputs.
        hanh_dong: a row action to do first: of a body (``them_bang``, ``len:3``,
            ``xoa:2@phu_luc[1].noi_dung``, see :func:`.bieu_mau_noi_dung.lam_muc`), of the
            annexes (``them_phu_luc``, ``xoa_phu_luc:1``), or blank "+" rows under a Nơi nhận
            line (``them_muc_con:2``); others are ignored.
    """
    form = chi_muc(form)
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
    for name in ("kinh_gui", "can_cu", "lien_he"):
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

    renumbered = _noi_dung(out, form, data, hanh_dong)
    _chu_thich(out, form, data)

    _noi_nhan(out, form, data, hanh_dong)
    annexes = doc_phu_luc(form, hanh_dong)
    out.gia_tri |= annexes.gia_tri
    data |= annexes.du_lieu
    out.phu_luc, out.kem_theo = annexes.phu_luc, annexes.kem_theo
    out.van_de += annexes.van_de
    out.tieu_diem = out.tieu_diem or annexes.tieu_diem

    tasks: list[dict[str, Any]] = []
    for i in _rows(out, form, "nhiem_vu", NHIEM_VU_TOI_DA):
        row = {p: _text(form, f"nhiem_vu[{i}].{p}") for p in NHIEM_VU if p != "nhom"}
        if (shown := _so(row["doan"].strip())) in renumbered:
            # The paragraph the task named, wherever it went.
            row["doan"] = str(renumbered[int(shown)])
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


def _chu_cua(value: Any) -> str:
    """A value as an input shows it ('' for none)."""
    return "" if value is None else str(value)


def _ds(value: Any) -> list[Any]:
    """A list of the data (none: empty; a single value: a list of it)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _ban_ghi(value: Any, khoa: str) -> dict[str, Any]:
    """A mapping of the data; text alone stands for its ``khoa`` (a Nơi nhận line's name)."""
    if isinstance(value, dict):
        return value
    return {} if value is None else {khoa: value}


def _dong_chu(value: Any, sep: str = "\n") -> str:
    return sep.join(_chu_cua(v) for v in _ds(value))


def bieu_mau_tu_du_lieu(data: Mapping[str, Any]) -> BieuMau:
    """Directive data as the form shows it: a stored draft's (dumped to JSON), or what a Word
    import read even when it does not validate. A field the data lacks shows blank; every
    field the form has an input for is shown as read."""
    out = BieuMau(du_lieu=dict(data))
    for name in (*VAN_BAN_DON, *SO_NGUYEN):
        out.gia_tri[name] = _chu_cua(data.get(name))
    for name in ("kinh_gui", "can_cu", "lien_he"):
        out.gia_tri[name] = _dong_chu(data.get(name))
    for k, item in enumerate(_ds(data.get("noi_dung"))):
        muc = muc_tu_du_lieu(item)
        out.gia_tri |= {f"noi_dung[{k}].{n}": v for n, v in muc.gia_tri.items()}
        out.noi_dung.append(muc.bang)
    notes = data.get("chu_thich")
    for k, (label, text) in enumerate((notes if isinstance(notes, dict) else {}).items()):
        out.gia_tri[f"chu_thich[{k}].nhan"] = _chu_cua(label)
        out.gia_tri[f"chu_thich[{k}].ghi_chu"] = _chu_cua(text)
        out.chu_thich.append(_chu_cua(label))
    out.gia_tri["luu"] = _dong_chu(data.get("luu"), ", ")
    for who in CAC_NGUOI_KY:
        signer = _ban_ghi(data.get(who), "chuc_vu")
        out.gia_tri[f"{who}.quyen_han"] = _dong_chu(signer.get("quyen_han"), ", ")
        out.gia_tri[f"{who}.thay_mat"] = _dong_chu(signer.get("thay_mat"))
        out.gia_tri[f"{who}.chuc_vu_khac"] = _dong_chu(signer.get("chuc_vu_khac"))
        for part in NGUOI_KY:
            out.gia_tri[f"{who}.{part}"] = _chu_cua(signer.get(part))
    for k, raw in enumerate(_ds(data.get("noi_nhan"))):
        line = _ban_ghi(raw, "ten")
        subs = [_ban_ghi(sub, "ten") for sub in _ds(line.get("muc_con"))]
        for where, one in (
            (f"noi_nhan[{k}]", line),
            *((f"noi_nhan[{k}].muc_con[{j}]", sub) for j, sub in enumerate(subs)),
        ):
            out.gia_tri[f"{where}.ten"] = _chu_cua(one.get("ten"))
            out.gia_tri[f"{where}.ma_co_quan"] = _dong_chu(one.get("ma_co_quan"), ", ")
            out.gia_tri[f"{where}.nhom"] = [_chu_cua(g) for g in _ds(one.get("nhom"))]
            out.gia_tri[f"{where}.noi_bo"] = "1" if one.get("noi_bo") else ""
        out.muc_con.append(len(subs))
    annexes = phu_luc_tu_du_lieu(data)
    out.gia_tri |= annexes.gia_tri
    out.phu_luc, out.kem_theo = annexes.phu_luc, annexes.kem_theo
    tasks = [_ban_ghi(task, "mo_ta") for task in _ds(data.get("nhiem_vu"))]
    for k, task in enumerate(tasks):
        out.gia_tri[f"nhiem_vu[{k}].doan"] = _chu_cua(task.get("doan"))
        out.gia_tri[f"nhiem_vu[{k}].ma_co_quan"] = _dong_chu(task.get("ma_co_quan"), ", ")
        out.gia_tri[f"nhiem_vu[{k}].nhom"] = [_chu_cua(g) for g in _ds(task.get("nhom"))]
        out.gia_tri[f"nhiem_vu[{k}].han"] = _chu_cua(task.get("han"))
        bao_cao = task.get("bao_cao", BAO_CAO_MAC_DINH)
        out.gia_tri[f"nhiem_vu[{k}].bao_cao"] = "1" if bao_cao else ""
        out.gia_tri[f"nhiem_vu[{k}].mo_ta"] = _chu_cua(task.get("mo_ta"))
    out.so_noi_nhan = len(out.muc_con)
    out.so_nhiem_vu = len(tasks)
    return out


def bieu_mau_tu_van_ban(vb: VanBan) -> BieuMau:
    """A stored draft as the form shows it."""
    return bieu_mau_tu_du_lieu(vb.model_dump(mode="json"))


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


def _ten_than(prefix: str, rows: Sequence[bool]) -> list[str]:
    """The input names of a body's rows (True for a table), and of the body itself."""
    names = [prefix]
    for i, bang in enumerate(rows):
        row = f"{prefix}[{i}]"
        names += [row, *(f"{row}.{p}" for p in (BANG if bang else DOAN))]
        if bang:
            names.append(f"{row}.bang")
    return names


def ten_cac_o(
    so_noi_nhan: int,
    so_nhiem_vu: int,
    noi_dung: Sequence[bool] = (),
    so_chu_thich: int = 0,
    muc_con: Sequence[int] = (),
    phu_luc: Sequence[Sequence[bool]] = (),
    kem_theo: Sequence[bool] = (),
) -> list[str]:
    """Every input name of a form with that many rows: ``noi_dung``, each of ``phu_luc`` and
    ``kem_theo`` a body's rows (True for a table); ``muc_con`` the "+" rows under each Nơi nhận
    line shown."""
    names = [*VAN_BAN_DON, *SO_NGUYEN, *DANH_SACH_DONG, *DANH_SACH_MA]
    # A problem of a whole block (a missing signer, a task's paragraph) shows at its fieldset.
    names += [f"{who}.{p}" for who in CAC_NGUOI_KY for p in NGUOI_KY]
    names += [*CAC_NGUOI_KY, "noi_nhan", "nhiem_vu", "chu_thich", "phu_luc", "van_ban_kem_theo"]
    names += _ten_than("noi_dung", noi_dung)
    names += [f"chu_thich[{i}].{p}" for i in range(so_chu_thich) for p in CHU_THICH]
    names += [f"noi_nhan[{i}].{p}" for i in range(so_noi_nhan) for p in NOI_NHAN]
    for i, count in enumerate(muc_con):
        if count:
            sub = f"noi_nhan[{i}].muc_con"
            names += [sub, *(f"{sub}[{j}].{p}" for j in range(count) for p in NOI_NHAN)]
    names += [f"nhiem_vu[{i}].{p}" for i in range(so_nhiem_vu) for p in NHIEM_VU]
    for k, rows in enumerate(phu_luc):
        names += [f"phu_luc[{k}]", *(f"phu_luc[{k}].{p}" for p in PHU_LUC)]
        names += _ten_than(f"phu_luc[{k}].noi_dung", rows)
    names += [f"van_ban_kem_theo.{p}" for p in KEM_THEO]
    names += _ten_than("van_ban_kem_theo.noi_dung", kem_theo)
    return names


def loi_theo_o(
    problems: Iterable[Problem],
    names: Iterable[str],
    o_cua: Callable[[str], str] | None = None,
) -> tuple[dict[str, list[str]], list[tuple[str, str | None]]]:
    """Each problem (or warning) beside its input (as ``vanthu check`` words it), and the
    summary: every problem with the input it points at (None: the whole file). ``o_cua`` turns
    a path into the form's own first (a footnote's label into its row)."""
    names = list(names)
    by_input: dict[str, list[str]] = {}
    summary: list[tuple[str, str | None]] = []
    for problem in problems:
        target = o_nhap(o_cua(problem.where) if o_cua else problem.where, names)
        if target is not None:
            by_input.setdefault(target, []).append(str(problem))
        summary.append((str(problem), target))
    return by_input, summary
