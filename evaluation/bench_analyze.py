"""Benchmark: analyse throughput (pages/s, documents/s) and peak memory on corpora/samples.

    python evaluation/bench_analyze.py [--repeat 5]

Pages are the PDF's page count; for TXT and DOCX the page count of the same sample's PDF is used,
so figures compare across formats. The first run of each format is a warm-up (lexicons, models).
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.pipeline import analyze_file  # noqa: E402

SAMPLES = ROOT / "corpora" / "samples"


def pages_of(stem: str) -> int:
    return analyze_file(SAMPLES / f"{stem}.pdf").source.pages or 1


def bench(fmt: str, repeat: int) -> dict:
    files = sorted(SAMPLES.glob(f"*.{fmt}"))
    pages = sum(pages_of(f.stem) for f in files)
    for f in files:
        analyze_file(f)                                    # warm-up
    began = time.perf_counter()
    for _ in range(repeat):
        for f in files:
            analyze_file(f)
    elapsed = time.perf_counter() - began
    runs = repeat * len(files)
    return {"format": fmt, "documents": runs, "pages": pages * repeat, "seconds": round(elapsed, 2),
            "docs_per_s": round(runs / elapsed, 2), "pages_per_s": round(pages * repeat / elapsed, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'format':<6} {'docs':>5} {'pages':>6} {'sec':>7} {'docs/s':>7} {'pages/s':>8}")
    for fmt in ("txt", "docx", "pdf"):
        r = bench(fmt, args.repeat)
        print(f"{r['format']:<6} {r['documents']:>5} {r['pages']:>6} {r['seconds']:>7} {r['docs_per_s']:>7} "
              f"{r['pages_per_s']:>8}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MiB (whole process, all formats)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
