"""Golden files: compare a rendered dump or page image with its stored copy, or rewrite it.

``make golden`` sets ``VANTHU_UPDATE_GOLDEN=1`` to rewrite every golden file from the current
code; review the diff before committing. The switch is read when a test runs (not at import,
where a variable left exported made ``make test`` rewrite the goldens and pass), and refused
under ``CI=true``: CI compares, it never rewrites.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

GOLDEN = Path(__file__).parent / "golden"
#: A pixel "differs" when its grey level moves by more than this (of 255) ...
PIXEL_TOLERANCE = 64
#: ... and a page differs when more than this share of its pixels do.
PAGE_TOLERANCE = 0.002


def cap_nhat() -> bool:
    """Whether golden files are being rewritten, read now; refused under CI."""
    if os.environ.get("VANTHU_UPDATE_GOLDEN") != "1":
        return False
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(
            "VANTHU_UPDATE_GOLDEN=1 under CI=true: CI compares golden files, never rewrites them"
        )
    return True


def check_text(name: str, actual: str) -> None:
    path = GOLDEN / name
    if cap_nhat():
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run `make golden`"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed: run `make golden`"


def differing_share(a: Image.Image, b: Image.Image) -> float:
    """Share of pixels whose grey level differs by more than PIXEL_TOLERANCE."""
    diff = ImageChops.difference(a.convert("L"), b.convert("L"))
    histogram = diff.histogram()
    return sum(histogram[PIXEL_TOLERANCE + 1 :]) / (a.width * a.height)


def check_png(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if cap_nhat():
        path.write_bytes(actual)
        return
    assert path.exists(), f"{path} is missing: run `make golden`"
    with Image.open(path) as expected_image, Image.open(io.BytesIO(actual)) as actual_image:
        assert expected_image.size == actual_image.size
        share = differing_share(expected_image, actual_image)
    assert share <= PAGE_TOLERANCE, f"{name}: {share:.2%} of pixels differ: run `make golden`"
