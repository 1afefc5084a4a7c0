"""Score and calibrate the copy check (`rasoat compare`) on the real annotated pairs; synthetic
pairs are secondary; time it on a ~20-page plan against a stored upper programme.

    python evaluation/compare.py                     # leave-one-pair-out on real pairs; synthetic
    python evaluation/compare.py --calibrate         # fit on every real pair → thresholds.json
    python evaluation/compare.py --bench             # compare time beyond embedding the plan
    python evaluation/compare.py --lexical-only      # without the encoder

Real pairs: every gold file with an `upper_doc` (B2 vs B1, D2 vs D1). Every fitted number (the
verbatim threshold, the logistic weights, its cut) is fitted with the pair it is scored on left out
("leave-one-pair-out"); the held-out confusions are pooled into the headline figures. Per lower
task the class is scored after pairing predicted and gold tasks with evaluation/score.py's
`match_tasks`; a gold task left unpaired counts as missed (a miss for its class). "taken vs new"
is the two-class reading (verbatim or adapted = taken). The synthetic pairs
(corpora/synthetic.py: our samples and the real uppers, reworded without the classifier's lexicon)
are scored with thresholds fitted on all real pairs.
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

from corpora.synthetic import dataset  # noqa: E402
from evaluation.score import DEFAULT_CORPUS, match_tasks  # noqa: E402
from service.compare.classify import Thresholds, decide  # noqa: E402
from service.compare.embed import default_encoder  # noqa: E402
from service.compare.engine import evidence, pieces, upper_passages  # noqa: E402
from service.compare.logit import Logit, fit  # noqa: E402
from service.pipeline import analyze_file, analyze_text  # noqa: E402

CLASSES = ("verbatim", "adapted", "new")
THRESHOLDS = ROOT / "service" / "compare" / "thresholds.json"
# Feature sets and L2: few features, as the real pairs are few (84 tasks). Chosen among about eight
# candidate sets and three L2 values by the leave-one-pair-out figures themselves (closing note,
# issue 14): a choice made looking at the held-out pairs, so those figures flatter it somewhat.
FEATURES = {"lexical": ("content", "upper_cov"),
            "semantic": ("semantic", "content")}
L2 = 0.2                   # on standardised features
VERBATIM_GRID = (0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.96, 1.01)
CUT_GRID = tuple(round(c, 2) for c in np.arange(0.1, 0.91, 0.05))
ADAPTED_SHARE = 0.5        # the aligned share find-source counts as a covered task (not fitted here)


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


def synthetic_pairs(split: str) -> list[tuple[str, str, Path, list[dict]]]:
    return [(p.name, p.lower_text, p.upper, p.labels) for p in dataset(split)]


def collect(pair, encoder) -> dict:
    """Evidence of every paired gold task of one pair, and the gold tasks left unpaired."""
    name, lower_text, upper_path, gold = pair
    lower, upper = analyze_text(lower_text, "lower.txt"), analyze_file(upper_path)
    found, _, _ = evidence(lower, upper, encoder)
    by_id = dict(zip((t.id for t in lower.tasks), found))
    samples = [(g["copy"], by_id[p.id]) for g, p in match_tasks(gold, lower.tasks) if g and p]
    missed = [g["copy"] for g, p in match_tasks(gold, lower.tasks) if g and p is None]
    return {"name": name, "samples": samples, "missed": missed}


def classify(ev, th: Thresholds, profile: str) -> str:
    return decide(ev.lexical, ev.dice, ev.semantic if profile == "semantic" else None, ev.detail, th,
                  ev.signals() if profile == "semantic" else
                  {k: v for k, v in ev.signals().items() if k != "semantic"})


def confusion_of(groups: list[dict], th: Thresholds, profile: str) -> Counter:
    out: Counter = Counter()
    for group in groups:
        out.update((g, classify(ev, th, profile)) for g, ev in group["samples"])
        out.update((g, "missed") for g in group["missed"])
    return out


def prf(confusion: Counter) -> dict:
    """Per-class precision, recall, F1, macro-F1, and the taken-vs-new reading."""
    out = {}
    for c in CLASSES:
        tp = confusion[(c, c)]
        fp = sum(v for (g, p), v in confusion.items() if p == c and g != c)
        fn = sum(v for (g, p), v in confusion.items() if g == c and p != c)
        out[c] = _f(tp, fp, fn)
    out["macro_f1"] = round(sum(out[c]["f1"] for c in CLASSES) / len(CLASSES), 3)
    taken = {"verbatim", "adapted"}
    tp = sum(v for (g, p), v in confusion.items() if g in taken and p in taken)
    fp = sum(v for (g, p), v in confusion.items() if g == "new" and p in taken)
    fn = sum(v for (g, p), v in confusion.items() if g in taken and p not in taken)
    tn = confusion[("new", "new")]
    fn_new = sum(v for (g, p), v in confusion.items() if g == "new" and p != "new")
    fp_new = sum(v for (g, p), v in confusion.items() if g in taken and p == "new")
    out["taken"], out["new_2class"] = _f(tp, fp, fn), _f(tn, fp_new, fn_new)
    out["taken_vs_new_f1"] = out["taken"]["f1"]
    out["taken_vs_new_macro_f1"] = round((out["taken"]["f1"] + out["new_2class"]["f1"]) / 2, 3)
    return out


def _f(tp: int, fp: int, fn: int) -> dict:
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3), "n": tp + fn}


def _macro(groups, th, profile) -> float:
    return prf(confusion_of(groups, th, profile))["macro_f1"]


def fit_thresholds(groups: list[dict], profile: str) -> Thresholds:
    """Every fitted number from `groups` alone: the verbatim threshold (two-sided overlap), the
    logistic model (taken vs new) on the profile's features, and its cut, for macro-F1."""
    samples = [(g, ev) for group in groups for g, ev in group["samples"]]
    features = FEATURES[profile]
    x = np.array([[ev.signals().get(f) or 0.0 for f in features] for _, ev in samples])
    y = np.array([g != "new" for g, _ in samples], dtype=float)
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    weights, bias = fit((x - mean) / std, y, l2=L2)
    weights = weights / std                         # folded back: the model reads raw signals
    model = Logit(features, tuple(float(w) for w in weights), float(bias - weights @ mean))
    best, best_score = None, -1.0
    for verbatim, cut in itertools.product(VERBATIM_GRID, CUT_GRID):
        th = Thresholds(verbatim=verbatim, adapted=ADAPTED_SHARE, semantic=1.01, semantic_min_lexical=0.0,
                        model=replace(model, cut=cut))
        score = _macro(groups, th, profile)
        if score > best_score + 1e-9:
            best, best_score = th, score
    return best


