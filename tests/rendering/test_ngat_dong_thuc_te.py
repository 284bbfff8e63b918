"""Centred lines of real documents break between words (#9), measured as the renderer lays out.

Each line of ngat_dong_thuc_te.tsv is set in the field it comes from (issuer, trích yếu of a
quyết định or a công văn, authority line, signer title) of an example directive, and laid out by
the real renderer; a break between two syllables the file joins with "_" is wrong. The share of
right breaks is printed (``pytest -s``) for the balancer before #9 and now. And examples whose
trích yếu breaks by hand where the documents they copy break it come out the same without.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, HOM_NAY
from vanthu.reading import doc_tep
from vanthu.rendering import Renderer, soan_bo_cuc
from vanthu.rendering.bo_cuc import DoanBoCuc, HaiCot
from vanthu.rendering.ngat_dong import moi_cho_nhu_nhau, ngat_dong
from vanthu.rendering.styles import Kieu
from vanthu.schemas import LoaiVanBan, VanBan

DU_LIEU = Path(__file__).with_name("ngat_dong_thuc_te.tsv")
#: The share of right breaks vanthu must keep (100 % when this test was written: 273 breaks).
TY_LE_TOI_THIEU = 0.97

#: Each field of the file: the example it is set in, the change, the style of its lines.
TRUONG = {
    "co_quan": ("quyet-dinh.yaml", lambda t: {"co_quan": t}, Kieu.CO_QUAN),
    "co_quan_chu_quan": (
        "quyet-dinh.yaml",
        lambda t: {"co_quan_chu_quan": t},
        Kieu.CO_QUAN_CHU_QUAN,
    ),
    "trich_yeu": ("quyet-dinh.yaml", lambda t: {"trich_yeu": t}, Kieu.TRICH_YEU),
    "trich_yeu_cong_van": (
        "cong-van-kinh-gui.yaml",
        lambda t: {"trich_yeu": t},
        Kieu.TRICH_YEU_CONG_VAN,
    ),
    "tham_quyen": ("quyet-dinh.yaml", lambda t: {"tham_quyen": t}, Kieu.THAM_QUYEN),
    "chuc_vu": (
        "quyet-dinh.yaml",
        lambda t: {"nguoi_ky": {"chuc_vu": t, "ho_ten": "Trần Quốc Nam"}},
        Kieu.CHUC_VU,
    ),
}


@dataclass(frozen=True)
class Mau:
    """One real text: its field, its words (syllables of a word joined by '_'), its source."""

    kieu: str
    van_ban: str
    nguon: str

    @property
    def text(self) -> str:
        return self.van_ban.replace("_", " ")

    def sai(self, lines: list[str]) -> int:
        """How many of the breaks between ``lines`` fall inside a word."""
        inside = [part.count("_") for part in self.van_ban.split()]
        joints = [k < n for n in inside for k in range(n + 1)][:-1]
        assert " ".join(lines).split() == self.text.split(), lines
        at, wrong = 0, 0
        for line in lines[:-1]:
            at += len(line.split())
            wrong += joints[at - 1]
        return wrong


def mau() -> list[Mau]:
    with DU_LIEU.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return [Mau(**row) for row in rows]


@functools.cache
def vi_du(ten: str) -> VanBan:
    return doc_tep(EXAMPLES / ten, HOM_NAY)


def dong(renderer: Renderer, m: Mau) -> list[str]:
    """The lines the renderer sets the text in, in its field of an example directive."""
    example, change, kieu = TRUONG[m.kieu]
    vb = vi_du(example)
    data = vb.model_dump()
    for key, value in change(m.text).items():
        data[key] = {**data[key], **value} if isinstance(value, dict) else value
    return cac_dong(renderer, VanBan.model_validate(data, context={"hom_nay": HOM_NAY}), kieu)


def cac_dong(renderer: Renderer, vb: VanBan, kieu: Kieu) -> list[str]:
    """The lines of one style in the layout of a directive."""
    blocks = []
    for khoi in renderer.bo_cuc(vb, HOM_NAY).khoi:
        blocks += [*khoi.trai, *khoi.phai] if isinstance(khoi, HaiCot) else [khoi]
    return [b.text for b in blocks if isinstance(b, DoanBoCuc) and b.kieu is kieu]


def ty_le_dung(renderer: Renderer, samples: list[Mau]) -> tuple[int, int]:
    """(wrong breaks, all breaks) over the samples."""
    wrong = total = 0
    for m in samples:
        lines = dong(renderer, m)
        wrong += m.sai(lines)
        total += len(lines) - 1
    return wrong, total


def test_the_file_holds_over_a_hundred_real_texts_of_every_field() -> None:
    samples = mau()
    assert len({m.text for m in samples}) >= 100
    assert {m.kieu for m in samples} == set(TRUONG)
    assert all(m.nguon.startswith("http") for m in samples)


def test_real_issuers_titles_and_subjects_break_between_words(
    renderer: Renderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples = mau()
    wrong, total = ty_le_dung(renderer, samples)
    # The balancer before #9: every space a place to break.
    monkeypatch.setattr(
        soan_bo_cuc, "ngat_dong", functools.partial(ngat_dong, diem=moi_cho_nhu_nhau)
    )
    wrong_before, total_before = ty_le_dung(renderer, samples)
    share, before = 1 - wrong / total, 1 - wrong_before / total_before
    print(
        f"\n{len(samples)} real texts: {total} breaks, {share:.1%} between words "
        f"(before #9: {total_before} breaks, {before:.1%})"
    )
    assert share >= TY_LE_TOI_THIEU
    assert share > before


@pytest.mark.parametrize("ten", ["cong-van-kinh-gui.yaml", "ke-hoach.yaml", "quyet-dinh.yaml"])
def test_a_subject_line_unbroken_comes_out_as_its_original_broke_it(
    renderer: Renderer, ten: str
) -> None:
    # These examples break their trích yếu by hand ("\n") where the documents they copy do.
    vb = vi_du(ten)
    assert vb.trich_yeu is not None and "\n" in vb.trich_yeu
    kieu = Kieu.TRICH_YEU_CONG_VAN if vb.loai is LoaiVanBan.cong_van else Kieu.TRICH_YEU
    data = vb.model_dump()
    data["trich_yeu"] = " ".join(vb.trich_yeu.split())
    unbroken = VanBan.model_validate(data, context={"hom_nay": HOM_NAY})
    assert cac_dong(renderer, unbroken, kieu) == cac_dong(renderer, vb, kieu)
