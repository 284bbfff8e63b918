"""Tracking (theo dõi): acknowledgements, reports back, per-recipient status, overdue tasks."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Select,
    String,
    Table,
    bindparam,
    exists,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy import cast as cast_
from sqlalchemy.orm import Session

from ..errors import ConcurrentChange, NotFound, Refused, TransitionRefused
from ..storage import CauLenhBienDich, Kho
from ..storage.bang import (
    BaoCaoNhan,
    CoQuan,
    NguoiDung,
    NhatKy,
    NhiemVu,
    NhiemVuCoQuan,
    NoiNhanVanBan,
    VanBanLuu,
)
from ..workflow import (
    BANG_NOI_NHAN,
    SuKienNoiNhan,
    TrangThaiNoiNhan,
    TrangThaiVanBan,
    VaiTro,
    chuyen_noi_nhan,
    nguong_tre,
    nhan_tre,
)
from . import tham_so
from .dong_ho import DongHo, bay_gio, gio_viet_nam
from .duong_dan import ten_an_toan, trong_goc
from .ghi_tep import ghi_nguyen_tu
from .vong_doi import (
    dong_nhat_ky,
    ghi_cac_dong_nhat_ky,
    ghi_nhat_ky,
    thu_muc_van_ban,
    tim_id_van_ban,
    tim_van_ban,
    utc,
)

DA_NHAN = {TrangThaiNoiNhan.da_nhan.value, TrangThaiNoiNhan.da_bao_cao.value}


@dataclass(frozen=True)
class _CauXacNhan:
    """The acknowledgement's statements, built once (building costs more than running them).

    ``tim``: one joined SELECT finds the recipient, its directive and the acting user (by token,
    by directive id, or by number and symbol). On SQLite, ``ghi`` then records the receipt only
    if the state is still the one read, and the log line goes with it in the same transaction.

    ``mot_cau`` (PostgreSQL): the whole acknowledgement as one statement in autocommit, one
    round trip: the same SELECT as a CTE, an UPDATE that records the receipt only where every
    rule the service would check holds (see ``_cau_mot_cau``), and the log line inserted from
    what the UPDATE returned. Atomic as one statement is; the guard keeps it exact. Only a
    refusal, or an acknowledgement given before, costs a second round trip (the SELECT). It
    runs on the driver's connection, compiled once (``CauLenhBienDich``).
    """

    tim: dict[str, Any]
    ghi: Any
    mot_cau: dict[str, CauLenhBienDich]


def _cau_tim() -> Select[*tuple[Any, ...]]:
    """The lookup of the recipient, its directive and the acting user, without its key."""
    nn, vb, user = NoiNhanVanBan, VanBanLuu, NguoiDung
    return (
        select(
            nn.id,
            nn.van_ban_id,
            nn.ma_co_quan,
            nn.trang_thai,
            nn.gui_luc,
            nn.nhan_luc,
            nn.tre,
            vb.trang_thai.label("vb_trang_thai"),
            vb.so_ky_hieu,
            user.vai_tro,
            user.ma_co_quan.label("thay_cho"),
        )
        .join(vb, vb.id == nn.van_ban_id)
        .outerjoin(user, user.ten == bindparam("ten"))
    )


def _cau_mot_cau(tim: Select[*tuple[Any, ...]]) -> Any:
    """The PostgreSQL acknowledgement as one statement (see ``_CauXacNhan``).

    The UPDATE's guard is the service's judgement (``TheoDoi._buoc_xac_nhan``) written in SQL,
    its states and roles read from the recipient lifecycle table: exactly one row found; the
    directive not recalled; the user known, of a role that may acknowledge, and acting for this
    body if it is a body's user; the copy, as it is now, still in the state read and that state
    one the event leaves. Lateness is ``gui_luc < nguong`` (``nguong_tre``: the same judgement
    as ``nhan_tre``). It returns one row when it wrote, none when the guard held it back; the
    service then reads the copy again to say why, judging as on SQLite.
    """
    hang = next(h for h in BANG_NOI_NHAN if h.su_kien is SuKienNoiNhan.xac_nhan)
    table = cast(Table, NoiNhanVanBan.__table__)
    log = cast(Table, NhatKy.__table__)
    doc = tim.cte("doc")
    written = (
        update(table)
        .where(
            table.c.id == doc.c.id,
            table.c.trang_thai == doc.c.trang_thai,
            or_(*(doc.c.trang_thai == literal(t.value) for t in hang.nguon)),
            doc.c.vb_trang_thai != literal(TrangThaiVanBan.thu_hoi.value),
            or_(*(doc.c.vai_tro == literal(v.value) for v in sorted(hang.vai_tro))),
            or_(
                doc.c.vai_tro != literal(VaiTro.don_vi_nhan.value),
                doc.c.thay_cho == doc.c.ma_co_quan,
            ),
            select(func.count()).select_from(doc).scalar_subquery() == 1,
        )
        .values(
            trang_thai=literal(hang.dich.value),
            nhan_luc=bindparam("luc", type_=table.c.nhan_luc.type),
            tre=func.coalesce(
                doc.c.gui_luc < bindparam("nguong", type_=table.c.gui_luc.type), false()
            ),
        )
        .returning(table.c.id, table.c.tre)
        .cte("ghi")
    )
    columns = ["van_ban_id", "doi_tuong", "su_kien", "tu", "den", "nguoi", "luc", "chi_tiet"]
    line = select(
        doc.c.van_ban_id,
        literal("noi_nhan:") + cast_(doc.c.van_ban_id, String) + literal(":") + doc.c.ma_co_quan,
        literal(SuKienNoiNhan.xac_nhan.value),
        doc.c.trang_thai,
        literal(hang.dich.value),
        bindparam("ten", type_=log.c.nguoi.type),
        bindparam("luc", type_=log.c.luc.type),
        func.json_build_object(literal("tre"), written.c.tre),
    ).select_from(written.join(doc, doc.c.id == written.c.id))
    logged = insert(log).from_select(columns, line).returning(log.c.id).cte("nk")
    return select(doc.c.van_ban_id, doc.c.ma_co_quan, doc.c.so_ky_hieu, written.c.tre).select_from(
        written.join(doc, doc.c.id == written.c.id).join(logged, true())
    )


def _cau_xac_nhan() -> _CauXacNhan:
    nn, vb = NoiNhanVanBan, VanBanLuu
    base = _cau_tim()
    table = cast(Table, nn.__table__)
    record = (
        update(table)
        .where(table.c.id == bindparam("rid"), table.c.trang_thai == bindparam("tu"))
        .values(trang_thai=bindparam("den"), nhan_luc=bindparam("luc"), tre=bindparam("tre_moi"))
    )
    tim = {
        "token": base.where(nn.ma_xac_nhan == bindparam("token")),
        "id": base.where(vb.id == bindparam("khoa"), nn.ma_co_quan == bindparam("ma")),
        "so": base.where(vb.so_ky_hieu == bindparam("khoa"), nn.ma_co_quan == bindparam("ma")),
    }
    return _CauXacNhan(
        tim=tim,
        ghi=record,
        mot_cau={key: CauLenhBienDich(_cau_mot_cau(query)) for key, query in tim.items()},
    )


_XAC_NHAN = _cau_xac_nhan()


@dataclass(frozen=True)
class KetQuaXacNhan:
    """An acknowledgement: who, when, whether late, and whether it had been given before."""

    so_ky_hieu: str
    ma_co_quan: str
    nhan_luc: dt.datetime
    tre: bool
    da_co: bool


@dataclass(frozen=True)
class _GhiXacNhan:
    """What an accepted acknowledgement writes."""

    rid: int
    van_ban_id: int
    tu: str
    den: str
    nguoi: str
    luc: dt.datetime
    ket_qua: KetQuaXacNhan

    @property
    def doi_tuong(self) -> str:
        return f"noi_nhan:{self.van_ban_id}:{self.ket_qua.ma_co_quan}"

    def xung_dot(self) -> ConcurrentChange:
        """The error when the recipient's state moved between the read and the write."""
        return ConcurrentChange(f"{self.ket_qua.so_ky_hieu} {self.ket_qua.ma_co_quan}", self.tu)

    def tham_so_ghi(self) -> dict[str, Any]:
        return {
            "rid": self.rid,
            "tu": self.tu,
            "den": self.den,
            "luc": utc(self.luc),
            "tre_moi": self.ket_qua.tre,
        }


