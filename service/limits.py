"""Input limits: every dimension in which an input can blow up — pages, page area, rendered and
image pixels, frames, nesting depth, decoded size, OCR pages and seconds — each refused with its
own error code (service/errors.py) and a Vietnamese message.

Values come from RASOAT_* environment variables (README, "variables"); the API's `Settings`
extends `Limits`, and jobs run inside `using(settings)`. Readers call `current()`.
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import (DecodedTooLargeError, ImageTooLargeError, OcrTooManyPagesError, PageTooLargeError,
                     TooDeeplyNestedError, TooManyFramesError, TooManyPagesError)

OCR_DPI = 300
PT_PER_M = 72 / 0.0254


class Limits(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RASOAT_", extra="ignore")

    max_pages: int = 500                   # pages of one PDF
    max_frames: int = 100                  # frames (pages) of one image file: TIFF, GIF
    max_image_pixels: int = 100_000_000    # pixels of one image frame, checked before decoding
    max_page_area_m2: float = 1.0          # a PDF page to OCR larger than this (A0) is refused
    ocr_max_pixels: int = 40_000_000       # a page is OCR'd at 300 DPI, less when it would exceed this
    ocr_max_pages: int = 100               # pages OCR'd in one document
    ocr_max_seconds: float = 600.0         # OCR time of one document
    max_nesting: int = 200                 # element nesting depth (HTML)
    max_decoded_mb: float = 200.0          # uncompressed size of a DOCX
    max_text_chars: int = 5_000_000        # characters of text read from one file


_current: ContextVar[Limits | None] = ContextVar("rasoat_limits", default=None)


@cache
def _from_environment() -> Limits:
    return Limits()


def current() -> Limits:
    """The limits in force: those set by `using`, else the environment's."""
    return _current.get() or _from_environment()


@contextmanager
def using(limits: Limits) -> Iterator[Limits]:
    """Run a block (a job, a test) under these limits."""
    token = _current.set(limits)
    try:
        yield limits
    finally:
        _current.reset(token)


def check_pages(pages: int) -> None:
    limit = current().max_pages
    if pages > limit:
        raise TooManyPagesError(f"Tệp PDF có {pages} trang, vượt giới hạn {limit} trang (RASOAT_MAX_PAGES).")


def check_frames(frames: int) -> None:
    limit = current().max_frames
    if frames > limit:
        raise TooManyFramesError(f"Tệp ảnh có {frames} khung hình (trang), vượt giới hạn {limit} "
                                 "(RASOAT_MAX_FRAMES).")


def check_image(width: int, height: int) -> None:
    limit = current().max_image_pixels
    if width * height > limit:
        raise ImageTooLargeError(f"Ảnh {width}×{height} điểm ảnh ({width * height / 1e6:.0f} megapixel) vượt "
                                 f"giới hạn {limit / 1e6:.0f} megapixel (RASOAT_MAX_IMAGE_PIXELS).")


def check_ocr_pages(pages: int) -> None:
    limit = current().ocr_max_pages
    if pages > limit:
        raise OcrTooManyPagesError(f"Cần nhận dạng chữ (OCR) {pages} trang, vượt giới hạn {limit} trang "
                                   "(RASOAT_OCR_MAX_PAGES): hãy gửi bản có lớp chữ hoặc tách tệp.")


def ocr_dpi(width_pt: float, height_pt: float, number: int = 0) -> float:
    """The DPI to render a PDF page at for OCR: 300, lower when the image would exceed
    ocr_max_pixels; PageTooLargeError when the page is larger than max_page_area_m2."""
    limits = current()
    area = (width_pt / PT_PER_M) * (height_pt / PT_PER_M)
    if area > limits.max_page_area_m2:
        raise PageTooLargeError(f"Trang {number} rộng {area:.1f} m², vượt giới hạn {limits.max_page_area_m2:g} m² "
                                "để nhận dạng chữ (RASOAT_MAX_PAGE_AREA_M2).")
    inches = max(width_pt / 72 * height_pt / 72, 1e-6)
    return min(OCR_DPI, math.sqrt(limits.ocr_max_pixels / inches))


def ocr_scale(width: int, height: int, dpi: float) -> float:
    """Factor to resize an image frame by for OCR: to 300 DPI, capped at ocr_max_pixels."""
    cap = math.sqrt(current().ocr_max_pixels / max(width * height, 1))
    return min(OCR_DPI / dpi, cap)


def check_nesting(depth: int) -> None:
    limit = current().max_nesting
    if depth > limit:
        raise TooDeeplyNestedError(f"Cấu trúc tệp lồng nhau quá sâu (hơn {limit} cấp, RASOAT_MAX_NESTING).")


def check_decoded(size: int, what: str = "Tệp") -> None:
    limit = current().max_decoded_mb * 2**20
    if size > limit:
        raise DecodedTooLargeError(f"{what} giải nén ra {size / 2**20:.0f} MB, vượt giới hạn "
                                   f"{limit / 2**20:.0f} MB (RASOAT_MAX_DECODED_MB).")


def check_text(chars: int) -> None:
    limit = current().max_text_chars
    if chars > limit:
        raise DecodedTooLargeError(f"Văn bản đọc ra có {chars:,} ký tự, vượt giới hạn {limit:,} ký tự "
                                   "(RASOAT_MAX_TEXT_CHARS).")
