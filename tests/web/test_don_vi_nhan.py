"""A body's user (đơn vị nhận) on the desk: it sees the directives sent to its body and nothing
else of the office — no drafts, no other body's directives, no tracking, register, directory or
users — and from a directive it opens its own copy's page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import dang_nhap
from tests.web.test_nhan import phat_hanh
from vanthu.errors import Refused
from vanthu.services import UngDung
from vanthu.storage.bang import NoiNhanVanBan
from vanthu.workflow import TrangThaiNoiNhan


def ban_hanh(app: UngDung, data: dict[str, object]) -> str:
    """``data`` drafted, submitted, approved and issued; its id."""
    key = str(app.soan_thao("cv", data, "test").van_ban_id)
    app.trinh("cv", key)
    app.duyet("ld", key)
    app.ban_hanh("vt", key)
    return key


def chi_gui_snv(app: UngDung) -> str:
    """A công điện to Sở Nội vụ alone, distributed; its id."""
    data = cong_dien_du_thao()
    data["noi_nhan"] = [{"ten": "Sở Nội vụ", "ma_co_quan": ["SNV"]}]
    data.pop("nhiem_vu", None)
    key = ban_hanh(app, data)
    app.phat_hanh("vt", key, gui_thu=False)
    return key


def cho_gui_syt(app: UngDung) -> str:
    """The công điện distributed to every body but SYT, whose copy is recorded and still
    pending (as a run stopped before reaching it leaves it); its id."""
    key = phat_hanh(app)
    with app._dv.store.transaction() as s:
        s.execute(
            update(NoiNhanVanBan)
            .where(NoiNhanVanBan.van_ban_id == int(key), NoiNhanVanBan.ma_co_quan == "SYT")
            .values(gui_luc=None, trang_thai=TrangThaiNoiNhan.cho_gui.value)
        )
    return key


@pytest.fixture
def bon_van_ban(ung_dung: UngDung) -> dict[str, str]:
    """Directives: sent to every body, sent to SNV only, sent to all but SYT (its copy pending),
    issued not sent, a draft."""
    return {
        "tat_ca": phat_hanh(ung_dung),
        "snv": chi_gui_snv(ung_dung),
        "cho_gui": cho_gui_syt(ung_dung),
        "chua_gui": ban_hanh(ung_dung, cong_dien_du_thao()),
        "du_thao": str(ung_dung.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id),
    }


def lien_ket_cua(app: UngDung, key: str, ma: str) -> tuple[str, str]:
    """A body's tracking code and secret on one directive, read from the store."""
    with app._dv.store.transaction() as s:
        row = s.execute(
            select(NoiNhanVanBan.ma_theo_doi, NoiNhanVanBan.ma_xac_nhan).where(
                NoiNhanVanBan.van_ban_id == int(key), NoiNhanVanBan.ma_co_quan == ma
            )
        ).one()
    return row[0], row[1]


def _ids_trong_danh_sach(client: TestClient) -> set[str]:
    page = client.get("/van-ban")
    assert page.status_code == 200
    return {k for k in map(str, range(1, 50)) if f'href="/van-ban/{k}"' in page.text}


def test_a_bodys_user_lists_only_the_directives_sent_to_its_body(
    client: TestClient, bon_van_ban: dict[str, str]
) -> None:
    dang_nhap(client, "syt")
    assert _ids_trong_danh_sach(client) == {bon_van_ban["tat_ca"]}
    api = client.get("/api/van-ban")
    assert {str(r["id"]) for r in api.json()} == {bon_van_ban["tat_ca"]}
    client.cookies.clear()
    dang_nhap(client, "snv")
    expected = {bon_van_ban["tat_ca"], bon_van_ban["snv"], bon_van_ban["cho_gui"]}
    assert _ids_trong_danh_sach(client) == expected
    client.cookies.clear()
    dang_nhap(client, "vt")  # the office sees all four
    assert set(bon_van_ban.values()) <= _ids_trong_danh_sach(client)


