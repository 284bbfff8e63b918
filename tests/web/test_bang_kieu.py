"""The desk's stylesheet: every section stands at the top level, so that no rule meant for the
screen is swallowed by the print or narrow-screen block above it (an unclosed ``@media`` takes
everything after it, and the browser says nothing)."""

from __future__ import annotations

from pathlib import Path

import tinycss2

import vanthu.web

BANG_KIEU = Path(vanthu.web.__file__).parent / "static" / "vanthu.css"


def test_every_section_of_the_stylesheet_starts_outside_any_block() -> None:
    depth = 0
    for number, line in enumerate(BANG_KIEU.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("/*"):
            assert depth == 0, f"line {number} ({line[:40]}…) is inside an unclosed block"
        depth += line.count("{") - line.count("}")
    assert depth == 0


def test_the_print_and_narrow_screen_blocks_hold_only_their_own_rules() -> None:
    rules = tinycss2.parse_stylesheet(
        BANG_KIEU.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True
    )
    assert not [r for r in rules if r.type == "error"]
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword == "media":
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            # A media block tweaks a few rules; dozens mean it swallowed what follows it.
            assert len(inner) <= 8, tinycss2.serialize(rule.prelude).strip()
