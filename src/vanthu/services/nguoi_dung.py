"""Users and their roles: who may administer them, adding them, and knowing who is acting.

The rule an office expects: keeping the users and the directory (danh bạ) is the văn thư's job.

- The very first user of an empty store is created without an actor (bootstrap), and must be a
  văn thư: anyone else could administer nobody, and the store would be locked.
- After that, adding a user, changing one's name, role or body, and loading the directory need
  an actor who is a văn thư (``--as`` / ``VANTHU_USER``).
- Nobody can demote the last văn thư: the store would have no one left to administer it.
- Every change is logged (nhật ký): who added or changed whom, from which role to which.
- A user name is a code (``gioi_han.MA_PATTERN``: it may become part of a path); a full name is one
  non-blank line of at most ``gioi_han.DONG_TOI_DA`` characters, NFC, without control
  characters. Only a đơn vị nhận user names a body, and must.
"""

from __future__ import annotations

import os
import re
import unicodedata

from ..errors import NotFound, Refused
from ..reading import tham_so
from ..schemas.gioi_han import DONG_TOI_DA, MA_PATTERN
from ..storage import Session, Store
from ..storage import danh_ba as danh_ba_store
from ..storage.bang import NguoiDung
from ..storage.danh_ba import nguoi_dung
from ..storage.van_ban import dong_nhat_ky, ghi_dong_nhat_ky
from ..workflow import VaiTro
from .clock import Clock, bay_gio

#: Unicode categories never accepted in a name: controls, surrogates, unassigned/non-characters.
_LOAI_CAM = frozenset({"Cc", "Cs", "Cn"})


def _ten_hop_le(ten: str) -> str:
    """A user name as stored, or Refused naming why it is not one."""
    if not re.fullmatch(MA_PATTERN, ten):
        raise Refused(
            f"tên người dùng '{ten}'",
            "phải gồm 1–32 chữ cái không dấu, chữ số, '_', '-' hoặc '.', bắt đầu bằng chữ cái "
            "hoặc chữ số",
        )
    return ten


def ho_ten_hop_le(ten: str, ho_ten: str) -> str:
    """A full name as stored: NFC, trimmed, one non-blank line without control characters.

    Raises:
        Refused: blank, too long, or carrying a control or unassigned character.
    """
    value = unicodedata.normalize("NFC", ho_ten).strip()
    where = f"người dùng '{ten}': ho_ten"
    bad = [c for c in value if unicodedata.category(c) in _LOAI_CAM]
    if bad:
        raise Refused(where, f"không được có ký tự điều khiển hoặc chưa gán U+{ord(bad[0]):04X}")
    value = " ".join(value.split())
    if not value:
        raise Refused(where, "không được để trống")
    if len(value) > DONG_TOI_DA:
        raise Refused(where, f"{len(value)} ký tự, tối đa {DONG_TOI_DA}")
    return value


def quan_tri_vien(s: Session, ten_nguoi: str | None, viec: str) -> NguoiDung:
    """The acting user, who must be a văn thư to do ``viec`` (administering users, directory).

    Raises:
        Refused: no actor named, or the actor is not a văn thư.
        NotFound: no such user.
    """
    if not ten_nguoi:
        raise Refused(
            viec, "hãy cho biết ai đang làm (--as USER hoặc VANTHU_USER): chỉ văn thư mới được làm"
        )
    user = nguoi_dung(s, ten_nguoi)
    if VaiTro(user.vai_tro) is not VaiTro.van_thu:
        raise Refused(
            f"người dùng '{ten_nguoi}'",
            f"là {VaiTro(user.vai_tro).label}; chỉ văn thư mới được {viec}",
        )
    return user


