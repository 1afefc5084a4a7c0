"""OCR evaluation: extraction on degraded scans of our samples against extraction on their clean text.

The clean PDF's analysis is the gold; the scan's tasks are matched to it with score.py's
`match_tasks` and scored with its tallies (tasks, lead, deadline, targets). The clean figures are
1.0 by construction, so each scan F1 is also its ratio to the clean figure (goal ≥ 0.9).
OCR speed is pages per second of ingest on the scans, on this machine.

    python evaluation/ocr_eval.py [--out DIR] [--json out.json] [--details]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpora" / "scans"))
sys.path.insert(0, str(ROOT / "evaluation"))

from make_scans import DEFAULT, SAMPLES, make_scan  # noqa: E402
from score import Scores, score_targets, score_tasks  # noqa: E402

from service.document import Document  # noqa: E402
from service.ingest import read_file  # noqa: E402
from service.pipeline import analyze_file, run_stages  # noqa: E402

FIELDS = ("tasks", "lead", "deadline", "targets")


def as_gold(doc: Document) -> tuple[list[dict], list[dict]]:
    """The clean analysis in score.py's gold format: tasks, and targets with a value."""
    tasks = [{"quote": t.text, "lead": [b.name for b in t.lead], "support": [b.name for b in t.support],
              "deadline": None if t.deadline is None else
              {"end": t.deadline.end.isoformat() if t.deadline.end else None, "recurrence": t.deadline.recurrence}}
             for t in doc.tasks]
    targets = [{"quote": t.text, "value": t.value} for t in doc.targets if t.value is not None]
    return tasks, targets


def evaluate(scan_dir: Path) -> tuple[dict, dict, Scores]:
    scores, speed = Scores(), {"pages": 0, "seconds": 0.0}
    per_doc = {}
    for name, turn in DEFAULT.items():
        scan = make_scan(name, scan_dir, rotate_page=turn)
        clean = analyze_file(SAMPLES / f"{name}.pdf")
        began = time.perf_counter()
        ingested = read_file(scan)
        speed["seconds"] += time.perf_counter() - began
        speed["pages"] += ingested.source.pages or 0
        doc = run_stages(ingested)
        gold_tasks, gold_targets = as_gold(clean)
        one = Scores()
        for target in (scores, one):
            score_tasks(gold_tasks, doc, target, name)
            score_targets(gold_targets, doc, target)
        per_doc[name] = {k: one.tallies[k].prf()["f1"] for k in FIELDS}
        per_doc[name]["ocr"] = next((w.message for w in doc.warnings if w.code == "ocr"), "")
    return per_doc, speed, scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="keep the generated scans here")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        per_doc, speed, scores = evaluate(args.out or Path(tmp))
    result = {"fields": {k: scores.tallies[k].prf() for k in FIELDS}, "documents": per_doc,
              "pages": speed["pages"], "seconds": round(speed["seconds"], 2),
              "pages_per_second": round(speed["pages"] / speed["seconds"], 3)}
    if args.details:
        print("\n".join(scores.details))
    for name, figures in per_doc.items():
        print(f"{name:<28} " + "  ".join(f"{k} {figures[k]:.3f}" for k in FIELDS) + f"   [{figures['ocr']}]")
    print(f"{'field':<10} {'F1 scan/clean':>14}   tp/fp/fn")
    for name, prf in result["fields"].items():
        print(f"{name:<10} {prf['f1']:>14.3f}   {prf['tp']}/{prf['fp']}/{prf['fn']}")
    print(f"OCR: {speed['pages']} pages in {speed['seconds']:.1f} s = {result['pages_per_second']:.2f} pages/s")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
