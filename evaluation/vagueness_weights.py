"""Refit the transparent vagueness sum and its two band thresholds by leave-one-document-out.

    python evaluation/vagueness_weights.py [--corpus ../shared/corpus/real]

The five numbers of service/vagueness/score.py (missing owner, missing deadline, missing measure, the cap per
cue category, the cap on all cues) are chosen on a grid to maximise Spearman against gold specificity over the
other documents; with them, VAGUE_FROM is the cut that best flags gold levels 1-2 (F1) and SPECIFIC_BELOW the
cut that best picks out levels 4-5, on the same documents. Each held-out document is then scored with what its
fold chose. Printed: the shipped weights and cuts, the best in-sample (optimistic) and the pooled held-out
figures, with how often each choice was made.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from dataclasses import astuple
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.score import DEFAULT_CORPUS  # noqa: E402
from evaluation.vagueness import collect, spearman  # noqa: E402
from service.vagueness.cues import find_hits  # noqa: E402
from service.vagueness.score import (SPECIFIC_BELOW, VAGUE_FROM, WEIGHTS, Weights, combine,  # noqa: E402
                                     cue_sums, missing_flags)

SHIPPED = astuple(WEIGHTS)
GRID = list(itertools.product((0.3, 0.45, 0.6, 0.75), (0.05, 0.1, 0.15, 0.2, 0.3, 0.4), (0.1, 0.2, 0.3, 0.4),
                              (0.05, 0.1, 0.2, 0.3), (0.2, 0.35, 0.5)))
CUTS = tuple(round(0.2 + 0.05 * i, 2) for i in range(15))      # 0.20 … 0.90


class Table:
    """The matched tasks as arrays: document, gold level, missing parts and cue weight per category."""

    def __init__(self, corpus: Path) -> None:
        docs, gold, missing, per_category = [], [], [], []
        for doc, g, task in collect(corpus):
            docs.append(doc)
            gold.append(g["specificity"])
            missing.append(missing_flags(task.vagueness.missing))
            per_category.append(cue_sums(find_hits(task)))
        categories = sorted({c for per in per_category for c in per})
        self.docs = np.array(docs)
        self.gold = np.array(gold)
        self.missing = np.array(missing, dtype=float)
        self.cues = np.array([[per.get(c, 0.0) for c in categories] for per in per_category])

    def scores(self, weights: tuple, rows: np.ndarray) -> np.ndarray:
        """The service's own sum (service/vagueness/score.py `combine`) with these weights."""
        return combine(self.missing[rows], self.cues[rows], Weights(*weights))


def rho(scores: np.ndarray, gold: np.ndarray) -> float:
    """Spearman's rho of -score against the gold level."""
    return spearman(-scores, gold)


def counts(flagged: np.ndarray, truth: np.ndarray) -> np.ndarray:
    return np.array([(flagged & truth).sum(), (flagged & ~truth).sum(), (~flagged & truth).sum()])


def f1(c: np.ndarray) -> float:
    return float(2 * c[0] / (2 * c[0] + c[1] + c[2])) if c[0] else 0.0


def best_cut(scores: np.ndarray, truth: np.ndarray, below: bool) -> float:
    """The cut with the best F1 for `truth` (score ≥ cut, or score < cut when `below`)."""
    return max(CUTS, key=lambda t: f1(counts(scores < t if below else scores >= t, truth)))


def fit(table: Table, rows: np.ndarray) -> tuple[tuple, float, float]:
    """Weights by Spearman, then the vague and the specific cuts with those weights."""
    gold = table.gold[rows]
    weights = max(GRID, key=lambda w: rho(table.scores(w, rows), gold))
    scores = table.scores(weights, rows)
    return weights, best_cut(scores, gold <= 2, below=False), best_cut(scores, gold >= 4, below=True)


def held_out(table: Table) -> dict:
    """Each document scored with the weights and cuts fitted on all the others."""
    scores = np.zeros(len(table.gold))
    vague, specific = np.zeros(3, int), np.zeros(3, int)
    chosen: Counter = Counter()
    for doc in sorted(set(table.docs)):
        train, test = np.flatnonzero(table.docs != doc), np.flatnonzero(table.docs == doc)
        weights, vague_from, specific_below = fit(table, train)
        chosen[(weights, vague_from, specific_below)] += 1
        scores[test] = table.scores(weights, test)
        vague += counts(scores[test] >= vague_from, table.gold[test] <= 2)
        specific += counts(scores[test] < specific_below, table.gold[test] >= 4)
    return {"spearman": rho(scores, table.gold), "vague": vague, "specific": specific, "chosen": chosen}


def describe(name: str, weights: tuple, vague_from: float, specific_below: float, table: Table) -> str:
    rows = np.arange(len(table.gold))
    scores = table.scores(weights, rows)
    v = counts(scores >= vague_from, table.gold <= 2)
    s = counts(scores < specific_below, table.gold >= 4)
    return (f"{name} {weights} vague from {vague_from}, specific below {specific_below}: Spearman "
            f"{rho(scores, table.gold):.3f}, vague F1 {f1(v):.3f} (tp/fp/fn {'/'.join(map(str, v))}), "
            f"specific F1 {f1(s):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    table = Table(args.corpus)
    print(f"{len(table.gold)} matched tasks; weights (owner, deadline, measure, category cap, cue cap)")
    print(describe("shipped", SHIPPED, VAGUE_FROM, SPECIFIC_BELOW, table))
    print(describe("best in-sample (optimistic)", *fit(table, np.arange(len(table.gold))), table))
    result = held_out(table)
    v, s = result["vague"], result["specific"]
    print(f"refitted leave-one-document-out: Spearman {result['spearman']:.3f}, vague F1 {f1(v):.3f} "
          f"(tp/fp/fn {'/'.join(map(str, v))}), specific F1 {f1(s):.3f}")
    for (weights, vague_from, specific_below), n in result["chosen"].most_common(3):
        print(f"  {n} folds: {weights}, vague from {vague_from}, specific below {specific_below}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
