"""The Soạn thảo form's annexes (phụ lục) and the text a quyết định issues (văn bản kèm theo).

Each annex is a title (``phu_luc[1].ten``) and a body of rows like the document's
(``phu_luc[1].noi_dung[3].bang.dong``, see :mod:`.bieu_mau_noi_dung`) with its own row buttons;
the annex buttons add one, move one up or down, or delete it. The attached text (Mẫu 1.3) is its
type, its trích yếu and a body (``van_ban_kem_theo.noi_dung[0].doan``). A blank annex or a
blank attached text is dropped, as a blank row is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..schemas.gioi_han import PHU_LUC_TOI_DA
from .bieu_mau_noi_dung import Than, doc_than, doi_cho, hanh_dong_cua, muc_tu_du_lieu
from .form_du_lieu import FormDuLieu, cac_dong, chu, ma_o

#: The inputs of an annex beside its body, after ``phu_luc[k].``; of the attached text, after
#: ``van_ban_kem_theo.``.
PHU_LUC = ("ten",)
KEM_THEO = ("loai", "trich_yeu")
#: Annex actions: add one at the end, move annex k up or down, delete it.
HANH_DONG_PHU_LUC = re.compile(r"^(them|len|xuong|xoa)_phu_luc(?::(\d{1,6}))?$")
#: The id of the "Thêm phụ lục" button (the focus after the last annex is deleted).
NUT_THEM_PHU_LUC = "o-phu_luc-them"


@dataclass
class _PhuLuc:
    ten: str
    than: Than
    moi: bool = False  # just added: kept on the page though blank

    @property
    def trong(self) -> bool:
        return not self.ten.strip() and self.than.trong and not self.moi


@dataclass
class PhanKemTheo:
    """The annexes and the attached text as read: values to show, data, rows, problems."""

    gia_tri: dict[str, str] = field(default_factory=dict)
    du_lieu: dict[str, Any] = field(default_factory=dict)
    #: Each annex's body rows shown (True for a table); the attached text's.
    phu_luc: list[list[bool]] = field(default_factory=list)
    kem_theo: list[bool] = field(default_factory=list)
    van_de: list[Problem] = field(default_factory=list)
    tieu_diem: str | None = None


def _lam_phu_luc(annexes: list[_PhuLuc], action: str) -> tuple[list[_PhuLuc], str | None]:
    """An annex action done, blank annexes dropped; returns them and the id to focus."""
    found = HANH_DONG_PHU_LUC.match(action)
    if found is None:
        return [a for a in annexes if not a.trong], None
    verb = found.group(1)
    i = int(found.group(2)) if found.group(2) is not None else len(annexes)
    at: int | None = None
    if verb == "them":
        annexes = [a for a in annexes if not a.trong]
        annexes.append(_PhuLuc("", Than([]), moi=True))
        at = len(annexes) - 1
    else:
        at = doi_cho(annexes, verb, i)
    kept = [a for a in annexes if not a.trong]
    if at is None:
        return kept, None
    at = sum(1 for a in annexes[:at] if not a.trong)
    if verb in ("len", "xuong"):
        return kept, f"{ma_o(f'phu_luc[{at}]')}-{verb}"
    if at >= len(kept):
        return kept, NUT_THEM_PHU_LUC
    return kept, ma_o(f"phu_luc[{at}].ten")


def doc_phu_luc(form: FormDuLieu, hanh_dong: str = "") -> PhanKemTheo:
    """The annexes and the attached text the form sent, an annex action or a row action of
    their bodies done (``them_phu_luc``, ``xoa_phu_luc:1``, ``len:3@phu_luc[1].noi_dung``)."""
    out = PhanKemTheo()
    rows, past = cac_dong(form, "phu_luc", PHU_LUC_TOI_DA)
    if past:
        out.van_de.append(past)
    annexes = [
        _PhuLuc(
            chu(form, f"phu_luc[{i}].ten"),
            doc_than(form, f"phu_luc[{i}].noi_dung", hanh_dong, names),
            # A row button of a blank annex (just added) keeps it on the page.
            moi=bool(hanh_dong_cua(hanh_dong, f"phu_luc[{i}].noi_dung")),
        )
        for i, names in rows.items()
    ]
    annexes, out.tieu_diem = _lam_phu_luc(annexes, hanh_dong)
    items: list[dict[str, Any]] = []
    for k, annex in enumerate(annexes):
        body = f"phu_luc[{k}].noi_dung"
        out.gia_tri[f"phu_luc[{k}].ten"] = annex.ten
        out.gia_tri |= annex.than.gia_tri(body)
        out.phu_luc.append(annex.than.bang)
        item: dict[str, Any] = {}
        if annex.ten.strip():
            item["ten"] = annex.ten.strip()
        item["noi_dung"], problems = annex.than.du_lieu(body)
        out.van_de += problems
        items.append(item)
        out.tieu_diem = out.tieu_diem or annex.than.tieu_diem(body)
    if items:
        out.du_lieu["phu_luc"] = items

    body = "van_ban_kem_theo.noi_dung"
    than = doc_than(form, body, hanh_dong)
    values = {p: chu(form, f"van_ban_kem_theo.{p}") for p in KEM_THEO}
    out.gia_tri |= {f"van_ban_kem_theo.{p}": v for p, v in values.items()}
    out.gia_tri |= than.gia_tri(body)
    out.kem_theo = than.bang
    out.tieu_diem = out.tieu_diem or than.tieu_diem(body)
    if any(v.strip() for v in values.values()) or not than.trong:
        text: dict[str, Any] = {p: v.strip() for p, v in values.items() if v.strip()}
        text["noi_dung"], problems = than.du_lieu(body)
        out.van_de += problems
        out.du_lieu["van_ban_kem_theo"] = text
    return out


def phu_luc_tu_du_lieu(data: Mapping[str, Any]) -> PhanKemTheo:
    """The annexes and the attached text of a stored draft (as dumped to JSON), or of what a
    Word import read, as the form shows them."""
    out = PhanKemTheo()
    for k, annex in enumerate(data.get("phu_luc") or []):
        out.gia_tri[f"phu_luc[{k}].ten"] = annex.get("ten") or ""
        rows = []
        for j, item in enumerate(annex.get("noi_dung") or []):
            muc = muc_tu_du_lieu(item)
            out.gia_tri |= {f"phu_luc[{k}].noi_dung[{j}].{n}": v for n, v in muc.gia_tri.items()}
            rows.append(muc.bang)
        out.phu_luc.append(rows)
    text = data.get("van_ban_kem_theo") or {"noi_dung": []}
    for p in KEM_THEO:
        out.gia_tri[f"van_ban_kem_theo.{p}"] = text.get(p) or ""
    for j, item in enumerate(text.get("noi_dung") or []):
        muc = muc_tu_du_lieu(item)
        out.gia_tri |= {f"van_ban_kem_theo.noi_dung[{j}].{n}": v for n, v in muc.gia_tri.items()}
        out.kem_theo.append(muc.bang)
    return out
