"""Target tables (bảng chỉ tiêu): a header "Chỉ tiêu | Đơn vị tính | Năm 2025 | Mục tiêu 2030" and one
indicator per row. Each row gives one target: the indicator cell, the unit cell and the figure in the
right-most plan column (a year or a plan word in its header, no result word: "Thực hiện 2025" is a
baseline). The year comes from that column's header."""
from __future__ import annotations

import re
from functools import cache

from ..document import Document, Table, TableRow, Target
from ..lexicons import load
from ..text import phrase_pattern
from .numbers import NUMBER, parse_number, parse_range

_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_FIGURE = re.compile(rf"^\s*(?P<op>≥|>=|≤|<=|>|<|tối thiểu|tối đa|trên|dưới)?\s*(?P<num>{NUMBER}"
                     rf"(?:\s*[-–]\s*{NUMBER})?)\s*(?P<unit>%|[^\d\s].*)?$", re.IGNORECASE)
_AT_LEAST = ("≥", ">=", ">", "tối thiểu", "trên")


@cache
def _columns() -> dict[str, re.Pattern]:
    """One whole-word pattern per column kind (indicator, unit, plan, result)."""
    return {kind: phrase_pattern(words) for kind, words in load("targets")["target_table"].items()}


def table_targets(doc: Document) -> list[Target]:
    """The targets of every target table of the document."""
    found: list[Target] = []
    for table in doc.tables:
        layout = target_columns(_header(table)) if not table.columns else None
        if layout:
            found.extend(t for row in table.rows[1:] if (t := _row_target(row, *layout)))
    return found


def target_columns(header: list[str]) -> tuple[int, int | None, int, int | None] | None:
    """(indicator, unit, value column, year) for a target-table header, else None."""
    cells = [c.lower().strip() for c in header]
    words = _columns()
    indicator = next((i for i, c in enumerate(cells) if words["indicator"].search(c)), None)
    if indicator is None:
        return None
    unit = next((i for i, c in enumerate(cells) if i != indicator and words["unit"].search(c)), None)
    plans = [i for i, c in enumerate(cells) if i not in (indicator, unit)
             and (_YEAR.search(c) or words["plan"].search(c)) and not words["result"].search(c)]
    if not plans:
        return None
    value = plans[-1]
    year = _YEAR.search(cells[value])
    return indicator, unit, value, int(year.group()) if year else None


def measure_table(header: list[str]) -> bool:
    """A table of indicators (targets or results): read by column, never line by line."""
    cells = [c.lower().strip() for c in header]
    words = _columns()
    indicator = any(words["indicator"].search(c) for c in cells)
    figures = any(_YEAR.search(c) or any(words[k].search(c) for k in ("plan", "result", "unit")) for c in cells)
    return indicator and figures


def _header(table: Table) -> list[str]:
    return [c.text for c in table.rows[0].cells] if table.rows else []


def _row_target(row: TableRow, indicator: int, unit: int | None, value: int, year: int | None) -> Target | None:
    cells = row.cells
    if value >= len(cells) or indicator >= len(cells) or not cells[indicator].text.strip():
        return None
    match = _FIGURE.match(cells[value].text)
    if not match:
        return None
    bounds = parse_range(match["num"])
    number = bounds[0] if bounds else parse_number(match["num"])
    if number is None:
        return None
    unit_text = (cells[unit].text.strip() if unit is not None and unit < len(cells) else "") or (match["unit"] or "").strip()
    op = (match["op"] or "").lower()
    comparator = "range" if bounds else ">=" if op in _AT_LEAST else "<=" if op else "="
    return Target(text=" | ".join(c.text for c in cells), indicator=cells[indicator].text.strip(),
                  value=number, value_max=bounds[1] if bounds else None, unit=unit_text or None,
                  comparator=comparator, year=year, start=row.start, end=row.end)
