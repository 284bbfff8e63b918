"""The recipient's link: the slip's QR code carries it under the base URL, and ``ack --token``
takes it, the old ``vanthu:ack:`` content and the bare code alike — for the same copy only."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import event, select

from tests.rendering.dumps import pdf_page_png
from tests.services.conftest import DANH_BA, ManualClock, cong_dien_du_thao
from vanthu.errors import InvalidSetting, NotFound, Refused
from vanthu.reading import tham_so
from vanthu.services import UngDung, VaiTro
from vanthu.storage.bang import NoiNhanVanBan

BASE = "https://vanthu.ninhthuan.gov.vn"


@pytest.fixture
def ung_dung(db_url: str, tmp_path: Path, clock: ManualClock) -> Iterator[UngDung]:
    app = UngDung(db=db_url, thu_muc=tmp_path / "output", clock=clock, base_url=BASE + "/")
    app.them_nguoi_dung(None, "vt", "Nguyễn Thị Văn", VaiTro.van_thu)
    app.nap_danh_ba("vt", app.doc_danh_ba(DANH_BA))
    app.them_nguoi_dung("vt", "cv", "Đặng Ngọc Đức", VaiTro.chuyen_vien)
    app.them_nguoi_dung("vt", "ld", "Trần Quốc Nam", VaiTro.lanh_dao)
    app.them_nguoi_dung("vt", "syt", "Văn thư Sở Y tế", VaiTro.don_vi_nhan, "SYT")
    key = str(app.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    app.trinh("cv", key)
    app.duyet("ld", key)
    app.ban_hanh("vt", key)
    app.phat_hanh("vt", key, gui_thu=False)
    yield app
    app.close()


def ban_sao(app: UngDung, ma: str) -> tuple[str, str]:
    with app._dv.store.transaction() as s:
        row = s.execute(
            select(NoiNhanVanBan.ma_theo_doi, NoiNhanVanBan.ma_xac_nhan).where(
                NoiNhanVanBan.ma_co_quan == ma
            )
        ).one()
    return row[0], row[1]


def test_the_slip_qr_code_carries_the_recipients_link_under_the_base_url(
    ung_dung: UngDung, tmp_path: Path
) -> None:
    code, secret = ban_sao(ung_dung, "SYT")
    assert len(secret) >= 24 and int(secret, 16) >= 0  # 96 random bits, hexadecimal
    [slip] = (tmp_path / "output").rglob("SYT/phieu-gui.pdf")
    image = Image.open(io.BytesIO(pdf_page_png(slip.read_bytes(), dpi=150)))
    [qr] = zxingcpp.read_barcodes(image)
    assert qr.text == f"{BASE}/nhan/{code}/{secret}"


def test_a_base_url_that_is_not_http_is_refused_before_anything(tmp_path: Path) -> None:
    for bad in ("ftp://vanthu.example", "vanthu.example", "https://x.example/?a=1", "http://"):
        with pytest.raises(InvalidSetting):
            UngDung(db=str(tmp_path / "x.db"), thu_muc=tmp_path, base_url=bad)
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3f9a7c21b0d4e5f60718293a", (None, "3f9a7c21b0d4e5f60718293a")),
        ("vanthu:ack:VB1-SYT:3f9a7c21b0d4", ("VB1-SYT", "3f9a7c21b0d4")),
        ("https://vt.example/nhan/VB12-UBND_NINH_SON/3f9a/", ("VB12-UBND_NINH_SON", "3f9a")),
        ("http://127.0.0.1:8000/desk/nhan/VB1-SYT/3f9a", ("VB1-SYT", "3f9a")),
    ],
)
def test_ack_token_reads_the_code_the_old_qr_content_and_the_link(
    text: str, expected: tuple[str | None, str]
) -> None:
    assert tham_so.ma_xac_nhan_lien_ket(text) == expected


@pytest.mark.parametrize(
    "text", ["vanthu:ack:VB1-SYT:", "https://vt.example/nhan/VB1-SYT/a/b", "ftp://x/nhan/A/b"]
)
def test_ack_token_refuses_anything_else(text: str) -> None:
    with pytest.raises(NotFound):
        tham_so.ma_xac_nhan_lien_ket(text)


def test_ack_by_the_link_or_the_old_qr_content_records_the_same_copy(ung_dung: UngDung) -> None:
    code, secret = ban_sao(ung_dung, "SYT")
    first = ung_dung.xac_nhan("syt", ma_xac_nhan=f"{BASE}/nhan/{code}/{secret}")
    assert first.ma_co_quan == "SYT" and not first.da_co
    again = ung_dung.xac_nhan("vt", ma_xac_nhan=f"vanthu:ack:{code}:{secret}")
    assert again.da_co


def test_ack_by_a_link_whose_parts_name_two_copies_is_refused(ung_dung: UngDung) -> None:
    code, secret = ban_sao(ung_dung, "SYT")
    snv_code, snv_secret = ban_sao(ung_dung, "SNV")
    for text in (f"{BASE}/nhan/{snv_code}/{secret}", f"vanthu:ack:{code}:{snv_secret}"):
        with pytest.raises(NotFound):
            ung_dung.xac_nhan("vt", ma_xac_nhan=text)
    with pytest.raises(Refused):  # a body's user still acts for its own body only
        ung_dung.xac_nhan("syt", ma_xac_nhan=f"{BASE}/nhan/{snv_code}/{snv_secret}")
    assert all(r.nhan_luc is None for r in ung_dung.trang_thai("1").dong)


def test_the_link_acts_for_its_body_and_the_log_names_the_link(ung_dung: UngDung) -> None:
    code, secret = ban_sao(ung_dung, "SNV")
    result = ung_dung.xac_nhan_lien_ket(code, secret)
    assert result.ma_co_quan == "SNV" and not result.da_co
    assert ung_dung.xac_nhan_lien_ket(code, secret).da_co
    [line] = [d for d in ung_dung.nhat_ky("1") if d.su_kien == "xac_nhan"]
    assert line.nguoi == f"lien-ket:{code}"
    page = ung_dung.mo_lien_ket(code, secret)
    assert page.ma_co_quan == "SNV" and page.da_nhan
    assert [v.han.isoformat() for v in page.nhiem_vu] == ["2021-10-05"]


def test_the_van_thu_and_the_body_itself_get_its_link_as_its_slip_carries_it_and_no_one_else(
    ung_dung: UngDung,
) -> None:
    code, secret = ban_sao(ung_dung, "SYT")
    assert ung_dung.lien_ket_noi_nhan("vt", "1", "SYT") == f"{BASE}/nhan/{code}/{secret}"
    assert ung_dung.lien_ket_noi_nhan("syt", "1", "SYT") == f"{BASE}/nhan/{code}/{secret}"
    assert ung_dung.mo_lien_ket(code, secret).ma_co_quan == "SYT"
    for actor in ("cv", "ld"):
        with pytest.raises(Refused, match="chỉ văn thư"):
            ung_dung.lien_ket_noi_nhan(actor, "1", "SYT")
    with pytest.raises(Refused, match="chỉ văn thư"):  # a body's user, for another body
        ung_dung.lien_ket_noi_nhan("syt", "1", "SNV")
    with pytest.raises(Refused, match="chưa được gửi"):
        ung_dung.lien_ket_noi_nhan("vt", "1", "KHONG_CO")


def test_a_link_acknowledgement_reads_the_copy_once_in_the_write_s_own_transaction(
    ung_dung: UngDung,
) -> None:
    code, secret = ban_sao(ung_dung, "SYT")
    store = ung_dung._dv.store
    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", seen)
    assert not ung_dung.xac_nhan_lien_ket(code, secret).da_co
    event.remove(store.engine, "before_cursor_execute", seen)
    if store.dialect == "postgresql":
        assert statements == []  # one statement, on the driver's own connection
    else:
        work = [s.split()[0] for s in statements if s.split()[0] not in ("SAVEPOINT", "RELEASE")]
        assert work == ["BEGIN", "SELECT", "UPDATE", "INSERT"], statements
    [line] = [d for d in ung_dung.nhat_ky("1") if d.su_kien == "xac_nhan"]
    assert line.nguoi == f"lien-ket:{code}" and line.doi_tuong.endswith(":SYT")


def test_one_link_pressed_many_times_at_once_is_recorded_once(ung_dung: UngDung) -> None:
    code, secret = ban_sao(ung_dung, "SNV")
    barrier = threading.Barrier(8)

    def press() -> bool:
        barrier.wait(10)
        return ung_dung.xac_nhan_lien_ket(code, secret).da_co

    with ThreadPoolExecutor(8) as pool:
        again = [f.result() for f in [pool.submit(press) for _ in range(8)]]
    assert sorted(again) == [False] + [True] * 7
    lines = [d for d in ung_dung.nhat_ky("1") if d.su_kien == "xac_nhan"]
    assert [d.doi_tuong.rsplit(":", 1)[-1] for d in lines] == ["SNV"]


def test_a_wrong_or_swapped_token_on_either_path_is_the_same_unknown_link(
    ung_dung: UngDung,
) -> None:
    code, secret = ban_sao(ung_dung, "SYT")
    snv_code, snv_secret = ban_sao(ung_dung, "SNV")
    wrong = [
        (code, snv_secret),
        (snv_code, secret),
        (code, secret[:-1] + ("0" if secret[-1] != "0" else "1")),
        (code, secret.upper() if secret.upper() != secret else secret + "a"),
        ("VB999-SYT", secret),
        (code, ""),
        (code, "x" * 65),
    ]
    for ma, token in wrong:
        with pytest.raises(NotFound, match="liên kết của nơi nhận"):
            ung_dung.xac_nhan_lien_ket(ma, token)
    assert all(r.nhan_luc is None for r in ung_dung.trang_thai("1").dong)
