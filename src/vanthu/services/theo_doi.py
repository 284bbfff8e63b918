"""Tracking (theo dõi): acknowledgements, reports back, per-recipient status, overdue tasks."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..delivery.duong_dan import ten_an_toan, trong_goc
from ..delivery.ghi_tep import ghi_nguyen_tu
from ..errors import ConcurrentChange, NotFound, Refused, TransitionRefused
from ..reading import tham_so
from ..schemas.gio import gio_viet_nam, utc
from ..storage import Connection, Session, SessionOrConnection, Store
from ..storage import theo_doi as theo_doi_store
from ..storage.bang import BaoCaoNhan, NoiNhanVanBan, VanBanRow
from ..storage.danh_ba import vai_tro_nguoi_dung
from ..storage.theo_doi import DongNoiNhan, DongXacNhan, ViecQuaHan
from ..storage.van_ban import dong_nhat_ky, ghi_dong_nhat_ky
from ..workflow import (
    SuKienNoiNhan,
    TrangThaiNoiNhan,
    TrangThaiVanBan,
    VaiTro,
    chuyen_noi_nhan,
    nguong_tre,
    nhan_tre,
)
from ..workflow.xac_nhan import DIEU_KIEN_XAC_NHAN, vai_tro_duoc
from .clock import Clock, bay_gio
from .vong_doi import thu_muc_van_ban, tim_id_van_ban, tim_van_ban

#: States in which a copy counts as received (from the lifecycle table).
DA_NHAN = {t.value for t in DIEU_KIEN_XAC_NHAN.da_nhan}


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


def dong_trang_thai(r: DongNoiNhan, qua_han: bool) -> DongTrangThai:
    """A stored recipient as a line of the table (times in Vietnam time)."""
    return DongTrangThai(
        ma=r.ma,
        ten=r.ten,
        trang_thai=TrangThaiNoiNhan(r.trang_thai),
        gui_luc=gio_viet_nam(r.gui_luc),
        nhan_luc=gio_viet_nam(r.nhan_luc),
        tre=r.tre,
        bao_cao_luc=gio_viet_nam(r.bao_cao_luc),
        qua_han=qua_han,
    )


TU_CHOI = TrangThaiNoiNhan.tu_choi


def _chua_nhan(r: DongTrangThai) -> bool:
    """Sent, not acknowledged and not sent back as misaddressed."""
    return r.gui_luc is not None and r.nhan_luc is None and r.trang_thai is not TU_CHOI


#: Which recipients each total and each filter of the tracking table takes. The tracking page
#: counts and filters in SQL by the same rules (``storage.trang_theo_doi.DIEU_KIEN``, the same
#: keys); a property test holds the two equal.
DIEU_KIEN: dict[str, Callable[[DongTrangThai], bool]] = {
    "tat_ca": lambda r: True,
    "da_gui": lambda r: r.gui_luc is not None,
    "da_nhan": lambda r: r.nhan_luc is not None,
    "chua_nhan": _chua_nhan,
    "dung_han": lambda r: r.nhan_luc is not None and not r.tre,
    "nhan_tre": lambda r: r.tre,
    "da_bao_cao": lambda r: r.bao_cao_luc is not None,
    "qua_han": lambda r: r.qua_han,
    "tu_choi": lambda r: r.trang_thai is TU_CHOI,
}
#: The totals (``BangTrangThai.tong``) by the condition each counts (the recipients: all).
TONG = {
    "noi_nhan": "tat_ca",
    "da_gui": "da_gui",
    "da_nhan": "da_nhan",
    "nhan_tre": "nhan_tre",
    "da_bao_cao": "da_bao_cao",
    "qua_han": "qua_han",
    "chua_nhan": "chua_nhan",
    "tu_choi": "tu_choi",
}


def tong_tu_dem(dem: dict[str, int]) -> dict[str, int]:
    """The totals, from a count of every condition of :data:`DIEU_KIEN`."""
    return {name: dem[key] for name, key in TONG.items()}


@dataclass(frozen=True)
class BangTrangThai:
    """The per-recipient table of one directive, and its totals."""

    so_ky_hieu: str
    trich_yeu: str
    trang_thai: TrangThaiVanBan
    dong: list[DongTrangThai]

    def chua_nhan(self) -> list[DongTrangThai]:
        """Sent, not acknowledged and not sent back as misaddressed."""
        return [r for r in self.dong if _chua_nhan(r)]

    def dem(self) -> dict[str, int]:
        """How many recipients each condition of :data:`DIEU_KIEN` takes."""
        return {key: sum(1 for r in self.dong if keep(r)) for key, keep in DIEU_KIEN.items()}

    def tong(self) -> dict[str, int]:
        """Totals: recipients, sent, acknowledged, late, reported, overdue, not acknowledged,
        sent back as misaddressed."""
        return tong_tu_dem(self.dem())


def _vai_tro_duoc(
    su_kien: SuKienNoiNhan, ten_nguoi: str, vai_tro: VaiTro, so: str, ma: str, tu: str
) -> None:
    """The role may fire ``su_kien`` at all (also when it was done before and is repeated).

    Raises:
        TransitionRefused: the role is not one the recipient lifecycle table allows.
    """
    allowed = vai_tro_duoc(su_kien)
    if vai_tro not in allowed:
        raise TransitionRefused(
            f"người dùng '{ten_nguoi}' với {so} → {ma}",
            tu,
            su_kien.value,
            vai_tro.value,
            f"vai trò '{vai_tro.label}' không được làm; vai trò được làm: "
            + ", ".join(v.label for v in VaiTro if v in allowed),
            "actor",
        )


def _vai_tro_nguoi_thuc_hien(
    ten_nguoi: str, nguoi: tuple[VaiTro, str | None] | None, ma_co_quan: str
) -> VaiTro:
    """The actor's role, from the user read (role, body); a body's user (``DIEU_KIEN_XAC_NHAN.
    chi_co_quan_minh``) acts only for its own body.

    Raises:
        NotFound: no such user.
        Refused: a body's user acting for another body.
    """
    if nguoi is None:
        raise NotFound("user", ten_nguoi)
    vai_tro, thay_cho = nguoi
    if vai_tro is DIEU_KIEN_XAC_NHAN.chi_co_quan_minh and thay_cho != ma_co_quan:
        raise Refused(
            f"người dùng '{ten_nguoi}'", f"làm thay '{thay_cho}', không phải '{ma_co_quan}'"
        )
    return vai_tro


class TheoDoi:
    """Tracking use cases on one store."""

    def __init__(self, store: Store, clock: Clock = bay_gio) -> None:
        self.store = store
        self.clock = clock

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
        (The recipient's link, where the body itself acts: :meth:`xac_nhan_lien_ket`.)
        """
        now = self.clock()
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
            raise Refused("xác nhận", "hãy ghi văn bản và cơ quan, hoặc --token")

        def doc(conn: SessionOrConnection) -> KetQuaXacNhan | _GhiXacNhan:
            found = theo_doi_store.tim_xac_nhan(conn, kind, params)
            return self._buoc_xac_nhan(found, ten_nguoi, now, khoa, ma_co_quan, ma_xac_nhan, conn)

        if self.store.dialect == "postgresql":
            return self._xac_nhan_mot_cau(kind, params, now, doc)
        return self.store.ghi_chung(lambda conn: self._ghi(conn, doc(conn)))

    def xac_nhan_lien_ket(
        self,
        ma_theo_doi: str,
        ma_xac_nhan: str,
        kiem_tra: Callable[[DongXacNhan | None], DongXacNhan],
    ) -> KetQuaXacNhan:
        """Record a receipt by the recipient's link, as :meth:`xac_nhan` does, in one
        transaction (on PostgreSQL, one statement; on SQLite, one whose commit may be shared
        with other acknowledgements of the same moment: ``Store.ghi_chung``).

        The copy is read by its tracking code in the write's own transaction, and
        ``kiem_tra`` (the link's own rules: the token, a recall) judges the link on it before
        anything else is: it returns the copy or raises. The copy's body acts, as that body's
        user would; the log records ``lien-ket:<ma_theo_doi>``. On PostgreSQL the statement
        writes only if the link's token is the copy's (compared as digests, see
        ``storage.theo_doi``); when it writes nothing, the copy is read again and judged here.

        Raises:
            Whatever ``kiem_tra`` raises; TransitionRefused: not sent yet, or sent back as
            misaddressed.
        """
        now = self.clock()
        ten = f"lien-ket:{ma_theo_doi}"
        params = {"ma_theo_doi": ma_theo_doi, "token": ma_xac_nhan, "ten": ten}

        def doc(conn: SessionOrConnection) -> KetQuaXacNhan | _GhiXacNhan:
            found = theo_doi_store.tim_xac_nhan(conn, theo_doi_store.LIEN_KET, params)
            copy = kiem_tra(found[0] if len(found) == 1 else None)
            return self._buoc_xac_nhan([copy], ten, now, None, None, ma_xac_nhan, conn)

        if self.store.dialect == "postgresql":
            return self._xac_nhan_mot_cau(theo_doi_store.LIEN_KET, params, now, doc)
        return self.store.ghi_chung(lambda conn: self._ghi(conn, doc(conn)))

    @staticmethod
    def _ghi(conn: Connection, step: KetQuaXacNhan | _GhiXacNhan) -> KetQuaXacNhan:
        """Write an accepted acknowledgement (the receipt, guarded by the state read, and its
        log line) in the caller's transaction; one given before is only reported.

        Raises:
            ConcurrentChange: the state moved between the read and the write.
        """
        if isinstance(step, KetQuaXacNhan):
            return step
        if not theo_doi_store.ghi_xac_nhan(
            conn, step.rid, step.tu, step.den, utc(step.luc), step.ket_qua.tre
        ):
            raise step.xung_dot()
        ghi_dong_nhat_ky(
            conn,
            dong_nhat_ky(
                step.van_ban_id,
                step.doi_tuong,
                "xac_nhan",
                step.nguoi,
                step.luc,
                tu=step.tu,
                den=step.den,
                tre=step.ket_qua.tre,
            ),
        )
        return step.ket_qua

    def ban_sao_cua_ma(self, ma_xac_nhan: str) -> tuple[str, str]:
        """The copy a slip's token names: its directive's key (``#id``) and its body's code.

        Raises:
            NotFound: not a token, or no copy has it.
        """
        token = tham_so.ma_xac_nhan(ma_xac_nhan)
        with theo_doi_store.read_connection(self.store) as conn:
            found = theo_doi_store.tim_xac_nhan(conn, "token", {"ten": "", "token": token})
        if len(found) != 1:
            raise NotFound("acknowledgement token", token)
        return f"#{found[0].van_ban_id}", found[0].ma_co_quan

    def _ma_khop(self, ma_xac_nhan: str, khoa: str | None, ma_co_quan: str | None) -> None:
        """A token identifies one recipient's copy: a directive or a body named beside it must
        be that copy's (read before anything is written; a token's copy never changes).

        Raises:
            NotFound: no such token.
            Refused: the directive or the body named is not the token's.
        """
        with theo_doi_store.read_connection(self.store) as conn:
            found = theo_doi_store.tim_xac_nhan(conn, "token", {"ten": "", "token": ma_xac_nhan})
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
                        f"mã '{ma_xac_nhan}'",
                        f"là của bản {so or f'#{van_ban_id}'} gửi '{ma}', không phải của '{khoa}'",
                    )
            if ma_co_quan and ma_co_quan != ma:
                raise Refused(
                    f"mã '{ma_xac_nhan}'",
                    f"là của bản {so or f'#{van_ban_id}'} gửi '{ma}', "
                    f"không phải gửi '{ma_co_quan}'",
                )

    def _xac_nhan_mot_cau(
        self,
        kind: str,
        params: dict[str, Any],
        now: dt.datetime,
        doc: Callable[[SessionOrConnection], KetQuaXacNhan | _GhiXacNhan],
    ) -> KetQuaXacNhan:
        """PostgreSQL: the acknowledgement in one statement; a refusal judged from the copy
        read again."""
        viet_nam = gio_viet_nam(now)
        assert viet_nam is not None
        with theo_doi_store.autocommit_connection(self.store) as c:
            done = theo_doi_store.xac_nhan_mot_cau(
                c, kind, params, utc(now), utc(nguong_tre(viet_nam))
            )
            if done is not None:
                so = done.so_ky_hieu or f"#{done.van_ban_id}"
                return KetQuaXacNhan(so, done.ma_co_quan, now, done.tre, False)
            # Nothing written: read the copy as it is now to say why (or that it was given).
            step = doc(c)
            if isinstance(step, KetQuaXacNhan):
                return step
            raise step.xung_dot()

    def _buoc_xac_nhan(
        self,
        found: Sequence[DongXacNhan],
        ten_nguoi: str,
        now: dt.datetime,
        khoa: str | None,
        ma_co_quan: str | None,
        ma_xac_nhan: str | None,
        conn: SessionOrConnection,
    ) -> KetQuaXacNhan | _GhiXacNhan:
        """Judge an acknowledgement from the row read: refuse it, report it as already given,
        or say what to write. ``conn`` is the connection the row was read on (a lookup that
        explains a refusal reads there, inside the caller's transaction if it holds one)."""
        if len(found) != 1:
            if ma_xac_nhan:
                raise NotFound("acknowledgement token", ma_xac_nhan)
            tim_id_van_ban(conn, khoa or "")  # NotFound, or several directives by that name
            raise Refused(f"'{ma_co_quan}'", f"không phải nơi nhận của {khoa}")
        row = found[0]
        ma, tu_text, received = row.ma_co_quan, row.trang_thai, row.nhan_luc
        so = row.so_ky_hieu or f"#{row.van_ban_id}"
        if row.vb_trang_thai == DIEU_KIEN_XAC_NHAN.van_ban_closed.value:
            raise Refused(so, "đã bị thu hồi; không còn gì để xác nhận")
        nguoi = None if row.vai_tro is None else (VaiTro(row.vai_tro), row.thay_cho)
        vai_tro = _vai_tro_nguoi_thuc_hien(ten_nguoi, nguoi, ma)
        _vai_tro_duoc(SuKienNoiNhan.xac_nhan, ten_nguoi, vai_tro, so, ma, tu_text)
        if tu_text in DA_NHAN and received is not None:
            when = gio_viet_nam(received)
            assert when is not None
            return KetQuaXacNhan(so, ma, when, row.tre, True)
        tu = TrangThaiNoiNhan(tu_text)
        den = chuyen_noi_nhan(tu, SuKienNoiNhan.xac_nhan, vai_tro)
        sent_at = gio_viet_nam(row.gui_luc)
        # A clock set before the sending (VANTHU_NOW) cannot make a receipt late.
        late = sent_at is not None and now >= sent_at and nhan_tre(sent_at, now)
        return _GhiXacNhan(
            row.id,
            row.van_ban_id,
            tu.value,
            den.value,
            ten_nguoi,
            now,
            KetQuaXacNhan(so, ma, now, late, False),
        )

    # -- reports ---------------------------------------------------------------------------

    def _noi_nhan_nguoi_thuc_hien(
        self, s: Session, ten_nguoi: str, khoa: str, ma_co_quan: str, thay_co_quan: bool = False
    ) -> tuple[VanBanRow, NoiNhanVanBan, VaiTro]:
        """The directive, its recipient row (locked: a second request at once waits and sees
        the first) and the actor's role, for an event a body sends back (``thay_co_quan``: the
        body itself, by its link).

        Raises:
            Refused: not a recipient, a recalled directive, or a user acting for another body.
        """
        row = tim_van_ban(s, khoa)
        recipient = theo_doi_store.noi_nhan_for_update(s, row.id, ma_co_quan)
        if recipient is None:
            raise Refused(f"'{ma_co_quan}'", f"không phải nơi nhận của {row.so_ky_hieu or khoa}")
        if row.trang_thai == DIEU_KIEN_XAC_NHAN.van_ban_closed.value:
            raise Refused(f"{row.so_ky_hieu}", "đã bị thu hồi")
        actor = (
            (DIEU_KIEN_XAC_NHAN.chi_co_quan_minh, ma_co_quan)
            if thay_co_quan
            else vai_tro_nguoi_dung(s, ten_nguoi)
        )
        role = _vai_tro_nguoi_thuc_hien(ten_nguoi, actor, ma_co_quan)
        return row, recipient, role

    def tu_choi(self, ten_nguoi: str, khoa: str, ma_co_quan: str, ly_do: str) -> None:
        """Record that a body sent a directive back as misaddressed (gửi nhầm), with the reason.

        Raises:
            Refused: not a recipient, a recalled directive, or a user acting for another body.
            TransitionRefused: not sent yet, already acknowledged, or no reason given.
        """
        ma_co_quan, ly_do = tham_so.ma(ma_co_quan), tham_so.ly_do(ly_do) or ""
        now = self.clock()
        with self.store.transaction() as s:
            row, recipient, role = self._noi_nhan_nguoi_thuc_hien(s, ten_nguoi, khoa, ma_co_quan)
            tu = TrangThaiNoiNhan(recipient.trang_thai)
            den = chuyen_noi_nhan(tu, SuKienNoiNhan.tu_choi, role, ly_do)
            theo_doi_store.ghi_tu_choi(recipient, den.value, ly_do)
            ghi_dong_nhat_ky(
                s,
                dong_nhat_ky(
                    row.id,
                    f"noi_nhan:{row.id}:{ma_co_quan}",
                    "tu_choi",
                    ten_nguoi,
                    now,
                    tu=tu.value,
                    den=den.value,
                    ly_do=ly_do,
                ),
            )

    def bao_cao(
        self,
        ten_nguoi: str,
        khoa: str,
        ma_co_quan: str,
        so_ky_hieu_tra_loi: str,
        tep: Path | None = None,
        thay_co_quan: bool = False,
        duoi: str | None = None,
    ) -> BaoCaoNhan:
        """Store a report sent back by a body against the directive's tasks (hashed file).

        The report counts for every task of the directive assigned to that body.
        ``thay_co_quan``: the body itself acts (its link, proven by the caller); ``ten_nguoi``
        is then only the name the log records. ``duoi`` is the suffix the stored file takes
        (default: the given file's; the link gives the one the file's bytes say).

        Raises:
            InvalidSetting: a reply number or a file out of ``tham_so``'s limits.
        """
        ma_co_quan = tham_so.ma(ma_co_quan)
        so_ky_hieu_tra_loi = tham_so.so_tra_loi(so_ky_hieu_tra_loi)
        tep = None if tep is None else tham_so.tep_bao_cao(tep)
        now = self.clock()
        with self.store.transaction() as s:
            row, recipient, role = self._noi_nhan_nguoi_thuc_hien(
                s, ten_nguoi, khoa, ma_co_quan, thay_co_quan
            )
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
                name = ten_an_toan(f"{so_ky_hieu_tra_loi}{duoi or tep.suffix}", "report number")
                stored_path = trong_goc(
                    thu_muc_van_ban(row),
                    ten_an_toan(ma_co_quan, "directory code"),
                    "bao-cao",
                    name,
                )
                content = tep.read_bytes()
                ghi_nguyen_tu(stored_path, content)
                stored, digest = str(stored_path), hashlib.sha256(content).hexdigest()
            report = theo_doi_store.save_bao_cao(
                s, recipient, den.value, so_ky_hieu_tra_loi, stored, digest, utc(now)
            )
            ghi_dong_nhat_ky(
                s,
                dong_nhat_ky(
                    row.id,
                    f"noi_nhan:{row.id}:{ma_co_quan}",
                    "bao_cao",
                    ten_nguoi,
                    now,
                    tu=tu.value,
                    den=den.value,
                    so_ky_hieu_tra_loi=so_ky_hieu_tra_loi,
                    sha256=digest,
                ),
            )
            return report

    # -- status and follow-up --------------------------------------------------------------

    def trang_thai(self, khoa: str) -> BangTrangThai:
        """The per-recipient status table of one directive (plain columns: one query each)."""
        today = self.clock().date()
        with self.store.transaction() as s:
            van_ban_id = tim_id_van_ban(s, khoa)
            head = theo_doi_store.dau_van_ban(s, van_ban_id)
            overdue = {v.ma_co_quan for v in theo_doi_store.qua_han(s, today, van_ban_id)}
            lines = [
                dong_trang_thai(r, r.ma in overdue)
                for r in theo_doi_store.cac_noi_nhan(s, van_ban_id)
            ]
            return BangTrangThai(
                head.so_ky_hieu or f"#{van_ban_id}",
                head.trich_yeu,
                TrangThaiVanBan(head.trang_thai),
                lines,
            )

    def qua_han(self, khoa: str | None = None) -> list[ViecQuaHan]:
        """Every body that owes a report on a task past its deadline (of one directive, or all)."""
        today = self.clock().date()
        with self.store.transaction() as s:
            van_ban_id = tim_id_van_ban(s, khoa) if khoa else None
            return theo_doi_store.qua_han(s, today, van_ban_id)
