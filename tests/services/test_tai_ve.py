"""Downloads: only a stored file of a known kind, and only from under the output folder."""

from __future__ import annotations

import pytest

from tests.services.conftest import duyet_xong
from vanthu.errors import InvalidSetting, NotFound, OutputError
from vanthu.services.tai_ve import tep_tai_ve
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import VanBanRow


def test_each_kind_is_the_stored_file_and_a_slip_is_the_bodys_own(app: BoDichVu) -> None:
    van_ban_id = duyet_xong(app)
    key = str(van_ban_id)
    issued = app.vong_doi.ban_hanh("vt", key)
    app.phat_hanh.phat_hanh("vt", key)
    docx, pdf = sorted(issued.tep, key=lambda p: p.suffix)
    assert tep_tai_ve(app.store, app.thu_muc, key, "docx", None) == docx
    assert tep_tai_ve(app.store, app.thu_muc, key, "pdf", None) == pdf
    slip = tep_tai_ve(app.store, app.thu_muc, key, "phieu_gui", "SYT")
    assert slip == pdf.parent / "SYT" / "phieu-gui.pdf"
    with pytest.raises(NotFound):
        tep_tai_ve(app.store, app.thu_muc, key, "tong_hop_pdf", None)  # not rendered yet
    app.don_doc.tong_hop("vt", key)
    assert tep_tai_ve(app.store, app.thu_muc, key, "tong_hop_pdf", None).is_file()
    with pytest.raises(NotFound):
        tep_tai_ve(app.store, app.thu_muc, key, "manifest.json", None)
    with pytest.raises(NotFound):
        tep_tai_ve(app.store, app.thu_muc, key, "phieu_gui", "BCA_KHONG_CO")
    with pytest.raises(InvalidSetting):
        tep_tai_ve(app.store, app.thu_muc, key, "phieu_gui", "../SYT")


def test_a_stored_path_outside_the_output_folder_is_refused(app: BoDichVu) -> None:
    van_ban_id = duyet_xong(app)
    with pytest.raises(NotFound):
        tep_tai_ve(app.store, app.thu_muc, str(van_ban_id), "pdf", None)  # not issued
    app.vong_doi.ban_hanh("vt", str(van_ban_id))
    with app.store.transaction() as s:
        s.get(VanBanRow, van_ban_id).docx_duong_dan = "/etc/passwd"  # type: ignore[union-attr]
    with pytest.raises(OutputError):
        tep_tai_ve(app.store, app.thu_muc, str(van_ban_id), "docx", None)
