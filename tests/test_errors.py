"""vanthu's exceptions speak Vietnamese to the clerk; their attributes keep the codes."""

from __future__ import annotations

import pytest

from tests.tieng_anh import tu_tieng_anh
from vanthu.errors import (
    TEN_LOAI,
    ConcurrentChange,
    DeliveryFailed,
    InvalidDirective,
    NotFound,
    Problem,
    StoreUnavailable,
    Throttled,
    TooLarge,
    TransitionRefused,
    UnsupportedLayout,
    VanthuError,
    nhan,
    ten_loai,
)


def test_a_problem_names_its_field_and_its_line_in_vietnamese() -> None:
    assert (
        str(Problem("so", "phải lớn hơn hoặc bằng 1", 7)) == "so (dòng 7): phải lớn hơn hoặc bằng 1"
    )
    assert str(Problem("", "tệp rỗng", 3)) == "dòng 3: tệp rỗng"
    assert str(Problem("", "tệp rỗng")) == "tệp rỗng"


@pytest.mark.parametrize("count", [1, 2, 51])
def test_an_invalid_directive_counts_its_problems_as_loi(count: int) -> None:
    error = InvalidDirective("van-ban.yaml", [Problem("so", "sai")] * count)
    assert str(error).startswith(f"van-ban.yaml: {count} lỗi\n  - so: sai")


def test_a_refused_transition_says_event_state_and_role_by_their_labels() -> None:
    error = TransitionRefused("05/CĐ-UBND", "du_thao", "ban_hanh", "chuyen_vien", "lý do", "actor")
    assert str(error) == (
        "05/CĐ-UBND: không được 'ban hành' khi đang ở trạng thái 'dự thảo' "
        "với vai trò 'chuyên viên': lý do"
    )
    assert (error.state, error.event, error.role, error.cause) == (
        "du_thao",
        "ban_hanh",
        "chuyen_vien",
        "actor",
    )


def test_a_recipients_event_and_state_have_their_labels_too() -> None:
    error = TransitionRefused("SYT", "cho_gui", "xac_nhan", "don_vi_nhan", "chưa gửi")
    assert "không được 'xác nhận' khi đang ở trạng thái 'chờ gửi'" in str(error)
    assert "với vai trò 'đơn vị nhận'" in str(error)


def test_a_code_the_workflow_has_no_label_for_is_shown_as_it_is() -> None:
    assert nhan("sua_du_thao") == "sửa dự thảo"
    assert nhan("khong_co") == "khong_co"


@pytest.mark.parametrize(("kind", "noun"), sorted(TEN_LOAI.items()))
def test_not_found_names_each_kind_with_its_vietnamese_noun(kind: str, noun: str) -> None:
    error = NotFound(kind, "X1")
    assert str(error) == f"không tìm thấy {noun} 'X1'"
    assert error.kind == kind
    assert not tu_tieng_anh(str(error))


def test_a_kind_named_after_what_it_belongs_to_keeps_that_name() -> None:
    assert ten_loai("recipient of 05/CĐ-UBND") == "nơi nhận của 05/CĐ-UBND"
    assert str(NotFound("slip of 05/CĐ-UBND", "SYT")) == (
        "không tìm thấy phiếu gửi của 05/CĐ-UBND 'SYT'"
    )


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (ConcurrentChange("05/CĐ-UBND", "cho_duyet"), "lẽ ra đang ở trạng thái 'chờ duyệt'"),
        (Throttled("đăng nhập", 30), "hãy thử lại sau 30 giây"),
        (TooLarge("tệp PDF", 25 * 2**20), "lớn hơn 25 MiB"),
        (StoreUnavailable("'a.db'", "bị khóa"), "kho dữ liệu 'a.db': bị khóa"),
        (UnsupportedLayout("to_trinh", "1.12"), "vanthu chưa dàn trang được mẫu này"),
        (
            DeliveryFailed("05/CĐ-UBND", 2, 4, [("SYT", "thư mục không ghi được")]),
            "1/4 cơ quan chưa nhận được (2 đã gửi)",
        ),
    ],
)
def test_every_error_is_worded_in_vietnamese(error: VanthuError, said: str) -> None:
    assert said in str(error)
    assert not tu_tieng_anh(str(error)), str(error)
