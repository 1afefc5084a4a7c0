"""Page images: deskew and ruling lines (numpy), for OCR and table reconstruction."""
from __future__ import annotations

from typing import Any, NamedTuple

MAX_SKEW = 3.0            # degrees searched either way
RULE_SHARE = 0.35         # a rule is dark along this share of the page width (height for verticals)


class Rules(NamedTuple):
    """Ruling lines of a table grid, in pixels: horizontal ys and vertical xs, top/left first."""

    ys: list[int]
    xs: list[int]


def dark(image: Any) -> Any:
    """Boolean numpy array: True where the (greyscale) page is ink."""
    import numpy as np

    return np.asarray(image.convert("L")) < 140


def skew_angle(image: Any) -> float:
    """Degrees to rotate (counter-clockwise) so text lines are horizontal: the angle whose row
    profile is sharpest, searched on a small copy."""
    import numpy as np

    small = image.convert("L")
    small.thumbnail((900, 900))
    best, best_score = 0.0, -1.0
    for step in range(int(-MAX_SKEW * 4), int(MAX_SKEW * 4) + 1):
        angle = step / 4
        rows = dark(small.rotate(angle, fillcolor=255)).sum(axis=1).astype(float)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


def rules(image: Any) -> Rules:
    """Horizontal rules spanning RULE_SHARE of the width; vertical ones inside their span."""
    ink = dark(image)
    height, width = ink.shape
    ys = _runs(ink.sum(axis=1) > RULE_SHARE * width)
    if len(ys) < 2:
        return Rules([], [])
    band = ink[ys[0]:ys[-1] + 1]
    xs = _runs(band.sum(axis=0) > 0.6 * band.shape[0])
    return Rules(ys, xs) if len(xs) >= 3 else Rules([], [])


def crosses(image_ink: Any, x: int, y0: int, y1: int) -> bool:
    """Whether a vertical rule at x runs through most of the band y0..y1."""
    band = image_ink[y0:y1, max(0, x - 3):x + 4]
    return band.shape[0] > 0 and band.any(axis=1).mean() > 0.7


def _runs(mask: Any) -> list[int]:
    """Centres of runs of True (a rule a few pixels thick is one line)."""
    out, start = [], None
    for i, value in enumerate(list(mask) + [False]):
        if value and start is None:
            start = i
        elif not value and start is not None:
            out.append((start + i - 1) // 2)
            start = None
    return out
