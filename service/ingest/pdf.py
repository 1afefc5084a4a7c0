"""PDF via pdfplumber: text lines and ruled tables, page by page, in reading order.

Words inside a table's box belong to the table only. Lines that sit side by side with a wide gap
(the two-column header of a Vietnamese document) are joined with " | ", as in converted text.
A line ending in "letter-" followed by a line starting in lowercase is joined to it: the hyphen
becomes a space after a whole Vietnamese syllable ("phát-/triển" -> "phát triển") and is dropped
after a broken word ("develop-/ment" -> "development").
"""
from __future__ import annotations

import io
from typing import Any

import pdfplumber
from pdfplumber.utils.text import extract_text

from ..document import Block, OcrPage, Problem
from ..errors import CorruptFileError, EncodingError, EncryptedFileError, IngestError, NoTextLayerError
from .base import Parsed
from ..lexicons import load
from ..limits import check_pages
from .ocr.syllables import quality, word_count
from .charsets import convert_legacy
from .page_layout import PAGE_NUMBER, join_across_pages, join_hyphenated, paragraphs
from ..messages import say

COLUMN_GAP_EM = 2.0
X_TOLERANCE_RATIO = 0.15   # a gap wider than 15% of the font size between letters is a space (some PDFs omit space glyphs)
Box = tuple[float, float, float, float]


def read(data: bytes) -> Parsed:
    """Blocks of every page; pages without a usable text layer are OCR'd when Tesseract is installed;
    raises for damaged, encrypted or scanned PDFs that cannot be read."""
    if b"%%EOF" not in data[-2048:]:
        raise CorruptFileError(say("pdf_truncated"))
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            check_pages(len(document.pages))
            pages = [_page_blocks(page, number) for number, page in enumerate(document.pages, 1)]
            pages, problems, ocr_pages = _ocr_where_needed(document.pages, pages)
    except IngestError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged input
        raise _classify(exc) from exc
    if not pages:
        raise CorruptFileError(say("pdf_no_pages"))
    blocks = [block for page in pages for block in page]
    if not blocks:
        raise NoTextLayerError(say("pdf_scanned", pages=len(pages)))
    if sum("(cid:" in b.text for b in blocks) > len(blocks) / 2:
        raise EncodingError(say("pdf_no_unicode"))
    return Parsed(join_across_pages(join_hyphenated(blocks)), pages=len(pages), problems=tuple(problems),
                  ocr_pages=tuple(ocr_pages))


def _ocr_where_needed(pdf_pages: list[Any], pages: list[list[Block]]
                      ) -> tuple[list[list[Block]], list[Problem], list[OcrPage]]:
    """Replace pages whose text layer is empty (with an image) or garbage by their OCR, where OCR
    reads better; without Tesseract, raise when no page has text, else keep them with a warning."""
    need = [n for n, (page, blocks) in enumerate(zip(pdf_pages, pages), 1) if _needs_ocr(page, blocks)]
    if not need:
        return pages, [], []
    from .ocr import reader as ocr

    if not ocr.available():
        if all(not pages[n - 1] or layer_quality(pages[n - 1]) < 0.5 for n in range(1, len(pages) + 1)):
            from .ocr.tesseract import binary
            binary()  # raises, saying how to install Tesseract
        return pages, [Problem(stage="ingest", code="ocr_unavailable",
                               message=say("ocr_unavailable", pages=", ".join(map(str, need))))], []
    results = ocr.ocr_pdf_pages(pdf_pages, need)
    pages = list(pages)
    used = [r for r in results if not pages[r.number - 1] or r.quality > layer_quality(pages[r.number - 1])]
    for result in used:
        pages[result.number - 1] = result.blocks
    return pages, ocr.problems(results, len(pages)), ocr.page_reports(used)


def _needs_ocr(page: Any, blocks: list[Block]) -> bool:
    """No text but an image (a scan), or text that is not Vietnamese in any known font encoding."""
    thresholds = load("ocr")["quality"]
    text = _blocks_text(blocks)
    if word_count(text) < thresholds["min_words"]:
        return bool(page.images)
    return layer_quality(blocks) < thresholds["garbage_below"]


