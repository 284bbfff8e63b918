"""Runs of a body paragraph (chữ đoạn): emphasis, line breaks, footnotes, and unbreakable words.

A paragraph's markup (``schemas.dinh_dang``) becomes layout runs (``Chu``). Two kinds of text
are set as one unbreakable run (``Chu.lien``), which each writer keeps on one line:

- a number and symbol ("2874/TTr-SGDĐT", "30/2020/NĐ-CP"): the PDF would break after its hyphen
  ("TTr- / SGDĐT"), and a reader must never have to join a symbol across lines;
- an item's marker and the word after it ("1. Tăng", "a) Người", "- Sở", "+ Các"): a marker is
  never left alone at a line's end.

The PDF sets such a run ``white-space: nowrap``; the DOCX writes its hyphens as Word's
non-breaking hyphen (``w:noBreakHyphen``, drawn with the face's own hyphen: Liberation Serif has
no U+2011 or U+2060 glyph, so neither character is written). The text itself is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..schemas.dinh_dang import GoiChuThich, Manh, PhanDoan, phan_tich
from .bo_cuc import Chu

#: A number and symbol: digits, optional "/year", "/", then symbol parts joined by "-".
_SO_KY_HIEU = re.compile(r"\d+(?:/\d{2,4})?/[^\W\d_][\w.]*(?:-[\w.]*\w)+")
#: An item's marker at the start of a line and the word after it: "1.", "1.2.", "a)", "-", "+".
_DAU_MUC = re.compile(r"(?m)^(?:\d+(?:\.\d+)*\.|[a-zđ]\)|[-–+•])[ \u00a0]+\S+")


def _khong_ngat(text: str, dau_dong: bool) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, unbreakable) pieces, in order.

    ``dau_dong``: the text starts a line (a paragraph's first run), so a marker may open it.
    """
    spans = [m.span() for m in _SO_KY_HIEU.finditer(text)]
    spans += [m.span() for m in _DAU_MUC.finditer(text) if m.start() > 0 or dau_dong]
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        # A marker whose word is a symbol ("- 128/NQ-CP"): one run.
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in merged:
        pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    pieces.append((text[at:], False))
    return [(p, lien) for p, lien in pieces if p]


def _chu(manh: Manh, dau_dong: bool) -> list[Chu]:
    dam = True if manh.dam else None
    nghieng = True if manh.nghieng else None
    return [
        Chu(piece, dam=dam, nghieng=nghieng, lien=lien)
        for piece, lien in _khong_ngat(manh.text, dau_dong)
    ]


def ket_thuc(text: str) -> str:
    """Every sample form ends its last body line with './.'."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return f"{text}/." if text.endswith(".") else f"{text}./."


def _ket_thuc_phan(phan: tuple[PhanDoan, ...]) -> tuple[PhanDoan, ...]:
    """The parts with './.' after the last run's text (footnote calls after it stay after),
    upright and regular whatever the run's emphasis."""
    for i in range(len(phan) - 1, -1, -1):
        part = phan[i]
        if isinstance(part, Manh) and part.text.strip():
            text = part.text.rstrip()
            end = ket_thuc(text)[len(text) :]
            ended = (Manh(text, part.dam, part.nghieng), Manh(end)) if end else (part,)
            return (*phan[:i], *ended, *phan[i + 1 :])
    return phan  # pragma: no cover - a paragraph always has text (the schema's rule)


def chu_doan(
    phan: tuple[PhanDoan, ...], chu_thich: Mapping[str, str], cuoi: bool = False
) -> tuple[Chu, ...]:
    """The runs of one paragraph.

    Args:
        phan: the paragraph's parsed markup.
        chu_thich: the directive's footnotes by label (each call's note is set in its run).
        cuoi: the last paragraph, which ends './.'.
    """
    if cuoi:
        phan = _ket_thuc_phan(phan)
    out: list[Chu] = []
    for part in phan:
        if isinstance(part, GoiChuThich):
            note = phan_tich(chu_thich[part.nhan])
            out.append(Chu("", chu_thich=chu_doan(note, {})))
        else:
            out += _chu(part, dau_dong=not out)
    return tuple(out)


def chu_tron(text: str) -> tuple[Chu, ...]:
    """The runs of a text without markup (a căn cứ): its numbers and symbols unbreakable."""
    return tuple(Chu(piece, lien=lien) for piece, lien in _khong_ngat(text, dau_dong=False))
