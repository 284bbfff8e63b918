"""The table-to-machine step: one machine per lifecycle, no models, and tables it refuses."""

from __future__ import annotations

import ast
import sys
from enum import StrEnum
from pathlib import Path

import pytest

from vanthu.workflow import (
    VONG_DOI_NOI_NHAN,
    VONG_DOI_VAN_BAN,
    ChuyenTiep,
    StateMachine,
    SuKienNoiNhan,
    SuKienVanBan,
    TrangThaiVanBan,
    VaiTro,
)

WORKFLOW = Path(__file__).resolve().parents[2] / "src" / "vanthu" / "workflow"


class Den(StrEnum):
    tat = "tat"
    bat = "bat"


class BamDen(StrEnum):
    bat = "bat"
    tat = "tat"


def test_each_lifecycle_has_one_machine_with_no_model_and_only_the_tables_events() -> None:
    assert VONG_DOI_VAN_BAN.may is not VONG_DOI_NOI_NHAN.may
    for vong_doi, su_kien in ((VONG_DOI_VAN_BAN, SuKienVanBan), (VONG_DOI_NOI_NHAN, SuKienNoiNhan)):
        assert vong_doi.may.models == []
        assert list(vong_doi.may.events) == [e.value for e in su_kien]  # no to_<state> events
        assert list(vong_doi.may.states) == [s.value for s in vong_doi.kieu_trang_thai]


def test_the_first_state_starts_and_states_nothing_leaves_are_final() -> None:
    assert VONG_DOI_VAN_BAN.dau is TrangThaiVanBan.du_thao
    assert VONG_DOI_VAN_BAN.cuoi == (TrangThaiVanBan.thu_hoi, TrangThaiVanBan.thay_the)
    assert [s.value for s in VONG_DOI_NOI_NHAN.cuoi] == ["da_bao_cao", "tu_choi"]


def test_a_table_that_declares_an_event_twice_from_one_state_is_refused() -> None:
    bang = (
        ChuyenTiep(BamDen.bat, (Den.tat,), Den.bat, frozenset({VaiTro.van_thu})),
        ChuyenTiep(BamDen.tat, (Den.bat,), Den.tat, frozenset({VaiTro.van_thu})),
        ChuyenTiep(BamDen.bat, (Den.tat,), Den.tat, frozenset({VaiTro.lanh_dao})),
    )
    with pytest.raises(ValueError, match="'bat' from 'tat' is declared twice"):
        StateMachine("đèn", Den, BamDen, bang)


def test_a_table_that_leaves_an_event_out_is_refused() -> None:
    bang = (ChuyenTiep(BamDen.bat, (Den.tat,), Den.bat, frozenset({VaiTro.van_thu})),)
    with pytest.raises(ValueError, match="events without a row: tat"):
        StateMachine("đèn", Den, BamDen, bang)


def test_a_row_nobody_may_fire_is_refused() -> None:
    bang = (
        ChuyenTiep(BamDen.bat, (Den.tat,), Den.bat, frozenset({VaiTro.van_thu})),
        ChuyenTiep(BamDen.tat, (Den.bat,), Den.tat, frozenset()),
    )
    with pytest.raises(ValueError, match="'tat' needs at least one source and one role"):
        StateMachine("đèn", Den, BamDen, bang)


def _imports(path: Path) -> set[str]:
    """The modules a file imports, relative ones resolved against vanthu.workflow."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ["vanthu", "workflow"][: 2 - (node.level - 1)] if node.level else []
            found.add(".".join([*base, *([node.module] if node.module else [])]))
    return found


@pytest.mark.parametrize("path", sorted(WORKFLOW.glob("*.py")), ids=lambda p: p.name)
def test_the_workflow_imports_only_the_standard_library_transitions_and_the_errors(
    path: Path,
) -> None:
    for module in _imports(path):
        top = module.split(".")[0]
        if top == "vanthu":
            assert module == "vanthu.errors" or module.startswith("vanthu.workflow"), module
        else:
            assert top in sys.stdlib_module_names or top in {"__future__", "transitions"}, module
