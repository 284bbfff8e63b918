"""The lifecycles as the tests expect them, written out by hand and not read from the tables."""

from __future__ import annotations

#: Every directive state, in lifecycle order.
TRANG_THAI_VAN_BAN = [
    "du_thao",
    "cho_duyet",
    "tra_lai",
    "da_duyet",
    "cho_ky_so",
    "da_ban_hanh",
    "da_phat_hanh",
    "dang_theo_doi",
    "hoan_thanh",
    "thu_hoi",
    "thay_the",
]
SU_KIEN_VAN_BAN = [
    "trinh",
    "tra_lai",
    "duyet",
    "ban_hanh",
    "chuan_bi_ky",
    "ky_so",
    "huy_ky_so",
    "phat_hanh",
    "theo_doi",
    "hoan_thanh",
    "thu_hoi",
    "thay_the",
]

#: (state, event) → (target, the roles that may fire it); every pair not listed is refused.
VAN_BAN: dict[tuple[str, str], tuple[str, set[str]]] = {
    # Whoever may draft submits (the services: only their own draft).
    ("du_thao", "trinh"): ("cho_duyet", {"chuyen_vien", "lanh_dao", "van_thu"}),
    ("tra_lai", "trinh"): ("cho_duyet", {"chuyen_vien", "lanh_dao", "van_thu"}),
    ("cho_duyet", "tra_lai"): ("tra_lai", {"lanh_dao"}),
    ("cho_duyet", "duyet"): ("da_duyet", {"lanh_dao"}),
    ("da_duyet", "ban_hanh"): ("da_ban_hanh", {"van_thu"}),
    # Two-step signing: numbered, the leader signs on his own computer, or it is cancelled.
    ("da_duyet", "chuan_bi_ky"): ("cho_ky_so", {"lanh_dao", "van_thu"}),
    ("cho_ky_so", "ky_so"): ("da_duyet", {"lanh_dao", "van_thu"}),
    ("cho_ky_so", "huy_ky_so"): ("da_duyet", {"lanh_dao", "van_thu"}),
    ("da_duyet", "huy_ky_so"): ("da_duyet", {"lanh_dao", "van_thu"}),
    ("da_ban_hanh", "phat_hanh"): ("da_phat_hanh", {"van_thu"}),
    ("da_phat_hanh", "theo_doi"): ("dang_theo_doi", {"van_thu"}),
    ("da_phat_hanh", "hoan_thanh"): ("hoan_thanh", {"van_thu", "lanh_dao"}),
    ("dang_theo_doi", "hoan_thanh"): ("hoan_thanh", {"van_thu", "lanh_dao"}),
    ("da_ban_hanh", "thu_hoi"): ("thu_hoi", {"lanh_dao"}),
    ("da_phat_hanh", "thu_hoi"): ("thu_hoi", {"lanh_dao"}),
    ("dang_theo_doi", "thu_hoi"): ("thu_hoi", {"lanh_dao"}),
    ("da_ban_hanh", "thay_the"): ("thay_the", {"van_thu"}),
    ("da_phat_hanh", "thay_the"): ("thay_the", {"van_thu"}),
    ("dang_theo_doi", "thay_the"): ("thay_the", {"van_thu"}),
    ("hoan_thanh", "thay_the"): ("thay_the", {"van_thu"}),
}
#: Directive events that need a non-empty reason.
CAN_LY_DO_VAN_BAN = {"tra_lai", "thu_hoi"}

TRANG_THAI_NOI_NHAN = ["cho_gui", "da_gui", "da_nhan", "da_bao_cao", "tu_choi"]
SU_KIEN_NOI_NHAN = ["gui", "xac_nhan", "bao_cao", "tu_choi"]
#: Recipient events that need a non-empty reason: sending a misaddressed copy back says why.
CAN_LY_DO_NOI_NHAN = {"tu_choi"}

NOI_NHAN: dict[tuple[str, str], tuple[str, set[str]]] = {
    ("cho_gui", "gui"): ("da_gui", {"van_thu"}),
    ("da_gui", "xac_nhan"): ("da_nhan", {"don_vi_nhan", "van_thu"}),
    ("da_gui", "bao_cao"): ("da_bao_cao", {"don_vi_nhan", "van_thu"}),
    ("da_nhan", "bao_cao"): ("da_bao_cao", {"don_vi_nhan", "van_thu"}),
    ("da_gui", "tu_choi"): ("tu_choi", {"don_vi_nhan", "van_thu"}),
}

VAI_TRO = ["chuyen_vien", "lanh_dao", "van_thu", "don_vi_nhan"]
