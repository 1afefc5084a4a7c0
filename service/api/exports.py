"""Task tables as CSV, XLSX and JSON. Rows are dicts (service/api/views.py `export_rows`); the XLSX has
numeric scores, real date cells (dd/mm/yyyy), wrapped text, an autofilter and frozen headers. CSV and
XLSX cells never hold a live formula (service/spreadsheet.py)."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from typing import Any

from ..spreadsheet import csv_cell, xlsx_cell
from ..text import strip_diacritics

# key, header, XLSX width, wrapped
COLUMNS = [("document_number", "Số văn bản", 16, False), ("task_id", "Mã nhiệm vụ", 10, False),
           ("section", "Mục", 28, True), ("text", "Nội dung nhiệm vụ", 70, True),
           ("lead", "Chủ trì", 28, True), ("support", "Phối hợp", 28, True),
           ("deadline", "Thời hạn", 22, True), ("deadline_end", "Hạn cuối", 12, False),
           ("level", "Mức cụ thể", 13, False), ("vague_score", "Điểm chung chung (0–1)", 12, False),
           ("cues", "Từ ngữ chung chung", 24, True), ("missing", "Còn thiếu", 22, True),
           ("targets", "Chỉ tiêu", 28, True), ("budget", "Kinh phí", 22, True),
           ("output", "Sản phẩm", 24, True), ("corrected", "Đã hiệu chỉnh", 12, False)]
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "pdf": "application/pdf"}


def file_stem(prefix: str, number: str | None, fallback: str) -> str:
    """'phieu-tham-dinh' + '38/KH-UBND' → 'phieu-tham-dinh-38-KH-UBND' (ASCII, safe in a header)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", strip_diacritics(number or "").replace("đ", "d").replace("Đ", "D"))
    return f"{prefix}-{slug.strip('-') or fallback}"


def _iso_date(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    return value


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    """UTF-8 with a BOM so that Excel shows Vietnamese correctly; dates dd/mm/yyyy."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _, label, _, _ in COLUMNS])
    for row in rows:
        values = [_iso_date(row.get(k)) for k, _, _, _ in COLUMNS]
        writer.writerow(["" if v is None else v.strftime("%d/%m/%Y") if isinstance(v, date) else csv_cell(v)
                         for v in values])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Nhiệm vụ"
    sheet.append([label for _, label, _, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F3")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        sheet.append([xlsx_cell(sheet, _iso_date(row.get(k))) for k, _, _, _ in COLUMNS])
    for index, (key, _, width, wrap) in enumerate(COLUMNS, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
            if isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
            elif key == "vague_score" and cell.value is not None:
                cell.number_format = "0.00"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_json(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=1, default=str).encode("utf-8")


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "json": to_json}
