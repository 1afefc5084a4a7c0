"""Tables rebuilt from OCR word boxes, whatever order Tesseract read the cells in.

Two ways: a ruled grid found in the image (rows between horizontal rules, columns between vertical
rules, a rule missing in a row merges cells), or word positions alone (columns at x gaps shared by
the lines that have three or more segments, rows starting where the first column has text).
"""
from __future__ import annotations

import statistics
from typing import Any, Protocol

from .repair import repair_line
from .tesseract import Word

MIN_SEGMENTS = 3          # a line with this many column-separated segments seeds a table
MAX_LINE_GAP = 8          # table lines may be this many lines apart (wrapped cells)


class LineLike(Protocol):
    words: list[Word]
    segments: list[list[Word]]


def cell_text(words: list[Word]) -> str:
    """Words of one cell in reading order (lines by y, then x), repaired."""
    if not words:
        return ""
    height = statistics.median(w.height for w in words)
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.yc):
        if lines and word.yc - statistics.mean(w.yc for w in lines[-1]) < 0.5 * height:
            lines[-1].append(word)
        else:
            lines.append([word])
    return repair_line(" ".join(w.text for line in lines for w in sorted(line, key=lambda w: w.x0)))


# ---------------------------------------------------------------- ruled grid
def grid_rows(words: list[Word], ys: list[int], xs: list[int], ink: Any = None) -> list[list[str]]:
    """Cell texts of the grid; a vertical rule that does not cross a row merges the cells it parts."""
    from .image import crosses

    rows = []
    for y0, y1 in zip(ys, ys[1:]):
        inner = [x for x in xs[1:-1] if ink is None or crosses(ink, x, y0 + 2, y1 - 2)]
        bounds = [xs[0], *inner, xs[-1]]
        cells = [[w for w in words if y0 <= w.yc < y1 and a <= w.xc < b] for a, b in zip(bounds, bounds[1:])]
        texts = _spread([cell_text(c) for c in cells], bounds, xs)
        if any(texts):
            rows.append(texts)
    return rows


def _spread(texts: list[str], bounds: list[int], xs: list[int]) -> list[str]:
    """Put merged cells back on the full grid: text in the first column, the others empty."""
    out = []
    for text, left in zip(texts, bounds):
        out.append(text)
        right = bounds[bounds.index(left) + 1]
        out += [""] * (sum(1 for x in xs if left < x < right))
    return out


def in_grid(word: Word, ys: list[int], xs: list[int]) -> bool:
    return xs[0] <= word.xc <= xs[-1] and ys[0] <= word.yc <= ys[-1]


# ---------------------------------------------------------------- word positions only
def find_tables(lines: list[LineLike]) -> list[tuple[int, int, list[list[str]]]]:
    """(first line, last line, rows) of each table found from word positions."""
    seeds = [i for i, line in enumerate(lines) if len(line.segments) >= MIN_SEGMENTS]
    out = []
    for cluster in _clusters(seeds):
        if len(cluster) < 2:
            continue
        first, last = cluster[0], cluster[-1]
        columns = column_bounds([w for i in cluster for w in lines[i].words])
        last = _extend(lines, last, columns)
        rows = table_rows([lines[i].words for i in range(first, last + 1)], columns)
        out.append((first, last, rows))
    return out


def _clusters(seeds: list[int]) -> list[list[int]]:
    clusters: list[list[int]] = []
    for i in seeds:
        if clusters and i - clusters[-1][-1] <= MAX_LINE_GAP:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    return clusters


def column_bounds(words: list[Word]) -> list[tuple[float, float]]:
    """x intervals covered by words, merged where the gap is narrower than a word height."""
    height = statistics.median(w.height for w in words)
    spans: list[list[float]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if spans and word.x0 - spans[-1][1] < 1.6 * height:
            spans[-1][1] = max(spans[-1][1], word.x1)
        else:
            spans.append([word.x0, word.x1])
    return [(a, b) for a, b in spans]


def _extend(lines: list[LineLike], last: int, columns: list[tuple[float, float]]) -> int:
    """Take in the following lines whose every segment stays inside one column (wrapped cells)."""
    while last + 1 < len(lines) and all(_column_of_span(seg, columns) is not None
                                        for seg in lines[last + 1].segments):
        last += 1
    return last


def _column_of_span(segment: list[Word], columns: list[tuple[float, float]]) -> int | None:
    height = statistics.median(w.height for w in segment)
    x0, x1 = segment[0].x0, segment[-1].x1
    for k, (a, b) in enumerate(columns):
        if x0 >= a - height and x1 <= b + height:
            return k
    return None


def table_rows(lines: list[list[Word]], columns: list[tuple[float, float]]) -> list[list[str]]:
    """Rows start at lines with text in the first column (or, if every line has some, at each line)."""
    def column(word: Word) -> int:
        return min(range(len(columns)), key=lambda k: _distance(word.xc, columns[k]))

    starts = [any(column(w) == 0 for w in line) for line in lines]
    if all(starts) or not any(starts):
        starts = [True] * len(lines)
    groups: list[list[Word]] = []
    for line, start in zip(lines, starts):
        if start or not groups:
            groups.append([])
        groups[-1].extend(line)
    return [[cell_text([w for w in group if column(w) == k]) for k in range(len(columns))] for group in groups]


def _distance(x: float, span: tuple[float, float]) -> float:
    a, b = span
    return 0.0 if a <= x <= b else min(abs(x - a), abs(x - b))
