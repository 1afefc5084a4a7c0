"""Plain text: decode, then one paragraph per line, with pipe tables gathered into table blocks.

Tables come as runs of consecutive lines, either markdown ("| a | b |", "| --- | --- |") or bare
("2 | Hoàn thành ... | Bộ Tài chính | Quý III năm 2022": at least two " | " separators; the first
cell may be empty). A line with a single " | " stays a paragraph, as written.
"""
from __future__ import annotations

import re

from ..document import Block
from .base import Parsed
from ..text import is_upper
from .charsets import decode_text

_SPLIT = re.compile(r"(?<!\\)\|")
_SEPARATOR_CELL = re.compile(r":?-{3,}:?")
_STRONG = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])")
_BOLD_LINE = re.compile(r"\*\*([^*].*?)\*\*")


def read(data: bytes) -> Parsed:
    """Decode the bytes and split them into blocks."""
    text, encoding = decode_text(data)
    return Parsed(unwrap(parse_lines(text.splitlines())), encoding=encoding)


def parse_lines(lines: list[str]) -> list[Block]:
    """Paragraph blocks for ordinary lines, one table block per run of table lines."""
    blocks: list[Block] = []
    run: list[list[str] | None] = []
    for raw in lines:
        line = raw.rstrip()
        cells = table_cells(line)
        if cells is not None:
            run.append(None if _is_separator(cells) else cells)
            continue
        _flush(run, blocks)
        if line.strip():
            blocks.append(_paragraph(line))
    _flush(run, blocks)
    return blocks


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
    """A paragraph; a line wholly in **...** is a bold heading; *emphasis* marks are dropped."""
    match = _BOLD_LINE.fullmatch(line.strip())
    if match:
        return Block(text=match.group(1), bold=True)
    return Block(text=_unemphasise(line))


_LIST_START = re.compile(r"\s*(?:[-–—•+*]\s|[a-zđ][).]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s)")
_BLOCK_START = re.compile(r"(?:Nơi nhận|Kính gửi|TM\.|T/M|KT\.|TL\.|Q\.|\(Kèm theo|\(Ban hành kèm)", re.IGNORECASE)
_OPEN_END = re.compile(r"(?:,|\b(?:và|với|của|cho|các|những|về|để|trong|theo|tại|từ|đến|hoặc))$")


def unwrap(blocks: list[Block]) -> list[Block]:
    """Join hard-wrapped lines (OCR output, fixed-width text) back into paragraphs.

    A line goes on the previous one when it starts in lower case without a list marker, or when
    the previous one ends open (a comma or a word like "và", "của", "với")."""
    width = _wrap_width(blocks)
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev and prev.kind == block.kind == "paragraph" and _continues(prev.text, block.text, width):
            glue = "" if prev.text.endswith("-") and block.text[:1].islower() else " "
            text = (prev.text[:-1] if glue == "" else prev.text.rstrip()) + glue + block.text.strip()
            out[-1] = prev.model_copy(update={"text": text, "bold": prev.bold and block.bold})
        else:
            out.append(block)
    return out


def _wrap_width(blocks: list[Block]) -> int | None:
    """The line width of a hard-wrapped text (most lines end near it), else None."""
    lengths = sorted(len(b.text) for b in blocks if b.kind == "paragraph" and " | " not in b.text)
    if len(lengths) < 10:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(0.8 * width <= n <= width for n in lengths)
    return width if width <= 130 and near >= 0.4 * len(lengths) else None


def _continues(prev: str, line: str, width: int | None = None) -> bool:
    """Whether `line` goes on the paragraph `prev` (see `unwrap`)."""
    stripped, prev = line.strip(), prev.rstrip()
    if " | " in prev or " | " in line or _LIST_START.match(line) or _BLOCK_START.match(stripped):
        return False
    if stripped[:1].islower():
        return True
    if prev.endswith(":") or is_upper(prev) or is_upper(stripped):
        return False
    full_line = width is not None and len(prev) >= 0.8 * width and not re.search(r"[.;!?]$", prev)
    return full_line or bool(_OPEN_END.search(prev))
