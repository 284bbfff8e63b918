"""Reading the office configuration (VANTHU_CONFIG): bounded, UTF-8, each problem named."""

from __future__ import annotations

from pathlib import Path

import pytest

from vanthu.errors import InvalidSetting
from vanthu.reading.cau_hinh import CauHinh, doc_cau_hinh
from vanthu.schemas.gioi_han import TEP_CAU_HINH_TOI_DA


def refused(tmp_path: Path, raw: bytes) -> str:
    path = tmp_path / "office.yaml"
    path.write_bytes(raw)
    with pytest.raises(InvalidSetting) as caught:
        doc_cau_hinh(str(path))
    return str(caught.value)


def test_no_file_named_gives_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VANTHU_CONFIG", raising=False)
    assert doc_cau_hinh() == CauHinh()


def test_registers_are_read_from_the_file_named_by_vanthu_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "office.yaml"
    path.write_text("so_dang_ky:\n  quyet_dinh: qd_ct\n  chi_thi: qd_ct\n", encoding="utf-8")
    monkeypatch.setenv("VANTHU_CONFIG", str(path))
    assert doc_cau_hinh().so_dang_ky == {"quyet_dinh": "qd_ct", "chi_thi": "qd_ct"}


def test_a_file_over_the_limit_is_refused_with_the_limit(tmp_path: Path) -> None:
    message = refused(tmp_path, b"#" * (TEP_CAU_HINH_TOI_DA + 1))
    assert message.endswith(f"lớn hơn {TEP_CAU_HINH_TOI_DA} byte")


def test_bytes_that_are_not_utf8_are_named(tmp_path: Path) -> None:
    assert "không phải chữ UTF-8 (byte 26)" in refused(
        tmp_path, b"so_dang_ky:\n  quyet_dinh: \xff\n"
    )


def test_an_unknown_document_type_and_a_bad_register_name_are_named_by_field(
    tmp_path: Path,
) -> None:
    assert "so_dang_ky: 'thu_tinh' không phải một loại văn bản" in refused(
        tmp_path, b"so_dang_ky:\n  thu_tinh: a\n"
    )
    assert "so_dang_ky.chi_thi: tên sổ đăng ký gồm 1" in refused(
        tmp_path, b"so_dang_ky:\n  chi_thi: a b\n"
    )
