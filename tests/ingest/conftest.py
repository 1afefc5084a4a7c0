"""Builders for ingest test inputs, all written into tmp_path."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    registered = pdfmetrics.getRegisteredFontNames()
    for name, path in (("DejaVu", FONT), ("DejaVu-Bold", FONT_BOLD)):
        if name not in registered:      # each on its own: another module may have registered one of them
            pdfmetrics.registerFont(TTFont(name, path))


@pytest.fixture
def make_pdf(tmp_path: Path):
    """make_pdf(pages, name) where each page is a list of (x, y, text, bold) lines, or a callable(canvas)."""
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    _register_fonts()

    def build(pages: list, name: str = "doc.pdf", **canvas_kwargs) -> Path:
        path = tmp_path / name
        pdf = canvas.Canvas(str(path), pagesize=(595, 842), **canvas_kwargs)
        for page in pages:
            if callable(page):
                page(pdf)
            else:
                for x, y, text, bold in page:
                    pdf.setFont("DejaVu-Bold" if bold else "DejaVu", 11)
                    pdf.drawString(x, y, text)
            pdf.showPage()
        pdf.save()
        return path

    return build


_TONES = "\u0300\u0301\u0303\u0309\u0323"


@pytest.fixture
def encode_cp1258():
    """Windows-1258 writes tone marks as combining characters after the base letter."""

    def encode(text: str) -> bytes:
        out = []
        for char in text:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out.append(base + "".join(c for c in parts if c in _TONES))
        return "".join(out).encode("cp1258")

    return encode
