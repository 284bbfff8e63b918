"""Word to directive: vanthu's own documents come back as the directives they were rendered
from, and a clerk's draft becomes a directive file that ``vanthu check`` accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import HOM_NAY, example_files
from tests.reading.word.bo_mau import BO_MAU, cham_truong, tao, truong_nhap
from tests.reading.word.khu_in import khu_in
from vanthu.cli.lenh import cli
from vanthu.reading import doc_tep
from vanthu.reading.anh import doc_anh
from vanthu.reading.word.dong import doc_dong
from vanthu.reading.word.mo_tep import mo_du_lieu
from vanthu.reading.word.nhap import nhap_ban_thao
from vanthu.reading.word.tim_phan import tim_phan
from vanthu.rendering import Renderer
from vanthu.schemas import VanBan


def _chu(docx: bytes) -> list[str]:
    """The text of a DOCX, line by line in reading order, with its headers and footers."""
    tai_lieu = mo_du_lieu(docx, "x.docx").tai_lieu
    lines = [d.day_du for d in doc_dong(tai_lieu) if d.text]
    for section in tai_lieu.sections:
        for part in (section.first_page_header, section.header, section.first_page_footer):
            lines += [p.text for p in part.paragraphs if p.text]
    return lines


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_every_example_rendered_to_word_imports_as_the_same_directive_and_prints_the_same(
    path: Path, renderer: Renderer
) -> None:
    goc = doc_tep(path, HOM_NAY)
    docx = renderer.ket_xuat(
        goc, pdf=False, hom_nay=HOM_NAY, anh=doc_anh(goc, path.parent, str(path))
    ).docx
    assert docx is not None
    tai_lieu = mo_du_lieu(docx, path.name).tai_lieu
    ket_qua = nhap_ban_thao(tim_phan(tai_lieu), tai_lieu)
    assert ket_qua.ghi_chu == ()
    du_lieu = dict(ket_qua.du_lieu)
    if goc.loai == "bien_ban":
        # a biên bản prints no place (Mẫu 1.9): the import cannot know it
        assert "dia_danh" not in du_lieu
        du_lieu["dia_danh"] = goc.dia_danh
    nhap = VanBan.model_validate(du_lieu, context={"hom_nay": HOM_NAY})
    assert khu_in(nhap) == khu_in(goc)
    lai = renderer.ket_xuat(nhap, pdf=False, hom_nay=HOM_NAY).docx
    assert lai is not None
    assert _chu(lai) == _chu(docx)


def test_a_clean_draft_of_the_corpus_imports_to_a_file_vanthu_check_accepts(
    tmp_path: Path,
) -> None:
    draft = tmp_path / "ban-thao.docx"
    draft.write_bytes(tao(BO_MAU[0]))
    result = CliRunner().invoke(cli, ["import", str(draft)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "ban-thao.yaml")
    check = CliRunner().invoke(cli, ["check", str(tmp_path / "ban-thao.yaml")])
    assert check.exit_code == 0, check.output
    vb = doc_tep(tmp_path / "ban-thao.yaml")
    assert vb.co_quan == "SỞ Y TẾ" and vb.co_quan_chu_quan == "UBND TỈNH NINH THUẬN"
    assert vb.nguoi_ky.quyen_han == ["KT"] and vb.nguoi_ky.chuc_vu == "PHÓ GIÁM ĐỐC"
    assert [n.ten for n in vb.noi_nhan] == ["Như trên", "UBND tỉnh (b/c)", "Giám đốc, các PGĐ Sở"]


def test_import_with_fix_writes_the_directive_rendered_by_vanthu_beside_it(
    tmp_path: Path,
) -> None:
    draft = tmp_path / "ban-thao.docx"
    draft.write_bytes(tao(next(m for m in BO_MAU if m.ten == "cv-thang-09")))
    out = tmp_path / "ra" / "van-ban.yaml"
    result = CliRunner().invoke(cli, ["import", str(draft), "-o", str(out), "--fix"])
    assert result.exit_code == 0, result.output
    assert "thấy tháng «09»" in result.stderr
    assert (tmp_path / "ra" / "van-ban.docx").exists() and (
        tmp_path / "ra" / "van-ban.pdf"
    ).exists()
    check = CliRunner().invoke(cli, ["check", str(tmp_path / "ra" / "van-ban.docx")])
    assert check.exit_code == 0, check.output


def test_a_draft_whose_import_does_not_validate_exits_1_naming_the_field(tmp_path: Path) -> None:
    draft = tmp_path / "ban-thao.docx"
    draft.write_bytes(tao(next(m for m in BO_MAU if m.ten == "cv-ma-cv")))
    result = CliRunner().invoke(cli, ["import", str(draft)])
    assert result.exit_code == 1
    assert "ky_hieu" in result.stderr and "chưa hợp lệ (1 vấn đề)" in result.stderr
    assert (tmp_path / "ban-thao.yaml").exists()


def test_importing_a_file_that_is_not_word_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"not a zip at all")
    result = CliRunner().invoke(cli, ["import", str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def _truong(data: bytes, nguon: str) -> dict[str, object]:
    tai_lieu = mo_du_lieu(data, nguon).tai_lieu
    return truong_nhap(nhap_ban_thao(tim_phan(tai_lieu), tai_lieu).du_lieu)


def test_the_import_extracts_95_percent_of_the_corpus_fields_exactly() -> None:
    diem = cham_truong(_truong)
    assert diem.tong >= 30 * 10
    assert diem.do_chinh_xac >= 0.95, diem.sai
