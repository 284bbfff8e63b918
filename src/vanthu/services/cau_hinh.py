"""Office configuration (cấu hình): which document types share a numbering register.

Decree 30 leaves it to the head of the organisation whether all administrative documents share
one sequence or types keep their own (spec §7). ``VANTHU_CONFIG`` names a YAML file::

    so_dang_ky:            # document type → register name; unlisted types use "chung"
      quyet_dinh: qd_ct
      chi_thi: qd_ct

Secret documents (``do_mat``) always take the separate register "mat".
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import Refused
from ..schemas import VanBan

SO_CHUNG = "chung"
SO_MAT = "mat"


@dataclass(frozen=True)
class CauHinh:
    """The settings in force."""

    so_dang_ky: dict[str, str] = field(default_factory=dict)

    def so_cua(self, vb: VanBan) -> str:
        """The register a directive takes its number from: issuer and register name."""
        name = SO_MAT if vb.do_mat else self.so_dang_ky.get(vb.loai.value, SO_CHUNG)
        return f"{vb.ky_hieu_co_quan}:{name}"


def doc_cau_hinh(path: str | None = None) -> CauHinh:
    """Read ``path`` or ``VANTHU_CONFIG``; the defaults when neither is set.

    Raises:
        Refused: the file cannot be read or is not of the documented shape.
    """
    path = path or os.environ.get("VANTHU_CONFIG")
    if not path:
        return CauHinh()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise Refused(f"configuration {path}", str(error)) from None
    registers = data.get("so_dang_ky", {}) if isinstance(data, dict) else None
    if not isinstance(registers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in registers.items()
    ):
        raise Refused(f"configuration {path}", "so_dang_ky must map document types to names")
    return CauHinh(so_dang_ky=registers)