@dataclass(frozen=True)
class DongTrangThai:
    """One recipient's line of the status table."""

    ma: str
    ten: str
    trang_thai: TrangThaiNoiNhan
    gui_luc: dt.datetime | None
    nhan_luc: dt.datetime | None
    tre: bool
    bao_cao_luc: dt.datetime | None
    qua_han: bool  # a task deadline passed without the report it asked for


@dataclass(frozen=True)
class BangTrangThai:
    """The per-recipient table of one directive, and its totals."""

    so_ky_hieu: str
    trich_yeu: str
    trang_thai: TrangThaiVanBan
    dong: list[DongTrangThai]

    def chua_nhan(self) -> list[DongTrangThai]:
        """Sent, not acknowledged and not sent back as misaddressed."""
        return [
            r
            for r in self.dong
            if r.gui_luc is not None
            and r.nhan_luc is None
            and r.trang_thai is not TrangThaiNoiNhan.tu_choi
        ]

    def tong(self) -> dict[str, int]:
        """Totals: recipients, sent, acknowledged, late, reported, overdue, not acknowledged,
        sent back as misaddressed."""
        rows = self.dong
        return {
            "noi_nhan": len(rows),
            "da_gui": sum(r.gui_luc is not None for r in rows),
            "da_nhan": sum(r.nhan_luc is not None for r in rows),
            "nhan_tre": sum(r.tre for r in rows),
            "da_bao_cao": sum(r.bao_cao_luc is not None for r in rows),
            "qua_han": sum(r.qua_han for r in rows),
            "chua_nhan": len(self.chua_nhan()),
            "tu_choi": sum(r.trang_thai is TrangThaiNoiNhan.tu_choi for r in rows),
        }


