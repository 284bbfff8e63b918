"""The second issuing body of a joint document (văn bản liên tịch) in the header and metadata.

Its name stands under the lead body's in the header's left column (schemas/lien_tich); its
signer signs on the left, as the two-signature forms sign (mau_rieng.chu_ky_hai_ben).
"""

from __future__ import annotations

from ..schemas import VanBan


def co_quan_thu_hai(vb: VanBan) -> tuple[str | None, str | None]:
    """The second body's (parent, name) as written, or (None, None) for one issuer."""
    if vb.co_quan_2 is None:
        return None, None
    return vb.co_quan_chu_quan_2, vb.co_quan_2


def tac_gia(vb: VanBan) -> str:
    """The author of the files' metadata: the issuing body, or both joined by " - "."""
    names = [vb.co_quan] + ([vb.co_quan_2] if vb.co_quan_2 else [])
    return " - ".join(" ".join(n.split()) for n in names)