def leave_one_pair_out(groups: list[dict], profile: str, extra: list[dict] = ()) -> dict:
    """Each real pair scored with thresholds fitted on the others (and `extra`); pooled figures."""
    pooled: Counter = Counter()
    rows = []
    for k, held in enumerate(groups):
        th = fit_thresholds([g for i, g in enumerate(groups) if i != k] + list(extra), profile)
        confusion = confusion_of([held], th, profile)
        pooled += confusion
        rows.append({"pair": held["name"], "fitted_on": [g["name"] for i, g in enumerate(groups) if i != k]
                     + [g["name"] for g in extra], "thresholds": th.as_dict(), "classes": prf(confusion),
                     "confusion": _confusion_json(confusion)})
    return {"pooled": prf(pooled), "confusion": _confusion_json(pooled), "folds": rows}


def _confusion_json(confusion: Counter) -> dict:
    return {f"{g}->{p}": v for (g, p), v in sorted(confusion.items())}


def calibrate(groups_by_profile: dict[str, list[dict]]) -> dict:
    """Thresholds fitted on every real pair, per profile (what thresholds.json ships)."""
    out = {}
    for profile, groups in groups_by_profile.items():
        th = fit_thresholds(groups, profile)
        out[profile] = dict(verbatim=th.verbatim, adapted=th.adapted, semantic=th.semantic,
                            semantic_min_lexical=th.semantic_min_lexical, model=th.model.as_dict(),
                            train_macro_f1=_macro(groups, th, profile))
    return out


