"""Refit the weights of the transparent vagueness sum by leave-one-document-out and compare with the shipped ones.

    python evaluation/vagueness_weights.py [--corpus ../shared/corpus/real]

The five numbers of service/vagueness/score.py (missing owner, missing deadline, missing measure, the cap per
cue category, the cap on all cues) are chosen on a grid to maximise Spearman against gold specificity over the
other documents, then score the held-out one; printed: Spearman of the shipped weights, of the best weights
in-sample (optimistic), and pooled over the held-out documents.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.score import DEFAULT_CORPUS  # noqa: E402
from evaluation.vagueness import collect, spearman  # noqa: E402
from service.vagueness.cues import find_hits  # noqa: E402
from service.vagueness.score import CATEGORY_CAP, CUE_CAP, MISSING_WEIGHTS  # noqa: E402

SHIPPED = (MISSING_WEIGHTS["owner"], MISSING_WEIGHTS["deadline"], MISSING_WEIGHTS["measure"], CATEGORY_CAP, CUE_CAP)
GRID = list(itertools.product((0.3, 0.45, 0.6), (0.05, 0.1, 0.15, 0.2, 0.3), (0.1, 0.2, 0.3, 0.4),
                              (0.1, 0.2, 0.3), (0.2, 0.35, 0.5)))

Row = tuple[str, int, frozenset, dict]      # document, gold specificity, missing parts, cue weight per category


def rows(corpus: Path) -> list[Row]:
    out = []
    for doc, gold, task in collect(corpus):
        per: Counter = Counter()
        for hit in find_hits(task):
            per[hit.rule.category] += hit.rule.weight
        out.append((doc, gold["specificity"], frozenset(task.vagueness.missing), dict(per)))
    return out


def score(row: Row, weights: tuple) -> float:
    owner, deadline, measure, category_cap, cue_cap = weights
    missing = row[2]
    total = owner * ("owner" in missing) + deadline * ("deadline" in missing) \
        + measure * ("target" in missing and "output" in missing)
    return min(1.0, total + min(cue_cap, sum(min(category_cap, w) for w in row[3].values())))


def rho(data: list[Row], weights: tuple) -> float:
    return spearman([-score(r, weights) for r in data], [r[1] for r in data])


def leave_one_document_out(data: list[Row]) -> tuple[float, Counter]:
    held: list[tuple[float, int]] = []
    chosen: Counter = Counter()
    for doc in sorted({r[0] for r in data}):
        train = [r for r in data if r[0] != doc]
        best = max(GRID, key=lambda w: rho(train, w))
        chosen[best] += 1
        held += [(score(r, best), r[1]) for r in data if r[0] == doc]
    return spearman([-s for s, _ in held], [g for _, g in held]), chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    data = rows(args.corpus)
    best = max(GRID, key=lambda w: rho(data, w))
    held, chosen = leave_one_document_out(data)
    print(f"{len(data)} matched tasks; weights (owner, deadline, measure, category cap, cue cap)")
    print(f"shipped {SHIPPED}: Spearman {rho(data, SHIPPED):.3f}")
    print(f"best in-sample {best}: {rho(data, best):.3f} (optimistic)")
    print(f"refitted leave-one-document-out: {held:.3f}; most chosen {chosen.most_common(3)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
