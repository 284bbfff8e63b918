"""The form check of Word drafts: silent on vanthu's own output, sharp on the seeded corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import HOM_NAY, example_files
from tests.reading.word.bo_mau import BO_MAU, Mau, cham_diem, tao
from tests.reading.word.bo_mau_thuc import BO_MAU_THUC
from tests.reading.word.bo_mau_thuc import tao as tao_thuc
from vanthu.cli.lenh import cli
from vanthu.reading import doc_tep
from vanthu.reading.anh import doc_anh
from vanthu.reading.word.mo_tep import mo_du_lieu
from vanthu.reading.word.nhap import nhap_ban_thao
from vanthu.reading.word.the_thuc import kiem_tra_the_thuc
from vanthu.reading.word.tim_phan import tim_phan
from vanthu.rendering import Renderer


def _ma(data: bytes, nguon: str) -> list[str]:
    return [p.ma for p in kiem_tra_the_thuc(tim_phan(mo_du_lieu(data, nguon).tai_lieu))]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_every_example_vanthu_renders_has_no_form_finding(path: Path, renderer: Renderer) -> None:
    vb = doc_tep(path, HOM_NAY)
    result = renderer.ket_xuat(
        vb, pdf=False, hom_nay=HOM_NAY, anh=doc_anh(vb, path.parent, str(path))
    )
    assert result.docx is not None
    ban = tim_phan(mo_du_lieu(result.docx, path.name).tai_lieu)
    assert [str(p) for p in kiem_tra_the_thuc(ban)] == []
    assert ban.co_quan and ban.quoc_hieu and ban.so_ky_hieu and ban.chuc_vu and ban.ho_ten


def test_the_check_finds_95_percent_of_the_seeded_breaches_and_little_else() -> None:
    diem = cham_diem(_ma)
    assert len(BO_MAU) >= 30
    assert diem.do_phu >= 0.95, diem.sot
    assert diem.do_chinh_xac >= 0.95, diem.sai


def test_a_clean_draft_in_each_layout_finds_its_parts() -> None:
    for mau in BO_MAU[:7]:
        ban = tim_phan(mo_du_lieu(tao(mau), mau.ten).tai_lieu)
        assert [d.text for d in ban.co_quan] == ["SỞ Y TẾ"], mau.ten
        assert [d.text for d in ban.co_quan_chu_quan] == ["UBND TỈNH NINH THUẬN"], mau.ten
        assert ban.dia_danh_ngay[0].text.startswith("Ninh Thuận, ngày"), mau.ten
        assert [d.text for d in ban.chuc_vu] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], mau.ten
        assert [d.text for d in ban.ho_ten] == ["Nguyễn Văn An"], mau.ten
        assert ban.luu[0].text == "- Lưu: VT, VP.", mau.ten
        assert len(ban.noi_nhan) == 3, mau.ten


def test_word_list_items_carry_the_label_word_draws() -> None:
    mau = next(m for m in BO_MAU if m.danh_so_word)
    ban = tim_phan(mo_du_lieu(tao(mau), mau.ten).tai_lieu)
    assert [d.nhan for d in ban.noi_dung if d.nhan][:3] == ["1.", "2.", "3."]


def test_a_finding_says_the_rule_the_part_the_words_what_was_found_and_what_is_asked() -> None:
    data = tao(Mau("x", ngay="Ninh Thuận, ngày 15 tháng 09 năm 2021"))
    (finding,) = kiem_tra_the_thuc(tim_phan(mo_du_lieu(data, "x").tai_lieu))
    assert str(finding) == (
        "[§8] địa danh, ngày tháng: «Ninh Thuận, ngày 15 tháng 09 …»: thấy tháng «09»; "
        "quy định: «9» (chỉ tháng 1 và 2 thêm số 0 phía trước)"
    )


#: Words that would show a finding or an import note still worded in English.
_TIENG_ANH = re.compile(r"\b(asks|the|and|with|not|no|line|lines|more|found|of|is)\b")


def test_every_finding_and_import_note_on_both_corpora_is_worded_in_vietnamese() -> None:
    texts: list[str] = []
    drafts = [(m.ten, tao(m)) for m in BO_MAU] + [(t.ten, tao_thuc(t)) for t in BO_MAU_THUC]
    for ten, data in drafts:
        tai_lieu = mo_du_lieu(data, ten).tai_lieu
        ban = tim_phan(tai_lieu)
        texts += [f"{p.phan} {p.noi} {p.thay} {p.yeu_cau}" for p in kiem_tra_the_thuc(ban)]
        texts += nhap_ban_thao(ban, tai_lieu).ghi_chu
    assert len(texts) > 70
    assert [t for t in texts if _TIENG_ANH.search(t)] == []


def test_check_of_a_docx_prints_json_and_exits_1_on_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "ban-thao.docx"
    path.write_bytes(tao(Mau("x", phong="Arial")))
    result = CliRunner().invoke(cli, ["check", "--json", str(path)])
    assert result.exit_code == 1
    (report,) = json.loads(result.output)
    assert report["ok"] is False
    assert [f["rule"] for f in report["findings"]] == ["phong_chu"]
    assert report["findings"][0]["section"] == "§1"


def test_check_of_a_clean_docx_says_ok_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "ban-thao.docx"
    path.write_bytes(tao(BO_MAU[0]))
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{path}: đúng thể thức (Nghị định 30)\n"
