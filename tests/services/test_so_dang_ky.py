"""`vanthu register --out`: the outgoing register of a year written as DOCX, PDF and CSV."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from pypdf import PdfReader

from tests.rendering.dumps import pdf_pages
from tests.services.conftest import ManualClock, cong_dien_du_thao, duyet_xong
from vanthu.cli.lenh import cli
from vanthu.errors import OutputError
from vanthu.rendering.so_dang_ky import COT_SO_DANG_KY
from vanthu.services.so_dang_ky import so_dang_ky, so_dang_ky_csv, so_dang_ky_tep
from vanthu.services.ung_dung import BoDichVu
from vanthu.workflow import SuKienVanBan


def test_register_out_writes_the_years_register_as_docx_pdf_and_csv(
    app: BoDichVu, clock: ManualClock, db_url: str, tmp_path: Path
) -> None:
    for day in ("2021-09-13T08:30", "2021-09-14T10:00"):
        key = str(duyet_xong(app))
        clock.dat(day)
        app.vong_doi.ban_hanh("vt", key)
    out = tmp_path / "so"

    result = CliRunner().invoke(cli, ["--db", db_url, "register", "--year", "2021", "--out", out])

    assert result.exit_code == 0, result.output
    names = ["so-dang-ky-2021.docx", "so-dang-ky-2021.pdf", "so-dang-ky-2021.csv"]
    assert result.output.splitlines() == [str(out / name) for name in names]
    docx, pdf, csv = (out / name for name in names)

    doc = Document(str(docx))
    cover = [p.text for p in doc.paragraphs if p.text]
    assert cover == [
        "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Năm: 2021",
        "Từ ngày 13/09/2021 đến ngày 14/09/2021",
        "Từ số 01 đến số 02",
    ]
    (table,) = doc.tables
    assert [c.text for c in table.rows[0].cells] == list(COT_SO_DANG_KY)
    assert [(r.cells[0].text, r.cells[1].text) for r in table.rows[1:]] == [
        ("01/CĐ-UBND", "13/09/2021"),
        ("02/CĐ-UBND", "14/09/2021"),
    ]
    assert table.rows[1].cells[2].text.startswith("Công điện: Về việc đẩy mạnh phong trào")

    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)
    text = " ".join(" ".join(pdf_pages(pdf.read_bytes())).split())
    for expected in ("SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Từ số 01 đến số 02", "01/CĐ-UBND", "02/CĐ-UBND"):
        assert expected in text

    # The CSV is what `register` prints, with a byte-order mark for Excel.
    printed = CliRunner().invoke(cli, ["--db", db_url, "register", "--year", "2021"])
    assert printed.exit_code == 0, printed.output
    assert printed.stdout_bytes == so_dang_ky_csv(so_dang_ky(app.store, 2021)).encode()
    assert csv.read_bytes() == b"\xef\xbb\xbf" + printed.stdout_bytes


def test_a_register_folder_that_cannot_be_written_is_named_and_nothing_half_written_is_left(
    app: BoDichVu, tmp_path: Path
) -> None:
    out = tmp_path / "so"
    out.write_bytes(b"a file where the folder should be")
    with pytest.raises(OutputError, match=rf"^{out}/so-dang-ky-2021.docx: cannot be written"):
        so_dang_ky_tep(app.store, 2021, out)
    assert out.read_bytes() == b"a file where the folder should be"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temporary left"


def test_the_registers_luu_column_lists_what_the_luu_line_prints(
    app: BoDichVu, clock: ManualClock
) -> None:
    data = cong_dien_du_thao() | {"don_vi_soan_thao": "VXNV", "luu": ["VT", "vxnv", "Hồ sơ"]}
    draft = app.vong_doi.soan_thao("cv", data, "test")
    key = str(draft.van_ban_id)
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.duyet)
    clock.dat("2021-09-13T08:30")
    app.vong_doi.ban_hanh("vt", key)

    [row] = so_dang_ky(app.store, 2021)
    assert row[COT_SO_DANG_KY.index("Đơn vị, người nhận bản lưu")] == "VT, VXNV, Hồ sơ"
