"""Users and the directory: only a văn thư administers them; the first user bootstraps a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.services.conftest import DANH_BA, ManualClock
from vanthu.errors import NotFound, Refused
from vanthu.reading.danh_ba import doc_danh_ba
from vanthu.schemas.gioi_han import DONG_TOI_DA
from vanthu.services.danh_ba import nap_danh_ba
from vanthu.services.nguoi_dung import them_nguoi_dung
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import CoQuan, NguoiDung, NhatKy, NhomCoQuan
from vanthu.workflow import VaiTro


def users_and_directory(app: BoDichVu) -> tuple[object, ...]:
    """Everything administering users or the directory may change, and the log's length."""
    with app.store.transaction() as s:
        return (
            tuple(
                (u.ten, u.ho_ten, u.vai_tro, u.ma_co_quan)
                for u in s.scalars(select(NguoiDung).order_by(NguoiDung.ten))
            ),
            tuple((b.ma, b.ten) for b in s.scalars(select(CoQuan).order_by(CoQuan.ma))),
            s.scalar(select(func.count()).select_from(NhomCoQuan)),
            s.scalar(select(func.count()).select_from(NhatKy)),
        )


@pytest.fixture
def empty(db_url: str, tmp_path: Path, clock: ManualClock) -> Iterator[BoDichVu]:
    """An application on an empty store: no user, no directory."""
    application = BoDichVu(db=db_url, thu_muc=tmp_path / "output", clock=clock)
    yield application
    application.close()


def test_the_first_user_of_an_empty_store_is_a_van_thu_added_without_an_actor(
    empty: BoDichVu,
) -> None:
    before = users_and_directory(empty)
    with pytest.raises(Refused, match="người dùng đầu tiên của kho dữ liệu phải là văn thư"):
        them_nguoi_dung(
            empty.store, "cv", "Đặng Ngọc Đức", VaiTro.chuyen_vien, nguoi_thuc_hien=None
        )
    assert users_and_directory(empty) == before
    them_nguoi_dung(empty.store, "vt", "Nguyễn Thị Văn", VaiTro.van_thu, nguoi_thuc_hien=None)
    with pytest.raises(Refused, match="thêm hoặc sửa người dùng"):  # no longer empty
        them_nguoi_dung(empty.store, "vt2", "Lê Văn Hai", VaiTro.van_thu, nguoi_thuc_hien=None)


def test_loading_the_directory_needs_a_van_thu(empty: BoDichVu) -> None:
    directory = doc_danh_ba(DANH_BA)
    with pytest.raises(Refused, match="chỉ văn thư mới được"):
        nap_danh_ba(empty.store, directory, None)
    with pytest.raises(NotFound, match="người dùng 'ai'"):
        nap_danh_ba(empty.store, directory, "ai")
    assert users_and_directory(empty) == ((), (), 0, 0)
    them_nguoi_dung(empty.store, "vt", "Nguyễn Thị Văn", VaiTro.van_thu, nguoi_thuc_hien=None)
    assert nap_danh_ba(empty.store, directory, "vt") == len(directory.co_quan)


@pytest.mark.parametrize("actor", ["cv", "ld", "syt", None])
def test_only_a_van_thu_loads_the_directory_or_adds_or_demotes_users(
    app: BoDichVu, actor: str | None
) -> None:
    before = users_and_directory(app)
    with pytest.raises(Refused, match=r"chỉ văn thư mới được|hãy cho biết ai đang làm"):
        nap_danh_ba(app.store, doc_danh_ba(DANH_BA), actor)
    with pytest.raises(
        Refused, match=r"chỉ văn thư mới được thêm hoặc sửa người dùng|hãy cho biết ai"
    ):
        them_nguoi_dung(app.store, "moi", "Người Mới", VaiTro.van_thu, nguoi_thuc_hien=actor)
    with pytest.raises(
        Refused, match=r"chỉ văn thư mới được thêm hoặc sửa người dùng|hãy cho biết ai"
    ):
        them_nguoi_dung(
            app.store, "vt", "Nguyễn Thị Văn", VaiTro.chuyen_vien, nguoi_thuc_hien=actor
        )
    assert users_and_directory(app) == before


def test_an_unknown_actor_is_named(app: BoDichVu) -> None:
    before = users_and_directory(app)
    with pytest.raises(NotFound, match="không tìm thấy người dùng 'ai'"):
        them_nguoi_dung(app.store, "moi", "Người Mới", VaiTro.van_thu, nguoi_thuc_hien="ai")
    assert users_and_directory(app) == before


def test_the_last_van_thu_cannot_be_demoted_but_one_of_two_can(app: BoDichVu) -> None:
    before = users_and_directory(app)
    with pytest.raises(Refused, match="'vt': là văn thư cuối cùng"):
        them_nguoi_dung(app.store, "vt", "Nguyễn Thị Văn", VaiTro.lanh_dao, nguoi_thuc_hien="vt")
    assert users_and_directory(app) == before
    them_nguoi_dung(app.store, "vt2", "Lê Văn Hai", VaiTro.van_thu, nguoi_thuc_hien="vt")
    them_nguoi_dung(app.store, "vt", "Nguyễn Thị Văn", VaiTro.lanh_dao, nguoi_thuc_hien="vt2")
    with pytest.raises(Refused, match="chỉ văn thư mới được"):  # vt is no longer a văn thư
        them_nguoi_dung(app.store, "vt3", "Ba", VaiTro.van_thu, nguoi_thuc_hien="vt")
    with pytest.raises(Refused, match="'vt2': là văn thư cuối cùng"):
        them_nguoi_dung(app.store, "vt2", "Lê Văn Hai", VaiTro.chuyen_vien, nguoi_thuc_hien="vt2")