def layer_quality(blocks: list[Block]) -> float:
    """Share of valid Vietnamese syllables, the text read as Unicode, TCVN3 or VNI (the best)."""
    text = _blocks_text(blocks)[:20000]
    if "(cid:" in text:
        return 0.0
    return max(quality(text), *(quality(convert_legacy(text, name)) for name in ("tcvn3", "vni")))


def _blocks_text(blocks: list[Block]) -> str:
    return " ".join(b.text or " ".join(c for row in b.rows for c in row) for b in blocks)


def _classify(exc: Exception) -> IngestError:
    """Map a pdfminer failure to an encrypted or corrupt-file error."""
    chain, seen = [], exc
    while seen is not None:
        chain.append(f"{type(seen).__name__} {seen}".lower())
        seen = seen.__cause__ or seen.__context__
    if any("password" in text or "encrypt" in text for text in chain):
        return EncryptedFileError(say("pdf_encrypted"))
    return CorruptFileError(say("pdf_damaged"))


def _page_blocks(page: Any, number: int) -> list[Block]:
    """Text lines and tables of one page, sorted top to bottom."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    body = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    items = [(t.bbox[1], Block(kind="table", rows=_rows(t.extract()), page=number)) for t in tables]
    lines = [_Line(line, _line_text(line["chars"])) for line in body.extract_text_lines(return_chars=True)]
    lines = [line for line in lines if line.text and not PAGE_NUMBER.match(line.text)]
    for paragraph in paragraphs(lines, [t.bbox[1] for t in tables], page.width):
        text = " ".join(b.text for b in join_hyphenated([Block(text=l.text) for l in paragraph]))
        items.append((paragraph[0].top, Block(text=text, page=number, bold=all(l.bold for l in paragraph))))
    items.sort(key=lambda item: item[0])
    return [block for _, block in items]


class _Line:
    """One text line with the geometry that paragraph rebuilding needs."""

    def __init__(self, line: dict, text: str):
        self.text = text
        self.top, self.bottom = line["top"], line["bottom"]
        self.x0, self.x1 = line["x0"], line["x1"]
        sizes = [c["size"] for c in line["chars"] if c["text"].strip()] or [10.0]
        self.size = max(set(sizes), key=sizes.count)
        self.bold = _is_bold(line["chars"])


def _inside(obj: dict, boxes: list[Box]) -> bool:
    """Whether the centre of a character lies in one of the boxes."""
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _rows(raw: list[list[str | None]]) -> list[list[str]]:
    """Cell texts with inner line breaks joined; merged cells (None) become empty."""
    rows = [[_cell_text(cell) for cell in row] for row in raw]
    return [row for row in rows if any(row)]


def _cell_text(cell: str | None) -> str:
    lines = [line.strip() for line in (cell or "").splitlines() if line.strip()]
    return " ".join(b.text for b in join_hyphenated([Block(text=line) for line in lines]))


def _line_text(chars: list[dict]) -> str:
    """Text of one line; segments separated by a column-wide gap are joined with " | "."""
    chars = sorted(chars, key=lambda c: c["x0"])
    segments, current = [], []
    for char in chars:
        if current and char["x0"] - current[-1]["x1"] > COLUMN_GAP_EM * char["size"]:
            segments.append(current)
            current = []
        if char["text"].strip() or current:
            current.append(char)
    segments.append(current)
    texts = [" ".join(extract_text(seg, x_tolerance_ratio=X_TOLERANCE_RATIO).split()) for seg in segments if seg]
    return " | ".join(t for t in texts if t)


def _is_bold(chars: list[dict]) -> bool:
    """Every visible character is set in a bold font."""
    visible = [c for c in chars if c["text"].strip()]
    return bool(visible) and all("bold" in str(c.get("fontname", "")).lower() for c in visible)
