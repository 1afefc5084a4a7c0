"""How the gold scores hold up when the real documents are degraded as OCR and text export do:
hard-wrapped lines (fixed width) and OCR confusions in capitals and digits.

    python evaluation/robustness.py [--corpus ../shared/corpus/real]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.score import DEFAULT_CORPUS, report, score_corpus  # noqa: E402
from service.pipeline import analyze_bytes  # noqa: E402


def hard_wrap(text: str, width: int = 85) -> str:
    """Wrap every long paragraph line (not table rows) at `width` characters."""
    out: list[str] = []
    for line in text.splitlines():
        out.extend([line] if " | " in line or len(line) <= width else textwrap.wrap(line, width))
    return "\n".join(out)


def ocr_noise(text: str, seed: int = 1) -> str:
    """Typical OCR confusions: Ỉ→Í in capitals, old tone placement, 0→Ø inside numbers."""
    rnd = random.Random(seed)
    text = text.replace("TỈNH", "TÍNH").replace("Ủy", "Uỷ")
    return re.sub(r"(?<=\d)0(?=\d)", lambda m: "Ø" if rnd.random() < 0.3 else "0", text)


PERTURBATIONS = {"clean": lambda t: t, "hard_wrap": hard_wrap, "ocr_noise": ocr_noise,
                 "both": lambda t: ocr_noise(hard_wrap(t))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    fields = ("tasks", "lead", "support", "deadline", "targets")
    print(f"{'variant':<10} " + " ".join(f"{f:>8}" for f in fields) + "   meta number/date")
    for name, perturb in PERTURBATIONS.items():
        def analyze(path: Path, perturb=perturb):
            return analyze_bytes(perturb(path.read_text(encoding="utf-8")).encode("utf-8"), path.name)
        result = report(score_corpus(args.corpus, analyze))
        meta = result["metadata"]
        print(f"{name:<10} " + " ".join(f"{result[f]['f1']:>8.3f}" for f in fields)
              + f"   {meta['number']:.2f}/{meta['issued_on']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
