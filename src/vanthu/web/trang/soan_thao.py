"""Soạn thảo: a draft from the form or an uploaded directive file, its preview, Lưu nháp, Trình."""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ...errors import InvalidDirective, Problem, VanthuError
from ...schemas import DoKhan, DoMat, KieuDoan, LoaiVanBan, PhamViLuuHanh
from ...schemas.gioi_han import TEP_VAN_BAN_TOI_DA
from ...schemas.phu_luc import LOAI_KEM_THEO, ten_phu_luc
from ...services import (
    DUOI_WORD,
    KICH_THUOC_WORD_TOI_DA,
    PhatHien,
    SignedIn,
    UngDung,
    canh_bao_van_ban,
    nhap_word_du_lieu,
)
from ..bieu_mau import (
    HANH_DONG_MUC_CON,
    MUC_CON_THEM,
    TRUONG_TOI_DA,
    BieuMau,
    bieu_mau_tu_du_lieu,
    bieu_mau_tu_van_ban,
    doc_bieu_mau,
    loi_theo_o,
    ma_o,
    ten_cac_o,
)
from ..bieu_mau_noi_dung import HANH_DONG_MUC
from ..bieu_mau_phu_luc import HANH_DONG_PHU_LUC, NUT_THEM_PHU_LUC
from ..bieu_mau_the_thuc import the_thuc_theo_o
from ..form_du_lieu import doc_form
from ..giao_dien import trang
from ..loi import ma_trang_thai
from ..phien import nguoi, ung_dung

router = APIRouter()

#: Blank rows offered after the filled ones; "Thêm dòng" offers this many more.
DONG_TRONG = 2
DONG_THEM = 5
#: A paragraph's kiểu as the form offers it.
KIEU_DOAN = [
    (KieuDoan.thuong.value, "Đoạn thường"),
    (KieuDoan.tieu_de.value, "Tiêu đề mục, in đậm"),
    (KieuDoan.giua.value, "Giữa trang, in đậm (Chương, Mục)"),
]
#: Upload names the desk reads (the suffix picks JSON or YAML, as on the command line).
DUOI_TEP = (".yaml", ".yml", ".json")
#: Characters of an uploaded file's name kept to name it in messages and the log.
TEN_TEP_TOI_DA = 100


@dataclass(frozen=True)
class WordNhap:
    """A Word draft the form was filled from: its name, its form findings (Decree 30), what
    the import could not place, the number and date it printed (a draft takes neither: the
    văn thư gives them at issue), and whether what was read validates."""

    ten: str
    phat_hien: tuple[PhatHien, ...]
    ghi_chu: tuple[str, ...]
    so_ngay: str = ""
    hop_le: bool = True


def _so_ngay(du_lieu: dict[str, object]) -> str:
    """The number and date a Word draft printed, as a clerk writes them ("số 05, ngày
    05/09/2021"); '' when it printed neither."""
    parts = []
    if isinstance(so := du_lieu.get("so"), int):
        parts.append(f"số {so:02d}")
    if isinstance(ngay := du_lieu.get("ngay"), str) and len(ngay) == 10:
        parts.append(f"ngày {ngay[8:10]}/{ngay[5:7]}/{ngay[:4]}")
    return ", ".join(parts)


