"""The recipient's page (trang nơi nhận): ``/nhan/<mã theo dõi>/<mã xác nhận>``, opened from the
slip's QR code or the e-mail link, with no account.

The link is the credential: the façade proves both parts name one copy (the token compared in
constant time) and acts for that copy's body only. There is no session, so no session-bound CSRF
token: instead every form posts to a path that carries the link's own secret
(``/nhan/<mã>/<secret>/xac-nhan``). A page on another site cannot forge such a request without
knowing the secret, and whoever knows it already holds the link itself, so a token derived from
the link (an HMAC) would add no secret an attacker lacks and would need a server key shared by
every worker. As defence in depth a POST whose ``Origin`` (or, without one, ``Referer``) names
another site — or the opaque ``null`` of a sandboxed frame — is refused with 403; the page is
sent with ``Referrer-Policy: same-origin`` so that the browser's own form posts carry the real
origin, while no other site is ever told the URL. The page is ``noindex`` and never cached.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, RedirectResponse, Response

from ...errors import NotFound, Refused, TooLarge, VanthuError
from ...schemas.gioi_han import KY_HIEU_TOI_DA, PDF_KIEM_TRA_TOI_DA, TEP_BAO_CAO_TOI_DA
from ...services import TrangNhan
from ..giao_dien import trang
from ..kiem_tra_ky import TEN_TEP, TOI_DA_MIB, KiemTra, kiem_tra_tai_len
from ..loi import ma_trang_thai
from ..phien import ung_dung
from ..tai_len import chep_tam, dong_form, tu_choi_neu_qua_lon

router = APIRouter()

#: Response headers of every answer under /nhan/ (see the module docstring).
DAU_NHAN = {
    "Referrer-Policy": "same-origin",
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "no-store",
}
#: The messages shown after a redirect (Post/Redirect/Get), by the ``xong`` query value.
THONG_BAO = {
    "nhan": "Đã xác nhận nhận văn bản. Xin cảm ơn.",
    "bao-cao": "Đã gửi báo cáo. Xin cảm ơn.",
}


def _goc(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _cung_nguon(request: Request) -> None:
    """Refuse a POST that a browser says comes from another site (see the module docstring).

    Raises:
        Refused: ``Origin`` (or ``Referer``) names another origin, or is ``null``.
    """
    said = request.headers.get("origin") or request.headers.get("referer")
    if said is None:
        return  # not a browser's form: the secret in the path is the credential
    ours = {_goc(str(request.base_url)), _goc(request.app.state.cai_dat.base_url)}
    if said == "null" or _goc(said) not in ours:
        raise Refused("biểu mẫu này", "được gửi từ một trang web khác")


def _trang_nhan(
    request: Request,
    nhan: TrangNhan,
    duong_dan: str,
    status: int = 200,
    loi: str | None = None,
    so_tra_loi: str = "",
    kiem_tra: KiemTra | None = None,
) -> Response:
    page = trang(
        request,
        "nhan.html",
        410 if nhan.thu_hoi else status,
        nhan=nhan,
        duong_dan=duong_dan,
        thong_bao=THONG_BAO.get(request.query_params.get("xong", "")),
        loi=loi,
        so_tra_loi=so_tra_loi,
        so_tra_loi_toi_da=KY_HIEU_TOI_DA,
        tep_toi_da_mib=TEP_BAO_CAO_TOI_DA // (1024 * 1024),
        hanh_dong=f"{duong_dan}/kiem-tra-chu-ky",
        toi_da_mib=TOI_DA_MIB,
        loi_kiem_tra=kiem_tra.loi if kiem_tra else None,
        kq=kiem_tra.hien_thi() if kiem_tra else {},
    )
    page.headers.update(DAU_NHAN)
    return page


def _loi(request: Request, error: VanthuError) -> Response:
    """A refused link (unknown, recalled) as a page with the security headers of /nhan/."""
    if isinstance(error, NotFound):
        title, why = (
            "Liên kết không đúng",
            "Liên kết này không đúng hoặc không dành cho văn bản nào. Xin quét lại mã QR trên "
            "phiếu gửi, hoặc mở liên kết trong thư điện tử của Quý cơ quan.",
        )
    else:
        title, why = "Không thực hiện được", "Yêu cầu không được chấp nhận."
    page = trang(
        request,
        "nhan_loi.html",
        ma_trang_thai(error),
        tieu_de=title,
        giai_thich=why,
        thong_bao=str(error),
    )
    page.headers.update(DAU_NHAN)
    return page


@router.get("/nhan/{ma_theo_doi}/{ma_xac_nhan}")
def xem(request: Request, ma_theo_doi: str, ma_xac_nhan: str) -> Response:
    """The body's page: the directive, its copy's state, its tasks, confirm and report."""
    try:
        nhan = ung_dung(request).mo_lien_ket(ma_theo_doi, ma_xac_nhan)
    except VanthuError as error:
        return _loi(request, error)
    return _trang_nhan(request, nhan, f"/nhan/{ma_theo_doi}/{ma_xac_nhan}")


@router.post("/nhan/{ma_theo_doi}/{ma_xac_nhan}/xac-nhan")
def xac_nhan(request: Request, ma_theo_doi: str, ma_xac_nhan: str) -> Response:
    """Xác nhận đã nhận: recorded once; pressing it again changes nothing."""
    app = ung_dung(request)
    try:
        _cung_nguon(request)
        app.xac_nhan_lien_ket(ma_theo_doi, ma_xac_nhan)
    except Refused as error:
        try:  # recalled since the page was opened: the page says so (410)
            nhan = app.mo_lien_ket(ma_theo_doi, ma_xac_nhan)
        except VanthuError:
            nhan = None
        if nhan is not None and nhan.thu_hoi:
            return _trang_nhan(request, nhan, f"/nhan/{ma_theo_doi}/{ma_xac_nhan}")
        return _loi(request, error)
    except VanthuError as error:
        return _loi(request, error)
    return RedirectResponse(
        f"/nhan/{ma_theo_doi}/{ma_xac_nhan}?xong=nhan", status_code=303, headers=DAU_NHAN
    )


@router.post("/nhan/{ma_theo_doi}/{ma_xac_nhan}/bao-cao")
def bao_cao(
    request: Request,
    ma_theo_doi: str,
    ma_xac_nhan: str,
    so_ky_hieu: Annotated[str, Form(max_length=4 * KY_HIEU_TOI_DA)],
    tep: Annotated[UploadFile, File()],
) -> Response:
    """Gửi báo cáo: the reply's number and its PDF or DOCX, stored by the façade.

    The upload goes to a temporary file under a name of ours (never the sender's), which is
    removed afterwards whatever happens; the façade tells its type by its bytes.
    """
    app = ung_dung(request)
    here = f"/nhan/{ma_theo_doi}/{ma_xac_nhan}"
    try:
        _cung_nguon(request)
        nhan = app.mo_lien_ket(ma_theo_doi, ma_xac_nhan)
    except VanthuError as error:
        return _loi(request, error)
    if nhan.thu_hoi:
        return _trang_nhan(request, nhan, here)
    try:
        with tempfile.TemporaryDirectory(prefix="vanthu-tai-len-") as scratch:
            path = Path(scratch) / "bao-cao"
            chep_tam(tep, path, TEP_BAO_CAO_TOI_DA, "report file")
            app.bao_cao_lien_ket(ma_theo_doi, ma_xac_nhan, so_ky_hieu, path)
    except VanthuError as error:
        return _trang_nhan(request, nhan, here, ma_trang_thai(error), str(error), so_ky_hieu)
    finally:
        tep.file.close()
    return RedirectResponse(f"{here}?xong=bao-cao", status_code=303, headers=DAU_NHAN)


@router.post("/nhan/{ma_theo_doi}/{ma_xac_nhan}/kiem-tra-chu-ky", dependencies=[Depends(dong_form)])
async def kiem_tra_chu_ky(request: Request, ma_theo_doi: str, ma_xac_nhan: str) -> Response:
    """Kiểm tra chữ ký số: the verdict of a PDF the body uploads (the directive it was sent, or
    any other), shown on its page; nothing is stored. The link is checked before the upload is
    read, and an upload declared over the limit is never read."""
    here = f"/nhan/{ma_theo_doi}/{ma_xac_nhan}"
    try:
        _cung_nguon(request)
        nhan = await run_in_threadpool(ung_dung(request).mo_lien_ket, ma_theo_doi, ma_xac_nhan)
    except VanthuError as error:
        return _loi(request, error)
    if nhan.thu_hoi:
        return _trang_nhan(request, nhan, here)
    try:
        tu_choi_neu_qua_lon(request, PDF_KIEM_TRA_TOI_DA, TEN_TEP)
    except TooLarge as error:
        return _trang_nhan(request, nhan, here, 413, kiem_tra=KiemTra(loi=str(error), status=413))
    kiem_tra = await kiem_tra_tai_len(request, noi_cau_hinh=False)
    return _trang_nhan(request, nhan, here, kiem_tra.status, kiem_tra=kiem_tra)


@router.get("/nhan/{ma_theo_doi}/{ma_xac_nhan}/van-ban.{dinh_dang}")
def tai_ve(
    request: Request, ma_theo_doi: str, ma_xac_nhan: str, dinh_dang: str, tai: int = 0
) -> Response:
    """The issued PDF (shown in the browser unless ``?tai=1``) or DOCX (downloaded)."""
    try:
        path = ung_dung(request).tep_lien_ket(ma_theo_doi, ma_xac_nhan, dinh_dang)
    except VanthuError as error:
        return _loi(request, error)
    inline = dinh_dang == "pdf" and not tai
    media = (
        "application/pdf"
        if dinh_dang == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    return FileResponse(
        path,
        media_type=media,
        filename=path.name,
        content_disposition_type="inline" if inline else "attachment",
        headers=DAU_NHAN,
    )


__all__ = ["router"]
