"""What the embedded faces can draw (vẽ được), and the preflight that refuses anything else.

vanthu embeds one face in every PDF it draws: the directive's face (the bundled Liberation Serif,
or the office's Times New Roman that ``VANTHU_FONT_DIR`` names) and Liberation Serif in the
transmittal slip. A character
missing from a face's cmap would print as an empty box (Typst) or in a stray system face
(WeasyPrint), and the slip refuses it — after the number is taken. So the rule of issue #7 is
applied at ``check``: a character no embedded face can draw, in every style, is refused there,
with its field path, rather than drawn by a fallback face (no packaged face covers the same
ground in Typst, WeasyPrint and Word with Times' widths). The cmaps are read with fontTools.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InvalidDirective, Problem
from ..schemas import VanBan
from ..schemas.bang import Bang
from .fonts import MatChu, bang_ma, mat_chu_kem_theo, mat_chu_pdf

#: Characters never drawn as glyphs: line breaks, a space, a tab (white space that the schema
#: collapses and every writer turns into a break or a space).
_KHONG_VE = frozenset("\n\r\t ")


def mat_chu_nhung() -> tuple[MatChu, ...]:
    """The faces vanthu embeds: the directive's PDF face, then the slip's (Liberation Serif)."""
    faces = [mat_chu_pdf(), mat_chu_kem_theo()]
    return tuple(dict.fromkeys(faces))


def ky_tu_khong_ve_duoc(text: str) -> str:
    """The distinct characters of ``text``, in order of appearance, that an embedded face
    cannot draw ("" when every one can; "\\n" and spaces always can).

    Raises:
        InvalidSetting: ``VANTHU_FONT_DIR`` names a folder that cannot be used.
    """
    faces = [bang_ma(face) for face in mat_chu_nhung()]
    # Each distinct character is looked up once: a 500 KB text has a few hundred.
    missing = {ch for ch in set(text) - _KHONG_VE if not all(ord(ch) in cmap for cmap in faces)}
    if not missing:
        return ""
    return "".join(dict.fromkeys(ch for ch in text if ch in missing))


def _mat_chu_thieu(ch: str) -> str:
    """The name of the first embedded face that has no glyph for ``ch``."""
    for face in mat_chu_nhung():
        if ord(ch) not in bang_ma(face):
            return face.ten
    return mat_chu_nhung()[0].ten  # pragma: no cover - only asked about a lacking character


def truong_in(vb: VanBan) -> Iterator[tuple[str, str]]:
    """Every printed text field of a directive as (field path, text as printed).

    Fields printed in capitals (issuer, authority, signer's position) are given in capitals
    too: a lower-case letter may have an upper-case form the face lacks.
    """
    if vb.co_quan_chu_quan is not None:
        yield "co_quan_chu_quan", vb.co_quan_chu_quan.upper()
    yield "co_quan", vb.co_quan.upper()
    yield "co_quan", vb.co_quan  # the slip prints the sender as given
    if vb.co_quan_chu_quan_2 is not None:
        yield "co_quan_chu_quan_2", vb.co_quan_chu_quan_2.upper()
    if vb.co_quan_2 is not None:
        yield "co_quan_2", vb.co_quan_2.upper()
    yield "ky_hieu", vb.ky_hieu_day_du
    if vb.don_vi_soan_thao is not None:
        yield "don_vi_soan_thao", vb.don_vi_soan_thao
    yield "dia_danh", vb.dia_danh
    if vb.trich_yeu is not None:
        yield "trich_yeu", vb.trich_yeu
    if vb.nguoi_gui is not None:
        yield "nguoi_gui", vb.nguoi_gui
    for i, item in enumerate(vb.kinh_gui):
        yield f"kinh_gui[{i}]", item
    if vb.tham_quyen is not None:
        yield "tham_quyen", vb.tham_quyen.upper()
    for i, item in enumerate(vb.can_cu):
        yield f"can_cu[{i}]", item
    for i, doan in enumerate(vb.noi_dung):
        if doan.doan is not None:
            yield f"noi_dung[{i}].doan", doan.doan
        if doan.bang is not None:
            yield from cac_o_bang(doan.bang, f"noi_dung[{i}].bang")
    for nhan, note in vb.chu_thich.items():
        yield f"chu_thich.{nhan}", note
    signers = [("nguoi_ky", vb.nguoi_ky)]
    if vb.nguoi_ky_2 is not None:
        signers.append(("nguoi_ky_2", vb.nguoi_ky_2))
    for name, signer in signers:
        if signer.tu_cach is not None:
            yield f"{name}.tu_cach", signer.tu_cach.upper()
        for i, item in enumerate(signer.thay_mat):
            yield f"{name}.thay_mat[{i}]", item.upper()
        yield f"{name}.chuc_vu", signer.chuc_vu.upper()
        for i, item in enumerate(signer.chuc_vu_khac):
            yield f"{name}.chuc_vu_khac[{i}]", item.upper()
        yield f"{name}.ho_ten", signer.ho_ten
    if vb.ten_thu is not None:
        yield "ten_thu", vb.ten_thu.upper()
    if vb.xac_nhan_noi_nghi is not None:
        yield "xac_nhan_noi_nghi", vb.xac_nhan_noi_nghi
    for i, noi in enumerate(vb.noi_nhan):
        yield f"noi_nhan[{i}]", noi.ten
        for j, sub in enumerate(noi.muc_con):
            yield f"noi_nhan[{i}].muc_con[{j}]", sub.ten
    for i, item in enumerate(vb.luu):
        yield f"luu[{i}]", item
    if vb.ky_hieu_nguoi_soan is not None:
        yield "ky_hieu_nguoi_soan", vb.ky_hieu_nguoi_soan
    for i, item in enumerate(vb.lien_he):
        yield f"lien_he[{i}]", item
    for i, task in enumerate(vb.nhiem_vu):
        if task.mo_ta is not None:
            yield f"nhiem_vu[{i}].mo_ta", task.mo_ta


def van_de_ve(vb: VanBan) -> list[Problem]:
    """What the renderer cannot draw in a directive, one problem per field and character."""
    # A field printed twice (as written and in capitals) names each character once.
    found = (p for where, text in truong_in(vb) for p in van_de_ve_chu(where, text))
    return list(dict.fromkeys(found))


def van_de_ve_chu(where: str, text: str) -> list[Problem]:
    """One problem per distinct character of ``text`` (the field ``where``) no face can draw."""
    return [
        Problem(
            where,
            f"U+{ord(ch):04X} {_ten_ky_tu(ch)} cannot be drawn by the embedded font "
            f"{_mat_chu_thieu(ch)}",
        )
        for ch in ky_tu_khong_ve_duoc(text)
    ]


def _ten_ky_tu(ch: str) -> str:
    """A character as a message shows it: quoted if printable, else by code point only."""
    return repr(ch) if ch.isprintable() else "(a control or unassigned character)"


def kiem_tra_ve_duoc(van_ban: VanBan, nguon: str) -> None:
    """The preflight: refuse a directive the renderer could not draw, before anything is written.

    Args:
        van_ban: a validated directive.
        nguon: where it came from (a file name), named in the error.

    Raises:
        InvalidDirective: one problem per field path and undrawable character.
        InvalidSetting: ``VANTHU_FONT_DIR`` names a folder that cannot be used.
    """
    problems = van_de_ve(van_ban)
    if problems:
        raise InvalidDirective(nguon, problems)


def cac_o_bang(bang: Bang, path: str) -> Iterator[tuple[str, str]]:
    """Every printed text of a table with its field path: caption, headers, cells."""
    if bang.ten is not None:
        yield f"{path}.ten", bang.ten
    for i, row in enumerate(bang.tieu_de_gop):
        for j, o in enumerate(row):
            yield f"{path}.tieu_de_gop[{i}][{j}].ten", o.ten
    for j, cot in enumerate(bang.cot):
        yield f"{path}.cot[{j}].ten", cot.ten
    for i, cells in enumerate(bang.dong):
        for j, text in enumerate(cells):
            yield f"{path}.dong[{i}][{j}]", text
