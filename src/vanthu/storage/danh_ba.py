"""Storage of the directory (danh bạ: bodies, groups, a Nơi nhận's expansion) and of users."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..errors import NotFound, Refused
from ..schemas import VanBan
from ..schemas.danh_ba import CoQuanDanhBa
from ..workflow import VaiTro
from .bang import CoQuan, NguoiDung, NhomCoQuan

# -- users -------------------------------------------------------------------------------


def nguoi_dung(s: Session, ten: str) -> NguoiDung:
    """The stored user.

    Raises:
        NotFound: no such user.
    """
    user = s.get(NguoiDung, ten)
    if user is None:
        raise NotFound("user", ten)
    return user


def so_nguoi_dung(s: Session) -> int:
    """How many users the store has (0: the first one is being created)."""
    return int(s.scalar(select(func.count()).select_from(NguoiDung)) or 0)


def nguoi_dung_for_update(s: Session, ten: str) -> NguoiDung | None:
    """The user, its row locked for the transaction (None if there is none)."""
    return s.get(NguoiDung, ten, with_for_update=True)


def ten_van_thu_for_update(s: Session) -> list[str]:
    """Every văn thư's name, each row locked: two demotions at once cannot each leave the
    other the last văn thư."""
    return list(
        s.scalars(
            select(NguoiDung.ten).where(NguoiDung.vai_tro == VaiTro.van_thu.value).with_for_update()
        )
    )


def save_nguoi_dung(
    s: Session, ten: str, ho_ten: str, vai_tro: VaiTro, ma_co_quan: str | None
) -> None:
    """Add or update a user (its name, role and body)."""
    s.merge(NguoiDung(ten=ten, ho_ten=ho_ten, vai_tro=vai_tro.value, ma_co_quan=ma_co_quan))


def vai_tro_nguoi_dung(s: Session, ten: str) -> tuple[VaiTro, str | None] | None:
    """A user's role and the body they act for, or None if there is no such user."""
    row = s.execute(
        select(NguoiDung.vai_tro, NguoiDung.ma_co_quan).where(NguoiDung.ten == ten)
    ).first()
    return None if row is None else (VaiTro(row[0]), row[1])


# -- bodies and groups -------------------------------------------------------------------


def co_co_quan(s: Session, ma: str) -> bool:
    """Whether the directory has the body ``ma``."""
    return s.get(CoQuan, ma) is not None


def save_co_quan(s: Session, co_quan: Sequence[CoQuanDanhBa]) -> None:
    """Add or update each body, its groups replaced by the ones it names (each once)."""
    for body in co_quan:
        s.merge(
            CoQuan(ma=body.ma, ten=body.ten, ten_ngan=body.ten_ngan or body.ten, email=body.email)
        )
        s.execute(delete(NhomCoQuan).where(NhomCoQuan.ma_co_quan == body.ma))
        s.flush()
        s.add_all(NhomCoQuan(nhom=g, ma_co_quan=body.ma) for g in dict.fromkeys(body.nhom))


def ten_co_quan(s: Session, codes: Sequence[str]) -> dict[str, str]:
    """The full names of the bodies ``codes`` names, by code (unknown codes left out)."""
    return {c.ma: c.ten for c in s.scalars(select(CoQuan).where(CoQuan.ma.in_(codes)))}


def cac_co_quan(s: Session) -> list[tuple[CoQuan, list[str]]]:
    """Every body of the directory by code, each with its groups (sorted)."""
    groups: dict[str, list[str]] = {}
    for row in s.scalars(select(NhomCoQuan).order_by(NhomCoQuan.nhom)):
        groups.setdefault(row.ma_co_quan, []).append(row.nhom)
    return [(b, groups.get(b.ma, [])) for b in s.scalars(select(CoQuan).order_by(CoQuan.ma))]


def cac_nguoi_dung(s: Session) -> list[tuple[NguoiDung, str | None]]:
    """Every user by name, with the full name of the body they act for (None: none)."""
    rows = s.execute(
        select(NguoiDung, CoQuan.ten)
        .outerjoin(CoQuan, CoQuan.ma == NguoiDung.ma_co_quan)
        .order_by(NguoiDung.ten)
    )
    return [(user, body) for user, body in rows]


@dataclass(frozen=True)
class NguoiNhanMoRong:
    """A body a directive goes to, and the Nơi nhận line (0-based) that named it first."""

    ma: str
    ten: str
    dong: int
    dong_in: str


