"""The `tesseract` binary, called by subprocess: orientation (OSD) and words with their boxes (TSV).

Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): on a few cores, pages in parallel are faster
than OpenMP inside one page.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ...errors import NoTextLayerError, OcrTimeLimitError
from ...messages import say

LANG = "vie"
TIMEOUT_S = 180
INSTALL_HINT = say("ocr_install")


@dataclass(frozen=True)
class Word:
    """One recognised word; the box is in pixels of the OCR'd image."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float = 100.0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2


class OcrUnavailableError(NoTextLayerError):
    """No `tesseract` binary, or no Vietnamese model for it."""


def binary() -> str:
    """Path of `tesseract`, or an error saying how to install it."""
    path = shutil.which("tesseract")
    if path is None:
        raise OcrUnavailableError(say("ocr_missing", install=INSTALL_HINT))
    if LANG not in _languages(path):
        raise OcrUnavailableError(say("ocr_no_model", lang=LANG, install=INSTALL_HINT))
    return path


@cache
def _languages(path: str) -> frozenset[str]:
    result = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=30)
    return frozenset(line.strip() for line in (result.stdout + result.stderr).splitlines()[1:])


def orientation(image: Any, timeout: float = TIMEOUT_S) -> int:
    """Degrees to rotate the image counter-clockwise so its text stands upright (0 when unsure)."""
    small = image.copy()
    small.thumbnail((1800, 1800))
    output = _run(small, ["--psm", "0"], check=False, timeout=timeout)
    match = re.search(r"Rotate:\s*(\d+)", output)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", output)
    if not match or not confidence or float(confidence.group(1)) < 1.0:
        return 0
    return (360 - int(match.group(1))) % 360


def words(image: Any, psm: int = 3, timeout: float = TIMEOUT_S) -> list[Word]:
    """Words with boxes and confidence (tesseract TSV), empty texts dropped."""
    output = _run(image, ["-l", LANG, "--psm", str(psm), "tsv"], timeout=timeout)
    rows = csv.DictReader(io.StringIO(output), delimiter="\t", quoting=csv.QUOTE_NONE)
    out = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") == "5" and text:
            left, top = float(row["left"]), float(row["top"])
            out.append(Word(text, left, top, left + float(row["width"]), top + float(row["height"]),
                            float(row["conf"])))
    return out


def _run(image: Any, args: list[str], check: bool = True, timeout: float = TIMEOUT_S) -> str:
    """Run tesseract on a PIL image written to a temporary PNG; its stdout. OcrTimeLimitError when
    it runs past `timeout` seconds (the document's remaining OCR budget)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    timeout = min(timeout, TIMEOUT_S)
    with tempfile.TemporaryDirectory(prefix="rasoat-ocr-") as tmp:
        path = Path(tmp) / "page.png"
        image.save(path)
        try:
            result = subprocess.run([binary(), str(path), "stdout", *args], capture_output=True, env=env,
                                    timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise OcrTimeLimitError(f"Nhận dạng chữ (OCR) một trang vượt quá {timeout:.0f} giây còn lại "
                                    "(RASOAT_OCR_MAX_SECONDS).") from exc
    if check and result.returncode != 0:
        raise NoTextLayerError(say("ocr_failed", detail=result.stderr.decode("utf-8", "replace")[-300:]))
    return result.stdout.decode("utf-8", "replace")