def _trang_soan(
    request: Request,
    bieu_mau: BieuMau,
    status: int = 200,
    van_ban_id: int | None = None,
    problems: list[Problem] | None = None,
    thong_bao_loi: str | None = None,
    them: str | None = None,
    canh_bao: list[Problem] | None = None,
    word: WordNhap | None = None,
) -> Response:
    rows_nn = bieu_mau.so_noi_nhan + (DONG_THEM if them == "noi_nhan" else DONG_TRONG)
    rows_nv = bieu_mau.so_nhiem_vu + (DONG_THEM if them == "nhiem_vu" else 1)
    rows_ct = len(bieu_mau.chu_thich) + (DONG_THEM if them == "chu_thich" else 1)
    # Each body ends with a blank paragraph row to type the next one in.
    rows_nd = [*bieu_mau.noi_dung, False]
    rows_pl = [[*rows, False] for rows in bieu_mau.phu_luc]
    rows_kt = [*bieu_mau.kem_theo, False]
    # Blank "+" rows: a few where asked, one under a line that has some.
    rows_mc = [
        n + (MUC_CON_THEM if i == bieu_mau.them_muc_con else 1 if n else 0)
        for i, n in enumerate(bieu_mau.muc_con)
    ]
    rows_mc += [0] * (rows_nn - len(rows_mc))
    names = ten_cac_o(rows_nn, rows_nv, rows_nd, rows_ct, rows_mc, rows_pl, rows_kt)
    by_input, summary = loi_theo_o(problems or [], names, bieu_mau.o_cua)
    warned, warnings = loi_theo_o(canh_bao or [], names, bieu_mau.o_cua)
    the_thuc = the_thuc_theo_o(word.phat_hien if word else (), bieu_mau, names)
    focus = bieu_mau.tieu_diem
    if them == "chu_thich":
        focus = ma_o(f"chu_thich[{len(bieu_mau.chu_thich)}].nhan")
    # The attached text's box opens when it holds something, a problem or the focus.
    kem_theo = "van_ban_kem_theo"
    mo_kem_theo = (
        any(v for n, v in bieu_mau.gia_tri.items() if n.startswith(kem_theo) and v != "thuong")
        or any(n.startswith(kem_theo) for n in (*by_input, *warned, *the_thuc.theo_o))
        or (focus or "").startswith(ma_o(kem_theo))
    )
    return trang(
        request,
        "soan_thao.html",
        status,
        bm=bieu_mau,
        van_ban_id=van_ban_id,
        dong_noi_nhan=rows_nn,
        dong_nhiem_vu=rows_nv,
        dong_noi_dung=rows_nd,
        dong_phu_luc=rows_pl,
        dong_kem_theo=rows_kt,
        dong_muc_con=rows_mc,
        mo_kem_theo=mo_kem_theo,
        nut_them_phu_luc=NUT_THEM_PHU_LUC,
        ten_phu_luc=ten_phu_luc,
        cac_loai_kem_theo=[
            (loai.value, loai.info.ten) for loai in LoaiVanBan if loai in LOAI_KEM_THEO
        ],
        dong_chu_thich=rows_ct,
        tieu_diem=focus,
        loi=by_input,
        tom_tat=summary,
        canh_bao=warned,
        tom_tat_canh_bao=warnings,
        the_thuc=the_thuc.theo_o,
        the_thuc_chung=the_thuc.chung,
        tom_tat_the_thuc=the_thuc.tom_tat,
        thong_bao_loi=thong_bao_loi,
        ma_o=ma_o,
        cac_loai=[(loai.value, loai.info.ten) for loai in LoaiVanBan],
        cac_kieu_doan=KIEU_DOAN,
        cac_do_khan=[(d.value, d.label) for d in DoKhan],
        cac_do_mat=[(d.value, d.label) for d in DoMat],
        cac_pham_vi=[(p.value, p.label) for p in PhamViLuuHanh],
        cac_nhom=ung_dung(request).nhom_danh_ba(),
        xong=request.query_params.get("xong"),
        word=word,
    )


@router.get("/soan-thao")
def soan_moi(request: Request, _: Annotated[SignedIn, Depends(nguoi)]) -> Response:
    """An empty form (the drafter's usual place name filled in later by the defaults)."""
    return _trang_soan(request, BieuMau(gia_tri={"loai": LoaiVanBan.cong_van.value}))


@router.get("/soan-thao/{van_ban_id}")
def soan_lai(request: Request, van_ban_id: int, _: Annotated[SignedIn, Depends(nguoi)]) -> Response:
    """A stored draft in the form, to edit and save again, with what looks like a slip in it
    (``vanthu check``'s warnings) beside its input."""
    vb = ung_dung(request).xem_van_ban(str(van_ban_id))
    return _trang_soan(
        request,
        bieu_mau_tu_van_ban(vb.van_ban),
        van_ban_id=vb.id,
        canh_bao=canh_bao_van_ban(vb.van_ban),
    )


