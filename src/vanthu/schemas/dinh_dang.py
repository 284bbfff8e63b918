"""Inline markup of a body paragraph (định dạng): emphasis, forced line breaks, footnote calls.

The markup is Markdown's, read by markdown-it-py's inline parser with only these rules on:

- ``**đậm**`` bold, ``*nghiêng*`` italic, ``***cả hai***`` both (CommonMark's rules for ``*``);
- a line break in the text (a YAML ``|`` block, or ``\\n``) is a forced line break inside the
  paragraph, not a new paragraph;
- ``[^nhan]`` calls the footnote ``nhan`` of the directive's ``chu_thich``;
- a backslash before an ASCII punctuation mark prints the mark itself: ``\\*``, ``\\[``, ``\\\\``.

``_`` is never emphasis (blanks ``_____`` are common in forms), and links, code, HTML and
entities are plain text. An asterisk between two spaces, two letters or two marks is printed
as typed (``2 * 3``, ``a*b``, ``(*)``: it may close emphasis, never open it); one attached to
a word on one side only that finds no partner (``**đậm`` never closed) is printed as typed too,
as CommonMark prints it: directives did and do use "*" as a note mark ("số liệu*"), and a file
valid before emphasis existed stays valid. ``vanthu check`` warns of it (``dau_le``), since it is
more often a slip in the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.emphasis import tokenize as _emphasis

from .gioi_han import NHAN_CHU_THICH_TOI_DA

#: A footnote label: ASCII letters, digits, "_" or "-" (``[^1]``, ``[^nguon-so-lieu]``).
NHAN_PATTERN = rf"[A-Za-z0-9_-]{{1,{NHAN_CHU_THICH_TOI_DA}}}"
_NHAN = re.compile(NHAN_PATTERN)
_GOI = re.compile(r"\[\^([^\]\n]*)\]")


@dataclass(frozen=True)
class Manh:
    """A run of text (mảnh) with its emphasis; a "\\n" in it is a forced line break."""

    text: str
    dam: bool = False
    nghieng: bool = False


@dataclass(frozen=True)
class GoiChuThich:
    """A footnote call (gọi chú thích): the label of the note it calls."""

    nhan: str


PhanDoan = Manh | GoiChuThich


def _emphasis_asterisk(state: StateInline, silent: bool) -> bool:
    """CommonMark emphasis for ``*`` only, noting where each delimiter stands in the source."""
    if state.src[state.pos] != "*":
        return False
    start, before = state.pos, len(state.delimiters)
    found = _emphasis(state, silent)
    hai_phia = state.env.setdefault("hai_phia", set())
    for i, d in enumerate(state.delimiters[before:], before):
        if d.open and d.close:
            # Between two letters or two marks ("a*b", "(*)", "”**;"): it may close emphasis
            # but never opens one, so that two "(*)" in a paragraph never make the text between
            # them italic; left unmatched, it is printed as typed.
            d.open = False
            hai_phia.add(i)
    # Where each delimiter's run starts: a run is reported once.
    state.env.setdefault("vi_tri", []).extend([start] * (len(state.delimiters) - before))
    return found


def _footnote_call(state: StateInline, silent: bool) -> bool:
    """``[^nhan]``: a footnote call token; a malformed one is refused."""
    src, pos = state.src, state.pos
    if not src.startswith("[^", pos):
        return False
    match = _GOI.match(src, pos)
    if match is None or not _NHAN.fullmatch(match[1]):
        shown = match[0][:40] if match else src[pos : pos + 12]
        raise ValueError(
            f"'{shown}' ở ký tự thứ {pos + 1} không phải lời gọi chú thích: viết [^nhãn] với "
            f"nhãn gồm 1–{NHAN_CHU_THICH_TOI_DA} chữ cái không dấu, chữ số, '_' hoặc '-' "
            "(hoặc \\[ để in dấu '[')"
        )
    if not silent:
        token = state.push("footnote_call", "", 0)
        token.meta = {"nhan": match[1]}
    state.pos = match.end()
    return True


def _unbalanced(state: StateInline) -> None:
    """Note each ``*`` run attached to a word on one side that found no partner."""
    delimiters = state.delimiters
    closed = {d.end for d in delimiters if d.end >= 0}
    where = state.env.get("vi_tri", [])
    hai_phia = state.env.get("hai_phia", set())
    reported: set[int] = set()
    for i, d in enumerate(delimiters):
        if d.end >= 0 or i in closed or i in hai_phia or d.open == d.close:
            continue
        at = where[i] + 1 if i < len(where) else 0
        if at in reported:
            continue
        reported.add(at)
        run = "*" * d.length
        what = {1: "nghiêng", 2: "đậm"}.get(d.length, "đậm nghiêng")
        if d.open:
            problem = f"'{run}' ở ký tự thứ {at} mở chữ {what} nhưng không đóng lại"
        else:
            problem = f"'{run}' ở ký tự thứ {at} đóng chữ {what} chưa được mở"
        state.env.setdefault("le", []).append(problem)


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero")
    md.enable(["newline", "escape", "emphasis"])
    md.inline.ruler.at("emphasis", _emphasis_asterisk)
    md.inline.ruler.before("emphasis", "footnote_call", _footnote_call)
    md.inline.ruler2.after("balance_pairs", "unbalanced", _unbalanced)
    return md


def phan_tich(text: str) -> tuple[PhanDoan, ...]:
    """A paragraph's markup read into runs and footnote calls, adjacent like runs merged.

    Raises:
        ValueError: a malformed footnote call (the message says where).
    """
    env: dict[str, Any] = {}
    tokens = _parser().parseInline(text, env)
    children = tokens[0].children or [] if tokens else []
    out: list[PhanDoan] = []
    dam = nghieng = 0

    def add(piece: str) -> None:
        style = (dam > 0, nghieng > 0)
        last = out[-1] if out else None
        if isinstance(last, Manh) and (last.dam, last.nghieng) == style:
            out[-1] = Manh(last.text + piece, *style)
        else:
            out.append(Manh(piece, *style))

    for token in children:
        if token.type in ("text", "text_special"):
            if token.content:
                add(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            add("\n")
        elif token.type == "footnote_call":
            out.append(GoiChuThich(token.meta["nhan"]))
        elif token.type in ("strong_open", "strong_close"):
            dam += 1 if token.nesting > 0 else -1
        elif token.type in ("em_open", "em_close"):
            nghieng += 1 if token.nesting > 0 else -1
        else:  # pragma: no cover - every other rule is off
            raise AssertionError(f"unexpected markup token {token.type}")
    return tuple(out)


def dau_le(text: str) -> list[str]:
    """The emphasis markers of ``text`` left without a partner (dấu lẻ), printed as typed: one
    message each ("'**' at character 6 opens bold text that is never closed")."""
    env: dict[str, Any] = {}
    _parser().parseInline(text, env)
    return list(env.get("le", []))


def van_ban_tron(phan: tuple[PhanDoan, ...]) -> str:
    """The plain text (văn bản trơn) of parsed markup: the runs' text, without the calls."""
    return "".join(p.text for p in phan if isinstance(p, Manh))


def cac_goi(phan: tuple[PhanDoan, ...]) -> list[str]:
    """The labels of the footnote calls, in order."""
    return [p.nhan for p in phan if isinstance(p, GoiChuThich)]


def kiem_tra(text: str, goi_chu_thich: bool = True) -> tuple[PhanDoan, ...]:
    """Read a text's markup and refuse what cannot be printed (the schema's validator).

    Args:
        text: the text, NFC.
        goi_chu_thich: whether footnote calls are allowed (in a paragraph, not in a note).

    Raises:
        ValueError: a malformed call, no text besides the markup, or a call where none is
            allowed.
    """
    phan = phan_tich(text)
    if not van_ban_tron(phan).strip():
        raise ValueError("không có chữ nào ngoài các ký hiệu định dạng")
    if not goi_chu_thich and cac_goi(phan):
        raise ValueError(f"[^{cac_goi(phan)[0]}]: chú thích không được gọi một chú thích khác")
    return phan
