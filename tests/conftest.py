"""Shared fixtures: the example files, one renderer per session, and strict WeasyPrint logs."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Golden files are made with the bundled face, whatever the developer's shell says: the
# session's renderer is built before the hermetic fixture below runs.
os.environ.pop("VANTHU_FONT_DIR", None)
os.environ.pop("VANTHU_PDF_FONT", None)

from vanthu.reading import doc_tep
from vanthu.reading.anh import doc_anh
from vanthu.rendering import KetQua, Renderer
from vanthu.schemas import VanBan

# Property-based tests: CI runs a bounded number of examples ("ci", the default); `make fuzz`
# runs many more ("fuzz"). The profile is chosen with HYPOTHESIS_PROFILE.
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NINH_THUAN = EXAMPLES / "cong-dien-ninh-thuan-vung-xanh.yaml"
#: "Today" for tests: drafts print this year; dates after it are in the future.
HOM_NAY = dt.date(2026, 11, 28)


def example_files() -> list[Path]:
    """Every example directive file shipped in examples/."""
    return sorted(EXAMPLES.glob("*.yaml"))


def co_anh(path: Path) -> bool:
    """The example names signature or seal images (read beside it by the file commands only)."""
    return "anh_chu_ky:" in path.read_text("utf-8")


def ket_xuat_vi_du(
    renderer: Renderer, path: Path, doi: Callable[[VanBan], VanBan] | None = None
) -> KetQua:
    """An example file rendered as ``vanthu render`` renders it: with the images it names;
    ``doi`` changes the directive first (e.g. leaves out its footnotes)."""
    vb = doc_tep(path, HOM_NAY)
    if doi is not None:
        vb = doi(vb)
    return renderer.ket_xuat(vb, hom_nay=HOM_NAY, anh=doc_anh(vb, path.parent, str(path)))


@pytest.fixture(scope="session")
def renderer() -> Renderer:
    return Renderer()


@pytest.fixture(scope="session")
def ninh_thuan() -> VanBan:
    return doc_tep(NINH_THUAN, HOM_NAY)


@pytest.fixture(autouse=True)
def hermetic_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's shell settings (store, actor, clock, SMTP server…) never reach a test."""
    for name in list(os.environ):
        # VANTHU_UPDATE_GOLDEN is the golden files' switch, read (and refused under CI) by
        # tests/rendering/goldens.py when a test runs.
        keep = {"VANTHU_TEST_PG", "VANTHU_UPDATE_GOLDEN"}
        if name.startswith("VANTHU_") and name not in keep:
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def no_weasyprint_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A WeasyPrint warning during a test is a failure: the PDF would not be what we meant."""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        yield
    noisy = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    assert not noisy, f"WeasyPrint logged: {noisy}"
