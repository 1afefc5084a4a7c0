"""Page images: deskew and ruling lines (numpy), for OCR and table reconstruction."""
from __future__ import annotations

from typing import Any, NamedTuple

MAX_SKEW = 3.0            # degrees searched either way
RULE_SHARE = 0.35         # a rule is dark along this share of the page width (height for verticals)


class Rules(NamedTuple):
    """Ruling lines of a table grid, in pixels: horizontal ys and vertical xs, top/left first."""

    ys: list[int]
    xs: list[int]


def without_colour(image: Any) -> Any:
    """Greyscale page with coloured ink (red seals, blue signatures) faded: each pixel takes its
    brightest channel, so only black print stays dark."""
    import numpy as np
    from PIL import Image

    if image.mode not in ("RGB", "RGBA", "P", "CMYK"):
        return image.convert("L")
    return Image.fromarray(np.asarray(image.convert("RGB")).max(axis=2))


def dark(image: Any) -> Any:
    """Boolean numpy array: True where the (greyscale) page is ink."""
    import numpy as np

    return np.asarray(image.convert("L")) < 140


def skew_angle(image: Any) -> float:
    """Degrees to rotate (counter-clockwise) so text lines are horizontal: the angle whose row
    profile is sharpest, searched coarsely on a small copy, then finely on a larger one."""
    coarse = _best_angle(image, 900, [k / 4 for k in range(int(-MAX_SKEW * 4), int(MAX_SKEW * 4) + 1)])
    return _best_angle(image, 1800, [coarse + k / 20 for k in range(-4, 5)])


def _best_angle(image: Any, size: int, angles: list[float]) -> float:
    import numpy as np

    small = image.convert("L")
    small.thumbnail((size, size))
    scores = []
    for angle in angles:
        rows = dark(small.rotate(angle, fillcolor=255)).sum(axis=1).astype(float)
        scores.append((float(np.square(np.diff(rows)).sum()), -abs(angle), angle))
    return round(max(scores)[2], 2)


def rules(image: Any) -> Rules:
    """Horizontal rules spanning RULE_SHARE of the width; vertical ones inside their span."""
    ink = dark(image)
    height, width = ink.shape
    ys = _runs(_longest_runs(_smear(ink, axis=0)) > RULE_SHARE * width)
    if len(ys) < 2:
        return Rules([], [])
    band = _smear(ink[ys[0]:ys[-1] + 1], axis=1)
    xs = _runs(band.sum(axis=0) > 0.6 * band.shape[0])
    return Rules(ys, xs) if len(xs) >= 3 else Rules([], [])


def _longest_runs(ink: Any) -> Any:
    """Per row, the longest unbroken run of ink (a rule is long, a text line is cut by spaces)."""
    import numpy as np

    out = np.zeros(ink.shape[0], dtype=int)
    for y in np.flatnonzero(ink.sum(axis=1) > RULE_SHARE * ink.shape[1]):
        edges = np.flatnonzero(np.diff(np.concatenate(([0], ink[y].view(np.int8), [0]))))
        out[y] = int((edges[1::2] - edges[::2]).max()) if len(edges) else 0
    return out


def _smear(ink: Any, axis: int, reach: int = 4) -> Any:
    """Ink spread `reach` pixels both ways along `axis`, so a slightly slanted rule stays one line."""
    out = ink.copy()
    for shift in range(1, reach + 1):
        if axis == 0:
            out[shift:] |= ink[:-shift]
            out[:-shift] |= ink[shift:]
        else:
            out[:, shift:] |= ink[:, :-shift]
            out[:, :-shift] |= ink[:, shift:]
    return out


def crosses(image_ink: Any, x: int, y0: int, y1: int) -> bool:
    """Whether a vertical rule at x runs through most of the band y0..y1."""
    band = image_ink[y0:y1, max(0, x - 6):x + 7]
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
