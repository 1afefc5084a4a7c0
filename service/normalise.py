"""Normalise stage: turn ingested blocks into one clean text with page, table and cell offsets.

Each paragraph becomes one line; each table row becomes one line of cells joined by " | ".
Text is Unicode NFC with layout whitespace folded and old-style tone placement kept as written.
"""
from __future__ import annotations

import re
import unicodedata

from .document import Block, Cell, Document, Page, Table, TableRow

CELL_SEPARATOR = " | "
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_OCR_ZERO = re.compile(r"(?<=\d)[ØøOo](?=[\d/.,-])|(?<=[\d/])Ø|Ø(?=\d)")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\S) +([,.;:!?%)\]])(?=\s|$)|(?<=[(\[]) +")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f\ufeff\u00ad]")


def clean_line(text: str) -> str:
    """NFC, drop control characters, fold spaces, mend OCR zeros ("2Ø24" → "2024"); newlines become
    spaces (ingest joins hyphen breaks)."""
    text = _OCR_ZERO.sub("0", unicodedata.normalize("NFC", _CONTROL.sub("", text)))
    text = _SPACES.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)


class _TextBuilder:
    """Appends lines and remembers where each one starts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, line: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(line + "\n")
        self.length += len(line) + 1
        return start, start + len(line)

    def text(self) -> str:
        return "".join(self.parts)


def _add_table(builder: _TextBuilder, block: Block, table_id: str) -> Table | None:
    rows: list[TableRow] = []
    for raw in block.rows:
        cells_text = [clean_line(c) for c in raw]
        if not any(cells_text):
            continue
        line = CELL_SEPARATOR.join(cells_text)
        start, end = builder.add(line)
        cells, pos = [], start
        for value in cells_text:
            cells.append(Cell(text=value, start=pos, end=pos + len(value)))
            pos += len(value) + len(CELL_SEPARATOR)
        rows.append(TableRow(cells=cells, start=start, end=end))
    if not rows:
        return None
    return Table(id=table_id, start=rows[0].start, end=rows[-1].end, page=block.page, rows=rows)


def normalise(doc: Document) -> Document:
    """Build `doc.text`, `doc.pages` and `doc.tables` from `doc.blocks`."""
    builder = _TextBuilder()
    doc.bold_lines = []
    tables: list[Table] = []
    page_starts: dict[int, int] = {}
    for block in doc.blocks:
        if block.page is not None:
            page_starts.setdefault(block.page, builder.length)
        if block.kind == "table":
            table = _add_table(builder, block, f"tbl{len(tables) + 1}")
            if table:
                tables.append(table)
        else:
            line = clean_line(block.text)
            if line:
                start, _ = builder.add(line)
                if block.bold:
                    doc.bold_lines.append(start)
    doc.text = builder.text()
    doc.tables = tables
    doc.pages = _pages(page_starts, len(doc.text))
    return doc


def _pages(starts: dict[int, int], length: int) -> list[Page]:
    numbers = sorted(starts)
    pages = []
    for i, number in enumerate(numbers):
        end = starts[numbers[i + 1]] if i + 1 < len(numbers) else length
        pages.append(Page(number=number, start=starts[number], end=end))
    return pages
