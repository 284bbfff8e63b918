"""Người dùng: the accounts, a form to add or change one (with a password), and setting a
user's password — for the văn thư."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from ...errors import InvalidSetting, NotFound, Refused, VanthuError
from ...schemas.gioi_han import MAT_KHAU_TOI_DA, MAT_KHAU_TOI_THIEU
from ...services import SignedIn, VaiTro
from ..giao_dien import trang
from ..phien import ung_dung
from .danh_ba import van_thu

router = APIRouter()


def truong_cua_loi(error: VanthuError) -> str:
    """The form field a refusal of the use case is about ("": the form as a whole)."""
    if isinstance(error, NotFound) and error.kind == "body":
        return "ma_co_quan"
    if isinstance(error, InvalidSetting) and "--ma-co-quan" in error.name:
        return "ma_co_quan"
    if isinstance(error, Refused):
        if error.what == "mật khẩu":
            return "mat_khau"
        if error.what.startswith("tên người dùng"):
            return "ten"
        if error.what.endswith(": ho_ten"):
            return "ho_ten"
        if "--ma-co-quan" in error.reason or "mới ghi cơ quan" in error.reason:
            return "ma_co_quan"
        if "văn thư cuối cùng" in error.reason:
            return "vai_tro"
    return ""


def loi_mat_khau(mat_khau: str) -> str:
    """Why a password would be refused ("": it would not), checked before anything is saved."""
    if len(mat_khau) < MAT_KHAU_TOI_THIEU:
        return f"Mật khẩu cần ít nhất {MAT_KHAU_TOI_THIEU} ký tự."
    if len(mat_khau) > MAT_KHAU_TOI_DA:
        return f"Mật khẩu dài quá {MAT_KHAU_TOI_DA} ký tự."
    return ""


def _trang(
    request: Request,
    user: SignedIn,
    status: int = 200,
    *,
    form: dict[str, str] | None = None,
    loi: dict[str, str] | None = None,
    form_mk: dict[str, str] | None = None,
    loi_mk: dict[str, str] | None = None,
    thong_bao: str = "",
) -> Response:
    app = ung_dung(request)
    return trang(
        request,
        "nguoi_dung.html",
        status,
        users=app.danh_sach_nguoi_dung(user.ten),
        co_quan=app.danh_ba().co_quan,
        vai_tro=list(VaiTro),
        form=form or {"vai_tro": VaiTro.chuyen_vien.value},
        loi=loi or {},
        form_mk=form_mk or {},
        loi_mk=loi_mk or {},
        thong_bao=thong_bao,
        mat_khau_toi_thieu=MAT_KHAU_TOI_THIEU,
    )


@router.get("/nguoi-dung")
def nguoi_dung(
    request: Request,
    user: Annotated[SignedIn, Depends(van_thu)],
    sua: Annotated[str, Query(max_length=64)] = "",
    da_luu: Annotated[str, Query(max_length=64)] = "",
    da_dat: Annotated[str, Query(max_length=64)] = "",
) -> Response:
    """Every user; ``sua`` fills the form with that user to change them."""
    users = {u.ten: u for u in ung_dung(request).danh_sach_nguoi_dung(user.ten)}
    form = None
    if found := users.get(sua):
        form = {
            "ten": found.ten,
            "ho_ten": found.ho_ten,
            "vai_tro": found.vai_tro.value,
            "ma_co_quan": found.ma_co_quan or "",
        }
    message = ""
    if da_luu in users:
        message = f"Đã lưu người dùng {da_luu}."
    elif da_dat in users:
        message = f"Đã đặt mật khẩu mới cho {da_dat}; các phiên đăng nhập cũ của họ đã kết thúc."
    return _trang(request, user, form=form, thong_bao=message)


@router.post("/nguoi-dung")
def save_nguoi_dung(
    request: Request,
    user: Annotated[SignedIn, Depends(van_thu)],
    ten: Annotated[str, Form(max_length=200)] = "",
    ho_ten: Annotated[str, Form(max_length=2000)] = "",
    vai_tro: Annotated[str, Form(max_length=20)] = "",
    ma_co_quan: Annotated[str, Form(max_length=200)] = "",
    mat_khau: Annotated[str, Form(max_length=2048)] = "",
) -> Response:
    """Add or change a user (``vanthu user add``), and set their password if one is given.
    A password that would be refused is refused before the user is saved."""
    ten = ten.strip()
    form = {"ten": ten, "ho_ten": ho_ten, "vai_tro": vai_tro, "ma_co_quan": ma_co_quan}
    loi: dict[str, str] = {}
    if vai_tro not in {v.value for v in VaiTro}:
        loi["vai_tro"] = "Chọn một vai trò."
    if mat_khau and (message := loi_mat_khau(mat_khau)):
        loi["mat_khau"] = message
    if not loi:
        app = ung_dung(request)
        try:
            app.them_nguoi_dung(user.ten, ten, ho_ten, VaiTro(vai_tro), ma_co_quan.strip() or None)
            if mat_khau:
                app.dat_mat_khau(user.ten, ten, mat_khau)
        except (Refused, NotFound, InvalidSetting) as error:
            loi[truong_cua_loi(error)] = str(error)
    if loi:
        return _trang(request, user, 422, form=form, loi=loi)
    return RedirectResponse(f"/nguoi-dung?da_luu={quote(ten)}", status_code=303)


@router.post("/nguoi-dung/mat-khau")
def dat_mat_khau(
    request: Request,
    user: Annotated[SignedIn, Depends(van_thu)],
    ten: Annotated[str, Form(max_length=200)] = "",
    mat_khau: Annotated[str, Form(max_length=2048)] = "",
) -> Response:
    """Set a user's password (``vanthu user password``); their sessions end."""
    form_mk = {"ten": ten}
    message = loi_mat_khau(mat_khau)
    if not message:
        try:
            ung_dung(request).dat_mat_khau(user.ten, ten, mat_khau)
        except (Refused, NotFound) as error:
            message = str(error)
    if message:
        field = "ten" if message.startswith("user '") else "mat_khau"
        return _trang(request, user, 422, form_mk=form_mk, loi_mk={field: message})
    return RedirectResponse(f"/nguoi-dung?da_dat={quote(ten)}", status_code=303)
