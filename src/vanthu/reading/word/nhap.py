"""Word to directive (nhập): the directive file's data, built from the parts of a Word draft.

Every part :mod:`.tim_phan` found becomes its field: the header's lines (a line Word or vanthu
broke stays a line, ``\\n``), number and symbol (the issuer's abbreviation, the drafting unit;
``ky_hieu`` only when the printed symbol is not the one vanthu would build), place and date (a
draft's blank day and month give ``nam``), urgency and secrecy, the title and subject, the
sender and addressees, authority line and căn cứ, the body (emphasis that differs from the
paragraph's own as ``**``/``*``, line breaks, Word list labels, headings as ``kieu``, tables,
footnotes), the signers, the Nơi nhận lines and the Lưu line, the annexes and a leave's
confirmation. What the renderer adds by itself is taken off ("QUYẾT ĐỊNH:", the "./." ending,
the bold of "Điều n."). What fits nowhere is reported (:attr:`KetQuaNhap.ghi_chu`), never
dropped in silence.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from ...schemas.danh_dau import DoKhan, DoMat, PhamViLuuHanh
from ...schemas.loai_van_ban import LoaiVanBan
from .dinh_dang import BangKieuWord
from .dong import GOI_CHU_THICH, Dong, gop_lai, tung_chu
from .nhap_bang import doc_bang
from .nhap_chu_ky import GhiChu, dong_luu, nguoi_ky, noi_nhan
from .tim_phan import TEN_LOAI, BanThao, la_hoa

_SO = re.compile(r"^S[ốỐ]\s*[:.]?\s*(?P<so>[^/]*?)\s*/\s*(?P<ky_hieu>\S+)\s*$", re.IGNORECASE)
#: The place-date line; a draft leaves the day and month blank with spaces, dots or underscores.
_NGAY = re.compile(
    r"^(?P<noi>[^,]+),\s*ngày[\s.…_]*(?P<ngay>\d*)[\s.…_]*tháng[\s.…_]*(?P<thang>\d*)"
    r"[\s.…_]*năm\s+(?P<nam>\d{4})"
)
_NGAY_TRONG_CAU = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_DAU = {
    "HỎA TỐC": ("do_khan", DoKhan.hoa_toc),
    "HOẢ TỐC": ("do_khan", DoKhan.hoa_toc),
    "THƯỢNG KHẨN": ("do_khan", DoKhan.thuong_khan),
    "KHẨN": ("do_khan", DoKhan.khan),
    "TUYỆT MẬT": ("do_mat", DoMat.tuyet_mat),
    "TỐI MẬT": ("do_mat", DoMat.toi_mat),
    "MẬT": ("do_mat", DoMat.mat),
}
_PHAM_VI = {
    "LƯU HÀNH NỘI BỘ": PhamViLuuHanh.luu_hanh_noi_bo,
    "XEM XONG TRẢ LẠI": PhamViLuuHanh.xem_xong_tra_lai,
}
#: The line the renderer prints after the căn cứ of a quyết định / nghị quyết.
_MO_DIEU = ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")
_KET_THUC = "./."
_DIEU_DAM = re.compile(r"^\*\*(Điều\s+\d+[a-zđ]?\.)\*\*")
_MUC_LA_MA = re.compile(r"^[IVXLCDM]+\.\s")
_LIEN_HE = ("Địa chỉ", "ĐT", "Điện thoại", "Email", "E-mail", "Website", "Fax")
_PHU_LUC = re.compile(r"^Phụ lục(\s+[IVXLCDM]+)?$", re.IGNORECASE)
_KEM_THEO = re.compile(r"^\(Kèm theo .*? của (?P<cua>.+?)\)$")


@dataclass(frozen=True)
class KetQuaNhap:
    """A Word draft imported: the directive file's data (NFC), and what could not be placed
    (one line each, naming the paragraph's first words)."""

    du_lieu: dict[str, Any]
    ghi_chu: tuple[str, ...]


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


def _dong(lines: list[Dong]) -> str:
    """A field printed over several lines: each line kept (``\\n``)."""
    return "\n".join(d.text for d in lines if d.text)


def _noi(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def _dau_trang(ban: BanThao, out: dict[str, Any], ghi_chu: GhiChu) -> None:
    """The header: issuer and parent, number and symbol, place and date, marks."""
    if ban.co_quan_chu_quan:
        out["co_quan_chu_quan"] = _dong(ban.co_quan_chu_quan)
    out["co_quan"] = _dong(ban.co_quan)
    for d in ban.dau_muc_do:
        key, value = _DAU[d.text.upper().strip()]
        out[key] = value.value
    if ban.so_ky_hieu:
        d = ban.so_ky_hieu[0]
        m = _SO.match(d.text)
        if m is None:
            ghi_chu.them(d, "dòng số, ký hiệu không theo dạng «Số: 05/QĐ-UBND»")
        else:
            so = m["so"].strip(" .…_")
            if so.isdigit():
                out["so"] = int(so)
            elif so:
                ghi_chu.them(d, f"số «{so}» không phải số nguyên")
            out["_ky_hieu"] = m["ky_hieu"].replace(" ", "")
    for d in ban.dia_danh_ngay[:1]:
        m = _NGAY.match(d.text)
        if m is None:
            ghi_chu.them(
                d,
                "dòng địa danh, ngày tháng không theo dạng «Ninh Thuận, ngày 05 tháng 9 năm 2021»",
            )
            continue
        out["dia_danh"] = m["noi"].strip()
        if m["ngay"] and m["thang"]:
            try:
                out["ngay"] = dt.date(int(m["nam"]), int(m["thang"]), int(m["ngay"])).isoformat()
            except ValueError:
                ghi_chu.them(d, "ngày tháng không có trên lịch")
        else:
            out["nam"] = int(m["nam"])


def _ky_hieu(ban: BanThao, out: dict[str, Any], loai: LoaiVanBan) -> None:
    """The symbol's parts: the issuer's (and a joint document's second body's) abbreviation;
    ``ky_hieu`` only when the printed symbol is not the one the fields build."""
    printed = out.pop("_ky_hieu", None)
    if printed is None:
        return
    parts = printed.split("-")
    code = loai.info.ma
    if code is None:
        out["ky_hieu_co_quan"] = parts[0]
        built = f"{parts[0]}-{out.get('don_vi_soan_thao')}"
    else:
        rest = parts[1:] if parts[0] in (code, f"{code}LT") else parts
        out["ky_hieu_co_quan"] = rest[0] if rest else parts[0]
        if parts[0] == f"{code}LT" and len(rest) >= 2:
            out["ky_hieu_co_quan_2"] = rest[1]
            built = f"{code}LT-{rest[0]}-{rest[1]}"
        else:
            built = f"{code}-{out['ky_hieu_co_quan']}"
    if built != printed:
        out["ky_hieu"] = printed


#: The first words of a body's name: where a joint document's second issuer begins.
_DAU_TEN = (
    "ỦY BAN",
    "UỶ BAN",
    "UBND",
    "HỘI",
    "SỞ",
    "BAN",
    "BỘ",
    "ĐOÀN",
    "LIÊN",
    "MẶT TRẬN",
    "CÔNG",
)


def _lien_tich(ban: BanThao, out: dict[str, Any], ghi_chu: GhiChu) -> None:
    """A joint document's issuer lines: the second body begins at the first line after the
    first that opens as a body's name does (ỦY BAN, HỘI, SỞ …)."""
    lines = [d for d in ban.co_quan if d.text]
    for i in range(1, len(lines)):
        if lines[i].text.startswith(_DAU_TEN):
            out["co_quan"] = _dong(lines[:i])
            out["co_quan_2"] = _dong(lines[i:])
            return
    if lines:
        ghi_chu.them(
            lines[0], "ký hiệu văn bản liên tịch mà không thấy tên cơ quan ban hành thứ hai"
        )


def _loai(ban: BanThao, out: dict[str, Any], ghi_chu: GhiChu) -> LoaiVanBan | None:
    """The type, from the tên loại (a "THƯ …" title is a thư công's)."""
    if ban.ten_loai:
        name = ban.ten_loai[0].text.rstrip(":").strip()
        if name in TEN_LOAI:
            return TEN_LOAI[name]
        if name.startswith("THƯ"):
            out["ten_thu"] = name
            return LoaiVanBan.thu_cong
        ghi_chu.them(ban.ten_loai[0], "không phải tên loại văn bản của Nghị định 30")
        return None
    return ban.loai


def _danh_dau(text: str) -> str:
    """Asterisks typed in the text, escaped so that they print as typed."""
    return text.replace("\\", "\\\\").replace("*", "\\*")


def _danh_dau_doan(d: Dong, dam_san: bool, nghieng_san: bool) -> str:
    """A paragraph's text with its emphasis as markup: bold and italic that differ from what
    the paragraph's kind sets by itself; footnote calls as ``[^id]``."""
    out: list[str] = []
    mo = GOI_CHU_THICH[0]
    pieces: list[tuple[str, bool, bool]] = []
    for text, fmt in d.chu_cac:
        if text.startswith(mo):
            pieces.append((f"[^{text[1:-1]}]", False, False))
            continue
        pieces.append((_danh_dau(text), fmt.dam and not dam_san, fmt.nghieng and not nghieng_san))
    # runs of the same emphasis are joined before they are marked
    merged: list[list[Any]] = []
    for text, b, i in pieces:
        if merged and merged[-1][1:] == [b, i] and not text.startswith("[^"):
            merged[-1][0] += text
        else:
            merged.append([text, b, i])
    for text, b, i in merged:
        mark = "***" if b and i else "**" if b else "*" if i else ""
        core = text.strip()
        if not mark or not core:
            out.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    body = "".join(out).strip()
    if d.nhan:
        body = f"{d.nhan} {body}"
    return unicodedata.normalize("NFC", body)


def _doan(d: Dong) -> dict[str, Any] | str:
    """One body paragraph: text with markup, and its kind (heading, centred)."""
    giua = d.doan.can_le == "center" and d.chu.dam
    tieu_de = not giua and d.chu.dam
    text = _danh_dau_doan(d, giua or tieu_de, False)
    if giua:
        return {"doan": text, "kieu": "giua"}
    if tieu_de:
        if _MUC_LA_MA.match(d.day_du) and d.day_du == d.day_du.upper():
            return text  # the renderer sets a Roman-numbered heading in capitals bold itself
        return {"doan": text, "kieu": "tieu_de"}
    return _DIEU_DAM.sub(r"\1", text)


def _than(lines: list[Dong], ban: BanThao, ghi_chu: GhiChu) -> list[Any]:
    """The body items: paragraphs (a paragraph's soft-broken lines joined back), and each table
    with its caption."""
    lines = gop_lai(lines, ban.doan_goc)
    items: list[Any] = []
    i = 0
    while i < len(lines):
        d = lines[i]
        if d.bang is not None:
            j = i
            while j < len(lines) and lines[j].bang == d.bang:
                j += 1
            bang = doc_bang(ban.bang_xml[d.bang])
            caption: list[str] = []
            while (
                items
                and isinstance(items[-1], dict)
                and items[-1].get("kieu") == "giua"
                and not (caption and caption[0].startswith("Bảng"))
            ):
                caption.insert(0, items.pop()["doan"])
            if caption and caption[0].startswith("Bảng"):
                bang = {"ten": "\n".join(caption), **bang}
            else:
                items += [{"doan": c, "kieu": "giua"} for c in caption]
            items.append({"bang": bang})
            i = j
            continue
        if (
            d.text == _KET_THUC
            and items
            and "bang" in (items[-1] if isinstance(items[-1], dict) else {})
        ):
            i += 1
            continue
        items.append(_doan(d))
        i += 1
    return items


def _bo_ket_thuc(items: list[Any]) -> None:
    """Take off the "/." the renderer adds after the last paragraph's full stop."""
    if not items:
        return
    last = items[-1]
    text = last if isinstance(last, str) else last.get("doan")
    if isinstance(text, str) and text.endswith(_KET_THUC):
        text = text[: -len(_KET_THUC) + 1].rstrip()  # the sentence keeps its full stop
        items[-1] = text if isinstance(last, str) else {**last, "doan": text}


def _chu_thich(tai_lieu: DocxDocument) -> dict[str, str]:
    """The footnotes' texts by id, emphasis as markup (Word's separator notes left out)."""
    kieu = BangKieuWord(tai_lieu)
    notes: dict[str, str] = {}
    for rel in tai_lieu.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/footnotes"):
            continue
        # python-docx's own parser (no entities, no network): its elements read runs' text
        root = parse_xml(rel.target_part.blob)
        for fn in root.iterchildren(qn("w:footnote")):
            if fn.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            parts = []
            for p in fn.iter(qn("w:p")):
                pieces = [
                    (t, f) for t, f in tung_chu(p, kieu) if not t.startswith(GOI_CHU_THICH[0])
                ]
                line = Dong(
                    "",
                    "",
                    kieu.chu(None, p),
                    kieu.doan(p),
                    frozenset(),
                    frozenset(),
                    frozenset(),
                    None,
                    None,
                    0,
                    chu_cac=tuple(pieces),
                )
                parts.append(_danh_dau_doan(line, False, False))
            notes[fn.get(qn("w:id"), "")] = " ".join(" ".join(parts).split())
    return notes


def _goi_chu_thich(items: list[Any], notes: dict[str, str], ghi_chu: GhiChu) -> dict[str, str]:
    """Footnote calls renamed 1, 2 … in call order, and their notes."""
    order: dict[str, str] = {}
    call = re.compile(r"\[\^([^\]]+)\]")

    def rename(m: re.Match[str]) -> str:
        label = order.setdefault(m[1], str(len(order) + 1))
        return f"[^{label}]"

    for k, item in enumerate(items):
        if isinstance(item, str):
            items[k] = call.sub(rename, item)
        elif "doan" in item:
            items[k] = {**item, "doan": call.sub(rename, item["doan"])}
    out: dict[str, str] = {}
    for wid, label in order.items():
        if wid in notes:
            out[label] = notes[wid]
        else:
            ghi_chu.dong.append(f"chú thích {label}: không thấy lời chú thích trong tệp")
    return out


def _dau_trang_phu(tai_lieu: DocxDocument, out: dict[str, Any], ghi_chu: GhiChu) -> None:
    """Page 1's header (the circulation box) and footer (box 13, the contacts)."""
    section = tai_lieu.sections[0]
    headers = [section.first_page_header, section.header]
    for part in headers:
        if part.is_linked_to_previous:
            continue
        for p in part.paragraphs:
            text = " ".join(p.text.split()).upper()
            if text in _PHAM_VI:
                out["pham_vi_luu_hanh"] = _PHAM_VI[text].value
    footer = section.first_page_footer if section.different_first_page_header_footer else None
    if footer is None or footer.is_linked_to_previous:
        return
    lines: list[list[str]] = []
    for p in footer.paragraphs:
        text = " ".join(unicodedata.normalize("NFC", p.text).split())
        if not text:
            continue
        if lines and not text.startswith(_LIEN_HE):
            lines[-1].append(text)
        else:
            lines.append([text])
    if lines:
        out["lien_he"] = [_noi(x) for x in lines]


def _kem_theo(body: list[Dong], out: dict[str, Any]) -> None:
    """Take the "(Kèm theo … của …)" line (over one or more lines) off the head of ``body``;
    the issuer it names is ``kem_theo_cua``."""
    if not body or not body[0].text.startswith("(Kèm theo"):
        return
    taken: list[str] = []
    while body:
        taken.append(body.pop(0).text)
        if taken[-1].endswith(")"):
            break
    m = _KEM_THEO.match(_noi(taken))
    if m is not None:
        out.setdefault("kem_theo_cua", m["cua"])


def _van_ban_kem_theo(
    lines: list[Dong], ban: BanThao, out: dict[str, Any], ghi_chu: GhiChu
) -> list[Dong]:
    """The text a quyết định issues (Mẫu 1.3), from its own header on: type, subject, the
    "(Kèm theo …)" line and its body up to an annex. Returns the lines after it."""
    start = next((k for k, d in enumerate(lines) if "CỘNG HÒA" in d.text.upper()), None)
    if start is None:
        return lines
    header = lines[start].bang
    k = start
    while k < len(lines) and (lines[k].bang == header or not lines[k].text):
        k += 1
    before = [d for d in lines[:start] if header is None or d.bang != header]
    rest = [d for d in lines[k:] if d.text]
    if not rest or rest[0].text.rstrip(":") not in TEN_LOAI:
        return lines
    loai = TEN_LOAI[rest.pop(0).text.rstrip(":")]
    trich_yeu: list[Dong] = []
    while (
        rest
        and rest[0].doan.can_le == "center"
        and not la_hoa(rest[0].text)
        and not (rest[0].text.startswith("("))
    ):
        trich_yeu.append(rest.pop(0))
    _kem_theo(rest, out)
    end = next((j for j, d in enumerate(rest) if _PHU_LUC.match(d.text)), len(rest))
    kem: dict[str, Any] = {"loai": loai.value}
    if trich_yeu:
        kem["trich_yeu"] = _dong(trich_yeu)
    kem["noi_dung"] = _than(rest[:end], ban, ghi_chu)
    _bo_ket_thuc(kem["noi_dung"])
    out["van_ban_kem_theo"] = kem
    return before + rest[end:]


def _phan_sau(lines: list[Dong], ban: BanThao, out: dict[str, Any], ghi_chu: GhiChu) -> None:
    """After the signature: a leave's confirmation block, the text a quyết định issues, and
    the annexes (Phụ lục)."""
    lines = [d for d in lines if d.text]
    xac_nhan = [d for d in lines if d.text.startswith("Xác nhận của")]
    if xac_nhan:
        k = lines.index(xac_nhan[0])
        block = [xac_nhan[0]]
        for d in lines[k + 1 :]:
            if d.text.startswith("(") or _PHU_LUC.match(d.text):
                break
            block.append(d)
        out["xac_nhan_noi_nghi"] = _noi([d.text for d in block])
        lines = lines[:k] + lines[k + len(block) :]
    lines = _van_ban_kem_theo(lines, ban, out, ghi_chu)
    annexes: list[list[Dong]] = []
    rest: list[Dong] = []
    for d in lines:
        if _PHU_LUC.match(d.text):
            annexes.append([])
        elif annexes:
            annexes[-1].append(d)
        else:
            rest.append(d)
    for d in rest:
        if d.text.startswith("(") and d.text.endswith(")"):
            continue  # "(Chữ ký, dấu)" and the like under a confirmation
        ghi_chu.them(d, "nằm sau phần chữ ký, không thuộc trường nào")
    phu_luc = []
    for body in annexes:
        title: list[str] = []
        while body and la_hoa(body[0].text) and body[0].doan.can_le == "center":
            title.append(body.pop(0).text)
        _kem_theo(body, out)
        phu_luc.append({"ten": _noi(title), "noi_dung": _than(body, ban, ghi_chu)})
    if phu_luc:
        out["phu_luc"] = phu_luc


def nhap_ban_thao(ban: BanThao, tai_lieu: DocxDocument) -> KetQuaNhap:
    """The directive file's data of a Word draft whose parts were found (see the module)."""
    ghi_chu = GhiChu()
    out: dict[str, Any] = {}
    loai = _loai(ban, out, ghi_chu)
    out = {"loai": loai.value if loai is not None else None, **out}
    _dau_trang(ban, out, ghi_chu)
    if (
        loai is not None
        and loai.info.ma is not None
        and out.get("_ky_hieu", "").split("-")[0].endswith("LT")
    ):
        _lien_tich(ban, out, ghi_chu)
    if ban.trich_yeu_cong_van:
        out["trich_yeu"] = _dong(ban.trich_yeu_cong_van)
    elif ban.trich_yeu:
        out["trich_yeu"] = _dong(ban.trich_yeu)
    kinh_gui: list[str] = []
    for d in ban.kinh_gui:
        text = d.text
        if text.endswith(" điện:") and "nguoi_gui" not in out:
            out["nguoi_gui"] = text[: -len(" điện:")].strip()
        elif text.startswith("Kính gửi"):
            first = text.split(":", 1)[1].strip() if ":" in text else ""
            if first:
                kinh_gui.append(first)
        elif text.startswith(("-", "–")) or not kinh_gui:
            kinh_gui.append(text)
        else:
            kinh_gui[-1] += " " + text
    if kinh_gui:
        out["kinh_gui"] = [re.sub(r"^[-–]\s*", "", k).rstrip(";.").rstrip() for k in kinh_gui]
    if ban.tham_quyen:
        out["tham_quyen"] = _dong(ban.tham_quyen)
    if ban.can_cu:
        out["can_cu"] = [d.text for d in ban.can_cu]
    body = list(ban.noi_dung)
    if body and body[0].text.strip() in _MO_DIEU:
        body = body[1:]
    items = _than(body, ban, ghi_chu)
    _bo_ket_thuc(items)
    notes = _goi_chu_thich(items, _chu_thich(tai_lieu), ghi_chu)
    out["noi_dung"] = items
    if notes:
        out["chu_thich"] = notes
    blocks = ban.khoi_ky
    names = [ban.ten_cua.get(id(b)) for b in blocks]
    if blocks:
        out["nguoi_ky"] = nguoi_ky(blocks[-1], names[-1], ghi_chu)
    if len(blocks) > 1:
        out["nguoi_ky_2"] = nguoi_ky(blocks[0], names[0], ghi_chu)
    for block in blocks[:-2]:
        ghi_chu.them(block[0], "khối chữ ký của người ký thứ ba; vanthu in tối đa hai người ký")
    if ban.noi_nhan:
        out["noi_nhan"] = noi_nhan(ban.noi_nhan, ghi_chu)
    if ban.luu:
        out.update(dong_luu(ban.luu[0], ghi_chu))
    if loai is not None:
        _ky_hieu(ban, out, loai)
    if loai is LoaiVanBan.bien_ban and "ngay" not in out and "so" in out:
        found = next((m for d in ban.noi_dung if (m := _NGAY_TRONG_CAU.search(d.text))), None)
        if found is not None:
            day, month, year = (int(x) for x in found.groups())
            out["ngay"] = dt.date(year, month, day).isoformat()
    _dau_trang_phu(tai_lieu, out, ghi_chu)
    _phan_sau(ban.phan_sau, ban, out, ghi_chu)
    for d in ban.chua_xep:
        ghi_chu.them(d, "không thuộc phần nào của văn bản")
    out.pop("_ky_hieu", None)
    du_lieu = {k: v for k, v in out.items() if v is not None}
    return KetQuaNhap(_nfc(du_lieu), tuple(ghi_chu.dong))
