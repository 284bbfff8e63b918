"""What the API answers (mô hình): small JSON models built from what the façade returns."""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, Field


class _CoLabel(Protocol):
    """A state or event enum member: its code, and its Vietnamese label."""

    @property
    def value(self) -> str: ...

    @property
    def label(self) -> str: ...


class Ma(BaseModel):
    """A state or an event: its code, and its Vietnamese label."""

    ma: str = Field(description="The code, as the CLI and the directive file write it")
    label: str = Field(description="The Vietnamese label, as the desk shows it")

    @classmethod
    def cua(cls, member: _CoLabel) -> Ma:
        """The code and label of a state, event or role."""
        return cls(ma=member.value, label=member.label)


class LoiApi(BaseModel):
    """A refusal: the same one-line message the CLI prints."""

    detail: str


#: The refusals every endpoint that acts may answer, for OpenAPI.
LOI_CHUNG: dict[int | str, dict[str, object]] = {
    401: {"model": LoiApi, "description": "No valid session or bearer token"},
    403: {"model": LoiApi, "description": "Forbidden for this user or role; or no CSRF token"},
    404: {"model": LoiApi, "description": "No such directive, body or token"},
    409: {"model": LoiApi, "description": "Not allowed from the current state, or a race"},
    422: {"model": LoiApi, "description": "Invalid input (the message names the field)"},
}
