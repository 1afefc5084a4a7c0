"""Zones of the text that hold no tasks: the header and title block, recipients and signature,
and the title block of an attached programme or appendix."""
from __future__ import annotations

import re
from functools import cache

from .lexicons import load
from .text import is_upper, lines

_HEADER_LINE = re.compile(r"\bS[ốo]\s*:?\s*\d*\s*/|ngày\s*\d*\s*tháng\s*\d*\s*năm\s*\d{4}|"
                          r"Độc lập|CỘNG H[ÒO]A|ĐẢNG CỘNG SẢN|^\s*V/v\b", re.IGNORECASE)
_ATTACHED = re.compile(r"[\s*]*\(?\s*(?:Ban hành\s+)?[Kk]èm theo\b")


@cache
def _kind_names() -> tuple[str, ...]:
    names = [n.upper() for spec in load("metadata")["kinds"].values() for n in spec["names"]]
    return tuple(sorted(names + ["PHỤ LỤC", "BIỂU", "DANH MỤC"], key=len, reverse=True))


def is_title(line: str) -> bool:
    """A kind title line: "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN…", "PHỤ LỤC I"."""
    clean = line.replace("*", "").strip(" |")
    return is_upper(clean) and clean.startswith(_kind_names())


def skip_zones(text: str) -> list[tuple[int, int]]:
    """(start, end) spans that segmentation must leave out."""
    all_lines = list(lines(text))
    zones: list[tuple[int, int]] = []
    body = next((i for i, (_, _, l) in enumerate(all_lines[:40]) if _NUMBERED.match(l)), 40)
    first_title = next((i for i, (_, _, l) in enumerate(all_lines[:body]) if is_title(l)), None)
    header_end = _header_end(all_lines[:first_title] if first_title is not None else all_lines[:15])
    if first_title is not None:
        header_end = max(header_end, _title_block_end(all_lines, first_title))
    if header_end:
        zones.append((0, header_end))
    closing = tuple(load("structure")["closing_cues"])
    i = first_title + 1 if first_title is not None else 0
    while i < len(all_lines):
        start, _, line = all_lines[i]
        lowered = line.replace("*", "").strip(" |").lower()
        if lowered.startswith(closing):
            end_index = _closing_end(all_lines, i, lowered.startswith("kính gửi"))
            zones.append((start, all_lines[end_index - 1][1] + 1))
            i = end_index
            continue
        if is_title(line):
            zones.append((start, _title_block_end(all_lines, i)))
        i += 1
    return zones


_NUMBERED = re.compile(r"\s*(?:\d+|[a-zđ]|[IVX]+)[.)]\s")     # a numbered item: the body has begun (a title after
                                                              # it is an appendix's, a letter's annex after its items)


def _opens_body(line: str) -> bool:
    return len(line) > 200 or bool(_NUMBERED.match(line))


def _header_end(all_lines: list[tuple[int, int, str]]) -> int:
    """End of the number/date/motto lines and of a "V/v …" subject line (công văn)."""
    end = 0
    for index, (_, stop, line) in enumerate(all_lines):
        if _opens_body(line):
            break
        if _HEADER_LINE.search(line):
            end = stop + 1
            if re.match(r"\s*V/v\b", line):
                for _, more_stop, more in all_lines[index + 1:index + 4]:
                    if not more.strip() or re.match(r"\s*(Kính gửi|[-+•])", more) or is_upper(more):
                        break
                    end = more_stop + 1
    return end


def _title_block_end(all_lines: list[tuple[int, int, str]], index: int) -> int:
    """End offset of a title line, the capitalised lines after it and a "(Kèm theo…)" line."""
    end = all_lines[index][1] + 1
    for offset, (start, stop, line) in enumerate(all_lines[index + 1:index + 8]):
        heading = is_upper(line) and not re.match(r"\s*(?:[IVX]+[.\-]|[A-HJ-UWYZĐ]\s?\.|PHẦN|CHƯƠNG|MỤC)\s", line)
        if heading or _ATTACHED.match(line) or not line.strip() or (offset == 0 and is_sentence_title(line)):
            end = stop + 1
            continue
        break
    return end


def is_sentence_title(line: str) -> bool:
    """A trích yếu in sentence case right under the kind ("Ban hành Kế hoạch thực hiện…"): no
    final stop, no list marker, not a basis sentence."""
    text = line.strip()
    return (0 < len(text) < 300 and text[:1].isupper() and not re.search(r"[.:;]$", text)
            and not re.match(r"(?:\d+|[IVX]+|[a-zđ])[.)]\s|[-+•]\s|Căn cứ\b", text))


def _closing_end(all_lines: list[tuple[int, int, str]], index: int, addressees: bool) -> int:
    """Index after a recipients/signature block: its list lines, or up to the next title."""
    j = index + 1
    while j < len(all_lines):
        line = all_lines[j][2]
        if addressees:
            if not re.match(r"\s*[-+•]", line) and line.strip():
                return j
        elif is_title(line):
            return j
        j += 1
    return j
