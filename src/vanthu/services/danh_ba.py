"""The directory (danh bạ): loading it into the store; expanding Nơi nhận lines into bodies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..errors import InvalidDirective, Refused
from ..reading.danh_ba import doc_danh_ba as doc_danh_ba  # moved
from ..schemas import VanBan
from ..schemas.danh_ba import DanhBa
from ..storage import Kho
from ..storage.bang import CoQuan, NhomCoQuan
from .dong_ho import DongHo, bay_gio
from .nguoi_dung import dong_quan_tri, quan_tri_vien


def _ve_duoc(danh_ba: DanhBa) -> None:
    """Refuse a body whose name the slip could not draw: it would fail distribution after the
    number is taken.

    Raises:
        InvalidDirective: each name holding a character no embedded face can draw.
    """
    # Imported here: the check reads font files, which loading users never needs.
    from ..rendering.ve_duoc import van_de_ve_chu

    problems = [
        problem
        for i, body in enumerate(danh_ba.co_quan)
        for field in ("ten", "ten_ngan")
        for problem in van_de_ve_chu(f"co_quan[{i}].{field}", getattr(body, field) or "")
    ]
    if problems:
        raise InvalidDirective("danh bạ", problems)


def nap_danh_ba(kho: Kho, danh_ba: DanhBa, ten_nguoi: str | None, dong_ho: DongHo = bay_gio) -> int:
    """Add or update every body and its groups in one transaction, as ``ten_nguoi``; how many.

    Keeping the directory is the văn thư's job (see :mod:`.nguoi_dung`); the load is logged.

    Raises:
        Refused: no actor, or one who is not a văn thư.
        NotFound: no such user.
    """
    _ve_duoc(danh_ba)
    with kho.giao_dich() as s:
        quan_tri_vien(s, ten_nguoi, "load the directory")
        for body in danh_ba.co_quan:
            s.merge(
                CoQuan(
                    ma=body.ma, ten=body.ten, ten_ngan=body.ten_ngan or body.ten, email=body.email
                )
            )
            s.execute(delete(NhomCoQuan).where(NhomCoQuan.ma_co_quan == body.ma))
            s.flush()
            s.add_all(NhomCoQuan(nhom=g, ma_co_quan=body.ma) for g in dict.fromkeys(body.nhom))
        assert ten_nguoi is not None  # quan_tri_vien refused an anonymous load
        s.add(
            dong_quan_tri(
                "danh_ba", "nap_danh_ba", ten_nguoi, dong_ho(), so_co_quan=len(danh_ba.co_quan)
            )
        )
    return len(danh_ba.co_quan)


@dataclass(frozen=True)
class NguoiNhanMoRong:
    """A body a directive goes to, and the Nơi nhận line (0-based) that named it first."""

    ma: str
    ten: str
    dong: int
    dong_in: str


def mo_rong_noi_nhan(s: Session, vb: VanBan) -> list[NguoiNhanMoRong]:
    """Expand the Nơi nhận lines into directory bodies, in printed order, each body once.

    Internal lines (``noi_bo``) and lines that name nothing deliver nothing.

    Raises:
        Refused: a line names a code or a group the directory does not have.
    """
    bodies = {b.ma: b for b in s.scalars(select(CoQuan))}
    groups: dict[str, list[str]] = {}
    for row in s.scalars(select(NhomCoQuan).order_by(NhomCoQuan.ma_co_quan)):
        groups.setdefault(row.nhom, []).append(row.ma_co_quan)
    out: dict[str, NguoiNhanMoRong] = {}
    unknown: list[str] = []
    for i, line in enumerate(vb.noi_nhan):
        if line.noi_bo:
            continue
        codes: list[str] = list(line.ma_co_quan)
        for group in line.nhom:
            if group not in groups:
                unknown.append(f"group '{group}' (line {i + 1}: {line.ten})")
            codes += groups.get(group, [])
        for code in codes:
            if code not in bodies:
                unknown.append(f"body '{code}' (line {i + 1}: {line.ten})")
            elif code not in out:
                out[code] = NguoiNhanMoRong(code, bodies[code].ten, i, line.ten)
    if unknown:
        raise Refused("Nơi nhận", "the directory has no " + ", ".join(dict.fromkeys(unknown)))
    return list(out.values())


def ma_co_quan_nhiem_vu(s: Session, codes: Sequence[str], nhom: Sequence[str]) -> list[str]:
    """The bodies a task names directly or through its groups."""
    found = list(codes)
    if nhom:
        found += s.scalars(select(NhomCoQuan.ma_co_quan).where(NhomCoQuan.nhom.in_(nhom)))
    return list(dict.fromkeys(found))


def kiem_tra_danh_ba(s: Session, vb: VanBan) -> None:
    """Every body and group a directive names — in its Nơi nhận and its tasks — is known, and
    every body a task names, directly or through a group, is among its recipients (a task to a
    body the directive is never sent to would stay overdue forever, its report refused).

    Raises:
        Refused: naming each unknown code or group and where it is used; or the task
            (``nhiem_vu[i].co_quan`` / ``nhiem_vu[i].nhom``) whose body is not a recipient.
    """
    recipients = {r.ma for r in mo_rong_noi_nhan(s, vb)}
    bodies = set(s.scalars(select(CoQuan.ma)))
    groups = set(s.scalars(select(NhomCoQuan.nhom).distinct()))
    unknown = [
        f"{kind} '{name}' (task {i + 1})"
        for i, task in enumerate(vb.nhiem_vu)
        for kind, names, known in (("body", task.co_quan, bodies), ("group", task.nhom, groups))
        for name in names
        if name not in known
    ]
    if unknown:
        raise Refused("nhiem_vu", "the directory has no " + ", ".join(unknown))
    for i, task in enumerate(vb.nhiem_vu):
        for code in task.co_quan:
            if code not in recipients:
                raise Refused(
                    f"nhiem_vu[{i}].co_quan",
                    f"body '{code}' is not among the recipients (Nơi nhận) of the directive",
                )
        for group in task.nhom:
            outside = [c for c in ma_co_quan_nhiem_vu(s, (), (group,)) if c not in recipients]
            if outside:
                raise Refused(
                    f"nhiem_vu[{i}].nhom",
                    f"group '{group}' has bodies that are not among the recipients (Nơi nhận): "
                    + ", ".join(outside),
                )
