"""Danh bạ: the directory's bodies and groups with a search, and loading a directory file."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ...errors import InvalidDirective, Problem
from ...schemas.gioi_han import TEP_DANH_BA_TOI_DA
from ...services import SignedIn, VaiTro
from ..giao_dien import trang
from ..phien import KhongDuQuyen, nguoi, ung_dung

router = APIRouter()

#: The endings of a directory file the upload takes, and the one it is read as.
DUOI_TEP = {".yaml": ".yaml", ".yml": ".yaml", ".csv": ".csv"}


def van_thu(user: Annotated[SignedIn, Depends(nguoi)]) -> SignedIn:
    """Dependency: the signed-in văn thư, who keeps the directory and the users.

    Raises:
        KhongDuQuyen: anyone else.
    """
    if user.vai_tro is not VaiTro.van_thu:
        raise KhongDuQuyen(f"Trang này dành cho văn thư, không cho {user.vai_tro.label}.")
    return user


def _trang(
    request: Request,
    tim: str = "",
    status: int = 200,
    *,
    da_nap: int | None = None,
    ten_tep: str = "",
    van_de: list[Problem] | None = None,
) -> Response:
    ds = ung_dung(request).danh_ba(tim)
    template = "_bang_danh_ba.html" if request.headers.get("hx-request") else "danh_ba.html"
    return trang(
        request,
        template,
        status,
        ds=ds,
        tim=tim,
        da_nap=da_nap,
        ten_tep=ten_tep,
        van_de=van_de or [],
        toi_da_mib=TEP_DANH_BA_TOI_DA // (1024 * 1024),
    )


@router.get("/danh-ba")
def danh_ba(
    request: Request,
    user: Annotated[SignedIn, Depends(van_thu)],
    tim: Annotated[str, Query(max_length=200)] = "",
    da_nap: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    """The bodies (those matching the search, diacritics ignored) and the groups; an htmx
    request gets the table alone."""
    return _trang(request, tim, da_nap=da_nap)


@router.post("/danh-ba")
def nap_danh_ba(
    request: Request,
    user: Annotated[SignedIn, Depends(van_thu)],
    tep: Annotated[UploadFile, File()],
) -> Response:
    """Load an uploaded directory file (YAML or CSV) as ``vanthu directory load`` does: read
    in full and checked (at most TEP_DANH_BA_TOI_DA bytes) before anything is stored. The
    upload lives in a temporary folder that is removed before the answer is sent."""
    ten_tep = (tep.filename or "")[-200:]
    duoi = DUOI_TEP.get(Path(ten_tep).suffix.lower())
    if duoi is None:
        problem = Problem("tep", "chỉ nhận tệp YAML (.yaml, .yml) hoặc CSV (.csv)")
        return _trang(request, status=422, ten_tep=ten_tep, van_de=[problem])
    data = tep.file.read(TEP_DANH_BA_TOI_DA + 1)
    app = ung_dung(request)
    try:
        with tempfile.TemporaryDirectory(prefix="vanthu-danh-ba-") as folder:
            path = Path(folder) / f"danh-ba{duoi}"
            path.write_bytes(data)
            directory = app.doc_danh_ba(path)
        count = app.nap_danh_ba(user.ten, directory)
    except InvalidDirective as error:
        status = 413 if len(data) > TEP_DANH_BA_TOI_DA else 422
        return _trang(request, status=status, ten_tep=ten_tep, van_de=list(error.problems))
    return RedirectResponse(f"/danh-ba?da_nap={count}", status_code=303)
