"""Limits (giới hạn) of every input vanthu accepts, enforced before any work starts.

One table for the directive file, the directory, the lifecycle commands and the store, so that
SQLite and PostgreSQL refuse the same values with the same message, and the README's Limits
section can be checked against the code. A value over a limit is refused with its field path;
nothing is truncated silently.
"""

from __future__ import annotations

from typing import Final

#: Bytes in a directive file (YAML or JSON) or an uploaded one; read no further than this.
TEP_VAN_BAN_TOI_DA: Final = 512 * 1024
#: Bytes in a directory file (YAML or CSV).
TEP_DANH_BA_TOI_DA: Final = 2 * 1024 * 1024
#: Bytes in a report file a body sends back.
TEP_BAO_CAO_TOI_DA: Final = 50 * 1024 * 1024
#: Bytes in a signed PDF a leader hands back (two-step signing, #10): the prepared directive
#: plus one signature, far under this.
TEP_BAN_KY_TOI_DA: Final = 50 * 1024 * 1024
#: Bytes in the office configuration file (VANTHU_CONFIG).
TEP_CAU_HINH_TOI_DA: Final = 64 * 1024
#: Nesting of mappings and lists in a directive or directory file.
DO_SAU_TOI_DA: Final = 16

#: Characters in a one-line text field (issuer, position, name, place, a Nơi nhận line …).
DONG_TOI_DA: Final = 200
#: Characters of a joint document's four issuer fields together (co_quan_chu_quan, co_quan
#: and their _2): no more than one issuer's two, so that the header is never taller.
CO_QUAN_LIEN_TICH_TOI_DA: Final = 2 * DONG_TOI_DA
#: Characters in the trích yếu (subject line); real quyết định reach about 500.
TRICH_YEU_TOI_DA: Final = 1000
#: Characters in one body paragraph (đoạn) of noi_dung, a căn cứ or a task description.
DOAN_TOI_DA: Final = 10_000
#: Footnotes (chú thích) of one directive, and characters in one footnote's text.
CHU_THICH_TOI_DA: Final = 100
CHU_THICH_DO_DAI_TOI_DA: Final = 2000
#: Characters in a footnote's label (``[^nguon-so-lieu]``).
NHAN_CHU_THICH_TOI_DA: Final = 20
#: Characters in the symbol (ký hiệu) "CĐ-UBND", given or derived, and in a reply's number.
KY_HIEU_TOI_DA: Final = 40
#: Characters in a reason (lý do) given to return, recall or reject.
LY_DO_TOI_DA: Final = 2000

#: The document number (số) runs from 1 to this within one register and year.
SO_TOI_DA: Final = 999_999
#: Characters in a number and symbol "999999/<ký hiệu>" (so_ky_hieu), and in a key naming one.
SO_KY_HIEU_TOI_DA: Final = len(str(SO_TOI_DA)) + 1 + KY_HIEU_TOI_DA
#: A directive's id is a 32-bit integer in the store (both databases): no larger one exists.
ID_TOI_DA: Final = 2**31 - 1
#: Years a directive, a register or a command may name.
NAM_NHO_NHAT: Final = 1945
NAM_LON_NHAT: Final = 2100

#: Items in each list of the directive file.
KINH_GUI_TOI_DA: Final = 200
CAN_CU_TOI_DA: Final = 100
NOI_DUNG_TOI_DA: Final = 2000
NOI_NHAN_TOI_DA: Final = 1000
NHIEM_VU_TOI_DA: Final = 500
LUU_TOI_DA: Final = 20
#: Lines of the address and contacts (box 13, ``lien_he``) at the foot of page 1: the footer
#: takes page 1's text area from the bottom, so it stays short.
LIEN_HE_TOI_DA: Final = 3
#: Lines of a signer's other position (box 7b, ``chuc_vu_khac``): a post and its body.
CHUC_VU_KHAC_TOI_DA: Final = 3
#: "+" sub-items (``muc_con``) under one Nơi nhận line; the lines of the whole Nơi nhận,
#: sub-items included, stay within NOI_NHAN_TOI_DA.
MUC_CON_TOI_DA: Final = NOI_NHAN_TOI_DA

