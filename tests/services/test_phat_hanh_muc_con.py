"""Distribution reaches the bodies a Nơi nhận names only in its "+" sub-items (muc_con)."""

from __future__ import annotations

import yaml

from tests.conftest import EXAMPLES
from tests.services.conftest import ManualClock
from vanthu.services.ung_dung import BoDichVu
from vanthu.workflow import SuKienVanBan

HOI_DONG = EXAMPLES / "cong-van-hoi-dong-luu-hanh-noi-bo.yaml"


def _ban_hanh(app: BoDichVu, clock: ManualClock) -> str:
    """The council's công văn drafted, approved and issued; its number."""
    data = yaml.safe_load(HOI_DONG.read_text(encoding="utf-8"))
    data.pop("so")
    data.pop("ngay")
    data["nam"] = 2021
    key = str(app.vong_doi.soan_thao("cv", data, "test").van_ban_id)
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.duyet)
    clock.dat("2021-12-10T08:30")
    so = app.vong_doi.ban_hanh("vt", key).so_ky_hieu
    assert so is not None
    return so


def test_distributing_reaches_a_body_named_only_in_a_sub_item(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = _ban_hanh(app, clock)
    bodies = {b.ma: b for b in app.phat_hanh.xem_truoc(so)}
    # Sở Tư pháp stands only under "- Các sở, ban, ngành:" (line 4), as "+ Sở Tư pháp;".
    assert bodies["STP"].dong_in == "Sở Tư pháp"
    assert bodies["STP"].dong == 3
    result = app.phat_hanh.phat_hanh("vt", so, lambda done, total: None)
    assert result.xong and result.tong == len(bodies)
    sent = {r.ma for r in app.theo_doi.trang_thai(so).dong}
    assert {"STP", "STC", "SYT", "TU"} <= sent
