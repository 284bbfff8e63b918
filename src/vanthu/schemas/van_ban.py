"""The directive file (tệp văn bản): everything needed to lay out one document of Decree 30."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .bang import Bang
from .chu_thich import ChuThich, NhanChuThich, van_de_chu_thich
from .danh_dau import DoKhan, DoMat, PhamViLuuHanh
from .dinh_dang import PhanDoan, cac_goi, kiem_tra, phan_tich, van_ban_tron
from .gioi_han import (
    CAN_CU_TOI_DA,
    CHU_THICH_TOI_DA,
    KINH_GUI_TOI_DA,
    KY_HIEU_TOI_DA,
    LIEN_HE_TOI_DA,
    LUU_TOI_DA,
    NHIEM_VU_TOI_DA,
    NOI_DUNG_TOI_DA,
    NOI_NHAN_TOI_DA,
    PHU_LUC_TOI_DA,
    SO_TOI_DA,
)
from .lien_tich import DUOI_LIEN_TICH, van_de_lien_tich
from .loai_van_ban import LoaiVanBan
from .luu import cac_muc_luu
from .mau_rieng import van_de_mau_rieng
from .nguoi_ky import NguoiKy
from .nhiem_vu import NhiemVu
from .noi_nhan import NoiNhan
from .phu_luc import PhuLuc, VanBanKemTheo, van_de_phu_luc
from .text import (
    SO_NGUYEN,
    CanCu,
    DoanVanBan,
    Dong,
    KyHieu,
    ListItem,
    Nam,
    Ngay,
    TieuDe,
    TrichYeu,
    nfc,
)

#: Types whose sample form has no trích yếu (subject line).
KHONG_TRICH_YEU = frozenset(
    {
        LoaiVanBan.giay_gioi_thieu,
        LoaiVanBan.giay_nghi_phep,
        LoaiVanBan.giay_uy_quyen,
        LoaiVanBan.phieu_gui,
        LoaiVanBan.phieu_chuyen,
        LoaiVanBan.phieu_bao,
        LoaiVanBan.thu_cong,
    }
)
#: Types opened by a "Kính gửi:" block (công văn; tờ trình and báo cáo sent upward).
CO_KINH_GUI = frozenset({LoaiVanBan.cong_van, LoaiVanBan.to_trinh, LoaiVanBan.bao_cao})
#: Types that open with the authority line and close the căn cứ with "QUYẾT ĐỊNH:" (Mẫu 1.1–1.3).
CO_THAM_QUYEN = frozenset({LoaiVanBan.quyet_dinh, LoaiVanBan.nghi_quyet})

_SYMBOL_PART = re.compile(r"^[^\s/\-]+$")


class KieuDoan(StrEnum):
    """How a body paragraph is set."""

    thuong = "thuong"  # justified, first-line indent (the default)
    tieu_de = "tieu_de"  # a titled section or article: bold, otherwise like thuong
    giua = "giua"  # centred bold (Chương, Mục and their titles)


class Doan(BaseModel):
    """One item of the body (nội dung): a paragraph, or a table (``bang``). A plain string in
    the file is a ``thuong`` paragraph.

    A paragraph's text may carry inline markup (``dinh_dang``): ``**bold**``, ``*italic*``, a
    line break that stays inside the paragraph, ``[^label]`` footnote calls, ``\\*`` for an
    asterisk.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    doan: DoanVanBan | None = Field(
        default=None,
        description="The paragraph text, with its own '1.', 'a)', '-' or 'Điều 1.'; "
        "**bold**, *italic*, a line break, [^label] footnote calls",
    )
    kieu: KieuDoan = Field(default=KieuDoan.thuong, description="thuong, tieu_de or giua")
    bang: Bang | None = Field(
        default=None, description="A table instead of a paragraph (see the table's fields)"
    )

    @field_validator("doan")
    @classmethod
    def _markup(cls, value: str | None) -> str | None:
        if value is not None:
            kiem_tra(value)
        return value

    def phan(self) -> tuple[PhanDoan, ...]:
        """The paragraph's runs and footnote calls, its markup read (none for a table)."""
        return () if self.doan is None else phan_tich(self.doan)

    @property
    def van_ban_tron(self) -> str:
        """The paragraph's plain text: no markup, no footnote calls ("" for a table)."""
        return van_ban_tron(self.phan())

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"doan": value}
        return value

    @model_validator(mode="after")
    def _paragraph_or_table(self) -> Doan:
        if (self.doan is None) == (self.bang is None):
            raise ValueError("mỗi mục là một đoạn (doan) hoặc một bảng (bang), chỉ một trong hai")
        if self.bang is not None and self.kieu is not KieuDoan.thuong:
            raise ValueError("kieu: bảng không có kiểu đoạn")
        return self

    @property
    def tom_tat(self) -> str:
        """The paragraph's plain text, or what the table is (its caption or column names)."""
        if self.bang is not None:
            return self.bang.tom_tat
        return self.van_ban_tron


