# mypy: disable-error-code="no-untyped-call"
"""The number and date given after the leader signs: the blank lines' fields, filled from the
numbered render, keep his signature intact; the filled page looks as the numbered one; a
second fill and any other change are refused or reported."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from PIL import Image, ImageChops
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from tests.conftest import EXAMPLES, HOM_NAY
from tests.ky_so.conftest import ANH_CHU_KY, LUC_KY, Khoa, vi_tri
from tests.rendering.dumps import pdf_page_png
from vanthu.errors import SigningFailed
from vanthu.ky_so import KetLuan, ky_co_quan, ky_lanh_dao, ngu_canh_tin_cay, xac_minh
from vanthu.ky_so.dien_so import TruongDien, dien_so_ngay, gia_tri_da_dien, them_truong_dien
from vanthu.rendering import Renderer
from vanthu.rendering.renderer import BanDeKy
from vanthu.schemas import VanBan
from vanthu.services.kiem_tra import kiem_tra_tep_anh


@dataclasses.dataclass(frozen=True)
class HaiBan:
    """The same directive drawn blank (as the leader signs it) and numbered."""

    vb: VanBan
    trong: BanDeKy
    co_so: BanDeKy


def _truong(ban: BanDeKy) -> list[TruongDien]:
    return [TruongDien(d.ten, d.trang, d.khung) for d in ban.dien]


@pytest.fixture(scope="module")
def hai_ban(renderer: Renderer) -> HaiBan:
    vb, anh = kiem_tra_tep_anh(ANH_CHU_KY, HOM_NAY)
    blank = vb.model_copy(update={"so": None, "ngay": None})
    numbered = vb.model_copy(update={"so": 18, "ngay": HOM_NAY})
    return HaiBan(
        numbered,
        renderer.ban_de_ky(blank, HOM_NAY, anh, pdf_a=True),
        renderer.ban_de_ky(numbered, HOM_NAY, anh, pdf_a=True),
    )


@pytest.fixture(scope="module")
def lanh_dao_da_ky(hai_ban: HaiBan, khoa: Khoa) -> bytes:
    (k,) = hai_ban.trong.khung
    leader, _ = vi_tri(hai_ban.trong)
    pdf = them_truong_dien(hai_ban.trong.pdf, _truong(hai_ban.trong))
    return ky_lanh_dao(pdf, khoa.cau_hinh, "lanh_dao", leader, k.anh_chu_ky, LUC_KY)


def _dien(hai_ban: HaiBan, pdf: bytes) -> bytes:
    return dien_so_ngay(
        pdf,
        hai_ban.co_so.pdf,
        {"so_ky_hieu": "Số: 18/CĐ-UBND", "ngay_ban_hanh": "Ninh Thuận, ngày 28 tháng 11 năm 2026"},
    )


@pytest.fixture(scope="module")
def ban_hanh(hai_ban: HaiBan, lanh_dao_da_ky: bytes, khoa: Khoa) -> bytes:
    (k,) = hai_ban.trong.khung
    _, org = vi_tri(hai_ban.trong)
    return ky_co_quan(_dien(hai_ban, lanh_dao_da_ky), khoa.cau_hinh, org, k.anh_con_dau, LUC_KY)


def test_the_blank_and_the_numbered_render_put_the_number_and_date_lines_in_the_same_place(
    hai_ban: HaiBan,
) -> None:
    assert [d.ten for d in hai_ban.trong.dien] == ["so_ky_hieu", "ngay_ban_hanh"]
    assert hai_ban.trong.dien == hai_ban.co_so.dien
    assert [(k.chu_ky, k.con_dau) for k in hai_ban.trong.khung] == [
        (k.chu_ky, k.con_dau) for k in hai_ban.co_so.khung
    ]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_puts_its_number_and_date_lines_where_the_numbered_one_does(
    renderer: Renderer, path: object
) -> None:
    vb, _ = kiem_tra_tep_anh(path, HOM_NAY)  # type: ignore[arg-type]
    blank = vb.model_copy(update={"so": None, "ngay": None})
    # A wide number and the widest date the place-date line can print.
    numbered = vb.model_copy(update={"so": 8888, "ngay": HOM_NAY.replace(month=12, day=28)})
    trong = renderer.ban_de_ky(_bo_anh(blank), HOM_NAY)
    co_so = renderer.ban_de_ky(_bo_anh(numbered), HOM_NAY)
    assert trong.dien and trong.dien == co_so.dien


def _bo_anh(vb: VanBan) -> VanBan:
    """The directive with no signer naming an image (the places do not depend on them)."""
    update = {
        ten: nguoi.model_copy(update={"anh_chu_ky": None, "anh_con_dau": None})
        for ten in ("nguoi_ky", "nguoi_ky_2")
        if (nguoi := getattr(vb, ten, None)) is not None
    }
    return vb.model_copy(update=update)


def test_filling_the_number_and_date_after_the_leader_signed_leaves_his_signature_intact(
    ban_hanh: bytes, khoa: Khoa
) -> None:
    result = xac_minh(ban_hanh, ngu_canh_tin_cay(khoa.cau_hinh))
    assert result.ket_luan is KetLuan.HOP_LE
    leader, org = result.chu_ky
    assert leader.vai_tro == "lanh_dao" and leader.sua_sau_ky == "FORM_FILLING"
    assert org.vai_tro == "co_quan" and org.sua_sau_ky == "NONE"
    filled = {
        "so_ky_hieu": "Số: 18/CĐ-UBND",
        "ngay_ban_hanh": "Ninh Thuận, ngày 28 tháng 11 năm 2026",
    }
    assert gia_tri_da_dien(ban_hanh) == filled
    # The verification says what was filled after the leader signed.
    assert result.o_da_dien == filled and result.json()["o_da_dien"] == filled
    assert result.loi()[-1] == (
        "Điền sau khi người ký ký (số, ngày do hệ thống cấp): Số: 18/CĐ-UBND; "
        "Ninh Thuận, ngày 28 tháng 11 năm 2026"
    )


def test_the_issued_xmp_names_the_number_given_after_signing(ban_hanh: bytes) -> None:
    root = PdfFileReader(io.BytesIO(ban_hanh), strict=False).root
    xmp = root["/Metadata"].data.decode()
    # pyHanko writes the packet again at each signature, the fields as attributes
    assert re.search(r'CodeNumber(="|>\s*)18\b', xmp)
    assert re.search(r'IssuedDate(="|>\s*)2026-11-28\b', xmp)
    assert "pdfaid:part" in xmp and "dự thảo" not in xmp
    info = PdfFileReader(io.BytesIO(ban_hanh), strict=False).trailer["/Info"]
    assert "18/CĐ-UBND" in str(info["/Title"])


def test_the_filled_header_looks_as_the_numbered_render_draws_it(
    hai_ban: HaiBan, ban_hanh: bytes
) -> None:
    def header(pdf: bytes) -> Image.Image:
        page = Image.open(io.BytesIO(pdf_page_png(pdf, 1, dpi=100))).convert("L")
        return page.crop((0, 0, page.width, page.height // 4))

    filled, numbered = header(ban_hanh), header(hai_ban.co_so.pdf)
    blank = header(hai_ban.trong.pdf)
    differ = ImageChops.difference(filled, numbered).point(lambda v: 255 if v > 64 else 0)
    assert differ.getbbox() is None
    # and the blank lines did differ: the check compares something
    assert ImageChops.difference(blank, numbered).point(lambda v: 255 if v > 64 else 0).getbbox()


def test_a_second_fill_is_refused(hai_ban: HaiBan, lanh_dao_da_ky: bytes) -> None:
    once = _dien(hai_ban, lanh_dao_da_ky)
    with pytest.raises(SigningFailed, match="đã được điền"):
        _dien(hai_ban, once)


def test_a_document_without_the_fields_cannot_be_filled(hai_ban: HaiBan) -> None:
    with pytest.raises(SigningFailed, match="không có ô điền"):
        _dien(hai_ban, hai_ban.trong.pdf)


def test_moving_a_filled_field_after_the_leader_signed_is_reported_as_changed(
    hai_ban: HaiBan, lanh_dao_da_ky: bytes, khoa: Khoa
) -> None:
    w = IncrementalPdfFileWriter(io.BytesIO(_dien(hai_ban, lanh_dao_da_ky)))
    field = w.root["/AcroForm"]["/Fields"][0].get_object()
    field["/Rect"] = generic.ArrayObject(generic.FloatObject(v) for v in (300, 300, 500, 320))
    w.update_container(field)
    out = io.BytesIO()
    w.write(out)
    result = xac_minh(out.getvalue(), ngu_canh_tin_cay(khoa.cau_hinh))
    assert result.ket_luan is not KetLuan.HOP_LE


def test_a_two_step_leader_whose_tool_also_fills_the_number_is_refused(
    hai_ban: HaiBan, khoa: Khoa
) -> None:
    from pyhanko.sign import fields as sig_fields
    from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner

    from vanthu.ky_so import chuan_bi_ky, mo_khoa, nhan_ban_da_ky

    leader, _ = vi_tri(hai_ban.trong)
    prepared = chuan_bi_ky(them_truong_dien(hai_ban.trong.pdf, _truong(hai_ban.trong)), leader)
    tampered = dien_so_ngay(prepared, hai_ban.co_so.pdf, {"so_ky_hieu": "Số: 99/CĐ-UBND"})
    with mo_khoa(khoa.cau_hinh.nguon_khoa("lanh_dao")) as signer:
        meta = PdfSignatureMetadata(
            field_name="nguoi_ky", subfilter=sig_fields.SigSeedSubFilter.PADES
        )
        signed = PdfSigner(meta, signer).sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(tampered)), existing_fields_only=True
        )
    with pytest.raises(SigningFailed, match="changes more than the signature"):
        nhan_ban_da_ky(prepared, bytes(signed.getvalue()), ngu_canh_tin_cay(khoa.cau_hinh))


def test_the_fields_keep_the_archive_rules_for_widgets(ban_hanh: bytes) -> None:
    """PDF/A-2 (ISO 19005-2, 6.3.3 and 6.4.1-2): a widget prints, is not hidden, carries its
    normal appearance and no action; the form does not ask for appearances to be made."""
    reader = PdfFileReader(io.BytesIO(ban_hanh), strict=False)
    form = reader.root["/AcroForm"]
    assert not form.get("/NeedAppearances", False)
    widgets = [ref.get_object() for ref in form["/Fields"]]
    assert {str(w["/T"]) for w in widgets} == {"so_ky_hieu", "ngay_ban_hanh", "nguoi_ky", "co_quan"}
    for widget in widgets:
        flags = int(widget.get("/F", 0))
        assert flags & 4 and not flags & (1 | 2 | 32), widget["/T"]  # Print; not hidden
        assert "/N" in widget["/AP"] and "/A" not in widget and "/AA" not in widget
