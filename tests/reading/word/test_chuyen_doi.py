""".doc and .odt drafts go through LibreOffice; without it, one clear message."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.reading.word.bo_mau import BO_MAU, tao
from tests.rendering.libreoffice import soffice
from vanthu.errors import UnreadableWord
from vanthu.reading.word.kiem_tra import kiem_tra_word


@pytest.mark.libreoffice
def test_an_odt_draft_is_converted_and_checked(tmp_path: Path) -> None:
    source = tmp_path / "ban-thao.docx"
    source.write_bytes(tao(BO_MAU[0]))
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path / "odt"),
            str(source),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    ket_qua = kiem_tra_word(tmp_path / "odt" / "ban-thao.odt")
    assert [d.text for d in ket_qua.ban_thao.co_quan] == ["SỞ Y TẾ"]


def test_a_doc_without_libreoffice_gets_one_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(UnreadableWord, match="cần LibreOffice để chuyển đổi"):
        kiem_tra_word(path)
