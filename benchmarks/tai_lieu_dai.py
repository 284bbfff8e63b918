"""The long document of the render benchmark: a báo cáo of ten pages with tables and annexes.

Built from the example files' own pieces (the báo cáo with tables, the hướng dẫn with emphasis,
line breaks and footnotes): its body repeated into a report of three parts, a portrait table
that crosses pages with its header rows repeated, a landscape table, and two annexes (phụ lục:
a table of 25 rows, and the landscape table again). Written as a directive file, so that the
``vanthu render`` command and LibreOffice are timed on the same document as the in-process
render.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

#: How many times the hướng dẫn's body is repeated, each time as one part of the report.
PHAN = 3
#: Rows of the long portrait table.
DONG_BANG = 30
#: Rows of the annex's table.
DONG_PHU_LUC = 25


def _doc(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def du_lieu(examples: Path) -> dict[str, Any]:
    """The long báo cáo as directive-file data."""
    report = _doc(examples / "bao-cao-bang.yaml")
    guide = _doc(examples / "huong-dan.yaml")
    tables = [d for d in report["noi_dung"] if isinstance(d, dict) and "bang" in d]
    portrait = copy.deepcopy(next(t for t in tables if not t["bang"].get("ngang")))
    rows = portrait["bang"]["dong"]
    portrait["bang"]["dong"] = [[str(i + 1), *rows[i % len(rows)][1:]] for i in range(DONG_BANG)]
    annex = copy.deepcopy(portrait)
    annex["bang"]["dong"] = portrait["bang"]["dong"][:DONG_PHU_LUC]
    body: list[Any] = list(report["noi_dung"][:1])
    notes: dict[str, str] = {}
    for k in range(PHAN):
        body.append(
            {"doan": f"{['I', 'II', 'III', 'IV', 'V', 'VI'][k]}. PHẦN {k + 1}", "kieu": "tieu_de"}
        )
        for item in guide["noi_dung"]:
            if isinstance(item, str):
                # Each part calls its own copies of the guide's footnotes.
                for label in guide.get("chu_thich", {}):
                    item = item.replace(f"[^{label}]", f"[^{label}-{k}]")
                body.append(item)
            elif isinstance(item, dict) and "doan" in item and item["doan"].startswith("I"):
                continue  # the guide's own part headings
            else:
                body.append(item)
        notes |= {f"{label}-{k}": text for label, text in guide.get("chu_thich", {}).items()}
        if k == 1:
            body.append(portrait)
        if k == 2:
            body += [t for t in tables if t["bang"].get("ngang")]
    body.append("Sở Y tế báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo.")
    data = {key: value for key, value in report.items() if key != "noi_dung"}
    data["noi_dung"] = body
    data["chu_thich"] = notes
    data["trich_yeu"] = "Kết quả triển khai các biện pháp phòng, chống dịch COVID-19 năm 2021"
    data["phu_luc"] = [
        {"ten": "Danh sách các điểm tiêm chủng", "noi_dung": [annex]},
        {"ten": "Kết quả tiêm theo đợt", "noi_dung": tables[-1:]},
    ]
    data["kem_theo_cua"] = "Sở Y tế tỉnh Ninh Thuận"
    body.insert(-1, "Chi tiết tại Phụ lục I và Phụ lục II kèm theo Báo cáo này.")
    return data


class _KhongNeo(yaml.SafeDumper):
    """Writes a repeated table out each time: vanthu files hold no anchors or aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def ghi(examples: Path, folder: Path) -> Path:
    """The long báo cáo written as a directive file in ``folder``; its path."""
    path = folder / "bao-cao-dai.yaml"
    text = yaml.dump(
        du_lieu(examples), Dumper=_KhongNeo, allow_unicode=True, sort_keys=False, width=100
    )
    path.write_text(text, "utf-8")
    return path
