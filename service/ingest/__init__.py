"""Ingest stage: read a PDF, DOCX, TXT or HTML file into `Document.source` and `Document.blocks`.

The format is sniffed from the content first (%PDF, a ZIP holding word/document.xml, <html),
the file suffix second. Nothing else of the Document is filled in here.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ..document import Document, SourceFile
from ..errors import EmptyFileError, FileTooLargeError, IngestError
from ..limits import check_text
from . import docx, html, pdf, txt
from .base import Parsed
from .charsets import convert_legacy, detect_legacy_font
from .detect import detect_format
from ..messages import say

__all__ = ["MAX_BYTES", "read_bytes", "read_file"]

MAX_BYTES = 50 * 2**20


def _read_image(data: bytes) -> Parsed:
    from .ocr.reader import read_image  # OCR is only loaded for images

    return read_image(data)


_READERS: dict[str, Callable[[bytes], Parsed]] = {
    "pdf": pdf.read, "docx": docx.read, "txt": txt.read, "html": html.read, "image": _read_image,
}


def read_file(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read a file from disk; its size is checked before it is loaded."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(say("file_not_found", path=path))
    _check_size(path.stat().st_size, max_bytes, path.name)
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    return read_bytes(data, path.name, max_bytes)


def read_bytes(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read a file's content; `name` gives the suffix used when sniffing is not conclusive."""
    _check_size(len(data), max_bytes, name)
    if not data.strip():
        raise EmptyFileError(say("file_empty", name=name))
    fmt = detect_format(data, name)
    parsed = _READERS[fmt](data)
    if fmt != "txt":
        parsed = _repair_legacy_font(parsed)
    check_text(sum(len(b.text) + sum(len(c) for row in b.rows for c in row) for b in parsed.blocks))
    if not any(b.text.strip() or any(c.strip() for row in b.rows for c in row) for b in parsed.blocks):
        raise EmptyFileError(say("file_no_text", name=name))
    source = SourceFile(name=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                        encoding=parsed.encoding, pages=parsed.pages, ocr_pages=list(parsed.ocr_pages))
    return Document(source=source, blocks=parsed.blocks, warnings=list(parsed.problems))


def _repair_legacy_font(parsed: Parsed) -> Parsed:
    """Convert blocks typed in a TCVN3 (.VnTime) or VNI font to Unicode; the font name goes to encoding."""
    sample = "\n".join(b.text or " ".join(c for row in b.rows for c in row) for b in parsed.blocks[:400])
    name = detect_legacy_font(sample)
    if name is None:
        return parsed
    blocks = [b.model_copy(update={"text": convert_legacy(b.text, name),
                                   "rows": [[convert_legacy(c, name) for c in row] for row in b.rows]})
              for b in parsed.blocks]
    return parsed._replace(blocks=blocks, encoding=name)


def _check_size(size: int, max_bytes: int, name: str) -> None:
    if size > max_bytes:
        raise FileTooLargeError(say("file_too_large", name=name, size_mb=size / 2**20, limit_mb=max_bytes / 2**20))
