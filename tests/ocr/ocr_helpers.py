"""Helpers for OCR tests: skip without Tesseract, render Vietnamese text as an image."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpora" / "samples"
SCAN = ROOT / "corpora" / "scans" / "cong-van-trien-khai.scan.pdf"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "1. Sở Tài chính chủ trì, phối hợp với Bảo hiểm xã hội tỉnh",
         "tham mưu bố trí kinh phí, hoàn thành trước ngày 30/6/2025.",
         "2. Sở Y tế tổ chức tiêm chủng cho trẻ em tại các xã vùng cao."]


def _has_vietnamese_tesseract() -> bool:
    path = shutil.which("tesseract")
    if not path:
        return False
    langs = subprocess.run([path, "--list-langs"], capture_output=True, text=True).stdout
    return "vie" in langs.split()


needs_tesseract = pytest.mark.skipif(not _has_vietnamese_tesseract(),
                                     reason="tesseract with the Vietnamese model is not installed")


def make_text_image():
    """A white A4-width page (300 dpi) with LINES typed on it, as a PIL image."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (2480, 700), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 42)
    for k, line in enumerate(LINES):
        draw.text((150, 80 + 130 * k), line, fill="black", font=font)
    return image
