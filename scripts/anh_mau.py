"""Draws the example's stand-in signature and seal (examples/anh/): a blue scribble and a red
round seal, both on a transparent background. Not anyone's real signature or seal.

Run: python scripts/anh_mau.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "examples" / "anh"
BLUE = (20, 40, 170, 255)
RED = (220, 20, 30, 255)


def chu_ky(width: int = 600, height: int = 240) -> Image.Image:
    """A blue scribble: a looping stroke and an underline."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [
        (40 + t * 5.0, height / 2 + 55 * math.sin(t / 7) * math.cos(t / 23) - 20 * math.sin(t / 3))
        for t in range(0, 100)
    ]
    draw.line(points, fill=BLUE, width=7, joint="curve")
    draw.line([(70, height - 50), (width - 60, height - 80)], fill=BLUE, width=6)
    return image


def con_dau(size: int = 720) -> Image.Image:
    """A red round seal: two rings, an inner ring and a star, cropped to its outer edge."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c = size / 2
    for radius, width in ((c - 2, 14), (c - 40, 5), (c * 0.45, 6)):
        draw.ellipse((c - radius, c - radius, c + radius, c + radius), outline=RED, width=width)
    star = [
        (
            c + (c * 0.32 if k % 2 == 0 else c * 0.13) * math.sin(math.pi * k / 5),
            c - (c * 0.32 if k % 2 == 0 else c * 0.13) * math.cos(math.pi * k / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=RED)
    for k in range(36):  # the ring of lettering, drawn as marks
        angle = 2 * math.pi * k / 36
        r1, r2 = c - 70, c - 110
        draw.line(
            [
                (c + r1 * math.sin(angle), c - r1 * math.cos(angle)),
                (c + r2 * math.sin(angle), c - r2 * math.cos(angle)),
            ],
            fill=RED,
            width=10,
        )
    return image


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    chu_ky().save(OUT / "chu-ky-mau.png")
    con_dau().save(OUT / "con-dau-mau.png")
