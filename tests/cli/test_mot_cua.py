"""The CLI has one door (một cửa): the ``vanthu.services`` package, none of its modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CLI = Path(__file__).parents[2] / "src" / "vanthu" / "cli"

#: What a command module may import of vanthu: the façade's package, the errors, the version,
#: and the web desk's package (`vanthu serve` starts it).
CHO_PHEP = {"vanthu", "vanthu.services", "vanthu.errors", "vanthu.web"}


def nhap_vanthu(path: Path) -> list[tuple[int, str]]:
    """Every vanthu module a CLI file imports (TYPE_CHECKING and in-function imports too)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:  # relative: level 1 is vanthu.cli, level 2 is vanthu
                parent = ["vanthu", "cli"][: 2 - (node.level - 1)]
                base = ".".join(parent + ([node.module] if node.module else []))
            if base == "vanthu.cli" or base.startswith("vanthu.cli."):
                continue
            if base.startswith("vanthu"):
                found.append((node.lineno, base))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("vanthu")]
    return found


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_a_command_module_imports_nothing_of_vanthu_but_the_services_package(path: Path) -> None:
    outside = [f"{path.name}:{line} {module}" for line, module in nhap_vanthu(path)]
    assert [x for x in outside if x.split(" ")[1] not in CHO_PHEP] == []


def test_the_door_check_sees_an_import_of_a_use_case_module(tmp_path: Path) -> None:
    sneaky = tmp_path / "lenh_moi.py"
    sneaky.write_text(
        "from ..services.vong_doi import giu_so\n"
        "from ..services import UngDung\n"
        "from .ngu_canh import nguoi\n"
        "def f() -> None:\n"
        "    from ..storage import open_store\n"
        "    import vanthu.services.so_dang_ky\n",
        encoding="utf-8",
    )
    modules = [m for _, m in nhap_vanthu(sneaky)]
    assert sorted(m for m in modules if m not in CHO_PHEP) == [
        "vanthu.services.so_dang_ky",
        "vanthu.services.vong_doi",
        "vanthu.storage",
    ]
