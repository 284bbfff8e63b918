"""A recipient's answers over the API, by the token on its slip: acknowledgement and report."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from ...schemas.gioi_han import KY_HIEU_TOI_DA, TEP_BAO_CAO_TOI_DA
from ...services import SignedIn
from ..phien import nguoi, ung_dung
from ..tai_len import chep_tam
from .mo_hinh import LOI_CHUNG

router = APIRouter(prefix="/api", tags=["xác nhận, báo cáo"], responses=LOI_CHUNG)

#: What a report file may be: its extension, and the bytes it must start with.
#: Bytes read from an upload at a time.


class MaXacNhan(BaseModel):
    """The acknowledgement token printed on the slip (and held by its QR code and link)."""

    ma_xac_nhan: str = Field(max_length=64)


class KetQuaXacNhanApi(BaseModel):
    """An acknowledgement: the copy, when it was received, and whether it had been before."""

    so_ky_hieu: str
    ma_co_quan: str
    nhan_luc: dt.datetime = Field(description="When it was received, Vietnam time")
    tre: bool = Field(description="Received after the deadline")
    da_co: bool = Field(description="Acknowledged before: nothing changed")


class KetQuaBaoCaoApi(BaseModel):
    """A report stored: the reply's number and the SHA-256 of its file."""

    so_ky_hieu_tra_loi: str
    sha256: str | None


@router.post("/xac-nhan", summary="Xác nhận đã nhận")
def xac_nhan(
    request: Request, user: Annotated[SignedIn, Depends(nguoi)], body: MaXacNhan
) -> KetQuaXacNhanApi:
    """Record that the body of the slip's copy received the directive, acting as the signed-in
    user (a văn thư, or that body's own account); repeating it changes nothing."""
    r = ung_dung(request).xac_nhan(user.ten, ma_xac_nhan=body.ma_xac_nhan)
    return KetQuaXacNhanApi(
        so_ky_hieu=r.so_ky_hieu,
        ma_co_quan=r.ma_co_quan,
        nhan_luc=r.nhan_luc,
        tre=r.tre,
        da_co=r.da_co,
    )


@router.post("/bao-cao", summary="Gửi báo cáo")
async def bao_cao(
    request: Request,
    user: Annotated[SignedIn, Depends(nguoi)],
    ma_xac_nhan: Annotated[str, Form(max_length=64)],
    so_ky_hieu_tra_loi: Annotated[str, Form(max_length=KY_HIEU_TOI_DA + 20)],
    tep: Annotated[UploadFile | None, File(description="The report, PDF or DOCX")] = None,
) -> KetQuaBaoCaoApi:
    """Store the report of the slip's body on the directive's tasks (the reply's number, and
    its file if sent), acting as the signed-in user. The file is kept in a temporary folder
    only while the use case copies and hashes it."""
    app = ung_dung(request)
    if tep is None:
        r = await run_in_threadpool(app.bao_cao_theo_ma, user.ten, ma_xac_nhan, so_ky_hieu_tra_loi)
        return KetQuaBaoCaoApi(so_ky_hieu_tra_loi=r.so_ky_hieu_tra_loi, sha256=r.sha256)
    with tempfile.TemporaryDirectory(prefix="vanthu-bao-cao-") as folder:
        path = Path(folder) / "bao-cao"
        await run_in_threadpool(chep_tam, tep, path, TEP_BAO_CAO_TOI_DA, "tep")
        r = await run_in_threadpool(
            app.bao_cao_theo_ma, user.ten, ma_xac_nhan, so_ky_hieu_tra_loi, path
        )
    return KetQuaBaoCaoApi(so_ky_hieu_tra_loi=r.so_ky_hieu_tra_loi, sha256=r.sha256)
