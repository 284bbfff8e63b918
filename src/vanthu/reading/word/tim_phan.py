"""Finding the parts (tìm phần) of a free-form Word draft: header, title, body, signature block.

The lines are read with each paragraph's soft-broken lines apart (:func:`.dong.mo_rong`); the
body takes its paragraphs back whole. The header is the first two-column table (borders or
none) holding the Quốc hiệu, the leading text boxes holding it, or the leading paragraphs
whose columns are set apart with tabs (a V/v typed under it joins it); its left column gives
the parent and issuing bodies (bold lines are the issuer, plain lines above them the parent;
with none bold, the issuer begins at the last line opening as a body's name does), ``Số:``
and a công văn's ``V/v``; its right column the Quốc hiệu, the Tiêu ngữ and the place-date line. Then
come the tên loại (a known type name in capitals) and its trích yếu, a decision's authority
line, the căn cứ, ``Kính gửi:``, and the body. The signature block starts at ``Nơi nhận:`` or at
a signer's line (TM./KT./Q./TL./TUQ., or capitals in the right column after the body): its left
column (or the lines after ``Nơi nhận:``) is the Nơi nhận list and its Lưu line, its right
column the authority and position lines (7a) and the signer's name. What fits nowhere is kept
in ``chua_xep``. A line ``Phụ lục …`` after the signature ends the document proper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from docx.document import Document as DocxDocument
from lxml import etree

from ...schemas.loai_van_ban import LoaiVanBan
from .dong import Dong, doc_dong, gop_lai, mo_rong
from .trang import TrangGiay, doc_trang

#: The printed names of the types, in capitals (tên loại), mapped to the type.
TEN_LOAI = {loai.info.ten: loai for loai in LoaiVanBan if loai is not LoaiVanBan.cong_van}
#: The place-date line, its day and month left blank in a draft ("ngày      tháng      năm").
_NGAY = re.compile(r"ngày\s+\S*\s*tháng\s+\S*\s*năm", re.IGNORECASE)
_SO = re.compile(r"^S[ốỐ]\s*[:.]?\s*", re.IGNORECASE)
_TIEN_TO = re.compile(r"^(TM|KT|Q|TL|TUQ|T/M|K/T|T/L)\s*[.:/]?\s+\S", re.IGNORECASE)
_DAU_MUC = ("HỎA TỐC", "HOẢ TỐC", "THƯỢNG KHẨN", "KHẨN", "TUYỆT MẬT", "TỐI MẬT", "MẬT")
#: The first words of a body's name (where an issuer set under its parent begins).
_DAU_CO_QUAN = (
    "SỞ ",
    "BAN ",
    "PHÒNG ",
    "VĂN PHÒNG",
    "TRUNG TÂM",
    "CỤC ",
    "CHI CỤC",
    "TỔNG CỤC",
    "VỤ ",
    "VIỆN ",
    "TRƯỜNG ",
    "BỆNH VIỆN",
    "ỦY BAN",
    "UỶ BAN",
    "UBND ",
    "HỘI ĐỒNG",
    "THANH TRA",
    "KHO BẠC",
    "CÔNG TY",
    "CHI NHÁNH",
    "BAN QUẢN LÝ",
)
_KE = re.compile(r"^[\s_\-–—─=.]*$")


def la_hoa(text: str) -> bool:
    """Whether every letter of the text is a capital (and it has at least two)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class BanThao:
    """A Word draft's parts (bản thảo), each a list of its lines (empty when not found)."""

    trang: TrangGiay
    co_quan_chu_quan: list[Dong] = field(default_factory=list)
    co_quan: list[Dong] = field(default_factory=list)
    so_ky_hieu: list[Dong] = field(default_factory=list)
    trich_yeu_cong_van: list[Dong] = field(default_factory=list)
    dau_muc_do: list[Dong] = field(default_factory=list)
    quoc_hieu: list[Dong] = field(default_factory=list)
    tieu_ngu: list[Dong] = field(default_factory=list)
    dia_danh_ngay: list[Dong] = field(default_factory=list)
    ten_loai: list[Dong] = field(default_factory=list)
    trich_yeu: list[Dong] = field(default_factory=list)
    tham_quyen: list[Dong] = field(default_factory=list)
    can_cu: list[Dong] = field(default_factory=list)
    kinh_gui: list[Dong] = field(default_factory=list)
    noi_dung: list[Dong] = field(default_factory=list)
    chuc_vu: list[Dong] = field(default_factory=list)
    ho_ten: list[Dong] = field(default_factory=list)
    noi_nhan_nhan: list[Dong] = field(default_factory=list)
    noi_nhan: list[Dong] = field(default_factory=list)
    luu: list[Dong] = field(default_factory=list)
    chua_xep: list[Dong] = field(default_factory=list)
    #: Each signer's 7a lines (a joint document or a biên bản has two signers).
    khoi_ky: list[list[Dong]] = field(default_factory=list)
    #: What follows the signature block: annexes, the text a quyết định issues, a leave's
    #: confirmation block.
    phan_sau: list[Dong] = field(default_factory=list)
    #: The document's top-level tables (w:tbl), by the index :attr:`Dong.bang` names.
    bang_xml: list[etree._Element] = field(default_factory=list, repr=False)
    ten_cua: dict[int, Dong] = field(default_factory=dict, repr=False)
    #: The paragraphs set over several lines with soft breaks, by :attr:`Dong.so`: the body
    #: reads them whole (:func:`~.dong.gop_lai`).
    doan_goc: dict[int, Dong] = field(default_factory=dict, repr=False)

    @property
    def loai(self) -> LoaiVanBan | None:
        """The type its tên loại names; công văn when it has a V/v and no tên loại."""
        if self.ten_loai:
            return TEN_LOAI.get(self.ten_loai[0].text.rstrip(":").strip())
        return LoaiVanBan.cong_van if self.trich_yeu_cong_van or self.kinh_gui else None


