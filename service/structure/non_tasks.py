"""What is not a task though it looks like an item (ANNOTATION.md §2): lead-ins that only introduce a
list, the executing clause and entry into force of a decision, courtesy and closing formulas,
pointers to an annex, accountability and composition formulas, funding paragraphs that assign
nobody, and lists of bodies with nothing to do. Phrases live in `structure.yaml` (`not_tasks`).
"""
from __future__ import annotations

import re
from functools import cache

from ..extract.bodies import parse_body_list
from ..lexicons import load
from ..text import phrase_alternation, phrase_pattern


@cache
def _patterns() -> dict[str, re.Pattern]:
    cues = load("structure")
    found = {name: phrase_pattern(words) for name, words in cues["not_tasks"].items()}
    found["funding"] = re.compile(rf"\W*{phrase_alternation(cues['funding_subjects'])}\b[^.;]{{0,80}}?"
                                  rf"(?<!\w){phrase_alternation(cues['funding_passives'])}(?!\w)", re.IGNORECASE)
    return found


def reason(text: str) -> str | None:
    """Why the item is not a task ("lead_in", "executing", "courtesy", "pointers", "formulas",
    "funding", "bodies_only", "no_words"), or None when it may be one."""
    stripped = text.strip()
    if len(re.findall(r"\w{2,}", stripped)) < 2:
        return "no_words"
    if stripped.endswith(":") and not re.search(r"[.;]\s+\S", stripped[:-1]):
        return "lead_in"
    for name, pattern in _patterns().items():
        if name != "funding" and pattern.search(stripped):
            return name
    if _patterns()["funding"].match(stripped):
        return "funding"
    bodies, end = parse_body_list(stripped)
    if bodies and not re.search(r"\w", stripped[end:].split("(")[0]):
        return "bodies_only"
    return None
