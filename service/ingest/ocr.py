"""OCR reader for scanned PDF pages and images (PNG, JPEG, TIFF...): Tesseract with its Vietnamese
model, page by page: orientation (OSD) and skew corrected first, ruled tables rebuilt from the grid,
OCR confusions repaired, and a quality estimate per page (share of valid Vietnamese syllables).

Pillow, numpy and the `tesseract` binary are only touched when a page actually needs OCR.
"""
from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..document import Block, OcrPage, Problem
from ..errors import NoTextLayerError
from ..lexicons import load
from .base import Parsed

DPI = 300


@dataclass
class PageOcr:
    """What OCR made of one page."""

    number: int
    blocks: list[Block] = field(default_factory=list)
    quality: float = 0.0
    rotated: int = 0
    seconds: float = 0.0


def available() -> bool:
    """Whether `tesseract` and its Vietnamese model are installed."""
    from ..ocr import tesseract

    try:
        tesseract.binary()
    except NoTextLayerError:
        return False
    return True


def ocr_page(image: Any, number: int) -> PageOcr:
    """OCR one page image: upright, deskewed, words, grid, blocks, quality."""
    import time

    from ..ocr import image as pictures, layout, tesseract
    from ..ocr.syllables import quality

    began = time.perf_counter()
    image = pictures.without_colour(image)
    rotated = tesseract.orientation(image)
    if rotated:
        image = image.rotate(rotated, expand=True, fillcolor=255)
    skew = pictures.skew_angle(image)
    if abs(skew) >= 0.25:
        image = image.rotate(skew, expand=False, fillcolor=255)
    words = tesseract.words(image)
    grid = pictures.rules(image)
    blocks = layout.page_blocks(words, number, 72 / DPI, image.width * 72 / DPI,
                                grid if grid.ys else None, pictures.dark(image) if grid.ys else None)
    text = " ".join(b.text or " ".join(c for row in b.rows for c in row) for b in blocks)
    return PageOcr(number, blocks, round(quality(text), 3), rotated, time.perf_counter() - began)


def ocr_images(images: list[tuple[int, Any]]) -> list[PageOcr]:
    """OCR pages in parallel (one single-threaded tesseract per core)."""
    from ..ocr import tesseract

    tesseract.binary()
    workers = max(1, min(len(images), os.cpu_count() or 1))
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda item: ocr_page(item[1], item[0]), images))


def ocr_pdf_pages(pages: list[Any], numbers: list[int]) -> list[PageOcr]:
    """Rasterise the pdfplumber pages `numbers` (1-based) at DPI and OCR them, a few at a time."""
    out: list[PageOcr] = []
    chunk = max(1, os.cpu_count() or 1)
    for k in range(0, len(numbers), chunk):
        batch = [(n, pages[n - 1].to_image(resolution=DPI).original) for n in numbers[k:k + chunk]]
        out += ocr_images(batch)
    return out


def read_image(data: bytes) -> Parsed:
    """An image file (every frame of a TIFF is a page) read by OCR."""
    from ..ocr import tesseract

    tesseract.binary()
    frames = _frames(data)
    results = ocr_images(list(enumerate(frames, 1)))
    blocks = [block for result in results for block in result.blocks]
    return Parsed(blocks, pages=len(frames), problems=tuple(problems(results, len(frames))),
                  ocr_pages=tuple(page_reports(results)))


def page_reports(results: list[PageOcr]) -> list[OcrPage]:
    """Quality and rotation of every OCR'd page, for SourceFile.ocr_pages."""
    return [OcrPage(number=r.number, quality=r.quality, rotated=r.rotated or 0) for r in results]


def _frames(data: bytes) -> list[Any]:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.convert("RGB") for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise NoTextLayerError(f"The image cannot be read for OCR (ảnh quét bị hỏng): {exc}") from exc
    dpi = image.info.get("dpi", (DPI, DPI))[0] or DPI
    if abs(dpi - DPI) > 30:
        frames = [f.resize((round(f.width * DPI / dpi), round(f.height * DPI / dpi))) for f in frames]
    return frames


def problems(results: list[PageOcr], total_pages: int) -> list[Problem]:
    """An "ocr" summary, and an "ocr_low_quality" warning for each page below the threshold."""
    low = load("ocr")["quality"]["low_below"]
    out = []
    for result in results:
        if result.quality < low:
            out.append(Problem(stage="ingest", code="ocr_low_quality",
                               message=f"page {result.number}: OCR quality {result.quality:.2f} (share of valid "
                                       f"Vietnamese syllables, below {low}); check this page against the scan"))
    if results:
        pages = ", ".join(f"{r.number}:{r.quality:.2f}" + (f"(rotated {r.rotated}°)" if r.rotated else "")
                          for r in results)
        out.insert(0, Problem(stage="ingest", code="ocr",
                              message=f"OCR on {len(results)} of {total_pages} page(s); quality by page {pages}"))
    return out
