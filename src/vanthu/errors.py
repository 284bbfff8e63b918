"""The exceptions vanthu raises; every one says what was wrong and where.

::

    VanthuError
    ├── InvalidDirective      a directive file that cannot be read or breaks a rule (field paths)
    ├── UnsupportedLayout     a document type whose sample form is not laid out yet
    └── RenderError           a template or a renderer failed on valid input

Interfaces turn these into a one-line message and a non-zero exit code (CLI).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class VanthuError(Exception):
    """Base of every error vanthu raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (field path or line) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InvalidDirective(VanthuError):
    """A directive file that cannot be read, or whose content breaks a rule of Decree 30."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{source}: {count} {noun}\n{lines}")


class UnsupportedLayout(VanthuError):
    """A document type that vanthu validates but cannot lay out yet."""

    def __init__(self, loai: str, mau: str) -> None:
        self.loai = loai
        self.mau = mau
        super().__init__(
            f"loai: '{loai}' follows sample form {mau} of Decree 30, "
            "which vanthu does not lay out yet"
        )


class RenderError(VanthuError):
    """A renderer failed on input that had passed validation."""

    def __init__(self, what: str, detail: str) -> None:
        self.what = what
        self.detail = detail
        super().__init__(f"{what}: {detail}")
