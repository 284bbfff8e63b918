"""Soạn thảo over HTTP, on SQLite and PostgreSQL: a draft from the form or an uploaded file,
each problem beside its input as ``vanthu check`` words it, Lưu nháp then Trình, the preview."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import dang_nhap
from vanthu.errors import InvalidDirective
from vanthu.schemas import VanBan
from vanthu.schemas.gioi_han import DONG_BANG_TOI_DA, NOI_DUNG_TOI_DA, TEP_VAN_BAN_TOI_DA
from vanthu.services import TrangThaiVanBan, UngDung, canh_bao_van_ban, kiem_tra_tep
from vanthu.web.bieu_mau import TRUONG_TOI_DA, bieu_mau_tu_van_ban, doc_bieu_mau, ma_o

#: A short công văn as a drafter types it into the form.
CONG_VAN: dict[str, Any] = {
    "loai": "cong_van",
    "co_quan_chu_quan": "UBND TỈNH NINH THUẬN",
    "co_quan": "SỞ Y TẾ",
    "ky_hieu_co_quan": "SYT",
    "don_vi_soan_thao": "NVY",
    "dia_danh": "Ninh Thuận",
    "do_khan": "khan",
    "trich_yeu": "V/v tăng cường phòng, chống dịch",
    "kinh_gui": "Ủy ban nhân dân các huyện, thành phố\nTrung tâm Kiểm soát bệnh tật",
    "noi_dung[0].doan": "Đoạn thứ nhất.",
    "noi_dung[0].kieu": "thuong",
    "noi_dung[1].doan": "",
    "noi_dung[2].doan": "Đoạn thứ hai./.",
    "nguoi_ky.quyen_han": "KT",
    "nguoi_ky.thay_mat": "GIÁM ĐỐC",
    "nguoi_ky.chuc_vu": "PHÓ GIÁM ĐỐC",
    "nguoi_ky.ho_ten": "Lê Văn Bình",
    "noi_nhan[0].ten": "Như trên",
    "noi_nhan[0].nhom": ["ubnd_huyen"],
    "noi_nhan[0].ma_co_quan": "CDC",
    "noi_nhan[1].ten": "",
    "noi_nhan[2].ten": "Lãnh đạo Sở",
    "noi_nhan[2].noi_bo": "1",
    "nhiem_vu[0].doan": "2",
    "nhiem_vu[0].ma_co_quan": "CDC",
    "nhiem_vu[0].han": "2021-09-30",
    "nhiem_vu[0].bao_cao": "1",
    "luu": "NVY, ĐNĐ",
    "ky_hieu_nguoi_soan": "ĐNĐ",
}


def _form(csrf: str, values: dict[str, Any], **extra: str) -> dict[str, Any]:
    return {"csrf": csrf, **values, **extra}


def _tu_choi(
    client: TestClient, csrf: str, values: dict[str, str], tmp_path: Path
) -> tuple[str, list[Any]]:
    """Save ``values`` from the form, which refuses them (422): the page, and the problems
    `vanthu check` finds in the same data written as a directive file."""
    response = client.post("/soan-thao", data=_form(csrf, values, hanh_dong="luu"))
    assert response.status_code == 422
    tep = tmp_path / "x.yaml"
    tep.write_text(yaml.safe_dump(doc_bieu_mau(_Form(values)).du_lieu, allow_unicode=True))
    with pytest.raises(InvalidDirective) as refused:
        kiem_tra_tep(tep)
    return response.text, list(refused.value.problems)


def _seed_form() -> dict[str, str | list[str]]:
    """The Ninh Thuận công điện draft as the form's inputs (the edit form shows the same)."""
    vb = VanBan.model_validate(cong_dien_du_thao())
    return bieu_mau_tu_van_ban(vb).gia_tri


def _id(location: str) -> int:
    found = re.search(r"/(\d+)\?", location)
    assert found, location
    return int(found.group(1))


