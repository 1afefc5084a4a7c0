"""DOCX via python-docx: body paragraphs and tables in document order.

Merged cells are written once: a horizontally merged cell keeps its text in its first grid column
and leaves the spanned columns empty; a vertically merged cell keeps its text in its first row and
is empty below. A nested table's text is flattened into its parent cell.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..document import Block
from ..errors import CorruptFileError, FileTooLargeError, IngestError
from ..limits import check_decoded
from .base import Parsed
from ..messages import say

MAX_RATIO = 100
RATIO_FLOOR = 2**20  # entries smaller than this are never treated as bombs


def read(data: bytes) -> Parsed:
    """Blocks of the document body; raises for damaged files and zip bombs."""
    check_zip(data)
    try:
        document = open_docx(io.BytesIO(data))
        blocks = list(_body_blocks(document.element.body, document))
    except IngestError:
        raise
    except Exception as exc:  # zipfile, lxml and python-docx errors on damaged input
        raise CorruptFileError(say("docx_damaged")) from exc
    return Parsed(blocks)


def check_zip(data: bytes) -> None:
    """Refuse damaged archives and ones that would expand too much (zip bombs)."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError, EOFError) as exc:  # RuntimeError: "version 18.7"
        raise CorruptFileError(say("docx_damaged")) from exc
    check_decoded(sum(entry.file_size for entry in entries), "Tệp DOCX")
    for entry in entries:
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise FileTooLargeError(say("docx_ratio", entry=entry.filename, ratio=MAX_RATIO))


def _body_blocks(element: Any, parent: Any) -> Iterator[Block]:
    """Paragraph and table blocks of a body-like element, content controls included."""
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, parent)
            if paragraph.text.strip():
                yield Block(text=_with_list_marker(paragraph), bold=_is_bold(paragraph))
        elif child.tag == qn("w:tbl"):
            rows = _table_rows(child)
            if rows:
                yield Block(kind="table", rows=rows)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_blocks(content, parent)


def _table_rows(tbl: Any) -> list[list[str]]:
    """Cell texts row by row, merged cells written once."""
    rows = []
    for tr in tbl.findall(qn("w:tr")):
        row: list[str] = []
        for tc in tr.findall(qn("w:tc")):
            text = "" if tc.vMerge == "continue" else _cell_text(tc)
            row += [text] + [""] * (tc.grid_span - 1)
        rows.append(row)
    width = max(map(len, rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows if any(c.strip() for c in r)]


def _cell_text(tc: Any) -> str:
    """All paragraphs of a cell, nested tables included, one per line."""
    texts = (Paragraph(p, None).text.strip() for p in tc.iter(qn("w:p")))
    return "\n".join(t for t in texts if t)


_MARKER = re.compile(r"\s*(?:[-–—•+*]|\(?\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]{1,5}\.)\s")


def _with_list_marker(paragraph: Paragraph) -> str:
    """The paragraph's text; a paragraph numbered by Word's list numbering (no marker in its text) gets a
    "- " so that it reads as the list item it is."""
    text = paragraph.text
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.numPr is not None
    style = paragraph.style
    while style is not None and not numbered:          # numbering set by a list style ("List Number")
        spr = style.element.pPr
        numbered = spr is not None and spr.numPr is not None
        style = style.base_style
    return "- " + text.lstrip() if numbered and not _MARKER.match(text) else text


def _is_bold(paragraph: Paragraph) -> bool:
    """Every run with text is bold (directly, by character style or by the paragraph's style chain). A
    "Heading" style alone does not make a heading: documents set it on ordinary list items."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(_run_bold(run, paragraph) for run in runs)


def _run_bold(run: Any, paragraph: Paragraph) -> bool:
    """Direct formatting first, then the character style, then the paragraph style chain."""
    if run.bold is not None:
        return run.bold
    for style in (run.style, paragraph.style):
        while style is not None:
            if style.font.bold is not None:
                return style.font.bold
            style = style.base_style
    return False
