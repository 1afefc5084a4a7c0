"""Choose a reader: content sniffing first, file suffix second."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from ..errors import CorruptFileError, UnsupportedFormatError
from ..messages import say

_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".text": "txt", ".md": "txt",
             ".html": "html", ".htm": "html", ".xhtml": "html"}
_HTML = re.compile(rb"<(!doctype\s+html|html[\s>])", re.IGNORECASE)
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(data: bytes, name: str) -> str:
    """Return "pdf", "docx", "txt", "html" or "image" (read by OCR), or raise for formats we cannot read."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_IMAGES):
        return "image"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    _reject_binary(data)
    if _HTML.search(data[:2048]):
        return "html"
    return _SUFFIXES.get(PurePath(name).suffix.lower(), "txt")


def _zip_format(data: bytes) -> str:
    """A ZIP is only readable when it is a Word document."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError, EOFError) as exc:  # RuntimeError: "version 18.7"
        raise CorruptFileError(say("zip_damaged")) from exc
    if "word/document.xml" in names:
        return "docx"
    raise UnsupportedFormatError(say("zip_not_docx"))


def _reject_binary(data: bytes) -> None:
    """Old .doc and other binaries are not supported."""
    if data.startswith(_OLE):
        raise UnsupportedFormatError(say("doc_old"))
    if _looks_binary(data[:4096]):
        raise UnsupportedFormatError(say("binary_unknown"))


def _looks_binary(head: bytes) -> bool:
    """NUL or control bytes that UTF-16 text would not explain."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_like(head):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\x00" in head or controls > len(head) * 0.05


def _utf16_like(head: bytes) -> bool:
    """BOM-less UTF-16: most NULs fall on one parity."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return len(head) >= 4 and max(even, odd) > len(head) * 0.3 and min(even, odd) < len(head) * 0.05
