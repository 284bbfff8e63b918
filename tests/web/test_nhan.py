"""The recipient's page over HTTP on both databases: the link works with no account, for its own
body and directive only, until a recall; confirming is idempotent; reports are type-checked,
size-limited and stored under a name of ours."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.services.conftest import DANH_BA, cong_dien_du_thao
from vanthu.schemas.gioi_han import TEP_BAO_CAO_TOI_DA
from vanthu.services import UngDung
from vanthu.storage.bang import BaoCaoNhan, NhatKy, NoiNhanVanBan

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def phat_hanh(app: UngDung) -> str:
    """The Ninh Thuận công điện drafted, approved, issued and distributed; its id."""
    key = str(app.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    app.trinh("cv", key)
    app.duyet("ld", key)
    app.ban_hanh("vt", key)
    app.phat_hanh("vt", key, gui_thu=False)
    return key


def lien_ket(app: UngDung, ma: str) -> tuple[str, str]:
    """A body's tracking code and secret, read from the store (as the slip prints them)."""
    with app._dv.store.transaction() as s:
        row = s.execute(
            select(NoiNhanVanBan.ma_theo_doi, NoiNhanVanBan.ma_xac_nhan).where(
                NoiNhanVanBan.ma_co_quan == ma
            )
        ).one()
    return row[0], row[1]


def su_kien(app: UngDung, ten: str) -> int:
    """How many log lines record the event ``ten``."""
    with app._dv.store.transaction() as s:
        return len(s.scalars(select(NhatKy.id).where(NhatKy.su_kien == ten)).all())


def bao_cao_luu(app: UngDung) -> list[str | None]:
    with app._dv.store.transaction() as s:
        return list(s.scalars(select(BaoCaoNhan.tep)).all())


@pytest.fixture
def syt(ung_dung: UngDung) -> str:
    """SYT's link path on a distributed công điện."""
    phat_hanh(ung_dung)
    code, secret = lien_ket(ung_dung, "SYT")
    return f"/nhan/{code}/{secret}"