#: Each part's name in findings.
TEN_PHAN = {
    "co_quan_chu_quan": "cơ quan chủ quản",
    "co_quan": "cơ quan ban hành",
    "so_ky_hieu": "số, ký hiệu",
    "trich_yeu_cong_van": "trích yếu công văn",
    "dau_muc_do": "dấu mức độ",
    "quoc_hieu": "quốc hiệu",
    "tieu_ngu": "tiêu ngữ",
    "dia_danh_ngay": "địa danh, ngày tháng",
    "ten_loai": "tên loại",
    "trich_yeu": "trích yếu",
    "tham_quyen": "thẩm quyền ban hành",
    "can_cu": "căn cứ",
    "kinh_gui": "kính gửi",
    "noi_dung": "nội dung",
    "chuc_vu": "quyền hạn, chức vụ người ký",
    "ho_ten": "họ tên người ký",
    "noi_nhan_nhan": "nhãn Nơi nhận",
    "noi_nhan": "nơi nhận",
    "luu": "dòng Lưu",
}


def _khoi_dau(lines: list[Dong], first: int) -> tuple[list[Dong], int] | None:
    """A header drawn as a table or in text boxes: its lines (each with a column) and the index
    after it; None when the first line is neither or holds no Quốc hiệu and no ``Số:``."""
    d = lines[first]
    if d.bang is not None:
        end = max(i for i, x in enumerate(lines) if x.bang == d.bang) + 1
        block = [x for x in lines[first:end] if x.bang == d.bang]
    elif d.khung is not None:
        end = first
        while end < len(lines) and (lines[end].khung is not None or not lines[end].text):
            end += 1
        block = lines[first:end]
    else:
        return None
    if not any("CỘNG HÒA" in x.text.upper() or _SO.match(x.text) for x in block):
        return None
    return [
        x if x.cot is not None else replace(x, cot=_cot_theo_chu(x)) for x in block if x.text
    ], end


def _cot_theo_chu(d: Dong) -> int:
    """The header column a line with no place of its own belongs to, by what it says."""
    return (
        1
        if "CỘNG HÒA" in d.text.upper() or _NGAY.search(d.text) or d.text.startswith("Độc lập")
        else 0
    )


def _dau_trang(lines: list[Dong]) -> tuple[list[Dong], int]:
    """The header's lines, with a column each, and the index of the first line after it."""
    full = [i for i, d in enumerate(lines) if d.text]
    if not full:
        return [], 0
    header: list[Dong] = []
    end = 0
    vv_ngoai = True  # whether the V/v may run on below the header (not when it is inside)
    khoi = _khoi_dau(lines, full[0])
    if khoi is not None:
        header, end = khoi
        vv_ngoai = not any(d.text.startswith(("V/v", "V/V")) for d in header)
    else:
        for i in full[:12]:
            d = lines[i]
            if d.bang is not None:
                break
            pieces = list(d.manh) or [d]
            if not d.manh and not (la_hoa(d.text) or _SO.match(d.text) or _NGAY.search(d.text)):
                if d.text.startswith(("V/v", "V/V", "Về việc")) and header:
                    header.append(replace(d, cot=0, tu_tab=True))
                    end = i + 1
                    continue
                break
            for piece in pieces:
                column = piece.cot if piece.cot is not None else _cot_theo_chu(piece)
                header.append(replace(piece, cot=column))
            end = i + 1
            if any(_NGAY.search(p.text) for p in pieces) and any(_SO.match(p.text) for p in header):
                break
    # a công văn's V/v lines under Số: (set by tabs or indents, or under the header's table)
    while header and end < len(lines) and lines[end].bang is None:
        d = lines[end]
        if not d.text:
            if any(x.text for x in lines[end:]) and next(
                x for x in lines[end:] if x.text
            ).text.startswith(("V/v", "V/V")):
                end += 1
                continue
            break
        if not (
            d.text.startswith(("V/v", "V/V"))
            or (
                vv_ngoai
                and any(x.text.startswith(("V/v", "V/V")) for x in header)
                and not la_hoa(d.text)
                and not d.text.startswith("Kính gửi")
                and d.doan.can_le != "justify"
                and len(d.text.split()) <= 8
            )
        ):
            break
        # its alignment says nothing of where it stands
        header.append(replace(d, cot=0, tu_tab=True))
        end += 1
    if not any("CỘNG HÒA" in d.text.upper() or _SO.match(d.text) for d in header):
        return [], 0
    return header, end


