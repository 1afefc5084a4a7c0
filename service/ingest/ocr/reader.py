"""OCR reader for scanned PDF pages and images (PNG, JPEG, TIFF...): Tesseract with its Vietnamese
model, page by page: orientation (OSD) and skew corrected first, ruled tables rebuilt from the grid,
OCR confusions repaired, and a quality estimate per page (share of valid Vietnamese syllables).

Pillow, numpy and the `tesseract` binary are only touched when a page actually needs OCR. Every
dimension is bounded (service/limits.py): pages to OCR, page area, rendered pixels (the DPI drops
for huge pages), image frames and pixels, OCR seconds per document. PDF rendering (pypdfium2,
not thread-safe) runs under one lock per process.
"""
from __future__ import annotations

import io
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ... import limits
from ...document import Block, OcrPage, Problem
from ...errors import ImageTooLargeError, NoTextLayerError, OcrTimeLimitError, RasoatError
from ...lexicons import load
from ...messages import say
from ..base import Parsed

DPI = limits.OCR_DPI
RENDER_LOCK = threading.Lock()        # pypdfium2 must never render from two threads at once


class Deadline:
    """The OCR time budget of one document (RASOAT_OCR_MAX_SECONDS)."""

    def __init__(self, seconds: float | None = None):
        self.seconds = limits.current().ocr_max_seconds if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def remaining(self) -> float:
        """Seconds left; OcrTimeLimitError when none are."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise OcrTimeLimitError(f"Nhận dạng chữ (OCR) tệp này vượt quá {self.seconds:.0f} giây cho phép "
                                    "(RASOAT_OCR_MAX_SECONDS).")
        return left


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
    from . import tesseract

    try:
        tesseract.binary()
    except NoTextLayerError:
        return False
    return True


def ocr_page(image: Any, number: int, dpi: float = DPI, deadline: Deadline | None = None) -> PageOcr:
    """OCR one page image (rendered at `dpi`): upright, deskewed, words, grid, blocks, quality."""
    from . import image as pictures
    from . import layout, tesseract
    from .syllables import quality

    deadline = deadline or Deadline()
    began = time.perf_counter()
    image = pictures.without_colour(image)
    rotated = tesseract.orientation(image, timeout=deadline.remaining())
    if rotated:
        image = image.rotate(rotated, expand=True, fillcolor=255)
    skew = pictures.skew_angle(image)
    if abs(skew) >= 0.25:
        image = image.rotate(skew, expand=False, fillcolor=255)
    words = tesseract.words(image, timeout=deadline.remaining())
    grid = pictures.rules(image)
    blocks = layout.page_blocks(words, number, 72 / dpi, image.width * 72 / dpi,
                                grid if grid.ys else None, pictures.dark(image) if grid.ys else None)
    text = " ".join(b.text or " ".join(c for row in b.rows for c in row) for b in blocks)
    return PageOcr(number, blocks, round(quality(text), 3), rotated, time.perf_counter() - began)


def ocr_images(images: list[tuple[int, Any]], dpi: float | list[float] = DPI,
               deadline: Deadline | None = None) -> list[PageOcr]:
    """OCR pages in parallel (one single-threaded tesseract per core)."""
    from . import tesseract

    tesseract.binary()
    deadline = deadline or Deadline()
    dpis = dpi if isinstance(dpi, list) else [dpi] * len(images)
    workers = max(1, min(len(images), os.cpu_count() or 1))
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda item, d: ocr_page(item[1], item[0], d, deadline), images, dpis))


def render(page: Any, dpi: float) -> Any:
    """A pdfplumber page as a PIL image at `dpi` (under RENDER_LOCK)."""
    with RENDER_LOCK:
        return page.to_image(resolution=dpi).original


def ocr_pdf_pages(pages: list[Any], numbers: list[int]) -> list[PageOcr]:
    """Rasterise the pdfplumber pages `numbers` (1-based) and OCR them, a few at a time; each page at
    300 DPI or less (limits.ocr_dpi), within the page-count and time limits."""
    limits.check_ocr_pages(len(numbers))
    dpis = {n: limits.ocr_dpi(float(pages[n - 1].width), float(pages[n - 1].height), n) for n in numbers}
    deadline = Deadline()
    out: list[PageOcr] = []
    chunk = max(1, os.cpu_count() or 1)
    for k in range(0, len(numbers), chunk):
        deadline.remaining()
        part = numbers[k:k + chunk]
        batch = [(n, render(pages[n - 1], dpis[n])) for n in part]
        out += ocr_images(batch, [dpis[n] for n in part], deadline)
    return out


def read_image(data: bytes) -> Parsed:
    """An image file (every frame of a TIFF or GIF is a page) read by OCR, a few frames at a time."""
    from . import tesseract

    tesseract.binary()
    deadline = Deadline()
    results: list[PageOcr] = []
    chunk, batch = max(1, os.cpu_count() or 1), []
    for item in enumerate(_frames(data), 1):
        batch.append(item)
        if len(batch) == chunk:
            results += ocr_images(batch, DPI, deadline)
            batch = []
    if batch:
        results += ocr_images(batch, DPI, deadline)
    blocks = [block for result in results for block in result.blocks]
    return Parsed(blocks, pages=len(results), problems=tuple(problems(results, len(results))),
                  ocr_pages=tuple(page_reports(results)))


def page_reports(results: list[PageOcr]) -> list[OcrPage]:
    """Quality and rotation of every OCR'd page, for SourceFile.ocr_pages."""
    return [OcrPage(number=r.number, quality=r.quality, rotated=r.rotated or 0) for r in results]


