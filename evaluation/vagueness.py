"""Score the vague-wording stage against gold specificity (../shared/ANNOTATION.md §2).

Predicted tasks are paired with gold tasks by `evaluation/score.py`'s `match_tasks`; only matched
pairs count. Reports Spearman between -score and gold specificity, precision/recall of the vague
flag (gold specificity ≤ 2), false vague flags per 20 tasks, and per-part presence F1.

    python evaluation/vagueness.py [--corpus ../shared/corpus/real] [--json out.json] [--details]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.score import DEFAULT_CORPUS, gold_docs, match_tasks  # noqa: E402
from service.document import Task  # noqa: E402
from service.vagueness import VAGUE_FROM, score_task  # noqa: E402

PARTS = ("owner", "deadline", "target", "output")


def ranks(values: list[float]) -> np.ndarray:
    """1-based ranks, ties given their average rank."""
    array = np.asarray(values, dtype=float)
    order = np.argsort(array, kind="mergesort")
    result = np.empty(len(array))
    i = 0
    while i < len(array):
        j = i
        while j + 1 < len(array) and array[order[j + 1]] == array[order[i]]:
            j += 1
        result[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(x: list[float], y: list[float]) -> float:
    """Spearman's rho (Pearson on average ranks); scipy's when it is installed."""
    try:
        from scipy.stats import spearmanr
        return float(spearmanr(x, y).statistic)
    except ImportError:
        rx, ry = ranks(x), ranks(y)
        if rx.std() == 0 or ry.std() == 0:
            return float("nan")
        return float(np.corrcoef(rx, ry)[0, 1])


def gold_parts(g: dict) -> dict[str, bool]:
    return {"owner": bool(g["lead"]), "deadline": g["deadline"] is not None,
            "target": bool(g.get("targets")), "output": g.get("output") is not None}


def pred_parts(task: Task) -> dict[str, bool]:
    missing = task.vagueness.missing if task.vagueness else []
    return {part: part not in missing for part in PARTS}


def f1(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "tp": tp, "fp": fp, "fn": fn}


def collect(corpus: Path) -> list[tuple[str, dict, Task]]:
    """(doc, gold task, predicted task) for every matched pair of every annotated document (the shared gold
    and ours in evaluation/gold)."""
    from service.pipeline import analyze_file

    pairs = []
    for doc_gold in gold_docs(corpus):
        if not doc_gold.gold.get("tasks_annotated"):
            continue
        doc = analyze_file(doc_gold.path)
        for g, p in match_tasks(doc_gold.gold["tasks"], doc.tasks):
            if g is not None and p is not None:
                if p.vagueness is None:
                    p.vagueness = score_task(p)
                pairs.append((doc_gold.id, g, p))
    return pairs


GRID = [round(0.2 + 0.025 * i, 3) for i in range(25)]


def _flag_counts(pairs, threshold: float) -> tuple[int, int, int]:
    flagged = [(p.vagueness.score >= threshold, g["specificity"] <= 2) for _, g, p in pairs]
    return (sum(f and v for f, v in flagged), sum(f and not v for f, v in flagged),
            sum(v and not f for f, v in flagged))


def _best_threshold(pairs) -> float:
    def f1_of(t: float) -> float:
        tp, fp, fn = _flag_counts(pairs, t)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return max(GRID, key=lambda t: (f1_of(t), -abs(t - VAGUE_FROM)))


def leave_one_document_out(pairs) -> dict:
    """The vague threshold fitted on all other documents, applied to each document in turn."""
    docs = sorted({d for d, _, _ in pairs})
    tp = fp = fn = 0
    chosen = []
    for doc in docs:
        train = [x for x in pairs if x[0] != doc]
        threshold = _best_threshold(train)
        chosen.append(threshold)
        a, b, c = _flag_counts([x for x in pairs if x[0] == doc], threshold)
        tp, fp, fn = tp + a, fp + b, fn + c
    return {"vague": f1(tp, fp, fn), "thresholds": {"min": min(chosen), "max": max(chosen),
                                                   "median": sorted(chosen)[len(chosen) // 2]},
            "shipped": VAGUE_FROM}


def evaluate(pairs: list[tuple[str, dict, Task]], threshold: float = VAGUE_FROM) -> dict:
    scores = [p.vagueness.score for _, _, p in pairs]
    gold = [g["specificity"] for _, g, _ in pairs]
    flagged = [s >= threshold for s in scores]
    vague = [s <= 2 for s in gold]
    tp = sum(f and v for f, v in zip(flagged, vague))
    fp = sum(f and not v for f, v in zip(flagged, vague))
    fn = sum(v and not f for f, v in zip(flagged, vague))
    parts = {}
    for part in PARTS:
        gp = [gold_parts(g)[part] for _, g, _ in pairs]
        pp = [pred_parts(p)[part] for _, _, p in pairs]
        parts[part] = f1(sum(a and b for a, b in zip(gp, pp)), sum(b and not a for a, b in zip(gp, pp)),
                         sum(a and not b for a, b in zip(gp, pp)))
    return {"tasks": len(pairs), "threshold": threshold, "spearman": round(spearman([-s for s in scores], gold), 3),
            "vague": f1(tp, fp, fn), "false_vague_per_20": round(20 * fp / len(pairs), 2) if pairs else 0.0,
            "parts": parts}


def print_table(result: dict) -> None:
    print(f"matched tasks {result['tasks']}, vague threshold {result['threshold']}")
    print(f"Spearman(-score, gold specificity) {result['spearman']:.3f}")
    v = result["vague"]
    print(f"vague flag  P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  tp/fp/fn {v['tp']}/{v['fp']}/{v['fn']}")
    print(f"false vague flags per 20 tasks {result['false_vague_per_20']:.2f}")
    print(f"{'part':<9} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for part, prf in result["parts"].items():
        print(f"{part:<9} {prf['precision']:>6.3f} {prf['recall']:>6.3f} {prf['f1']:>6.3f}   {prf['tp']}/{prf['fp']}/{prf['fn']}")


def details(pairs: list[tuple[str, dict, Task]]) -> None:
    for name, g, p in sorted(pairs, key=lambda x: (x[1]["specificity"], -x[2].vagueness.score)):
        cues = ", ".join(f"{c.category}:{c.text}" for c in p.vagueness.cues)
        print(f"{name} gold {g['specificity']} score {p.vagueness.score:.2f} missing {p.vagueness.missing} "
              f"[{cues}] {p.text[:80]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--threshold", type=float, default=VAGUE_FROM)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--details", action="store_true", help="print every matched task")
    args = parser.parse_args(argv)
    pairs = collect(args.corpus)
    result = evaluate(pairs, args.threshold)
    if args.details:
        details(pairs)
    print_table(result)
    lodo = leave_one_document_out(pairs)
    v = lodo["vague"]
    print(f"vague flag, threshold fitted leave-one-document-out: P {v['precision']:.3f} R {v['recall']:.3f} "
          f"F1 {v['f1']:.3f} (thresholds chosen {lodo['thresholds']}; shipped {lodo['shipped']})")
    result["leave_one_document_out"] = lodo
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
