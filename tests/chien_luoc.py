"""Hypothesis strategies (chiến lược): valid directive data, and hostile mutations of it.

``van_ban_hop_le()`` builds directive data that follows every rule of the schema (several
types, with and without number and date, Vietnamese text within the limits); ``tep_hop_le()``
writes it as YAML or JSON bytes. ``tep_dot_bien()`` breaks such a file the way an adversary
would: a field deleted, duplicated or retyped, hostile characters, truncated or flipped bytes,
deep nesting, huge numbers, aliases, impossible dates, random YAML and random bytes. Generation
stays small so a run of a few hundred examples takes seconds.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import unicodedata
from typing import Any

import yaml
from hypothesis import strategies as st

from vanthu.schemas import VanBan
from vanthu.schemas.gioi_han import (
    CHUC_VU_KHAC_TOI_DA,
    DOAN_TOI_DA,
    DONG_TOI_DA,
    KY_HIEU_TOI_DA,
    LIEN_HE_TOI_DA,
    NAM_LON_NHAT,
    NAM_NHO_NHAT,
    SO_TOI_DA,
)
from vanthu.schemas.text import kiem_tra_ky_tu

#: "Today" for generated files (the same as tests.conftest.HOM_NAY).
HOM_NAY = dt.date(2026, 11, 28)

_CHU_VIET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
)
_DAU = " ,;:()“”\"'/-–.0123456789%"


def chu(max_size: int = 60) -> st.SearchStrategy[str]:
    """Vietnamese text of 1..max_size characters that is never blank."""
    return st.builds(
        lambda first, rest: (first + rest)[:max_size],
        st.sampled_from(_CHU_VIET),
        st.text(st.sampled_from(_CHU_VIET + _DAU), max_size=max_size - 1),
    )


def dong() -> st.SearchStrategy[str]:
    """A one-line field: mostly short, sometimes exactly at the limit."""
    at_limit = st.just("Ủ" * DONG_TOI_DA)
    return st.one_of(chu(40), chu(40), chu(40), at_limit)


_MA = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.\-]{0,12}\Z")
_VIET_TAT = st.sampled_from(["UBND", "BYT", "TTg", "SYT", "VP", "BCĐ", "HĐND", "SNV"])
_NGAY = st.dates(min_value=dt.date(1945, 1, 1), max_value=HOM_NAY)

_CHUOI_QUYEN_HAN: list[list[str]] = [[], ["KT"], ["TM"], ["TM", "KT"], ["Q"], ["TL"], ["TUQ"]]


@st.composite
def nguoi_ky(draw: st.DrawFn) -> dict[str, Any]:
    chain = draw(st.sampled_from(_CHUOI_QUYEN_HAN))
    data: dict[str, Any] = {"chuc_vu": draw(dong()), "ho_ten": draw(chu(40))}
    if chain:
        data["quyen_han"] = list(chain)
        data["thay_mat"] = [draw(chu(30)) for p in chain if p != "Q"]
    if draw(st.integers(0, 4)) == 0:  # box 7b: the other position
        data["chuc_vu_khac"] = draw(st.lists(chu(60), min_size=1, max_size=CHUC_VU_KHAC_TOI_DA))
    return data


@st.composite
def noi_nhan(draw: st.DrawFn, muc_con: bool = True) -> Any:
    ten = draw(chu(50))
    if draw(st.booleans()):
        return ten
    line: dict[str, Any] = {"ten": ten}
    kind = draw(st.sampled_from(["ma_co_quan", "nhom", "noi_bo"]))
    line[kind] = True if kind == "noi_bo" else draw(st.lists(_MA, min_size=1, max_size=3))
    if muc_con and draw(st.integers(0, 3)) == 0:  # "+" sub-items under the line
        line["muc_con"] = draw(st.lists(noi_nhan(muc_con=False), min_size=1, max_size=3))
    return line


#: Types generated, with their rules: (kinh_gui: none/required/optional, tham_quyen, can_cu).
LOAI = {
    "cong_dien": ("required", False, False),
    "cong_van": ("required", False, False),
    "quyet_dinh": ("none", True, True),
    "nghi_quyet": ("none", True, True),
    "chi_thi": ("none", False, True),
    "ke_hoach": ("none", False, True),
    "thong_bao": ("none", False, False),
    "to_trinh": ("optional", False, True),
    "bao_cao": ("optional", False, False),
}


@st.composite
def van_ban_hop_le(draw: st.DrawFn) -> dict[str, Any]:
    """Directive data as YAML gives it (dates as dates) that the schema accepts."""
    loai = draw(st.sampled_from(sorted(LOAI)))
    kinh_gui, tham_quyen, can_cu = LOAI[loai]
    body = draw(st.lists(chu(200), min_size=1, max_size=5))
    data: dict[str, Any] = {
        "loai": loai,
        "co_quan": draw(dong()),
        "ky_hieu_co_quan": draw(_VIET_TAT),
        "dia_danh": draw(chu(30)),
        "trich_yeu": draw(chu(120)),
        "noi_dung": [
            p
            if draw(st.booleans())
            else {"doan": p, "kieu": draw(st.sampled_from(["thuong", "tieu_de", "giua"]))}
            for p in body
        ],
        "nguoi_ky": draw(nguoi_ky()),
    }
    if draw(st.booleans()):
        data["co_quan_chu_quan"] = draw(chu(60))
    if loai == "cong_van":
        data["don_vi_soan_thao"] = draw(_VIET_TAT)
    if draw(st.booleans()):  # issued: number and date; else a draft, perhaps with its year
        data["so"] = draw(st.integers(1, SO_TOI_DA))
        data["ngay"] = draw(_NGAY)
    elif draw(st.booleans()):
        data["nam"] = draw(st.integers(1945, 2100))
    if loai == "cong_dien":
        data["nguoi_gui"] = "CHỦ TỊCH " + draw(chu(40))
    if kinh_gui == "required" or (kinh_gui == "optional" and draw(st.booleans())):
        data["kinh_gui"] = draw(st.lists(chu(50), min_size=1, max_size=4))
    if tham_quyen:
        data["tham_quyen"] = draw(chu(80))
    if can_cu and draw(st.booleans()):
        data["can_cu"] = draw(st.lists(chu(120), min_size=1, max_size=3))
    if draw(st.booleans()):
        data["noi_nhan"] = draw(st.lists(noi_nhan(), max_size=4))
    if draw(st.booleans()):
        data["luu"] = draw(st.lists(_VIET_TAT, max_size=2))
    if draw(st.booleans()):
        data["do_khan"] = draw(st.sampled_from(["khan", "thuong_khan", "hoa_toc"]))
    if draw(st.integers(0, 3)) == 0:  # box 11
        data["pham_vi_luu_hanh"] = draw(st.sampled_from(["xem_xong_tra_lai", "luu_hanh_noi_bo"]))
    if draw(st.integers(0, 3)) == 0:  # box 13
        data["lien_he"] = draw(st.lists(dong(), min_size=1, max_size=LIEN_HE_TOI_DA))
    if draw(st.booleans()):
        data["nhiem_vu"] = [
            {
                "doan": draw(st.integers(1, len(body))),
                "ma_co_quan": draw(st.lists(_MA, min_size=1, max_size=2)),
                "han": draw(_NGAY),
            }
        ]
    symbol = f"{data['ky_hieu_co_quan']}-{data.get('don_vi_soan_thao', '')}"
    assert len(symbol) < KY_HIEU_TOI_DA
    return data


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def thanh_yaml(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


def thanh_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, default=_json_default).encode("utf-8")


@st.composite
def tep_hop_le(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid directive file: (suffix, bytes), YAML or JSON."""
    data = draw(van_ban_hop_le())
    if draw(st.booleans()):
        return ".json", thanh_json(data)
    return ".yaml", thanh_yaml(data)


