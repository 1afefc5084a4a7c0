"""The run's summary: summary.json, an XLSX workbook (summary, quarters, owners, links, copy,
failures) and loading the analyses into the service's database (`--load-db`)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from openpyxl import Workbook

from ..spreadsheet import xlsx_cell

XLSX_ROWS = 5000          # rows per detail sheet (the Parquet/CSV tables hold everything)


# Sheet titles and column headers as a reviewer reads them (the Parquet/CSV tables keep the codes).
SHEETS = {"summary": "Tóm tắt", "quarters": "Theo quý", "owners": "Đơn vị chủ trì", "links": "Liên kết cấp trên",
          "copy": "Sao chép", "failures": "Tệp lỗi"}
HEADERS = {"item": "Mục", "value": "Giá trị", "quarter": "Quý", "due": "Đến hạn", "overdue": "Quá hạn",
           "owner": "Đơn vị", "documents": "Số văn bản", "tasks": "Số nhiệm vụ", "vague": "Chung chung",
           "no_deadline": "Thiếu thời hạn", "vague_share": "Tỷ lệ chung chung", "sha256": "Mã tệp (sha256)",
           "number": "Số văn bản", "parent_sha256": "Mã tệp cấp trên", "parent_number": "Số văn bản cấp trên",
           "method": "Cách liên kết", "jaccard": "Độ trùng Jaccard", "content": "Độ giống nội dung",
           "copy_ratio": "Tỷ lệ sao chép", "coverage": "Độ bao phủ", "verbatim": "Sao chép nguyên văn",
           "adapted": "Cụ thể hóa", "new": "Mới", "error": "Lỗi", "name": "Tệp", "code": "Mã lỗi",
           "message": "Nội dung lỗi"}


def _sheet(book: Workbook, title: str, rows: list[dict[str, Any]]) -> None:
    sheet = book.create_sheet(SHEETS.get(title, title))
    if not rows:
        sheet.append(["(không có)"])
        return
    sheet.append([HEADERS.get(k, k) for k in rows[0]])
    for row in rows[:XLSX_ROWS]:
        sheet.append([xlsx_cell(sheet, v if isinstance(v, (int, float, str, type(None))) else str(v))
                      for v in row.values()])


def quarters(out: Path) -> list[dict[str, Any]]:
    """Items falling due per quarter, and how many of them are overdue."""
    rows = pq.read_table(out / "calendar.parquet", columns=["quarter", "overdue"]).to_pylist()
    due, late = Counter(r["quarter"] for r in rows), Counter(r["quarter"] for r in rows if r["overdue"])
    return [{"quarter": q, "due": n, "overdue": late[q]} for q, n in sorted(due.items())]


def write_xlsx(out: Path, summary: dict[str, Any]) -> Path:
    book = Workbook(write_only=True)
    flat = [{"item": k, "value": v if not isinstance(v, (list, dict)) else json.dumps(v, ensure_ascii=False)}
            for k, v in summary.items()]
    _sheet(book, "summary", flat)
    _sheet(book, "quarters", quarters(out))
    for name in ("owners", "links", "copy", "failures"):
        _sheet(book, name, pq.read_table(out / f"{name}.parquet").slice(0, XLSX_ROWS).to_pylist())
    path = out / "summary.xlsx"
    book.save(path)
    return path


def write_summary(out: Path, summary: dict[str, Any]) -> None:
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str),
                                      encoding="utf-8")
    write_xlsx(out, summary)


def load_db(out: Path, chunk: int = 200) -> int:
    """Store every analysed document of DIR in the service's database (RASOAT_* settings);
    documents already there (same sha256) are left alone. How many were added."""
    from ..config import Settings
    from ..document import Document
    from ..store import Store, documents

    settings = Settings()
    store = Store.open(settings.data_dir, settings.database_url)
    rows = pq.read_table(out / "documents.parquet", columns=["sha256", "name"]).to_pylist()
    added = 0
    try:
        for i in range(0, len(rows), chunk):
            with store.session() as s:
                for r in rows[i:i + chunk]:
                    if documents.by_sha(s, r["sha256"]) is None:
                        text = (out / "docs" / f"{r['sha256']}.json").read_text(encoding="utf-8")
                        documents.save_document(s, Document.model_validate_json(text), r["sha256"], r["name"])
                        added += 1
    finally:
        store.close()
    return added