def test_the_link_opens_the_bodys_page_with_no_account(
    client: TestClient, ung_dung: UngDung, syt: str
) -> None:
    page = client.get(syt)
    assert page.status_code == 200
    assert "Sở Y tế tỉnh Ninh Thuận" in page.text
    assert "Xác nhận đã nhận" in page.text and "Gửi báo cáo" in page.text
    assert "CĐ-UBND" in page.text
    assert page.headers["referrer-policy"] == "same-origin"
    assert "noindex" in page.headers["x-robots-tag"]
    snv_code, snv_secret = lien_ket(ung_dung, "SNV")
    assert snv_code not in page.text and snv_secret not in page.text
    assert "tổng hợp và báo cáo việc thực hiện" not in page.text  # SNV's task, not SYT's
    snv = client.get(f"/nhan/{snv_code}/{snv_secret}").text
    assert "tổng hợp và báo cáo việc thực hiện" in snv and "Hạn: 05/10/2021" in snv
    pdf = client.get(f"{syt}/van-ban.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-disposition"].startswith("inline")
    docx = client.get(f"{syt}/van-ban.docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert docx.headers["content-disposition"].startswith("attachment")
    assert client.get(f"{syt}/van-ban.exe").status_code == 404


def test_a_tampered_foreign_or_swapped_link_is_refused_and_records_nothing(
    client: TestClient, ung_dung: UngDung, syt: str
) -> None:
    _, _, code, secret = syt.split("/")
    snv_code, snv_secret = lien_ket(ung_dung, "SNV")
    tampered = secret[:-1] + ("0" if secret[-1] != "0" else "1")
    for path in (
        f"/nhan/{code}/{tampered}",  # a secret changed by one character
        f"/nhan/{code}/{snv_secret}",  # another body's secret
        f"/nhan/{snv_code}/{secret}",  # the tracking code swapped for another body's
        f"/nhan/VB999-SYT/{secret}",  # a tracking code of no directive
        f"/nhan/{code}/{secret}{secret}",
    ):
        assert client.get(path).status_code == 404, path
        assert client.post(f"{path}/xac-nhan").status_code == 404, path
        assert client.get(f"{path}/van-ban.pdf").status_code == 404, path
    assert su_kien(ung_dung, "xac_nhan") == 0


def test_confirming_twice_records_one_receipt(
    client: TestClient, ung_dung: UngDung, syt: str
) -> None:
    first = client.post(f"{syt}/xac-nhan")
    assert first.status_code == 303 and first.headers["location"] == f"{syt}?xong=nhan"
    page = client.get(first.headers["location"])
    assert "Đã xác nhận nhận văn bản" in page.text
    assert 'action="' + syt + '/xac-nhan"' not in page.text  # the button is gone
    assert client.post(f"{syt}/xac-nhan").status_code == 303
    assert su_kien(ung_dung, "xac_nhan") == 1
    rows = {r.ma: r for r in ung_dung.trang_thai("1").dong}
    assert rows["SYT"].nhan_luc is not None and rows["SNV"].nhan_luc is None


def test_a_post_from_another_site_is_refused(
    client: TestClient, ung_dung: UngDung, syt: str
) -> None:
    for header in ({"Origin": "https://evil.example"}, {"Origin": "null"}):
        assert client.post(f"{syt}/xac-nhan", headers=header).status_code == 403
    assert su_kien(ung_dung, "xac_nhan") == 0
    same = client.post(f"{syt}/xac-nhan", headers={"Origin": "http://testserver"})
    assert same.status_code == 303


def test_a_recalled_directive_link_says_so_and_does_nothing(
    client: TestClient, ung_dung: UngDung, syt: str
) -> None:
    ung_dung.thu_hoi("ld", "1", "Ban hành nhầm")
    page = client.get(syt)
    assert page.status_code == 410
    assert "đã bị thu hồi" in page.text and "Ban hành nhầm" in page.text
    assert "Xác nhận đã nhận</button>" not in page.text
    confirmed = client.post(f"{syt}/xac-nhan")
    assert confirmed.status_code == 410 and "đã bị thu hồi" in confirmed.text
    assert client.get(f"{syt}/van-ban.pdf").status_code == 403
    sent = client.post(f"{syt}/bao-cao", data={"so_ky_hieu": "1/BC"}, files={"tep": ("a.pdf", PDF)})
    assert sent.status_code == 410 and "đã bị thu hồi" in sent.text
    assert su_kien(ung_dung, "xac_nhan") == 0 and bao_cao_luu(ung_dung) == []


def test_a_report_with_a_pdf_is_stored_under_the_reply_number(
    client: TestClient, ung_dung: UngDung, syt: str, tmp_path: Path
) -> None:
    sent = client.post(
        f"{syt}/bao-cao",
        data={"so_ky_hieu": "123/BC-SYT"},
        files={"tep": ("../../../../tmp/evil.pdf", PDF, "application/pdf")},
    )
    assert sent.status_code == 303, sent.text
    page = client.get(sent.headers["location"])
    assert "Đã gửi báo cáo" in page.text and "123/BC-SYT" in page.text
    [stored] = bao_cao_luu(ung_dung)
    assert stored is not None
    path = Path(stored)
    assert path.resolve().is_relative_to((tmp_path / "output").resolve())
    assert path.parent.name == "bao-cao" and path.parent.parent.name == "SYT"
    assert path.name == "123-BC-SYT.pdf" and path.read_bytes() == PDF
    assert not (tmp_path.parent / "evil.pdf").exists() and not Path("/tmp/evil.pdf").exists()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_a_docx_report_is_told_by_its_content_not_its_name(
    client: TestClient, ung_dung: UngDung, syt: str
) -> None:
    sent = client.post(
        f"{syt}/bao-cao",
        data={"so_ky_hieu": "7/BC-SYT"},
        files={"tep": ("bao-cao.pdf", docx_bytes())},
    )
    assert sent.status_code == 303, sent.text
    [stored] = bao_cao_luu(ung_dung)
    assert stored is not None and stored.endswith("7-BC-SYT.docx")


@pytest.mark.parametrize(
    ("ten", "noi_dung"),
    [
        ("bao-cao.pdf", b"<html><script>alert(1)</script></html>"),  # a name that lies
        ("bao-cao.docx", b"PK\x03\x04not really a zip"),
        ("bao-cao.exe", b"MZ\x90\x00"),
        ("rong.pdf", b""),
    ],
)
def test_a_wrong_type_upload_is_refused_and_nothing_is_stored(
    client: TestClient, ung_dung: UngDung, syt: str, tmp_path: Path, ten: str, noi_dung: bytes
) -> None:
    sent = client.post(
        f"{syt}/bao-cao", data={"so_ky_hieu": "1/BC"}, files={"tep": (ten, noi_dung)}
    )
    assert sent.status_code == 422
    assert "không phải tài liệu PDF hay DOCX" in sent.text
    assert bao_cao_luu(ung_dung) == []
    assert not list((tmp_path / "output").rglob("bao-cao"))


def test_an_oversized_upload_is_refused_and_nothing_is_stored(
    client: TestClient, ung_dung: UngDung, syt: str, tmp_path: Path
) -> None:
    big = PDF + b"0" * (TEP_BAO_CAO_TOI_DA + 1 - len(PDF))
    sent = client.post(f"{syt}/bao-cao", data={"so_ky_hieu": "1/BC"}, files={"tep": ("a.pdf", big)})
    assert sent.status_code == 422
    assert "tối đa 50 MiB" in sent.text
    assert bao_cao_luu(ung_dung) == []
    assert not list((tmp_path / "output").rglob("bao-cao"))


def test_a_reply_number_that_would_climb_out_is_refused(
    client: TestClient, ung_dung: UngDung, syt: str
) -> None:
    sent = client.post(
        f"{syt}/bao-cao", data={"so_ky_hieu": "../../../x"}, files={"tep": ("a.pdf", PDF)}
    )
    assert sent.status_code == 422
    assert bao_cao_luu(ung_dung) == []


def test_html_in_a_body_name_is_escaped(client: TestClient, ung_dung: UngDung) -> None:
    directory = ung_dung.doc_danh_ba(DANH_BA)
    hostile = [
        b.model_copy(update={"ten": '<script>alert("x")</script> Sở Y tế'}) if b.ma == "SYT" else b
        for b in directory.co_quan
    ]
    ung_dung.nap_danh_ba("vt", directory.model_copy(update={"co_quan": hostile}))
    phat_hanh(ung_dung)
    code, secret = lien_ket(ung_dung, "SYT")
    page = client.get(f"/nhan/{code}/{secret}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Sở Y tế" in page.text
