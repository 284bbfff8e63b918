"""Opening Word files safely: every bad file gets one clear UnreadableWord, nothing else."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tests.reading.word.bo_mau import BO_MAU, tao
from vanthu.cli.lenh import cli
from vanthu.errors import UnreadableWord
from vanthu.reading.word.kiem_tra import doc_word
from vanthu.reading.word.mo_tep import OLE, mo_du_lieu

DOCX = tao(BO_MAU[0])


def _doi_phan(data: bytes, ten: str, noi_dung: bytes) -> bytes:
    """The same package with one part replaced (or added)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            if item.filename != ten:
                dst.writestr(item, src.read(item))
        dst.writestr(ten, noi_dung)
    return out.getvalue()


def _ly_do(data: bytes) -> str:
    with pytest.raises(UnreadableWord) as caught:
        mo_du_lieu(data, "ban-thao.docx")
    assert caught.value.path == "ban-thao.docx"
    return caught.value.reason


def test_a_draft_of_the_corpus_opens() -> None:
    assert mo_du_lieu(DOCX, "x.docx").tai_lieu.paragraphs


def test_an_empty_file_is_refused_as_empty() -> None:
    assert "tệp rỗng" in _ly_do(b"")


def test_a_truncated_docx_is_refused_as_damaged() -> None:
    assert "tệp bị hỏng hoặc không trọn vẹn" in _ly_do(DOCX[: len(DOCX) // 2])


def test_a_text_file_is_refused_as_not_word() -> None:
    assert "không phải văn bản Word" in _ly_do(b"Hello, this is not a zip\n")


def test_an_encrypted_docx_is_refused_as_password_protected() -> None:
    # Word wraps an encrypted package in an OLE compound file with an EncryptionInfo stream.
    fake = OLE + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100
    assert "có đặt mật khẩu" in _ly_do(fake)


def test_a_legacy_doc_under_a_docx_name_is_refused_with_the_way_out() -> None:
    fake = OLE + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 100
    assert "Word 97–2003" in _ly_do(fake)


def test_a_macro_enabled_document_is_refused_by_its_content_type() -> None:
    with zipfile.ZipFile(io.BytesIO(DOCX)) as z:
        types = z.read("[Content_Types].xml").decode()
    docm = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    assert ".docm" in _ly_do(_doi_phan(DOCX, "[Content_Types].xml", docm.encode()))


def test_a_vba_project_part_is_refused_as_macros() -> None:
    assert "macro" in _ly_do(_doi_phan(DOCX, "word/vbaProject.bin", b"\0" * 64))


def test_a_zip_bomb_is_refused_before_python_docx_reads_it() -> None:
    bomb = _doi_phan(DOCX, "word/media/bomb.bin", b"\0" * (20 * 1024 * 1024))
    assert len(bomb) < 200_000
    assert "bom zip" in _ly_do(bomb)


def test_an_xml_entity_bomb_is_refused_and_never_expanded() -> None:
    with zipfile.ZipFile(io.BytesIO(DOCX)) as z:
        document = z.read("word/document.xml").decode()
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    bomb = document.replace("?>", f"?><!DOCTYPE w:document [{lol}]>", 1).replace(
        "<w:t>", "<w:t>&l9;", 1
    )
    assert "bom thực thể XML" in _ly_do(_doi_phan(DOCX, "word/document.xml", bomb.encode()))


def test_an_external_entity_is_refused_in_utf16_too() -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://example.invalid/">]><x>&e;</x>'
    data = _doi_phan(DOCX, "word/extra.xml", xml.encode("utf-16"))
    assert "DTD" in _ly_do(data)


def test_a_part_in_another_encoding_is_refused() -> None:
    xml = '<?xml version="1.0" encoding="UTF-7"?><x/>'
    assert "bảng mã UTF-7" in _ly_do(_doi_phan(DOCX, "word/extra.xml", xml.encode()))


@given(st.binary(max_size=4096))
def test_random_bytes_raise_nothing_but_unreadable_word(data: bytes) -> None:
    with contextlib.suppress(UnreadableWord):
        mo_du_lieu(data, "x.docx")


@given(st.lists(st.tuples(st.integers(0, len(DOCX) - 1), st.integers(0, 255)), max_size=20))
def test_a_corrupted_docx_raises_nothing_but_unreadable_word(
    changes: list[tuple[int, int]],
) -> None:
    data = bytearray(DOCX)
    for at, value in changes:
        data[at] = value
    with contextlib.suppress(UnreadableWord):
        mo_du_lieu(bytes(data), "x.docx")


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableWord, match="không có tệp này"):
        doc_word(tmp_path / "khong-co.docx")


def test_the_cli_says_one_line_and_exits_1_on_a_bad_word_file(tmp_path: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(DOCX[:1000])
    result = CliRunner().invoke(cli, ["check", str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "tệp bị hỏng hoặc không trọn vẹn" in result.output