def them_nguoi_dung(
    store: Store,
    ten: str,
    ho_ten: str,
    vai_tro: VaiTro,
    ma_co_quan: str | None = None,
    *,
    nguoi_thuc_hien: str | None,
    clock: Clock = bay_gio,
) -> None:
    """Add or update a user, as ``nguoi_thuc_hien`` (the acting user; see the module's rule).

    Args:
        nguoi_thuc_hien: the acting văn thư; None only to create the first user of an empty
            store, who must be a văn thư.

    Raises:
        Refused: a bad user or full name; a body named by a user who is not a đơn vị nhận, or
            none by one who is; no actor, or one who is not a văn thư, when the store has users;
            a first user who is not a văn thư; demoting the last văn thư.
        NotFound: the actor or the body is not in the store.
    """
    ten = _ten_hop_le(ten)
    ho_ten = ho_ten_hop_le(ten, ho_ten)
    vai_tro = VaiTro(vai_tro)
    ma_co_quan = None if ma_co_quan is None else tham_so.ma(ma_co_quan, "--ma-co-quan")
    if vai_tro is VaiTro.don_vi_nhan and not ma_co_quan:
        raise Refused(
            f"người dùng '{ten}'",
            "người dùng của đơn vị nhận phải ghi cơ quan của mình (--ma-co-quan)",
        )
    if vai_tro is not VaiTro.don_vi_nhan and ma_co_quan:
        raise Refused(
            f"người dùng '{ten}'",
            f"chỉ người dùng của đơn vị nhận mới ghi cơ quan, {vai_tro.label} thì không",
        )
    with store.transaction() as s:
        if danh_ba_store.so_nguoi_dung(s) == 0 and not nguoi_thuc_hien:
            if vai_tro is not VaiTro.van_thu:
                raise Refused(
                    f"người dùng '{ten}'",
                    "người dùng đầu tiên của kho dữ liệu phải là văn thư: chỉ văn thư mới thêm "
                    "được người dùng",
                )
        else:
            quan_tri_vien(s, nguoi_thuc_hien, "thêm hoặc sửa người dùng")
        current = danh_ba_store.nguoi_dung_for_update(s, ten)
        before = None if current is None else current.vai_tro  # merge updates ``current``
        if (
            before == VaiTro.van_thu.value
            and vai_tro is not VaiTro.van_thu
            and not set(danh_ba_store.ten_van_thu_for_update(s)) - {ten}
        ):
            raise Refused(
                f"người dùng '{ten}'",
                f"là văn thư cuối cùng; {nguoi_thuc_hien or 'không ai'} được đổi thành "
                f"{vai_tro.label} (hãy thêm một văn thư khác trước)",
            )
        if ma_co_quan and not danh_ba_store.co_co_quan(s, ma_co_quan):
            raise NotFound("body", ma_co_quan)
        danh_ba_store.save_nguoi_dung(s, ten, ho_ten, vai_tro, ma_co_quan)
        ghi_dong_nhat_ky(
            s,
            dong_nhat_ky(
                None,
                f"nguoi_dung:{ten}",
                "them_nguoi_dung" if current is None else "sua_nguoi_dung",
                nguoi_thuc_hien or ten,
                clock(),
                tu=before,
                den=vai_tro.value,
                ho_ten=ho_ten,
                **({"ma_co_quan": ma_co_quan} if ma_co_quan else {}),
            ),
        )


def ten_nguoi_dung(ten: str | None) -> str:
    """The acting user: ``--as`` if given, else ``VANTHU_USER``.

    Raises:
        Refused: neither is set.
        InvalidSetting: not a user name (``gioi_han.MA_PATTERN``).
    """
    found = ten_nguoi_dung_neu_co(ten)
    if not found:
        raise Refused("người dùng", "hãy cho biết ai đang làm: --as USER hoặc VANTHU_USER")
    return found


def ten_nguoi_dung_neu_co(ten: str | None) -> str | None:
    """The acting user if one is named (``--as``, else ``VANTHU_USER``), or None.

    Raises:
        InvalidSetting: not a user name (``gioi_han.MA_PATTERN``).
    """
    found = ten or os.environ.get("VANTHU_USER")
    return tham_so.ma(found, "--as / VANTHU_USER") if found else None


__all__ = [
    "ho_ten_hop_le",
    "quan_tri_vien",
    "ten_nguoi_dung",
    "ten_nguoi_dung_neu_co",
    "them_nguoi_dung",
]