def _xep_dau_trang(ban: BanThao, header: list[Dong]) -> None:
    """Sort the header's lines into its parts by column and by what they say."""
    left = [d for d in header if d.cot == 0 and not _KE.match(d.text)]
    right = [d for d in header if d.cot == 1 and not _KE.match(d.text)]
    names: list[Dong] = []
    after_so = False
    for d in left:
        if _SO.match(d.text) and not after_so:
            ban.so_ky_hieu.append(d)
            after_so = True
        elif d.text.upper().startswith("V/V") or (after_so and ban.trich_yeu_cong_van):
            ban.trich_yeu_cong_van.append(d)
        elif d.text.upper().strip() in _DAU_MUC:
            ban.dau_muc_do.append(d)
        elif not after_so and la_hoa(d.text):
            names.append(d)
        else:
            ban.chua_xep.append(d)
    bold = [i for i, d in enumerate(names) if d.chu.dam]
    # nothing bold: the issuer begins at the last line that opens as a body's name does
    opens = [i for i, d in enumerate(names) if i and d.text.startswith(_DAU_CO_QUAN)]
    split = bold[0] if bold else (opens[-1] if opens else 0)
    ban.co_quan_chu_quan.extend(names[:split])
    ban.co_quan.extend(names[split:])
    for d in right:
        upper = d.text.upper()
        if "CỘNG HÒA" in upper or "CỘNG HOÀ" in upper:
            ban.quoc_hieu.append(d)
        elif upper.startswith("ĐỘC LẬP"):
            ban.tieu_ngu.append(d)
        elif _NGAY.search(d.text):
            ban.dia_danh_ngay.append(d)
        elif upper.strip() in _DAU_MUC:
            ban.dau_muc_do.append(d)
        else:
            ban.chua_xep.append(d)


def _bat_dau_chu_ky(lines: list[Dong], start: int) -> int:
    """The index where the signature block begins (len(lines) when none is found)."""
    seen_body = False
    for i in range(start, len(lines)):
        d = lines[i]
        if not d.text:
            continue
        texts = [p.text for p in d.manh] or [d.text]
        if any(t.startswith("Nơi nhận") or t.startswith("Nơi gửi") for t in texts):
            return i
        if seen_body and any(_TIEN_TO.match(t) and la_hoa(t) for t in texts):
            return i
        if (
            seen_body
            and d.bang is not None
            and any(x.text.startswith("Nơi nhận") for x in lines if x.bang == d.bang)
        ):
            return min(j for j, x in enumerate(lines) if x.bang == d.bang)
        seen_body = True
    return len(lines)


def _khoi_chu_ky(lines: list[Dong]) -> tuple[list[Dong], list[Dong]]:
    """The signature block's own lines: its table, or its paragraphs up to the next table, a
    ``Phụ lục`` line or the end; and what follows it (an attached text is not part of it)."""
    if not lines:
        return [], []
    if lines[0].bang is not None:
        end = max(i for i, d in enumerate(lines) if d.bang == lines[0].bang) + 1
        return lines[:end], lines[end:]
    for i, d in enumerate(lines):
        if d.bang is not None or (d.text.startswith("Phụ lục") and i):
            return lines[:i], lines[i:]
    return lines, []


