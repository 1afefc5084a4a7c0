"""Fit the vagueness model to the gold specificity by leave-one-document-out, beside the transparent sum.

    python models/train_tagger.py data && python models/train_tagger.py lodo   # the cache it reads
    python evaluation/vagueness_fit.py [--write] [--json out.json]

For every annotated document, the rules' analysis (cached) gets the hybrid's fields from the tagger
trained without that document, the transparent score is recomputed, and each task matched to gold is
described by service/vagueness/fitted.py's features (what the document's items name, missing parts, cue
counts per category, the transparent score, the encoder's sentence vector). A ridge regression onto gold specificity is fitted
on the other documents (its strength chosen by an inner leave-one-document-out on them) and predicts
the held-out document; the sentence vector's dimensions may be penalised less than the rest (a scale
chosen with the strength). Reported: Spearman of the transparent score and of the fitted one against gold,
pooled over held-out predictions. `--write` stores the fit on every document in fitted.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.linalg

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
VECTOR_SCALES = (0.1, 0.3, 1.0)      # the sentence vector's penalty, relative to the other features'
VECTOR_DIMS = 384


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
            rows.append(features(vagueness, feats[task.text][0][:, -VECTOR_DIMS:].float().mean(0).numpy(), cats,
                                 context))
            y.append(float(g["specificity"]))
            plain.append(vagueness.score)
            groups.append(gold.id)
    return np.stack(rows), np.asarray(y), np.asarray(plain), groups


class Sums:
    """Per-document sums (count, Σx, Σxxᵀ, Σy, Σxy): a ridge fit on any set of documents from them, without
    going over the rows again."""

    def __init__(self, x: np.ndarray, y: np.ndarray, groups: np.ndarray):
        self.groups = groups
        self.of = {g: self._sums(x[groups == g], y[groups == g]) for g in np.unique(groups)}
        self.total = self._add(self.of.values())

    @staticmethod
    def _sums(x, y):
        return [len(y), x.sum(0), x.T @ x, y.sum(), x.T @ y]

    @staticmethod
    def _add(parts):
        parts = list(parts)
        return [sum(p[k] for p in parts) for k in range(5)]

    def without(self, base: list, *held) -> list:
        return [base[k] - sum(self.of[g][k] for g in held) for k in range(5)]


def penalty(width: int, alpha: float, scale: float) -> np.ndarray:
    """Ridge penalty per feature: `alpha`, times `scale` on the sentence vector (its last VECTOR_DIMS)."""
    return np.r_[np.full(width - VECTOR_DIMS, alpha), np.full(VECTOR_DIMS, alpha * scale)]


def ridge(sums: list, pen: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """(mean, coefficients, intercept) of a ridge fit on centred features, from a document set's sums."""
    n, sx, sxx, sy, sxy = sums
    mean, y_mean = sx / n, sy / n
    gram = sxx - n * np.outer(mean, mean)
    coef = scipy.linalg.solve(gram + np.diag(pen), sxy - n * mean * y_mean, assume_a="pos")
    return mean, coef, float(y_mean)


def predict(model, x: np.ndarray) -> np.ndarray:
    mean, coef, intercept = model
    return (x - mean) @ coef + intercept


def lodo_spearman(x, y, sums: Sums, base: list, docs, pen: np.ndarray) -> float:
    """Spearman of leave-one-document-out predictions over `docs` (their sums making up `base`)."""
    rows = np.isin(sums.groups, docs)
    out = np.zeros(len(y))
    for g in docs:
        held = sums.groups == g
        out[held] = predict(ridge(sums.without(base, g), pen), x[held])
    return spearman(list(out[rows]), list(y[rows]))


def best_penalty(x, y, sums: Sums, base: list, docs) -> tuple[float, float]:
    """The (strength, vector scale) of the best leave-one-document-out Spearman over `docs`."""
    return max(((a, c) for a in ALPHAS for c in VECTOR_SCALES),
               key=lambda ac: lodo_spearman(x, y, sums, base, docs, penalty(x.shape[1], *ac)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="store the fit on every document in fitted.json")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    x, y, plain, groups = collect()
    x, groups = x.astype(np.float64), np.asarray(groups)     # sums of products: double precision
    sums, docs = Sums(x, y, groups), list(np.unique(groups))
    fitted, chosen = np.zeros(len(y)), {}
    for g in docs:                  # nested: strength and scale are chosen without the held-out document
        outer = sums.without(sums.total, g)
        choice = best_penalty(x, y, sums, outer, [d for d in docs if d != g])
        chosen[str(g)] = choice
        held = groups == g
        fitted[held] = predict(ridge(outer, penalty(x.shape[1], *choice)), x[held])
    result = {"tasks": int(len(y)), "documents": len(docs),
              "spearman_transparent": round(spearman(list(-plain), list(y)), 3),
              "spearman_fitted_lodo": round(spearman(list(fitted), list(y)), 3),
              "penalties_chosen": {f"{a:g}×{c:g}": n for (a, c), n in Counter(chosen.values()).most_common()}}
    print(json.dumps(result, indent=1))
    if args.write:
        alpha, scale = best_penalty(x, y, sums, sums.total, docs)
        mean, coef, intercept = ridge(sums.total, penalty(x.shape[1], alpha, scale))
        FITTED.write_text(json.dumps({"alpha": alpha, "vector_scale": scale, "categories": categories(),
                                      "intercept": intercept,
                                      "mean": [round(float(v), 6) for v in mean],
                                      "coef": [round(float(v), 6) for v in coef],
                                      "lodo": result}) + "\n", encoding="utf-8")
        print(f"wrote {FITTED} (alpha {alpha}, vector scale {scale})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