#: Characters that are never valid text (the schema's text rule).
KY_TU_XAU = st.sampled_from(
    ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\r", "\x0b", "\ufffe", "\uffff",
     "\ufdd0", "\U0010ffff", "\ud800", "\udfff", "\u202e", "\u2066", "\u2069"]
)  # fmt: skip

#: Values of every wrong type for a field.
GIA_TRI_LA = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(10**60),
    st.dates(),
    st.datetimes(),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["2021-02-31", "25:61:00", "0", "", "   ", "x" * 300, "1" * 5000]),
)


def _field_paths(data: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [loc] if loc else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += _field_paths(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _field_paths(value, (*loc, i))
    return out


def _replace(data: Any, loc: tuple[Any, ...], value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


@st.composite
def du_lieu_dot_bien(draw: st.DrawFn) -> Any:
    """Valid data with one to three fields deleted, retyped or poisoned."""
    # A copy: sampled values are shared between examples and must never be mutated.
    data = copy.deepcopy(draw(van_ban_hop_le()))
    for _ in range(draw(st.integers(1, 3))):
        paths = _field_paths(data)
        if not paths:
            break
        loc = draw(st.sampled_from(paths))
        parent: Any = data
        for part in loc[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["delete", "retype", "poison", "deep", "long", "key"]))
        if action == "delete":
            del parent[loc[-1]]
        elif action == "retype":
            _replace(data, loc, draw(GIA_TRI_LA))
        elif action == "poison" and isinstance(parent[loc[-1]], str):
            text = parent[loc[-1]]
            at = draw(st.integers(0, len(text)))
            _replace(data, loc, text[:at] + draw(KY_TU_XAU) + text[at:])
        elif action == "deep":
            value: Any = "x"
            for _ in range(draw(st.integers(10, 40))):
                value = [value] if draw(st.booleans()) else {"a": value}
            _replace(data, loc, value)
        elif action == "long" and isinstance(parent[loc[-1]], str):
            _replace(data, loc, parent[loc[-1]] * draw(st.integers(10, 300)))
        elif action == "key" and isinstance(parent, dict):
            parent[draw(st.one_of(st.integers(), st.none(), st.text(max_size=8)))] = 1
    return data


def _yaml_or_none(data: Any) -> bytes | None:
    try:
        return thanh_yaml(data)
    except (yaml.YAMLError, UnicodeEncodeError):  # a lone surrogate cannot be written as YAML
        return None


_DOAN_YAML_XAU = st.sampled_from(
    [
        "a: &a [x, x, x, x]\nb: [*a, *a, *a]\n",
        "so: " + "9" * 5000 + "\n",
        "ngay: 2021-02-31\n",
        "ngay: 2021-09-13 25:61:00\n",
        "so: true\n",
        "ngay: 0\n",
        "so: 010\n",
        "1: x\n",
        "null: x\n",
        "? [a, b]\n: x\n",
        "x: " + "[" * 3000 + "]" * 3000 + "\n",
        "x: !!binary aGVsbG8=\n",
        "x: !!python/object/apply:os.system [ls]\n",
        "x: !!float abc\n",
        "<<: {a: 1}\n",
        "---\nb: 2\n",
        'trich_yeu: "\\0\\x07\\ud800\\u202e"\n',
        "\t\x00\x07\n",
        "x: |\n  a\n b\n",
    ]
)


@st.composite
def tep_dot_bien(draw: st.DrawFn) -> tuple[str, bytes]:
    """A hostile directive file: (suffix, bytes)."""
    kind = draw(st.sampled_from(["data", "data", "text", "text", "bytes", "random"]))
    if kind == "data":
        data = draw(du_lieu_dot_bien())
        if draw(st.booleans()):
            return ".json", json.dumps(data, default=str).encode("utf-8", "surrogatepass")
        raw = _yaml_or_none(data)
        return ".yaml", raw if raw is not None else thanh_json(data)
    suffix, raw = draw(tep_hop_le())
    if kind == "text":
        lines = raw.split(b"\n")
        at = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["insert", "duplicate", "delete"]))
        if action == "insert":
            lines.insert(at, draw(_DOAN_YAML_XAU).encode("utf-8", "surrogatepass"))
        elif action == "duplicate" and lines:
            lines.insert(at, lines[min(at, len(lines) - 1)])
        elif lines:
            del lines[min(at, len(lines) - 1)]
        return draw(st.sampled_from([suffix, ".yaml"])), b"\n".join(lines)
    if kind == "bytes":
        action = draw(st.sampled_from(["truncate", "flip", "insert", "bom"]))
        at = draw(st.integers(0, len(raw)))
        if action == "truncate":
            return suffix, raw[:at]
        if action == "flip" and raw:
            at = min(at, len(raw) - 1)
            return suffix, raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1 :]
        if action == "insert":
            return suffix, raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
        return suffix, b"\xef\xbb\xbf" + raw
    random = draw(
        st.recursive(
            st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10), st.dates()),
            lambda inner: st.one_of(
                st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
            ),
            max_leaves=20,
        )
    )
    if draw(st.booleans()):
        return ".bin", draw(st.binary(max_size=200))
    written = _yaml_or_none(random)
    return ".yaml", written if written is not None else b"{"


