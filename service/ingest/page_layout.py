"""Page layout helpers shared by the PDF reader and OCR: page numbers, wrapped lines rebuilt into
paragraphs by their geometry, and paragraphs cut by a hyphen or a page break joined again.

Lines are anything with the `PageLine` attributes, in points (pdfplumber lines, OCR lines).
"""
from __future__ import annotations

import re
from typing import Protocol

from ..document import Block
from ..text import BARE_MARKER, OPEN_END, runs_into_item
from .charsets import is_syllable

_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")


class PageLine(Protocol):
    """One text line with the geometry that paragraph rebuilding needs (points, top-down)."""

    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool


PAGE_NUMBER = re.compile(r"\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|\s*(?:Trang|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s*$")
_NEW_ITEM = re.compile(r"\s*(?:[-–—•+*]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][).]\s|[IVX]{1,5}[.\-]\s|Điều\s+\d)")


def paragraphs(lines: list[PageLine], table_tops: list[float], page_width: float) -> list[list[PageLine]]:
    """Group wrapped lines into paragraphs: a line joins the previous one when that one runs to the
    right margin (or stops mid-sentence), the gap is one line, and it opens no new list item."""
    if not lines:
        return []
    left, right = margins(lines, page_width)
    groups: list[list[PageLine]] = [[lines[0]]]
    for line in lines[1:]:
        prev = groups[-1][-1]
        if _continues(prev, line, left, right, groups[-1][0].text) \
                and not any(prev.bottom <= t <= line.top for t in table_tops):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def margins(lines: list[PageLine], page_width: float) -> tuple[float, float]:
    """The text's left and right edges on a page: where most lines start, and where full lines end."""
    right = max(sorted(l.x1 for l in lines)[int(len(lines) * 0.9)], 0.75 * page_width)
    return sorted(l.x0 for l in lines)[int(len(lines) * 0.1)], right


def _continues(prev: PageLine, line: PageLine, left: float, right: float, opener: str = "") -> bool:
    """`line` goes on `prev`'s paragraph: close below it, not indented, and `prev` either runs to the right
    margin (in the same weight) or stops mid-sentence (a bold date ending a sentence stays in it). A line
    opening a list item ("b)", "- ", "Điều 2") opens it, unless a full line runs into it (`runs_into_item`;
    `opener` is the paragraph's first line)."""
    if " | " in prev.text or " | " in line.text:
        return False
    if line.top - prev.bottom > 0.9 * line.size or line.x0 > left + 1.5 * line.size:
        return False
    closed = bool(re.search(r"[.:;!?]$", prev.text))
    full_width = prev.x1 >= right - 2 * prev.size and prev.bold == line.bold
    if BARE_MARKER.fullmatch(line.text):            # the label of the next item (a table's first column),
        return full_width and not closed            # unless a full line runs on into it ("… tại Mục" / "5.")
    if _NEW_ITEM.match(line.text):
        return full_width and not closed and runs_into_item(prev.text, line.text, opener)
    mid_sentence = not closed and (line.text[:1].islower() or OPEN_END.search(prev.text))
    return full_width or bool(mid_sentence)


def join_across_pages(blocks: list[Block]) -> list[Block]:
    """Join a paragraph cut by a page break: it stops mid-sentence and the next page goes on in lowercase."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (prev and prev.kind == block.kind == "paragraph" and prev.page != block.page
                and block.text[:1].islower() and not re.search(r"[.:;!?]$", prev.text)):
            out[-1] = prev.model_copy(update={"text": f"{prev.text} {block.text}"})
        else:
            out.append(block)
    return out


def join_hyphenated(blocks: list[Block]) -> list[Block]:
    """Join a paragraph ending in "letter-" with the next one when that starts in lowercase."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        match = _HYPHEN_END.search(prev.text) if prev and prev.kind == block.kind == "paragraph" else None
        if match and block.text[:1].islower() and prev.page == block.page:
            glue = " " if is_syllable(match.group(1)) else ""
            out[-1] = prev.model_copy(update={"text": prev.text[:-1] + glue + block.text,
                                              "bold": prev.bold and block.bold})
        else:
            out.append(block)
    return out
