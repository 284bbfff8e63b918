"""What a directive's page shows of its digital signatures (ký số, #10): the status, what the
leader's Duyệt and the văn thư's Ban hành will sign, who signed the issued PDF, and whether
this user may handle a signature the directive waits for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NotFound, VanthuError
from ..schemas.gioi_han import TEP_BAN_KY_TOI_DA
from ..services import (
    TEN_KY_SO,
    ChiTietVanBan,
    SignedIn,
    SuKienVanBan,
    TrangThaiVanBan,
    UngDung,
    VaiTro,
)

#: The leader's approve button, by how he signs (``UngDung.cach_ky_so``; None: no signing).
NUT_DUYET = {
    "khoa_may_chu": "Duyệt và ký số",
    "hai_buoc": "Duyệt (ký số hai bước)",
    None: "Duyệt",
}
#: What approving means, by how the leader signs.
GIAI_THICH_DUYET = {
    "khoa_may_chu": "Duyệt là ký số ngay bằng khóa của đồng chí lưu trên máy chủ (bản chưa có "
    "số, ngày); khi ban hành, văn thư cấp số, ngày rồi cơ quan ký số.",
    "hai_buoc": "Sau khi duyệt, đồng chí tải bản PDF (chưa có số, ngày) về, ký số trên máy của "
    "mình và nộp lại; khi ban hành, văn thư cấp số, ngày rồi cơ quan ký số.",
    None: "Văn bản ban hành không có chữ ký số (chưa cấu hình ký số).",
}
#: What Ban hành will do: by the leader's signature made (``lanh_dao_da_ky``), else by how the
#: approving leader signs.
GIAI_THICH_BAN_HANH = {
    "lanh_dao_da_ky": "Lãnh đạo {ten} đã ký số khi duyệt. Ban hành cấp số, ngày vào bản đã ký "
    "rồi cơ quan ký số.",
    "khoa_may_chu": "Lãnh đạo {ten} chưa ký: khi ban hành, khóa của đồng chí trên máy chủ ký "
    "(đồng chí đã đồng ý khi duyệt), rồi văn thư cấp số, ngày và cơ quan ký số.",
    "hai_buoc": "Lãnh đạo {ten} ký số hai bước và chưa ký: ban hành chuẩn bị bản để đồng chí "
    "ký (chưa cấp số); khi bản đã ký được nộp lại, ban hành lần nữa để cấp số, ngày và cơ quan "
    "ký số.",
    None: "Văn bản ban hành không có chữ ký số (chưa cấu hình ký số).",
}
#: A signature's role, from its field.
VAI_TRO_CHU_KY = {"lanh_dao": "người ký", "co_quan": "cơ quan"}


@dataclass(frozen=True)
class ChuKyHienThi:
    """One signature of the issued PDF as the page lists it."""

    vai_tro: str
    nguoi_ky: str
    to_chuc: str | None
    thoi_gian: str | None


@dataclass(frozen=True)
class ThongTinKySo:
    """Everything the page says about signing one directive, for one user."""

    trang_thai: str  # chưa ký số, chờ ký số, đã ký số
    nut_duyet: str = "Duyệt"
    giai_thich_duyet: str | None = None
    giai_thich_ban_hanh: str | None = None
    loi_cau_hinh: str | None = None  # the signing configuration cannot be read
    hop_le: bool | None = None  # the issued PDF verified now (None: not signed)
    ket_luan: str | None = None
    chu_ky: list[ChuKyHienThi] = field(default_factory=list)
    duoc_ky: bool = False  # may download, upload and cancel (văn thư, the awaited leader)
    tep_toi_da_mib: int = TEP_BAN_KY_TOI_DA // (1024 * 1024)


def duoc_xu_ly_ky(vb: ChiTietVanBan, user: SignedIn) -> bool:
    """Whether ``user`` handles the signature ``vb`` waits for (or carries, approved and not
    yet issued: he may cancel it): any văn thư, and the leader whose signature it is (the use
    cases check again)."""
    signed = vb.trang_thai is TrangThaiVanBan.da_duyet and vb.ky_so == "lanh_dao_da_ky"
    if vb.trang_thai is not TrangThaiVanBan.cho_ky_so and not signed:
        return False
    return user.vai_tro is VaiTro.van_thu or (
        user.vai_tro is VaiTro.lanh_dao and user.ten == vb.nguoi_ky_so
    )


def ban_de_ky(app: UngDung, van_ban_id: int, user: SignedIn) -> Path:
    """The prepared PDF of a directive waiting in chờ ký số, for ``user`` to download.

    Raises:
        NotFound: no such directive, or it does not wait for a signature (no prepared PDF).
        Refused: ``user`` is neither a văn thư nor the leader it waits for.
    """
    vb = app.xem_van_ban(str(van_ban_id), user.ten)
    if vb.trang_thai is not TrangThaiVanBan.cho_ky_so:
        raise NotFound("prepared PDF (chờ ký số) of directive", vb.so_ky_hieu or f"#{vb.id}")
    return app.ban_chuan_bi(user.ten, str(van_ban_id))


def thong_tin_ky_so(
    app: UngDung, vb: ChiTietVanBan, user: SignedIn, events: Sequence[SuKienVanBan]
) -> ThongTinKySo:
    """What the page of ``vb`` says about its signatures to ``user``, who may fire ``events``.

    The signing configuration is read only when a button depends on it; one that cannot be
    read is said beside the button (the action itself would refuse with the same words).
    """
    nut, why_approve, why_issue, config_error = "Duyệt", None, None, None
    try:
        if SuKienVanBan.duyet in events and user.ten != vb.nguoi_soan:
            how = app.cach_ky_so(user.ten)
            nut, why_approve = NUT_DUYET[how], GIAI_THICH_DUYET[how]
        if SuKienVanBan.ban_hanh in events and vb.nguoi_duyet:
            how = app.cach_ky_so(vb.nguoi_duyet)
            if how is not None and vb.ky_so == "lanh_dao_da_ky":
                how = "lanh_dao_da_ky"
            why_issue = GIAI_THICH_BAN_HANH[how].format(ten=vb.nguoi_duyet)
    except VanthuError as error:
        config_error = str(error)
    hop_le, verdict, signatures = _xac_minh(app, vb) if vb.ky_so == "da_ky_so" else (None, None, [])
    return ThongTinKySo(
        trang_thai=TEN_KY_SO[vb.ky_so or "chua_ky_so"],
        nut_duyet=nut,
        giai_thich_duyet=why_approve,
        giai_thich_ban_hanh=why_issue,
        loi_cau_hinh=config_error,
        hop_le=hop_le,
        ket_luan=verdict,
        chu_ky=signatures,
        duoc_ky=duoc_xu_ly_ky(vb, user),
    )


#: What verifying the issued PDF tells the page: whether it holds, the verdict, the signatures.
_XacMinh = tuple[bool | None, str | None, list[ChuKyHienThi]]


def _xac_minh(app: UngDung, vb: ChiTietVanBan) -> _XacMinh:
    """The issued PDF verified now: whether it holds, the verdict in Vietnamese, each
    signature; a failure to verify (a trust root unreadable, the file missing) is the verdict."""
    try:
        checked = app.xac_minh_ban_hanh(str(vb.id))
    except VanthuError as error:
        return False, str(error), []
    if checked is None:
        return None, None, []
    verdict = str(checked.json()["loi"]) + (f" ({checked.chi_tiet})" if checked.chi_tiet else "")
    signatures = [
        ChuKyHienThi(
            VAI_TRO_CHU_KY.get(c.vai_tro or "", "không rõ"), c.nguoi_ky, c.to_chuc, c.thoi_gian
        )
        for c in checked.chu_ky
    ]
    return checked.hop_le, verdict, signatures
