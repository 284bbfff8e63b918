"""The JSON Schema of the directive file (lược đồ), for editors that validate as you type."""

from __future__ import annotations

import json

from ..schemas import VanBan


def luoc_do_json() -> str:
    """The directive file's JSON Schema, pretty-printed, non-ASCII kept readable."""
    schema = VanBan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "vanthu directive file (tệp văn bản)"
    return json.dumps(schema, ensure_ascii=False, indent=2)