#: A code (mã) of a body, a group or a user name: it becomes part of a folder name, so it is
#: 1–32 ASCII letters, digits, '_', '-' or '.', starting with a letter or digit ('.' and '..'
#: are never codes).
MA_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,31}$"
MA_TOI_DA: Final = 32
#: A register's name (chung, mat, qd_ct in VANTHU_CONFIG): a code of at most 20 characters, so
#: that a register's key "<issuer symbol>:<name>" (KY_HIEU_TOI_DA + 1 + 20) fits its column.
TEN_SO_DANG_KY_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,19}$"
TEN_SO_DANG_KY_TOI_DA: Final = 20
#: Characters in a body's short name (ten_ngan) in the directory; a full name is a DONG_TOI_DA.
TEN_NGAN_TOI_DA: Final = 100
#: Characters in a body's e-mail address in the directory (RFC 5321 allows 254).
EMAIL_TOI_DA: Final = 200
#: Bodies in one directory; also the codes one Nơi nhận line or one task may name.
CO_QUAN_TOI_DA: Final = 5000
#: Groups one body belongs to, or one Nơi nhận line or one task names.
NHOM_TOI_DA: Final = 100

#: Bytes (UTF-8) in one file or folder name built from data (a symbol, a code, a year): file
#: systems allow 255; the rest leaves room for the temporary names written beside it.
TEN_TEP_TOI_DA: Final = 200

#: Characters in a password (mật khẩu) for the web desk: at least 8; at most 1,024, so that
#: hashing a hostile one costs no more than a normal one.
MAT_KHAU_TOI_THIEU: Final = 8
MAT_KHAU_TOI_DA: Final = 1024
#: Characters in the name an API token (mã truy cập) is given (what it is for).
TEN_MA_TRUY_CAP_TOI_DA: Final = 100
#: Bytes in one request body the web desk reads (a directive file or a report file and its form).
YEU_CAU_TOI_DA: Final = 52 * 1024 * 1024

#: A table (bảng) in the body: columns, body rows, merged header rows above the column names,
#: and characters in one cell (a column name, a merged header, a body cell).
COT_BANG_TOI_DA: Final = 15
DONG_BANG_TOI_DA: Final = 1000
TIEU_DE_GOP_TOI_DA: Final = 3
O_BANG_TOI_DA: Final = 500
#: Widths in cm a table's columns may add up to: Decree 30's widest text area (A4 less the
#: narrowest margins: 210 − 30 − 15 mm), and that of a landscape page (297 − 20 − 20 mm).
BANG_RONG_DOC_TOI_DA: Final = 16.5
BANG_RONG_NGANG_TOI_DA: Final = 25.7
#: Narrowest column in cm, given or shared out: room for two digits and the cell padding.
COT_RONG_TOI_THIEU: Final = 0.8

#: Signature and seal images (ảnh chữ ký, ảnh con dấu): bytes in one PNG file, pixels on its
#: longer side and in all (a PNG a few KB long can claim 50,000 × 50,000 pixels and take
#: gigabytes to decode: its size is read from the header and refused before decoding), and
#: characters in its path.
ANH_TOI_DA: Final = 2 * 1024 * 1024
ANH_CANH_TOI_DA: Final = 4000
ANH_PX_TOI_DA: Final = 4000 * 4000
DUONG_DAN_ANH_TOI_DA: Final = 255
#: A round seal's outer diameter in mm: the accepted range and the default. Round seals of
#: state bodies measure about 30–42 mm [practice]; the range leaves room both ways.
DUONG_KINH_DAU_NHO_NHAT: Final = 20.0
DUONG_KINH_DAU_LON_NHAT: Final = 60.0
DUONG_KINH_DAU_MAC_DINH: Final = 36.0
#: Annexes (phụ lục) issued with one document; numbered I, II … when there are several.
PHU_LUC_TOI_DA: Final = 30

#: A PDF checked for its signatures (kiểm tra chữ ký số) on the desk or the recipient's page:
#: bytes in the upload (refused by its Content-Length before it is read); objects, rows of
#: cross-reference and declared cross-reference sizes in the file (counted in its bytes before
#: it is parsed: parsing costs about 8 µs an object); signatures; objects added after the first
#: signed revision (the change analysis after each signature costs about 60 µs an object).
#: A signed directive has about 60 objects, 10 of them after its first signature.
PDF_KIEM_TRA_TOI_DA: Final = 25 * 1024 * 1024
DOI_TUONG_PDF_TOI_DA: Final = 100_000
CHU_KY_PDF_TOI_DA: Final = 10
DOI_TUONG_SAU_KY_TOI_DA: Final = 5_000
