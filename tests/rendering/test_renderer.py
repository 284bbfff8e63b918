"""The renderer on any directive within the input limits: DOCX and PDF, never an exception."""

from __future__ import annotations

import copy
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, HOM_NAY, example_files
from vanthu.rendering import DUOC_HO_TRO, Renderer, kiem_tra_ve_duoc
from vanthu.schemas.gioi_han import DOAN_TOI_DA, DONG_TOI_DA, TRICH_YEU_TOI_DA
from vanthu.services import doc_van_ban

#: Vietnamese letters in both cases, digits and the punctuation of official prose.
CHU = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÁẮẦẢỄỆÍÒỐỠỤỨỲ0123456789.,;:-/()“”%&*#$@'\"<>"
)
BASES = [
    data
    # The images an example names are read beside its file: the generated ones name none.
    for data in (yaml.safe_load(p.read_text(encoding="utf-8")) for p in example_files())
    if not data["nguoi_ky"].get("anh_chu_ky")
    and data["loai"] in {loai.value for loai in DUOC_HO_TRO}
]


def van_ban(rng: random.Random, size: int, line_breaks: bool = True) -> str:
    """Text of about ``size`` characters: words of 1–12 letters, now and then one of 30–120,
    now and then a line break."""
    words: list[str] = []
    length = 0
    while length < size:
        k = rng.choice([1, 2, 3, 4, 6, 8, 12]) if rng.random() > 0.03 else rng.randint(30, 120)
        word = "".join(rng.choice(CHU) for _ in range(k))
        if line_breaks and rng.random() < 0.02:
            word += "\n"
        words.append(word)
        length += len(word) + 1
    text = " ".join(words)[:size].strip()
    return text or "x"


@st.composite
def directives(draw: st.DrawFn) -> dict[str, Any]:
    """An example directive with its printed fields replaced by random text within the limits."""
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))

    def dong() -> str:
        return van_ban(rng, draw(st.integers(1, DONG_TOI_DA)), line_breaks=False)

    data["co_quan"] = van_ban(rng, draw(st.integers(1, DONG_TOI_DA)))
    data["dia_danh"] = dong()
    if "trich_yeu" in data:
        data["trich_yeu"] = van_ban(rng, draw(st.integers(1, TRICH_YEU_TOI_DA)))
    if data.get("kinh_gui"):
        data["kinh_gui"] = [dong() for _ in range(draw(st.integers(1, 6)))]
    if "tham_quyen" in data:
        data["tham_quyen"] = dong()
    for who in ("nguoi_ky", "nguoi_ky_2"):
        if who in data:
            signer = {**data[who], "chuc_vu": dong(), "ho_ten": dong()}
            if "tu_cach" in signer:
                signer["tu_cach"] = dong()
            data[who] = signer
    for name in ("ten_thu", "xac_nhan_noi_nghi"):
        if name in data:
            data[name] = dong()
    data["noi_nhan"] = [dong() for _ in range(draw(st.integers(0, 12)))]
    sizes = draw(st.lists(st.integers(1, DOAN_TOI_DA), min_size=1, max_size=3))
    data["noi_dung"] = [van_ban(rng, n) for n in sizes]
    data.pop("nhiem_vu", None)
    return data


@settings(max_examples=15)
@given(data=directives())
def test_any_directive_within_the_limits_renders_to_docx_and_pdf(
    renderer: Renderer, data: dict[str, Any]
) -> None:
    vb = doc_van_ban(data, "random.yaml", HOM_NAY)
    kiem_tra_ve_duoc(vb, "random.yaml")
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY)
    assert result.docx is not None and result.docx.startswith(b"PK")
    assert result.pdf is not None and result.pdf.startswith(b"%PDF-")


def test_a_quyet_dinh_with_a_thousand_character_trich_yeu_passes_check_and_renders(
    tmp_path: Path,
) -> None:
    # Regression (#7): past about 230 characters `render` died on the DOCX title property.
    data = yaml.safe_load((EXAMPLES / "quyet-dinh.yaml").read_text(encoding="utf-8"))
    words = "Về việc công nhận xã Phước Hà, huyện Thuận Nam đạt chuẩn nông thôn mới năm 2021 "
    data["trich_yeu"] = (words * 13)[:TRICH_YEU_TOI_DA].strip()
    data["co_quan"] = ("Ủy ban nhân dân tỉnh Ninh Thuận " * 7)[:DONG_TOI_DA].strip()
    path = tmp_path / "dai.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    vanthu = Path(sys.executable).parent / "vanthu"
    env = dict(os.environ)
    for args in (["check", str(path)], ["render", str(path), "-o", str(tmp_path / "out")]):
        result = subprocess.run(
            [str(vanthu), *args], capture_output=True, text=True, env=env, check=False
        )
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["dai.docx", "dai.pdf"]
