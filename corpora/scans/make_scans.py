"""Make degraded scans of our own born-digital samples (corpora/samples/*.pdf) for OCR tests.

Each page is rasterised, then degraded the way office scans are: grey paper noise, a slight skew,
a red stamp-like blot, JPEG compression, and (option) one page turned 90° as appendix tables often
are. Output: an image-only PDF (what a scanner writes), optionally PNG pages.

    python corpora/scans/make_scans.py                       # the default set into corpora/scans/
    python corpora/scans/make_scans.py --out /tmp/scans ubnd-kh-phan-cong --rotate 3
"""
from __future__ import annotations

import argparse
import io
import math
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pdfplumber
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpora" / "samples"
DEFAULT = {"cong-van-trien-khai": None, "ubnd-chi-thi": 2, "ubnd-kh-phan-cong": 3}
SCAN_DPI = 200                    # an office scanner's usual setting


def rasterise(pdf: Path | BinaryIO, dpi: int) -> list[Image.Image]:
    """Every page of a PDF (a path or an open binary file) as a greyscale image."""
    with pdfplumber.open(pdf) as document:
        return [page.to_image(resolution=dpi).original.convert("L") for page in document.pages]


def degrade(page: Image.Image, seed: int, skew: float = 0.6, turn: bool = False) -> Image.Image:
    """Noise, skew, a red stamp blot, and a 90° turn if asked; RGB result."""
    rng = np.random.default_rng(seed)
    pixels = np.asarray(page, dtype=np.float32)
    pixels = pixels * rng.uniform(0.92, 1.0) + rng.normal(0, 14, pixels.shape)
    specks = rng.random(pixels.shape) < 0.0008
    pixels[specks] = 40
    grey = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
    image = stamp(grey.convert("RGB"), rng)
    image = image.rotate(skew * (1 if seed % 2 else -1), expand=False, fillcolor=(250, 250, 250),
                         resample=Image.BICUBIC)
    return image.rotate(90, expand=True, fillcolor=(250, 250, 250)) if turn else image


def stamp(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A round red seal near the lower right and a few smudges, drawn half-transparent."""
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    w, h = image.size
    cx, cy, r = int(w * rng.uniform(0.6, 0.75)), int(h * rng.uniform(0.55, 0.8)), int(w * 0.08)
    for k in range(3):
        draw.ellipse([cx - r + 6 * k, cy - r + 6 * k, cx + r - 6 * k, cy + r - 6 * k], outline=(205, 30, 40, 150),
                     width=max(3, w // 300))
    draw.regular_polygon((cx, cy, r // 3), 5, fill=(205, 30, 40, 120))
    for _ in range(3):
        x, y = int(rng.uniform(0, w)), int(rng.uniform(0, h))
        size = int(w * rng.uniform(0.01, 0.025))
        draw.ellipse([x, y, x + size, y + int(size * 0.7)], fill=(200, 40, 50, 90))
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")


def to_pdf(pages: list[Image.Image], path: Path | BinaryIO, dpi: int, quality: int = 55) -> None:
    """An image-only PDF with JPEG-compressed pages (no text layer), to a path or an open binary file."""
    jpegs = []
    for page in pages:
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=quality)
        jpegs.append(Image.open(io.BytesIO(buffer.getvalue())))
    jpegs[0].save(path, "PDF", save_all=True, append_images=jpegs[1:], resolution=dpi)


def make_scan(name: str, out: Path, dpi: int = SCAN_DPI, rotate_page: int | None = None,
              pages: int | None = None, png: bool = False) -> Path:
    """Degraded scan PDF of sample `name` (page `rotate_page`, 1-based, turned 90°)."""
    images = rasterise(SAMPLES / f"{name}.pdf", dpi)[:pages]
    degraded = [degrade(p, seed=n, turn=n == rotate_page) for n, p in enumerate(images, 1)]
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.scan.pdf"
    to_pdf(degraded, path, dpi)
    if png:
        for n, page in enumerate(degraded, 1):
            page.convert("L").save(out / f"{name}.scan-{n}.png", dpi=(dpi, dpi), optimize=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="sample names (default: %s)" % ", ".join(DEFAULT))
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    parser.add_argument("--dpi", type=int, default=SCAN_DPI)
    parser.add_argument("--rotate", type=int, help="1-based page to turn 90°")
    parser.add_argument("--png", action="store_true", help="also write each page as PNG")
    args = parser.parse_args()
    for name in args.names or DEFAULT:
        turn = args.rotate if args.names else DEFAULT[name]
        path = make_scan(name, args.out, args.dpi, turn, png=args.png)
        print(f"{path} {path.stat().st_size / 1024:.0f} kB")


if __name__ == "__main__":
    main()
