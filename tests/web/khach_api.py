"""Helpers for the API tests: a bearer token per user, and a directive carried to a state."""

from __future__ import annotations

import json
from typing import Any

from tests.services.conftest import ManualClock, cong_dien_du_thao
from vanthu.services import TrangThaiVanBan, UngDung, VaiTro

T = TrangThaiVanBan

#: The user who acts for each role in the role matrix (syt: the Sở Y tế's own account).
NGUOI_CUA_VAI_TRO = {
    VaiTro.chuyen_vien: "cv",
    VaiTro.lanh_dao: "ld",
    VaiTro.van_thu: "vt",
    VaiTro.don_vi_nhan: "syt",
}
#: A second leader, who reviews what ``ld`` drafts (nobody reviews their own draft).
LANH_DAO_2 = "ld2"


def bearer(app: UngDung, ten: str) -> dict[str, str]:
    """The header of a new API token acting as ``ten`` (as ``vanthu token create`` makes)."""
    return {"Authorization": "Bearer " + app.tao_ma_truy_cap(ten, "kiểm thử")}


def them_lanh_dao_2(app: UngDung) -> None:
    """Add the second leader."""
    app.them_nguoi_dung("vt", LANH_DAO_2, "Lê Văn Hải", VaiTro.lanh_dao)


def du_thao_json() -> dict[str, Any]:
    """The Ninh Thuận công điện as a draft, as a script sends it (dates as ISO text)."""
    data: dict[str, Any] = json.loads(json.dumps(cong_dien_du_thao(), default=str))
    return data


def du_thao(app: UngDung, nguoi_soan: str = "cv", trich_yeu: str | None = None) -> int:
    """A new draft (the Ninh Thuận công điện) by ``nguoi_soan``; its id."""
    data = cong_dien_du_thao()
    if trich_yeu:
        data["trich_yeu"] = trich_yeu
    return app.soan_thao(nguoi_soan, data, "test").van_ban_id


def du_thao_cua_van_thu(app: UngDung, clock: ManualClock) -> int:
    """A draft the văn thư owns: the reminder (đôn đốc) to bodies overdue on a directive's
    tasks — the one way a văn thư drafts. Moves the clock past the tasks' deadlines."""
    goc = den_trang_thai(app, T.da_phat_hanh)
    clock.dat("2021-10-06T09:00:00")
    ket_qua, _ = app.don_doc("vt", str(goc))
    return ket_qua.van_ban_id


def den_trang_thai(
    app: UngDung,
    trang_thai: TrangThaiVanBan,
    nguoi_soan: str = "cv",
    clock: ManualClock | None = None,
) -> int:
    """A new directive carried through the lifecycle to ``trang_thai``; its id. Reviewed by a
    leader who did not draft it; issued, distributed and followed up by the văn thư. With a
    signing configuration, đã duyệt is as his Duyệt leaves it (signed with his server-held
    key, or, signing in two steps, his prepared PDF cancelled: not signed), and chờ ký số is
    a văn thư's chuẩn bị ký số of the unsigned directive."""
    if nguoi_soan == "vt":
        assert clock is not None, "a văn thư's draft moves the clock"
        van_ban_id = du_thao_cua_van_thu(app, clock)
    else:
        van_ban_id = du_thao(app, nguoi_soan)
    key = str(van_ban_id)
    reviewer = LANH_DAO_2 if nguoi_soan == "ld" else "ld"
    steps = {
        T.cho_duyet: lambda: app.trinh(nguoi_soan, key),
        T.tra_lai: lambda: app.tra_lai(reviewer, key, "Bổ sung căn cứ"),
        T.da_duyet: lambda: _duyet(app, reviewer, key),
        T.da_ban_hanh: lambda: app.ban_hanh("vt", key),
        T.cho_ky_so: lambda: _chuan_bi_ky(app, key),
        T.da_phat_hanh: lambda: app.phat_hanh("vt", key),
        T.dang_theo_doi: lambda: app.theo_doi("vt", key),
        T.hoan_thanh: lambda: app.hoan_thanh("vt", key),
    }
    path = {
        T.du_thao: [],
        T.cho_duyet: [T.cho_duyet],
        T.tra_lai: [T.cho_duyet, T.tra_lai],
        T.da_duyet: [T.cho_duyet, T.da_duyet],
        T.da_ban_hanh: [T.cho_duyet, T.da_duyet, T.da_ban_hanh],
        T.cho_ky_so: [T.cho_duyet, T.da_duyet, T.cho_ky_so],  # his signature on his computer
        T.da_phat_hanh: [T.cho_duyet, T.da_duyet, T.da_ban_hanh, T.da_phat_hanh],
        T.dang_theo_doi: [
            T.cho_duyet,
            T.da_duyet,
            T.da_ban_hanh,
            T.da_phat_hanh,
            T.dang_theo_doi,
        ],
        T.hoan_thanh: [
            T.cho_duyet,
            T.da_duyet,
            T.da_ban_hanh,
            T.da_phat_hanh,
            T.dang_theo_doi,
            T.hoan_thanh,
        ],
    }[trang_thai]
    for state in path:
        steps[state]()
    assert app.xem_van_ban(key).trang_thai is trang_thai
    return van_ban_id


def _duyet(app: UngDung, reviewer: str, key: str) -> None:
    """Approved: signed by a server-held key, or, waiting for a two-step signature, not."""
    if app.duyet(reviewer, key).den is T.cho_ky_so:
        app.huy_ky_so("vt", key)


def _chuan_bi_ky(app: UngDung, key: str) -> None:
    """Waiting for the leader's signature on his own computer, whatever his key."""
    if app.xem_van_ban(key).ky_so == "lanh_dao_da_ky":
        app.huy_ky_so("vt", key)
    app.chuan_bi_ky("vt", key)


def sql(db_url: str, statement: str, **params: object) -> list[tuple[Any, ...]]:
    """Run one statement on the test's store directly (to read a slip's token, or to do what no
    use case does yet, such as revoking a token); the rows it returns."""
    from sqlalchemy import create_engine, text

    url = (
        db_url.replace("postgresql://", "postgresql+psycopg://", 1)
        if db_url.startswith("postgresql://")
        else f"sqlite:///{db_url}"
    )
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def ma_xac_nhan(db_url: str, van_ban_id: int, ma_co_quan: str) -> str:
    """The acknowledgement token printed on a body's slip."""
    rows = sql(
        db_url,
        "SELECT ma_xac_nhan FROM noi_nhan WHERE van_ban_id = :v AND ma_co_quan = :m",
        v=van_ban_id,
        m=ma_co_quan,
    )
    token: str = rows[0][0]
    return token
