"""What every format reader returns."""
from __future__ import annotations

from typing import NamedTuple

from ..document import Block, OcrPage, Problem


class Parsed(NamedTuple):
    """Blocks read from one file, plus what the reader learnt about it."""

    blocks: list[Block]
    encoding: str | None = None
    pages: int | None = None
    problems: tuple[Problem, ...] = ()   # warnings for Document.warnings (e.g. OCR quality)
    ocr_pages: tuple[OcrPage, ...] = ()  # pages read by OCR
