"""The use cases refuse bad arguments on SQLite and PostgreSQL alike, and change nothing."""

from __future__ import annotations

import pytest

from tests.services.conftest import duyet_xong
from vanthu.errors import InvalidSetting, NotFound
from vanthu.services.nhat_ky import nhat_ky
from vanthu.services.so_dang_ky import so_dang_ky
from vanthu.services.ung_dung import BoDichVu
from vanthu.workflow import SuKienVanBan


def test_odd_keys_find_no_directive_on_either_database(app: BoDichVu) -> None:
    for _ in range(3):
        duyet_xong(app)  # directive #3 exists: '٣' was taken for it
    for key in ("²", "٣", "9" * 30, "-1"):
        for lookup in (
            lambda k=key: app.theo_doi.trang_thai(k),
            lambda k=key: nhat_ky(app.store, k),
            lambda k=key: app.theo_doi.xac_nhan("syt", k, "SYT"),
        ):
            with pytest.raises(NotFound, match=r"^không tìm thấy văn bản '"):
                lookup()


def test_a_year_outside_the_limits_is_refused_on_either_database(app: BoDichVu) -> None:
    with pytest.raises(InvalidSetting, match=r"^năm '٢٠٢١': hãy ghi một năm"):
        so_dang_ky(app.store, "٢٠٢١")


def test_a_reason_over_its_limit_changes_nothing(app: BoDichVu) -> None:
    key = str(duyet_xong(app))
    before = nhat_ky(app.store, key)
    with pytest.raises(InvalidSetting, match=r"^--reason: 2001 ký tự"):
        app.vong_doi.chuyen("ld", key, SuKienVanBan.tra_lai, "x" * 2001)
    assert nhat_ky(app.store, key) == before
