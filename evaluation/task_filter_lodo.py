"""Leave-one-document-out for the learned task filter (line role: is this item a task?).

    python evaluation/task_filter_lodo.py cache        # rules and hybrid analyses + task vectors → cache
    python evaluation/task_filter_lodo.py lodo [--json out.json] [--tagger held_out]
    python evaluation/task_filter_lodo.py fit          # the shipped filter on every document → models/

The shipped filter fixes two of the choices as product rules:
    --protect lead_and_deadline_or_named --scope beyond_work_acts

Each item the extractors segment as a task is labelled by evaluation/score.py's matching (1 if it carries a
gold task) and described by service/extract/task_filter.py from what the rules found (the filter runs
before the tagger's fields are merged), the genre and kind, and the tagger's sentence vectors of the item
and of its document. For each held-out document a logistic regression is fitted on the others; its
strength, the keep cut, the protection (service/extract/task_filter.py PROTECT, or those given with
--protect) and the scope (every document, or only those that are not acts issuing work; or those given with
--scope) are chosen by a 6-fold cross-validation over those other documents, maximising the mean F1 of
tasks, lead, support and deadline, so nothing is chosen with the held-out document in view. `fit` chooses
the four by leave-one-document-out over all documents and fits on all of them. Printed: every field of
evaluation/score.py pooled over the held-out documents, for rules, hybrid and hybrid with the filter, and
task F1 per genre. With `--tagger held_out` the hybrid's fields come, for every document, from the tagger head
trained without it (models/train_tagger.py lodo), so no field is scored by a head that saw its document.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):     # one thread: many small fits, no oversubscription
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.score import Scores, as_row, pooled, score_doc  # noqa: E402
from evaluation.task_filter_data import Table, build_cache, load, table  # noqa: E402
from service.extract.task_filter import FILE, PROTECT, SCOPES, drop_tasks, keep_mask  # noqa: E402

FIELDS = ("tasks", "lead", "support", "deadline", "targets")
STRENGTHS = (0.01, 0.03, 0.1, 0.3)
CUTS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.45, 0.5)
INNER_FOLDS = 6


def fit(x, y, strength: float):
    """Standardised L2 logistic regression, balanced classes (scikit-learn)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=strength, class_weight="balanced", max_iter=2000))
    return model.fit(x, y)


def save(model, choice: tuple, about: dict) -> Path:
    """Coefficients as JSON (no pickle) beside the catalogue: scaler, weights, intercept and the choice."""
    _, _, cut, protect, scope = choice
    scaler, lr = model[0], model[-1]
    path = ROOT / "models" / FILE
    path.write_text(json.dumps({**about, "cut": cut, "protect": protect, "scope": scope,
                                "mean": scaler.mean_.round(6).tolist(), "scale": scaler.scale_.round(6).tolist(),
                                "coef": lr.coef_[0].round(6).tolist(),
                                "intercept": round(float(lr.intercept_[0]), 6)}) + "\n", encoding="utf-8")
    return path


def objective(keep: np.ndarray, t: Table, names) -> float:
    """Mean F1 of tasks, lead, support and deadline over documents `names` when only `keep` items stay."""
    total = np.where(keep[:, None, None], t.kept, t.dropped).sum(0) + sum(t.base[n] for n in names)
    tp, fp, fn = total[:, 0], total[:, 1], total[:, 2]
    return float(np.mean(np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)))


def oof(t: Table, strength: float, folds: int | None) -> np.ndarray:
    """Out-of-fold probabilities, documents dealt into `folds` (None: one fold per document)."""
    names = sorted(set(t.groups))
    fold_of = {n: (k % folds if folds else k) for k, n in enumerate(names)}
    f = np.array([fold_of[g] for g in t.groups])
    p = np.zeros(len(t.y))
    for k in set(f):
        p[f == k] = fit(t.x[f != k], t.y[f != k], strength).predict_proba(t.x[f == k])[:, 1]
    return p


def choose(t: Table, names, folds: int | None = INNER_FOLDS, protections=tuple(PROTECT), scopes=tuple(SCOPES)) -> tuple:
    """(objective, strength, cut, protection, scope) best by cross-validation over documents."""
    best = (-1.0, STRENGTHS[0], CUTS[0], "none", "all")
    for strength in STRENGTHS:
        p = oof(t, strength, folds)
        for cut in CUTS:
            for protect in protections:
                for scope in scopes:
                    keep = (p >= cut) | t.protected[protect] | t.outside[scope]
                    best = max(best, (objective(keep, t, names), strength, cut, protect, scope))
    return best


