"""Throw-away keys, one signed directive and the PDF it was signed from, for the signing tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, HOM_NAY
from vanthu.ky_so import CauHinhKy, ViTri, doc_cau_hinh_ky, ghi_bo_khoa, tao_bo_khoa
from vanthu.rendering import Renderer
from vanthu.rendering.renderer import BanDeKy
from vanthu.schemas.gio import GIO_VIET_NAM
from vanthu.services.kiem_tra import kiem_tra_tep_anh

ANH_CHU_KY = EXAMPLES / "cong-dien-anh-chu-ky.yaml"
#: The signing time of every test signature.
LUC_KY = dt.datetime(2026, 11, 28, 14, 30, 5, tzinfo=GIO_VIET_NAM)


@dataclass(frozen=True)
class Khoa:
    thu_muc: Path
    cau_hinh: CauHinhKy


@pytest.fixture(scope="session")
def khoa(tmp_path_factory: pytest.TempPathFactory) -> Khoa:
    folder = tmp_path_factory.mktemp("khoa")
    path = ghi_bo_khoa(tao_bo_khoa(), folder)
    return Khoa(folder, doc_cau_hinh_ky(path))


@pytest.fixture(scope="session")
def khoa_la(tmp_path_factory: pytest.TempPathFactory) -> Khoa:
    """Another CA's keys: signatures no configured root vouches for."""
    folder = tmp_path_factory.mktemp("khoa_la")
    path = ghi_bo_khoa(tao_bo_khoa(nguoi_ky="Kẻ Mạo Danh"), folder)
    return Khoa(folder, doc_cau_hinh_ky(path))


@pytest.fixture(scope="session")
def ban_de_ky(renderer: Renderer) -> BanDeKy:
    vb, anh = kiem_tra_tep_anh(ANH_CHU_KY, HOM_NAY)
    return renderer.ban_de_ky(vb, HOM_NAY, anh)


def vi_tri(ban: BanDeKy) -> tuple[ViTri, ViTri]:
    (k,) = ban.khung
    return ViTri(k.trang, k.chu_ky), ViTri(k.trang, k.con_dau)


@pytest.fixture(scope="session")
def da_ky(ban_de_ky: BanDeKy, khoa: Khoa) -> bytes:
    from vanthu.ky_so import ky_co_quan, ky_lanh_dao

    (k,) = ban_de_ky.khung
    leader, org = vi_tri(ban_de_ky)
    pdf = ky_lanh_dao(ban_de_ky.pdf, khoa.cau_hinh, "lanh_dao", leader, k.anh_chu_ky, LUC_KY)
    return ky_co_quan(pdf, khoa.cau_hinh, org, k.anh_con_dau, LUC_KY)