@pytest.mark.parametrize("which", ["snv", "cho_gui", "chua_gui", "du_thao"])
def test_a_directive_not_sent_to_the_body_does_not_exist_for_its_user(
    client: TestClient, ung_dung: UngDung, bon_van_ban: dict[str, str], which: str
) -> None:
    key = bon_van_ban[which]
    dang_nhap(client, "syt")
    for path in (f"/van-ban/{key}", f"/api/van-ban/{key}", f"/van-ban/{key}/tai/pdf"):
        response = client.get(path)
        assert response.status_code == 404, path
    # Answered as a number that does not exist is: nothing tells the two apart.
    absent = client.get("/api/van-ban/9999").json()["detail"]
    assert client.get(f"/api/van-ban/{key}").json()["detail"] == absent.replace("9999", key)
    trich_yeu = ung_dung.xem_van_ban(key).van_ban.trich_yeu
    assert trich_yeu not in client.get(f"/van-ban/{key}").text


def test_a_bodys_user_reads_its_directive_and_opens_its_own_copys_page(
    client: TestClient, ung_dung: UngDung, bon_van_ban: dict[str, str]
) -> None:
    key = bon_van_ban["tat_ca"]
    dang_nhap(client, "syt")
    page = client.get(f"/van-ban/{key}")
    assert page.status_code == 200
    assert ung_dung.xem_van_ban(key).van_ban.trich_yeu in page.text
    assert "tieu-de-nhat-ky" not in page.text  # the office's log: other bodies' doings
    code, secret = lien_ket_cua(ung_dung, key, "SYT")
    assert f'/nhan/{code}/{secret}">Mở trang nhận của đơn vị</a>' in page.text
    own = client.get(f"/nhan/{code}/{secret}")
    assert own.status_code == 200 and "Xác nhận đã nhận" in own.text
    pdf = client.get(f"/van-ban/{key}/tai/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_the_offices_pages_are_refused_to_a_bodys_user(
    client: TestClient, bon_van_ban: dict[str, str]
) -> None:
    key = bon_van_ban["tat_ca"]
    dang_nhap(client, "syt")
    for path in (
        "/soan-thao",
        f"/soan-thao/{key}",
        "/so-van-ban-di",
        "/danh-ba",
        "/nguoi-dung",
        f"/van-ban/{key}/theo-doi",
        f"/van-ban/{key}/theo-doi/bang",
        f"/van-ban/{key}/phat-hanh",
        f"/van-ban/{key}/xem-truoc",
        f"/van-ban/{key}/phieu-gui/SNV",
        f"/van-ban/{key}/tai/tong_hop.pdf",
        "/api/so-dang-ky/2021",
    ):
        assert client.get(path).status_code == 403, path


def test_a_bodys_user_reads_its_own_line_of_the_recipients_only(
    client: TestClient, bon_van_ban: dict[str, str]
) -> None:
    key = bon_van_ban["tat_ca"]
    dang_nhap(client, "syt")
    table = client.get(f"/api/van-ban/{key}/noi-nhan").json()
    assert [r["ma"] for r in table["noi_nhan"]] == ["SYT"]
    assert table["tong"]["noi_nhan"] == 1
    assert client.get(f"/api/van-ban/{bon_van_ban['snv']}/noi-nhan").status_code == 404


def test_a_bodys_user_gets_its_own_link_only_and_only_once_sent(
    ung_dung: UngDung, bon_van_ban: dict[str, str]
) -> None:
    sent, not_sent = bon_van_ban["tat_ca"], bon_van_ban["chua_gui"]
    code, secret = lien_ket_cua(ung_dung, sent, "SYT")
    assert ung_dung.lien_ket_noi_nhan("syt", sent, "SYT").endswith(f"/nhan/{code}/{secret}")
    with pytest.raises(Refused):
        ung_dung.lien_ket_noi_nhan("syt", sent, "SNV")  # another body's
    with pytest.raises(Refused):
        ung_dung.lien_ket_noi_nhan("syt", not_sent, "SYT")  # not sent yet
    with pytest.raises(Refused):
        ung_dung.lien_ket_noi_nhan("syt", bon_van_ban["cho_gui"], "SYT")  # its copy pending
