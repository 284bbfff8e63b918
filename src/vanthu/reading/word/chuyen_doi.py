"""Converting .doc and .odt drafts to .docx (chuyển đổi) with LibreOffice, when it is installed.

One headless ``soffice --convert-to docx`` per file, with a throw-away user profile whose
settings forbid macros (security level 3: none runs, signed or not) and the update of links on
load, under a time limit. The .docx it writes is then opened like any other (:mod:`.mo_tep`).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import UnreadableWord

#: Seconds one conversion may take.
THOI_GIAN_TOI_DA = 120
#: Extensions converted (lower case, with the dot).
DUOI_CHUYEN = (".doc", ".odt", ".rtf")
#: Extensions read as Word files (lower case, with the dot).
DUOI_WORD = (".docx", ".docm", ".dotx", *DUOI_CHUYEN)


def la_tep_word(path: Path) -> bool:
    """Whether a path names a Word file by its extension (without loading python-docx)."""
    return path.suffix.lower() in DUOI_WORD


_CAU_HINH = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update">
<prop oor:name="Link" oor:op="fuse"><value>1</value></prop></item>
</oor:items>
"""


def chuyen_sang_docx(data: bytes, duoi: str, nguon: str) -> bytes:
    """The .docx LibreOffice makes of a .doc, .odt or .rtf file's bytes.

    Raises:
        UnreadableWord: LibreOffice is not installed, failed, or took too long.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UnreadableWord(
            nguon,
            f"tệp {duoi} cần LibreOffice để chuyển đổi, mà máy chưa cài LibreOffice "
            "(Debian: apt-get install libreoffice-writer-nogui); hoặc lưu lại dưới dạng .docx "
            "trong Word",
        )
    with tempfile.TemporaryDirectory(prefix="vanthu-lo-") as tmp:
        folder = Path(tmp)
        profile = folder / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_CAU_HINH, "utf-8")
        source = folder / f"ban-thao{duoi}"
        source.write_bytes(data)
        out = folder / "out"
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    str(out),
                    str(source),
                ],
                capture_output=True,
                timeout=THOI_GIAN_TOI_DA,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise UnreadableWord(
                nguon, f"LibreOffice chuyển đổi tệp quá {THOI_GIAN_TOI_DA} giây"
            ) from None
        result = out / "ban-thao.docx"
        if not result.exists():
            raise UnreadableWord(
                nguon,
                f"LibreOffice không chuyển đổi được tệp {duoi} này (tệp hỏng hoặc có mật khẩu?)",
            )
        return result.read_bytes()
