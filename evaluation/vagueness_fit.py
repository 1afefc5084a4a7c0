"""Fit the vagueness model to the gold specificity by leave-one-document-out, beside the transparent sum.

    python models/train_tagger.py data && python models/train_tagger.py lodo   # the cache it reads
    python evaluation/vagueness_fit.py [--write] [--json out.json]

For every annotated document, the rules' analysis (cached) gets the hybrid's fields from the tagger
trained without that document, the transparent score is recomputed, and each task matched to gold is
described by service/vagueness/fitted.py's features (what the document's items name, missing parts, cue
counts per category, the transparent score, the encoder's sentence vector). A ridge regression onto gold specificity is fitted
on the other documents (its strength chosen by an inner leave-one-document-out on them) and predicts
the held-out document. Reported: Spearman of the transparent score and of the fitted one against gold,
pooled over held-out predictions. `--write` stores the fit on every document in fitted.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.lodo_extract import apply, cache_dir  # noqa: E402
from evaluation.score import gold_docs, match_tasks  # noqa: E402
from evaluation.vagueness import spearman  # noqa: E402
from service.document import Document  # noqa: E402
from service.extract.stages import thresholds  # noqa: E402
from service.vagueness import score_task  # noqa: E402
from service.vagueness.fitted import FITTED, categories, document_context, features  # noqa: E402

ALPHAS = (1.0, 10.0, 100.0, 1000.0)


def collect() -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """(X, specificity, transparent score, document of each row) over matched gold tasks."""
    import torch

    cache = cache_dir()
    predictions = json.loads((cache / "lodo_predictions.json").read_text(encoding="utf-8"))
    feats = torch.load(cache / "features.pt")
    cats, rows, y, plain, groups = categories(), [], [], [], []
    for gold in gold_docs():
        if gold.id not in predictions:
            continue
        doc = Document.model_validate_json((cache / "rule_docs" / f"{gold.id}.json").read_text(encoding="utf-8"))
        doc = apply(doc, predictions[gold.id], "hybrid", thresholds())
        scored = {task.id: score_task(task) for task in doc.tasks}
        context = document_context(list(scored.values()))
        for g, task in match_tasks(gold.gold["tasks"], doc.tasks):
            if g is None or task is None or not feats.get(task.text, (None, []))[1]:
                continue
            vagueness = scored[task.id]
            rows.append(features(vagueness, feats[task.text][0][:, -384:].float().mean(0).numpy(), cats, context))
            y.append(float(g["specificity"]))
            plain.append(vagueness.score)
            groups.append(gold.id)
    return np.stack(rows), np.asarray(y), np.asarray(plain), groups


def ridge(x: np.ndarray, y: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray, float]:
    """(mean, coefficients, intercept) of a ridge fit on centred features."""
    mean = x.mean(0)
    xc = x - mean
    coef = np.linalg.solve(xc.T @ xc + alpha * np.eye(x.shape[1]), xc.T @ (y - y.mean()))
    return mean, coef, float(y.mean())


def predict(model, x: np.ndarray) -> np.ndarray:
    mean, coef, intercept = model
    return (x - mean) @ coef + intercept


def lodo_predictions(x, y, groups: np.ndarray, alpha: float) -> np.ndarray:
    out = np.zeros(len(y))
    for g in np.unique(groups):
        held = groups == g
        out[held] = predict(ridge(x[~held], y[~held], alpha), x[held])
    return out


def best_alpha(x, y, groups) -> float:
    return max(ALPHAS, key=lambda a: spearman(list(lodo_predictions(x, y, groups, a)), list(y)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="store the fit on every document in fitted.json")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    x, y, plain, groups = collect()
    groups = np.asarray(groups)
    fitted, chosen = np.zeros(len(y)), {}
    for g in np.unique(groups):                  # nested: the strength is chosen without the held-out document
        held = groups == g
        alpha = best_alpha(x[~held], y[~held], groups[~held])
        chosen[str(g)] = alpha
        fitted[held] = predict(ridge(x[~held], y[~held], alpha), x[held])
    result = {"tasks": int(len(y)), "documents": int(len(np.unique(groups))),
              "spearman_transparent": round(spearman(list(-plain), list(y)), 3),
              "spearman_fitted_lodo": round(spearman(list(fitted), list(y)), 3),
              "alphas_chosen": sorted(set(chosen.values()))}
    print(json.dumps(result, indent=1))
    if args.write:
        alpha = best_alpha(x, y, groups)
        mean, coef, intercept = ridge(x, y, alpha)
        FITTED.write_text(json.dumps({"alpha": alpha, "categories": categories(), "intercept": intercept,
                                      "mean": [round(float(v), 6) for v in mean],
                                      "coef": [round(float(v), 6) for v in coef],
                                      "lodo": result}) + "\n", encoding="utf-8")
        print(f"wrote {FITTED} (alpha {alpha})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
