"""Output (sản phẩm): the concrete product a task names ("xây dựng Kế hoạch…", "báo cáo…")."""
from __future__ import annotations

import re
from functools import cache

from ..document import Output
from ..lexicons import load


@cache
def _pattern() -> re.Pattern:
    data = load("outputs")
    verbs = "|".join(sorted(map(re.escape, data["verbs"]), key=len, reverse=True))
    products = "|".join(sorted(map(re.escape, data["products"]), key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:các|một|01|\d+)\s+)?((?:{products})\b)", re.IGNORECASE)


def find_output(text: str, offset: int = 0) -> Output | None:
    """The first product named after a delivery verb, cut at the first purpose/time clause."""
    match = _pattern().search(text)
    if not match:
        return None
    start = match.start(1)
    end = _phrase_end(text, start)
    phrase = text[start:end].rstrip(" ,.;:")
    if len(phrase.split()) < 1:
        return None
    return Output(text=phrase, start=offset + start, end=offset + start + len(phrase))


def _phrase_end(text: str, start: int) -> int:
    end = len(text)
    for stop in load("outputs")["stops"]:
        found = text.find(stop, start + 1)
        if 0 <= found < end:
            end = found
    return min(end, start + 200)
