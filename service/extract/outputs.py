"""Output (sản phẩm): the concrete product a task names ("xây dựng Kế hoạch…", "báo cáo…")."""
from __future__ import annotations

import re
from functools import cache

from ..document import Output
from ..lexicons import alternation, load


@cache
def _pattern() -> re.Pattern:
    data = load("outputs")
    verbs, products = _alt(data["verbs"]), _alt(data["products"])
    joined, adverbs = _alt(data["verbs"] + data["joined_verbs"]), _alt(data["adverbs"])
    return re.compile(rf"\b(?:{verbs})(?:\s*,\s*(?:{joined}))*\s+(?:(?:{adverbs})\s+)?"
                      rf"(?:(?:các|một|01|\d+)\s+)?[\"“]?\s*((?:{products})\b)", re.IGNORECASE)


def _alt(words: list[str]) -> str:
    """The lexicon's alternation of `words`, longest first, single spaces as written."""
    return alternation(words, space=" ")


@cache
def _report() -> re.Pattern:
    """"báo cáo Ủy ban nhân dân tỉnh …", "chế độ báo cáo về …": a report named by whom or what it tells."""
    data = load("outputs")
    regimes, followers = _alt(data["report_regimes"]), _alt(data["report_followers"])
    return re.compile(rf"\b(báo cáo)\s+(?:{followers})\b|\b(?:{regimes})\s+(báo cáo)\b", re.IGNORECASE)


@cache
def _heads() -> re.Pattern:
    return re.compile(rf"\s*(?:{_alt(load('outputs')['products'])})\b", re.IGNORECASE)


def find_output(text: str, offset: int = 0) -> Output | None:
    """The product a task names: the item itself when it is a product ("Chiến lược …", under a
    lead-in), else the first product after a delivery verb or "báo cáo <cơ quan>", cut at the first
    purpose or time clause."""
    if _heads().match(text) and text[:1].isupper() and not _acts(text):
        phrase = text.strip().rstrip(" .;:")
        return Output(text=phrase, start=offset + text.find(phrase), end=offset + text.find(phrase) + len(phrase))
    match = next((m for m in _pattern().finditer(text) if not _negated(text, m.start())), None) \
        or _report().search(text)
    if not match:
        return None
    group = match.lastindex or 1            # the one group of the alternation that matched
    start = match.start(group)
    end = _phrase_end(text, start, match.end(group))
    phrase = text[start:end].rstrip(" ,.;:\"”")
    if len(phrase.split()) < 1:
        return None
    return Output(text=phrase, start=offset + start, end=offset + start + len(phrase))


def _acts(text: str) -> bool:
    """"Hướng dẫn các địa phương …", "Quy định rõ trách nhiệm …": a product noun that is also a verb opens
    the item as its verb, not as the product."""
    return bool(_verb_head().match(text))


@cache
def _verb_head() -> re.Pattern:
    data = load("outputs")
    return re.compile(rf"\s*(?:{_alt(data['verb_heads'])})\s*(?:,|(?:{_alt(data['verb_head_objects'])})\s)",
                      re.IGNORECASE)


def _negated(text: str, start: int) -> bool:
    """"không có hồ sơ": a negation just before the verb."""
    before = text[:start].split()
    return bool(before) and before[-1].lower() in load("outputs")["negations"]


def _phrase_end(text: str, start: int, head_end: int) -> int:
    """Where the product phrase from `start` stops: the first stop after its head noun ("tờ trình" keeps its
    " trình"), at most 200 characters on."""
    end = len(text)
    for stop in load("outputs")["stops"]:
        found = text.find(stop, head_end - 1)
        if 0 <= found < end:
            end = found
    return min(end, start + 200)