def held_out_hybrid(rules: dict) -> dict:
    """The hybrid of every document with the tagger's fields from the head trained without that document
    (models/train_tagger.py lodo), at the catalogue's thresholds, instead of the shipped head's."""
    from evaluation.lodo_extract import apply, cache_dir as tagger_cache
    from service.extract.stages import thresholds

    guesses = json.loads((tagger_cache() / "lodo_predictions.json").read_text(encoding="utf-8"))
    shipped = thresholds()
    return {i: apply(doc, guesses.get(i, {}), "hybrid", shipped) for i, doc in rules.items()}


def cmd_lodo(json_path: Path | None, protections: tuple[str, ...], scopes: tuple[str, ...],
             tagger: str = "shipped") -> None:
    from service.genre import genre

    golds, rules, vectors = load("rules")
    hybrid = held_out_hybrid(rules) if tagger == "held_out" else load("hybrid")[1]
    t = table(golds, hybrid, rules, vectors)
    rows, chosen, probs = {"rules": {}, "hybrid": {}, "hybrid + filter": {}}, {}, {}
    for held in golds:
        keep = [True] * len(hybrid[held].tasks)
        if hybrid[held].tasks:
            train = t.groups != held
            choice = choose(t.rows(train), [n for n in golds if n != held], protections=protections, scopes=scopes)
            p = fit(t.x[train], t.y[train], choice[1]).predict_proba(t.x[~train])[:, 1]
            keep = keep_mask(rules[held], p, *choice[2:])
            chosen[held], probs[held] = choice[1:], p.tolist()
        filtered = drop_tasks(hybrid[held].model_copy(deep=True),
                              [task.id for task, k in zip(hybrid[held].tasks, keep) if not k])
        for name, doc in (("rules", rules[held]), ("hybrid", hybrid[held]), ("hybrid + filter", filtered)):
            rows[name][held] = as_row(score_doc(golds[held], lambda _, d=doc: d, Scores()))
        print(f"  {held}: {chosen.get(held)}", flush=True)
    report(rows, {i: genre(rules[i].metadata) for i in golds})
    if json_path:
        json_path.write_text(json.dumps({"rows": rows, "chosen": chosen, "probs": probs}, indent=1))


def report(rows: dict, genres: dict) -> None:
    print(f"\nleave-one-document-out over {len(genres)} task-annotated documents (F1; P/R)")
    print(f"{'field':<10}" + "".join(f"{m:>22}" for m in rows))
    for f in FIELDS:
        cells = [pooled(list(r.values()))[f] for r in rows.values()]
        print(f"{f:<10}" + "".join(f"{c['f1']:>8.3f} ({c['precision']:.2f}/{c['recall']:.2f})" for c in cells))
    by_genre = defaultdict(list)
    for i, g in genres.items():
        by_genre[g].append(i)
    print("\ntasks F1 by genre (documents): " + " → ".join(rows))
    for g, ids in sorted(by_genre.items()):
        cells = [pooled([r[i] for i in ids])["tasks"]["f1"] for r in rows.values()]
        print(f"  {g:<8} ({len(ids):>3}) " + " → ".join(f"{c:.3f}" for c in cells))


def cmd_fit(protections: tuple[str, ...], scopes: tuple[str, ...]) -> None:
    """The shipped filter: the four choices by leave-one-document-out on every document, fitted on all."""
    golds, hybrid, vectors = load("hybrid")
    t = table(golds, hybrid, load("rules")[1], vectors)
    choice = choose(t, list(golds), folds=None, protections=protections, scopes=scopes)
    path = save(fit(t.x, t.y, choice[1]), choice,
                {"documents": len(golds), "items": int(len(t.y)), "strength": choice[1],
                 "selection_objective": round(choice[0], 3)})
    print(f"{path}: strength, cut, protect, scope = {choice[1:]}; mean F1 of the best choice {choice[0]:.3f} "
          "(the maximum over the grid, so optimistic)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("cache", "lodo", "fit"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--protect", nargs="*", choices=tuple(PROTECT), default=list(PROTECT),
                        help="protection rules the choice may take (default: all)")
    parser.add_argument("--scope", nargs="*", choices=tuple(SCOPES), default=list(SCOPES),
                        help="scopes the choice may take (default: all)")
    parser.add_argument("--tagger", choices=("shipped", "held_out"), default="shipped",
                        help="lodo: the hybrid's fields from the shipped head, or from the head trained without "
                             "each document (needs models/train_tagger.py data and lodo)")
    args = parser.parse_args(argv)
    protections = tuple(args.protect)
    scopes = tuple(args.scope)
    {"cache": build_cache, "lodo": lambda: cmd_lodo(args.json, protections, scopes, args.tagger),
     "fit": lambda: cmd_fit(protections, scopes)}[args.command]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
