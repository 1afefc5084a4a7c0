"""Cells that spreadsheets never evaluate (CSV/formula injection, OWASP's rule): a text starting with
=, +, -, @, a tab or a carriage return is prefixed with ' in CSV, and written to XLSX as a string
cell with Excel's quote prefix, so "=HYPERLINK(…)" stays text even after the cell is edited."""
from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def risky(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_cell(value: Any) -> Any:
    """The value for a CSV cell: risky texts get a leading apostrophe."""
    return "'" + value if risky(value) else value


def xlsx_cell(sheet: Any, value: Any) -> Any:
    """An openpyxl cell for `value` (usable with `sheet.append` in normal and write-only books):
    texts are string cells, never formulas; risky ones carry the quote prefix."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"
        if risky(value):
            cell.quotePrefix = True
    return cell
