"""What a document is, for what counts as its work: an act that issues work, an act that sets rules (a fee, a
price table, revenue shares, an amendment), a decision on an agency's functions and remit, or no administrative
act at all (an article, an essay).

Structure keeps fewer items as tasks in the last three, and extraction keeps only the targets of their tasks.
"""
from __future__ import annotations

from functools import cache
from typing import Literal

from .document import Metadata
from .lexicons import load
from .text import phrase_pattern

Genre = Literal["act", "rules", "mandate", "article"]


def genre(meta: Metadata) -> Genre:
    """"article" without a kind, title or number of an act; "mandate" when the title of a decision sets an
    agency's functions and remit, "rules" when it names other rules and no plan (structure.yaml
    `rule_setting`); else "act"."""
    if meta.kind == "khac" and meta.title is None and meta.number is None:
        return "article"
    spec, title = load("structure")["rule_setting"], meta.title or ""
    if meta.kind in spec["kinds"] and not _pattern("plan_words").search(title):
        if _pattern("mandate_words").search(title):
            return "mandate"
        if _pattern("title_words").search(title):
            return "rules"
    return "act"


@cache
def _pattern(key: str):
    return phrase_pattern(load("structure")["rule_setting"][key])
