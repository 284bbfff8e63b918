"""Signature and seal images are read beside the directive file only, and refused with the
field named when they leave its folder, are no PNG, too large, a bomb, or opaque."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image

from tests.anh_thu import bom, chu_ky, con_dau, png
from tests.conftest import HOM_NAY, NINH_THUAN
from vanthu.errors import InvalidDirective
from vanthu.reading import doc_tep
from vanthu.reading.anh import doc_anh, kiem_tra_png
from vanthu.reading.van_ban import doc_van_ban
from vanthu.schemas.gioi_han import ANH_TOI_DA


def _data(**signer: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(NINH_THUAN.read_text("utf-8"))
    data["nguoi_ky"] = {**data["nguoi_ky"], **signer}
    return data


def _write(folder: Path, **signer: Any) -> Path:
    path = folder / "van-ban.yaml"
    path.write_text(yaml.safe_dump(_data(**signer), allow_unicode=True), "utf-8")
    return path


def _problems(folder: Path, **signer: Any) -> str:
    path = _write(folder, **signer)
    with pytest.raises(InvalidDirective) as caught:
        doc_anh(doc_tep(path, HOM_NAY), path.parent, str(path))
    return str(caught.value)


def test_images_beside_the_file_are_read_and_reencoded_as_rgba(tmp_path: Path) -> None:
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "ky.png").write_bytes(chu_ky(500, 200))
    (tmp_path / "anh" / "dau.png").write_bytes(con_dau(400))
    path = _write(tmp_path, anh_chu_ky="anh/ky.png", anh_con_dau="anh/dau.png")
    images = doc_anh(doc_tep(path, HOM_NAY), tmp_path, str(path))
    assert (images["anh/ky.png"].rong_px, images["anh/ky.png"].cao_px) == (500, 200)
    assert Image.open(io.BytesIO(images["anh/dau.png"].png)).mode == "RGBA"


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("../ky.png", "đi ra ngoài thư mục của văn bản"),
        ("/etc/ky.png", "là đường dẫn tuyệt đối"),
        ("anh\\ky.png", "viết đường dẫn bằng '/'"),
        ("C:/ky.png", "viết đường dẫn bằng '/'"),
        ("anh/ky.jpg", "không phải tệp .png"),
    ],
)
def test_a_path_outside_the_folder_or_not_a_png_is_refused_by_the_schema(
    tmp_path: Path, path: str, said: str
) -> None:
    with pytest.raises(InvalidDirective) as caught:
        doc_tep(_write(tmp_path, anh_chu_ky=path), HOM_NAY)
    assert "nguoi_ky.anh_chu_ky" in str(caught.value)
    assert said in str(caught.value)


def test_a_link_that_leads_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "ngoai.png"
    outside.write_bytes(chu_ky())
    folder = tmp_path / "vb"
    folder.mkdir()
    (folder / "ky.png").symlink_to(outside)
    said = _problems(folder, anh_chu_ky="ky.png")
    assert "nguoi_ky.anh_chu_ky: 'ky.png': dẫn ra ngoài thư mục của văn bản" in said


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"GIF89a not a png at all", "không phải tệp PNG"),
        (png(Image.new("RGB", (50, 20), "white")), "không có nền trong suốt"),
        (png(Image.new("RGBA", (50, 20), (0, 0, 255, 255))), "không có điểm ảnh trong suốt nào"),
        (png(Image.new("RGBA", (50, 20), (0, 0, 255, 0))), "trong suốt hoàn toàn"),
        (bom(50_000, 50_000), "khai báo hơn"),
        (bom(5000, 100), "có 5000 × 100 điểm ảnh"),
        (chu_ky()[:200], "không giải mã được ảnh PNG"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * (ANH_TOI_DA + 1), "lớn hơn"),
    ],
    ids=["not-png", "no-alpha", "opaque", "blank", "bomb", "too-wide", "truncated", "too-big"],
)
def test_a_bad_image_is_refused_with_its_field_named(
    tmp_path: Path, content: bytes, said: str
) -> None:
    (tmp_path / "ky.png").write_bytes(content)
    message = _problems(tmp_path, anh_chu_ky="ky.png")
    assert "nguoi_ky.anh_chu_ky: 'ky.png':" in message
    assert said in message


def test_a_missing_image_is_named(tmp_path: Path) -> None:
    assert "không đọc được tệp" in _problems(tmp_path, anh_chu_ky="khong-co.png")


def test_a_palette_png_with_a_transparent_colour_is_accepted() -> None:
    image = Image.new("P", (40, 20), 0)
    image.putpalette([255, 255, 255, 0, 0, 200])
    image.paste(1, (5, 5, 35, 15))
    image.info["transparency"] = 0
    read = kiem_tra_png(png(image))
    assert Image.open(io.BytesIO(read.png)).getchannel("A").getextrema() == (0, 255)


def test_a_stored_directive_may_not_name_an_image() -> None:
    # The web desk and the lifecycle read no file beside the directive: refused, field named.
    with pytest.raises(InvalidDirective) as caught:
        doc_van_ban(_data(anh_chu_ky="anh/ky.png"), "upload.yaml", HOM_NAY)
    assert "nguoi_ky.anh_chu_ky: ảnh chữ ký và con dấu chỉ được đọc cạnh" in str(caught.value)