def mo_rong_noi_nhan(s: Session, vb: VanBan) -> list[NguoiNhanMoRong]:
    """Expand the Nơi nhận lines into directory bodies, in printed order, each body once.

    Internal lines (``noi_bo``) and lines that name nothing deliver nothing. A line's "+"
    sub-items (``muc_con``) deliver as lines of their own, after it, each counted as the line
    they stand under; an internal line's sub-items are internal too.

    Raises:
        Refused: a line names a code or a group the directory does not have.
    """
    bodies = {b.ma: b for b in s.scalars(select(CoQuan))}
    groups: dict[str, list[str]] = {}
    for row in s.scalars(select(NhomCoQuan).order_by(NhomCoQuan.ma_co_quan)):
        groups.setdefault(row.nhom, []).append(row.ma_co_quan)
    out: dict[str, NguoiNhanMoRong] = {}
    unknown: list[str] = []
    for i, top in enumerate(vb.noi_nhan):
        # A "+" sub-item delivers as a line of its own, counted under its "- …:" line.
        for line in top.cac_dong():
            if top.noi_bo or line.noi_bo:
                continue
            codes: list[str] = list(line.ma_co_quan)
            for group in line.nhom:
                if group not in groups:
                    unknown.append(f"nhóm '{group}' (dòng {i + 1}: {line.ten})")
                codes += groups.get(group, [])
            for code in codes:
                if code not in bodies:
                    unknown.append(f"cơ quan '{code}' (dòng {i + 1}: {line.ten})")
                elif code not in out:
                    out[code] = NguoiNhanMoRong(code, bodies[code].ten, i, line.ten)
    if unknown:
        raise Refused("Nơi nhận", "danh bạ không có " + ", ".join(dict.fromkeys(unknown)))
    return list(out.values())


def ma_co_quan_nhiem_vu(s: Session, codes: Sequence[str], nhom: Sequence[str]) -> list[str]:
    """The bodies a task names directly or through its groups."""
    found = list(codes)
    if nhom:
        found += s.scalars(select(NhomCoQuan.ma_co_quan).where(NhomCoQuan.nhom.in_(nhom)))
    return list(dict.fromkeys(found))


def cac_nhom(s: Session) -> list[tuple[str, int]]:
    """Every group of the directory with how many bodies it has, by name."""
    rows = s.execute(
        select(NhomCoQuan.nhom, func.count()).group_by(NhomCoQuan.nhom).order_by(NhomCoQuan.nhom)
    )
    return [(nhom, count) for nhom, count in rows]


def kiem_tra_danh_ba(s: Session, vb: VanBan) -> None:
    """Every body and group a directive names — in its Nơi nhận and its tasks — is known, and
    every body a task names, directly or through a group, is among its recipients (a task to a
    body the directive is never sent to would stay overdue forever, its report refused).

    Raises:
        Refused: naming each unknown code or group and where it is used; or the task
            (``nhiem_vu[i].ma_co_quan`` / ``nhiem_vu[i].nhom``) whose body is not a recipient.
    """
    recipients = {r.ma for r in mo_rong_noi_nhan(s, vb)}
    bodies = set(s.scalars(select(CoQuan.ma)))
    groups = set(s.scalars(select(NhomCoQuan.nhom).distinct()))
    unknown = [
        f"{kind} '{name}' (nhiệm vụ {i + 1})"
        for i, task in enumerate(vb.nhiem_vu)
        for kind, names, known in (
            ("cơ quan", task.ma_co_quan, bodies),
            ("nhóm", task.nhom, groups),
        )
        for name in names
        if name not in known
    ]
    if unknown:
        raise Refused("nhiem_vu", "danh bạ không có " + ", ".join(unknown))
    for i, task in enumerate(vb.nhiem_vu):
        for code in task.ma_co_quan:
            if code not in recipients:
                raise Refused(
                    f"nhiem_vu[{i}].ma_co_quan",
                    f"cơ quan '{code}' không có trong nơi nhận (Nơi nhận) của văn bản",
                )
        for group in task.nhom:
            outside = [c for c in ma_co_quan_nhiem_vu(s, (), (group,)) if c not in recipients]
            if outside:
                raise Refused(
                    f"nhiem_vu[{i}].nhom",
                    f"nhóm '{group}' có cơ quan không nằm trong nơi nhận (Nơi nhận): "
                    + ", ".join(outside),
                )
