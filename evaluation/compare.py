"""Score the copy check (`rasoat compare`) on real pairs, the hand-labelled sample pair and held-out
synthetic pairs; calibrate its thresholds; time it on a ~20-page plan.

    python evaluation/compare.py                     # quality, lexical-only and with the encoder
    python evaluation/compare.py --bench             # compare time for a ~20-page plan
    python evaluation/compare.py --calibrate         # write service/compare/thresholds.json (train split)

Per lower task the class (verbatim/adapted/new) is scored against gold after pairing predicted and
gold tasks with evaluation/score.py's `match_tasks`; a gold task left unpaired counts as missed.
copy_ratio error is against the gold share of verbatim text; "level swap" is the change of
copy_ratio when only level words of the lower text are swapped (corpora/synthetic.level_swap).
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpora.synthetic import SAMPLES, dataset, level_swap  # noqa: E402
from evaluation.score import DEFAULT_CORPUS, match_tasks, similarity  # noqa: E402
from service.compare import compare  # noqa: E402
from service.compare.classify import Thresholds, decide  # noqa: E402
from service.compare.embed import default_encoder  # noqa: E402
from service.compare.engine import evidence  # noqa: E402
from service.compare.logit import Logit, fit  # noqa: E402
from service.pipeline import analyze_file, analyze_text  # noqa: E402

CLASSES = ("verbatim", "adapted", "new")
THRESHOLDS = ROOT / "service" / "compare" / "thresholds.json"


def real_pairs(corpus: Path) -> list[tuple[str, str, Path, list[dict]]]:
    """(name, lower text, upper path, gold tasks) for every gold file with an upper_doc."""
    out = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("upper_doc") and gold.get("tasks"):
            lower = corpus / "docs" / gold["doc"]
            out.append((gold_path.stem[:2], lower.read_text(encoding="utf-8"),
                        corpus / "docs" / gold["upper_doc"], gold["tasks"]))
    return out


def sample_pair() -> tuple[str, str, Path, list[dict]]:
    labels = json.loads((SAMPLES / "huyen-uy-kh-chuyen-doi-so.labels.json").read_text(encoding="utf-8"))
    return ("sample", (SAMPLES / "huyen-uy-kh-chuyen-doi-so.txt").read_text(encoding="utf-8"),
            SAMPLES / "tinh-uy-ctr-chuyen-doi-so.txt", labels["tasks"])


def synthetic_pairs(split: str) -> list[tuple[str, str, Path, list[dict]]]:
    return [(p.name, p.lower_text, p.upper, p.labels) for p in dataset(split)]


def prf(confusion: Counter) -> dict:
    """Per-class precision, recall, F1 and the macro-F1 from a (gold, predicted) counter."""
    out = {}
    for c in CLASSES:
        tp = confusion[(c, c)]
        fp = sum(v for (g, p), v in confusion.items() if p == c and g != c)
        fn = sum(v for (g, p), v in confusion.items() if g == c and p != c)
        p_, r_ = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        out[c] = {"p": round(p_, 3), "r": round(r_, 3), "f1": round(2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0, 3),
                  "n": tp + fn}
    out["macro_f1"] = round(sum(out[c]["f1"] for c in CLASSES) / len(CLASSES), 3)
    return out


def gold_copy_ratio(gold: list[dict]) -> float:
    total = sum(len(g["quote"]) for g in gold)
    return sum(len(g["quote"]) for g in gold if g["copy"] == "verbatim") / total if total else 0.0


def gold_coverage(gold: list[dict], upper_tasks) -> float:
    """Share of upper tasks that some gold upper_quote points at."""
    used = {max(range(len(upper_tasks)), key=lambda k: similarity(g["upper_quote"], upper_tasks[k].text))
            for g in gold if g.get("upper_quote")}
    return len(used) / len(upper_tasks) if upper_tasks else 0.0


def score_pair(name: str, lower_text: str, upper_path: Path, gold: list[dict], encoder, semantic: bool,
               confusion: Counter) -> dict:
    """Classify one pair, add to `confusion`, and return its copy_ratio/coverage figures."""
    lower, upper = analyze_text(lower_text, "lower.txt"), analyze_file(upper_path)
    result = compare(lower, upper, encoder=encoder, semantic=semantic)
    by_id = {item.task_id: item for item in result.items}
    for g, p in match_tasks(gold, lower.tasks):
        if g is not None:
            confusion[(g["copy"], by_id[p.id].class_ if p is not None else "missed")] += 1
    swapped = compare(analyze_text(level_swap(lower_text), "swapped.txt"), upper, encoder=encoder,
                      semantic=semantic)
    return {"pair": name, "copy_ratio": result.copy_ratio, "gold_copy_ratio": round(gold_copy_ratio(gold), 4),
            "coverage": result.coverage, "gold_coverage": round(gold_coverage(gold, upper.tasks), 4),
            "level_swap_change": round(100 * abs(swapped.copy_ratio - result.copy_ratio), 2)}


def evaluate(groups: dict[str, list], encoder, semantic: bool) -> dict:
    """Scores per group of pairs: per-class P/R/F1, macro-F1, copy_ratio error, coverage, level swap."""
    report = {}
    for group, pairs in groups.items():
        confusion: Counter = Counter()
        rows = [score_pair(*pair, encoder, semantic, confusion) for pair in pairs]
        report[group] = {"classes": prf(confusion), "pairs": rows,
                         "copy_ratio_error": round(sum(abs(r["copy_ratio"] - r["gold_copy_ratio"]) for r in rows)
                                                   / len(rows) * 100, 2),
                         "level_swap_change_max": max(r["level_swap_change"] for r in rows),
                         "confusion": {f"{g}->{p}": v for (g, p), v in sorted(confusion.items())}}
    return report


def self_swap(encoder, semantic: bool) -> float:
    """copy_ratio of the province programme against itself, minus that of its level-swapped copy."""
    path = SAMPLES / "tinh-uy-ctr-chuyen-doi-so.txt"
    upper = analyze_file(path)
    same = compare(analyze_file(path), upper, encoder=encoder, semantic=semantic).copy_ratio
    swapped = compare(analyze_text(level_swap(path.read_text(encoding="utf-8"))), upper,
                      encoder=encoder, semantic=semantic).copy_ratio
    return round(100 * abs(same - swapped), 2)


FEATURES = ("lexical", "content", "length")


def _train_samples(encoder) -> list[tuple[str, object]]:
    """(gold class, Evidence) for every paired task of the synthetic train split."""
    samples = []
    for name, lower_text, upper_path, gold in synthetic_pairs("train"):
        lower, upper = analyze_text(lower_text), analyze_file(upper_path)
        found, _, _ = evidence(lower, upper, encoder)
        by_id = dict(zip((t.id for t in lower.tasks), found))
        samples += [(g["copy"], by_id[p.id]) for g, p in match_tasks(gold, lower.tasks) if g and p]
    return samples


def _macro(samples, th: Thresholds, profile: str) -> float:
    return prf(Counter((g, decide(ev.lexical, ev.dice, ev.semantic if profile == "semantic" else None,
                                  ev.detail, th, ev.signals())) for g, ev in samples))["macro_f1"]


def _fit_model(samples, th: Thresholds) -> Logit:
    """Logistic regression (copied vs new) on the lexical signals; the cut that maximises
    train macro-F1 with the calibrated verbatim threshold (lexical profile)."""
    features = FEATURES
    x = np.array([[ev.signals().get(f) or 0.0 for f in features] for _, ev in samples])
    y = np.array([g != "new" for g, _ in samples], dtype=float)
    weights, bias = fit(x, y)
    model = Logit(features, tuple(float(w) for w in weights), bias)
    cuts = [round(c, 2) for c in np.arange(0.2, 0.81, 0.05)]
    best = max(cuts, key=lambda c: _macro(samples, replace(th, model=replace(model, cut=c)), "lexical"))
    return replace(model, cut=best)


def calibrate(encoder) -> dict:
    """Grid-search the rule thresholds on the train split for macro-F1, then fit the adapted-vs-new
    model on the same split; both profiles."""
    samples = _train_samples(encoder)
    rules = itertools.product([0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.96, 0.98], [0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    verbatim, adapted = max(rules, key=lambda t: _macro(samples, Thresholds(*t, 1.01, 0.1), "lexical"))
    rule_th = Thresholds(verbatim, adapted, 1.01, 0.1)
    model = _fit_model(samples, rule_th)
    profiles = {}
    for profile in ("lexical", "semantic") if encoder else ("lexical",):
        grid = itertools.product([0.86, 0.88, 0.9, 0.92, 0.94, 0.96, 1.01], [0.0, 0.1, 0.2]) \
            if profile == "semantic" else [(1.01, 0.1)]
        best = max(grid, key=lambda t: _macro(samples, replace(rule_th, semantic=t[0], semantic_min_lexical=t[1],
                                                               model=model), profile))
        th = replace(rule_th, semantic=best[0], semantic_min_lexical=best[1])
        profiles[profile] = dict(verbatim=verbatim, adapted=adapted, semantic=best[0], semantic_min_lexical=best[1],
                                 rules_train_macro_f1=_macro(samples, th, profile), model=model.as_dict(),
                                 train_macro_f1=_macro(samples, replace(th, model=model), profile))
    return profiles


def bench(encoder) -> dict:
    """Compare time for a ~20-page plan (synthetic tasks of all train pairs) against its programme."""
    pairs = dataset("train")
    tasks, size = [], 0
    for quote in (item["quote"] for p in pairs for item in p.labels):
        if size > 20 * 3000:                     # ~20 pages of 3,000 characters
            break
        tasks.append(quote)
        size += len(quote) + 5
    lower = analyze_text(pairs[0].lower_text.split("I. NHIỆM VỤ")[0] + "I. NHIỆM VỤ\n" +
                         "\n".join(f"{i}. {t}" for i, t in enumerate(tasks, 1)) + "\n")
    upper_text = "\n".join(path.read_text(encoding="utf-8") for path in sorted({p.upper for p in pairs}))
    upper = analyze_text(upper_text)
    out = {"lower_chars": len(lower.text), "lower_pages_at_3000_chars": round(len(lower.text) / 3000, 1),
           "lower_tasks": len(lower.tasks), "upper_tasks": len(upper.tasks)}
    for label, enc, semantic in (("lexical", None, False), ("with_encoder", encoder, True)):
        if semantic and enc is None:
            continue
        runs = []
        for _ in range(3):
            began = time.perf_counter()
            compare(lower, upper, encoder=enc, semantic=semantic)
            runs.append(time.perf_counter() - began)
        out[label] = {"first_s": round(runs[0], 3), "best_s": round(min(runs), 3)}
    if encoder is not None:                      # a fresh encoder: model load and no cached vectors
        began = time.perf_counter()
        fresh = type(encoder)()
        out["with_encoder"]["model_load_s"] = round(time.perf_counter() - began, 3)
        began = time.perf_counter()
        compare(lower, upper, encoder=fresh)
        out["with_encoder"]["cold_cache_s"] = round(time.perf_counter() - began, 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--bench", action="store_true")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--lexical-only", action="store_true", help="skip the runs with the encoder")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    encoder, reason = (None, "--lexical-only") if args.lexical_only else default_encoder()
    if args.calibrate:
        data = json.loads(THRESHOLDS.read_text(encoding="utf-8"))
        data.update(version=data.get("version", 0) + 1, profiles=calibrate(encoder),
                    note="rule thresholds: grid search for macro-F1; model: logistic regression "
                         "(adapted vs new), both on corpora/synthetic.py train pairs only "
                         "(python evaluation/compare.py --calibrate)")
        data["profiles"].setdefault("semantic", data["profiles"]["lexical"])
        THRESHOLDS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if args.bench:
        figures = {"bench": bench(encoder)}
    else:
        groups = {"real": real_pairs(args.corpus), "sample": [sample_pair()],
                  "synthetic_held_out": synthetic_pairs("held_out")}
        figures = {"lexical": evaluate(groups, None, False), "self_swap_lexical": self_swap(None, False)}
        if encoder is not None:
            figures["semantic"] = evaluate(groups, encoder, True)
            figures["self_swap_semantic"] = self_swap(encoder, True)
        else:
            figures["semantic"] = f"not run: {reason}"
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
