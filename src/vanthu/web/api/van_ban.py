"""Directives over the API: the list, one directive, a new draft, and each lifecycle event."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from ...errors import InvalidDirective, InvalidSetting, Problem
from ...schemas import VanBan
from ...schemas.gioi_han import (
    LY_DO_TOI_DA,
    SO_KY_HIEU_TOI_DA,
    TEP_BAN_KY_TOI_DA,
    TEP_VAN_BAN_TOI_DA,
)
from ...services import (
    KetQuaChuyen,
    SignedIn,
    TrangThaiVanBan,
    canh_bao_van_ban,
    su_kien_hop_le,
)
from ..ky_so import ban_de_ky
from ..phien import nguoi, ung_dung
from .mo_hinh import LOI_CHUNG, Ma

router = APIRouter(prefix="/api/van-ban", tags=["văn bản"], responses=LOI_CHUNG)

#: How a refusal names a draft sent to the API (the CLI names the file).
NGUON = "request body"


class DongVanBanApi(BaseModel):
    """One row of the directive list."""

    id: int
    loai: str
    so_ky_hieu: str | None = Field(description="Number and symbol; none before issue")
    trich_yeu: str
    trang_thai: Ma
    nguoi_soan: str = Field(description="The drafter's user name")
    ngay: dt.date | None = Field(description="Date of issue; none before issue")
    cap_nhat_luc: dt.datetime = Field(description="Last change, Vietnam time")


class VanBanApi(BaseModel):
    """One directive: where it is in its life, and its content as the directive file holds it."""

    id: int
    trang_thai: Ma
    so_ky_hieu: str | None
    ngay: dt.date | None
    nguoi_soan: str
    ly_do: str | None = Field(description="The reason of the last return or recall")
    phien_ban: int = Field(description="Bumped by every change of state")
    da_ban_hanh: bool = Field(description="Issued (numbered, and not waiting for a signature)")
    ky_so: str | None = Field(
        description="Digital signatures (#10): chua_ky_so, cho_ky_so (waiting for the "
        "leader's own signature), da_ky_so; none before issue"
    )
    nguoi_ky_so: str | None = Field(description="The leader who signs (signed) it, by user name")
    su_kien: list[Ma] = Field(description="The events the asking user's role may fire now")
    noi_dung: VanBan = Field(description="The directive file (the draft's, or the issued one)")


class KetQuaChuyenApi(BaseModel):
    """What a lifecycle event did."""

    van_ban_id: int
    tu: Ma | None = Field(description="The state left (none for a new draft)")
    den: Ma = Field(description="The state reached")
    so_ky_hieu: str | None
    tep: list[str] = Field(description="Names of the files written (issue: DOCX and PDF)")
    thu_gui: int = Field(description="Recall notices mailed")
    thu_loi: list[str] = Field(description="Recall notices not mailed: '<body>: <why>'")
    ky_so: str | None = Field(
        default=None,
        description="Issue and ký số: chua_ky_so, cho_ky_so (waiting for the leader's own "
        "signature) or da_ky_so",
    )

    @classmethod
    def cua(cls, ket_qua: KetQuaChuyen) -> KetQuaChuyenApi:
        """The JSON of a use case's result (file names only: the server's folders stay its own)."""
        return cls(
            van_ban_id=ket_qua.van_ban_id,
            tu=None if ket_qua.tu is None else Ma.cua(ket_qua.tu),
            den=Ma.cua(ket_qua.den),
            so_ky_hieu=ket_qua.so_ky_hieu,
            tep=[p.name for p in ket_qua.tep],
            thu_gui=ket_qua.thu_gui,
            thu_loi=list(ket_qua.thu_loi),
            ky_so=ket_qua.ky_so,
        )


class CanhBaoApi(BaseModel):
    """A warning about a valid draft: what looks like a slip, as ``vanthu check`` prints it."""

    where: str = Field(description="The field path, e.g. kinh_gui[1]")
    message: str


class KetQuaDuThaoApi(KetQuaChuyenApi):
    """A stored draft, with the warnings ``vanthu check`` would print about it (none stop it)."""

    canh_bao: list[CanhBaoApi] = Field(description="What looks like a slip, field by field")


class LyDo(BaseModel):
    """A reason (lý do): required to return (trả lại) and to recall (thu hồi)."""

    ly_do: str | None = Field(default=None, max_length=LY_DO_TOI_DA)


class ThayBang(BaseModel):
    """The newer, issued directive that replaces this one: an id, ``#id`` or number."""

    thay_bang: str = Field(max_length=SO_KY_HIEU_TOI_DA)