def _nguon(user: SignedIn) -> str:
    return f"biểu mẫu của {user.ten}"


@router.post("/soan-thao")
async def luu(request: Request, user: Annotated[SignedIn, Depends(nguoi)]) -> Response:
    """Lưu nháp (store or update the draft) or Trình (store, then submit); "Thêm dòng" only
    shows more rows, and the row buttons (of a body, of the annexes, "+" rows under a Nơi nhận
    line) add, insert, move or delete a row, storing nothing. A problem shows the form again
    with each message beside its input."""
    form = await doc_form(request, TRUONG_TOI_DA)
    raw_action = form.get("hanh_dong")
    action = raw_action if isinstance(raw_action, str) else ""
    bieu_mau = doc_bieu_mau(form, action)
    raw_id = form.get("van_ban_id")
    van_ban_id = int(raw_id) if isinstance(raw_id, str) and raw_id.isdigit() else None
    if action == "cap_nhat":  # Enter in a one-line input: the form again, nothing stored
        return _trang_soan(request, bieu_mau, van_ban_id=van_ban_id)
    if action in ("them_noi_nhan", "them_nhiem_vu", "them_chu_thich"):
        return _trang_soan(request, bieu_mau, van_ban_id=van_ban_id, them=action[4:])
    if any(h.match(action) for h in (HANH_DONG_MUC, HANH_DONG_PHU_LUC, HANH_DONG_MUC_CON)):
        return _trang_soan(request, bieu_mau, van_ban_id=van_ban_id)
    if bieu_mau.van_de:
        return _trang_soan(request, bieu_mau, 422, van_ban_id, bieu_mau.van_de)
    app = ung_dung(request)
    try:
        if van_ban_id is None:
            van_ban_id = app.soan_thao(user.ten, bieu_mau.du_lieu, _nguon(user)).van_ban_id
        else:
            app.sua_du_thao(user.ten, str(van_ban_id), bieu_mau.du_lieu, _nguon(user))
    except InvalidDirective as error:
        return _trang_soan(request, bieu_mau, 422, van_ban_id, list(error.problems))
    except VanthuError as error:
        return _trang_soan(
            request, bieu_mau, ma_trang_thai(error), van_ban_id, thong_bao_loi=str(error)
        )
    if action == "trinh":
        app.trinh(user.ten, str(van_ban_id))
        return RedirectResponse(f"/van-ban/{van_ban_id}?xong=trinh", status_code=303)
    return RedirectResponse(f"/soan-thao/{van_ban_id}?xong=luu", status_code=303)


@router.post("/soan-thao/tai-len")
async def tai_len(
    request: Request,
    user: Annotated[SignedIn, Depends(nguoi)],
    tep: Annotated[UploadFile, File()],
) -> Response:
    """A draft from an uploaded directive file, read with the limits of ``vanthu check``; the
    bytes are read in memory (at most one more than the limit) and never stored as a file."""
    name = PurePath((tep.filename or "").replace("\\", "/")).name[:TEN_TEP_TOI_DA] or "tệp"
    if name.lower().endswith(DUOI_WORD):
        try:
            return await _tu_word(request, tep, name)
        finally:
            await tep.close()
    try:
        if not name.lower().endswith(DUOI_TEP):
            raise InvalidDirective(
                name,
                [Problem("", "hãy tải lên tệp văn bản (.yaml, .yml, .json) hoặc bản Word (.docx)")],
            )
        content = await tep.read(TEP_VAN_BAN_TOI_DA + 1)
        app = ung_dung(request)
        data = app.doc_du_thao_byte(content, name)
        result = app.soan_thao(user.ten, data, f"tải lên: {name}")
    except InvalidDirective as error:
        return _trang_soan(
            request, BieuMau(), 422, problems=list(error.problems), thong_bao_loi=error.source
        )
    except VanthuError as error:
        return _trang_soan(request, BieuMau(), ma_trang_thai(error), thong_bao_loi=str(error))
    finally:
        await tep.close()
    return RedirectResponse(f"/soan-thao/{result.van_ban_id}?xong=tai_len", status_code=303)


