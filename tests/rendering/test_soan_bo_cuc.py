"""The layout of the Ninh Thuận công điện and of small variants: the rules of Decree 30."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import HOM_NAY
from vanthu.rendering import Renderer
from vanthu.rendering.bo_cuc import BoCuc, DoanBoCuc, DuongKe, HaiCot
from vanthu.rendering.styles import Kieu
from vanthu.schemas import VanBan


def layout(renderer: Renderer, vb: VanBan, **changes: object) -> BoCuc:
    changed = VanBan.model_validate({**vb.model_dump(), **changes}, context={"hom_nay": HOM_NAY})
    return renderer.bo_cuc(changed, HOM_NAY)


def header(bo_cuc: BoCuc) -> HaiCot:
    first = bo_cuc.khoi[0]
    assert isinstance(first, HaiCot) and first.vai_tro == "dau"
    return first


def signature(bo_cuc: BoCuc) -> HaiCot:
    last = bo_cuc.khoi[-1]
    assert isinstance(last, HaiCot) and last.vai_tro == "chu_ky"
    return last


def noi_nhan(sig: HaiCot) -> tuple[object, ...]:
    """The signature table's left column: beside the signature, then the rows below it."""
    return sig.trai + sig.trai_tiep


def texts(blocks: tuple[object, ...], kieu: Kieu | None = None) -> list[str]:
    return [b.text for b in blocks if isinstance(b, DoanBoCuc) and (kieu is None or b.kieu is kieu)]


