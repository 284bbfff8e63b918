"""Kiểm tra chữ ký số over HTTP: the desk's page, the recipient's page and the API give each
verdict in Vietnamese (the API the JSON of ``vanthu verify --json``); hostile uploads — empty,
random, cut, a bomb, too many objects, over the size limit — get a verdict or a 4xx, never a
500; without trust roots the page says that nothing can be trusted."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from tests.ky_so.conftest import LUC_KY, Khoa, vi_tri
from tests.ky_so.conftest import ban_de_ky as ban_de_ky  # the signing fixtures, shared
from tests.ky_so.conftest import da_ky as da_ky
from tests.ky_so.conftest import khoa as khoa
from tests.ky_so.conftest import khoa_la as khoa_la
from tests.ky_so.pdf_doc_hai import (
    bom_luong_doi_tuong,
    cap_nhat_sau_ky,
    doi_mot_byte,
    doi_tuong_sau_ky,
    qua_nhieu_doi_tuong,
)
from tests.web.conftest import dang_nhap
from tests.web.khach_api import bearer
from tests.web.test_nhan import lien_ket, phat_hanh
from vanthu.ky_so import ky_lanh_dao
from vanthu.ky_so.dong_bo import chay
from vanthu.rendering.renderer import BanDeKy
from vanthu.schemas.gioi_han import DOI_TUONG_PDF_TOI_DA, PDF_KIEM_TRA_TOI_DA
from vanthu.services import UngDung
from vanthu.web.app import tao_app
from vanthu.web.cai_dat import CaiDatWeb

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def cau_hinh(khoa: Khoa, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The desk's signing configuration: the throw-away CA as its trust root."""
    path = khoa.thu_muc / "ky-so.yaml"
    monkeypatch.setenv("VANTHU_KY_SO", str(path))
    return path


@pytest.fixture
def la(ban_de_ky: BanDeKy, khoa_la: Khoa) -> bytes:
    """The directive signed by a certificate of a CA nobody configured."""
    return ky_lanh_dao(
        ban_de_ky.pdf, khoa_la.cau_hinh, "lanh_dao", vi_tri(ban_de_ky)[0], None, LUC_KY
    )