@router.get("", summary="Danh sách văn bản")
def danh_sach(
    request: Request,
    user: Annotated[SignedIn, Depends(nguoi)],
    trang_thai: Annotated[list[TrangThaiVanBan] | None, Query()] = None,
    tim: Annotated[str, Query(max_length=200)] = "",
) -> list[DongVanBanApi]:
    """Directives, newest first (at most 500): in any of the ``trang_thai`` given (none: all),
    holding every word of ``tim`` in their number, symbol or subject, diacritics ignored. A
    body's user gets only those sent to its body."""
    rows = ung_dung(request).danh_sach_van_ban(trang_thai, tim, user.ten)
    return [
        DongVanBanApi(
            id=r.id,
            loai=r.loai,
            so_ky_hieu=r.so_ky_hieu,
            trich_yeu=r.trich_yeu,
            trang_thai=Ma.cua(r.trang_thai),
            nguoi_soan=r.nguoi_soan,
            ngay=r.ngay,
            cap_nhat_luc=r.cap_nhat_luc,
        )
        for r in rows
    ]


@router.get("/{van_ban_id}", summary="Xem văn bản")
def xem(request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]) -> VanBanApi:
    """One directive by id, with the events the asking user may fire on it now."""
    vb = ung_dung(request).xem_van_ban(str(van_ban_id))
    return VanBanApi(
        id=vb.id,
        trang_thai=Ma.cua(vb.trang_thai),
        so_ky_hieu=vb.so_ky_hieu,
        ngay=vb.ngay,
        nguoi_soan=vb.nguoi_soan,
        ly_do=vb.ly_do,
        phien_ban=vb.phien_ban,
        da_ban_hanh=vb.da_ban_hanh,
        ky_so=vb.ky_so,
        nguoi_ky_so=vb.nguoi_ky_so,
        su_kien=[Ma.cua(e) for e in su_kien_hop_le(vb.trang_thai, user.vai_tro)],
        noi_dung=vb.van_ban,
    )


async def _than_vua_du(request: Request) -> None:
    """A draft's body is bounded as a directive file is (read once, kept for the route).

    Raises:
        InvalidDirective: larger than a directive file may be.
    """
    if len(await request.body()) > TEP_VAN_BAN_TOI_DA:
        raise InvalidDirective(
            NGUON,
            [
                Problem(
                    "",
                    f"nội dung gửi lên lớn hơn {TEP_VAN_BAN_TOI_DA:,} byte, mức tối đa vanthu đọc",
                )
            ],
        )


@router.post(
    "",
    status_code=201,
    summary="Soạn thảo (lưu nháp)",
    dependencies=[Depends(_than_vua_du)],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VanBan"}}},
        }
    },
)
def soan_thao(
    request: Request,
    user: Annotated[SignedIn, Depends(nguoi)],
    du_lieu: Annotated[Any, Body()],
) -> KetQuaDuThaoApi:
    """Store a new draft from the directive file's fields (JSON), checked exactly as
    ``vanthu check`` checks a file; a draft has no ``so`` or ``ngay`` (the văn thư issues it).
    The answer carries the warnings ``vanthu check`` would print (lower-case list items)."""
    app = ung_dung(request)
    ket_qua = app.soan_thao(user.ten, du_lieu, NGUON)
    canh_bao = canh_bao_van_ban(app.xem_van_ban(str(ket_qua.van_ban_id)).van_ban)
    return KetQuaDuThaoApi(
        **KetQuaChuyenApi.cua(ket_qua).model_dump(),
        canh_bao=[CanhBaoApi(where=p.where, message=p.message) for p in canh_bao],
    )


def _ly_do(body: LyDo | None) -> str | None:
    return None if body is None else body.ly_do


@router.post("/{van_ban_id}/trinh", summary="Trình")
def trinh(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    body: LyDo | None = None,
) -> KetQuaChuyenApi:
    """Submit a draft (or a returned one) for review; only its drafter does."""
    return KetQuaChuyenApi.cua(ung_dung(request).trinh(user.ten, str(van_ban_id), _ly_do(body)))


@router.post("/{van_ban_id}/tra-lai", summary="Trả lại")
def tra_lai(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)], body: LyDo
) -> KetQuaChuyenApi:
    """Return a draft under review to its drafter, with the reason (a lãnh đạo who did not
    write it)."""
    return KetQuaChuyenApi.cua(ung_dung(request).tra_lai(user.ten, str(van_ban_id), body.ly_do))