def test_the_header_columns_fill_the_text_width_and_hold_the_quoc_hieu_on_one_line(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    cols = header(layout(renderer, ninh_thuan))
    assert sum(cols.rong) == pytest.approx(renderer.bang.trang.vung_chu, abs=0.01)
    assert cols.rong[1] >= 9.8  # Quốc hiệu 13 pt bold measures 9.57 cm (spec §2)
    assert texts(cols.phai)[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]


def test_the_issuer_breaks_as_a_clerk_would(renderer: Renderer, ninh_thuan: VanBan) -> None:
    left = header(layout(renderer, ninh_thuan)).trai
    assert texts(left, Kieu.CO_QUAN) == ["ỦY BAN NHÂN DÂN", "TỈNH NINH THUẬN"]
    assert texts(left, Kieu.SO_KY_HIEU) == ["Số: 18/CĐ-UBND"]


def test_the_rule_under_the_tieu_ngu_is_exactly_as_long_as_the_tieu_ngu(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    right = header(layout(renderer, ninh_thuan)).phai
    assert isinstance(right[2], DuongKe)
    assert right[2].rong == pytest.approx(6.05, abs=0.01)  # 14 pt bold, spec §2


def test_the_rules_under_issuer_and_subject_are_a_third_to_a_half_of_their_line(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    bo_cuc = layout(renderer, ninh_thuan)
    measure = renderer.soan_bo_cuc._rong
    left = header(bo_cuc).trai
    issuer_rule = next(b for b in left if isinstance(b, DuongKe))
    issuer = max(measure(t, Kieu.CO_QUAN) for t in texts(left, Kieu.CO_QUAN))
    assert issuer / 3 <= issuer_rule.rong <= issuer / 2 + 0.01
    subject = [b for b in bo_cuc.khoi if isinstance(b, DoanBoCuc) and b.kieu is Kieu.TRICH_YEU]
    subject_rule = bo_cuc.khoi[bo_cuc.khoi.index(subject[-1]) + 1]
    assert isinstance(subject_rule, DuongKe)
    longest = max(measure(d.text, Kieu.TRICH_YEU) for d in subject)
    assert longest / 3 - 0.01 <= subject_rule.rong <= longest / 2


def test_a_draft_leaves_number_and_date_blank(renderer: Renderer, ninh_thuan: VanBan) -> None:
    cols = header(layout(renderer, ninh_thuan, so=None, ngay=None, nam=2021))
    assert texts(cols.trai, Kieu.SO_KY_HIEU) == ["Số:       /CĐ-UBND"]
    assert texts(cols.phai, Kieu.DIA_DANH_NGAY) == ["Ninh Thuận, ngày      tháng      năm 2021"]


def test_the_cong_dien_opens_with_its_sender_and_a_dash_list_ending_with_a_full_stop(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    bo_cuc = layout(renderer, ninh_thuan)
    assert texts(bo_cuc.khoi, Kieu.NGUOI_GUI) == ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"]
    assert texts(bo_cuc.khoi, Kieu.KINH_GUI) == [
        "- Các sở, ban, ngành, đoàn thể tỉnh;",
        "- Các cơ quan Trung ương đóng trên địa bàn tỉnh;",
        "- Ủy ban nhân dân các huyện, thành phố.",
    ]


def test_the_noi_nhan_block_has_thirteen_lines_ending_with_the_luu_line(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    left = noi_nhan(signature(layout(renderer, ninh_thuan)))
    assert texts(left, Kieu.NOI_NHAN_LABEL) == ["Nơi nhận:"]
    lines = texts(left, Kieu.NOI_NHAN)
    assert len(lines) == 13
    assert lines[0] == "- TT: TU, HĐND tỉnh (báo cáo);"
    assert all(line.startswith("- ") and line.endswith(";") for line in lines[:-1])
    assert lines[-1] == "- Lưu: VT, VXNV. ĐNĐ"


def test_copies_issued_follow_the_drafter_initials_as_in_the_decree_example(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    left = noi_nhan(signature(layout(renderer, ninh_thuan, so_ban=300)))
    assert texts(left, Kieu.NOI_NHAN)[-1] == "- Lưu: VT, VXNV. ĐNĐ.(300)"


def luu_line(renderer: Renderer, vb: VanBan, **changes: object) -> str:
    return texts(noi_nhan(signature(layout(renderer, vb, **changes))), Kieu.NOI_NHAN)[-1]


def test_vt_given_in_luu_is_printed_once(renderer: Renderer, ninh_thuan: VanBan) -> None:
    assert luu_line(renderer, ninh_thuan, luu=["VT"]) == "- Lưu: VT. ĐNĐ"
    assert luu_line(renderer, ninh_thuan, luu=["VT", "VXNV"]) == "- Lưu: VT, VXNV. ĐNĐ"


def test_the_drafting_unit_follows_vt_on_the_luu_line(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    line = luu_line(renderer, ninh_thuan, don_vi_soan_thao="KTN", luu=["VXNV"])
    assert line == "- Lưu: VT, KTN, VXNV. ĐNĐ"


def test_an_empty_luu_still_names_the_drafting_unit(renderer: Renderer, ninh_thuan: VanBan) -> None:
    assert luu_line(renderer, ninh_thuan, don_vi_soan_thao="VXNV", luu=[]) == "- Lưu: VT, VXNV. ĐNĐ"


def test_the_drafting_unit_repeated_in_luu_is_printed_once_with_its_copies_kept(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    # The Decree's own Nơi nhận ends "- Lưu: VT, HC (2)." (spec §3.5).
    line = luu_line(renderer, ninh_thuan, don_vi_soan_thao="HC", luu=["HC (2)"])
    assert line == "- Lưu: VT, HC (2). ĐNĐ"


#: Lưu entries without the separators the line itself uses (", " and the final ".").
_MUC_LUU = st.one_of(
    st.sampled_from(["VT", "vt", "VT (2)", "VXNV", "vxnv", "HC (2)", "Hồ sơ", "KTN"]),
    st.text(st.sampled_from("ABCDĐHKNTVXabcđhknơ "), min_size=1, max_size=8).filter(str.strip),
)


@given(
    don_vi=st.one_of(st.none(), st.sampled_from(["VXNV", "HC", "KTN"])),
    luu=st.lists(_MUC_LUU, max_size=6),
)
def test_any_luu_line_starts_with_vt_names_the_drafting_unit_and_repeats_nothing(
    renderer: Renderer, ninh_thuan: VanBan, don_vi: str | None, luu: list[str]
) -> None:
    line = luu_line(renderer, ninh_thuan, don_vi_soan_thao=don_vi, luu=luu)
    assert line.startswith("- Lưu: VT") and line.endswith(". ĐNĐ")
    entries = line.removeprefix("- Lưu: ").removesuffix(". ĐNĐ").split(", ")
    units = [re.sub(r"\s*\(\d+\)$", "", e).casefold() for e in entries]
    assert len(units) == len(set(units)), line
    if don_vi is not None:
        assert don_vi.casefold() in units[:2]
    assert {" ".join(re.sub(r"\s*\(\d+\)$", "", m).split()).casefold() for m in luu} <= set(units)


def test_the_signature_is_position_then_name(renderer: Renderer, ninh_thuan: VanBan) -> None:
    right = signature(layout(renderer, ninh_thuan)).phai
    assert texts(right, Kieu.CHUC_VU) == ["CHỦ TỊCH"]
    assert texts(right, Kieu.HO_TEN) == ["Trần Quốc Nam"]


def test_noi_nhan_label_and_first_authority_line_start_level(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    sig = signature(layout(renderer, ninh_thuan))
    first_left, first_right = sig.trai[0], sig.phai[0]
    assert isinstance(first_left, DoanBoCuc) and isinstance(first_right, DoanBoCuc)
    assert first_left.cach_truoc == first_right.cach_truoc


def test_the_last_body_paragraph_ends_with_slash_full_stop_once(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    body = texts(layout(renderer, ninh_thuan).khoi, Kieu.NOI_DUNG)
    assert body[-1].endswith("theo quy định./.")
    assert not body[-1].endswith("./../.")
    paragraphs = [d.doan for d in ninh_thuan.noi_dung[:-1]] + ["Giao Sở Nội vụ theo dõi"]
    body = texts(layout(renderer, ninh_thuan, noi_dung=paragraphs).khoi, Kieu.NOI_DUNG)
    assert body[-1] == "Giao Sở Nội vụ theo dõi./."


def test_an_urgency_mark_is_a_red_box_of_the_decree_size_under_the_number(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    left = header(layout(renderer, ninh_thuan, do_khan="hoa_toc")).trai
    mark = left[-1]
    assert isinstance(mark, DoanBoCuc) and mark.kieu is Kieu.DAU_MUC_DO
    assert mark.text == "HỎA TỐC"
    assert (mark.khung, mark.khung_cao, mark.khung_colour) == (3.0, 0.8, "FF0000")


def test_several_kinh_gui_addressees_go_below_the_label_with_dashes_under_its_colon(
    renderer: Renderer,
) -> None:
    from tests.conftest import EXAMPLES
    from vanthu.reading import doc_tep

    bo_cuc = renderer.bo_cuc(doc_tep(EXAMPLES / "cong-van-kinh-gui.yaml", HOM_NAY), HOM_NAY)
    block = [b for b in bo_cuc.khoi if isinstance(b, DoanBoCuc) and b.kieu is Kieu.KINH_GUI]
    assert [b.text for b in block] == [
        "Kính gửi:",
        "- Sở Giáo dục và Đào tạo;",
        "- Sở Y tế;",
        "- Ủy ban nhân dân các huyện, thành phố.",
    ]
    measure = renderer.soan_bo_cuc._rong
    label, *items = block
    colon_x = (label.le_trai or 0) + measure("Kính gửi", Kieu.KINH_GUI)
    for item in items:  # the dash starts where the colon does
        assert (item.le_trai or 0) + (item.thut_dau or 0) == pytest.approx(colon_x, abs=0.02)
    # A công văn has no title block: its subject sits under the number as "V/v …".
    assert texts(header(bo_cuc).trai, Kieu.TRICH_YEU_CONG_VAN)[0].startswith("V/v ")
    assert not texts(bo_cuc.khoi, Kieu.TEN_LOAI)


def test_a_single_addressee_shares_the_label_line(renderer: Renderer) -> None:
    import yaml

    from tests.conftest import EXAMPLES
    from vanthu.services import doc_van_ban

    data = yaml.safe_load((EXAMPLES / "cong-van-kinh-gui.yaml").read_text(encoding="utf-8"))
    data["kinh_gui"] = ["Sở Y tế"]
    bo_cuc = renderer.bo_cuc(doc_van_ban(data, "test", HOM_NAY), HOM_NAY)
    assert texts(bo_cuc.khoi, Kieu.KINH_GUI) == ["Kính gửi: Sở Y tế"]


def test_wrapped_noi_nhan_lines_hang_past_their_dash(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    left = noi_nhan(signature(layout(renderer, ninh_thuan)))
    for line in (b for b in left if isinstance(b, DoanBoCuc) and b.kieu is Kieu.NOI_NHAN):
        assert line.le_trai is not None and line.le_trai > 0
        assert line.thut_dau == -line.le_trai


def test_a_long_noi_nhan_stands_beside_the_signature_as_far_as_it_reaches_then_runs_on_below(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    recipients = [f"UBND xã số {i}" for i in range(1, 70)]
    sig = signature(layout(renderer, ninh_thuan, noi_nhan=recipients))
    assert texts(noi_nhan(sig), Kieu.NOI_NHAN)[:-1] == [f"- {t};" for t in recipients]
    assert sig.trai_tiep  # the rows below, free to run onto the next page

    def height(blocks: tuple[object, ...]) -> float:
        total = 0.0
        for b in blocks:
            assert isinstance(b, DoanBoCuc)
            style = renderer.bang[b.kieu]
            total += (style.cach_truoc if b.cach_truoc is None else b.cach_truoc) + (
                style.dong or 0
            )
        return total

    # The first row's left cell is as tall as the signature, with less than a line to spare:
    # no gap opens in the list where the first row ends.
    line = renderer.bang[Kieu.NOI_NHAN].dong or 0
    assert height(sig.phai) <= height(sig.trai) < height(sig.phai) + line


def test_a_short_noi_nhan_stands_whole_beside_the_signature(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    sig = signature(layout(renderer, ninh_thuan, noi_nhan=["Sở Y tế"]))
    label, item, luu = texts(sig.trai)
    assert (label, item) == ("Nơi nhận:", "- Sở Y tế;") and luu.startswith("- Lưu: VT")
    assert sig.trai_tiep == ()


def test_headings_centred_lines_and_the_last_paragraph_keep_with_what_follows(
    renderer: Renderer,
) -> None:
    from tests.conftest import EXAMPLES
    from vanthu.reading import doc_tep

    body = [
        b
        for name in ("ke-hoach.yaml", "quyet-dinh.yaml")
        for b in renderer.bo_cuc(doc_tep(EXAMPLES / name, HOM_NAY), HOM_NAY).khoi
        if isinstance(b, DoanBoCuc)
    ]
    kept = {b.text for b in body if b.giu_voi_sau}
    assert {"I. MỤC ĐÍCH, YÊU CẦU", "III. TỔ CHỨC THỰC HIỆN", "QUYẾT ĐỊNH:"} <= kept
    headings = {Kieu.NOI_DUNG_TIEU_DE, Kieu.NOI_DUNG_GIUA, Kieu.THAM_QUYEN, Kieu.QUYET_DINH}
    assert all(b.giu_voi_sau for b in body if b.kieu in headings)
    ordinary = [b for b in body if b.kieu is Kieu.NOI_DUNG]
    assert [b.giu_voi_sau for b in ordinary].count(True) == 2  # each document's last paragraph
