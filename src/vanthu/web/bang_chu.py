"""A table typed as text (bảng chữ): a row per line, cells split by TAB or "|", quoted as
spreadsheets quote them.

Excel and LibreOffice Calc put copied cells on the clipboard as lines of TAB-separated cells,
a cell holding a line break, a TAB or a quote written between double quotes (``""`` for a quote
inside). A drafter types cells separated by ``|`` instead. A text holding a TAB is read the
spreadsheet's way (a line without a TAB split on ``|``, so typed and pasted lines mix); any
other text splits on ``|``. Written back, cells are separated by `` | `` and quoted only when
they must be (a ``|``, a line break, a leading quote, the lone empty cell of a row), so that
reading what was written gives the same cells.
"""

from __future__ import annotations

TAB = "\t"
ONG = "|"


def _o(text: str, i: int, sep: str) -> tuple[str, int]:
    """The cell starting at ``i`` and where it ends (at a separator, a line end or the end)."""
    n = len(text)
    j = i
    while j < n and text[j] in " ":
        j += 1
    if j < n and text[j] == '"':
        value: list[str] = []
        k = j + 1
        while k < n:
            if text[k] == '"':
                if k + 1 < n and text[k + 1] == '"':
                    value.append('"')
                    k += 2
                    continue
                break
            value.append(text[k])
            k += 1
        if k < n:  # the closing quote: a quoted cell if only spaces follow it
            end = k + 1
            while end < n and text[end] == " ":
                end += 1
            if end == n or text[end] in (sep, "\n"):
                return "".join(value), end
    # Unquoted, or a quote that opens no quoted cell ('"Vùng xanh" là …'): the text as typed.
    end = i
    while end < n and text[end] not in (sep, "\n"):
        end += 1
    return text[i:end].strip(), end


def _dong(text: str, i: int, sep: str) -> tuple[list[str], int]:
    """The row starting at ``i`` and where the next one starts."""
    n = len(text)
    row: list[str] = []
    while True:
        cell, i = _o(text, i, sep)
        row.append(cell)
        if i < n and text[i] == sep:
            i += 1
            continue
        return row, i + 1  # past the line end


def doc_bang_chu(text: str) -> list[list[str]]:
    """The rows of cells of a table typed or pasted as text; blank lines are skipped."""
    tabs = TAB in text
    rows: list[list[str]] = []
    i, n = 0, len(text)
    while i < n:
        line_end = text.find("\n", i)
        if not text[i : n if line_end < 0 else line_end].strip():
            i = n if line_end < 0 else line_end + 1
            continue
        row, after = _dong(text, i, TAB if tabs else ONG)
        if tabs and len(row) == 1 and ONG in row[0]:
            # A line typed with "|" among pasted ones.
            row, after = _dong(text, i, ONG)
        rows.append(row)
        i = after
    return rows


def _quote(cell: str, one: bool) -> str:
    if ONG in cell or "\n" in cell or cell.startswith('"') or (one and not cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def viet_bang_chu(rows: list[list[str]]) -> str:
    """Rows of cells as the form shows them: one line a row, cells separated by " | "."""
    return "\n".join(" | ".join(_quote(c, len(row) == 1) for c in row) for row in rows)
