"""The Lưu line's entries: VT first, the drafting unit next, every unit once (spec §3.5)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tests.chien_luoc import chu
from tests.schemas.test_van_ban import cong_dien, cong_van, validate
from vanthu.schemas.luu import _khoa, cac_muc_luu

#: Entries that collide with each other or with VT in every way a drafter may write them.
_MUC = st.one_of(
    st.sampled_from(["VT", "vt", "VT (2)", "HC", "hc", "HC (2)", "HC(3)", "VXNV", "Hồ sơ", "KTN"]),
    chu(20),
)
_DON_VI = st.one_of(st.none(), st.sampled_from(["HC", "VXNV", "KTN", "VT", "TCCB"]))


@given(_DON_VI, st.lists(_MUC, max_size=8))
def test_vt_comes_first_and_no_unit_is_printed_twice(don_vi: str | None, luu: list[str]) -> None:
    muc = cac_muc_luu(don_vi, luu)
    keys = [_khoa(m) for m in muc]
    assert keys[0] == "vt"
    assert len(keys) == len(set(keys))


@given(_DON_VI, st.lists(_MUC, max_size=8))
def test_the_drafting_unit_and_every_entry_are_on_the_line_in_the_order_given(
    don_vi: str | None, luu: list[str]
) -> None:
    muc = cac_muc_luu(don_vi, luu)
    given_in_order = ["VT", *([don_vi] if don_vi else []), *luu]
    first_seen = list(dict.fromkeys(_khoa(m) for m in given_in_order))
    assert [_khoa(m) for m in muc] == first_seen
    assert set(muc) <= set(given_in_order)  # nothing is invented or rewritten


@given(_DON_VI, st.lists(_MUC, max_size=8))
def test_copies_kept_given_for_a_unit_are_never_lost(don_vi: str | None, luu: list[str]) -> None:
    muc = cac_muc_luu(don_vi, luu)
    for entry in luu:
        if re.fullmatch(r".*\S\s*\(\s*\d+\s*\)", entry):
            [printed] = [m for m in muc if _khoa(m) == _khoa(entry)]
            assert re.fullmatch(r".*\(\s*\d+\s*\)", printed), (entry, muc)


def test_the_decree_example_unit_with_copies_kept() -> None:
    assert cac_muc_luu("HC", ["HC (2)"]) == ["VT", "HC (2)"]
    assert cac_muc_luu(None, ["VT", "HC (2)"]) == ["VT", "HC (2)"]
    assert cac_muc_luu(None, ["VT (2)"]) == ["VT (2)"]


def test_the_directive_lists_its_luu_entries_with_the_drafting_unit() -> None:
    assert validate(cong_van(luu=["VT", "vx", "Hồ sơ"])).muc_luu == ["VT", "VX", "Hồ sơ"]
    assert validate(cong_dien()).muc_luu == ["VT"]