def chu(response: Any) -> str:
    """A page's text, tags dropped, entities read, spaces joined."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


def gui(client: TestClient, csrf: str, data: bytes, name: str = "van-ban.pdf") -> Any:
    return client.post(
        "/kiem-tra-chu-ky", data={"csrf": csrf}, files={"tep": (name, data, "application/pdf")}
    )


def test_the_page_is_in_the_navigation_for_every_role_and_needs_a_sign_in(
    client: TestClient,
) -> None:
    assert client.get("/kiem-tra-chu-ky").status_code == 303
    for ten in ("vt", "cv", "ld", "syt"):
        dang_nhap(client, ten)
        page = client.get("/kiem-tra-chu-ky")
        assert page.status_code == 200, ten
        assert '<a href="/kiem-tra-chu-ky" aria-current="page">Kiểm tra chữ ký số</a>' in page.text
        assert 'type="file"' in page.text and "tối đa 25 MB" in page.text
        client.cookies.clear()


def test_a_directive_signed_twice_is_valid_with_each_signer_role_time_and_trust(
    client: TestClient, cau_hinh: Path, da_ky: bytes
) -> None:
    response = gui(client, dang_nhap(client, "vt"), da_ky, "18-CĐ-UBND.pdf")
    assert response.status_code == 200
    text = chu(response)
    assert "Kết quả kiểm tra «18-CĐ-UBND.pdf»" in text
    assert "Hợp lệ — hợp lệ: chữ ký nguyên vẹn, chứng thư số được tin cậy." in text
    assert "Chữ ký 1: người ký (lãnh đạo)" in text and "Chữ ký 2: cơ quan, tổ chức ban hành" in text
    assert "Người ký Trần Quốc Nam" in text
    assert "Cơ quan, tổ chức ỦY BAN NHÂN DÂN TỈNH NINH THUẬN" in text
    assert text.count("Thời gian ký 28/11/2026 14:30:05 (UTC+07:00)") == 2
    assert text.count("Chuỗi chứng thư được tin cậy") == 2
    assert "Sửa đổi sau khi ký chỉ thêm chữ ký hoặc điền biểu mẫu sau" in text  # the leader's
    assert 'class="ket-qua-ky kl-hop_le"' in response.text


@pytest.mark.parametrize(
    ("lam", "ma", "loi"),
    [
        (doi_mot_byte, "bi_sua", "Không hợp lệ — nội dung đã ký bị thay đổi."),
        (cap_nhat_sau_ky, "sua_sau_ky", "Không hợp lệ — văn bản bị sửa đổi sau khi ký."),
        (lambda pdf: pdf[: len(pdf) // 2], "bi_cat", "Không hợp lệ — tệp bị cắt cụt"),
        (lambda pdf: b"", "khong_phai_pdf", "Không hợp lệ — không phải tệp PDF."),
        (lambda pdf: b"PK\x03\x04 a zip", "khong_phai_pdf", "không phải tệp PDF"),
        (lambda pdf: bom_luong_doi_tuong(40), "vuot_gioi_han", "tệp vượt giới hạn kiểm tra"),
        (lambda pdf: doi_tuong_sau_ky(pdf, 6000), "vuot_gioi_han", "vượt giới hạn"),
        (lambda _: qua_nhieu_doi_tuong(DOI_TUONG_PDF_TOI_DA + 1), "vuot_gioi_han", "giới hạn"),
    ],
)
def test_each_way_a_file_fails_gets_its_own_verdict_on_the_page(
    client: TestClient, cau_hinh: Path, da_ky: bytes, lam: Any, ma: str, loi: str
) -> None:
    response = gui(client, dang_nhap(client, "cv"), lam(da_ky))
    assert response.status_code == 200
    assert f'class="ket-qua-ky kl-{ma}"' in response.text
    assert loi in chu(response)
    assert "Traceback" not in response.text
    if ma == "bi_sua":  # trust is not judged of bytes that no longer match their signature
        assert "Chuỗi chứng thư không kiểm tra (nội dung đã ký bị thay đổi)" in chu(response)


def test_an_unsigned_pdf_and_an_unknown_ca_get_their_own_verdicts(
    client: TestClient, cau_hinh: Path, ban_de_ky: BanDeKy, la: bytes
) -> None:
    csrf = dang_nhap(client, "ld")
    unsigned = chu(gui(client, csrf, ban_de_ky.pdf))
    assert "Không hợp lệ — tệp không có chữ ký số." in unsigned
    untrusted = chu(gui(client, csrf, la))
    assert "Không hợp lệ — chứng thư số không được tin cậy" in untrusted
    assert "Người ký Kẻ Mạo Danh" in untrusted and "Chuỗi chứng thư không được tin cậy" in untrusted
    assert "Nội dung đã ký nguyên vẹn" in untrusted


def test_without_trust_roots_the_page_says_none_is_configured_and_nothing_is_trusted(
    client: TestClient, da_ky: bytes
) -> None:
    text = chu(gui(client, dang_nhap(client, "vt"), da_ky))
    assert "Không hợp lệ — chứng thư số không được tin cậy" in text
    assert "Máy chủ chưa cấu hình gốc tin cậy (tin_cay trong VANTHU_KY_SO)" in text


def test_a_signing_configuration_that_cannot_be_read_is_a_503_with_the_reason_for_staff(
    client: TestClient, da_ky: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VANTHU_KY_SO", str(tmp_path / "khong-co.yaml"))
    response = gui(client, dang_nhap(client, "vt"), da_ky)
    assert response.status_code == 503
    assert "Máy chủ chưa cấu hình đúng chữ ký số (VANTHU_KY_SO" in chu(response)


def test_an_upload_over_the_limit_is_refused_with_413_and_a_form_without_a_file_with_422(
    client: TestClient, cau_hinh: Path
) -> None:
    csrf = dang_nhap(client, "vt")
    big = gui(client, csrf, b"%PDF-1.7\n" + b"0" * PDF_KIEM_TRA_TOI_DA)
    assert big.status_code == 413
    assert "PDF file: lớn hơn 25 MiB" in chu(big) and 'id="tep-kiem-tra"' in big.text
    empty = client.post("/kiem-tra-chu-ky", data={"csrf": csrf})
    assert empty.status_code == 422 and "no file was sent" in chu(empty)
    # No CSRF token: refused as every change is, before the file is read.
    forged = client.post("/kiem-tra-chu-ky", files={"tep": ("a.pdf", b"%PDF-")})
    assert forged.status_code == 403


def _goi_thang(app: Any, path: str, length: int) -> tuple[int, bool]:
    """POST ``path`` to the ASGI app declaring ``length`` bytes of multipart body, and answer
    the status and whether the app asked for a byte of the body."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", b"multipart/form-data; boundary=x"),
            (b"content-length", str(length).encode()),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    read = False
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        read = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    # On a loop of its own: a browser test earlier in the session may leave Playwright's running.
    chay(app(scope, receive, send))
    return sent[0]["status"], read


