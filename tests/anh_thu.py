"""Test images drawn with Pillow: a blue scribble and a red round seal, both with alpha."""

from __future__ import annotations

import io
import math
import struct
import zlib

from PIL import Image, ImageDraw


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def chu_ky(width: int = 500, height: int = 200) -> bytes:
    """A blue scribble on a transparent background."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [
        (width * (0.1 + 0.8 * t / 60), height * (0.5 + 0.3 * math.sin(t / 4))) for t in range(61)
    ]
    draw.line(points, fill=(20, 40, 170, 255), width=max(1, min(width, height) // 40))
    return png(image)


def con_dau(size: int = 400) -> bytes:
    """A red ring with a red centre on a transparent background, touching its edges."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), outline=(220, 20, 30, 255), width=max(1, size // 30))
    draw.ellipse((size * 0.4, size * 0.4, size * 0.6, size * 0.6), fill=(220, 20, 30, 255))
    return png(image)


def bom(width: int, height: int) -> bytes:
    """A valid-looking PNG whose header claims ``width`` × ``height`` pixels, a few bytes long."""
    small = png(Image.new("RGBA", (1, 1), (0, 0, 0, 0)))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    patched = struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return small[:8] + patched + small[8 + 25 :]