def bench(encoder) -> dict:
    """A ~20-page plan against a stored upper programme: the time to embed the plan's own tasks,
    then the rest of the comparison with the upper's stored vectors (upper_vectors)."""
    from service.compare import compare

    pairs = dataset("train")
    tasks, size = [], 0
    for quote in (item["quote"] for p in pairs for item in p.labels):
        if size > 20 * 3000:                     # ~20 pages of 3,000 characters
            break
        tasks.append(quote)
        size += len(quote) + 5
    lower = analyze_text(pairs[0].lower_text.split("I. NHIỆM VỤ")[0] + "I. NHIỆM VỤ\n" +
                         "\n".join(f"{i}. {t}" for i, t in enumerate(tasks, 1)) + "\n")
    upper = analyze_file(DEFAULT_CORPUS / "docs" / "B1_NQ-10-NQ-TW_2022-02-10_BoChinhTri.txt") \
        if (DEFAULT_CORPUS / "docs").exists() else analyze_file(pairs[0].upper)
    out = {"lower_chars": len(lower.text), "lower_pages_at_3000_chars": round(len(lower.text) / 3000, 1),
           "lower_tasks": len(lower.tasks), "upper_chars": len(upper.text),
           "upper_passages": len(upper_passages(upper))}
    began = time.perf_counter()
    compare(lower, upper, semantic=False)
    out["lexical_only_s"] = round(time.perf_counter() - began, 3)
    if encoder is None:
        return out
    stored = encoder.encode([p.text for p in upper_passages(upper)])     # as stored with the upper
    fresh = type(encoder)()                                              # no vectors in memory
    texts = [p for t in lower.tasks for p in pieces(t.text)]
    began = time.perf_counter()
    fresh.encode(texts)
    out["embed_plan_s"] = round(time.perf_counter() - began, 3)
    out["plan_texts_embedded"] = len(texts)
    began = time.perf_counter()
    compare(lower, upper, encoder=fresh, upper_vectors=stored)
    out["compare_beyond_embedding_s"] = round(time.perf_counter() - began, 3)
    out["encoder"] = fresh.name
    return out


def print_figures(figures: dict) -> None:
    for profile in ("semantic", "lexical"):
        res = figures.get(profile)
        if not isinstance(res, dict):
            continue
        lopo = res["real_leave_one_pair_out"]["pooled"]
        print(f"[{profile}] real pairs, leave-one-pair-out: macro-F1 {lopo['macro_f1']:.3f} · "
              f"taken-vs-new F1 {lopo['taken_vs_new_f1']:.3f} (2-class macro {lopo['taken_vs_new_macro_f1']:.3f}) · "
              + " ".join(f"{c} {lopo[c]['f1']:.2f}/{lopo[c]['n']}" for c in CLASSES))
        for fold in res["real_leave_one_pair_out"]["folds"]:
            c = fold["classes"]
            print(f"    {fold['pair']} (fitted on {'+'.join(fold['fitted_on'])}): macro-F1 {c['macro_f1']:.3f}, "
                  f"taken-vs-new F1 {c['taken_vs_new_f1']:.3f}")
        syn = res["synthetic_held_out"]
        print(f"    synthetic held-out (fitted on all real pairs): macro-F1 {syn['macro_f1']:.3f}, "
              f"taken-vs-new F1 {syn['taken_vs_new_f1']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--bench", action="store_true")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--lexical-only", action="store_true", help="skip the runs with the encoder")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    encoder, note = (None, "--lexical-only") if args.lexical_only else default_encoder()
    if args.bench:
        figures = {"bench": bench(encoder)}
        print(json.dumps(figures, indent=1, ensure_ascii=False))
    else:
        profiles = {"lexical": None} | ({"semantic": encoder} if encoder is not None else {})
        real = {p: [collect(pair, enc) for pair in real_pairs(args.corpus)] for p, enc in profiles.items()}
        if args.calibrate:
            data = json.loads(THRESHOLDS.read_text(encoding="utf-8"))
            data.update(version=data.get("version", 0) + 1, profiles=calibrate(real),
                        note="verbatim threshold, logistic model (taken vs new) and its cut fitted on every "
                             "real annotated pair (B2/B1, D2/D1) for macro-F1; leave-one-pair-out figures: "
                             "python evaluation/compare.py")
            data["profiles"].setdefault("semantic", data["profiles"]["lexical"])
            THRESHOLDS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            print(json.dumps(data, indent=2, ensure_ascii=False))
            return
        synthetic = {p: [collect(pair, enc) for pair in synthetic_pairs("held_out")] for p, enc in profiles.items()}
        figures = {"encoder": getattr(encoder, "name", None), "note": note}
        for profile in profiles:
            th = fit_thresholds(real[profile], profile)
            syn = confusion_of(synthetic[profile], th, profile)
            figures[profile] = {"real_leave_one_pair_out": leave_one_pair_out(real[profile], profile),
                                "real_fitted_on_all_in_sample": prf(confusion_of(real[profile], th, profile)),
                                "synthetic_held_out": prf(syn) | {"confusion": _confusion_json(syn)}}
        print_figures(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
