"""What a directive prints (khứ in): the directive file's payload with what no document shows
taken out, so that a directive and its Word import compare field by field.

Each step names why the printed document cannot carry the field; nothing else is loosened.
"""

from __future__ import annotations

import re
from typing import Any

from vanthu.schemas import VanBan

#: Fields printed over several lines: the renderer breaks a long one into lines of its own, so
#: a break it made and a break the file forced ("\n") print alike.
_NHIEU_DONG = ("co_quan", "co_quan_chu_quan", "co_quan_2", "co_quan_chu_quan_2", "tham_quyen")
_GOI = re.compile(r"\[\^([^\]]+)\]")


def _mot_dong(text: str) -> str:
    return " ".join(text.split())


def _than(items: list[Any], *, cuoi: bool) -> list[Any]:
    out = []
    for k, item in enumerate(items):
        item = dict(item)
        if "doan" in item:
            text = item["doan"]
            # "Điều n." is set bold by the renderer whatever the file says
            text = re.sub(r"^\*\*(Điều\s+\d+[a-zđ]?\.)\*\*", r"\1", text)
            if cuoi and k == len(items) - 1 and not text.endswith("./."):
                # the ending as printed: the renderer adds "/." after a full stop, else "./."
                text += "/." if text.endswith(".") else "./."
            item["doan"] = text
            if (
                item.get("kieu") == "tieu_de"
                and re.match(r"^[IVXLCDM]+\.\s", text)
                and (text == text.upper())
            ):
                item.pop("kieu")  # a Roman-numbered heading in capitals is set so by itself
        if "bang" in item:
            bang = dict(item["bang"])
            # widths the file leaves open are computed; the import reads the computed ones
            bang["cot"] = [{k: v for k, v in c.items() if k != "rong"} for c in bang["cot"]]
            if "ten" in bang:
                bang["ten"] = _mot_dong(bang["ten"])
            item["bang"] = bang
        out.append(item)
    return out


def khu_in(vb: VanBan) -> dict[str, Any]:
    """The payload of a directive as its printed document shows it (see the module)."""
    data = vb.model_dump(mode="json", exclude_defaults=True)
    for key in _NHIEU_DONG:
        if key in data:
            data[key] = _mot_dong(data[key])
    if "trich_yeu" in data:
        text = _mot_dong(data["trich_yeu"])
        # a công văn prints its subject "V/v …" whatever prefix the file gives
        data["trich_yeu"] = (
            re.sub(r"^(V/v|Về việc)\s+", "V/v ", text) if vb.loai == "cong_van" else text
        )
    # who a Nơi nhận line stands for and the tasks are the lifecycle's data, never printed
    data.pop("nhiem_vu", None)
    data["noi_nhan"] = [
        {"ten": n.ten, **({"muc_con": [m.ten for m in n.muc_con]} if n.muc_con else {})}
        for n in vb.noi_nhan
    ]
    # a signature or seal image is placed on paper, not read back from it
    for key in ("nguoi_ky", "nguoi_ky_2"):
        if key in data:
            for image in ("anh_chu_ky", "anh_con_dau", "duong_kinh_dau"):
                data[key].pop(image, None)
    # the Lưu line prints the drafting unit and the other entries alike, and the symbol is
    # printed whole: compare what is printed, not which field held it
    for key in ("don_vi_soan_thao", "luu", "ky_hieu"):
        data.pop(key, None)
    data["muc_luu"] = vb.muc_luu
    data["ky_hieu_day_du"] = vb.ky_hieu_day_du
    if vb.loai == "bien_ban":
        data.pop("dia_danh", None)  # a biên bản prints no place (Mẫu 1.9)
    # footnote labels are not printed: notes are numbered in call order
    labels: dict[str, str] = {}
    if "chu_thich" in data:
        for item in data["noi_dung"]:
            for m in _GOI.finditer(item.get("doan") or ""):
                labels.setdefault(m[1], str(len(labels) + 1))
        data["chu_thich"] = {labels[k]: v for k, v in data["chu_thich"].items()}
        data["noi_dung"] = [
            {**i, "doan": _GOI.sub(lambda m: f"[^{labels[m[1]]}]", i["doan"])} if "doan" in i else i
            for i in data["noi_dung"]
        ]
    data["noi_dung"] = _than(data["noi_dung"], cuoi=True)
    if "van_ban_kem_theo" in data:
        kem = data["van_ban_kem_theo"]
        kem["noi_dung"] = _than(kem["noi_dung"], cuoi=True)
        if "trich_yeu" in kem:
            kem["trich_yeu"] = _mot_dong(kem["trich_yeu"])
    for annex in data.get("phu_luc", []):
        annex["ten"] = _mot_dong(annex["ten"]).upper()  # printed in capitals
        annex["noi_dung"] = _than(annex["noi_dung"], cuoi=False)
    return data
