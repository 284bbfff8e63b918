"""Document prose, written once: titles, subjects, recall notice, reminder and summary texts.

A directive named in running text, its mail subject and slip line, the recall notice, and the
paragraphs of the reminder and of the summary report; dates as :func:`.ngay_thang.ngay_vn`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ..schemas import LoaiVanBan
from .ngay_thang import ngay_vn


def ten_loai(loai: LoaiVanBan | str) -> str:
    """The type's name in running text: "Công điện" (printed upper case on the document)."""
    return LoaiVanBan(loai).info.ten.capitalize()


def ten_van_ban(loai: LoaiVanBan | str, so_ky_hieu: str | None, ngay: dt.date | None) -> str:
    """A directive named in running text: "Công điện số 01/CĐ-UBND ngày 13/09/2021", or
    without its date when none is given: "Công điện số 01/CĐ-UBND"."""
    ten = f"{ten_loai(loai)} số {so_ky_hieu}"
    return f"{ten} ngày {ngay_vn(ngay)}" if ngay is not None else ten


def ve_viec(trich_yeu: str) -> str:
    """The subject without its leading "Về việc " or "V/v ", to follow "về việc" in a sentence."""
    for prefix in ("Về việc ", "V/v "):
        if trich_yeu.startswith(prefix):
            return trich_yeu[len(prefix) :]
    return trich_yeu


def tieu_de_thu(
    loai: LoaiVanBan | str, so_ky_hieu: str | None, ngay: dt.date, trich_yeu: str
) -> str:
    """The distribution mail's Subject: "Công điện số 01/CĐ-UBND ngày 13/09/2021: Về việc …"
    (the subject on one line, its first letter upper case)."""
    head = ten_van_ban(loai, so_ky_hieu, ngay)
    subject = " ".join(trich_yeu.split())
    return f"{head}: {subject[:1].upper()}{subject[1:]}" if subject else head


def dong_van_ban(
    loai: LoaiVanBan | str, so_ky_hieu: str | None, ngay: dt.date, trich_yeu: str
) -> str:
    """The document line of the slip and the mail: "Công điện số 18/CĐ-UBND ngày 13/09/2021
    về việc …"."""
    subject = trich_yeu
    if subject.lower().startswith("về việc "):
        subject = subject[len("Về việc ") :]
    return f"{ten_van_ban(loai, so_ky_hieu, ngay)} về việc {subject}"


def thong_bao_thu_hoi(van_ban: str, ngay_thu_hoi: dt.date, ly_do: str) -> str:
    """The recall notice (Decree 30, Art. 18.4) written into each recipient's folder and mailed;
    ``van_ban`` as :func:`ten_van_ban` names it."""
    return (
        f"THÔNG BÁO THU HỒI VĂN BẢN\n\n"
        f"{van_ban} đã được thu hồi ngày {ngay_vn(ngay_thu_hoi)}.\n"
        f"Lý do: {ly_do}\n\n"
        "Đề nghị cơ quan, đơn vị gửi trả văn bản giấy (nếu có) và xóa bản điện tử đã nhận, "
        "thông báo lại cho nơi gửi (Nghị định 30/2020/NĐ-CP, Điều 18 khoản 4).\n"
    )


def ten_thuong(co_quan: str, dia_danh: str) -> str:
    """A body's name in running text: 'ỦY BAN NHÂN DÂN TỈNH NINH THUẬN' → 'Ủy ban nhân dân tỉnh
    Ninh Thuận' (a proper name keeps its first capital and its place name, Decree 30 PL I)."""
    text = " ".join(co_quan.split()).lower().replace(dia_danh.lower(), dia_danh)
    return text[:1].upper() + text[1:]


def trich_yeu_don_doc(van_ban: str) -> str:
    """The reminder's subject line."""
    return f"V/v đôn đốc thực hiện {van_ban}"


def doan_don_doc(
    *,
    van_ban: str,
    ngay_ban_hanh: dt.date,
    chuc_vu: str,
    co_quan: str,
    dia_danh: str,
    trich_yeu: str,
    nhiem_vu: Sequence[str],
    hom_nay: dt.date,
    han_moi: dt.date,
) -> list[str]:
    """The reminder's two paragraphs: what was asked and by whom, and the new deadline.

    ``van_ban`` as :func:`ten_van_ban` names it without its date; ``chuc_vu`` and ``co_quan``
    are the signer's title and body as printed on the directive; ``nhiem_vu`` the tasks
    overdue, each written as the directive wrote it.
    """
    tasks = "; ".join(dict.fromkeys(t[:1].lower() + t[1:] for t in nhiem_vu))
    return [
        f"Ngày {ngay_vn(ngay_ban_hanh)}, {chuc_vu.capitalize()} "
        f"{ten_thuong(co_quan, dia_danh)} ban hành {van_ban} "
        f"về việc {ve_viec(trich_yeu)}; trong đó giao các cơ quan, đơn vị thực hiện "
        f"và báo cáo kết quả: {tasks}.",
        f"Đến ngày {ngay_vn(hom_nay)}, các cơ quan, đơn vị nêu trên chưa gửi báo cáo theo "
        "yêu cầu. Để bảo đảm tiến độ, đề nghị Thủ trưởng các cơ quan, đơn vị khẩn trương "
        f"triển khai thực hiện và báo cáo kết quả trước ngày {ngay_vn(han_moi)}.",
    ]


def trich_yeu_tong_hop(van_ban: str) -> str:
    """The summary report's subject line."""
    return f"Tình hình tiếp nhận và thực hiện {van_ban}"


def doan_tong_hop(
    *,
    van_ban: str,
    hom_nay: dt.date,
    tong: Mapping[str, int],
    chua_nhan: Sequence[str],
    nhan_tre: Sequence[str],
    qua_han: Sequence[str],
) -> list[str]:
    """The body of the summary: receipt, lateness, reports, and who is still missing.

    ``tong`` holds the counts ``noi_nhan``, ``da_gui``, ``da_nhan``, ``nhan_tre``,
    ``chua_nhan`` and ``da_bao_cao``; the sequences name the bodies not yet acknowledged,
    acknowledged late, and overdue with their report (a body once per task).
    """
    t = tong
    return [
        f"Thực hiện chế độ theo dõi, đôn đốc việc thực hiện văn bản, Văn phòng tổng hợp tình hình "
        f"tiếp nhận và thực hiện {van_ban} đến ngày {ngay_vn(hom_nay)} như sau:",
        f"1. Về phát hành: văn bản đã được gửi đến {t['da_gui']}/{t['noi_nhan']} cơ quan, "
        "đơn vị theo Nơi nhận.",
        f"2. Về xác nhận đã nhận: {t['da_nhan']} cơ quan, đơn vị đã xác nhận, trong đó "
        f"{t['nhan_tre']} xác nhận không trong ngày nhận"
        + (f" ({', '.join(nhan_tre)})" if nhan_tre else "")
        + f"; {t['chua_nhan']} cơ quan, đơn vị chưa xác nhận"
        + (f": {', '.join(chua_nhan)}" if chua_nhan else "")
        + ".",
        f"3. Về báo cáo kết quả thực hiện: {t['da_bao_cao']} cơ quan, đơn vị đã gửi báo cáo; "
        f"{len(set(qua_han))} cơ quan, đơn vị quá hạn chưa báo cáo"
        + (f": {', '.join(dict.fromkeys(qua_han))}" if qua_han else "")
        + ".",
        "Văn phòng kính báo cáo và đề xuất tiếp tục đôn đốc các cơ quan, đơn vị chưa thực hiện.",
    ]
