"""The directive lifecycle as use cases: draft, submit, return, approve, issue, recall, complete.

Each use case is one transaction: the actor's role is checked by the workflow table, the state
change is written only if the stored state is still the one read (else ConcurrentChange), and
the event goes into the log (nhật ký) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..delivery.duong_dan import nam_trong, ten_an_toan, trong_goc
from ..delivery.ghi_tep import (
    BanTam,
    ThongBaoTam,
    dat_tam,
    diem_dung,
    hoan_tat_ban_hanh,
    loi_ghi,
    sha256,
)
from ..delivery.thu import KENH_THU, PhienThu, ThuThuHoi, cau_hinh_thu, soan_thu_thu_hoi
from ..errors import InvalidDirective, OutputError, Problem, Refused, TransitionRefused
from ..reading import tham_so
from ..reading.cau_hinh import CauHinh
from ..reading.tham_so import khoa_van_ban
from ..reading.van_ban import doc_van_ban
from ..rendering.loi_van import ten_van_ban, thong_bao_thu_hoi
from ..rendering.ngay_thang import ngay_vn
from ..schemas import VanBan
from ..storage import Session, SessionOrConnection, Store
from ..storage.bang import VanBanRow
from ..storage.danh_ba import kiem_tra_danh_ba, ma_co_quan_nhiem_vu, nguoi_dung
from ..storage.so_dang_ky import ghi_dong_so_dang_ky, giu_so_moi, lay_so_moi
from ..storage.van_ban import (
    dia_chi_da_gui,
    doi_trang_thai,
    dong_nhat_ky,
    ghi_dong_nhat_ky,
    ghi_nhiem_vu,
    id_van_ban,
    noi_nhan_da_gui,
    payload_cua,
    ten_co_quan,
    tep_da_ban_hanh,
    them_du_thao,
    trung_so_ky_hieu,
    van_ban_cua,
    van_ban_theo_khoa,
)
from ..workflow import SuKienVanBan, TrangThaiVanBan, VaiTro, chuyen_van_ban
from .clock import Clock, bay_gio
from .ket_xuat import renderer
from .kiem_tra import kiem_tra_van_ban

THU_MUC_MAC_DINH = Path("output")


def tim_id_van_ban(s: SessionOrConnection, khoa: str) -> int:
    """The id of the directive a person named: by id ("7" or "#7") or by number and symbol
    ("18/CĐ-UBND").

    Raises:
        InvalidSetting: an empty key or one with a control character.
        NotFound: no such directive.
        Refused: the number and symbol name several (two years, or a secret register).
    """
    return id_van_ban(s, khoa_van_ban(khoa), khoa)


def tim_van_ban(s: Session, khoa: str, for_update: bool = False) -> VanBanRow:
    """The stored directive a person named (see :func:`tim_id_van_ban`); ``for_update`` locks
    its row until the transaction ends."""
    return van_ban_theo_khoa(s, khoa_van_ban(khoa), khoa, for_update)


@dataclass(frozen=True)
class KetQuaChuyen:
    """What a lifecycle use case did."""

    van_ban_id: int
    tu: TrangThaiVanBan | None
    den: TrangThaiVanBan
    so_ky_hieu: str | None = None
    tep: tuple[Path, ...] = ()
    thu_gui: int = 0  # recall notices mailed
    thu_loi: tuple[str, ...] = ()  # "<body>: <what the server said>" for each one not sent


class VongDoi:
    """The lifecycle use cases on one store, with one clock and one output folder."""

    def __init__(
        self,
        store: Store,
        thu_muc: Path = THU_MUC_MAC_DINH,
        clock: Clock = bay_gio,
        cau_hinh: CauHinh | None = None,
    ) -> None:
        self.store = store
        self.thu_muc = thu_muc
        self.clock = clock
        self.cau_hinh = cau_hinh or CauHinh()

    def soan_thao(
        self,
        ten_nguoi: str,
        data: dict[str, Any],
        nguon: str,
        vai_tro_duoc_soan: frozenset[VaiTro] | None = frozenset(
            {VaiTro.chuyen_vien, VaiTro.lanh_dao}
        ),
    ) -> KetQuaChuyen:
        """Store a new draft (dự thảo) from directive data; drafts carry no number or date.

        Raises:
            InvalidDirective: the data breaks a rule, or already carries a number.
        """
        now = self.clock()
        vb = doc_van_ban(data, nguon, now.date())
        kiem_tra_van_ban(vb, nguon)  # what cannot be drawn is refused now, not at issue
        if vb.so is not None or vb.ngay is not None:
            raise InvalidDirective(
                nguon, [Problem("so", "a draft has no number or date: the văn thư issues it")]
            )
        with self.store.transaction() as s:
            user = nguoi_dung(s, ten_nguoi)
            if vai_tro_duoc_soan is not None and VaiTro(user.vai_tro) not in vai_tro_duoc_soan:
                raise Refused(f"user '{ten_nguoi}'", f"a {user.vai_tro} does not draft directives")
            kiem_tra_danh_ba(s, vb)  # an unknown body is caught now, not at issue time
            row = them_du_thao(s, vb, ten_nguoi, now)
            ghi_dong_nhat_ky(
                s,
                dong_nhat_ky(
                    row.id,
                    f"van_ban:{row.id}",
                    "soan_thao",
                    ten_nguoi,
                    now,
                    den=TrangThaiVanBan.du_thao.value,
                    nguon=nguon,
                ),
            )
            return KetQuaChuyen(row.id, None, TrangThaiVanBan.du_thao)

    def chuyen(
        self,
        ten_nguoi: str,
        khoa: str,
        su_kien: SuKienVanBan,
        ly_do: str | None = None,
        thay_bang: str | None = None,
    ) -> KetQuaChuyen:
        """Fire a lifecycle event (ban_hanh is delegated to :meth:`ban_hanh`).

        ``thay_bang`` names the newer, issued directive that replaces this one (thay_the).
        A recall (thu_hoi) also tells every body it was sent to, in its folder and the log.

        The recall notices are written in a scratch folder before the commit (a folder that cannot
        be written refuses the recall) and renamed into place after it: a recall that did not
        happen is announced nowhere.

        Raises:
            TransitionRefused, NotFound, ConcurrentChange, Refused.
            OutputError: a notice cannot be written (the recall is then not made), or, after the
                recall is committed, cannot be put in place (said in the message).
        """
        if su_kien is SuKienVanBan.ban_hanh:
            return self.ban_hanh(ten_nguoi, khoa)
        ly_do = tham_so.ly_do(ly_do)
        now = self.clock()
        notices = ThongBaoTam()
        try:
            result, mails = self._chuyen(ten_nguoi, khoa, su_kien, ly_do, thay_bang, now, notices)
            try:
                notices.dat_vao_cho()
            except OutputError as error:
                raise OutputError(
                    error.path, f"{error.detail}; the recall of {result.so_ky_hieu} is made"
                ) from None
        finally:
            notices.close()
        if not mails:
            return result
        sent, failed = self._gui_thu_thu_hoi(mails, result.van_ban_id, ten_nguoi, now)
        return replace(result, thu_gui=sent, thu_loi=failed)

    def _chuyen(
        self,
        ten_nguoi: str,
        khoa: str,
        su_kien: SuKienVanBan,
        ly_do: str | None,
        thay_bang: str | None,
        now: dt.datetime,
        notices: ThongBaoTam,
    ) -> tuple[KetQuaChuyen, list[ThuThuHoi]]:
        """One lifecycle transaction; the recall notices written are added to ``notices``."""
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa, for_update=True)
            user = nguoi_dung(s, ten_nguoi)
            tu = TrangThaiVanBan(row.trang_thai)
            den = chuyen_van_ban(
                tu, su_kien, VaiTro(user.vai_tro), ly_do, ten=_ai_tren(ten_nguoi, row)
            )
            _kiem_tra_nguoi_soan(row, su_kien, ten_nguoi, user.vai_tro)
            if su_kien is SuKienVanBan.duyet:  # the directory may have changed since the draft
                kiem_tra_danh_ba(s, van_ban_cua(row, now.date()))
            extra: dict[str, Any] = {"ly_do": ly_do} if ly_do else {}
            values: dict[str, Any] = dict(extra)
            if su_kien is SuKienVanBan.thay_the:
                newer = self._van_ban_thay(s, row, thay_bang)
                values["thay_the_boi"] = newer.id
                extra["thay_bang"] = newer.so_ky_hieu
            doi_trang_thai(s, row, den, now, **values)
            mails: list[ThuThuHoi] = []
            if su_kien is SuKienVanBan.thu_hoi:
                mails = self._bao_thu_hoi(s, row, ten_nguoi, now, ly_do or "", notices)
            ghi_dong_nhat_ky(
                s,
                dong_nhat_ky(
                    row.id,
                    f"van_ban:{row.id}",
                    su_kien.value,
                    ten_nguoi,
                    now,
                    tu=tu.value,
                    den=den.value,
                    **extra,
                ),
            )
            return KetQuaChuyen(row.id, tu, den, row.so_ky_hieu), mails

    def _gui_thu_thu_hoi(
        self, mails: list[ThuThuHoi], van_ban_id: int, ten_nguoi: str, now: dt.datetime
    ) -> tuple[int, tuple[str, ...]]:
        """Mail the recall notice to every body that was mailed the directive, after the
        recall is committed (a refused mail never undoes it); each outcome is logged."""
        config = cau_hinh_thu()
        if config is None:
            return 0, tuple(f"{m.ma_co_quan}: e-mail is not configured" for m in mails)
        outcomes: list[tuple[ThuThuHoi, str | None]] = []
        with PhienThu(config) as session:
            for mail in mails:
                try:
                    outcomes.append((mail, session.gui(soan_thu_thu_hoi(mail, config))))
                except ValueError as error:
                    outcomes.append((mail, str(error)))
        with self.store.transaction() as s:
            ghi_dong_nhat_ky(
                s,
                *(
                    dong_nhat_ky(
                        van_ban_id,
                        f"noi_nhan:{van_ban_id}:{mail.ma_co_quan}",
                        "bao_thu_hoi_thu" if loi is None else "bao_thu_hoi_thu_loi",
                        ten_nguoi,
                        now,
                        dia_chi=mail.dia_chi,
                        **({"loi": loi} if loi else {}),
                    )
                    for mail, loi in outcomes
                ),
            )
        failed = tuple(f"{m.ma_co_quan}: {loi}" for m, loi in outcomes if loi)
        return len(outcomes) - len(failed), failed

    @staticmethod
    def _van_ban_thay(s: Session, row: VanBanRow, thay_bang: str | None) -> VanBanRow:
        """The directive that replaces ``row``: another one, of the same issuing body, issued
        on the same day or later and still in force (issued, distributed, followed up or
        completed; not recalled, not itself replaced).

        Raises:
            Refused: naming the replacing directive and the rule it breaks.
            NotFound: no such directive.
        """
        old = row.so_ky_hieu or f"#{row.id}"
        if not thay_bang or not thay_bang.strip():
            raise Refused(f"directive {old}", "name the directive that replaces it (--by)")
        newer = tim_van_ban(s, thay_bang)
        name = newer.so_ky_hieu or f"#{newer.id}"
        if newer.id == row.id:
            raise Refused(f"directive {old}", "cannot be replaced by itself")
        state = TrangThaiVanBan(newer.trang_thai)
        if state not in CON_HIEU_LUC or newer.ngay is None:
            raise Refused(
                f"directive {name}",
                f"is {state.label} ({state.value}); only an issued directive in force "
                f"replaces {old}",
            )
        if _co_quan_ban_hanh(newer) != _co_quan_ban_hanh(row):
            raise Refused(
                f"directive {name}",
                f"is issued by another body than {old}; only the issuing body replaces its own",
            )
        if row.ngay is not None and newer.ngay < row.ngay:
            raise Refused(
                f"directive {name}",
                f"was issued on {ngay_vn(newer.ngay)}, before {old} ({ngay_vn(row.ngay)})",
            )
        return newer

    def _bao_thu_hoi(
        self,
        s: Session,
        row: VanBanRow,
        ten_nguoi: str,
        now: dt.datetime,
        ly_do: str,
        notices: ThongBaoTam,
    ) -> list[ThuThuHoi]:
        """Tell every body the directive was sent to that it is recalled (Decree 30, Art. 18.4):
        a notice for its folder (staged in ``notices``), and the mails to send once the
        recall is committed.

        Raises:
            Refused: a body's code cannot name a folder; OutputError: a notice cannot be written
                (or would leave the directive's folder). The recall is then not made.
        """
        if not (row.so_ky_hieu and row.nam and row.ngay):
            return []
        folder = nam_trong(self.thu_muc, thu_muc_van_ban(row))
        title = ten_van_ban(row.loai, row.so_ky_hieu, row.ngay)
        notice = thong_bao_thu_hoi(title, now.date(), ly_do)
        recipients = noi_nhan_da_gui(s, row.id)
        mailed = dia_chi_da_gui(s, row.id, KENH_THU)
        names = ten_co_quan(s) if mailed else {}
        issuer = " ".join(van_ban_cua(row, now.date()).co_quan.split())
        mails: list[ThuThuHoi] = []
        lines: list[dict[str, Any]] = []
        for recipient in recipients:
            code = ten_an_toan(recipient.ma_co_quan, "directory code")
            target = trong_goc(folder, code)
            path = trong_goc(folder, code, "THU-HOI.txt")
            notices.them(folder, path, notice.encode("utf-8"))
            if recipient.id in mailed:
                mails.append(
                    ThuThuHoi(
                        ma_co_quan=recipient.ma_co_quan,
                        dia_chi=mailed[recipient.id],
                        co_quan_nhan=names.get(recipient.ma_co_quan, recipient.ma_co_quan),
                        co_quan_gui=issuer,
                        van_ban=title,
                        ma_theo_doi=recipient.ma_theo_doi,
                        ma_xac_nhan=recipient.ma_xac_nhan,
                        thong_bao=notice,
                        luc=now,
                    )
                )
            lines.append(
                dong_nhat_ky(
                    row.id,
                    f"noi_nhan:{row.id}:{recipient.ma_co_quan}",
                    "bao_thu_hoi",
                    ten_nguoi,
                    now,
                    dia_chi=str(target),
                )
            )
        ghi_dong_nhat_ky(s, *lines)
        return mails

    def ban_hanh(self, ten_nguoi: str, khoa: str) -> KetQuaChuyen:
        """Issue (ban hành): take the next register number and today's date, render DOCX and PDF
        once, freeze them with their SHA-256, and write the register line — one transaction.

        No numbered file reaches its issued place without its register row (the protocol is in
        :mod:`.ghi_tep`): the files are staged before the commit and moved into place after it.
        If anything fails before the commit, the number is not consumed and nothing is left on
        disk; staged issues of a process that died are finished or dropped first.

        Raises:
            OutputError: the output folder cannot be written (nothing stored changed), or the
                issue is committed but its files could not be moved into place yet (the next
                issue or distribution does it).
        """
        hoan_tat_cac_ban_hanh(self.store, self.thu_muc)
        staged: list[BanTam] = []
        body_done = False
        try:
            with self.store.transaction() as s:
                result = self._ban_hanh(s, ten_nguoi, khoa, staged)
                diem_dung("ban_hanh:truoc_commit")
                body_done = True
        except BaseException:
            for ban in staged:
                # Rolled back for certain: drop the files. A failing COMMIT may still have
                # reached the store: leave them to the next run, which asks the store.
                ban.tha_khoa() if body_done else ban.huy()
            raise
        diem_dung("ban_hanh:da_commit")
        for ban in staged:
            try:
                ban.cong_bo()
            except OutputError as error:
                raise OutputError(
                    error.path,
                    f"{error.detail}; {result.so_ky_hieu} is issued, and its files are put in "
                    "place by the next issue or distribute",
                ) from None
        return result

    def _ban_hanh(
        self, s: Session, ten_nguoi: str, khoa: str, staged: list[BanTam]
    ) -> KetQuaChuyen:
        now = self.clock()
        row = tim_van_ban(s, khoa, for_update=True)
        user = nguoi_dung(s, ten_nguoi)
        tu = TrangThaiVanBan(row.trang_thai)
        den = chuyen_van_ban(tu, SuKienVanBan.ban_hanh, VaiTro(user.vai_tro))
        ngay = now.date()
        draft = van_ban_cua(row, ngay)
        kiem_tra_danh_ba(s, draft)  # the directory may have changed since the draft
        kiem_tra_van_ban(draft, f"directive #{row.id}")  # before a number is taken
        register = self.cau_hinh.so_dang_ky_cua(draft)
        so = lay_so_moi(s, register, ngay.year)
        data = payload_cua(draft) | {"so": so, "ngay": ngay.isoformat()}
        data.pop("nam", None)
        vb = doc_van_ban(data, f"directive #{row.id}", ngay)
        assert vb.so_ky_hieu is not None
        twins = trung_so_ky_hieu(s, ngay.year, vb.so_ky_hieu)
        files, digests = self._dong_bang(vb, ngay, row.id, bool(twins), staged)
        ghi_dong_so_dang_ky(s, register, so, ngay, row.id)
        doi_trang_thai(
            s,
            row,
            den,
            now,
            so=so,
            nam=ngay.year,
            ngay=ngay,
            so_ky_hieu=vb.so_ky_hieu,
            payload=payload_cua(vb),
            docx_sha256=digests[0],
            pdf_sha256=digests[1],
            docx_duong_dan=str(files[0]),
            pdf_duong_dan=str(files[1]),
        )
        self._ghi_nhiem_vu(s, row.id, vb)
        ghi_dong_nhat_ky(
            s,
            dong_nhat_ky(
                row.id,
                f"van_ban:{row.id}",
                "ban_hanh",
                ten_nguoi,
                now,
                tu=tu.value,
                den=den.value,
                so=so,
                so_ky_hieu=vb.so_ky_hieu,
                so_dang_ky=register,
                docx_sha256=digests[0],
                pdf_sha256=digests[1],
                # Decree 30 PL VI: warn the văn thư of a duplicate number and symbol.
                **({"canh_bao_trung": [f"#{i}" for i in twins]} if twins else {}),
            ),
        )
        return KetQuaChuyen(row.id, tu, den, vb.so_ky_hieu, tuple(files))

    def _dong_bang(
        self, vb: VanBan, ngay: dt.date, van_ban_id: int, trung: bool, staged: list[BanTam]
    ) -> tuple[list[Path], list[str]]:
        """Render the issued directive once and stage it for output/<year>/<số ký hiệu>/.

        Returns:
            The DOCX's and PDF's issued places and their SHA-256; the staged files are added to
            ``staged`` (moved into place by the caller once the issue is committed).
        """
        assert vb.so_ky_hieu is not None
        # output/<year>/<số ký hiệu>/; a repeated number and symbol (a separate register) gets
        # its own folder so that no issued original is ever overwritten.
        name = ten_an_toan(vb.so_ky_hieu, "symbol")
        folder_name = name + (f"-{van_ban_id}" if trung else "")
        year = ten_an_toan(str(ngay.year), "year")
        docx = trong_goc(self.thu_muc, year, folder_name, f"{name}.docx")
        pdf = trong_goc(self.thu_muc, year, folder_name, f"{name}.pdf")
        try:
            # The issued PDF is the archive's: PDF/A-2b with the Phụ lục VI fields (#10).
            result = renderer().ket_xuat(vb, pdf_a=True, hom_nay=ngay)
        except OSError as error:  # the renderer's scratch files (fonts) on a full disk
            where = error.filename if isinstance(error.filename, str) else tempfile.gettempdir()
            raise loi_ghi(Path(where), error) from None
        assert result.docx is not None and result.pdf is not None
        staged.append(dat_tam(self.thu_muc, van_ban_id, {docx: result.docx, pdf: result.pdf}))
        return [docx, pdf], [sha256(result.docx), sha256(result.pdf)]

    @staticmethod
    def _ghi_nhiem_vu(s: Session, van_ban_id: int, vb: VanBan) -> None:
        """Record the tasks the directive assigns, with their bodies."""
        for task in vb.nhiem_vu:
            text = vb.noi_dung[task.doan - 1].tom_tat
            ghi_nhiem_vu(
                s,
                van_ban_id,
                task.doan,
                task.mo_ta or (text[:160] + ("…" if len(text) > 160 else "")),
                task.han,
                task.bao_cao,
                ma_co_quan_nhiem_vu(s, task.ma_co_quan, task.nhom),
            )


#: The states of a directive in force: issued and not recalled or replaced.
CON_HIEU_LUC = frozenset(
    {
        TrangThaiVanBan.da_ban_hanh,
        TrangThaiVanBan.da_phat_hanh,
        TrangThaiVanBan.dang_theo_doi,
        TrangThaiVanBan.hoan_thanh,
    }
)


def _co_quan_ban_hanh(row: VanBanRow) -> tuple[str, str]:
    """The issuing body of a stored directive (its parent body and its own), for comparing."""
    data = row.payload
    return tuple(  # type: ignore[return-value]
        " ".join(str(data.get(key) or "").split()).casefold()
        for key in ("co_quan_chu_quan", "co_quan")
    )


def _kiem_tra_nguoi_soan(
    row: VanBanRow, su_kien: SuKienVanBan, ten_nguoi: str, vai_tro: str
) -> None:
    """Who the draft belongs to: only its drafter submits it; its drafter never returns or
    approves it (another person must review what one person wrote).

    Raises:
        TransitionRefused: naming the user, the drafter and the rule.
    """
    if su_kien is SuKienVanBan.trinh and ten_nguoi != row.nguoi_soan:
        reason = f"only its drafter '{row.nguoi_soan}' submits it, not '{ten_nguoi}'"
    elif su_kien in (SuKienVanBan.duyet, SuKienVanBan.tra_lai) and ten_nguoi == row.nguoi_soan:
        reason = f"'{ten_nguoi}' drafted it; another lãnh đạo must review it"
    else:
        return
    raise TransitionRefused(
        _ai_tren(ten_nguoi, row), row.trang_thai, su_kien.value, vai_tro, reason, "actor"
    )


def _ai_tren(ten_nguoi: str, row: VanBanRow) -> str:
    """Who acts on which directive, as a refusal names them."""
    return f"user '{ten_nguoi}' on directive {row.so_ky_hieu or f'#{row.id}'}"


def giu_so(
    store: Store, ten_nguoi: str, so_dang_ky: str, ghi_chu: str, clock: Clock = bay_gio
) -> int:
    """Take a number for a document outside vanthu (a paper one signed in a hurry, say).

    Decree 30 leaves reservations to each office (spec §7). The number is never reused: if no
    document ever carries it, it stays in the register as a gap with this note.

    Raises:
        Refused: not a văn thư, no note, or a register name that is not "<issuer>:<name>".
    """
    ghi_chu = tham_so.ghi_chu(ghi_chu)
    if not ghi_chu:
        raise Refused("reserve", "say what the number is for (--note)")
    so_dang_ky = tham_so.so_dang_ky(so_dang_ky)
    now = clock()
    with store.transaction() as s:
        if VaiTro(nguoi_dung(s, ten_nguoi).vai_tro) is not VaiTro.van_thu:
            raise Refused(f"user '{ten_nguoi}'", "only a văn thư takes numbers")
        so = giu_so_moi(s, so_dang_ky, now.date(), ghi_chu.strip())
        ghi_dong_nhat_ky(
            s,
            dong_nhat_ky(
                None,
                f"so_dang_ky:{so_dang_ky}:{now.year}:{so}",
                "giu_so",
                ten_nguoi,
                now,
                ghi_chu=ghi_chu.strip(),
            ),
        )
        return so


def ten_tep(so_ky_hieu: str) -> str:
    """A file or folder name for a number and symbol: '18/CĐ-UBND' → '18-CĐ-UBND'.

    Raises:
        Refused: the text cannot name a file (see :func:`.duong_dan.ten_an_toan`).
    """
    return ten_an_toan(so_ky_hieu)


def hoan_tat_cac_ban_hanh(store: Store, goc: Path) -> list[Path]:
    """Finish the issues whose process died between its commit and moving its files into place,
    and drop the staged files of those that never committed (see :mod:`.ghi_tep`).

    Returns:
        The issued files moved into place.
    """

    def da_ghi(van_ban_id: int, hashes: Mapping[str, str]) -> bool:
        with store.transaction() as s:
            stored = tep_da_ban_hanh(s, van_ban_id)
        return stored is not None and stored == dict(hashes)

    return hoan_tat_ban_hanh(goc, da_ghi)


def thu_muc_van_ban(row: VanBanRow) -> Path:
    """Where an issued directive and its distribution live (the folder of its frozen PDF).

    Raises:
        Refused: the directive has not been issued.
    """
    if not row.pdf_duong_dan:
        raise Refused(row.so_ky_hieu or f"#{row.id}", "has not been issued yet")
    return Path(row.pdf_duong_dan).parent


__all__ = [
    "THU_MUC_MAC_DINH",
    "KetQuaChuyen",
    "VongDoi",
    "tim_van_ban",
]