def test_a_draft_made_in_the_form_is_stored_with_every_field(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    response = client.post("/soan-thao", data=_form(csrf, CONG_VAN, hanh_dong="luu"))
    assert response.status_code == 303, response.text
    assert response.headers["location"].endswith("?xong=luu")
    shown = ung_dung.xem_van_ban(str(_id(response.headers["location"])))
    assert shown.trang_thai is TrangThaiVanBan.du_thao and shown.nguoi_soan == "cv"
    vb = shown.van_ban
    assert vb.kinh_gui == ["Ủy ban nhân dân các huyện, thành phố", "Trung tâm Kiểm soát bệnh tật"]
    assert [d.doan for d in vb.noi_dung] == ["Đoạn thứ nhất.", "Đoạn thứ hai./."]
    assert vb.nguoi_ky.dong_tham_quyen() == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert [(n.ten, n.ma_co_quan, n.nhom, n.noi_bo) for n in vb.noi_nhan] == [
        ("Như trên", ["CDC"], ["ubnd_huyen"], False),
        ("Lãnh đạo Sở", [], [], True),
    ]
    assert [(t.doan, t.ma_co_quan, t.han.isoformat()) for t in vb.nhiem_vu] == [
        (2, ["CDC"], "2021-09-30")
    ]
    assert vb.luu == ["NVY", "ĐNĐ"] and vb.do_khan is not None
    page = client.get(response.headers["location"])
    assert "Đã lưu nháp." in page.text
    assert 'value="Lê Văn Bình"' in page.text


def test_a_saved_draft_shows_each_warning_of_check_beside_its_input(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    values = CONG_VAN | {
        "kinh_gui": "Ủy ban nhân dân các tỉnh\nthành phố",
        "noi_nhan[2].ten": "các Phó Giám đốc Sở",
    }
    response = client.post("/soan-thao", data=_form(csrf, values, hanh_dong="luu"))
    assert response.status_code == 303, response.text  # a warning stops nothing
    page = client.get(response.headers["location"]).text
    warnings = canh_bao_van_ban(
        ung_dung.xem_van_ban(str(_id(response.headers["location"]))).van_ban
    )
    assert [w.where for w in warnings] == ["kinh_gui[1]", "noi_nhan[1].ten"]
    assert "Nên xem lại: 2 cảnh báo" in page
    for warning, target in zip(warnings, ("o-kinh_gui", "o-noi_nhan-1-ten"), strict=True):
        beside = re.search(
            rf'<p class="canh-bao-truong" id="{target}-canh-bao-1">([^<]*)</p>', page
        )
        assert beside and html.unescape(beside.group(1)) == str(warning)
        assert f'<li><a href="#{target}">' in page
        assert re.search(rf'aria-describedby="[^"]*{target}-canh-bao-1"', page)


def test_a_draft_without_slips_shows_no_warning(client: TestClient) -> None:
    csrf = dang_nhap(client, "cv")
    response = client.post("/soan-thao", data=_form(csrf, CONG_VAN, hanh_dong="luu"))
    page = client.get(response.headers["location"]).text
    assert "cảnh báo" not in page and "canh-bao-truong" not in page


def test_an_uploaded_directive_file_becomes_a_draft(client: TestClient, ung_dung: UngDung) -> None:
    csrf = dang_nhap(client, "cv")
    text = yaml.safe_dump(cong_dien_du_thao(), allow_unicode=True).encode()
    response = client.post(
        "/soan-thao/tai-len", data={"csrf": csrf}, files={"tep": ("cong-dien.yaml", text)}
    )
    assert response.status_code == 303, response.text
    van_ban_id = _id(response.headers["location"])
    assert (
        ung_dung.xem_van_ban(str(van_ban_id)).van_ban.nguoi_gui == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    )
    page = client.get(response.headers["location"])
    assert "Đã tạo dự thảo từ tệp tải lên." in page.text
    assert f"Sửa dự thảo #{van_ban_id}" in page.text


def test_an_upload_that_check_refuses_shows_its_problems_and_stores_nothing(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    numbered = cong_dien_du_thao() | {"so": 5, "ngay": "2021-09-10"}  # not a draft
    numbered.pop("nam")
    response = client.post(
        "/soan-thao/tai-len",
        data={"csrf": csrf},
        files={"tep": ("../../etc/x.yaml", yaml.safe_dump(numbered).encode())},
    )
    assert response.status_code == 422
    assert "so: a draft has no number or date: the văn thư issues it" in response.text
    assert "x.yaml" in response.text and "../" not in response.text
    assert ung_dung.danh_sach_van_ban() == []


def test_an_upload_of_the_wrong_type_or_too_large_is_refused(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    wrong = client.post(
        "/soan-thao/tai-len", data={"csrf": csrf}, files={"tep": ("x.pdf", b"%PDF-1.7")}
    )
    assert wrong.status_code == 422
    assert "hãy tải lên tệp văn bản (.yaml, .yml, .json) hoặc bản Word (.docx)" in wrong.text
    big = b"# " + b"x" * TEP_VAN_BAN_TOI_DA + b"\n"
    large = client.post("/soan-thao/tai-len", data={"csrf": csrf}, files={"tep": ("x.yaml", big)})
    assert large.status_code == 422
    assert f"lớn hơn {TEP_VAN_BAN_TOI_DA:,} byte" in large.text
    assert ung_dung.danh_sach_van_ban() == []


class _Form(dict[str, Any]):
    """Submitted inputs as the form reader sees them (Starlette's FormData)."""

    def getlist(self, key: str) -> list[Any]:
        value = self.get(key)
        return [] if value is None else value if isinstance(value, list) else [value]


@pytest.mark.parametrize(
    ("changes", "inputs"),
    [
        (
            {"ky_hieu_co_quan": "S YT", "nguoi_ky.ho_ten": "", "noi_nhan[0].ten": "x" * 400},
            {
                "ky_hieu_co_quan": "ky_hieu_co_quan",
                "nguoi_ky.ho_ten": "nguoi_ky.ho_ten",
                "noi_nhan[0].ten": "noi_nhan[0].ten",
            },
        ),
        (
            {"nhiem_vu[0].doan": "9", "kinh_gui": ""},
            {"nhiem_vu": "nhiem_vu", "kinh_gui": "kinh_gui"},
        ),
    ],
)
def test_each_problem_shows_beside_its_input_with_the_message_of_check(
    client: TestClient,
    ung_dung: UngDung,
    tmp_path: Path,
    changes: dict[str, str],
    inputs: dict[str, str],
) -> None:
    csrf = dang_nhap(client, "cv")
    values = CONG_VAN | changes
    page, problems = _tu_choi(client, csrf, values, tmp_path)
    assert {p.where for p in problems} == set(inputs)
    for problem in problems:
        target = ma_o(inputs[problem.where])
        summary = re.findall(rf'<li><a href="#{target}">([^<]*)</a></li>', page)
        assert str(problem) in [html.unescape(m) for m in summary]
        beside = re.search(rf'<p class="loi-truong" id="{target}-loi-\d+">([^<]*)</p>', page)
        assert beside and html.unescape(beside.group(1)) == str(problem)
    if "ky_hieu_co_quan" in changes:  # what was typed is shown again, marked invalid
        assert 'name="ky_hieu_co_quan" value="S YT" aria-describedby' in page
        assert 'aria-invalid="true"' in page
    assert ung_dung.danh_sach_van_ban() == []


def test_save_then_submit_sends_the_draft_for_review(client: TestClient, ung_dung: UngDung) -> None:
    csrf = dang_nhap(client, "cv")
    saved = client.post("/soan-thao", data=_form(csrf, _seed_form(), hanh_dong="luu"))
    assert saved.status_code == 303, saved.text
    van_ban_id = _id(saved.headers["location"])
    values = _seed_form() | {"trich_yeu": "Về việc bảo vệ “vùng xanh” (đã sửa)"}
    submitted = client.post(
        "/soan-thao",
        data=_form(csrf, values, hanh_dong="trinh", van_ban_id=str(van_ban_id)),
    )
    assert submitted.status_code == 303, submitted.text
    assert submitted.headers["location"] == f"/van-ban/{van_ban_id}?xong=trinh"
    shown = ung_dung.xem_van_ban(str(van_ban_id))
    assert shown.trang_thai is TrangThaiVanBan.cho_duyet
    assert shown.van_ban.trich_yeu == "Về việc bảo vệ “vùng xanh” (đã sửa)"
    assert shown.phien_ban == 3  # saved, edited, submitted
    assert len(ung_dung.danh_sach_van_ban()) == 1
    page = client.get(submitted.headers["location"])
    assert "Đã trình văn bản; lãnh đạo sẽ duyệt." in page.text


def test_a_draft_without_the_csrf_token_is_refused_and_nothing_is_stored(
    client: TestClient, ung_dung: UngDung
) -> None:
    dang_nhap(client, "cv")
    response = client.post("/soan-thao", data={**_seed_form(), "hanh_dong": "luu"})
    assert response.status_code == 403
    upload = client.post("/soan-thao/tai-len", files={"tep": ("x.yaml", b"loai: cong_van\n")})
    assert upload.status_code == 403
    assert ung_dung.danh_sach_van_ban() == []


def test_html_in_the_subject_comes_out_escaped(client: TestClient, ung_dung: UngDung) -> None:
    csrf = dang_nhap(client, "cv")
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    values = dict(CONG_VAN) | {"trich_yeu": "V/v " + hostile}
    saved = client.post("/soan-thao", data=_form(csrf, values, hanh_dong="luu"))
    assert saved.status_code == 303, saved.text
    van_ban_id = _id(saved.headers["location"])
    for url in (f"/van-ban/{van_ban_id}", f"/soan-thao/{van_ban_id}", "/van-ban"):
        page = client.get(url).text
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(" in page
    refused = client.post(
        "/soan-thao", data=_form(csrf, values | {"dia_danh": ""}, hanh_dong="luu")
    )
    assert refused.status_code == 422
    assert "<script>alert" not in refused.text and "&lt;script&gt;" in refused.text


def test_the_preview_draws_the_forms_pages_and_stores_nothing(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    response = client.post(
        "/soan-thao/xem-truoc", data=_seed_form(), headers={"X-CSRF-Token": csrf}
    )
    assert response.status_code == 200
    assert response.text.count('src="data:image/jpeg;base64,/9j/') == 3
    assert 'alt="Trang 1/3 của văn bản"' in response.text
    broken = client.post(
        "/soan-thao/xem-truoc",
        data=_seed_form() | {"nguoi_gui": ""},
        headers={"X-CSRF-Token": csrf},
    )
    assert "nguoi_gui: công điện phải có người gửi" in broken.text
    assert ung_dung.danh_sach_van_ban() == []


#: A table and a footnote typed into the form: columns one a line, body rows pasted from a
#: spreadsheet (TAB between cells, a cell holding a line break in quotes), a merged header.
BANG_CHU_THICH: dict[str, Any] = {
    "noi_dung[0].doan": "Sở Y tế báo cáo kết quả tiêm chủng[^1] như sau:",
    "noi_dung[1].bang.ten": "Bảng 1. Kết quả tiêm chủng",
    "noi_dung[1].bang.cot": "STT | 1 | giữa\nĐơn vị\nSố liều | 2,5 | phải",
    "noi_dung[1].bang.tieu_de_gop": "Địa bàn (gộp 2) | ",
    "noi_dung[1].bang.dong": '1\tPhường Bảo An\t11.585\r\n2\t"Phường\nĐài Sơn"\t7.049\r\n',
    "noi_dung[2].doan": "**Kiến nghị:** tiếp tục tiêm lưu động;\ntổ chức tiêm tại nhà./.",
    "noi_dung[2].kieu": "tieu_de",
    "chu_thich[0].nhan": "1",
    "chu_thich[0].ghi_chu": "Số liệu đến ngày 10/9/2021.",
}


def test_a_draft_with_a_table_and_a_footnote_saved_from_the_form_is_stored_exactly(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    values = {k: v for k, v in CONG_VAN.items() if not k.startswith("noi_dung")}
    values |= BANG_CHU_THICH | {"nhiem_vu[0].doan": "3"}
    saved = client.post("/soan-thao", data=_form(csrf, values, hanh_dong="luu"))
    assert saved.status_code == 303, saved.text
    van_ban_id = _id(saved.headers["location"])
    vb = ung_dung.xem_van_ban(str(van_ban_id)).van_ban
    data = vb.model_dump(mode="json", exclude_defaults=True)
    assert data["noi_dung"] == [
        {"doan": "Sở Y tế báo cáo kết quả tiêm chủng[^1] như sau:"},
        {
            "bang": {
                "ten": "Bảng 1. Kết quả tiêm chủng",
                "cot": [
                    {"ten": "STT", "rong": 1.0, "can": "giua"},
                    {"ten": "Đơn vị"},
                    {"ten": "Số liều", "rong": 2.5, "can": "phai"},
                ],
                "tieu_de_gop": [[{"ten": "Địa bàn", "gop": 2}, {"ten": ""}]],
                "dong": [["1", "Phường Bảo An", "11.585"], ["2", "Phường\nĐài Sơn", "7.049"]],
            }
        },
        {
            "doan": "**Kiến nghị:** tiếp tục tiêm lưu động;\ntổ chức tiêm tại nhà./.",
            "kieu": "tieu_de",
        },
    ]
    assert vb.chu_thich == {"1": "Số liệu đến ngày 10/9/2021."}
    # Shown again and saved unchanged, the draft is the same (the form loses nothing).
    shown = bieu_mau_tu_van_ban(vb).gia_tri
    again = client.post(
        "/soan-thao", data=_form(csrf, shown, hanh_dong="luu", van_ban_id=str(van_ban_id))
    )
    assert again.status_code == 303, again.text
    stored = ung_dung.xem_van_ban(str(van_ban_id))
    assert stored.van_ban == vb and stored.phien_ban == 2
    page = html.unescape(client.get(f"/soan-thao/{van_ban_id}").text)
    assert "Phường Bảo An | 11.585" in page and 'value="tieu_de" selected' in page


def test_a_stored_draft_with_a_table_is_edited_in_the_form_not_refused(
    client: TestClient, ung_dung: UngDung
) -> None:
    data = cong_dien_du_thao()
    table = {"bang": {"cot": ["STT", "Đơn vị"], "dong": [["1", "Sở Y tế"]]}}
    data["noi_dung"] = [*data["noi_dung"][:-1], table, data["noi_dung"][-1]]
    van_ban_id = ung_dung.soan_thao("cv", data, "test").van_ban_id
    before = ung_dung.xem_van_ban(str(van_ban_id))
    csrf = dang_nhap(client, "cv")
    k = len(data["noi_dung"]) - 2
    values = bieu_mau_tu_van_ban(before.van_ban).gia_tri | {
        f"noi_dung[{k}].bang.dong": "1 | Sở Y tế\n2 | Sở Nội vụ"
    }
    saved = client.post(
        "/soan-thao", data=_form(csrf, values, hanh_dong="luu", van_ban_id=str(van_ban_id))
    )
    assert saved.status_code == 303, saved.text
    after = ung_dung.xem_van_ban(str(van_ban_id)).van_ban
    assert after.noi_dung[k].bang is not None
    assert after.noi_dung[k].bang.dong == [["1", "Sở Y tế"], ["2", "Sở Nội vụ"]]
    assert after.noi_dung[:k] == before.van_ban.noi_dung[:k]


#: A quyết định typed into the form with every construct an annex or "+" row holds: a Nơi
#: nhận line with "+" sub-items (a blank one between), two annexes (the second a table pasted
#: from a spreadsheet, after a blank row) and the Quy chế it issues (Mẫu 1.3). Row numbers skip
#: as the page's blank rows leave them.
QUYET_DINH: dict[str, Any] = {
    "loai": "quyet_dinh",
    "co_quan": "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
    "ky_hieu_co_quan": "UBND",
    "dia_danh": "Ninh Thuận",
    "trich_yeu": "Ban hành Quy chế làm việc của Ban Chỉ đạo",
    "tham_quyen": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
    "kem_theo_cua": "Chủ tịch Ủy ban nhân dân tỉnh Ninh Thuận",
    "noi_dung[0].doan": "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.",
    "noi_dung[1].doan": "Điều 2. Danh sách thành viên tại Phụ lục I, kinh phí tại Phụ lục II.",
    "nguoi_ky.chuc_vu": "CHỦ TỊCH",
    "nguoi_ky.ho_ten": "Trần Quốc Nam",
    "noi_nhan[0].ten": "Như Điều 3",
    "noi_nhan[1].ten": "Các sở, ban, ngành:",
    "noi_nhan[1].muc_con[0].ten": "+ Sở Y tế",
    "noi_nhan[1].muc_con[0].ma_co_quan": "SYT",
    "noi_nhan[1].muc_con[1].ten": "",
    "noi_nhan[1].muc_con[2].ten": "Văn phòng UBND tỉnh",
    "noi_nhan[1].muc_con[2].noi_bo": "1",
    "noi_nhan[1].muc_con[3].ten": "UBND các huyện",
    "noi_nhan[1].muc_con[3].nhom": ["ubnd_huyen"],
    "luu": "VXNV",
    "phu_luc[0].ten": "Danh sách thành viên Ban Chỉ đạo",
    "phu_luc[0].noi_dung[0].doan": "1. Chủ tịch UBND tỉnh, Trưởng ban",
    "phu_luc[0].noi_dung[0].kieu": "tieu_de",
    "phu_luc[0].noi_dung[1].doan": "2. Giám đốc Sở Y tế,\nPhó Trưởng ban thường trực",
    "phu_luc[0].noi_dung[1].kieu": "thuong",
    "phu_luc[1].ten": "",
    "phu_luc[1].noi_dung[0].doan": "",
    "phu_luc[2].ten": "Kinh phí hoạt động",
    "phu_luc[2].noi_dung[0].doan": " ",
    "phu_luc[2].noi_dung[1].bang.ten": "Bảng 1. Dự toán",
    "phu_luc[2].noi_dung[1].bang.ngang": "1",
    "phu_luc[2].noi_dung[1].bang.cot": "STT | 1 | giữa\nNội dung\nSố tiền | 3 | phải",
    "phu_luc[2].noi_dung[1].bang.tieu_de_gop": "",
    "phu_luc[2].noi_dung[1].bang.dong": (
        "1\tHọp định kỳ\t120.000.000\r\n2\tKiểm tra\t80.000.000\r\n"
    ),
    "van_ban_kem_theo.loai": "quy_che",
    "van_ban_kem_theo.trich_yeu": "Làm việc của Ban Chỉ đạo",
    "van_ban_kem_theo.noi_dung[0].doan": "Chương I",
    "van_ban_kem_theo.noi_dung[0].kieu": "giua",
    "van_ban_kem_theo.noi_dung[2].doan": "Điều 1. Phạm vi điều chỉnh.",
}


def test_a_draft_with_sub_items_annexes_and_the_attached_text_is_stored_exactly(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    saved = client.post("/soan-thao", data=_form(csrf, QUYET_DINH, hanh_dong="luu"))
    assert saved.status_code == 303, saved.text
    van_ban_id = _id(saved.headers["location"])
    vb = ung_dung.xem_van_ban(str(van_ban_id)).van_ban
    data = vb.model_dump(mode="json", exclude_defaults=True)
    assert data["noi_nhan"] == [
        {"ten": "Như Điều 3"},
        {
            "ten": "Các sở, ban, ngành",
            "muc_con": [
                {"ten": "Sở Y tế", "ma_co_quan": ["SYT"]},
                {"ten": "Văn phòng UBND tỉnh", "noi_bo": True},
                {"ten": "UBND các huyện", "nhom": ["ubnd_huyen"]},
            ],
        },
    ]
    assert data["kem_theo_cua"] == "Chủ tịch Ủy ban nhân dân tỉnh Ninh Thuận"
    assert data["phu_luc"] == [
        {
            "ten": "Danh sách thành viên Ban Chỉ đạo",
            "noi_dung": [
                {"doan": "1. Chủ tịch UBND tỉnh, Trưởng ban", "kieu": "tieu_de"},
                {"doan": "2. Giám đốc Sở Y tế,\nPhó Trưởng ban thường trực"},
            ],
        },
        {
            "ten": "Kinh phí hoạt động",
            "noi_dung": [
                {
                    "bang": {
                        "ten": "Bảng 1. Dự toán",
                        "ngang": True,
                        "cot": [
                            {"ten": "STT", "rong": 1.0, "can": "giua"},
                            {"ten": "Nội dung"},
                            {"ten": "Số tiền", "rong": 3.0, "can": "phai"},
                        ],
                        "dong": [
                            ["1", "Họp định kỳ", "120.000.000"],
                            ["2", "Kiểm tra", "80.000.000"],
                        ],
                    }
                }
            ],
        },
    ]
    assert data["van_ban_kem_theo"] == {
        "loai": "quy_che",
        "trich_yeu": "Làm việc của Ban Chỉ đạo",
        "noi_dung": [{"doan": "Chương I", "kieu": "giua"}, {"doan": "Điều 1. Phạm vi điều chỉnh."}],
    }
    # The edit page shows every part; saved again unchanged, the draft is the same.
    page = html.unescape(client.get(f"/soan-thao/{van_ban_id}").text)
    assert 'name="noi_nhan[1].muc_con[1].ten" value="Văn phòng UBND tỉnh"' in page
    assert "<legend>Phụ lục II</legend>" in page and "Họp định kỳ | 120.000.000" in page
    assert '<details class="kem-theo" open>' in page and "Dự thảo này có" not in page
    shown = bieu_mau_tu_van_ban(vb).gia_tri
    again = client.post(
        "/soan-thao", data=_form(csrf, shown, hanh_dong="luu", van_ban_id=str(van_ban_id))
    )
    assert again.status_code == 303, again.text
    stored = ung_dung.xem_van_ban(str(van_ban_id))
    assert stored.van_ban == vb and stored.phien_ban == 2


def test_a_stored_draft_with_an_annex_and_sub_items_is_edited_in_the_form(
    client: TestClient, ung_dung: UngDung
) -> None:
    data = cong_dien_du_thao()
    data["noi_dung"] = [*data["noi_dung"], "Danh sách tại Phụ lục kèm theo."]
    data["kem_theo_cua"] = "Ủy ban nhân dân tỉnh Ninh Thuận"
    data["phu_luc"] = [{"ten": "Danh sách điểm tiêm", "noi_dung": ["1. Trạm Y tế phường"]}]
    group = {"ten": "Các sở, ban, ngành", "muc_con": [{"ten": "Sở Y tế", "ma_co_quan": ["SYT"]}]}
    data["noi_nhan"] = [group, *data["noi_nhan"]]
    van_ban_id = ung_dung.soan_thao("cv", data, "test").van_ban_id
    before = ung_dung.xem_van_ban(str(van_ban_id))
    csrf = dang_nhap(client, "cv")
    values = bieu_mau_tu_van_ban(before.van_ban).gia_tri | {
        "phu_luc[0].noi_dung[1].doan": "2. Trạm Y tế xã",
        "noi_nhan[0].muc_con[1].ten": "Sở Tư pháp",
    }
    saved = client.post(
        "/soan-thao", data=_form(csrf, values, hanh_dong="luu", van_ban_id=str(van_ban_id))
    )
    assert saved.status_code == 303, saved.text
    after = ung_dung.xem_van_ban(str(van_ban_id)).van_ban
    assert [d.doan for d in after.phu_luc[0].noi_dung] == ["1. Trạm Y tế phường", "2. Trạm Y tế xã"]
    assert [s.ten for s in after.noi_nhan[0].muc_con] == ["Sở Y tế", "Sở Tư pháp"]
    assert after.noi_dung == before.van_ban.noi_dung


@pytest.mark.parametrize(
    ("changes", "inputs"),
    [
        (
            {"phu_luc[2].noi_dung[1].bang.dong": "1 | Họp | 120\n2 | Kiểm tra"},
            {"phu_luc[1].noi_dung[0].bang.dong[1]": "phu_luc[1].noi_dung[0].bang.dong"},
        ),
        (
            {"noi_nhan[1].muc_con[0].ma_co_quan": "SYT, Sở!"},
            {"noi_nhan[1].muc_con[0].ma_co_quan[1]": "noi_nhan[1].muc_con[0].ma_co_quan"},
        ),
        ({"phu_luc[0].ten": ""}, {"phu_luc[0].ten": "phu_luc[0].ten"}),
        ({"van_ban_kem_theo.loai": "cong_van"}, {"van_ban_kem_theo.loai": "van_ban_kem_theo.loai"}),
        # Model checks: after every field is valid.
        ({"kem_theo_cua": ""}, {"kem_theo_cua": "kem_theo_cua"}),
        (
            {"van_ban_kem_theo.noi_dung[2].doan": "x" * 10_001},
            {"van_ban_kem_theo.noi_dung[1].doan": "van_ban_kem_theo.noi_dung[1].doan"},
        ),
    ],
)
def test_each_problem_of_an_annex_a_sub_item_or_the_attached_text_shows_beside_its_input(
    client: TestClient,
    ung_dung: UngDung,
    tmp_path: Path,
    changes: dict[str, str],
    inputs: dict[str, str],
) -> None:
    csrf = dang_nhap(client, "cv")
    values = QUYET_DINH | changes
    page, problems = _tu_choi(client, csrf, values, tmp_path)
    assert {p.where for p in problems} == set(inputs)
    for problem in problems:
        target = ma_o(inputs[problem.where])
        beside = re.findall(rf'<p class="loi-truong" id="{target}-loi-\d+">([^<]*)</p>', page)
        assert str(problem) in [html.unescape(m) for m in beside]
        assert f'<li><a href="#{target}">' in page
        assert re.search(rf'id="{target}"[^>]*aria-invalid="true"', page)
    assert ung_dung.danh_sach_van_ban() == []


def test_the_annex_and_sub_item_buttons_add_move_and_delete_storing_nothing(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")

    def page(action: str, sent: Mapping[str, Any] = QUYET_DINH) -> str:
        response = client.post("/soan-thao", data=_form(csrf, sent, hanh_dong=action))
        assert response.status_code == 200, response.text
        return html.unescape(response.text)

    def legends(text: str) -> list[str]:
        return re.findall(r'<fieldset class="muc-phu-luc"[^>]*>\s*<legend>([^<]*)</legend>', text)

    added = page("them_phu_luc")
    assert legends(added) == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]
    assert re.search(r'id="o-phu_luc-2-ten"[^>]* autofocus', added)
    # A table inserted before the first row of the annex sent third (shown second: a blank one
    # before it is dropped).
    inserted = page("chen_bang:0@phu_luc[2].noi_dung")
    assert re.findall(r"Phụ lục II – Mục (\d+): bảng", inserted) == ["1", "2"]
    assert re.search(r'id="o-phu_luc-1-noi_dung-0-bang-ten"[^>]* autofocus', inserted)
    assert "Mục 1: bảng" not in re.sub(r"Phụ lục II – Mục", "", inserted)
    # The annex buttons of the page as shown (rows renumbered, the blank annex dropped).
    shown = doc_bieu_mau(_Form(QUYET_DINH)).gia_tri
    moved = page("len_phu_luc:1", shown)
    assert moved.index(">Kinh phí hoạt động</textarea>") < moved.index(
        ">Danh sách thành viên Ban Chỉ đạo</textarea>"
    )
    assert 'id="o-phu_luc-0-len" aria-label="Chuyển phụ lục I lên" disabled autofocus' in moved
    deleted = page("xoa_phu_luc:0", shown)
    assert legends(deleted) == ["Phụ lục"] and ">Danh sách thành viên Ban Chỉ đạo<" not in deleted
    subs = page("them_muc_con:0")
    assert re.search(r'id="o-noi_nhan-0-muc_con-0-ten"[^>]* autofocus', subs)
    assert 'aria-label="Dòng “+” 3 dưới nơi nhận 1"' in subs
    assert 'aria-label="Dòng “+” 4 dưới nơi nhận 2"' in subs  # one blank row after three
    # Without the CSRF token, a row button is refused like any post.
    refused = client.post("/soan-thao", data={**QUYET_DINH, "hanh_dong": "them_phu_luc"})
    assert refused.status_code == 403
    assert ung_dung.danh_sach_van_ban() == []


@pytest.mark.parametrize(
    ("changes", "inputs"),
    [
        (
            {"noi_dung[1].bang.dong": "1 | Phường Bảo An | 11.585\n2 | Phường Đài Sơn"},
            {"noi_dung[1].bang.dong[1]": "noi_dung[1].bang.dong"},
        ),
        (
            {"noi_dung[1].bang.cot": "STT | một | giữa\nĐơn vị\nSố liều"},
            {"noi_dung[1].bang.cot[0].rong": "noi_dung[1].bang.cot"},
        ),
        (
            {"noi_dung[2].kieu": "dam"},
            {"noi_dung[2].kieu": "noi_dung[2].kieu"},
        ),
        (
            {"chu_thich[0].nhan": "hai"},
            {"noi_dung[0].doan": "noi_dung[0].doan", "chu_thich.hai": "chu_thich[0].ghi_chu"},
        ),
        (
            {"chu_thich[0].nhan": "số 1"},
            {"chu_thich.số 1.[key]": "chu_thich[0].nhan"},
        ),
        (
            {"noi_dung[1].bang.tieu_de_gop": "Địa bàn (gộp 4)"},
            {"noi_dung[1].bang.tieu_de_gop[0]": "noi_dung[1].bang.tieu_de_gop"},
        ),
    ],
)
def test_each_problem_of_a_table_or_a_footnote_shows_beside_its_input(
    client: TestClient,
    ung_dung: UngDung,
    tmp_path: Path,
    changes: dict[str, str],
    inputs: dict[str, str],
) -> None:
    csrf = dang_nhap(client, "cv")
    values = {k: v for k, v in CONG_VAN.items() if not k.startswith("noi_dung")}
    values |= BANG_CHU_THICH | changes
    response = client.post("/soan-thao", data=_form(csrf, values, hanh_dong="luu"))
    assert response.status_code == 422
    tep = tmp_path / "x.yaml"
    tep.write_text(yaml.safe_dump(doc_bieu_mau(_Form(values)).du_lieu, allow_unicode=True))
    with pytest.raises(InvalidDirective) as refused:
        kiem_tra_tep(tep)
    problems = refused.value.problems
    assert {p.where for p in problems} == set(inputs)
    page = response.text
    for problem in problems:
        target = ma_o(inputs[problem.where])
        beside = re.findall(rf'<p class="loi-truong" id="{target}-loi-\d+">([^<]*)</p>', page)
        assert str(problem) in [html.unescape(m) for m in beside]
        assert f'<li><a href="#{target}">' in page
        assert f'id="{target}"' in page
    assert ung_dung.danh_sach_van_ban() == []


def test_the_row_buttons_insert_move_and_delete_body_rows_storing_nothing(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    values = {k: v for k, v in CONG_VAN.items() if not k.startswith("noi_dung")}
    values |= BANG_CHU_THICH

    def rows(action: str, sent: dict[str, Any]) -> tuple[dict[str, Any], str]:
        page = client.post("/soan-thao", data=_form(csrf, sent, hanh_dong=action))
        assert page.status_code == 200
        read = {
            html.unescape(m[0]): html.unescape(m[1])
            for m in re.findall(
                r'name="(noi_dung\[\d+\]\.doan)"[^>]*>([^<]*)</textarea>', page.text
            )
        }
        tables = re.findall(r"Mục (\d+): bảng", page.text)
        return read | {"bang": tables}, page.text

    moved, page = rows("len:1", values)
    assert moved["bang"] == ["1"] and moved["noi_dung[1].doan"].startswith("Sở Y tế")
    assert 'id="o-noi_dung-0-len" aria-label="Chuyển mục 1 lên" disabled autofocus' in page
    inserted, page = rows("chen_bang:2", values)
    assert inserted["bang"] == ["2", "3"]
    assert re.search(r'id="o-noi_dung-2-bang-ten"[^>]* autofocus', page)
    deleted, _ = rows("xoa:1", values)
    assert deleted["bang"] == [] and deleted["noi_dung[1].doan"].startswith("**Kiến nghị")
    _, page = rows("them_doan", values)
    assert re.search(r'id="o-noi_dung-3-doan"[^>]* autofocus', page)
    assert ung_dung.danh_sach_van_ban() == []


def test_a_form_over_the_limits_is_refused_with_a_message(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    values = dict(CONG_VAN)
    many = "\n".join(f"{i} | x" for i in range(DONG_BANG_TOI_DA + 1))
    table = {"noi_dung[1].bang.cot": "STT\nTên", "noi_dung[1].bang.dong": many}
    response = client.post("/soan-thao", data=_form(csrf, values | table, hanh_dong="luu"))
    assert response.status_code == 422
    message = f"noi_dung[1].bang.dong: {DONG_BANG_TOI_DA + 1} dòng, tối đa {DONG_BANG_TOI_DA}"
    assert message in html.unescape(response.text)
    far = client.post(
        "/soan-thao", data=_form(csrf, values | {"noi_dung[99999].doan": "x"}, hanh_dong="luu")
    )
    assert far.status_code == 422
    assert "noi_dung: biểu mẫu gửi các dòng đánh số quá" in html.unescape(far.text)
    paragraphs = {f"noi_dung[{i}].doan": "Đoạn." for i in range(NOI_DUNG_TOI_DA + 1)}
    over = client.post("/soan-thao", data=_form(csrf, values | paragraphs, hanh_dong="luu"))
    assert over.status_code == 422
    assert f"noi_dung: tối đa {NOI_DUNG_TOI_DA} mục" in html.unescape(over.text)
    fields = {f"x{i}": "" for i in range(TRUONG_TOI_DA + 1)}
    huge = client.post("/soan-thao", data=_form(csrf, values | fields, hanh_dong="luu"))
    assert huge.status_code == 422
    assert "biểu mẫu: quá lớn, không đọc được" in html.unescape(huge.text)
    assert ung_dung.danh_sach_van_ban() == []
