"""OCR words → text lines → paragraph and table blocks, the way the PDF reader builds them.

Words are grouped into lines by vertical overlap (not by Tesseract's line ids, which split the
two-column header); segments separated by a column-wide gap are joined with " | ", unless the line is
a justified line of a paragraph whose gap a dropped mark left. Coordinates are
converted to points so `page_layout.paragraphs` can rebuild wrapped paragraphs with its own thresholds.
"""
from __future__ import annotations

import statistics
import unicodedata
from dataclasses import dataclass, field

from ...document import Block
from typing import Any

from ..page_layout import PAGE_NUMBER, join_hyphenated, margins, paragraphs
from .repair import repair_line
from .word_tables import find_tables, grid_rows, in_grid
from .tesseract import Word

COLUMN_GAP = 1.6          # a gap wider than this many word heights separates columns
PROSE_GAP = 4.0           # in a justified body line, narrower gaps are a mark OCR dropped (_join_narrow_gaps)
_KEEP = {"-", "–", "+", "*", "&", "%", "…", "(", ")"}   # marks without letters that are still text


@dataclass
class Line:
    """One text line; geometry in points (what page_layout.paragraphs expects)."""

    words: list[Word]
    scale: float = 1.0
    segments: list[list[Word]] = field(default_factory=list)
    text: str = ""
    bold: bool = False

    @property
    def top(self) -> float:
        return min(w.top for w in self.words) * self.scale

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words) * self.scale

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words) * self.scale

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words) * self.scale

    @property
    def size(self) -> float:
        return statistics.median(w.height for w in self.words) * self.scale


def clean_words(words: list[Word]) -> list[Word]:
    """Drop table rules and specks read as "|", "[", "—" and words Tesseract has no confidence in."""
    return [w for w in words if (any(c.isdigit() or c.isalpha() and unicodedata.category(c) != "Lm"
                                     for c in w.text) or w.text in _KEEP)
            and w.conf >= 0 and not (w.conf < 20 and len(w.text) < 3)]


def group_lines(words: list[Word], scale: float = 1.0) -> list[Line]:
    """Lines by vertical overlap, words left to right, segments split at column-wide gaps."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.yc):
        for line in reversed(lines[-3:]):
            if _overlaps(line, word):
                line.append(word)
                break
        else:
            lines.append([word])
    out = [Line(sorted(line, key=lambda w: w.x0), scale) for line in lines]
    for line in out:
        _set_segments(line, split_segments(line.words))
    return sorted(out, key=lambda l: l.top)


def _set_segments(line: Line, segments: list[list[Word]]) -> None:
    """The line's segments, and its text: each segment repaired, joined by " | "."""
    line.segments = segments
    line.text = " | ".join(repair_line(" ".join(w.text for w in seg)) for seg in segments)


def _overlaps(line: list[Word], word: Word) -> bool:
    top, bottom = statistics.median(w.top for w in line), statistics.median(w.bottom for w in line)
    overlap = min(bottom, word.bottom) - max(top, word.top)
    return overlap > 0.5 * min(bottom - top, word.height)


def split_segments(words: list[Word]) -> list[list[Word]]:
    """Words of one line (left to right) cut where the gap is wider than COLUMN_GAP word heights."""
    height = statistics.median(w.height for w in words) if words else 0
    segments: list[list[Word]] = []
    for word in words:
        if segments and word.x0 - segments[-1][-1].x1 <= COLUMN_GAP * height:
            segments[-1].append(word)
        else:
            segments.append([word])
    return segments


def _join_narrow_gaps(lines: list[Line], page_width: float) -> list[Line]:
    """A justified body line whose segments part at gaps narrower than PROSE_GAP word heights is one
    segment: OCR dropped a mark or read a speck there and left a wide space ("… tháo gỡ    đồng thời …"),
    which as " | " would cut its paragraph in three. Only a line running margin to margin, a line's space
    from another full line of one segment: a header's columns, a number and date line, or "Thời gian: |
    8 giờ" part at gaps as narrow, but neither fill the width nor sit inside a paragraph. Lines are
    changed in place."""
    if not lines:
        return lines
    left, right = margins(lines, page_width)

    def full(line: Line) -> bool:                  # a first-line indent allowed
        return line.x0 <= left + 4 * line.size and line.x1 >= right - line.size

    def close(a: Line, b: Line) -> bool:           # a above b, a line's space apart
        return 0 <= b.top - a.bottom <= 0.9 * b.size

    for k, line in enumerate(lines):
        beside = [lines[k - 1]] if k and close(lines[k - 1], line) else []
        beside += [lines[k + 1]] if k + 1 < len(lines) and close(line, lines[k + 1]) else []
        if len(line.segments) > 1 and full(line) and _narrow_gaps(line) \
                and any(len(n.segments) == 1 and full(n) for n in beside):
            _set_segments(line, [line.words])
    return lines


def _narrow_gaps(line: Line) -> bool:
    height = line.size / line.scale                # in the words' pixels
    return all(b[0].x0 - a[-1].x1 < PROSE_GAP * height for a, b in zip(line.segments, line.segments[1:]))


def page_blocks(words: list[Word], page: int, scale: float, width_pt: float,
                grid: Any = None, ink: Any = None) -> list[Block]:
    """Paragraph and table blocks of one OCR'd page, top to bottom; `grid` is the ruled table's
    Rules (ys, xs) when the image has one, and `ink` the page's dark-pixel mask."""
    words = clean_words(words)
    items: list[tuple[float, Block]] = []
    if grid is not None:
        inside = [w for w in words if in_grid(w, grid.ys, grid.xs)]
        rows = grid_rows(inside, grid.ys, grid.xs, ink)
        if rows:
            items.append((grid.ys[0] * scale, Block(kind="table", rows=rows, page=page)))
            words = [w for w in words if not in_grid(w, grid.ys, grid.xs)]
    lines = [l for l in group_lines(words, scale) if not PAGE_NUMBER.match(l.text)]
    tables = find_tables(lines)
    in_table = {i for first, last, _ in tables for i in range(first, last + 1)}
    for first, last, rows in tables:
        items.append((lines[first].top, Block(kind="table", rows=rows, page=page)))
    body = _join_narrow_gaps([line for i, line in enumerate(lines) if i not in in_table], width_pt)
    tops = [top for top, block in items if block.kind == "table"]
    for group in paragraphs(body, tops, width_pt):
        text = " ".join(b.text for b in join_hyphenated([Block(text=l.text) for l in group]))
        items.append((group[0].top, Block(text=text, page=page)))
    items.sort(key=lambda item: item[0])
    return [block for _, block in items]
