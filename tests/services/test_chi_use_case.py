"""Services are use cases only: they write no files and send no mail (vanthu.delivery does).

Every module under ``src/vanthu/services`` is parsed (not imported) and searched for the
machinery of writing files and sending mail. What modules not yet moved still do is listed in
:data:`CON_LAI` — the list shrinks as they move, and must never grow.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import vanthu.services

THU_MUC_SERVICES = Path(vanthu.services.__file__).parent

#: Modules whose import means writing files or sending mail.
THU_VIEN_CAM = frozenset({"smtplib", "shutil", "tempfile", "fcntl"})
#: Methods that write or remove on the file system (``Path.write_bytes`` …).
PHUONG_THUC_CAM = frozenset(
    {"write_bytes", "write_text", "mkdir", "touch", "unlink", "rmdir", "symlink_to", "hardlink_to"}
)
#: Functions of ``os`` that write or remove on the file system.
HAM_OS_CAM = frozenset(
    {"replace", "link", "rename", "symlink", "makedirs", "remove", "unlink", "rmdir", "fsync"}
)
#: ``os.open`` flags that open for writing.
CO_GHI = frozenset({"O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND", "O_TRUNC"})

#: (module, what) still present in modules not yet moved to vanthu.delivery. Remove a line when
#: its module stops doing it; never add one.
CON_LAI = frozenset(
    {
        ("ket_xuat", "mkdir"),  # render: writes the DOCX/PDF of `vanthu render`
        ("ket_xuat", "write_bytes"),
        ("vong_doi", "import tempfile"),  # names the temp folder in a full-disk error
    }
)


def _mode_ghi(call: ast.Call, vi_tri: int) -> bool:
    """Whether an ``open``-like call's mode (positional ``vi_tri`` or ``mode=``) writes."""
    mode: ast.expr | None = call.args[vi_tri] if len(call.args) > vi_tri else None
    for keyword in call.keywords:
        if keyword.arg == "mode":
            mode = keyword.value
    if mode is None:
        return False
    if isinstance(mode, ast.Constant) and isinstance(mode.value, str):
        return any(c in mode.value for c in "wax+")
    return True  # a mode computed at run time may write


def vi_pham(source: str) -> Iterator[tuple[str, int]]:
    """What in a module's source writes files or sends mail, with its line."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in THU_VIEN_CAM:
                    yield f"import {name.split('.')[0]}", node.lineno
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open" and _mode_ghi(node, 1):
            yield "open for writing", node.lineno
        if not isinstance(func, ast.Attribute):
            continue
        if func.attr in PHUONG_THUC_CAM:
            yield func.attr, node.lineno
        if isinstance(func.value, ast.Name) and func.value.id == "os":
            if func.attr in HAM_OS_CAM:
                yield f"os.{func.attr}", node.lineno
            if func.attr == "open" and any(
                isinstance(n, ast.Attribute) and n.attr in CO_GHI
                for arg in node.args[1:]
                for n in ast.walk(arg)
            ):
                yield "os.open for writing", node.lineno
        elif func.attr == "open" and _mode_ghi(node, 0):
            yield "open for writing", node.lineno


def _tim(thu_muc: Path) -> set[tuple[str, str]]:
    return {
        (path.stem, what)
        for path in sorted(thu_muc.glob("*.py"))
        for what, _ in vi_pham(path.read_text(encoding="utf-8"))
    }


def test_no_service_writes_a_file_or_sends_mail_beyond_what_is_left_to_move() -> None:
    found = _tim(THU_MUC_SERVICES)
    assert found - CON_LAI == set(), "move file writing and mail into vanthu.delivery"


def test_the_list_of_what_is_left_to_move_names_only_what_is_still_there() -> None:
    assert CON_LAI - _tim(THU_MUC_SERVICES) == set(), "remove these lines from CON_LAI"


@pytest.mark.parametrize(
    ("source", "what"),
    [
        ("import smtplib", "import smtplib"),
        ("from shutil import rmtree", "import shutil"),
        ("import tempfile as t", "import tempfile"),
        ("import fcntl", "import fcntl"),
        ("p.write_bytes(b'')", "write_bytes"),
        ("p.write_text('')", "write_text"),
        ("p.mkdir(parents=True)", "mkdir"),
        ("os.replace(a, b)", "os.replace"),
        ("os.link(a, b)", "os.link"),
        ("open(p, 'w')", "open for writing"),
        ("open(p, mode='ab')", "open for writing"),
        ("open(p, 'r+')", "open for writing"),
        ("open(p, m)", "open for writing"),
        ("p.open('x')", "open for writing"),
        ("os.open(p, os.O_WRONLY | os.O_CREAT)", "os.open for writing"),
    ],
)
def test_each_way_of_writing_a_file_or_sending_mail_is_caught(source: str, what: str) -> None:
    assert [w for w, _ in vi_pham(source)] == [what]


@pytest.mark.parametrize(
    "source",
    [
        "open(p)",
        "open(p, 'rb')",
        "p.open('rb')",
        "os.open(p, os.O_RDONLY | os.O_NONBLOCK)",
        "from ..delivery.ghi_tep import ghi_nguyen_tu",
        "text.replace('a', 'b')",
        "import os",
    ],
)
def test_reading_and_calling_delivery_are_allowed(source: str) -> None:
    assert list(vi_pham(source)) == []