def _xep_chu_ky(ban: BanThao, lines: list[Dong]) -> None:
    """Sort the signature block: the Nơi nhận list and Lưu, the signers' 7a lines and names.

    A column reads as a list from ``Nơi nhận:`` to its Lưu line; its other lines are signer
    blocks (capitals, then the name), as a joint document or a biên bản has two.
    """
    columns: dict[int, list[Dong]] = {0: [], 1: []}
    in_list = False
    block, ban.phan_sau = _khoi_chu_ky(lines)
    for d in block:
        if not d.text or _KE.match(d.text):
            continue
        for p in list(d.manh) or [d]:
            column = p.cot
            if column is None:
                if p.text.startswith("Nơi nhận"):
                    in_list = True
                elif not (in_list and p.text.startswith(("-", "–", "+", "Lưu"))):
                    in_list = False
                column = 0 if in_list else 1
            columns[column].append(p)
    for column in (0, 1):
        in_list = False
        signer: list[Dong] | None = None
        for d in columns[column]:
            if d.text.startswith("Nơi nhận"):
                ban.noi_nhan_nhan.append(d)
                in_list = True
                continue
            if in_list and d.text.startswith(("-", "–", "+", "Lưu")):
                if d.text.lstrip("-–+ ").startswith("Lưu"):
                    ban.luu.append(d)
                else:
                    ban.noi_nhan.append(d)
                continue
            in_list = False
            if la_hoa(d.text):
                if signer is None or _ten_xong(ban, signer):
                    signer = [d]
                    ban.khoi_ky.append(signer)
                else:
                    signer.append(d)
                ban.chuc_vu.append(d)
            elif signer is not None and not (
                d.text.startswith("(") or d.text.lower().startswith(("đã ký", "ký tên"))
            ):
                # the last plain line of a signer's block is the name
                if _ten_xong(ban, signer):
                    ban.ho_ten.remove(ban.ten_cua[id(signer)])
                ban.ho_ten.append(d)
                ban.ten_cua[id(signer)] = d
            elif signer is None:
                ban.chua_xep.append(d)


def _ten_xong(ban: BanThao, signer: list[Dong]) -> bool:
    """Whether this signer block already has its name."""
    return id(signer) in ban.ten_cua


def _la_ten_loai(d: Dong) -> bool:
    """A tên loại: a type's name, or a short centred line in capitals (THƯ CHÚC MỪNG)."""
    text = d.text.rstrip(":").strip()
    return text in TEN_LOAI or (
        d.doan.can_le == "center" and len(text.split()) <= 6 and not d.text.endswith(":")
    )


def tim_phan(tai_lieu: DocxDocument) -> BanThao:
    """Find the parts of a Word draft (see the module's docstring)."""
    tables: list[etree._Element] = []
    paragraphs = doc_dong(tai_lieu, tables)
    lines = mo_rong(paragraphs)
    ban = BanThao(
        trang=doc_trang(tai_lieu),
        bang_xml=tables,
        doan_goc={d.so: d for d in paragraphs if d.dong_con},
    )
    header, start = _dau_trang(lines)
    _xep_dau_trang(ban, header)
    end = _bat_dau_chu_ky(lines, start)
    _xep_chu_ky(ban, [_gan_nhan(d) for d in lines[end:]])
    body = [d for d in lines[start:end] if d.text]
    i = 0
    if body and la_hoa(body[0].text) and _la_ten_loai(body[0]):
        ban.ten_loai.append(body[0])
        i = 1
        while (
            i < len(body)
            and i <= 4
            and not la_hoa(body[i].text)
            and not body[i].text.startswith(("Căn cứ", "Kính gửi"))
            and not body[i].text.endswith("điện:")
            and body[i].doan.can_le == "center"
        ):
            ban.trich_yeu.append(body[i])
            i += 1
    in_kinh_gui = False
    for d in body[i:]:
        if in_kinh_gui and d.nhan in _GACH:
            d = _gan_nhan(d)
        text = d.text
        if text.startswith("Kính gửi") or (text.endswith(" điện:") and not ban.noi_dung):
            ban.kinh_gui.append(d)
            in_kinh_gui = True
            continue
        if in_kinh_gui and text.startswith(("-", "–")) and not ban.noi_dung:
            ban.kinh_gui.append(d)
            continue
        in_kinh_gui = False
        if (
            not ban.noi_dung
            and not ban.can_cu
            and la_hoa(text)
            and d.doan.can_le == "center"
            and not text.endswith(":")
        ):
            ban.tham_quyen.append(d)
        elif not ban.noi_dung and text.startswith(("Căn cứ", "Theo đề nghị", "Xét đề nghị")):
            ban.can_cu.append(d)
        else:
            ban.noi_dung.append(d)
    ban.noi_dung = gop_lai(ban.noi_dung, ban.doan_goc)
    return ban


#: The list labels that read as a Nơi nhận or Kính gửi line's dash.
_GACH = ("-", "–", "+")


def _gan_nhan(d: Dong) -> Dong:
    """A list item's line with its label in its text ("- Như trên;" from a dash bullet)."""
    if not d.nhan:
        return d
    return replace(d, text=d.day_du, nhan="", manh=tuple(_gan_nhan(m) for m in d.manh))
