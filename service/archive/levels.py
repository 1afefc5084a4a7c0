"""Administrative level of an issuer: 0 central, 1 province, 2 district, 3 commune (None unknown).

The first administrative word of the issuer decides ("Ủy ban nhân dân xã A, huyện B" → commune).
"""
from __future__ import annotations

import re

from ..text import strip_diacritics

_WORDS = [
    (0, r"trung uong|chinh phu|thu tuong|bo chinh tri|ban bi thu|quoc hoi|^bo"),
    (1, r"tinh|^so"),
    (2, r"huyen|thi xa|quan|thanh pho|^phong"),
    (3, r"xa|phuong|thi tran|chi bo"),
]
_PATTERN = re.compile("|".join(f"(?P<l{level}>(?:{words}))" for level, words in _WORDS))
_BOUNDED = re.compile(r"(?<![a-z])(?:" + _PATTERN.pattern + r")(?![a-z])")


def level_of(issuer: str | None) -> int | None:
    """The level of the first administrative word in `issuer`, or None."""
    if not issuer:
        return None
    folded = re.sub(r"\s+", " ", strip_diacritics(issuer).lower().replace("đ", "d")).strip()
    match = _BOUNDED.search(folded)
    if not match:
        return None
    return next(int(key[1:]) for key, value in match.groupdict().items() if value)
