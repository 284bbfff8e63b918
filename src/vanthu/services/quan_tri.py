"""What the văn thư administers, as a desk lists it (quản trị): the directory and the users."""

from __future__ import annotations

from dataclasses import dataclass

from ..schemas.khong_dau import khong_dau
from ..storage import Store
from ..storage.danh_ba import cac_co_quan, cac_nguoi_dung
from ..workflow import VaiTro
from .nguoi_dung import quan_tri_vien

#: Characters of a search that are looked at (the rest is dropped).
TIM_TOI_DA = 200


@dataclass(frozen=True)
class CoQuanDanhBaDong:
    """One body of the directory as listed: code, names, e-mail, groups."""

    ma: str
    ten: str
    ten_ngan: str
    email: str | None
    nhom: tuple[str, ...]


@dataclass(frozen=True)
class DanhBaDong:
    """The directory as listed: the bodies a search found (all: no search), and every group
    of the whole directory with how many bodies it has."""

    co_quan: list[CoQuanDanhBaDong]
    nhom: list[tuple[str, int]]
    tong_so: int


@dataclass(frozen=True)
class NguoiDungDong:
    """One user as listed: name, full name, role, body, whether they may sign in to the desk."""

    ten: str
    ho_ten: str
    vai_tro: VaiTro
    ma_co_quan: str | None
    ten_co_quan: str | None
    co_mat_khau: bool


def danh_ba(store: Store, tim: str = "") -> DanhBaDong:
    """The directory's bodies by code holding every word of ``tim`` (diacritics and case
    ignored) in their code, names, e-mail or groups; and every group with its size."""
    words = khong_dau(tim[:TIM_TOI_DA]).split()
    with store.transaction() as s:
        rows = cac_co_quan(s)
    sizes: dict[str, int] = {}
    found: list[CoQuanDanhBaDong] = []
    for body, groups in rows:
        for group in groups:
            sizes[group] = sizes.get(group, 0) + 1
        text = khong_dau(" ".join([body.ma, body.ten, body.ten_ngan, body.email or "", *groups]))
        if all(word in text for word in words):
            found.append(
                CoQuanDanhBaDong(body.ma, body.ten, body.ten_ngan, body.email, tuple(groups))
            )
    return DanhBaDong(found, sorted(sizes.items()), len(rows))


def danh_sach_nguoi_dung(store: Store, nguoi: str) -> list[NguoiDungDong]:
    """Every user by name, for the văn thư ``nguoi``.

    Raises:
        Refused: the actor is not a văn thư.
        NotFound: no such actor.
    """
    with store.transaction() as s:
        quan_tri_vien(s, nguoi, "xem danh sách người dùng")
        return [
            NguoiDungDong(
                user.ten,
                user.ho_ten,
                VaiTro(user.vai_tro),
                user.ma_co_quan,
                body,
                user.password_hash is not None,
            )
            for user, body in cac_nguoi_dung(s)
        ]


__all__ = [
    "CoQuanDanhBaDong",
    "DanhBaDong",
    "NguoiDungDong",
    "danh_ba",
    "danh_sach_nguoi_dung",
]
