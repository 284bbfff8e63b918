"""The diagram draws the tables, and docs/workflow.md is the page they draw today."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from vanthu.workflow.diagram import LENH, mermaid_diagram, tai_lieu_markdown

from .mong_doi import CAN_LY_DO_NOI_NHAN, CAN_LY_DO_VAN_BAN, NOI_NHAN, VAN_BAN

ROOT = Path(__file__).resolve().parents[2]
EDGE = re.compile(
    r"^ {8}(van_ban|noi_nhan)_(\w+) --> \1_(\w+) : (\w+) \(([\w, ]+)\)(, cần lý do)?$"
)


def test_the_diagram_has_one_arrow_per_allowed_state_and_event() -> None:
    drawn: dict[str, dict[tuple[str, str], tuple[str, set[str]]]] = {"van_ban": {}, "noi_nhan": {}}
    reasons = set()
    for line in mermaid_diagram().splitlines():
        if match := EDGE.match(line):
            lifecycle, source, target, event, roles, reason = match.groups()
            drawn[lifecycle][source, event] = (target, set(roles.split(", ")))
            if reason:
                reasons.add(event)
    assert drawn == {"van_ban": VAN_BAN, "noi_nhan": NOI_NHAN}
    assert reasons == CAN_LY_DO_VAN_BAN | CAN_LY_DO_NOI_NHAN


def test_states_carry_their_vietnamese_labels_and_lifecycles_their_start_and_ends() -> None:
    diagram = mermaid_diagram()
    assert diagram.startswith("stateDiagram-v2\n")
    assert '        state "đang theo dõi" as van_ban_dang_theo_doi\n' in diagram
    assert "        [*] --> van_ban_du_thao\n" in diagram
    assert "        [*] --> noi_nhan_cho_gui\n" in diagram
    assert "        van_ban_thu_hoi --> [*]\n" in diagram
    assert "        noi_nhan_tu_choi --> [*]\n" in diagram


def test_the_docs_page_is_what_the_tables_draw_today() -> None:
    page = (ROOT / "docs" / "workflow.md").read_text(encoding="utf-8")
    assert f"```mermaid\n{mermaid_diagram()}```\n" in page
    assert page == tai_lieu_markdown(), f"docs/workflow.md is out of date; run `{LENH}`"


def test_running_the_module_prints_the_docs_page() -> None:
    done = subprocess.run(
        [sys.executable, "-W", "error", "-m", "vanthu.workflow.diagram"],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    assert done.stderr == b""
    assert done.stdout.decode("utf-8") == tai_lieu_markdown()
