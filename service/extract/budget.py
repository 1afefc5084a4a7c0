"""Funding (kinh phí) named in a task or a table cell.

"Kinh phí: 1.500 triệu đồng" → amount 1.5e9; "kinh phí thực hiện từ nguồn ngân sách nhà
nước" → source "ngân sách nhà nước". A task whose content is to arrange funding ("bố trí
kinh phí để thực hiện...") names no budget of its own; an amount that is an aim ("thu ngân
sách đạt 20.792 tỷ đồng") is a target. Cues live in service/lexicons/targets.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from service.document import Budget
from service.extract.numbers import NUMBER, parse_number, to_vnd
from service.extract.targets import alternation, lexicon, phrase_re

SPLIT = re.compile(r"[;\n]|\.(?=\s|$)")
AMOUNT = re.compile(
    rf"(?<![\w.,])(?P<num>{NUMBER})(?:\s*(?:[-–]|đến)\s*{NUMBER})?\s*"
    r"(?P<unit>(?:nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu|nghìn|ngàn)(?:\s+(?:đồng|VNĐ|VND))?|đồng|VNĐ|VND)(?!\w)",
    re.I)
LEADING = re.compile(r"^\s*(?:[-+•*]\s*)?(?:nguồn(?:\s+(?:vốn|kinh phí))?\s*:?\s*|từ\s+(?:nguồn\s+)?)?", re.I)
FILLER = re.compile(r"(?<!\w)(?:tổng|kinh phí|dự kiến|khoảng|nguồn|vốn|từ|và|các|trong đó|"
                    r"dự toán|hằng năm|hàng năm|mỗi năm|năm|đồng|khác|hợp pháp)(?!\w)", re.I)
FROM_SOURCE = re.compile(r"(?<!\w)từ\s+(?:các\s+)?nguồn(?!\w)", re.I)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """Compiled budget patterns from the lexicon."""
    b = lexicon()["budget"]
    sources = "|".join(f"(?:{s})" for s in b["sources"])
    return {
        "words": phrase_re(b["words"]),
        "funding": phrase_re(b["funding_cues"]),
        "statement": re.compile(
            rf"(?<!\w)(?:{alternation(b['heads'])})(?!\w)(?:\s+[^\s,;:.]+){{0,4}}?\s*"
            rf"(?:{alternation(b['connectors'])})(?!\w)", re.I),
        "source": re.compile(rf"(?<!\w)(?:{sources}|{alternation(list(b['abbreviations']))})(?!\w)", re.I),
    }


def _sources(text: str) -> str | None:
    """The funding sources named in `text`, comma-joined, abbreviations spelled out."""
    abbreviations = {k.lower(): v for k, v in lexicon()["budget"]["abbreviations"].items()}
    found: list[str] = []
    for m in _patterns()["source"].finditer(text):
        name = abbreviations.get(m.group(0).lower(), re.sub(r"\s+", " ", m.group(0)).strip(' "“”'))
        name = re.sub(r"^(?:nguồn|kinh phí)\s+(?=sự nghiệp)", "", name, flags=re.I)
        if re.match(r"(?:ngân sách|nguồn|vốn|kinh phí|xã hội|sự nghiệp|chi |tài trợ|viện trợ)", name, re.I):
            name = name[0].lower() + name[1:]
        if name.lower() not in (f.lower() for f in found):
            found.append(name)
    return ", ".join(found) or None


def _is_cell(text: str) -> bool:
    """A short text made only of an amount and/or a source ("Ngân sách tỉnh", "NSNN",
    "500 triệu đồng (ngân sách tỉnh)"), as in a table's kinh phí column."""
    if len(text.split()) > 12 or not (_patterns()["source"].search(text) or AMOUNT.search(text)):
        return False
    rest = _patterns()["source"].sub(" ", AMOUNT.sub(" ", text))
    rest = FILLER.sub(" ", re.sub(r"[^\w\s]", " ", rest))
    return not rest.strip()


def _amount(text: str) -> tuple[float | None, re.Match | None]:
    """The first money amount in `text`, in đồng."""
    m = AMOUNT.search(text)
    if not m:
        return None, None
    value = parse_number(m["num"])
    return (to_vnd(value, m["unit"]) if value is not None else None), m


def find_budget(text: str, offset: int = 0) -> Budget | None:
    """The funding named in `text` (a task or a table cell), or None.

    A clause counts when it states funding: "kinh phí/nguồn vốn ... (:|từ|do|bằng) ...",
    "từ nguồn ...", or a money amount next to a funding cue (kinh phí, dự toán, bố trí,
    tổng mức đầu tư); a short cell that is just a source counts too.
    """
    if _is_cell(text):
        stripped = text.strip()
        start = text.find(stripped)
        amount, _ = _amount(text)
        return Budget(text=stripped, amount_vnd=amount, source=_sources(text),
                      start=start + offset, end=start + len(stripped) + offset)
    pos = 0
    for part in SPLIT.split(text) + [""]:
        start, pos = pos, pos + len(part) + 1
        budget = _clause_budget(part, start + offset)
        if budget:
            return budget
    return None


def _clause_budget(clause: str, offset: int) -> Budget | None:
    """Budget stated in one clause, or None."""
    p = _patterns()
    if not p["words"].search(clause):
        return None
    statement = p["statement"].search(clause) or FROM_SOURCE.search(clause)
    amount, money = _amount(clause)
    funded = money and p["funding"].search(clause[:money.start()] + " " + clause[money.end():money.end() + 40])
    if not (statement or funded):
        return None
    if money and not statement and re.search(r"(?<!\w)(?:đạt|phấn đấu)(?!\w)", clause[:money.start()], re.I):
        return None                                   # an aim: a target, not funding
    begin = min(m.start() for m in (statement, money, p["funding"].search(clause)) if m)
    source = _sources(clause[begin:])
    if not (source or funded):
        return None                                   # "vốn bằng quyền sử dụng đất", a bare heading
    head = clause[begin:].rstrip(" ,")
    return Budget(text=head, amount_vnd=amount if funded or statement else None,
                  source=source, start=offset + begin, end=offset + begin + len(head))
