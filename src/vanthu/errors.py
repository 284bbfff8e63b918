"""The exceptions vanthu raises; every one says what was wrong and where.

::

    VanthuError
    ├── InvalidDirective      a directive file that cannot be read or breaks a rule (field paths)
    ├── UnsupportedLayout     a document type whose sample form is not laid out yet
    ├── RenderError           a template or a renderer failed on valid input
    ├── TransitionRefused     an event the lifecycle does not allow (state, event, role)
    ├── NotFound              a directive, user, body or recipient that is not in the store
    ├── ConcurrentChange      the stored state moved under us; nothing was written
    ├── Refused               a well-formed request the rules forbid (e.g. ack of a recalled one)
    │   └── Throttled         too many failed sign-ins in a row: try again after a wait
    ├── OutputError           a file cannot be written where it belongs (unwritable, full, escapes)
    ├── DeliveryFailed        distribution could not deliver to some bodies (each with its reason)
    ├── InvalidSetting        a setting or argument that cannot be used (VANTHU_NOW, --db, --year)
    │   └── TooLarge          an input over its size limit, refused before it is read whole
    ├── SigningFailed         a PDF cannot be signed, or a signed PDF handed back is refused
    ├── UnreadableWord        a Word file vanthu will not open (not Word, encrypted, macros, bomb)
    └── StoreUnavailable      the store cannot be opened or used now (not a database, no server)

Interfaces turn these into a one-line message and a non-zero exit code (CLI). Every message is
in Vietnamese, for the clerks who read it; the attributes (``kind``, ``state``, ``event``,
``cause``…) keep their codes for the programs that read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

#: The noun each kind of thing NotFound names is said with (its ``kind`` keeps the code).
TEN_LOAI: dict[str, str] = {
    "directive": "văn bản",
    "user": "người dùng",
    "body": "cơ quan",
    "acknowledgement token": "mã xác nhận",
    "recipient link": "liên kết của nơi nhận",
    "issued file": "tệp đã ban hành",
    "issued file of": "tệp đã ban hành của văn bản",
    "signed PDF of": "bản PDF đã ký của văn bản",
    "prepared PDF (chờ ký số) of directive": "bản PDF chờ ký số của văn bản",
    "report file": "tệp báo cáo",
    "file kind": "loại tệp",
    "file": "tệp",
}
#: Kinds named after what they belong to ("recipient of 05/CĐ-UBND"): the head's noun.
_TEN_LOAI_CUA: dict[str, str] = {
    "recipient of ": "nơi nhận của ",
    "slip of ": "phiếu gửi của ",
    "the register line of ": "dòng sổ đăng ký của ",
}
#: Event codes a use case refuses that are no event of the lifecycle tables.
_NHAN_KHAC: dict[str, str] = {"sua_du_thao": "sửa dự thảo", "da_huy": "đã hủy"}


def ten_loai(kind: str) -> str:
    """The Vietnamese noun for a kind of thing NotFound names; the kind itself if it has none."""
    if kind in TEN_LOAI:
        return TEN_LOAI[kind]
    for head, noun in _TEN_LOAI_CUA.items():
        if kind.startswith(head):
            return noun + kind.removeprefix(head)
    return kind


def nhan(code: str) -> str:
    """The Vietnamese label the workflow gives a state, event or role code (``du_thao`` ->
    ``dự thảo``); the code itself when it is none of theirs."""
    # The workflow imports this module, so its labels are looked up when a message is worded.
    from .workflow import SuKienNoiNhan, SuKienVanBan, TrangThaiNoiNhan, TrangThaiVanBan, VaiTro

    for kieu in (TrangThaiVanBan, SuKienVanBan, TrangThaiNoiNhan, SuKienNoiNhan, VaiTro):
        if code in kieu._value2member_map_:
            return kieu(code).label
    return _NHAN_KHAC.get(code, code)


class VanthuError(Exception):
    """Base of every error vanthu raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (field path or line) and what; ``line`` is the
    file's line the value stands on, when the reader knows it (YAML) and ``where`` is a path."""

    where: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.where
        if self.line is not None:
            where = f"{where} (dòng {self.line})" if where else f"dòng {self.line}"
        return f"{where}: {self.message}" if where else self.message


