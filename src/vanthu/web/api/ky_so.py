"""Checking a PDF's signatures over the API: the same JSON as ``vanthu verify --json``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from ...schemas.gioi_han import PDF_KIEM_TRA_TOI_DA
from ...services import SignedIn
from ..kiem_tra_ky import TEN_TEP, TOI_DA_MIB, TRUONG_TEP, kiem_tra_tai_len
from ..phien import nguoi
from ..tai_len import dong_form, tu_choi_neu_qua_lon
from .mo_hinh import LOI_CHUNG, LoiApi

router = APIRouter(
    prefix="/api",
    tags=["chữ ký số"],
    responses={
        **LOI_CHUNG,
        413: {"model": LoiApi, "description": f"The upload is over {TOI_DA_MIB} MiB"},
        503: {"model": LoiApi, "description": "The signing configuration cannot be read"},
    },
)


class ChuKyApi(BaseModel):
    """One signature as verified."""

    truong: str = Field(description="The signature field's name")
    vai_tro: str | None = Field(description="lanh_dao, co_quan, or null when the field says not")
    nguoi_ky: str = Field(description="The certificate's common name")
    to_chuc: str | None = Field(description="The certificate's organisation")
    thoi_gian: str | None = Field(description="Signing time the signer claims, ISO 8601")
    dau_thoi_gian: str | None = Field(description="Time of the RFC 3161 timestamp, if any")
    nguyen_ven: bool = Field(description="The covered bytes hash to what was signed")
    tin_cay: bool = Field(description="The certificate chains to a configured trust root")
    sua_sau_ky: str | None = Field(description="pyHanko's modification level after it")
    ket_luan: str = Field(description="This signature's verdict (a code)")
    chi_tiet: str


class KetQuaXacMinhApi(BaseModel):
    """A file's verification: its verdict and each signature's (``vanthu verify --json``)."""

    ket_luan: str = Field(
        description="hop_le, khong_phai_pdf, bi_cat, hong, vuot_gioi_han, khong_co_chu_ky, "
        "bi_sua, chu_ky_loi, sua_sau_ky or khong_tin_cay"
    )
    chu_ky: list[ChuKyApi]
    chi_tiet: str
    goc_tin_cay: int | None = Field(description="Trust roots configured (0: none is trusted)")
    hop_le: bool = Field(description="Every signature intact and trusted, and at least one")
    loi: str = Field(description="The verdict in Vietnamese")


#: The request body, described for OpenAPI (the route reads it itself, after the size check).
THAN_YEU_CAU = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [TRUONG_TEP],
                    "properties": {
                        TRUONG_TEP: {
                            "type": "string",
                            "format": "binary",
                            "description": f"The PDF, at most {TOI_DA_MIB} MiB",
                        }
                    },
                }
            }
        },
    }
}


def _kich_thuoc(request: Request) -> None:
    """Dependency, before the user's (whose CSRF check reads the form): refuse a body declared
    over the limit before a byte is read."""
    tu_choi_neu_qua_lon(request, PDF_KIEM_TRA_TOI_DA, TEN_TEP)


@router.post(
    "/kiem-tra-chu-ky",
    summary="Kiểm tra chữ ký số",
    response_model=KetQuaXacMinhApi,
    openapi_extra=THAN_YEU_CAU,
)
async def kiem_tra_chu_ky(
    request: Request,
    _dong: Annotated[None, Depends(dong_form)],
    _: Annotated[None, Depends(_kich_thuoc)],
    user: Annotated[SignedIn, Depends(nguoi)],
) -> Response:
    """Verify every signature of the uploaded PDF against the configured trust roots. Any
    verdict answers 200 (``hop_le`` says whether it passed); 413 an upload over the limit,
    422 a form without the file, 503 a signing configuration that cannot be read."""
    kiem_tra = await kiem_tra_tai_len(request)
    if kiem_tra.ket_qua is None:
        return JSONResponse({"detail": kiem_tra.loi}, status_code=kiem_tra.status)
    return JSONResponse(kiem_tra.ket_qua.json())