@router.post("/{van_ban_id}/duyet", summary="Duyệt")
def duyet(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    body: LyDo | None = None,
) -> KetQuaChuyenApi:
    """Approve and sign a draft under review (a lãnh đạo who did not write it). With a signing
    configuration his server-held key signs it now (``ky_so``: ``lanh_dao_da_ky``), or it
    waits for his own signature (``cho_ky_so``); a key that cannot sign refuses (422) and
    nothing changes."""
    return KetQuaChuyenApi.cua(ung_dung(request).duyet(user.ten, str(van_ban_id), _ly_do(body)))


@router.post("/{van_ban_id}/ban-hanh", summary="Ban hành")
def ban_hanh(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> KetQuaChuyenApi:
    """Issue an approved directive: its number and date, the DOCX and PDF frozen, the register
    line written (a văn thư). With a signing configuration the number and date are filled in
    the PDF the leader signed and the organisation signs (``ky_so``: ``da_ky_so``); a
    directive he has not signed is signed now by his server-held key, or prepared for him
    without a number (``cho_ky_so``); a key that cannot sign refuses (422) before a number is
    taken."""
    return KetQuaChuyenApi.cua(ung_dung(request).ban_hanh(user.ten, str(van_ban_id)))


@router.get(
    "/{van_ban_id}/ban-chuan-bi",
    summary="Tải bản để ký",
    response_class=FileResponse,
    responses={200: {"content": {"application/pdf": {}}, "description": "The prepared PDF"}},
)
def ban_chuan_bi(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> FileResponse:
    """The prepared PDF of a directive waiting in ``cho_ky_so``: the directive without number
    and date, with the leader's empty signature field ``nguoi_ky`` (a văn thư, or that
    leader). 404 when it waits for no signature."""
    path = ban_de_ky(ung_dung(request), van_ban_id, user)
    return FileResponse(path, media_type="application/pdf", filename=path.name)


async def _ban_ky(request: Request) -> bytes:
    """The signed PDF sent as the request's body, at most TEP_BAN_KY_TOI_DA bytes.

    Raises:
        InvalidSetting: larger.
    """
    data = await request.body()
    if len(data) > TEP_BAN_KY_TOI_DA:
        raise InvalidSetting("bản PDF đã ký", f"lớn hơn {TEP_BAN_KY_TOI_DA // 2**20} MiB")
    return data


@router.post(
    "/{van_ban_id}/ky-so",
    summary="Nộp bản đã ký",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
def ky_so(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    ban_da_ky: Annotated[bytes, Depends(_ban_ky)],
) -> KetQuaChuyenApi:
    """Hand back the leader's signed PDF (the body, ``application/pdf``): accepted only if it
    is the prepared PDF signed in its field by a trusted certificate, nothing else changed;
    the directive is then approved and signed (``lanh_dao_da_ky``), for Ban hành (a văn thư,
    or the leader it waits for). A refused file changes nothing: 422 with the reason."""
    return KetQuaChuyenApi.cua(ung_dung(request).nhan_ban_ky(user.ten, str(van_ban_id), ban_da_ky))


@router.post("/{van_ban_id}/huy-ky-so", summary="Hủy ký số")
def huy_ky_so(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    body: LyDo | None = None,
) -> KetQuaChuyenApi:
    """Cancel the leader's signature before the issue (waited for, or made): the directive is
    ``da_duyet`` without it (a văn thư, or that leader)."""
    return KetQuaChuyenApi.cua(ung_dung(request).huy_ky_so(user.ten, str(van_ban_id), _ly_do(body)))


@router.post("/{van_ban_id}/chuan-bi-ky", summary="Chuẩn bị ký số")
def chuan_bi_ky(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> KetQuaChuyenApi:
    """Prepare the approving leader's signature on his own computer (two-step), whatever key
    he has, for an approved directive he has not signed: it waits in ``cho_ky_so`` (a văn thư,
    or that leader)."""
    return KetQuaChuyenApi.cua(ung_dung(request).chuan_bi_ky(user.ten, str(van_ban_id)))


class ChuKyApi(BaseModel):
    """One signature of the issued PDF, as verified."""

    vai_tro: str | None = Field(description="lanh_dao (the signer), co_quan, or none")
    nguoi_ky: str = Field(description="The certificate's common name")
    to_chuc: str | None = Field(description="The certificate's organisation")
    thoi_gian: str | None = Field(description="Signing time, ISO 8601 Vietnam time")
    ket_luan: str = Field(description="This signature's verdict (hop_le, khong_tin_cay, …)")


class XacMinhApi(BaseModel):
    """The issued PDF's signatures verified now against the configured trust roots."""

    ky_so: str | None = Field(description="chua_ky_so, cho_ky_so, da_ky_so; none before issue")
    hop_le: bool | None = Field(description="Every signature intact and trusted; none: unsigned")
    ket_luan: str | None = Field(description="The file's verdict (hop_le, bi_sua, …)")
    loi: str | None = Field(description="The verdict in Vietnamese")
    chu_ky: list[ChuKyApi]


@router.get("/{van_ban_id}/chu-ky", summary="Chữ ký số của văn bản")
def chu_ky(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> XacMinhApi:
    """The issued PDF's digital signatures, verified now: who signed (leader, organisation),
    when, and one verdict; empty for a directive not issued signed."""
    app = ung_dung(request)
    vb = app.xem_van_ban(str(van_ban_id), user.ten)
    checked = app.xac_minh_ban_hanh(str(van_ban_id))
    if checked is None:
        return XacMinhApi(ky_so=vb.ky_so, hop_le=None, ket_luan=None, loi=None, chu_ky=[])
    return XacMinhApi(
        ky_so=vb.ky_so,
        hop_le=checked.hop_le,
        ket_luan=checked.ket_luan.value,
        loi=str(checked.json()["loi"]),
        chu_ky=[
            ChuKyApi(
                vai_tro=c.vai_tro,
                nguoi_ky=c.nguoi_ky,
                to_chuc=c.to_chuc,
                thoi_gian=c.thoi_gian,
                ket_luan=c.ket_luan.value,
            )
            for c in checked.chu_ky
        ],
    )


class ThuLoiApi(BaseModel):
    """A mail that did not go (the body stays pending for e-mail; a re-run retries it)."""

    ma_co_quan: str
    dia_chi: str
    loi: str


class KetQuaPhatHanhApi(BaseModel):
    """What one distribution run did."""

    so_ky_hieu: str
    tong: int = Field(description="Recipient bodies")
    da_gui_truoc: int = Field(description="Delivered by an earlier run")
    gui_moi: int = Field(description="Delivered by this run")
    xong: bool = Field(description="Every body delivered: the directive is đã phát hành")
    thu: bool = Field(description="The e-mail channel was on")
    thu_moi: int
    thu_loi: list[ThuLoiApi]


@router.post("/{van_ban_id}/phat-hanh", summary="Phát hành")
def phat_hanh(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> KetQuaPhatHanhApi:
    """Distribute an issued directive to every body its Nơi nhận expands to, and answer when
    done (a văn thư); safe to call again, it delivers only what is left."""
    r = ung_dung(request).phat_hanh(user.ten, str(van_ban_id))
    return KetQuaPhatHanhApi(
        so_ky_hieu=r.so_ky_hieu,
        tong=r.tong,
        da_gui_truoc=r.da_gui_truoc,
        gui_moi=r.gui_moi,
        xong=r.xong,
        thu=r.thu,
        thu_moi=r.thu_moi,
        thu_loi=[
            ThuLoiApi(ma_co_quan=t.ma_co_quan, dia_chi=t.dia_chi, loi=t.loi) for t in r.thu_loi
        ],
    )


@router.post("/{van_ban_id}/theo-doi", summary="Theo dõi")
def theo_doi(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    body: LyDo | None = None,
) -> KetQuaChuyenApi:
    """Start following up a distributed directive's tasks (a văn thư)."""
    return KetQuaChuyenApi.cua(ung_dung(request).theo_doi(user.ten, str(van_ban_id), _ly_do(body)))


@router.post("/{van_ban_id}/hoan-thanh", summary="Hoàn thành")
def hoan_thanh(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    body: LyDo | None = None,
) -> KetQuaChuyenApi:
    """Mark a distributed directive completed (a văn thư or a lãnh đạo)."""
    return KetQuaChuyenApi.cua(
        ung_dung(request).hoan_thanh(user.ten, str(van_ban_id), _ly_do(body))
    )


@router.post("/{van_ban_id}/thu-hoi", summary="Thu hồi")
def thu_hoi(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)], body: LyDo
) -> KetQuaChuyenApi:
    """Recall an issued directive, with the reason; every body it went to is told (a lãnh
    đạo)."""
    return KetQuaChuyenApi.cua(ung_dung(request).thu_hoi(user.ten, str(van_ban_id), body.ly_do))


@router.post("/{van_ban_id}/thay-the", summary="Thay thế")
def thay_the(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    body: ThayBang,
) -> KetQuaChuyenApi:
    """Record that a newer, issued directive replaces this one (a văn thư)."""
    return KetQuaChuyenApi.cua(
        ung_dung(request).thay_the(user.ten, str(van_ban_id), body.thay_bang)
    )