class InvalidDirective(VanthuError):
    """A directive file that cannot be read, or whose content breaks a rule of Decree 30."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{source}: {len(self.problems)} lỗi\n{lines}")


class UnsupportedLayout(VanthuError):
    """A document type that vanthu validates but cannot lay out yet."""

    def __init__(self, loai: str, mau: str) -> None:
        self.loai = loai
        self.mau = mau
        super().__init__(
            f"loai: '{loai}' theo mẫu {mau} của Nghị định 30, vanthu chưa dàn trang được mẫu này"
        )


class RenderError(VanthuError):
    """A renderer failed on input that had passed validation."""

    def __init__(self, what: str, detail: str) -> None:
        self.what = what
        self.detail = detail
        super().__init__(f"{what}: {detail}")


#: Which rule refused a transition: the state (the event does not leave it), the actor (this
#: role or this person may not fire it), or a missing reason (lý do).
CauseRefused = Literal["state", "actor", "reason"]


class TransitionRefused(VanthuError):
    """An event that the lifecycle table does not allow from this state, or not for this role.

    ``cause`` says which rule refused it (the message says it in words): the web API answers
    409 for the state, 403 for the actor and 422 for a missing reason.
    """

    def __init__(
        self,
        what: str,
        state: str,
        event: str,
        role: str,
        reason: str,
        cause: CauseRefused = "state",
    ) -> None:
        self.what = what
        self.state = state
        self.event = event
        self.role = role
        self.reason = reason
        self.cause: CauseRefused = cause
        super().__init__(
            f"{what}: không được '{nhan(event)}' khi đang ở trạng thái '{nhan(state)}' "
            f"với vai trò '{nhan(role)}': {reason}"
        )


class NotFound(VanthuError):
    """Something named by the user that the store does not hold."""

    def __init__(self, kind: str, key: str) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"không tìm thấy {ten_loai(kind)} '{key}'")


class ConcurrentChange(VanthuError):
    """Another process changed the record first; this change was not written."""

    def __init__(self, what: str, expected: str) -> None:
        self.what = what
        self.expected = expected
        super().__init__(
            f"{what}: người khác đã thay đổi trước (lẽ ra đang ở trạng thái "
            f"'{nhan(expected)}'); chưa ghi gì, hãy xem lại rồi thử lại"
        )


class Refused(VanthuError):
    """A request the rules forbid, with the reason."""

    def __init__(self, what: str, reason: str) -> None:
        self.what = what
        self.reason = reason
        super().__init__(f"{what}: {reason}")


class Throttled(Refused):
    """Too many failed sign-ins in a row: no attempt is checked until ``retry_after`` seconds."""

    def __init__(self, what: str, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(what, f"đăng nhập sai quá nhiều lần; hãy thử lại sau {retry_after} giây")


class OutputError(VanthuError):
    """A file or folder cannot be written where it belongs: the folder is unwritable or full, or
    a path built from data would leave its root. Nothing stored was changed because of it."""

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {detail}")


class DeliveryFailed(VanthuError):
    """A distribution run left some bodies undelivered, each for a reason (a slip that cannot be
    drawn, a code that cannot name a folder). The other bodies were delivered and recorded; the
    failed ones have no folder and stay pending, so a run after the fix delivers only them."""

    def __init__(
        self, so_ky_hieu: str, delivered: int, total: int, failures: Sequence[tuple[str, str]]
    ) -> None:
        self.so_ky_hieu = so_ky_hieu
        self.delivered = delivered
        self.total = total
        self.failures = tuple(failures)
        lines = "\n".join(f"  - {code}: {reason}" for code, reason in self.failures)
        super().__init__(
            f"{so_ky_hieu}: {len(self.failures)}/{total} cơ quan chưa nhận được "
            f"({delivered} đã gửi); sửa các lỗi rồi chạy phát hành lại\n{lines}"
        )


class InvalidSetting(VanthuError):
    """A setting (environment variable, option) or an argument whose value cannot be used."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


class TooLarge(InvalidSetting):
    """An input (an upload) over its size limit, refused before it is read whole (HTTP 413)."""

    def __init__(self, name: str, toi_da: int) -> None:
        self.toi_da = toi_da
        super().__init__(name, f"lớn hơn {toi_da // 2**20} MiB (tối đa {toi_da} byte)")


class SigningFailed(VanthuError):
    """A document cannot be signed (a key that will not open, a token out of reach, a PDF that
    cannot be read), or a signed PDF handed back for two-step signing is refused (not the
    prepared document, not signed by a trusted certificate). ``what`` names the file or key."""

    def __init__(self, what: str, reason: str) -> None:
        self.what = what
        self.reason = reason
        super().__init__(f"{what}: {reason}")


class StoreUnavailable(VanthuError):
    """The store cannot be opened or used now; nothing was written."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"kho dữ liệu {where}: {reason}")


class UnreadableWord(VanthuError):
    """A Word file that vanthu will not open, and why: empty, truncated or not a Word file,
    password-protected, macro-enabled, a zip or XML bomb, or a format LibreOffice must convert
    when it is not installed. Nothing in the file was executed or fetched."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")
