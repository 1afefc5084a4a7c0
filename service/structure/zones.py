"""Zones of the text that hold no tasks: the header and title block, recipients and signature,
and the title block of an attached programme or appendix."""
from __future__ import annotations

import re
from functools import cache

from ..lexicons import load
from ..text import lines

_ATTACHED = re.compile(r"\s*\(?\s*(?:Ban hành\s+)?[Kk]èm theo\b")


@cache
def _kind_names() -> tuple[str, ...]:
    names = [n.upper() for spec in load("metadata")["kinds"].values() for n in spec["names"]]
    return tuple(sorted(names + ["PHỤ LỤC", "BIỂU", "DANH MỤC"], key=len, reverse=True))


def is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def is_title(line: str) -> bool:
    """A kind title line: "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN…", "PHỤ LỤC I"."""
    clean = line.replace("*", "").strip(" |")
    return is_upper(clean) and clean.startswith(_kind_names())


def skip_zones(text: str) -> list[tuple[int, int]]:
    """(start, end) spans that segmentation must leave out."""
    all_lines = list(lines(text))
    zones: list[tuple[int, int]] = []
    first_title = next((i for i, (_, _, l) in enumerate(all_lines[:40]) if is_title(l)), None)
    if first_title is not None:
        zones.append((0, _title_block_end(all_lines, first_title)))
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


def _title_block_end(all_lines: list[tuple[int, int, str]], index: int) -> int:
    """End offset of a title line, the capitalised lines after it and a "(Kèm theo…)" line."""
    end = all_lines[index][1] + 1
    for start, stop, line in all_lines[index + 1:index + 8]:
        if (is_upper(line) and not re.match(r"\s*[IVX]+[.\-]\s", line)) or _ATTACHED.match(line) or not line.strip():
            end = stop + 1
            continue
        break
    return end


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
