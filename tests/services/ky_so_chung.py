"""Throw-away keys with images and signing configurations for the lifecycle's signing tests."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import yaml
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner

from tests.conftest import EXAMPLES
from vanthu.ky_so import doc_cau_hinh_ky, ghi_bo_khoa, mo_khoa, tao_bo_khoa

ANH = EXAMPLES / "anh"


def bo_khoa(folder: Path, nguoi_ky: str = "Trần Quốc Nam") -> Path:
    """A key set (CA, leader, organisation) with the sample signature and seal images; the
    configuration's path."""
    path = ghi_bo_khoa(tao_bo_khoa(nguoi_ky=nguoi_ky), folder)
    shutil.copy(ANH / "chu-ky-mau.png", folder / "chu-ky.png")
    shutil.copy(ANH / "con-dau-mau.png", folder / "con-dau.png")
    return cau_hinh(path)


def cau_hinh(path: Path, ten: str = "ky-so.yaml", **doi: Any) -> Path:
    """A configuration beside ``path``'s keys: its content with the images named, changed by
    ``doi`` (a value None removes the field); written as ``ten``."""
    data = yaml.safe_load(path.read_text("utf-8"))
    data["khoa"]["lanh_dao"]["anh"] = "chu-ky.png"
    data["khoa"]["co_quan"]["anh"] = "con-dau.png"
    for key, value in doi.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    out = path.with_name(ten)
    out.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return out


def cau_hinh_hai_buoc(khoa: Path) -> Path:
    """A signing configuration where the leader 'ld' signs on his own computer (two-step) and
    the organisation's key is on the server."""
    return cau_hinh(
        khoa,
        "hai-buoc.yaml",
        khoa={
            "co_quan": {
                "pkcs12": "co-quan.p12",
                "mat_khau_tep": "mat-khau.txt",
                "anh": "con-dau.png",
            },
            "lanh_dao_xa": {"hai_buoc": True, "anh": "chu-ky.png"},
        },
        nguoi_ky={"ld": "lanh_dao_xa"},
    )


def cong_cu_lanh_dao(pdf: bytes, config: Path, key: str = "lanh_dao") -> bytes:
    """What the leader's own tool does: sign the prepared PDF's empty field with his key."""
    source = doc_cau_hinh_ky(config).nguon_khoa(key)
    with mo_khoa(source) as signer:
        meta = PdfSignatureMetadata(field_name="nguoi_ky", subfilter=fields.SigSeedSubFilter.PADES)
        out = PdfSigner(meta, signer).sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(pdf)), existing_fields_only=True
        )
    return bytes(out.getvalue())
