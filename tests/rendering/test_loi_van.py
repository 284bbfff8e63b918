"""Document prose written once: titles, subjects, the recall notice, reminder and summary."""

from __future__ import annotations

import datetime as dt

from vanthu.rendering.loi_van import (
    doan_don_doc,
    doan_tong_hop,
    dong_van_ban,
    ten_van_ban,
    thong_bao_thu_hoi,
    tieu_de_thu,
)
from vanthu.rendering.ngay_thang import ngay_vn
from vanthu.schemas import LoaiVanBan

NGAY = dt.date(2021, 9, 13)


def test_a_date_in_running_text_has_two_digit_day_and_month() -> None:
    assert ngay_vn(dt.date(2021, 9, 3)) == "03/09/2021"
    assert ngay_vn(dt.datetime(2021, 12, 31, 23, 59)) == "31/12/2021"


def test_a_directive_is_named_with_its_type_number_and_date() -> None:
    assert ten_van_ban("cong_dien", "01/CĐ-UBND", NGAY) == "Công điện số 01/CĐ-UBND ngày 13/09/2021"
    assert ten_van_ban(LoaiVanBan.chi_thi, "05/CT-UBND", None) == "Chỉ thị số 05/CT-UBND"


def test_the_mail_subject_is_one_line_and_starts_upper_case() -> None:
    subject = tieu_de_thu("cong_dien", "01/CĐ-UBND", NGAY, "về việc  tăng cường\nphòng, chống")
    assert subject == "Công điện số 01/CĐ-UBND ngày 13/09/2021: Về việc tăng cường phòng, chống"
    assert tieu_de_thu("cong_dien", "01/CĐ-UBND", NGAY, " ") == (
        "Công điện số 01/CĐ-UBND ngày 13/09/2021"
    )


def test_the_slip_line_says_ve_viec_once() -> None:
    assert dong_van_ban("cong_dien", "18/CĐ-UBND", NGAY, "Về việc phòng, chống dịch") == (
        "Công điện số 18/CĐ-UBND ngày 13/09/2021 về việc phòng, chống dịch"
    )


def test_the_recall_notice_names_the_directive_the_day_and_the_reason() -> None:
    notice = thong_bao_thu_hoi(
        ten_van_ban("cong_dien", "01/CĐ-UBND", NGAY), dt.date(2021, 9, 20), "Sai thẩm quyền"
    )
    assert notice.startswith(
        "THÔNG BÁO THU HỒI VĂN BẢN\n\nCông điện số 01/CĐ-UBND ngày 13/09/2021 "
        "đã được thu hồi ngày 20/09/2021.\nLý do: Sai thẩm quyền\n\n"
    )
    assert notice.endswith("(Nghị định 30/2020/NĐ-CP, Điều 18 khoản 4).\n")


def test_the_reminder_names_the_issuer_in_running_text_and_each_task_once() -> None:
    first, second = doan_don_doc(
        van_ban="Chỉ thị số 05/CT-UBND",
        ngay_ban_hanh=NGAY,
        chuc_vu="CHỦ TỊCH",
        co_quan="ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN",
        dia_danh="Ninh Thuận",
        trich_yeu="V/v phòng, chống dịch",
        nhiem_vu=["Báo cáo số ca", "Báo cáo số ca"],
        hom_nay=dt.date(2021, 10, 1),
        han_moi=dt.date(2021, 10, 4),
    )
    assert first == (
        "Ngày 13/09/2021, Chủ tịch Ủy ban nhân dân tỉnh Ninh Thuận ban hành Chỉ thị số "
        "05/CT-UBND về việc phòng, chống dịch; trong đó giao các cơ quan, đơn vị thực hiện và "
        "báo cáo kết quả: báo cáo số ca."
    )
    assert second.startswith("Đến ngày 01/10/2021,") and second.endswith("trước ngày 04/10/2021.")


def test_the_summary_counts_and_names_who_is_missing() -> None:
    tong = {"noi_nhan": 3, "da_gui": 3, "da_nhan": 2, "nhan_tre": 1, "chua_nhan": 1}
    paragraphs = doan_tong_hop(
        van_ban="Chỉ thị số 05/CT-UBND",
        hom_nay=dt.date(2021, 10, 1),
        tong=tong | {"da_bao_cao": 0},
        chua_nhan=["Sở Y tế"],
        nhan_tre=["Công an tỉnh"],
        qua_han=["Sở Y tế", "Sở Y tế"],
    )
    assert (
        paragraphs[1]
        == "1. Về phát hành: văn bản đã được gửi đến 3/3 cơ quan, đơn vị theo Nơi nhận."
    )
    assert paragraphs[2].endswith("(Công an tỉnh); 1 cơ quan, đơn vị chưa xác nhận: Sở Y tế.")
    assert paragraphs[3].endswith("1 cơ quan, đơn vị quá hạn chưa báo cáo: Sở Y tế.")
