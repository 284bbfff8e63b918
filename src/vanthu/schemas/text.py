"""Text as vanthu stores it: Unicode NFC, surrounding white space trimmed."""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator


def nfc(value: object) -> object:
    """Normalise a string to NFC; leave anything else for pydantic to judge."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def _not_blank(value: str) -> str:
    # Runs of spaces collapse, explicit line breaks ("\n") stay: a renderer keeps them as given.
    value = "\n".join(" ".join(part.split()) for part in value.strip().split("\n"))
    if not value:
        raise ValueError("must not be empty")
    return value


#: A non-empty line of text, NFC-normalised and trimmed.
Text = Annotated[str, BeforeValidator(nfc), AfterValidator(_not_blank)]


def _bare_item(value: str) -> str:
    """Strip the list punctuation a renderer adds itself: a leading "- ", a final ";" or "."."""
    value = value.strip()
    if value.startswith("- "):
        value = value[2:].lstrip()
    if value.endswith(";") or (value.endswith(".") and not value.endswith("./.")):
        value = value[:-1].rstrip()
    return _not_blank(value)


#: A list item printed as ``- item;``: given without that punctuation (stripped if present).
ListItem = Annotated[str, BeforeValidator(nfc), AfterValidator(_bare_item)]
