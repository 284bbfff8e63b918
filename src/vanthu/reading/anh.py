"""Signature and seal images read beside a directive file, checked before anything is drawn.

Each path the directive names (``nguoi_ky.anh_chu_ky`` …) is resolved against the directive's
folder and must stay inside it, links included. The file is a regular file of at most
ANH_TOI_DA bytes, a PNG whose header claims at most ANH_CANH_TOI_DA pixels a side and
ANH_PX_TOI_DA in all (checked before decoding: a decompression bomb is refused unread), that
decodes whole, and that has a transparent background (an alpha channel, or a transparent
colour, with some pixels transparent and some not). It is re-encoded as an RGBA PNG, so that
the writers receive one plain kind of PNG whatever chunks the original carried.

Only the file commands read images. A directive kept in the store never names one: the
signature and seal are the signer's, placed when the signer signs (:func:`tu_choi_anh`).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image

from ..errors import InvalidDirective, Problem
from ..schemas import VanBan
from ..schemas.anh import AnhDaDoc
from ..schemas.gioi_han import ANH_CANH_TOI_DA, ANH_PX_TOI_DA, ANH_TOI_DA
from .tep import doc_byte

_PNG = b"\x89PNG\r\n\x1a\n"


def cac_anh(vb: VanBan) -> list[tuple[str, str]]:
    """Every image the directive names, as (field path, file path), in printed order."""
    signers = (("nguoi_ky_2", vb.nguoi_ky_2), ("nguoi_ky", vb.nguoi_ky))
    return [
        (f"{name}.{field}", path)
        for name, signer in signers
        if signer is not None
        for field, path in signer.cac_anh
    ]


def tu_choi_anh(vb: VanBan, nguon: str) -> None:
    """Refuse a directive that names images where none are read (the store, the web desk).

    Raises:
        InvalidDirective: one problem per image field.
    """
    named = cac_anh(vb)
    if named:
        raise InvalidDirective(
            nguon,
            [
                Problem(
                    field,
                    "ảnh chữ ký và con dấu chỉ được đọc cạnh tệp văn bản "
                    "(vanthu check, vanthu render); văn bản lưu trong kho không mang theo ảnh: "
                    "ảnh thuộc về người ký, được đặt vào khi ký",
                )
                for field, _ in named
            ],
        )


def doc_anh(vb: VanBan, thu_muc: Path, nguon: str) -> dict[str, AnhDaDoc]:
    """Read and check every image the directive names, keyed by the path as written.

    Raises:
        InvalidDirective: one problem per image that is missing, outside the directive's
            folder, too large, not a PNG, or without a transparent background.
    """
    problems: list[Problem] = []
    out: dict[str, AnhDaDoc] = {}
    folder = thu_muc.resolve()
    for field, path in cac_anh(vb):
        if path in out:
            continue
        try:
            out[path] = _doc_mot_anh(folder, path)
        except ValueError as error:
            problems.append(Problem(field, f"'{path}': {error}"))
    if problems:
        raise InvalidDirective(nguon, problems)
    return out


def _doc_mot_anh(folder: Path, path: str) -> AnhDaDoc:
    """One image, checked. Raises ValueError with the reason."""
    target = (folder / path).resolve()
    if not target.is_relative_to(folder):
        raise ValueError("dẫn ra ngoài thư mục của văn bản (qua một liên kết)")
    try:
        data = doc_byte(target, ANH_TOI_DA, path)
    except InvalidDirective as error:
        raise ValueError("; ".join(p.message for p in error.problems)) from None
    return kiem_tra_png(data)


def kiem_tra_png(data: bytes) -> AnhDaDoc:
    """Check a PNG's bytes and re-encode them as RGBA.

    Raises:
        ValueError: not a PNG, too many pixels, damaged, or without a transparent background.
    """
    if not data.startswith(_PNG):
        raise ValueError("không phải tệp PNG")
    try:
        with warnings.catch_warnings():
            # Pillow warns, then refuses, past its own limit: both are a bomb here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
                width, height = image.size
                _kich_thuoc(width, height)
                image.verify()
            with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
                image.load()
                transparent = image.mode in {"RGBA", "LA", "PA"} or ("transparency" in image.info)
                if not transparent:
                    raise ValueError(
                        f"không có nền trong suốt (chế độ {image.mode}, không có kênh alpha): "
                        "hãy lưu thành ảnh PNG nền trong suốt"
                    )
                rgba = image.convert("RGBA")
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValueError(
            f"khai báo hơn {ANH_PX_TOI_DA:,} điểm ảnh (tối đa {ANH_CANH_TOI_DA} mỗi cạnh)"
        ) from None
    except ValueError:
        raise
    except Exception as error:  # Pillow's decoders raise many kinds on damaged data
        raise ValueError(f"không giải mã được ảnh PNG ({type(error).__name__})") from None
    low, high = rgba.getchannel("A").getextrema()
    if low == 255:
        raise ValueError("không có điểm ảnh trong suốt nào: nền ảnh sẽ che mất chữ")
    if high == 0:
        raise ValueError("trong suốt hoàn toàn: sẽ không in ra gì")
    out = io.BytesIO()
    rgba.save(out, format="PNG")
    return AnhDaDoc(out.getvalue(), width, height)


def _kich_thuoc(width: int, height: int) -> None:
    if max(width, height) > ANH_CANH_TOI_DA or width * height > ANH_PX_TOI_DA:
        raise ValueError(
            f"có {width} × {height} điểm ảnh; tối đa {ANH_CANH_TOI_DA} mỗi cạnh và "
            f"{ANH_PX_TOI_DA:,} tất cả"
        )
