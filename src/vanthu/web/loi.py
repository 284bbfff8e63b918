"""What an error becomes over HTTP (lỗi): the status code that says what kind it is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi.encoders import jsonable_encoder

from ..errors import (
    ConcurrentChange,
    DeliveryFailed,
    InvalidDirective,
    InvalidSetting,
    NotFound,
    OutputError,
    Refused,
    RenderError,
    SigningFailed,
    StoreUnavailable,
    Throttled,
    TooLarge,
    TransitionRefused,
    UnreadableWord,
    UnsupportedLayout,
    VanthuError,
)
from ..schemas.thong_bao_loi import thong_bao

#: The first matching class decides; subclasses come before their base.
_MA_TRANG_THAI: tuple[tuple[type[VanthuError], int], ...] = (
    (Throttled, 429),
    (InvalidDirective, 422),
    (TooLarge, 413),
    (InvalidSetting, 422),
    # A signed PDF handed back that is refused, or a key that cannot sign: said in one line.
    (SigningFailed, 422),
    (UnsupportedLayout, 422),
    (UnreadableWord, 422),
    (NotFound, 404),
    (ConcurrentChange, 409),
    (Refused, 403),
    (DeliveryFailed, 502),
    (StoreUnavailable, 503),
    (OutputError, 500),
    (RenderError, 500),
)


#: A refused transition by the rule that refused it: the actor may not (403), a reason is
#: missing (422), the state does not allow it (409).
_MA_CHUYEN_TU_CHOI = {"actor": 403, "reason": 422, "state": 409}


def ma_trang_thai(error: VanthuError) -> int:
    """The HTTP status for a refusal: 422 bad input, 413 an upload over its limit, 404 unknown,
    409 wrong state or a race, 403 forbidden by the rules (a role that may not fire an event
    included), 429 slow down, 5xx what the machine could not do."""
    if isinstance(error, TransitionRefused):
        return _MA_CHUYEN_TU_CHOI[error.cause]
    for kind, status in _MA_TRANG_THAI:
        if isinstance(error, kind):
            return status
    return 500


def loi_yeu_cau(errors: Sequence[Mapping[str, Any]]) -> list[Any]:
    """A request's validation errors as the 422 body lists them: FastAPI's structure (``loc``,
    ``type``, ``input``, ``ctx``) kept for programs, each ``msg`` said in Vietnamese."""
    return [jsonable_encoder({**error, "msg": thong_bao(error)}) for error in errors]