@dataclass(frozen=True)
class ViecQuaHan:
    """A body that has not reported on a task whose deadline has passed."""

    so_ky_hieu: str
    van_ban_id: int
    nhiem_vu_id: int
    mo_ta: str
    han: dt.date
    ma_co_quan: str
    ten_co_quan: str
    so_ngay: int


def _vai_tro_duoc(
    su_kien: SuKienNoiNhan, ten_nguoi: str, vai_tro: VaiTro, so: str, ma: str, tu: str
) -> None:
    """The role may fire ``su_kien`` at all (also when it was done before and is repeated).

    Raises:
        TransitionRefused: the role is not one the recipient lifecycle table allows.
    """
    allowed = frozenset().union(*(h.vai_tro for h in BANG_NOI_NHAN if h.su_kien is su_kien))
    if vai_tro not in allowed:
        raise TransitionRefused(
            f"user '{ten_nguoi}' on {so} → {ma}",
            tu,
            su_kien.value,
            vai_tro.value,
            f"role '{vai_tro}' may not; allowed roles: "
            + ", ".join(v for v in VaiTro if v in allowed),
        )


class TheoDoi:
    """Tracking use cases on one store."""

    def __init__(self, kho: Kho, dong_ho: DongHo = bay_gio) -> None:
        self.kho = kho
        self.dong_ho = dong_ho

    # -- acknowledgement -------------------------------------------------------------------

    def xac_nhan(
        self,
        ten_nguoi: str,
        khoa: str | None = None,
        ma_co_quan: str | None = None,
        ma_xac_nhan: str | None = None,
    ) -> KetQuaXacNhan:
        """Record that a body received a directive: by (directive, body) or by slip token.

        Repeating it changes nothing. A body that is not a recipient, a recalled directive,
        or a user acting for another body is refused. The write is guarded by the state read,
        so two acknowledgements at once record one; the other is reported as already given.
        """
        now = self.dong_ho()
        params: dict[str, Any] = {"ten": ten_nguoi}
        if ma_xac_nhan:
            kind, params["token"] = "token", tham_so.ma_xac_nhan(ma_xac_nhan)
            if khoa or ma_co_quan:
                self._ma_khop(params["token"], khoa, ma_co_quan)
        elif khoa and ma_co_quan:
            key = tham_so.khoa_van_ban(khoa)
            ma_co_quan = tham_so.ma(ma_co_quan)
            kind = "id" if isinstance(key, int) else "so"
            params |= {"khoa": key, "ma": ma_co_quan}
        else:
            raise Refused("acknowledgement", "name the directive and the body, or --token")

        def doc(conn: Connection) -> KetQuaXacNhan | _GhiXacNhan:
            found = conn.execute(_XAC_NHAN.tim[kind], params).all()
            return self._buoc_xac_nhan(found, ten_nguoi, now, khoa, ma_co_quan, ma_xac_nhan, conn)

        if self.kho.ten == "postgresql":
            return self._xac_nhan_mot_cau(kind, params, now, doc)
        with self.kho.engine.begin() as conn:  # plain connection: no ORM session needed
            step = doc(conn)
            if isinstance(step, KetQuaXacNhan):
                return step
            if conn.execute(_XAC_NHAN.ghi, step.tham_so_ghi()).rowcount != 1:
                raise step.xung_dot()
            ghi_cac_dong_nhat_ky(
                conn,
                [
                    dong_nhat_ky(
                        step.van_ban_id,
                        step.doi_tuong,
                        "xac_nhan",
                        ten_nguoi,
                        now,
                        tu=step.tu,
                        den=step.den,
                        tre=step.ket_qua.tre,
                    )
                ],
            )
            return step.ket_qua

    def _ma_khop(self, ma_xac_nhan: str, khoa: str | None, ma_co_quan: str | None) -> None:
        """A token identifies one recipient's copy: a directive or a body named beside it must
        be that copy's (read before anything is written; a token's copy never changes).

        Raises:
            NotFound: no such token.
            Refused: the directive or the body named is not the token's.
        """
        with self.kho.engine.connect() as conn:
            found = conn.execute(_XAC_NHAN.tim["token"], {"ten": "", "token": ma_xac_nhan}).all()
            if len(found) != 1:
                raise NotFound("acknowledgement token", ma_xac_nhan)
            van_ban_id, ma, so = found[0].van_ban_id, found[0].ma_co_quan, found[0].so_ky_hieu
            if khoa:
                try:
                    named = tim_id_van_ban(conn, khoa)
                except NotFound:
                    named = None
                if named != van_ban_id:
                    raise Refused(
                        f"token '{ma_xac_nhan}'",
                        f"is the copy of {so or f'#{van_ban_id}'} for '{ma}', not of '{khoa}'",
                    )
            if ma_co_quan and ma_co_quan != ma:
                raise Refused(
                    f"token '{ma_xac_nhan}'",
                    f"is the copy of {so or f'#{van_ban_id}'} for '{ma}', not for '{ma_co_quan}'",
                )

    def _xac_nhan_mot_cau(
        self,
        kind: str,
        params: dict[str, Any],
        now: dt.datetime,
        doc: Callable[[Connection], KetQuaXacNhan | _GhiXacNhan],
    ) -> KetQuaXacNhan:
        """PostgreSQL: the acknowledgement in one statement; a refusal judged from the copy
        read again."""
        viet_nam = gio_viet_nam(now)
        assert viet_nam is not None
        params = params | {"luc": utc(now), "nguong": utc(nguong_tre(viet_nam))}
        with self.kho.tu_dong.connect() as c:
            row = _XAC_NHAN.mot_cau[kind].mot_dong(c, params)
            if row is not None:
                van_ban_id, ma, so, late = row
                return KetQuaXacNhan(so or f"#{van_ban_id}", ma, now, late, False)
            # Nothing written: read the copy as it is now to say why (or that it was given).
            step = doc(c)
            if isinstance(step, KetQuaXacNhan):
                return step
            raise step.xung_dot()

    def _buoc_xac_nhan(
        self,
        found: Sequence[Any],
        ten_nguoi: str,
        now: dt.datetime,
        khoa: str | None,
        ma_co_quan: str | None,
        ma_xac_nhan: str | None,
        conn: Connection,
    ) -> KetQuaXacNhan | _GhiXacNhan:
        """Judge an acknowledgement from the row read: refuse it, report it as already given,
        or say what to write. ``conn`` is the connection the row was read on (a lookup that
        explains a refusal reads there, inside the caller's transaction if it holds one)."""
        if len(found) != 1:
            if ma_xac_nhan:
                raise NotFound("acknowledgement token", ma_xac_nhan)
            tim_id_van_ban(conn, khoa or "")  # NotFound, or several directives by that name
            raise Refused(f"'{ma_co_quan}'", f"is not a recipient of {khoa}")
        rid, van_ban_id, ma, tu_text, sent, received, late, vb_state, so, role, acts_for = found[0]
        so = so or f"#{van_ban_id}"
        if vb_state == TrangThaiVanBan.thu_hoi.value:
            raise Refused(so, "has been recalled (thu hồi); nothing to acknowledge")
        if role is None:
            raise NotFound("user", ten_nguoi)
        vai_tro = VaiTro(role)
        if vai_tro is VaiTro.don_vi_nhan and acts_for != ma:
            raise Refused(f"user '{ten_nguoi}'", f"acts for '{acts_for}', not for '{ma}'")
        _vai_tro_duoc(SuKienNoiNhan.xac_nhan, ten_nguoi, vai_tro, so, ma, tu_text)
        if tu_text in DA_NHAN and received is not None:
            when = gio_viet_nam(received)
            assert when is not None
            return KetQuaXacNhan(so, ma, when, late, True)
        tu = TrangThaiNoiNhan(tu_text)
        den = chuyen_noi_nhan(tu, SuKienNoiNhan.xac_nhan, vai_tro)
        sent_at = gio_viet_nam(sent)
        # A clock set before the sending (VANTHU_NOW) cannot make a receipt late.
        late = sent_at is not None and now >= sent_at and nhan_tre(sent_at, now)
        return _GhiXacNhan(
            rid,
            van_ban_id,
            tu.value,
            den.value,
            ten_nguoi,
            now,
            KetQuaXacNhan(so, ma, now, late, False),
        )

    @staticmethod
    def _vai_tro_cho(s: Session, ten_nguoi: str, ma_co_quan: str) -> VaiTro:
        """The actor's role; a recipient body's user may act only for its own body."""
        user = s.execute(
            select(NguoiDung.vai_tro, NguoiDung.ma_co_quan).where(NguoiDung.ten == ten_nguoi)
        ).first()
        if user is None:
            raise NotFound("user", ten_nguoi)
        role = VaiTro(user[0])
        if role is VaiTro.don_vi_nhan and user[1] != ma_co_quan:
            raise Refused(f"user '{ten_nguoi}'", f"acts for '{user[1]}', not for '{ma_co_quan}'")
        return role

    # -- reports ---------------------------------------------------------------------------

    def _noi_nhan_hanh_dong(
        self, s: Session, ten_nguoi: str, khoa: str, ma_co_quan: str
    ) -> tuple[VanBanLuu, NoiNhanVanBan, VaiTro]:
        """The directive, its recipient row (locked: a second request at once waits and sees
        the first) and the actor's role, for an event a body sends back.

        Raises:
            Refused: not a recipient, a recalled directive, or a user acting for another body.
        """
        row = tim_van_ban(s, khoa)
        recipient = s.scalars(
            select(NoiNhanVanBan)
            .where(NoiNhanVanBan.van_ban_id == row.id, NoiNhanVanBan.ma_co_quan == ma_co_quan)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).first()
        if recipient is None:
            raise Refused(f"'{ma_co_quan}'", f"is not a recipient of {row.so_ky_hieu or khoa}")
        if row.trang_thai == TrangThaiVanBan.thu_hoi.value:
            raise Refused(f"{row.so_ky_hieu}", "has been recalled (thu hồi)")
        return row, recipient, self._vai_tro_cho(s, ten_nguoi, ma_co_quan)

    def tu_choi(self, ten_nguoi: str, khoa: str, ma_co_quan: str, ly_do: str) -> None:
        """Record that a body sent a directive back as misaddressed (gửi nhầm), with the reason.

        Raises:
            Refused: not a recipient, a recalled directive, or a user acting for another body.
            TransitionRefused: not sent yet, already acknowledged, or no reason given.
        """
        ma_co_quan, ly_do = tham_so.ma(ma_co_quan), tham_so.ly_do(ly_do) or ""
        now = self.dong_ho()
        with self.kho.giao_dich() as s:
            row, recipient, role = self._noi_nhan_hanh_dong(s, ten_nguoi, khoa, ma_co_quan)
            tu = TrangThaiNoiNhan(recipient.trang_thai)
            den = chuyen_noi_nhan(tu, SuKienNoiNhan.tu_choi, role, ly_do)
            recipient.trang_thai = den.value
            recipient.ly_do = ly_do
            ghi_nhat_ky(
                s,
                row.id,
                f"noi_nhan:{row.id}:{ma_co_quan}",
                "tu_choi",
                ten_nguoi,
                now,
                tu=tu.value,
                den=den.value,
                ly_do=ly_do,
            )

    def bao_cao(
        self,
        ten_nguoi: str,
        khoa: str,
        ma_co_quan: str,
        so_ky_hieu_tra_loi: str,
        tep: Path | None = None,
    ) -> BaoCaoNhan:
        """Store a report sent back by a body against the directive's tasks (hashed file).

        The report counts for every task of the directive assigned to that body.

        Raises:
            InvalidSetting: a reply number or a file out of ``tham_so``'s limits.
        """
        ma_co_quan = tham_so.ma(ma_co_quan)
        so_ky_hieu_tra_loi = tham_so.so_tra_loi(so_ky_hieu_tra_loi)
        tep = None if tep is None else tham_so.tep_bao_cao(tep)
        now = self.dong_ho()
        with self.kho.giao_dich() as s:
            row, recipient, role = self._noi_nhan_hanh_dong(s, ten_nguoi, khoa, ma_co_quan)
            tu = TrangThaiNoiNhan(recipient.trang_thai)
            _vai_tro_duoc(
                SuKienNoiNhan.bao_cao, ten_nguoi, role, row.so_ky_hieu or khoa, ma_co_quan, tu
            )
            den = (
                chuyen_noi_nhan(tu, SuKienNoiNhan.bao_cao, role)
                if tu is not TrangThaiNoiNhan.da_bao_cao
                else tu
            )
            stored, digest = None, None
            if tep is not None:
                if not tep.is_file():
                    raise NotFound("report file", str(tep))
                name = ten_an_toan(f"{so_ky_hieu_tra_loi}{tep.suffix}", "report number")
                stored_path = trong_goc(
                    thu_muc_van_ban(row),
                    ten_an_toan(ma_co_quan, "directory code"),
                    "bao-cao",
                    name,
                )
                content = tep.read_bytes()
                ghi_nguyen_tu(stored_path, content)
                stored, digest = str(stored_path), hashlib.sha256(content).hexdigest()
            tasks = s.scalars(
                select(NhiemVu.id)
                .join(NhiemVuCoQuan, NhiemVuCoQuan.nhiem_vu_id == NhiemVu.id)
                .where(NhiemVu.van_ban_id == row.id, NhiemVuCoQuan.ma_co_quan == ma_co_quan)
            ).all()
            report = BaoCaoNhan(
                van_ban_id=row.id,
                nhiem_vu_id=tasks[0] if len(tasks) == 1 else None,
                ma_co_quan=ma_co_quan,
                so_ky_hieu_tra_loi=so_ky_hieu_tra_loi,
                tep=stored,
                sha256=digest,
                luc=utc(now),
            )
            s.add(report)
            if recipient.nhan_luc is None:
                recipient.nhan_luc = utc(now)  # a report is also proof of receipt
            recipient.trang_thai = den.value
            recipient.bao_cao_luc = utc(now)
            ghi_nhat_ky(
                s,
                row.id,
                f"noi_nhan:{row.id}:{ma_co_quan}",
                "bao_cao",
                ten_nguoi,
                now,
                tu=tu.value,
                den=den.value,
                so_ky_hieu_tra_loi=so_ky_hieu_tra_loi,
                sha256=digest,
            )
            return report

    # -- status and follow-up --------------------------------------------------------------

    def trang_thai(self, khoa: str) -> BangTrangThai:
        """The per-recipient status table of one directive (plain columns: one query each)."""
        today = self.dong_ho().date()
        nn = NoiNhanVanBan
        with self.kho.giao_dich() as s:
            van_ban_id = tim_id_van_ban(s, khoa)
            head = s.execute(
                select(VanBanLuu.so_ky_hieu, VanBanLuu.trich_yeu, VanBanLuu.trang_thai).where(
                    VanBanLuu.id == van_ban_id
                )
            ).one()
            overdue = {v.ma_co_quan for v in self._qua_han(s, today, van_ban_id)}
            lines = [
                DongTrangThai(
                    ma=ma,
                    ten=ten,
                    trang_thai=TrangThaiNoiNhan(state),
                    gui_luc=gio_viet_nam(sent),
                    nhan_luc=gio_viet_nam(received),
                    tre=late,
                    bao_cao_luc=gio_viet_nam(reported),
                    qua_han=ma in overdue,
                )
                for ma, ten, state, sent, received, late, reported in s.execute(
                    select(
                        nn.ma_co_quan,
                        CoQuan.ten_ngan,
                        nn.trang_thai,
                        nn.gui_luc,
                        nn.nhan_luc,
                        nn.tre,
                        nn.bao_cao_luc,
                    )
                    .join(CoQuan, CoQuan.ma == nn.ma_co_quan)
                    .where(nn.van_ban_id == van_ban_id)
                    .order_by(nn.id)
                )
            ]
            return BangTrangThai(
                head[0] or f"#{van_ban_id}", head[1], TrangThaiVanBan(head[2]), lines
            )

    def qua_han(self, khoa: str | None = None) -> list[ViecQuaHan]:
        """Every body that owes a report on a task past its deadline (of one directive, or all)."""
        today = self.dong_ho().date()
        with self.kho.giao_dich() as s:
            van_ban_id = tim_id_van_ban(s, khoa) if khoa else None
            return self._qua_han(s, today, van_ban_id)

    @staticmethod
    def _qua_han(s: Session, today: dt.date, van_ban_id: int | None) -> list[ViecQuaHan]:
        """Overdue (task, body) pairs without a report from that body on that directive."""
        reported = exists().where(
            BaoCaoNhan.van_ban_id == NhiemVu.van_ban_id,
            BaoCaoNhan.ma_co_quan == NhiemVuCoQuan.ma_co_quan,
        )
        query = (
            select(
                NhiemVu.id,
                NhiemVu.mo_ta,
                NhiemVu.han,
                NhiemVuCoQuan.ma_co_quan,
                CoQuan.ten_ngan,
                VanBanLuu.id,
                VanBanLuu.so_ky_hieu,
            )
            .join(NhiemVuCoQuan, NhiemVuCoQuan.nhiem_vu_id == NhiemVu.id)
            .join(CoQuan, CoQuan.ma == NhiemVuCoQuan.ma_co_quan)
            .join(VanBanLuu, VanBanLuu.id == NhiemVu.van_ban_id)
            .where(
                NhiemVu.han < today,
                NhiemVu.can_bao_cao.is_(True),
                VanBanLuu.trang_thai.in_(
                    [TrangThaiVanBan.da_phat_hanh.value, TrangThaiVanBan.dang_theo_doi.value]
                ),
                ~reported,
            )
            .order_by(NhiemVu.han, NhiemVu.id, NhiemVuCoQuan.ma_co_quan)
        )
        if van_ban_id is not None:
            query = query.where(NhiemVu.van_ban_id == van_ban_id)
        return [
            ViecQuaHan(so or f"#{vid}", vid, tid, mo_ta, han, ma, ten, (today - han).days)
            for tid, mo_ta, han, ma, ten, vid, so in s.execute(query)
        ]
