"""What a comparison shows a reviewer: copied spans with a content word (never "và", "về" alone) and
local additions as whole owners, deadlines and figures — a date that follows a cited document's number
is that document's date, not a deadline (lexicon: service/lexicons/display.yaml)."""
from __future__ import annotations

import re
from functools import cache

from ..lexicons import load
from .model import Addition, Item, Span

_CITED = re.compile(r"(?:\d+\s*[-/]\s*[A-ZĐ][\wĐđ-]*/[A-ZĐ][\wĐđ-]*|số\s+\d+[^,;.]{0,20})\s*,?\s*(?:ngày|năm)?\s*$")
_NUMBER = re.compile(r"\d+\s*[-/]\s*[A-ZĐ]+[\w-]*/")


@cache
def _lexicon() -> tuple[frozenset[str], re.Pattern]:
    data = load("display")
    openers = sorted(data["time_openers"], key=len, reverse=True)
    return frozenset(data["stop_words"]), re.compile(r"(?:" + "|".join(map(re.escape, openers)) + r")\b", re.I)


def content_spans(text: str, spans: list[Span]) -> list[Span]:
    """The copied spans that hold a word other than a function word."""
    stop, _ = _lexicon()
    keep = []
    for span in spans:
        words = [w.lower() for w in re.findall(r"\w+", text[span.start:span.end])]
        if any(w not in stop and len(w) > 1 for w in words):
            keep.append(span)
    return keep


def shown_additions(item: Item) -> list[Addition]:
    """Owners, deadlines that open with a time word and are no cited date, figures that are no
    document number; loose words are left out."""
    _, opener = _lexicon()
    out = []
    for addition in item.local_additions:
        text = addition.text.strip()
        if addition.kind == "words" or not text:
            continue
        if addition.kind == "figure" and (not re.search(r"\d", text) or _NUMBER.search(text)):
            continue
        if addition.kind == "deadline":
            at = item.text.find(text)
            if not opener.match(text) or at >= 0 and _CITED.search(item.text[max(0, at - 40):at]):
                continue
        out.append(addition)
    return out
