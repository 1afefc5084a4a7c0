"""Level-aware normalisation: the words a lower level swaps when it copies become placeholders.

`tokens(text)` returns the comparison tokens of a task with their character spans in `text`:
dates and years → `<date>`, the document's own kind name → `<doc>`, party committees →
`<committee>`, Sở/Phòng names → `<agency>`, tỉnh/huyện/xã (with the place name after them) →
`<unit>`, the same place names elsewhere → `<place>`, and so on (lists in
service/lexicons/levels.yaml). Other words are lower-cased with
modern tone placement; punctuation and leading item numbers are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicons import alternation, load
from ..text import fold_tone_placement

DATE = "<date>"
UNIT = "<unit>"
AGENCY = "<agency>"
PLACE = "<place>"

_DATE_PATTERNS = [
    r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}",
    r"\d{1,2}/\d{1,2}/\d{4}",
    r"năm\s+học\s+\d{4}\s*-\s*\d{4}",
    r"(?:tháng|quý)\s+[\dIVX]{1,4}(?:\s*(?:/|năm)\s*\d{4})?",
    r"\d{1,2}/\d{4}",
    r"(?:19|20)\d{2}\s*-\s*(?:19|20)\d{2}",
    r"(?:19|20)\d{2}",
]
_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+\.|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-+*•–])\s+")
_WORD = re.compile(r"\d+(?:[.,]\d+)*%?(?!\w)|\w+")
_QU = re.compile(r"([Qq])([úùủũụ])y(?!\w)")       # fold_tone_placement turns "quý" into "qúy"
_UPPER = r"[A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ]"
_LOWER_WORD = r"(?-i:[a-zđà-ỹ]\w*)"
_QU_BACK = {"ú": "uý", "ù": "uỳ", "ủ": "uỷ", "ũ": "uỹ", "ụ": "uỵ"}


@dataclass(frozen=True, slots=True)
class Token:
    """One comparison token: its normalised form and where it stands in the original text."""

    norm: str
    start: int
    end: int


def _alternation(words: list[str]) -> str:
    return alternation(words, pattern=re.escape)


@cache
def _patterns() -> list[tuple[re.Pattern, str | None]]:
    """(pattern, placeholder) in priority order; placeholder None keeps the group's own text."""
    lex = load("levels")
    # "Thông tin và Truyền thông": capitalised words, each with at most one lower-case syllable
    cap_word = rf"{_UPPER}\w*(?:\s+{_LOWER_WORD})?"
    connectors = _alternation(lex["name_connectors"])
    name = rf"{cap_word}(?:\s+(?:(?:{connectors})\s+)?{cap_word})*"
    not_before = _alternation(lex["unit_not_before"])
    patterns: list[tuple[re.Pattern, str | None]] = [
        (re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I), DATE) for p in _DATE_PATTERNS]
    phrases = [(p, holder) for holder, items in lex["phrases"].items() for p in items]
    for phrase, holder in sorted(phrases, key=lambda x: len(x[0]), reverse=True):
        patterns.append((re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.I), holder))
    heads = _alternation(lex["agencies"])
    patterns.append((re.compile(rf"(?<!\w)(?:{heads})\s+{name}"), AGENCY))
    units = _alternation(lex["units"])
    place = rf"(?!(?:{heads})\s){_UPPER}\w*(?:\s+{_UPPER}\w*)*"   # every syllable capitalised
    places = rf"(?:\s+{place}(?:\s*(?:,|và)\s+{place})*)?"
    patterns.append((re.compile(
        rf"(?<!\w)(?i:{units})(?!\s+(?i:{not_before})(?!\w))(?!\w){places}"), UNIT))
    return patterns


@cache
def _place_pattern(places: frozenset[str]) -> re.Pattern | None:
    if not places:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(places)})(?!\w)")


def places_in(text: str) -> set[str]:
    """Place names written after an administrative-unit word ("huyện Bảo Thắng" → "Bảo Thắng")."""
    unit_pattern = _patterns()[-1][0]
    found = set()
    for m in unit_pattern.finditer(_fold(text)):
        names = re.split(r"\s*(?:,|\bvà\b)\s*", re.sub(r"^\S+(?:\s+[a-zđà-ỹ]\S*)*\s*", "", m.group()))
        found |= {n for n in names if len(n) > 2 and n[0].isupper()}
    return found


def _placeholders(text: str, places: frozenset[str] = frozenset()) -> list[Token]:
    """Spans of `text` that become one placeholder token each (first pattern wins a span)."""
    taken = bytearray(len(text))
    found: list[Token] = []
    extra = _place_pattern(places)
    for pattern, holder in _patterns() + ([(extra, PLACE)] if extra else []):
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            found.append(Token(holder or m.group().lower(), m.start(), m.end()))
    return found


def _fold(text: str) -> str:
    """Modern tone placement, length-preserving ("uỷ" → "ủy"), "quý"/"quỹ" left as they are."""
    folded = fold_tone_placement(text)
    if len(folded) != len(text):
        return text
    return _QU.sub(lambda m: m.group(1) + _QU_BACK[m.group(2)], folded)


@lru_cache(maxsize=4096)
def tokens(text: str, places: frozenset[str] = frozenset()) -> list[Token]:
    """Comparison tokens of one task text, in order, with spans into `text`; `places` are the
    place names of the compared documents, replaced wherever they stand."""
    folded = _fold(text)
    numbering = _NUMBERING.match(folded)
    skip = numbering.end() if numbering else 0
    holders = [t for t in _placeholders(folded, places) if t.start >= skip]
    covered = bytearray(len(folded))
    for t in holders:
        covered[t.start:t.end] = b"\x01" * (t.end - t.start)
    words = [Token(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(folded, skip)
             if not covered[m.start()]]
    return sorted(holders + words, key=lambda t: t.start)      # cached: callers must not mutate


def normalise(text: str, places: frozenset[str] = frozenset()) -> str:
    """The normalised form of a text as one string of space-separated tokens."""
    return " ".join(t.norm for t in tokens(text, places))