def test_a_body_declared_over_the_limit_is_refused_before_a_byte_is_read(
    ung_dung: UngDung, tmp_path: Path
) -> None:
    phat_hanh(ung_dung)
    code, secret = lien_ket(ung_dung, "SYT")
    app = tao_app(ung_dung, CaiDatWeb(thu_muc=tmp_path / "output"))
    over = PDF_KIEM_TRA_TOI_DA + 1024 * 1024
    for path in (
        "/kiem-tra-chu-ky",
        "/api/kiem-tra-chu-ky",
        f"/nhan/{code}/{secret}/kiem-tra-chu-ky",
    ):
        assert _goi_thang(app, path, over) == (413, False), path


def test_the_api_answers_the_json_of_vanthu_verify(
    client: TestClient, ung_dung: UngDung, cau_hinh: Path, da_ky: bytes, tmp_path: Path
) -> None:
    from vanthu.cli.ky_so import verify

    headers = bearer(ung_dung, "syt")  # a body's own account may check what it receives
    for pdf in (da_ky, doi_mot_byte(da_ky), da_ky[:-3000], b"not a pdf"):
        response = client.post(
            "/api/kiem-tra-chu-ky", headers=headers, files={"tep": ("x.pdf", pdf)}
        )
        assert response.status_code == 200
        path = tmp_path / "x.pdf"
        path.write_bytes(pdf)
        cli = CliRunner().invoke(verify, [str(path), "--json"])
        assert response.json() == json.loads(cli.output)
    assert client.post("/api/kiem-tra-chu-ky", files={"tep": ("x.pdf", da_ky)}).status_code == 401
    missing = client.post("/api/kiem-tra-chu-ky", headers=headers, data={"x": "1"})
    assert missing.status_code == 422 and "no file was sent" in missing.json()["detail"]
    big = client.post(
        "/api/kiem-tra-chu-ky",
        headers=headers,
        files={"tep": ("x.pdf", b"%PDF-" + b"0" * PDF_KIEM_TRA_TOI_DA)},
    )
    assert big.status_code == 413 and "lớn hơn 25 MiB" in big.json()["detail"]