def lot_luoi(vb: VanBan) -> list[str]:
    """What an accepted directive should never hold (the oracle for "wrongly accepted").

    Text with characters that are never text or longer than any field allows, numbers out of
    range, dates outside the years, a symbol over its limit.
    """
    found: list[str] = []
    todo: list[tuple[str, Any]] = [("", vb.model_dump())]
    while todo:
        where, value = todo.pop()
        if isinstance(value, dict):
            todo += [(f"{where}.{k}", v) for k, v in value.items()]
        elif isinstance(value, list):
            todo += [(f"{where}[{i}]", v) for i, v in enumerate(value)]
        elif isinstance(value, str):
            try:
                kiem_tra_ky_tu(value, nhieu_dong=True)
            except ValueError as error:
                found.append(f"{where}: {error}")
            if len(value) > DOAN_TOI_DA or not unicodedata.is_normalized("NFC", value):
                found.append(f"{where}: {len(value)} characters or not NFC")
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and not 1 <= value <= SO_TOI_DA:
            found.append(f"{where}: {value} out of range")
        elif isinstance(value, dt.date) and not NAM_NHO_NHAT <= value.year <= NAM_LON_NHAT:
            found.append(f"{where}: {value} out of the years")
    if len(vb.ky_hieu_day_du) > KY_HIEU_TOI_DA:
        found.append(f"ky_hieu: {len(vb.ky_hieu_day_du)} characters")
    return found
