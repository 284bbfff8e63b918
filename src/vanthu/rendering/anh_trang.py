"""Page images (ảnh trang) of a rendered PDF, for a preview on screen: poppler's pdftoppm.

JPEG, not PNG: compressing a PNG page costs pdftoppm several times the drawing itself.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..errors import RenderError

#: Resolution of a preview page: an A4 page is 595 × 842 pixels, readable on a screen.
DPI_XEM_TRUOC = 72
#: JPEG quality of a preview page: text stays crisp enough to read.
CHAT_LUONG = 85
#: Seconds pdftoppm may take before the preview is given up.
GIAY_TOI_DA = 30


def anh_trang(pdf: bytes, dpi: int = DPI_XEM_TRUOC) -> list[bytes]:
    """Each page of ``pdf`` as a JPEG image, in order; the scratch folder is removed.

    Raises:
        RenderError: pdftoppm is missing, fails or takes too long.
    """
    with tempfile.TemporaryDirectory(prefix="vanthu-anh-trang-") as folder:
        try:
            subprocess.run(
                [
                    "pdftoppm",
                    "-jpeg",
                    "-jpegopt",
                    f"quality={CHAT_LUONG}",
                    "-r",
                    str(dpi),
                    "-",
                    str(Path(folder) / "trang"),
                ],
                input=pdf,
                capture_output=True,
                check=True,
                timeout=GIAY_TOI_DA,
            )
        except FileNotFoundError:
            raise RenderError("preview", "pdftoppm (poppler-utils) is not installed") from None
        except subprocess.CalledProcessError as error:
            detail = error.stderr.decode("utf-8", "replace").strip()[:200]
            raise RenderError("preview", f"pdftoppm failed: {detail}") from None
        except subprocess.TimeoutExpired:
            raise RenderError("preview", f"pdftoppm took more than {GIAY_TOI_DA} s") from None
        # trang-1.jpg … or trang-01.jpg …: the number after the last '-' orders them.
        pages = sorted(Path(folder).glob("trang-*.jpg"), key=lambda p: int(p.stem.split("-")[-1]))
        return [page.read_bytes() for page in pages]
