"""Every field of the directive file has its limit, refused with its field path (gioi_han)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.schemas.test_van_ban import cong_dien, cong_van, validate
from vanthu.errors import InvalidDirective
from vanthu.schemas import gioi_han as g
from vanthu.schemas.text import kiem_tra_ky_tu
from vanthu.services import doc_van_ban

TODAY = dt.date(2026, 11, 28)
NGUOI_KY = {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Trần Quốc Nam"}


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(InvalidDirective) as caught:
        doc_van_ban(data, "test", TODAY)
    return [str(p) for p in caught.value.problems]


def over(limit: int) -> str:
    return "Ủ" * (limit + 1)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (cong_dien(co_quan=over(g.DONG_TOI_DA)), "co_quan: tối đa 200 ký tự, đang có 201"),
        (cong_dien(co_quan_chu_quan=over(g.DONG_TOI_DA)), "co_quan_chu_quan: tối đa 200"),
        (cong_dien(dia_danh=over(g.DONG_TOI_DA)), "dia_danh: tối đa 200"),
        (cong_dien(nguoi_gui=over(g.DONG_TOI_DA)), "nguoi_gui: tối đa 200"),
        (cong_dien(trich_yeu=over(g.TRICH_YEU_TOI_DA)), "trich_yeu: tối đa 1000"),
        (cong_dien(ky_hieu_co_quan=over(g.KY_HIEU_TOI_DA)), "ky_hieu_co_quan: tối đa 40"),
        (cong_van(don_vi_soan_thao=over(g.KY_HIEU_TOI_DA)), "don_vi_soan_thao: tối đa 40"),
        (cong_dien(ky_hieu_nguoi_soan=over(g.KY_HIEU_TOI_DA)), "ky_hieu_nguoi_soan: tối đa 40"),
        (cong_dien(kinh_gui=[over(g.DONG_TOI_DA)]), "kinh_gui[0]: tối đa 200"),
        (
            cong_dien(kinh_gui=["a"] * (g.KINH_GUI_TOI_DA + 1)),
            "kinh_gui: tối đa 200",
        ),
        (cong_dien(noi_dung=[over(g.DOAN_TOI_DA)]), "noi_dung[0].doan: tối đa 10000"),
        (
            cong_dien(noi_dung=["a"] * (g.NOI_DUNG_TOI_DA + 1)),
            "noi_dung: tối đa 2000",
        ),
        (
            cong_dien(noi_nhan=["a"] * (g.NOI_NHAN_TOI_DA + 1)),
            "noi_nhan: tối đa 1000",
        ),
        (cong_dien(noi_nhan=[over(g.DONG_TOI_DA)]), "noi_nhan[0].ten: tối đa 200"),
        (
            cong_dien(noi_nhan=[{"ten": "a", "nhom": ["a"] * (g.NHOM_TOI_DA + 1)}]),
            "noi_nhan[0].nhom: tối đa 100",
        ),
        (
            cong_dien(noi_nhan=[{"ten": "a", "ma_co_quan": [".."]}]),
            "noi_nhan[0].ma_co_quan[0]: '..' không phải là mã",
        ),
        (cong_dien(luu=["a"] * (g.LUU_TOI_DA + 1)), "luu: tối đa 20"),
        (
            cong_dien(lien_he=["a"] * (g.LIEN_HE_TOI_DA + 1)),
            "lien_he: tối đa 3",
        ),
        (cong_dien(lien_he=[over(g.DONG_TOI_DA)]), "lien_he[0]: tối đa 200"),
        (
            cong_dien(nguoi_ky=NGUOI_KY | {"chuc_vu_khac": ["A"] * (g.CHUC_VU_KHAC_TOI_DA + 1)}),
            "nguoi_ky.chuc_vu_khac: tối đa 3",
        ),
        (
            cong_dien(nguoi_ky=NGUOI_KY | {"chuc_vu_khac": [over(g.DONG_TOI_DA)]}),
            "nguoi_ky.chuc_vu_khac[0]: tối đa 200",
        ),
        (
            cong_dien(noi_nhan=[{"ten": "a", "muc_con": [over(g.DONG_TOI_DA)]}]),
            "noi_nhan[0].muc_con[0].ten: tối đa 200",
        ),
        (
            cong_dien(noi_nhan=[{"ten": "a", "muc_con": ["a"] * (g.MUC_CON_TOI_DA + 1)}]),
            "noi_nhan[0].muc_con: tối đa 1000",
        ),
        (cong_dien(luu=[over(g.DONG_TOI_DA)]), "luu[0]: tối đa 200"),
        (
            cong_dien(so=g.SO_TOI_DA + 1, ngay="2021-09-13"),
            "so: phải nhỏ hơn hoặc bằng 999999",
        ),
        (cong_dien(so_ban=g.SO_TOI_DA + 1), "so_ban: phải nhỏ hơn hoặc bằng 999999"),
        (cong_dien(nam=g.NAM_LON_NHAT + 1), "nam: năm 2101 nằm ngoài khoảng 1945–2100"),
        (cong_dien(nam=g.NAM_NHO_NHAT - 1), "nam: năm 1944 nằm ngoài khoảng 1945–2100"),
        (cong_dien(so=1, ngay="1944-12-31"), "ngay: năm 1944 nằm ngoài khoảng 1945–2100"),
        (
            cong_dien(nguoi_ky=NGUOI_KY | {"ho_ten": over(g.DONG_TOI_DA)}),
            "nguoi_ky.ho_ten: tối đa 200",
        ),
        (
            cong_dien(nguoi_ky=NGUOI_KY | {"chuc_vu": over(g.DONG_TOI_DA)}),
            "nguoi_ky.chuc_vu: tối đa 200",
        ),
        (
            cong_dien(nguoi_ky=NGUOI_KY | {"quyen_han": ["KT"], "thay_mat": [over(g.DONG_TOI_DA)]}),
            "nguoi_ky.thay_mat[0]: tối đa 200",
        ),
        (
            cong_dien(nguoi_ky=NGUOI_KY | {"quyen_han": ["KT"] * 6}),
            "nguoi_ky.quyen_han: tối đa 5",
        ),
        (
            cong_dien(loai="chi_thi", nguoi_gui=None, kinh_gui=None, can_cu=[over(g.DOAN_TOI_DA)]),
            "can_cu[0]: tối đa 10000",
        ),
        (
            cong_dien(
                loai="chi_thi", nguoi_gui=None, kinh_gui=None, can_cu=["a"] * (g.CAN_CU_TOI_DA + 1)
            ),
            "can_cu: tối đa 100",
        ),
        (
            cong_dien(nhiem_vu=[{"doan": 1, "ma_co_quan": ["A"], "han": "2021-02-30"}]),
            "nhiem_vu[0].han: 2021-02-30 không phải là ngày có thật",
        ),
        (
            cong_dien(
                nhiem_vu=[
                    {
                        "doan": 1,
                        "ma_co_quan": ["A"],
                        "han": "2021-09-30",
                        "mo_ta": over(g.DOAN_TOI_DA),
                    }
                ]
            ),
            "nhiem_vu[0].mo_ta: tối đa 10000",
        ),
        (
            cong_dien(nhiem_vu=[{"doan": 1, "ma_co_quan": ["A/B"], "han": "2021-09-30"}]),
            "nhiem_vu[0].ma_co_quan[0]: 'A/B' không phải là mã",
        ),
        (
            cong_dien(
                nhiem_vu=[{"doan": 1, "nhom": ["x"] * (g.NHOM_TOI_DA + 1), "han": "2021-09-30"}]
            ),
            "nhiem_vu[0].nhom: tối đa 100",
        ),
        (
            cong_dien(
                nhiem_vu=[{"doan": 1, "ma_co_quan": ["A"], "han": "2021-09-30", "bao_cao": "yes"}]
            ),
            "nhiem_vu[0].bao_cao: phải là true hoặc false",
        ),
        (
            cong_dien(
                nhiem_vu=[{"doan": g.NOI_DUNG_TOI_DA + 1, "ma_co_quan": ["A"], "han": "2021-09-30"}]
            ),
            "nhiem_vu[0].doan: phải nhỏ hơn hoặc bằng 2000",
        ),
        (
            cong_dien(
                nhiem_vu=[{"doan": 1, "ma_co_quan": ["A"], "han": "2021-09-30"}]
                * (g.NHIEM_VU_TOI_DA + 1)
            ),
            "nhiem_vu: tối đa 500",
        ),
        (
            cong_dien(noi_nhan=[{"ten": "a", "noi_bo": 1}]),
            "noi_nhan[0].noi_bo: phải là true hoặc false",
        ),
    ],
)
def test_a_value_over_its_limit_is_refused_with_its_field_path(
    data: dict[str, Any], expected: str
) -> None:
    assert any(p.startswith(expected) for p in problems(data)), problems(data)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (cong_dien(co_quan="Ủ" * g.DONG_TOI_DA), "co_quan"),
        (cong_dien(trich_yeu="Ủ" * g.TRICH_YEU_TOI_DA), "trich_yeu"),
        (cong_dien(noi_dung=["Ủ" * g.DOAN_TOI_DA]), "noi_dung"),
        (cong_dien(so=g.SO_TOI_DA, ngay="2021-09-13"), "so"),
        (cong_dien(nam=g.NAM_LON_NHAT), "nam"),
        (cong_dien(nam=g.NAM_NHO_NHAT), "nam"),
        (
            cong_dien(ky_hieu="CĐ-" + "U" * (g.KY_HIEU_TOI_DA - 3), so=1, ngay="2021-01-01"),
            "ky_hieu",
        ),
    ],
)
def test_a_value_at_its_limit_is_accepted(data: dict[str, Any], field: str) -> None:
    assert getattr(validate(data), field) is not None


@pytest.mark.parametrize("so", ["18", "05", "000018"])
def test_a_number_of_ascii_digits_in_quotes_is_read_as_a_number(so: str) -> None:
    assert validate(cong_dien(so=so, ngay="2021-09-13")).so == int(so)


@pytest.mark.parametrize(
    ("so", "shown"),
    [
        (True, "giá trị đúng/sai (true/false)"),
        (18.0, "một số thập phân (18.0)"),
        (" 18", "chữ"),
        ("+18", "chữ"),
        ("18a", "chữ"),
        ("١٨", "chữ"),
        ("1" * 10, "chữ"),
        ([18], "một danh sách"),
    ],
)
def test_anything_else_is_not_a_number(so: object, shown: str) -> None:
    assert problems(cong_dien(so=so, ngay="2021-09-13")) == [
        f"so: phải là số nguyên, không phải {shown}"
    ]


@pytest.mark.parametrize(
    ("ngay", "expected"),
    [
        (0, "ngay: phải là ngày viết theo dạng YYYY-MM-DD, không phải một số"),
        (1631491200, "ngay: phải là ngày viết theo dạng YYYY-MM-DD, không phải một số"),
        ("13/09/2021", "ngay: phải là ngày viết theo dạng YYYY-MM-DD"),
        ("2021-9-13", "ngay: phải là ngày viết theo dạng YYYY-MM-DD"),
        ("2021-02-29", "ngay: 2021-02-29 không phải là ngày có thật"),
        (dt.datetime(2021, 9, 13, 10), "ngay: phải là ngày, không kèm giờ (YYYY-MM-DD)"),
    ],
)
def test_a_date_is_a_real_calendar_date_never_a_number(ngay: object, expected: str) -> None:
    assert problems(cong_dien(so=1, ngay=ngay)) == [expected]


@pytest.mark.parametrize("value", [18, True, None, ["a"], b"bytes"])
def test_a_text_field_refuses_other_types_in_words(value: object) -> None:
    [problem] = problems(cong_dien(dia_danh=value))
    assert problem.startswith("dia_danh: ")
    assert (
        "phải là chữ" in problem
        or "bắt buộc phải có, nhưng chưa được ghi" in problem
        or "null" in problem
    )


def test_line_breaks_are_kept_in_headings_and_refused_in_names() -> None:
    vb = validate(cong_dien(co_quan="ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN"))
    assert vb.co_quan == "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN"
    assert problems(cong_dien(nguoi_ky=NGUOI_KY | {"ho_ten": "Trần\nNam"})) == [
        "nguoi_ky.ho_ten: có dấu xuống dòng (U+000A) ở ký tự thứ 5; "
        "trường này chỉ viết trên một dòng"
    ]


@pytest.mark.parametrize(
    "char",
    [
        "\x00",
        "\x1f",
        "\x7f",
        "\x80",
        "\ud800",
        "\udfff",
        "\ufdd0",
        "\ufffe",
        "\U0001ffff",
        "\u202a",
        "\u2069",
    ],
)
def test_characters_that_are_never_text_are_refused(char: str) -> None:
    with pytest.raises(ValueError, match=f"U\\+{ord(char):04X}"):
        kiem_tra_ky_tu(f"a{char}", nhieu_dong=True)


@pytest.mark.parametrize("text", ["Ủy ban\tnhân dân", "Nguyễn Thị Ánh", "Ω ≤ 5 — “x”", "a\nb"])
def test_ordinary_text_passes_the_character_rule(text: str) -> None:
    kiem_tra_ky_tu(text, nhieu_dong=True)


def test_a_derived_symbol_built_within_its_limit_is_accepted() -> None:
    data = cong_van(ky_hieu_co_quan="U" * 19, don_vi_soan_thao="V" * 20)
    assert len(validate(data).ky_hieu_day_du) == g.KY_HIEU_TOI_DA
