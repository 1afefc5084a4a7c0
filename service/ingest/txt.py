"""Plain text: decode, then one block per line, with pipe tables gathered into table blocks.

Tables come as runs of consecutive lines, either markdown ("| a | b |", "| --- | --- |") or bare
("2 | Hoàn thành ... | Bộ Tài chính | Quý III năm 2022": at least two " | " separators; the first
cell may be empty). A line with a single " | " stays a paragraph, as written.

Text exported from a PDF page by page (pdftotext and the like) keeps its layout: a form feed
starts a page, a line's indentation is kept on its block (the layout stage re-joins wrapped lines
with it), and segments separated by a wide run of spaces (the two columns of a document header) are
joined with " | ". Lines are not joined here: that is the layout stage's job.
"""
from __future__ import annotations

import re

from ..document import Block
from .base import Parsed
from .charsets import decode_text

_SPLIT = re.compile(r"(?<!\\)\|")
_SEPARATOR_CELL = re.compile(r":?-{3,}:?")
_STRONG = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])")
_BOLD_LINE = re.compile(r"\*\*([^*].*?)\*\*")


_COLUMN_GAP = re.compile(r"(?<=\S) {6,}(?=\S)")
_NUMBER_GAP = re.compile(r"(\bS[ốo]\s*:?\s*\d*) \| (?=/)")   # "Số: 904      /BC-SNNMT" is one field


def read(data: bytes) -> Parsed:
    """Decode the bytes and split them into blocks; form feeds start pages."""
    text, encoding = decode_text(data)
    pages = text.split("\f")
    if len(pages) == 1:
        return Parsed(parse_lines(text.splitlines()), encoding=encoding)
    blocks = [b.model_copy(update={"page": number})
              for number, page in enumerate(pages, 1) for b in parse_lines(page.splitlines())]
    return Parsed(blocks, encoding=encoding, pages=len(pages))


def parse_lines(lines: list[str]) -> list[Block]:
    """Paragraph blocks for ordinary lines, one table block per run of table lines."""
    blocks: list[Block] = []
    run: list[list[str] | None] = []
    blank = False
    for raw in lines:
        line = _split_columns(raw.rstrip().expandtabs(8))
        cells = table_cells(line)
        if cells is not None:
            run.append(None if _is_separator(cells) else cells)
            continue
        _flush(run, blocks)
        if line.strip():
            blocks.append(_paragraph(line).model_copy(update={"blank_before": blank}))
        blank = not line.strip()
    _flush(run, blocks)
    return blocks


def _split_columns(line: str) -> str:
    """Join side-by-side segments of a layout line with " | " (kept as the line's indentation + text)."""
    body = line.lstrip(" ")
    if "|" in body or not _COLUMN_GAP.search(body):
        return line
    return line[:len(line) - len(body)] + _NUMBER_GAP.sub(r"\1 ", _COLUMN_GAP.sub(" | ", body))


def table_cells(line: str) -> list[str] | None:
    """The cells of a table line, or None when the line is not part of a table."""
    stripped = line.strip()
    if len(stripped) > 1 and line.startswith("|") and stripped.endswith("|"):
        return _cells(stripped[1:-1])   # markdown "| a | b |" (a bare row " | b | " starts with a space)
    if line.count(" | ") >= 2 or (stripped.startswith("| ") and stripped.count(" | ") >= 1):
        return _cells(line)
    return None


def _cells(text: str) -> list[str]:
    return [_unemphasise(cell.strip().replace("\\|", "|")) for cell in _SPLIT.split(text)]


def _unemphasise(cell: str) -> str:
    """Drop markdown *emphasis* and **strong** markers."""
    return _EMPHASIS.sub(r"\1", _STRONG.sub(r"\1", cell))


def _is_separator(cells: list[str]) -> bool:
    return all(_SEPARATOR_CELL.fullmatch(c) or not c for c in cells) and any(cells)


def _flush(run: list[list[str] | None], blocks: list[Block]) -> None:
    """Turn the pending table lines into one table block (padded to equal width)."""
    rows = [r for r in run if r is not None]
    run.clear()
    if not rows:
        return
    width = max(map(len, rows))
    blocks.append(Block(kind="table", rows=[r + [""] * (width - len(r)) for r in rows]))


def _paragraph(line: str) -> Block:
    """A paragraph with its indentation; a line wholly in **...** is a bold heading; *emphasis* marks
    are dropped."""
    indent = len(line) - len(line.lstrip(" "))
    match = _BOLD_LINE.fullmatch(line.strip())
    if match:
        return Block(text=match.group(1), bold=True, indent=indent)
    return Block(text=_unemphasise(line.strip()), indent=indent)
