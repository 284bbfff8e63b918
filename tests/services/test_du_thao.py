"""Editing a draft before review (only its drafter, only before review or once returned) and
previewing directive data as page images with the issuing renderer."""

from __future__ import annotations

import pytest

from tests.services.conftest import cong_dien_du_thao
from vanthu.errors import InvalidDirective, Refused, TransitionRefused
from vanthu.services.nhat_ky import nhat_ky
from vanthu.services.ung_dung import BoDichVu
from vanthu.workflow import SuKienVanBan, TrangThaiVanBan

JPEG = b"\xff\xd8\xff"


def _sua(trich_yeu: str) -> dict[str, object]:
    return cong_dien_du_thao() | {"trich_yeu": trich_yeu}


def test_the_drafter_edits_a_draft_its_version_goes_up_and_the_log_says_so(
    app: BoDichVu,
) -> None:
    key = str(app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    result = app.du_thao.sua("cv", key, _sua("Về việc đã sửa"), "biểu mẫu")
    assert result.den is TrangThaiVanBan.du_thao
    shown = app.danh_sach.xem(key)
    assert shown.van_ban.trich_yeu == "Về việc đã sửa"
    assert shown.phien_ban == 2
    assert shown.trang_thai is TrangThaiVanBan.du_thao
    assert [d.su_kien for d in nhat_ky(app.store, key)] == ["soan_thao", "sua_du_thao"]
    assert app.danh_sach.danh_sach()[0].trich_yeu == "Về việc đã sửa"


def test_a_returned_draft_is_edited_and_submitted_again(app: BoDichVu) -> None:
    key = str(app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.tra_lai, "Sửa trích yếu")
    app.du_thao.sua("cv", key, _sua("Về việc sửa theo ý lãnh đạo"), "biểu mẫu")
    assert app.danh_sach.xem(key).trang_thai is TrangThaiVanBan.tra_lai
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    assert app.danh_sach.xem(key).trang_thai is TrangThaiVanBan.cho_duyet


def test_a_draft_under_review_is_not_edited_and_stays_as_it_was(app: BoDichVu) -> None:
    key = str(app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    with pytest.raises(TransitionRefused, match="chỉ sửa được bản dự thảo hoặc bản bị trả lại"):
        app.du_thao.sua("cv", key, _sua("Về việc khác"), "biểu mẫu")
    shown = app.danh_sach.xem(key)
    assert shown.phien_ban == 2 and shown.van_ban.trich_yeu != "Về việc khác"


def test_only_its_drafter_edits_a_draft(app: BoDichVu) -> None:
    key = str(app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    with pytest.raises(Refused, match="chỉ người soạn 'cv'"):
        app.du_thao.sua("ld", key, _sua("Về việc khác"), "biểu mẫu")
    assert app.danh_sach.xem(key).phien_ban == 1


def test_an_edit_that_breaks_a_rule_is_refused_with_the_field_named(app: BoDichVu) -> None:
    key = str(app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    data = cong_dien_du_thao()
    del data["nguoi_gui"]
    with pytest.raises(InvalidDirective) as error:
        app.du_thao.sua("cv", key, data, "biểu mẫu")
    assert [p.where for p in error.value.problems] == ["nguoi_gui"]
    assert app.danh_sach.xem(key).phien_ban == 1


def test_the_preview_draws_every_page_of_the_draft_and_stores_nothing(app: BoDichVu) -> None:
    pages = app.du_thao.xem_truoc(cong_dien_du_thao(), "xem trước")
    assert len(pages) == 3
    assert all(p.startswith(JPEG) for p in pages)
    assert app.danh_sach.danh_sach() == []


def test_the_preview_refuses_data_that_check_refuses(app: BoDichVu) -> None:
    with pytest.raises(InvalidDirective):
        app.du_thao.xem_truoc(cong_dien_du_thao() | {"so": 3}, "xem trước")
