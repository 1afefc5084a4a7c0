"""Benchmark: the cost of `rasoat analyze` against merely reading the file and tokenising its text.

    python evaluation/bench_analyze.py [--repeat 3] [--json out.json] [--extractor rules|model|hybrid]

As a user runs it: one process per file. For each sample (corpora/samples: PDF, DOCX, TXT) the
baseline process reads the file the cheapest reasonable way (pdfplumber's text for a PDF,
python-docx's paragraphs and cells for a DOCX, the decoded text for a TXT) and word-tokenises all of
it with underthesea; the measured process runs `rasoat analyze FILE --format json`. The figure is
the ratio of wall times (median of `--repeat` runs per file), per format and over all files; the
aim is ≤ 2× for the rules and ≤ 3× for the default extractor (issue 13; `--extractor` chooses,
unset = the catalogue's default). The in-process throughput of `analyze_file` after a warm-up (pages/s) and the peak
resident memory of one `rasoat analyze` process are reported beside it.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "corpora" / "samples"
BASELINE = r"""
import sys
from pathlib import Path
from underthesea import word_tokenize
path = Path(sys.argv[1])
if path.suffix == ".pdf":
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
elif path.suffix == ".docx":
    import docx
    d = docx.Document(path)
    text = "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
else:
    text = path.read_text(encoding="utf-8", errors="replace")
for line in text.splitlines():
    if line.strip():
        word_tokenize(line)
"""
ANALYZE = "from service.cli import app; app()"


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident MiB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    elapsed = time.perf_counter() - began
    return elapsed, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def per_file(path: Path, repeat: int, extractor: str | None = None) -> dict:
    base = [timed([sys.executable, "-c", BASELINE, str(path)])[0] for _ in range(repeat)]
    extra = ["--extractor", extractor] if extractor else []
    ours = [timed([sys.executable, "-c", ANALYZE, "analyze", str(path), "--format", "json", *extra])
            for _ in range(repeat)]
    b, o = statistics.median(base), statistics.median(t for t, _ in ours)
    return {"file": path.name, "format": path.suffix[1:], "baseline_s": round(b, 3), "analyze_s": round(o, 3),
            "ratio": round(o / b, 2), "peak_mib": round(max(m for _, m in ours))}


def throughput(files: list[Path], extractor: str | None = None) -> dict:
    """Warm, in-process pages/s of analyze_file (start-up excluded)."""
    from service.pipeline import analyze_file

    for f in files:
        analyze_file(f, extractor)
    pages, began = 0, time.perf_counter()
    for f in files:
        pages += analyze_file(f, extractor).source.pages or 1
    elapsed = time.perf_counter() - began
    return {"documents": len(files), "pages": pages, "seconds": round(elapsed, 2),
            "pages_per_s": round(pages / elapsed, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--extractor", choices=("rules", "model", "hybrid"))
    parser.add_argument("--formats", nargs="*", default=["pdf", "docx", "txt"], help="sample formats to time")
    args = parser.parse_args(argv)
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix[1:] in args.formats)
    rows = [per_file(f, args.repeat, args.extractor) for f in files]
    print(f"{'file':<40} {'baseline s':>10} {'analyze s':>10} {'ratio':>6} {'peak MiB':>9}")
    for r in rows:
        print(f"{r['file']:<40} {r['baseline_s']:>10} {r['analyze_s']:>10} {r['ratio']:>6} {r['peak_mib']:>9}")
    summary = {}
    for fmt in ("pdf", "docx", "txt", "all"):
        chosen = [r for r in rows if fmt == "all" or r["format"] == fmt]
        if chosen:
            b, o = sum(r["baseline_s"] for r in chosen), sum(r["analyze_s"] for r in chosen)
            summary[fmt] = round(o / b, 2)
    print("ratio analyze / (read + tokenise), one process per file: "
          + ", ".join(f"{k} {v}×" for k, v in summary.items()))
    warm = throughput(files, args.extractor)
    print(f"warm in-process throughput: {warm['pages_per_s']} pages/s over {warm['documents']} documents")
    if args.json:
        args.json.write_text(json.dumps({"files": rows, "ratio": summary, "warm": warm}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