@pytest.mark.parametrize(
    ("ten", "ho_ten", "message"),
    [
        ("", "Người Mới", "tên người dùng '': phải gồm 1–32 chữ cái không dấu"),
        ("..", "Người Mới", "tên người dùng '..'"),
        ("a/b", "Người Mới", "tên người dùng 'a/b'"),
        ("x" * 33, "Người Mới", "tên người dùng 'x{33}'"),
        ("nguyễn", "Người Mới", "tên người dùng 'nguyễn'"),
        ("moi", "", "người dùng 'moi': ho_ten: không được để trống"),
        ("moi", "   ", "người dùng 'moi': ho_ten: không được để trống"),
        (
            "moi",
            "Người\x00Mới",
            "người dùng 'moi': ho_ten: không được có ký tự điều khiển hoặc chưa gán U\\+0000",
        ),
        (
            "moi",
            "Người\nMới",
            "người dùng 'moi': ho_ten: không được có ký tự điều khiển hoặc chưa gán U\\+000A",
        ),
        (
            "moi",
            "Người\uffff",
            "người dùng 'moi': ho_ten: không được có ký tự điều khiển hoặc chưa gán U\\+FFFF",
        ),
        ("moi", "N" * (DONG_TOI_DA + 1), f"{DONG_TOI_DA + 1} ký tự, tối đa {DONG_TOI_DA}"),
    ],
)
def test_bad_user_names_and_full_names_are_refused_with_what_is_wrong(
    app: BoDichVu, ten: str, ho_ten: str, message: str
) -> None:
    before = users_and_directory(app)
    with pytest.raises(Refused, match=message):
        them_nguoi_dung(app.store, ten, ho_ten, VaiTro.chuyen_vien, nguoi_thuc_hien="vt")
    assert users_and_directory(app) == before


def test_a_full_name_is_stored_in_nfc_and_trimmed(app: BoDichVu) -> None:
    decomposed = "  Nguye\u0302\u0303n Văn   Mới "
    them_nguoi_dung(app.store, "moi", decomposed, VaiTro.chuyen_vien, nguoi_thuc_hien="vt")
    with app.store.transaction() as s:
        user = s.get(NguoiDung, "moi")
        assert user is not None and user.ho_ten == "Nguyễn Văn Mới"


def test_only_a_recipient_user_names_a_body_and_it_must(app: BoDichVu) -> None:
    before = users_and_directory(app)
    with pytest.raises(Refused, match="chỉ người dùng của đơn vị nhận mới ghi cơ quan"):
        them_nguoi_dung(app.store, "moi", "Mới", VaiTro.lanh_dao, "SYT", nguoi_thuc_hien="vt")
    with pytest.raises(Refused, match="phải ghi cơ quan của mình"):
        them_nguoi_dung(app.store, "moi", "Mới", VaiTro.don_vi_nhan, nguoi_thuc_hien="vt")
    with pytest.raises(NotFound, match="cơ quan 'KHONG_CO'"):
        them_nguoi_dung(
            app.store, "moi", "Mới", VaiTro.don_vi_nhan, "KHONG_CO", nguoi_thuc_hien="vt"
        )
    assert users_and_directory(app) == before


def test_who_added_or_changed_whom_and_who_loaded_the_directory_is_logged(
    empty: BoDichVu, clock: ManualClock
) -> None:
    them_nguoi_dung(
        empty.store, "vt", "Nguyễn Thị Văn", VaiTro.van_thu, nguoi_thuc_hien=None, clock=clock
    )
    nap_danh_ba(empty.store, doc_danh_ba(DANH_BA), "vt", clock)
    them_nguoi_dung(
        empty.store,
        "ld",
        "Trần Quốc Nam",
        VaiTro.chuyen_vien,
        nguoi_thuc_hien="vt",
        clock=clock,
    )
    them_nguoi_dung(
        empty.store, "ld", "Trần Quốc Nam", VaiTro.lanh_dao, nguoi_thuc_hien="vt", clock=clock
    )
    with empty.store.transaction() as s:
        lines = s.execute(
            select(NhatKy.doi_tuong, NhatKy.su_kien, NhatKy.tu, NhatKy.den, NhatKy.nguoi).order_by(
                NhatKy.id
            )
        ).all()
    assert [tuple(line) for line in lines] == [
        ("nguoi_dung:vt", "them_nguoi_dung", None, "van_thu", "vt"),
        ("danh_ba", "nap_danh_ba", None, None, "vt"),
        ("nguoi_dung:ld", "them_nguoi_dung", None, "chuyen_vien", "vt"),
        ("nguoi_dung:ld", "sua_nguoi_dung", "chuyen_vien", "lanh_dao", "vt"),
    ]
