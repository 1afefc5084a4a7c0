"""Task tables as CSV, XLSX and JSON; the DOCX review report (phiếu thẩm định). CSV and XLSX cells
never hold a live formula (service/spreadsheet.py)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..spreadsheet import csv_cell, xlsx_cell

COLUMNS = [("document_number", "Số văn bản"), ("task_id", "Mã nhiệm vụ"), ("section", "Mục"),
           ("text", "Nội dung nhiệm vụ"), ("lead", "Chủ trì"), ("support", "Phối hợp"),
           ("deadline", "Thời hạn"), ("deadline_end", "Hạn cuối"), ("vague_score", "Điểm chung chung")]
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    """UTF-8 with a BOM so that Excel shows Vietnamese correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _, label in COLUMNS])
    for row in rows:
        writer.writerow(["" if row.get(k) is None else csv_cell(row[k]) for k, _ in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Nhiệm vụ"
    sheet.append([label for _, label in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([xlsx_cell(sheet, row.get(k)) for k, _ in COLUMNS])
    for letter, width in zip("ABCDEFGHI", (16, 10, 8, 80, 30, 30, 20, 12, 10)):
        sheet.column_dimensions[letter].width = width
    for cell in sheet["D"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_json(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8")


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "json": to_json}