async def _tu_word(request: Request, tep: UploadFile, name: str) -> Response:
    """The form filled from an uploaded Word draft (read in memory, at most the limit of
    ``vanthu check``, opened as safely) with everything the import read, valid or not: each
    form finding and each validation problem beside its field, the page's findings and the
    lines that could not be placed at the top. Nothing is stored until the form is saved."""
    content = await tep.read(KICH_THUOC_WORD_TOI_DA + 1)
    duoi = PurePath(name).suffix.lower()
    try:
        if len(content) > KICH_THUOC_WORD_TOI_DA:
            raise InvalidDirective(
                name,
                [Problem("", f"tệp Word tối đa {KICH_THUOC_WORD_TOI_DA // 2**20} MiB")],
            )
        ket_qua = await run_in_threadpool(nhap_word_du_lieu, content, name, duoi)
    except InvalidDirective as error:
        return _trang_soan(
            request, BieuMau(), 422, problems=list(error.problems), thong_bao_loi=error.source
        )
    except VanthuError as error:
        return _trang_soan(request, BieuMau(), ma_trang_thai(error), thong_bao_loi=str(error))
    word = WordNhap(
        name,
        ket_qua.phat_hien,
        ket_qua.ghi_chu,
        _so_ngay(ket_qua.du_lieu),
        ket_qua.van_ban is not None,
    )
    if ket_qua.van_ban is None:
        return _trang_soan(
            request,
            bieu_mau_tu_du_lieu(ket_qua.du_lieu),
            422,
            problems=list(ket_qua.van_de),
            thong_bao_loi=(
                f"Biểu mẫu đã điền mọi trường đọc được từ «{name}», nhưng văn bản chưa hợp lệ: "
                "sửa các trường được đánh dấu rồi bấm Lưu nháp."
            ),
            word=word,
        )
    return _trang_soan(
        request,
        bieu_mau_tu_van_ban(ket_qua.van_ban),
        canh_bao=canh_bao_van_ban(ket_qua.van_ban),
        word=word,
    )


def _anh(pages: list[bytes]) -> list[str]:
    return ["data:image/jpeg;base64," + base64.b64encode(p).decode("ascii") for p in pages]


async def _manh_xem_truoc(request: Request, render: Callable[[], list[bytes]]) -> Response:
    """The preview fragment: the page images, or what stops the directive from printing.
    Drawn in a worker thread: the server keeps answering meanwhile."""
    start = time.perf_counter()
    try:
        pages = await run_in_threadpool(render)
    except InvalidDirective as error:
        return trang(request, "_xem_truoc.html", van_de=[str(p) for p in error.problems])
    except VanthuError as error:
        return trang(request, "_xem_truoc.html", van_de=[str(error)])
    took = time.perf_counter() - start
    return trang(request, "_xem_truoc.html", anh=_anh(pages), giay=f"{took:.2f}".replace(".", ","))


@router.post("/soan-thao/xem-truoc")
async def xem_truoc(request: Request, _: Annotated[SignedIn, Depends(nguoi)]) -> Response:
    """Xem trước (htmx): the form's current content drawn by the issuing renderer."""
    bieu_mau = doc_bieu_mau(await doc_form(request, TRUONG_TOI_DA))
    if bieu_mau.van_de:
        return trang(request, "_xem_truoc.html", van_de=[str(p) for p in bieu_mau.van_de])
    data = bieu_mau.du_lieu
    app: UngDung = ung_dung(request)
    return await _manh_xem_truoc(request, lambda: app.xem_truoc(data, "xem trước"))


@router.get("/van-ban/{van_ban_id}/xem-truoc")
async def xem_truoc_van_ban(
    request: Request, van_ban_id: int, _: Annotated[SignedIn, Depends(nguoi)]
) -> Response:
    """The stored directive's pages as they print now (htmx fragment)."""
    app: UngDung = ung_dung(request)
    return await _manh_xem_truoc(request, lambda: app.xem_truoc_van_ban(str(van_ban_id)))


__all__ = ["router"]
