"""The lifecycle diagram (Mermaid) and the docs page, drawn from the lifecycle tables.

Run ``python -m vanthu.workflow.diagram > docs/workflow.md`` to rewrite the page; a test fails
when the page and the tables disagree.
"""

from __future__ import annotations

import sys
from typing import Any

from .noi_nhan import VONG_DOI_NOI_NHAN
from .vai_tro import VaiTro
from .van_ban import VONG_DOI_VAN_BAN
from .vong_doi import ChuyenTiep, StateMachine

#: The lifecycles drawn, each as a composite state whose id also prefixes its states' ids.
VONG_DOI: tuple[tuple[str, StateMachine[Any, Any]], ...] = (
    ("van_ban", VONG_DOI_VAN_BAN),
    ("noi_nhan", VONG_DOI_NOI_NHAN),
)

LENH = "python -m vanthu.workflow.diagram > docs/workflow.md"

_GIOI_THIEU = f"""\
# Lifecycle (vòng đời)

A directive (`van_ban`) and each of its recipient bodies (`noi_nhan`) move through the states
below. Both lifecycles are declared once, as tables in `src/vanthu/workflow/van_ban.py` and
`src/vanthu/workflow/noi_nhan.py`; this page is drawn from those tables, and a test fails when
it falls behind them. Regenerate it with `{LENH}`.

An arrow reads `event (roles that may fire it)`; "cần lý do" marks an event that needs a
non-empty reason. Roles: `chuyen_vien` (chuyên viên, the drafter), `lanh_dao` (lãnh đạo, the
leader who signs), `van_thu` (văn thư, the clerk), `don_vi_nhan` (đơn vị nhận, a recipient body).
Beyond the tables, the services let only a draft's drafter submit it, and nobody return or
approve a draft they wrote; a recipient body's user acts only for that body.
"""


def _vai_tro(hang: ChuyenTiep[Any, Any]) -> str:
    """The roles of a row in the order of ``VaiTro``."""
    return ", ".join(v for v in VaiTro if v in hang.vai_tro)


def _edge_label(hang: ChuyenTiep[Any, Any]) -> str:
    """An arrow's label: ``event (roles)``, and whether a reason is needed."""
    ly_do = ", cần lý do" if hang.can_ly_do else ""
    return f"{hang.su_kien} ({_vai_tro(hang)}){ly_do}"


def mermaid_diagram() -> str:
    """A Mermaid ``stateDiagram-v2`` of both lifecycles, one composite state each."""
    dong = ["stateDiagram-v2"]
    for ma, vong_doi in VONG_DOI:
        dong.append(f"    state {ma} {{")
        dong += [f'        state "{s.label}" as {ma}_{s}' for s in vong_doi.kieu_trang_thai]
        dong.append(f"        [*] --> {ma}_{vong_doi.dau}")
        dong += [
            f"        {ma}_{nguon} --> {ma}_{hang.dich} : {_edge_label(hang)}"
            for hang in vong_doi.bang
            for nguon in hang.nguon
        ]
        dong += [f"        {ma}_{s} --> [*]" for s in vong_doi.cuoi]
        dong.append("    }")
    return "\n".join(dong) + "\n"


def _bang_markdown(vong_doi: StateMachine[Any, Any]) -> str:
    """The table of one lifecycle as a Markdown table, one line per row."""
    dong = [
        "| event | | from | to | roles | reason |",
        "|---|---|---|---|---|---|",
    ]
    for hang in vong_doi.bang:
        tu = ", ".join(f"`{s}`" for s in hang.nguon)
        ly_do = "required" if hang.can_ly_do else ""
        dong.append(
            f"| `{hang.su_kien}` | {hang.su_kien.label} | {tu} | `{hang.dich}` "
            f"| {_vai_tro(hang)} | {ly_do} |"
        )
    return "\n".join(dong) + "\n"


def tai_lieu_markdown() -> str:
    """The whole of docs/workflow.md: introduction, diagram, and each lifecycle's table."""
    return (
        f"{_GIOI_THIEU}\n"
        f"```mermaid\n{mermaid_diagram()}```\n\n"
        f"## Văn bản — the directive\n\n{_bang_markdown(VONG_DOI_VAN_BAN)}\n"
        f"## Nơi nhận — each recipient body\n\n{_bang_markdown(VONG_DOI_NOI_NHAN)}"
    )


if __name__ == "__main__":
    sys.stdout.buffer.write(tai_lieu_markdown().encode("utf-8"))