def test_the_recipients_page_checks_an_upload_and_shows_the_verdict_in_its_own_section(
    client: TestClient, ung_dung: UngDung, cau_hinh: Path, da_ky: bytes
) -> None:
    phat_hanh(ung_dung)
    code, secret = lien_ket(ung_dung, "SYT")
    here = f"/nhan/{code}/{secret}"
    page = client.get(here)
    assert f'action="{here}/kiem-tra-chu-ky"' in page.text
    ok = client.post(f"{here}/kiem-tra-chu-ky", files={"tep": ("vb.pdf", da_ky)})
    assert ok.status_code == 200
    assert (
        ok.headers["referrer-policy"] == "same-origin" and "noindex" in ok.headers["x-robots-tag"]
    )
    text = chu(ok)
    assert "Kiểm tra chữ ký số" in text and "Hợp lệ — hợp lệ" in text
    assert "Người ký Trần Quốc Nam" in text and "Sở Y tế tỉnh Ninh Thuận" in text
    assert '<h3 id="tieu-de-ket-qua-ky">' in ok.text  # under the section's h2
    # The directive the link distributes was signed at Ban hành: downloaded and checked, valid.
    issued = client.get(f"{here}/van-ban.pdf").content
    own = chu(client.post(f"{here}/kiem-tra-chu-ky", files={"tep": ("vb.pdf", issued)}))
    assert "Hợp lệ — hợp lệ" in own and "Chữ ký 2: cơ quan, tổ chức ban hành" in own
    bad = client.post(f"{here}/kiem-tra-chu-ky", files={"tep": ("vb.pdf", cap_nhat_sau_ky(da_ky))})
    assert "Không hợp lệ — văn bản bị sửa đổi sau khi ký." in chu(bad)
    foreign = client.post(
        f"{here}/kiem-tra-chu-ky",
        files={"tep": ("vb.pdf", da_ky)},
        headers={"Origin": "https://evil.example"},
    )
    assert foreign.status_code == 403
    assert (
        client.post(f"/nhan/{code}/sai/kiem-tra-chu-ky", files={"tep": ("a", da_ky)}).status_code
        == 404
    )


def test_the_recipients_page_does_not_tell_a_stranger_the_servers_configuration(
    client: TestClient,
    ung_dung: UngDung,
    da_ky: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    phat_hanh(ung_dung)
    code, secret = lien_ket(ung_dung, "SYT")
    monkeypatch.setenv("VANTHU_KY_SO", str(tmp_path / "bi-mat" / "ky-so.yaml"))
    response = client.post(f"/nhan/{code}/{secret}/kiem-tra-chu-ky", files={"tep": ("a", da_ky)})
    assert response.status_code == 503
    assert "Máy chủ chưa cấu hình đúng chữ ký số." in chu(response)
    assert "bi-mat" not in response.text


#: The CSRF token of the session each client signed in with (the property test's examples).
_PHIEN: dict[int, str] = {}


@pytest.mark.property
@given(data=st.data())
def test_hostile_uploads_get_a_verdict_page_never_a_server_error(
    client: TestClient, cau_hinh: Path, da_ky: bytes, data: st.DataObject
) -> None:
    if id(client) not in _PHIEN:  # one sign-in for all the examples on one client
        _PHIEN[id(client)] = dang_nhap(client, "vt")
    csrf = _PHIEN[id(client)]
    kind = data.draw(st.sampled_from(["random", "cut", "flip", "pdf-head", "name"]))
    name = "a.pdf"
    if kind == "random":
        blob = data.draw(st.binary(max_size=4000))
    elif kind == "cut":
        blob = da_ky[: data.draw(st.integers(0, len(da_ky) - 1))]
    elif kind == "flip":
        at = data.draw(st.integers(0, len(da_ky) - 1))
        blob = da_ky[:at] + bytes([da_ky[at] ^ data.draw(st.integers(1, 255))]) + da_ky[at + 1 :]
    elif kind == "pdf-head":
        blob = b"%PDF-1.7\n" + data.draw(st.binary(max_size=2000)) + b"\n%%EOF\n"
    else:
        blob = da_ky
        name = data.draw(st.text(max_size=300))
    response = gui(client, csrf, blob, name)
    assert response.status_code in (200, 422), response.text[:500]
    assert "Traceback" not in response.text
    if response.status_code == 200:
        assert 'class="ket-qua-ky kl-' in response.text
