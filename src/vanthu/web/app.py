"""The desk's application: routes, static files, limits, security headers, error pages."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import Throttled, VanthuError
from ..schemas.gioi_han import YEU_CAU_TOI_DA
from ..services import UngDung
from .api import ky_so, noi_nhan, so_dang_ky, xac_nhan
from .api import van_ban as van_ban_api
from .cai_dat import CaiDatWeb
from .giao_dien import THU_MUC, trang
from .loi import loi_yeu_cau, ma_trang_thai
from .phien import ChuaDangNhap, CsrfSai, KhongDuQuyen
from .trang import (
    dang_nhap,
    danh_ba,
    duyet,
    kiem_tra_chu_ky,
    ky_hai_buoc,
    nguoi_dung,
    nhan,
    phat_hanh,
    so_van_ban_di,
    soan_thao,
    theo_doi,
    van_ban,
)

#: Sent with every response: no framing, no sniffing, no referrer (a recipient's link holds its
#: secret), scripts and styles from the desk itself only.
DAU_BAO_MAT = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
}


class DauBaoMat:
    """ASGI middleware: :data:`DAU_BAO_MAT` on every response, and ``Cache-Control: no-store``
    on every one but a static file's; a header the route set itself is kept.

    Plain ASGI rather than Starlette's ``BaseHTTPMiddleware``, which runs each request through
    a second task and a streamed copy of its response: on the recipients' acknowledgements
    that was a measurable share of the server's time.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in DAU_BAO_MAT.items():
                    headers.setdefault(key, value)
                if not static:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, with_headers)


class GioiHanYeuCau:
    """ASGI middleware: a request body over ``toi_da`` bytes is refused with 413 before a
    route reads it (by its Content-Length, or counted as it streams in)."""

    def __init__(self, app: ASGIApp, toi_da: int = YEU_CAU_TOI_DA) -> None:
        self.app = app
        self.toi_da = toi_da

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.toi_da):
            await _qua_lon(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.toi_da:
                    raise _QuaLon()
            return message

        try:
            await self.app(scope, counted, send)
        except _QuaLon:
            await _qua_lon(send)


class _QuaLon(Exception):
    pass


async def _qua_lon(send: Send) -> None:
    body = f"Yêu cầu quá lớn: tối đa {YEU_CAU_TOI_DA // (1024 * 1024)} MiB.".encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"text/plain; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _la_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def tao_app(ung_dung: UngDung, cai_dat: CaiDatWeb) -> FastAPI:
    """The desk on one façade (tests build it on their own store)."""
    app = FastAPI(
        title="vanthu",
        version=__version__,
        description="Văn bản hành chính theo Nghị định 30/2020/NĐ-CP: the desk's JSON API.",
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.ung_dung = ung_dung
    app.state.cai_dat = cai_dat
    app.mount("/static", StaticFiles(directory=THU_MUC / "static"), name="static")
    # The pages answer HTML and are not part of the API's description.
    for page in (
        dang_nhap,
        van_ban,
        soan_thao,
        duyet,
        phat_hanh,
        ky_hai_buoc,
        theo_doi,
        nhan,
        so_van_ban_di,
        danh_ba,
        nguoi_dung,
        kiem_tra_chu_ky,
    ):
        app.include_router(page.router, include_in_schema=False)
    app.include_router(van_ban_api.router)
    app.include_router(noi_nhan.router)
    app.include_router(so_dang_ky.router)
    app.include_router(xac_nhan.router)
    app.include_router(ky_so.router)

    @app.exception_handler(ChuaDangNhap)
    async def chua_dang_nhap(request: Request, _: Exception) -> Response:
        if _la_api(request):
            # RFC 9110 §11.6.1: a 401 names the scheme that would be accepted.
            return JSONResponse(
                {"detail": "hãy đăng nhập trước"},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="vanthu"'},
            )
        if request.headers.get("hx-request"):
            return Response(status_code=401, headers={"HX-Redirect": "/dang-nhap"})
        return RedirectResponse(f"/dang-nhap?tiep={request.url.path}", status_code=303)

    @app.exception_handler(CsrfSai)
    async def csrf_sai(request: Request, _: Exception) -> Response:
        message = "thiếu hoặc sai mã chống giả mạo (CSRF); hãy tải lại trang rồi thử lại"
        if _la_api(request):
            return JSONResponse({"detail": message}, status_code=403)
        return trang(request, "loi.html", 403, thong_bao="Phiên làm việc đã đổi: " + message)

    @app.exception_handler(KhongDuQuyen)
    async def khong_du_quyen(request: Request, error: Exception) -> Response:
        if _la_api(request):
            return JSONResponse({"detail": str(error)}, status_code=403)
        return trang(request, "loi.html", 403, thong_bao=str(error))

    @app.exception_handler(RequestValidationError)
    async def yeu_cau_sai(request: Request, error: Exception) -> Response:
        # FastAPI's own 422, its body's structure unchanged, each msg in Vietnamese.
        assert isinstance(error, RequestValidationError)
        return JSONResponse({"detail": loi_yeu_cau(error.errors())}, status_code=422)

    @app.exception_handler(VanthuError)
    async def loi_vanthu(request: Request, error: Exception) -> Response:
        assert isinstance(error, VanthuError)
        status = ma_trang_thai(error)
        headers: dict[str, Any] = {}
        if isinstance(error, Throttled):
            headers["Retry-After"] = str(error.retry_after)
        if _la_api(request):
            return JSONResponse({"detail": str(error)}, status_code=status, headers=headers)
        page = trang(request, "loi.html", status, thong_bao=str(error))
        page.headers.update(headers)
        return page

    app.add_middleware(DauBaoMat)
    app.add_middleware(GioiHanYeuCau)
    return app


def tao_app_tu_moi_truong() -> FastAPI:
    """The desk from the environment (each worker of ``vanthu serve --workers N`` calls it)."""
    cai_dat = CaiDatWeb.tu_moi_truong()
    app = UngDung(db=cai_dat.db, thu_muc=cai_dat.thu_muc, base_url=cai_dat.base_url)
    return tao_app(app, cai_dat)
