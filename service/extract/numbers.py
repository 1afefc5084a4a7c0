"""Vietnamese number parsing: "20.792" → 20792, "5,04" → 5.04, "1.234,5" → 1234.5.

Vietnamese writes "." between thousands and "," before decimals. Segmented texts put
spaces around punctuation ("95 %", "1.000 tỷ đồng ;"), which the patterns allow.
"""
from __future__ import annotations

import re

# a number as written: 1.234.567 | 1.234,5 | 5,04 | 12 | 1.5 (a stray English decimal)
NUMBER = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
NUMBER_RE = re.compile(rf"(?<![\d.,])(?:{NUMBER})(?![\d])")
# a range: 8–9, 8 - 9, 15-17,5, từ 8 đến 9
RANGE_RE = re.compile(
    rf"(?:từ\s+)?(?P<lo>{NUMBER})\s*(?:[%‰]\s*)?(?:[-–—]|đến|tới)\s*(?P<hi>{NUMBER})", re.I)

WORDS = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6,
         "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "trăm": 100}

MULTIPLIERS = {"triệu tỷ": 1e15, "nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12, "tỷ": 1e9, "tỉ": 1e9,
               "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3, "trăm": 1e2}


def parse_number(text: str) -> float | None:
    """The value of one written number: "20.792" → 20792.0, "5,04" → 5.04, "hai" → 2.0."""
    s = re.sub(r"\s+", "", text.strip())
    if s.lower() in WORDS:
        return float(WORDS[s.lower()])
    if not re.fullmatch(r"\d[\d.,]*", s):
        return None
    if "," in s and "." in s:                       # 1.234,5 (or English 1,234.5)
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "." in s:
        groups = s.split(".")
        if len(groups) > 2 or len(groups[1]) == 3:   # 20.792, 1.000.000: thousands
            s = s.replace(".", "")
    elif "," in s:
        groups = s.split(",")
        if len(groups) > 2 and all(len(g) == 3 for g in groups[1:]):   # 1,000,000
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".", 1) if len(groups) == 2 else s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def parse_range(text: str) -> tuple[float, float] | None:
    """The bounds of a range: "8–9" → (8, 9), "15-17,5" → (15, 17.5), "từ 3 đến 5" → (3, 5)."""
    m = RANGE_RE.fullmatch(text.strip())
    if not m:
        return None
    lo, hi = parse_number(m["lo"]), parse_number(m["hi"])
    if lo is None or hi is None or hi < lo:
        return None
    return lo, hi


def multiplier(unit: str | None) -> float:
    """The factor a unit's leading multiplier word stands for: "tỷ đồng" → 1e9, "ha" → 1."""
    u = re.sub(r"\s+", " ", (unit or "").strip().lower())
    for word in sorted(MULTIPLIERS, key=len, reverse=True):
        if u == word or u.startswith(word + " "):
            return MULTIPLIERS[word]
    return 1.0


def to_vnd(value: float, unit: str | None) -> float | None:
    """An amount in đồng: (1500, "triệu đồng") → 1.5e9, (20.5, "tỷ đồng") → 2.05e10.

    None when the unit is not Vietnamese money (USD, %, ha...). A bare multiplier
    ("3 tỷ") is read as đồng.
    """
    u = re.sub(r"\s+", " ", (unit or "").strip().lower())
    rest = u
    for word in sorted(MULTIPLIERS, key=len, reverse=True):
        if u == word or u.startswith(word + " "):
            rest = u[len(word):].strip()
            break
    if rest in ("đồng", "vnd", "vnđ") or (rest == "" and u):
        return value * multiplier(u)
    return None