# Annexes hold the same items as the body: their models are completed now that Doan exists.
PhuLuc.model_rebuild(_types_namespace={"Doan": Doan})
VanBanKemTheo.model_rebuild(_types_namespace={"Doan": Doan})


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class VanBan(BaseModel):
    """One administrative document as its drafter describes it (the public directive format).

    Validation context: ``{"hom_nay": date}`` sets "today" for the future-date rule.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    loai: LoaiVanBan = Field(description="Document type, one of the 29 types of Decree 30")
    co_quan_chu_quan: TieuDe | None = Field(
        default=None, description="Direct parent body as printed (UBND TỈNH NINH THUẬN)"
    )
    co_quan: TieuDe = Field(
        description="Issuing body, or the state title of the issuing person; "
        "'\\n' forces a line break"
    )
    ky_hieu_co_quan: KyHieu = Field(description="Issuer abbreviation in the symbol (UBND, TTg)")
    co_quan_2: TieuDe | None = Field(
        default=None,
        description="A joint document (liên tịch): the second issuing body as printed under "
        "the lead body (co_quan); its signer is nguoi_ky_2",
    )
    co_quan_chu_quan_2: TieuDe | None = Field(
        default=None, description="A joint document: the second body's parent body, if printed"
    )
    ky_hieu_co_quan_2: KyHieu | None = Field(
        default=None,
        description="A joint document: the second body's abbreviation, after the lead body's "
        "in the symbol (KHLT-UBND-MTTQ)",
    )
    don_vi_soan_thao: KyHieu | None = Field(
        default=None,
        description="Drafting unit abbreviation: in the công văn symbol, and after VT on the "
        "Lưu line: VX",
    )
    so: Annotated[int, Field(ge=1, le=SO_TOI_DA), SO_NGUYEN] | None = Field(
        default=None, description="Number in the register; absent in a draft"
    )
    ky_hieu: KyHieu | None = Field(
        default=None, description="Full symbol; derived from loai and abbreviations if absent"
    )
    dia_danh: Dong = Field(description="Place name printed before the date (Ninh Thuận)")
    ngay: Ngay | None = Field(default=None, description="Date of signature; absent in a draft")
    nam: Nam | None = Field(
        default=None, description="Year printed in a draft's date line (default: today's)"
    )
    do_khan: DoKhan | None = Field(default=None, description="Urgency: khan, thuong_khan, hoa_toc")
    do_mat: DoMat | None = Field(default=None, description="Secrecy: mat, toi_mat, tuyet_mat")
    pham_vi_luu_hanh: PhamViLuuHanh | None = Field(
        default=None,
        description="Circulation note (box 11) boxed above the Quốc hiệu on page 1: "
        "xem_xong_tra_lai, luu_hanh_noi_bo",
    )
    trich_yeu: TrichYeu | None = Field(
        default=None, description="Subject line; 'V/v …' for a công văn; '\\n' forces a break"
    )
    nguoi_gui: Dong | None = Field(
        default=None, description="Công điện sender, printed as '<nguoi_gui> điện:'"
    )
    kinh_gui: Annotated[list[ListItem], BeforeValidator(_one_or_many)] = Field(
        default_factory=list,
        max_length=KINH_GUI_TOI_DA,
        description="Addressees after 'điện:' or 'Kính gửi:'",
    )
    tham_quyen: TieuDe | None = Field(
        default=None,
        description="Quyết định/nghị quyết: the authority line before the căn cứ "
        "(CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH THUẬN)",
    )
    can_cu: list[CanCu] = Field(
        default_factory=list,
        max_length=CAN_CU_TOI_DA,
        description="Legal bases, one per line; the last may be 'Theo đề nghị…'",
    )
    noi_dung: list[Doan] = Field(
        min_length=1,
        max_length=NOI_DUNG_TOI_DA,
        description="Body items in order: paragraphs, and tables ({bang: …})",
    )
    chu_thich: dict[NhanChuThich, ChuThich] = Field(
        default_factory=dict,
        max_length=CHU_THICH_TOI_DA,
        description="Footnotes by label, each called once by [^label] in noi_dung; "
        "numbered 1, 2, … in the order of their calls",
    )
    nguoi_ky: NguoiKy
    nguoi_ky_2: NguoiKy | None = Field(
        default=None,
        description="The second signer, printed on the left beside nguoi_ky: the secretary "
        "of a biên bản, the other party of a hợp đồng, bản ghi nhớ or bản thỏa thuận, the "
        "second body (co_quan_2) of a joint document",
    )
    ten_thu: Dong | None = Field(
        default=None,
        description="Thư công: the letter's printed name (THƯ CHÚC MỪNG, THƯ CẢM ƠN)",
    )
    xac_nhan_noi_nghi: Dong | None = Field(
        default=None,
        description="Giấy nghỉ phép: the heading of the confirmation by the place of leave, "
        "printed under the signature (Xác nhận của Ủy ban nhân dân phường …)",
    )
    noi_nhan: list[NoiNhan] = Field(
        default_factory=list,
        max_length=NOI_NHAN_TOI_DA,
        description="Recipient lines in printed order (the Lưu line is added)",
    )
    luu: list[Dong] = Field(
        default_factory=list,
        max_length=LUU_TOI_DA,
        description="Lưu entries after VT and the drafting unit: other units, copies kept "
        "(HC (2)); one repeating VT or the unit is printed once",
    )
    ky_hieu_nguoi_soan: KyHieu | None = Field(
        default=None, description="Drafter initials (box 12), printed after the Lưu line"
    )
    so_ban: Annotated[int, Field(ge=1, le=SO_TOI_DA), SO_NGUYEN] | None = Field(
        default=None, description="Number of copies issued (box 12)"
    )
    phu_luc: list[PhuLuc] = Field(
        default_factory=list,
        max_length=PHU_LUC_TOI_DA,
        description="Annexes issued with the document, each from a new page: "
        "'Phụ lục' (several: 'Phụ lục I', 'Phụ lục II' …), its title ten and its noi_dung",
    )
    van_ban_kem_theo: VanBanKemTheo | None = Field(
        default=None,
        description="Quyết định (Mẫu 1.3): the text it issues or approves, from a new page: "
        "its type (quy_che, quy_dinh …), trich_yeu and noi_dung",
    )
    kem_theo_cua: Dong | None = Field(
        default=None,
        description="The issuer as the line '(Kèm theo … của …)' of the annexes names it "
        "(Ủy ban nhân dân tỉnh Ninh Thuận); required when co_quan is written in capitals",
    )
    nhiem_vu: list[NhiemVu] = Field(
        default_factory=list,
        max_length=NHIEM_VU_TOI_DA,
        description="Tasks the directive assigns, followed up after issue",
    )
    lien_he: Annotated[list[Dong], BeforeValidator(_one_or_many)] = Field(
        default_factory=list,
        max_length=LIEN_HE_TOI_DA,
        description="Box 13: the issuer's address and contacts, printed at the foot of page 1 "
        "under a full-width rule, one line each (Địa chỉ: …; ĐT: …; Email: …; Website: …)",
    )

    @field_validator("ky_hieu_co_quan", "ky_hieu_co_quan_2", "don_vi_soan_thao")
    @classmethod
    def _symbol_part(cls, value: str | None) -> str | None:
        if value is not None and not _SYMBOL_PART.match(value):
            raise ValueError(f"'{value}' phải là một chữ viết tắt, không có dấu cách, '/' hay '-'")
        return value

    @field_validator("ky_hieu")
    @classmethod
    def _symbol(cls, value: str | None) -> str | None:
        if value is not None and not all(_SYMBOL_PART.match(p) for p in value.split("-")):
            raise ValueError(
                f"'{value}' phải là các chữ viết tắt nối bằng '-', không có dấu cách hay '/'"
            )
        return value

    @field_validator("nguoi_gui")
    @classmethod
    def _sender_without_dien(cls, value: str | None) -> str | None:
        # The renderer prints " điện:"; a sender written with it is accepted as the same sender.
        if value is not None:
            value = re.sub(r"\s*(điện|ĐIỆN)\s*:?\s*$", "", value)
            if not value:
                raise ValueError("phải ghi người gửi trước 'điện:'")
        return value

    @field_validator("ngay")
    @classmethod
    def _not_in_future(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        today = (info.context or {}).get("hom_nay") or dt.date.today()
        if value is not None and value > today:
            raise ValueError(
                f"{value.isoformat()} là ngày trong tương lai (hôm nay là {today.isoformat()}); "
                "văn bản ghi ngày được ký"
            )
        return value

    @model_validator(mode="before")
    @classmethod
    def _normalise(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {nfc(k): v for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _rules_of_the_type(self) -> VanBan:
        # Every broken rule is reported at once, one "field: message" per line.
        problems = [
            *self._type_problems(),
            *van_de_mau_rieng(self),
            *van_de_lien_tich(self),
            *van_de_phu_luc(self),
            *self._footnotes_outside_the_body(),
            *self._number_problems(),
            *self._symbol_problems(),
            *self._task_problems(),
            *van_de_chu_thich(self.noi_dung, self.chu_thich),
            *self._noi_nhan_problems(),
        ]
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def _type_problems(self) -> Iterator[str]:
        """What the document type requires or forbids (Mẫu 1.1–1.6)."""
        loai, info = self.loai, self.loai.info
        name = info.ten.lower()
        if self.trich_yeu is None and loai not in KHONG_TRICH_YEU:
            yield f"trich_yeu: {name} phải có trích yếu"
        if loai is LoaiVanBan.cong_dien:
            if self.nguoi_gui is None:
                yield "nguoi_gui: công điện phải có người gửi ('<nguoi_gui> điện:')"
            if not self.kinh_gui:
                yield "kinh_gui: công điện phải gửi ít nhất một nơi"
        elif self.nguoi_gui is not None:
            yield "nguoi_gui: chỉ công điện mới có dòng người gửi"
        if loai is LoaiVanBan.cong_van and not self.kinh_gui:
            yield "kinh_gui: công văn phải gửi ít nhất một nơi ('Kính gửi:')"
        if self.kinh_gui and loai not in CO_KINH_GUI | {LoaiVanBan.cong_dien}:
            yield f"kinh_gui: {name} không có phần 'Kính gửi'"
        if loai in CO_THAM_QUYEN and self.tham_quyen is None:
            yield f"tham_quyen: {name} phải có thẩm quyền ban hành (Mẫu {info.mau})"
        if loai not in CO_THAM_QUYEN and self.tham_quyen is not None:
            yield "tham_quyen: chỉ quyết định hoặc nghị quyết mới có dòng thẩm quyền"
        if self.can_cu and loai in {LoaiVanBan.cong_van, LoaiVanBan.cong_dien}:
            yield f"can_cu: {name} không có căn cứ"

    def _number_problems(self) -> Iterator[str]:
        """Number and date are given together, after signature (Decree 30, Art. 15)."""
        if self.so is not None and self.ngay is None:
            yield "ngay: văn bản đã có số (so) thì phải có ngày"
        if self.ngay is not None and self.so is None:
            yield "so: văn bản đã có ngày thì phải có số; bản dự thảo không có cả hai (hãy ghi nam)"
        if self.ngay is not None and self.nam is not None and self.nam != self.ngay.year:
            yield f"nam: {self.nam} không khớp với ngay {self.ngay.isoformat()}"

    def _footnotes_outside_the_body(self) -> Iterator[str]:
        """Footnotes belong to the main text: an annex or the attached text calls none."""
        parts = [(f"phu_luc[{k}]", pl.noi_dung) for k, pl in enumerate(self.phu_luc)]
        if self.van_ban_kem_theo is not None:
            parts.append(("van_ban_kem_theo", self.van_ban_kem_theo.noi_dung))
        for where, items in parts:
            for i, doan in enumerate(items):
                if cac_goi(doan.phan()):
                    yield (
                        f"{where}.noi_dung[{i}].doan: chú thích ([^…]) chỉ dùng trong "
                        "văn bản chính; phụ lục hoặc văn bản kèm theo tự ghi chú thích bằng lời"
                    )

    def _task_problems(self) -> Iterator[str]:
        """Each task points at a body item (a paragraph or a table) that exists and names who
        must do it."""
        for i, task in enumerate(self.nhiem_vu):
            if task.doan > len(self.noi_dung):
                yield (
                    f"nhiem_vu: nhiệm vụ {i + 1} trỏ tới đoạn {task.doan}, "
                    f"nhưng nội dung chỉ có {len(self.noi_dung)} đoạn"
                )
            if not task.ma_co_quan and not task.nhom:
                yield (
                    f"nhiem_vu: nhiệm vụ {i + 1} chưa ghi cơ quan (ma_co_quan) "
                    "hay nhóm (nhom) thực hiện"
                )

    def _noi_nhan_problems(self) -> Iterator[str]:
        """The Nơi nhận's printed lines, sub-items included, stay within the limit."""
        lines = sum(1 + len(n.muc_con) for n in self.noi_nhan)
        if lines > NOI_NHAN_TOI_DA:
            yield (f"noi_nhan: {lines} dòng kể cả mục con (muc_con); tối đa {NOI_NHAN_TOI_DA}")

    def _symbol_problems(self) -> Iterator[str]:
        """The symbol: type code first, none (and never CV) for a công văn."""
        code = self.loai.info.ma
        name = self.loai.info.ten.lower()
        if self.ky_hieu is None:
            if code is None and self.don_vi_soan_thao is None:
                yield (
                    f"don_vi_soan_thao: cần có để lập ký hiệu của {name} "
                    "(<cơ quan>-<đơn vị>, ví dụ UBND-VX), hoặc ghi ky_hieu"
                )
            elif len(self.ky_hieu_day_du) > KY_HIEU_TOI_DA:
                yield (
                    f"ky_hieu_co_quan: ký hiệu lập từ trường này, '{self.ky_hieu_day_du}', "
                    f"có {len(self.ky_hieu_day_du)} ký tự; tối đa {KY_HIEU_TOI_DA}"
                )
            return
        first = self.ky_hieu.split("-")[0]
        if code is None and first.upper() == "CV":
            yield (
                f"ky_hieu: ký hiệu của {name} không có mã loại văn bản; "
                f"'{self.ky_hieu}' phải viết '<cơ quan>-<đơn vị>', ví dụ UBND-VX"
            )
        if self.lien_tich and code is not None:
            code += DUOI_LIEN_TICH
            name = f"{name} liên tịch"
        if code is not None and first != code:
            yield f"ky_hieu: ký hiệu của {name} bắt đầu bằng '{code}-', không phải '{first}-'"

    @property
    def ky_hieu_day_du(self) -> str:
        """The symbol as printed after the '/': given, or derived (CĐ-UBND, UBND-VX;
        KHLT-UBND-MTTQ for a joint document)."""
        if self.ky_hieu is not None:
            return self.ky_hieu
        code = self.loai.info.ma
        if code is None:
            return f"{self.ky_hieu_co_quan}-{self.don_vi_soan_thao}"
        if self.lien_tich and self.ky_hieu_co_quan_2 is not None:
            return f"{code}{DUOI_LIEN_TICH}-{self.ky_hieu_co_quan}-{self.ky_hieu_co_quan_2}"
        return f"{code}-{self.ky_hieu_co_quan}"

    @property
    def lien_tich(self) -> bool:
        """A joint document: two issuing bodies (``co_quan`` leads, ``co_quan_2``)."""
        return self.co_quan_2 is not None

    @property
    def muc_luu(self) -> list[str]:
        """The Lưu line's entries: VT, the drafting unit, the others of ``luu``, each once."""
        return cac_muc_luu(self.don_vi_soan_thao, self.luu)

    @property
    def so_hien_thi(self) -> str | None:
        """The number as printed: a leading zero below 10 (05), else as is; None in a draft."""
        return None if self.so is None else f"{self.so:02d}"

    @property
    def so_ky_hieu(self) -> str | None:
        """'14/CĐ-UBND' once numbered; None in a draft."""
        if self.so_hien_thi is None:
            return None
        return f"{self.so_hien_thi}/{self.ky_hieu_day_du}"