def _frames(data: bytes) -> Iterator[Any]:
    """The frames as RGB images at about 300 DPI, one at a time; the frame count and each frame's
    pixels are checked before it is decoded, and no frame is scaled past ocr_max_pixels."""
    from PIL import Image, ImageSequence

    try:
        image = Image.open(io.BytesIO(data))
        limits.check_frames(getattr(image, "n_frames", 1))
        dpi = _dpi(image.info.get("dpi"))
        for frame in ImageSequence.Iterator(image):
            limits.check_image(*frame.size)
            rgb = frame.convert("RGB")
            scale = limits.ocr_scale(rgb.width, rgb.height, dpi)
            if abs(scale - 1) > 0.1:
                rgb = rgb.resize((max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale))))
            yield rgb
    except Image.DecompressionBombError as exc:
        raise ImageTooLargeError(f"Ảnh quá lớn để đọc: vượt giới hạn {limits.current().max_image_pixels / 1e6:.0f} "
                                 "megapixel (RASOAT_MAX_IMAGE_PIXELS).") from exc
    except RasoatError:
        raise
    except Exception as exc:  # Pillow raises many kinds on damaged files (TypeError "Missing dimensions"…)
        raise NoTextLayerError(say("image_unreadable")) from exc


def _dpi(value: Any) -> float:
    """The declared horizontal DPI, 300 when missing or absurd."""
    try:
        dpi = float(value[0]) if value else DPI
    except (TypeError, ValueError, IndexError):
        return DPI
    return dpi if 30 <= dpi <= 2400 else DPI


def problems(results: list[PageOcr], total_pages: int) -> list[Problem]:
    """An "ocr" summary, and an "ocr_low_quality" warning for each page below the threshold."""
    low = load("ocr")["quality"]["low_below"]
    out = []
    for result in results:
        if result.quality < low:
            out.append(Problem(stage="ingest", code="ocr_low_quality",
                               message=say("ocr_low_quality", page=result.number, quality=result.quality, low=low)))
    if results:
        pages = ", ".join(f"trang {r.number}: {r.quality:.0%}" + (f" (đã xoay {r.rotated}°)" if r.rotated else "")
                          for r in results)
        out.insert(0, Problem(stage="ingest", code="ocr",
                              message=say("ocr_summary", done=len(results), total=total_pages, pages=pages)))
    return out
