"""Copies (bản sao) of issued directives as a use case: number, render, freeze — one transaction.

A văn thư makes a sao y, sao lục or trích sao of a directive in force (issued, not recalled or
replaced), on paper (Mẫu 3.1: DOCX and PDF, the copy block under the copied text) or electronic
(Mẫu 3.2: a PDF with box 14, where the organisation's digital signature goes). The copy's number
comes from its body's copies' register, shared by the three forms and restarting each year, and
is taken in the same transaction as the copy's row and its register line: a copy never reuses a
number, and a failed copy consumes none. The files follow the issue's protocol (``ghi_tep``):
staged before the commit, moved into place after it, under ``<root>/<year>/<05-SY-UBND>/``.

A full copy (sao y, sao lục) is the directive rendered again from the register; before it is
frozen its pages are compared, text for text, with the issued PDF, so that a renderer changed
since the issue can never produce a "copy" that differs from the original.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..delivery.duong_dan import ten_an_toan, trong_goc
from ..delivery.ghi_tep import BanTam, dat_tam, diem_dung, hoan_tat_ban_hanh, sha256
from ..errors import InvalidSetting, OutputError, Refused, SigningFailed
from ..ky_so import (
    CauHinhKy,
    doc_cau_hinh_ky,
    kiem_tra_khoa,
    ky_hop_chu_co_quan,
    ngu_canh_tin_cay,
)
from ..rendering.ban_sao import KhungPdf, chu_cac_trang
from ..rendering.ngay_thang import ngay_thang_nam
from ..schemas import NguoiKy, VanBan
from ..schemas.ban_sao import BanSao, HinhThucSao
from ..storage import Session, Store
from ..storage.ban_sao import lay_so_ban_sao, tep_ban_sao, them_ban_sao
from ..storage.danh_ba import nguoi_dung
from ..storage.van_ban import dong_nhat_ky, ghi_dong_nhat_ky, van_ban_cua
from ..workflow import TrangThaiVanBan, VaiTro
from .clock import Clock, bay_gio
from .ket_xuat import renderer
from .vong_doi import CON_HIEU_LUC, THU_MUC_MAC_DINH, tim_van_ban

#: Where copies go under the output root: ``output/ban-sao/<year>/<05-SY-UBND>/``.
THU_MUC_BAN_SAO = "ban-sao"


@dataclass(frozen=True)
class KetQuaSao:
    """A copy made: its number, form, the directive it copies and its files.

    ``o_ky_so`` is box 14 of an electronic copy (page 1, PDF points, origin bottom left): where
    the organisation's signature is placed; None on paper.
    """

    ban_sao_id: int
    so_ky_hieu: str
    hinh_thuc: HinhThucSao
    van_ban: str
    dien_tu: bool
    tep: tuple[Path, ...]
    o_ky_so: KhungPdf | None
    ky_so: bool = False  # the organisation's digital signature is in box 14 (#10)


class SaoVanBan:
    """The copy use case on one store, clock and output root."""

    def __init__(
        self,
        store: Store,
        thu_muc: Path = THU_MUC_MAC_DINH,
        clock: Clock = bay_gio,
        cau_hinh_ky: Callable[[], CauHinhKy] | None = None,
    ) -> None:
        self.store = store
        self.thu_muc = thu_muc
        self.clock = clock
        self.cau_hinh_ky = cau_hinh_ky or doc_cau_hinh_ky

    def sao(
        self,
        ten_nguoi: str,
        khoa: str,
        hinh_thuc: HinhThucSao | str,
        muc: Sequence[int] = (),
        dien_tu: bool = False,
        noi_nhan: Sequence[str] = (),
        nguoi_ky: NguoiKy | Mapping[str, Any] | None = None,
        thu_muc: Path | None = None,
    ) -> KetQuaSao:
        """Make a copy of an issued directive (``khoa``: its number and symbol, or id).

        Args:
            hinh_thuc: sao_y, sao_luc or trich_sao.
            muc: a trích sao's body items, 1-based (required for it, refused for the others).
            dien_tu: an electronic copy (PDF with box 14) rather than a paper one.
            noi_nhan: the copy's recipients; '- Lưu: VT.' always closes the list.
            nguoi_ky: who signs the copy; by default the directive's signer (without images).
            thu_muc: the copies' root; ``<output root>/ban-sao`` by default.

        Raises:
            InvalidSetting: not a form vanthu knows.
            NotFound: no such directive or user.
            Refused: not a văn thư; the directive is not issued or no longer in force; items
                given to a full copy or none to a trích sao; the issued PDF is missing or no
                longer matches what vanthu renders.
            OutputError: the folder cannot be written (nothing stored changed), or the copy is
                committed but its files could not be moved into place yet.
        """
        form = hinh_thuc_sao(hinh_thuc)
        if form is not HinhThucSao.trich_sao and muc:
            raise Refused(
                f"{form.ten.lower()}", "sao toàn bộ văn bản: --items chỉ dùng cho trích sao"
            )
        signer = None if nguoi_ky is None else NguoiKy.model_validate(nguoi_ky)
        goc = thu_muc if thu_muc is not None else self.thu_muc / THU_MUC_BAN_SAO
        hoan_tat_cac_ban_sao(self.store, goc)
        staged: list[BanTam] = []
        body_done = False
        try:
            with self.store.transaction() as s:
                result = self._sao(
                    s, ten_nguoi, khoa, form, list(muc), dien_tu, noi_nhan, signer, goc, staged
                )
                diem_dung("ban_sao:truoc_commit")
                body_done = True
        except BaseException:
            for ban in staged:
                ban.tha_khoa() if body_done else ban.huy()
            raise
        for ban in staged:
            try:
                ban.cong_bo()
            except OutputError as error:
                raise OutputError(
                    error.path,
                    f"{error.detail}; bản sao {result.so_ky_hieu} đã được lập, các tệp của nó "
                    "sẽ được đặt vào chỗ ở lần sao tiếp theo",
                ) from None
        return result

    def _sao(
        self,
        s: Session,
        ten_nguoi: str,
        khoa: str,
        form: HinhThucSao,
        muc: list[int],
        dien_tu: bool,
        noi_nhan: Sequence[str],
        signer: NguoiKy | None,
        goc: Path,
        staged: list[BanTam],
    ) -> KetQuaSao:
        now = self.clock()
        row = tim_van_ban(s, khoa)
        if VaiTro(nguoi_dung(s, ten_nguoi).vai_tro) is not VaiTro.van_thu:
            raise Refused(f"người dùng '{ten_nguoi}'", "chỉ văn thư mới được lập bản sao")
        name = row.so_ky_hieu or f"#{row.id}"
        state = TrangThaiVanBan(row.trang_thai)
        if state not in CON_HIEU_LUC or row.so_ky_hieu is None:
            raise Refused(
                f"văn bản {name}",
                f"đang {state.label} ({state.value}); chỉ sao văn bản đã ban hành còn hiệu lực",
            )
        vb = van_ban_cua(row, now.date())
        # An electronic copy carries the organisation's signature when issuing signs (#10):
        # its key, trust and PIN are checked before the copy's number is taken.
        config = self.cau_hinh_ky() if dien_tu else None
        if config is not None and config.ky_khi_ban_hanh:
            kiem_tra_khoa(config, config.khoa_cua_co_quan(), ngu_canh_tin_cay(config))
        else:
            config = None
        signer = signer or vb.nguoi_ky.model_copy(
            update={"anh_chu_ky": None, "anh_con_dau": None, "duong_kinh_dau": None}
        )
        so = lay_so_ban_sao(s, vb.ky_hieu_co_quan, now.year)
        bs = BanSao(
            hinh_thuc=form,
            so=so,
            luc=now,
            co_quan=vb.co_quan,
            ky_hieu_co_quan=vb.ky_hieu_co_quan,
            dia_danh=vb.dia_danh,
            noi_nhan=list(noi_nhan),
            nguoi_ky=signer,
        )
        result = renderer().ket_xuat_ban_sao(
            vb, bs, dien_tu=dien_tu, muc=muc, o_ky_so_trong=config is not None
        )
        if form is not HinhThucSao.trich_sao:
            _kiem_tra_ban_goc(row.pdf_duong_dan, name, vb)
        copy_pdf = result.pdf
        if config is not None and result.o_ky_so is not None:
            copy_pdf = ky_o_14(copy_pdf, bs, result.o_ky_so, config)
        stem = ten_an_toan(bs.so_ky_hieu, "symbol")
        year = ten_an_toan(str(now.year), "year")
        files: dict[Path, bytes] = {}
        if result.docx is not None:
            files[trong_goc(goc, year, stem, f"{stem}.docx")] = result.docx
        files[trong_goc(goc, year, stem, f"{stem}.pdf")] = copy_pdf
        tep = {p.suffix[1:]: (str(p), sha256(data)) for p, data in files.items()}
        copy = them_ban_sao(
            s,
            ky_hieu_co_quan=vb.ky_hieu_co_quan,
            so=so,
            so_ky_hieu=bs.so_ky_hieu,
            hinh_thuc=form.value,
            dien_tu=dien_tu,
            van_ban_id=row.id,
            muc=sorted(set(muc)),
            payload=bs.model_dump(mode="json"),
            nguoi=ten_nguoi,
            luc=now,
            tep=tep,
            ghi_chu=f"{form.ten.capitalize()} {bs.so_ky_hieu} của {name}",
        )
        staged.append(dat_tam(goc, copy.id, files))
        chi_tiet: dict[str, Any] = {
            "so_ky_hieu": bs.so_ky_hieu,
            "hinh_thuc": form.value,
            "dien_tu": dien_tu,
            **({"ky_so": True} if config is not None else {}),
            **({"muc": sorted(set(muc))} if muc else {}),
            **{f"{k}_sha256": v[1] for k, v in tep.items()},
        }
        ghi_dong_nhat_ky(
            s, dong_nhat_ky(row.id, f"ban_sao:{copy.id}", "sao", ten_nguoi, now, **chi_tiet)
        )
        return KetQuaSao(
            copy.id,
            bs.so_ky_hieu,
            form,
            name,
            dien_tu,
            tuple(files),
            result.o_ky_so,
            config is not None,
        )


def ky_o_14(pdf: bytes, bs: BanSao, o: KhungPdf, cau_hinh: CauHinhKy) -> bytes:
    """An electronic copy signed by the organisation in box 14: the signature's text is the
    box's (the form and copying body, then the signing time, the copy's moment).

    Raises:
        InvalidSetting, SigningFailed: the organisation's key fails.
    """
    from ..rendering.ban_sao import dong_ky_so
    from ..rendering.fonts import mat_chu_pdf

    lines = [t.replace("%", "%%") for t in dong_ky_so(renderer().soan_bo_cuc, bs)[:-1]]
    face = dict(mat_chu_pdf().tep)[(False, False)]
    rect = (o.x0, o.y0, o.x1, o.y1)
    return ky_hop_chu_co_quan(pdf, cau_hinh, [*lines, "%(thoi_gian)s"], face, bs.luc, khung=rect)


def _kiem_tra_ban_goc(pdf_duong_dan: str | None, name: str, vb: VanBan) -> None:
    """A full copy must print what the issued PDF prints: compare their pages' text. A PDF its
    leader signed before the number prints its number and date in form fields over blank lines
    (:mod:`vanthu.ky_so.dien_so`): its pages are compared with the directive drawn blank, and
    the fields with the number and date lines.

    Raises:
        Refused: the issued PDF is missing, or the directive rendered now differs from it.
    """
    path = Path(pdf_duong_dan or "")
    try:
        issued = path.read_bytes()
    except OSError:
        raise Refused(f"văn bản {name}", f"không còn tệp PDF đã ban hành ({path})") from None
    filled = _o_da_dien(issued)
    drawn = vb
    if filled and vb.ngay is not None:
        lines = {
            "so_ky_hieu": f"Số: {vb.so_ky_hieu}",
            "ngay_ban_hanh": ngay_thang_nam(vb.dia_danh, vb.ngay, vb.ngay.year),
        }
        same = all(lines.get(ten) == text for ten, text in filled.items())
        drawn = vb.model_copy(update={"so": None, "ngay": None})
    else:
        same = True
    again = renderer().ket_xuat(drawn, docx=False, hom_nay=vb.ngay).pdf
    assert again is not None
    if not same or chu_cac_trang(issued) != chu_cac_trang(again):
        raise Refused(
            f"văn bản {name}",
            "dàn trang lại thì không còn in giống tệp PDF đã ban hành (bộ dàn trang đã đổi "
            "sau khi ban hành); bản sao toàn văn sẽ không đúng nguyên bản",
        )


def _o_da_dien(pdf: bytes) -> dict[str, str]:
    """The number and date fields filled in a PDF (none: an unsigned or older one)."""
    from .. import ky_so

    try:
        return ky_so.gia_tri_da_dien(pdf)
    except SigningFailed:
        return {}


def hinh_thuc_sao(text: HinhThucSao | str) -> HinhThucSao:
    """The copy form a person named.

    Raises:
        InvalidSetting: not sao_y, sao_luc or trich_sao.
    """
    try:
        return HinhThucSao(text)
    except ValueError:
        raise InvalidSetting(
            "--form",
            f"{str(text)[:20]!r} không phải hình thức sao: hãy ghi sao_y, sao_luc hoặc trich_sao",
        ) from None


def hoan_tat_cac_ban_sao(store: Store, goc: Path) -> list[Path]:
    """Finish the copies whose process died between its commit and moving its files into
    place, and drop the staged files of those that never committed (see ``ghi_tep``)."""

    def da_ghi(ban_sao_id: int, hashes: Mapping[str, str]) -> bool:
        with store.transaction() as s:
            stored = tep_ban_sao(s, ban_sao_id)
        return stored is not None and stored == dict(hashes)

    return hoan_tat_ban_hanh(goc, da_ghi)


def doc_muc(text: str | None) -> list[int]:
    """Body items as a person lists them: '1,3-4' → [1, 3, 4].

    Raises:
        InvalidSetting: not numbers and ranges separated by commas, or a range backwards.
    """
    if not text or not text.strip():
        return []
    items: list[int] = []
    for part in text.split(","):
        first, dash, last = part.strip().partition("-")
        try:
            lo = int(first)
            hi = int(last) if dash else lo
        except ValueError:
            raise InvalidSetting(
                "--items", f"{part.strip()[:20]!r}: hãy ghi các mục như 1,3-4"
            ) from None
        if lo < 1 or hi < lo or hi - lo > 10_000:
            raise InvalidSetting(
                "--items", f"{part.strip()[:20]!r}: không phải một khoảng mục của nội dung"
            )
        items.extend(range(lo, hi + 1))
    return items


__all__ = ["THU_MUC_BAN_SAO", "KetQuaSao", "SaoVanBan", "doc_muc", "hinh_thuc_sao"]
