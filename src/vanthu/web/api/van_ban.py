"""Directives over the API: the list, one directive, a new draft, and each lifecycle event."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from pydantic import BaseModel, Field

from ...errors import InvalidDirective, Problem
from ...schemas import VanBan
from ...schemas.gioi_han import LY_DO_TOI_DA, SO_KY_HIEU_TOI_DA, TEP_VAN_BAN_TOI_DA
from ...services import (
    KetQuaChuyen,
    SignedIn,
    TrangThaiVanBan,
    canh_bao_van_ban,
    su_kien_hop_le,
)
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
    da_ban_hanh: bool
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
                    f"the body is larger than {TEP_VAN_BAN_TOI_DA:,} bytes, the most vanthu reads",
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
    """Approve and sign a draft under review (a lãnh đạo who did not write it)."""
    return KetQuaChuyenApi.cua(ung_dung(request).duyet(user.ten, str(van_ban_id), _ly_do(body)))


@router.post("/{van_ban_id}/ban-hanh", summary="Ban hành")
def ban_hanh(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> KetQuaChuyenApi:
    """Issue an approved directive: its number and date, the DOCX and PDF frozen, the register
    line written (a văn thư)."""
    return KetQuaChuyenApi.cua(ung_dung(request).ban_hanh(user.ten, str(van_ban_id)))


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
