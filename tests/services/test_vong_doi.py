"""The directive lifecycle on a real store: roles, numbers, frozen files and the log."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.services.conftest import ManualClock, cong_dien_du_thao, duyet_xong
from vanthu.errors import InvalidDirective, NotFound, Refused, TransitionRefused
from vanthu.services.nhat_ky import nhat_ky
from vanthu.services.so_dang_ky import so_dang_ky
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import DongSoDangKy, NhatKy, VanBanRow
from vanthu.workflow import SuKienVanBan, TrangThaiVanBan


def snapshot(app: BoDichVu) -> tuple[object, ...]:
    """Everything a refused event must leave untouched."""
    with app.store.transaction() as s:
        rows = [
            (r.id, r.trang_thai, r.phien_ban, r.so, r.so_ky_hieu)
            for r in s.scalars(select(VanBanRow).order_by(VanBanRow.id))
        ]
        return (
            tuple(rows),
            s.scalar(select(func.count()).select_from(NhatKy)),
            s.scalar(select(func.count()).select_from(DongSoDangKy)),
        )


def test_a_draft_goes_through_review_and_is_issued_under_the_first_number(
    app: BoDichVu, clock: ManualClock
) -> None:
    draft = app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test")
    key = str(draft.van_ban_id)
    assert draft.den is TrangThaiVanBan.du_thao
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    returned = app.vong_doi.chuyen("ld", key, SuKienVanBan.tra_lai, "Bổ sung nhiệm vụ")
    assert returned.den is TrangThaiVanBan.tra_lai
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.duyet)
    clock.dat("2021-09-13T08:30")
    issued = app.vong_doi.ban_hanh("vt", key)
    assert issued.den is TrangThaiVanBan.da_ban_hanh
    assert issued.so_ky_hieu == "01/CĐ-UBND"
    docx, pdf = issued.tep
    assert pdf.name == "01-CĐ-UBND.pdf" and pdf.parent.name == "01-CĐ-UBND"
    with app.store.transaction() as s:
        row = s.get(VanBanRow, draft.van_ban_id)
        assert row is not None
        assert row.ngay is not None and row.ngay.isoformat() == "2021-09-13"
        assert row.pdf_sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert row.docx_sha256 == hashlib.sha256(docx.read_bytes()).hexdigest()
        assert row.payload["so"] == 1
    assert not pdf.stat().st_mode & stat.S_IWUSR  # frozen
    register = so_dang_ky(app.store, 2021)
    assert [r[0] for r in register] == ["01/CĐ-UBND"]
    assert register[0][1] == "13/09/2021"


def test_issuing_twice_is_refused_and_keeps_the_first_number(app: BoDichVu) -> None:
    key = str(duyet_xong(app))
    app.vong_doi.ban_hanh("vt", key)
    before = snapshot(app)
    with pytest.raises(TransitionRefused, match="không làm được ở trạng thái này"):
        app.vong_doi.ban_hanh("vt", key)
    assert snapshot(app) == before


@pytest.mark.parametrize(
    ("user", "event"),
    [("cv", SuKienVanBan.duyet), ("vt", SuKienVanBan.duyet), ("ld", SuKienVanBan.ban_hanh)],
)
def test_a_role_that_may_not_fire_an_event_changes_nothing(
    app: BoDichVu, user: str, event: SuKienVanBan
) -> None:
    draft = app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test")
    app.vong_doi.chuyen("cv", str(draft.van_ban_id), SuKienVanBan.trinh)
    if event is SuKienVanBan.ban_hanh:
        app.vong_doi.chuyen("ld", str(draft.van_ban_id), SuKienVanBan.duyet)
    before = snapshot(app)
    with pytest.raises(TransitionRefused, match="không được làm"):
        app.vong_doi.chuyen(user, str(draft.van_ban_id), event)
    assert snapshot(app) == before


def test_returning_a_draft_needs_a_reason(app: BoDichVu) -> None:
    draft = app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test")
    app.vong_doi.chuyen("cv", str(draft.van_ban_id), SuKienVanBan.trinh)
    before = snapshot(app)
    with pytest.raises(TransitionRefused, match="lý do"):
        app.vong_doi.chuyen("ld", str(draft.van_ban_id), SuKienVanBan.tra_lai, "  ")
    assert snapshot(app) == before


def test_a_draft_with_a_number_is_refused_and_nothing_is_stored(app: BoDichVu) -> None:
    data = cong_dien_du_thao() | {"so": 5, "ngay": "2021-09-10"}
    data.pop("nam")
    before = snapshot(app)
    with pytest.raises(InvalidDirective, match="a draft has no number"):
        app.vong_doi.soan_thao("cv", data, "test")
    assert snapshot(app) == before


def test_unknown_users_and_directives_are_named(app: BoDichVu) -> None:
    with pytest.raises(NotFound, match="người dùng 'ai'"):
        app.vong_doi.soan_thao("ai", cong_dien_du_thao(), "test")
    with pytest.raises(NotFound, match="văn bản '99/CĐ-UBND'"):
        app.vong_doi.chuyen("ld", "99/CĐ-UBND", SuKienVanBan.duyet)


def test_a_recipient_body_cannot_draft(app: BoDichVu) -> None:
    with pytest.raises(Refused, match="does not draft"):
        app.vong_doi.soan_thao("syt", cong_dien_du_thao(), "test")


def test_numbers_follow_on_and_restart_at_01_each_year(app: BoDichVu, clock: ManualClock) -> None:
    numbers = []
    for when in ("2021-12-30T09:00", "2021-12-31T09:00", "2022-01-03T09:00"):
        key = str(duyet_xong(app))
        clock.dat(when)
        numbers.append(app.vong_doi.ban_hanh("vt", key).so_ky_hieu)
    assert numbers == ["01/CĐ-UBND", "02/CĐ-UBND", "01/CĐ-UBND"]


def test_a_secret_directive_takes_its_own_register(app: BoDichVu) -> None:
    first = app.vong_doi.ban_hanh("vt", str(duyet_xong(app))).so_ky_hieu
    data = cong_dien_du_thao() | {"do_mat": "mat"}
    draft = app.vong_doi.soan_thao("cv", data, "test")
    app.vong_doi.chuyen("cv", str(draft.van_ban_id), SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", str(draft.van_ban_id), SuKienVanBan.duyet)
    secret = app.vong_doi.ban_hanh("vt", str(draft.van_ban_id)).so_ky_hieu
    assert first == secret == "01/CĐ-UBND"  # each register starts at 01
    with app.store.transaction() as s:
        registers = sorted(s.scalars(select(DongSoDangKy.so_dang_ky)))
    assert registers == ["UBND:chung", "UBND:mat"]
    # The duplicate number and symbol is logged as a warning, and a lookup by it is refused.
    assert nhat_ky(app.store, str(draft.van_ban_id))[-1].chi_tiet["canh_bao_trung"] == ["#1"]
    with pytest.raises(Refused, match="trùng với nhiều văn bản"):
        app.vong_doi.chuyen("ld", "01/CĐ-UBND", SuKienVanBan.thu_hoi, "x")


def test_the_log_replays_to_the_stored_state(app: BoDichVu) -> None:
    key = str(duyet_xong(app))
    app.vong_doi.ban_hanh("vt", key)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.thu_hoi, "Sai nội dung")
    events = [e for e in nhat_ky(app.store, key) if e.doi_tuong == f"van_ban:{key}"]
    state = None
    for e in events:
        assert e.tu == state, f"{e.su_kien} starts from {e.tu}, the log was at {state}"
        state = e.den
    with app.store.transaction() as s:
        row = s.get(VanBanRow, int(key))
        assert row is not None and row.trang_thai == state == "thu_hoi"
    assert [e.su_kien for e in events] == ["soan_thao", "trinh", "duyet", "ban_hanh", "thu_hoi"]
    assert events[-1].chi_tiet == {"ly_do": "Sai nội dung"}


def test_issued_files_live_under_the_output_folder(app: BoDichVu, tmp_path: Path) -> None:
    result = app.vong_doi.ban_hanh("vt", str(duyet_xong(app)))
    assert all(p.is_relative_to(tmp_path / "output" / "2021") for p in result.tep)


def test_the_log_cannot_be_rewritten_or_deleted(app: BoDichVu) -> None:
    from sqlalchemy import delete, update
    from sqlalchemy.exc import DatabaseError

    app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test")
    for statement in (update(NhatKy).values(nguoi="ai"), delete(NhatKy)):
        with pytest.raises(DatabaseError, match="append-only"), app.store.transaction() as s:
            s.execute(statement)
    assert [e.nguoi for e in nhat_ky(app.store, "1")] == ["cv"]


def test_a_newer_issued_directive_replaces_an_older_one(app: BoDichVu) -> None:
    old = app.vong_doi.ban_hanh("vt", str(duyet_xong(app)))
    new = app.vong_doi.ban_hanh("vt", str(duyet_xong(app)))
    with pytest.raises(Refused, match="name the directive that replaces it"):
        app.vong_doi.chuyen("vt", "1", SuKienVanBan.thay_the)
    result = app.vong_doi.chuyen("vt", "1", SuKienVanBan.thay_the, thay_bang=str(new.van_ban_id))
    assert result.den is TrangThaiVanBan.thay_the
    with app.store.transaction() as s:
        row = s.get(VanBanRow, old.van_ban_id)
        assert row is not None and row.thay_the_boi == new.van_ban_id
    assert nhat_ky(app.store, "1")[-1].chi_tiet == {"thay_bang": "02/CĐ-UBND"}


def test_a_task_naming_an_unknown_body_is_refused_when_drafted(app: BoDichVu) -> None:
    data = cong_dien_du_thao() | {
        "nhiem_vu": [{"doan": 1, "ma_co_quan": ["KHONG_CO"], "han": "2021-09-30"}]
    }
    before = snapshot(app)
    with pytest.raises(Refused, match="danh bạ không có cơ quan 'KHONG_CO' \\(nhiệm vụ 1\\)"):
        app.vong_doi.soan_thao("cv", data, "test")
    assert snapshot(app) == before


def test_an_issue_that_fails_leaves_no_number_taken_and_no_file_behind(
    app: BoDichVu, tmp_path: Path
) -> None:
    from sqlalchemy import delete

    from vanthu.storage.bang import CoQuan, NguoiDung, NhomCoQuan

    key = str(duyet_xong(app))
    with app.store.transaction() as s:  # the directory loses a body the draft names
        s.execute(delete(NguoiDung).where(NguoiDung.ma_co_quan == "SNV"))
        s.execute(delete(NhomCoQuan).where(NhomCoQuan.ma_co_quan == "SNV"))
        s.execute(delete(CoQuan).where(CoQuan.ma == "SNV"))
    before = snapshot(app)
    with pytest.raises(Refused, match="SNV"):
        app.vong_doi.ban_hanh("vt", key)
    assert snapshot(app) == before
    assert not list((tmp_path / "output").rglob("*.pdf"))


def test_a_reserved_number_is_never_reused_and_stays_in_the_register_with_its_note(
    app: BoDichVu,
) -> None:
    from vanthu.services.vong_doi import giu_so

    first = app.vong_doi.ban_hanh("vt", str(duyet_xong(app))).so_ky_hieu
    with pytest.raises(Refused, match="only a văn thư"):
        giu_so(app.store, "cv", "UBND:chung", "Công điện khẩn ký bản giấy", app.vong_doi.clock)
    reserved = giu_so(
        app.store, "vt", "UBND:chung", "Công điện khẩn ký bản giấy", app.vong_doi.clock
    )
    third = app.vong_doi.ban_hanh("vt", str(duyet_xong(app))).so_ky_hieu
    assert (first, reserved, third) == ("01/CĐ-UBND", 2, "03/CĐ-UBND")
    register = so_dang_ky(app.store, 2021)
    assert [r[0] for r in register] == ["01/CĐ-UBND", "02", "03/CĐ-UBND"]
    assert register[1][-1] == "Công điện khẩn ký bản giấy"


def test_only_the_drafter_submits_their_draft(app: BoDichVu) -> None:
    from vanthu.services.nguoi_dung import them_nguoi_dung
    from vanthu.workflow import VaiTro

    them_nguoi_dung(app.store, "cv2", "Lê Văn Hai", VaiTro.chuyen_vien, nguoi_thuc_hien="vt")
    key = str(app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    before = snapshot(app)
    with pytest.raises(
        TransitionRefused, match=r"user 'cv2' on directive #1: không được 'trình' .* drafter 'cv'"
    ):
        app.vong_doi.chuyen("cv2", key, SuKienVanBan.trinh)
    assert snapshot(app) == before
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.tra_lai, "Bổ sung")
    with pytest.raises(TransitionRefused, match="drafter 'cv'"):  # returned: still the drafter's
        app.vong_doi.chuyen("cv2", key, SuKienVanBan.trinh)


@pytest.mark.parametrize("event", [SuKienVanBan.duyet, SuKienVanBan.tra_lai])
def test_a_leader_submits_their_own_draft_and_another_leader_reviews_it(
    app: BoDichVu, event: SuKienVanBan
) -> None:
    from vanthu.services.nguoi_dung import them_nguoi_dung
    from vanthu.workflow import VaiTro

    them_nguoi_dung(app.store, "ld2", "Lê Phó Chủ Tịch", VaiTro.lanh_dao, nguoi_thuc_hien="vt")
    key = str(app.vong_doi.soan_thao("ld", cong_dien_du_thao(), "test").van_ban_id)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.trinh)  # not stuck: its drafter submits it
    before = snapshot(app)
    with pytest.raises(TransitionRefused, match="'ld' drafted it; another lãnh đạo"):
        app.vong_doi.chuyen("ld", key, event, "Sửa")
    assert snapshot(app) == before
    assert app.vong_doi.chuyen("ld2", key, event, "Sửa").tu is TrangThaiVanBan.cho_duyet


def _cong_dien_gui_syt(**task: object) -> dict[str, object]:
    """The công điện sent to the Sở Y tế only, with one task."""
    return cong_dien_du_thao() | {
        "noi_nhan": [{"ten": "Sở Y tế", "ma_co_quan": ["SYT"]}],
        "nhiem_vu": [{"doan": 3, "han": "2021-09-30"} | task],
    }


@pytest.mark.parametrize(
    ("task", "message"),
    [
        (
            {"ma_co_quan": ["SNV"]},
            r"nhiem_vu\[0\].ma_co_quan: cơ quan 'SNV' không có trong nơi nhận",
        ),
        ({"nhom": ["ubnd_huyen"]}, r"nhiem_vu\[0\].nhom: nhóm 'ubnd_huyen' có cơ quan"),
    ],
)
def test_a_task_for_a_body_that_is_not_a_recipient_is_refused_at_draft(
    app: BoDichVu, task: dict[str, object], message: str
) -> None:
    before = snapshot(app)
    with pytest.raises(Refused, match=message):
        app.vong_doi.soan_thao("cv", _cong_dien_gui_syt(**task), "test")
    assert snapshot(app) == before
    app.vong_doi.soan_thao("cv", _cong_dien_gui_syt(ma_co_quan=["SYT"]), "test")  # its recipient


def test_a_task_whose_body_left_the_recipients_is_refused_at_approval(app: BoDichVu) -> None:
    from sqlalchemy import delete

    from vanthu.storage.bang import NhomCoQuan

    key = str(app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    with app.store.transaction() as s:  # SNV leaves every group the Nơi nhận names
        s.execute(delete(NhomCoQuan).where(NhomCoQuan.ma_co_quan == "SNV"))
    before = snapshot(app)
    with pytest.raises(Refused, match=r"nhiem_vu\[1\].ma_co_quan: cơ quan 'SNV'"):
        app.vong_doi.chuyen("ld", key, SuKienVanBan.duyet)
    assert snapshot(app) == before


def _ban_hanh(app: BoDichVu, data: dict[str, object] | None = None) -> str:
    """A draft carried to issued; its number and symbol."""
    key = str(app.vong_doi.soan_thao("cv", data or cong_dien_du_thao(), "test").van_ban_id)
    app.vong_doi.chuyen("cv", key, SuKienVanBan.trinh)
    app.vong_doi.chuyen("ld", key, SuKienVanBan.duyet)
    so = app.vong_doi.ban_hanh("vt", key).so_ky_hieu
    assert so is not None
    return so


def test_a_replacement_must_be_another_issued_directive_in_force_of_the_same_body(
    app: BoDichVu, clock: ManualClock
) -> None:
    old = _ban_hanh(app)  # 01, 12/09
    recalled = _ban_hanh(app)  # 02
    app.vong_doi.chuyen("ld", recalled, SuKienVanBan.thu_hoi, "Sai")
    draft = str(app.vong_doi.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    other_body = cong_dien_du_thao() | {
        "co_quan_chu_quan": "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        "co_quan": "SỞ Y TẾ",
        "ky_hieu_co_quan": "SYT",
    }
    foreign = _ban_hanh(app, other_body)
    before = snapshot(app)
    for by, message in (
        (old, "cannot be replaced by itself"),
        (recalled, r"02/CĐ-UBND: is thu hồi \(thu_hoi\); only an issued directive in force"),
        (draft, r"#3: is dự thảo \(du_thao\)"),
        (foreign, "is issued by another body than 01/CĐ-UBND"),
        ("  ", "name the directive that replaces it"),
    ):
        with pytest.raises(Refused, match=message):
            app.vong_doi.chuyen("vt", old, SuKienVanBan.thay_the, thay_bang=by)
        assert snapshot(app) == before
    with pytest.raises(NotFound, match="văn bản '99/CĐ-UBND'"):
        app.vong_doi.chuyen("vt", old, SuKienVanBan.thay_the, thay_bang="99/CĐ-UBND")
    clock.dat("2021-09-14T09:00")
    newer = _ban_hanh(app)
    with pytest.raises(
        Refused, match="01/CĐ-UBND: was issued on 12/09/2021, before 03/CĐ-UBND"
    ):  # older replaces newer
        app.vong_doi.chuyen("vt", newer, SuKienVanBan.thay_the, thay_bang=old)
    app.vong_doi.chuyen("vt", old, SuKienVanBan.thay_the, thay_bang=newer)
    third = _ban_hanh(app)
    before = snapshot(app)
    with pytest.raises(
        TransitionRefused, match="không được 'thay thế' khi đang ở trạng thái 'thay thế'"
    ):
        app.vong_doi.chuyen("vt", old, SuKienVanBan.thay_the, thay_bang=third)
    with pytest.raises(Refused, match="is thay thế"):  # a replaced directive replaces nothing
        app.vong_doi.chuyen("vt", third, SuKienVanBan.thay_the, thay_bang=old)
    assert snapshot(app) == before


def test_a_draft_with_a_character_no_font_can_draw_is_refused_and_nothing_is_stored(
    app: BoDichVu,
) -> None:
    data = cong_dien_du_thao() | {"trich_yeu": "Về việc ✓ vùng xanh"}
    with pytest.raises(InvalidDirective) as caught:
        app.vong_doi.soan_thao("cv", data, "test")
    assert [p.where for p in caught.value.problems] == ["trich_yeu"]
    with app.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(VanBanRow)) == 0


def test_issue_refuses_what_cannot_be_drawn_before_a_number_is_taken(app: BoDichVu) -> None:
    key = str(duyet_xong(app))
    # A draft stored before the preflight existed (or by another tool) holds a ✓.
    with app.store.transaction() as s:
        row = s.get(VanBanRow, int(key))
        assert row is not None
        row.payload = row.payload | {"trich_yeu": "Về việc ✓"}
    with pytest.raises(InvalidDirective):
        app.vong_doi.ban_hanh("vt", key)
    with app.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(DongSoDangKy)) == 0
    assert not list((app.thu_muc).rglob("*.pdf"))
