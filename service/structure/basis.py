"""The basis (căn cứ): the documents a plan implements, cited by kind, number, date and issuer in
the preamble's "Căn cứ… / Thực hiện… / Triển khai…" sentences and in the title."""
from __future__ import annotations

import re
from datetime import date
from functools import cache

from ..document import Citation
from ..lexicons import alternation, load
from ..text import DOCUMENT_NUMBER, is_upper, lines, phrase_pattern

UPPER = "A-ZĐÀ-Ỹ"


@cache
def _cited() -> re.Pattern:
    """A cited document: kind word (`cited_kinds`), number, date, issuer, up to its title (`cited_title_words`)."""
    lex = load("metadata")
    kinds, title = (alternation(lex[key], space=" ") for key in ("cited_kinds", "cited_title_words"))
    return re.compile(
        rf"(?P<kind>{kinds})"
        r"(?:\s+liên tịch)?(?:\s+số)?\s*:?\s*(?P<number>" + DOCUMENT_NUMBER + r")"
        r"(?:,?\s*ngày\s*(?P<date>\d{1,2}\s*(?:/|-|tháng)\s*\d{1,2}\s*(?:/|-|năm)\s*\d{4}))?"
        r"(?:\s+của\s+(?P<issuer>[" + UPPER + rf"][^,;()]*?))?(?=\s+(?:{title})\b|[,;.()]|$)",
        re.IGNORECASE)


def find_basis(text: str, title_start: int, max_lines: int) -> list[Citation]:
    """Documents cited in the preamble's "Căn cứ…/Thực hiện…/Triển khai…" sentences and the title."""
    cues = tuple(c.lower() for c in load("metadata")["basis_cues"])
    received = phrase_pattern(load("metadata")["basis_received"])
    found: dict[str, Citation] = {}
    for start, _, line in list(lines(text))[:max_lines]:
        if start < title_start:
            continue
        if _is_heading(line) or re.match(r"\s*[A-Z]\s?\.\s", line) and start > title_start:
            break                      # the body begins: its citations are not the basis
        stripped = line.strip().lstrip("-+• ").lower()
        is_title = start == title_start or (line == line.upper() and start < title_start + 600)
        if not (stripped.startswith(cues) or is_title or received.search(stripped[:120])):
            continue
        for match in _cited().finditer(line):
            citation = _citation(match, start)
            key = citation.number.upper()
            if key not in found or _detail(citation) > _detail(found[key]):
                found[key] = citation
    return list(found.values())


def _detail(citation: Citation) -> tuple[bool, bool]:
    """How much a citation tells: a date first, then text in normal case (not the title's capitals)."""
    return citation.issued_on is not None, not is_upper(citation.text)


def _is_heading(line: str) -> bool:
    return bool(re.match(r"\s*(?:[IVX]+[.\-]|\d+\.|Điều\s+\d+|PHẦN|Phần)\s", line))


def _citation(match: re.Match, line_start: int) -> Citation:
    kind_word = match.group("kind").lower()
    kind = next((k for k, v in load("metadata")["kinds"].items() if kind_word in v["names"]), "khac")
    issued = _parse_date(match.group("date")) if match.group("date") else None
    issuer = match.group("issuer").strip() if match.group("issuer") else None
    return Citation(number=re.sub(r"\s+", "", match.group("number")), kind=kind, issued_on=issued,
                    issuer=issuer, text=match.group(0), start=line_start + match.start(),
                    end=line_start + match.end())


def _parse_date(text: str) -> date | None:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    try:
        return date(numbers[2], numbers[1], numbers[0]) if len(numbers) == 3 else None
    except ValueError:
        return None
