"""Score `rasoat analyze` against gold annotations (../shared/ANNOTATION.md), end to end.

Tasks are matched one-to-one to gold quotes by text; a missed task loses its fields (its gold
lead, support and deadline count as misses) and a spurious task's fields count as false alarms.

    python evaluation/score.py [--corpus ../shared/corpus/real] [--json out.json] [--details]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.document import Document  # noqa: E402
from service.text import fold_spaces, fold_tone_placement  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
MATCH_THRESHOLD = 0.5


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Counter, pred: Counter) -> None:
        both = gold & pred
        self.tp += sum(both.values())
        self.fn += sum((gold - both).values())
        self.fp += sum((pred - both).values())

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in
                                      ("tasks", "lead", "support", "deadline", "targets", "basis")})
    meta: Counter = field(default_factory=Counter)
    meta_total: int = 0
    details: list[str] = field(default_factory=list)


def norm(text: str | None) -> str:
    """Comparison form: NFC, modern tone placement, case-folded, punctuation and spaces folded."""
    text = fold_tone_placement(text or "").lower()
    return fold_spaces(re.sub(r"[^\w%&]+", " ", text))


def _quote_core(quote: str) -> str:
    """Gold appends " | <next cell>" to repeated table quotes; the task text is the first part."""
    return quote.split(" | ")[0]


def similarity(quote: str, text: str) -> float:
    """How well a predicted task text carries a gold quote (1.0 when one contains the other)."""
    g, p = norm(_quote_core(quote)), norm(text)
    if not g or not p:
        return 0.0
    if g in p or p in g:
        return 1.0 if min(len(g), len(p)) / max(len(g), len(p)) > 0.2 or g in p else 0.6
    gw, pw = g.split(), set(p.split())
    return sum(w in pw for w in gw) / len(gw)


def match_tasks(gold: list[dict], pred: list) -> list[tuple[dict, object | None]]:
    """Greedy one-to-one matching, gold in order, best unmatched prediction first."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_score = None, MATCH_THRESHOLD
        for i, t in enumerate(pred):
            if i in used:
                continue
            score = similarity(g["quote"], t.text)
            if score > best_score:
                best, best_score = i, score
        if best is not None:
            used.add(best)
        pairs.append((g, pred[best] if best is not None else None))
    unmatched = [t for i, t in enumerate(pred) if i not in used]
    return pairs + [(None, t) for t in unmatched]


def _bodies(names) -> Counter:
    return Counter(norm(n) for n in names)


def _deadline_key(d) -> tuple | None:
    if d is None:
        return None
    end = d.get("end") if isinstance(d, dict) else (d.end.isoformat() if d.end else None)
    recurrence = d.get("recurrence") if isinstance(d, dict) else d.recurrence
    return (end, recurrence)


def _deadline_equal(g: tuple, p: tuple) -> bool:
    if g[1] != p[1]:
        return False
    if g[0] is None or p[0] is None:
        return g[0] == p[0]
    return abs((date.fromisoformat(g[0]) - date.fromisoformat(p[0])).days) <= 1


def score_tasks(gold: list[dict], doc: Document, scores: Scores, name: str) -> None:
    tallies = scores.tallies
    for g, p in match_tasks(gold, doc.tasks):
        tallies["tasks"].add(Counter([1] if g else []), Counter([1] if p else []))
        tallies["lead"].add(_bodies(g["lead"] if g else []), _bodies([b.name for b in p.lead] if p else []))
        tallies["support"].add(_bodies(g["support"] if g else []),
                               _bodies([b.name for b in p.support] if p else []))
        gd, pd = _deadline_key(g["deadline"]) if g else None, _deadline_key(p.deadline) if p else None
        if gd and pd and _deadline_equal(gd, pd):
            tallies["deadline"].tp += 1
        else:
            tallies["deadline"].fn += gd is not None
            tallies["deadline"].fp += pd is not None
        scores.details.append(_detail(name, g, p))


def _detail(name: str, g: dict | None, p) -> str:
    if g and p:
        return (f"{name} MATCH {g['quote'][:60]!r}\n   lead gold={g['lead']} pred={[b.name for b in p.lead]}"
                f"\n   supp gold={g['support']} pred={[b.name for b in p.support]}"
                f"\n   dl gold={_deadline_key(g['deadline'])} pred={_deadline_key(p.deadline)}")
    if g:
        return f"{name} MISSED {g['quote'][:100]!r}"
    return f"{name} SPURIOUS {p.text[:100]!r}"


def score_targets(gold: list[dict], doc: Document, scores: Scores) -> None:
    used: set[int] = set()
    for g in gold:
        for i, t in enumerate(doc.targets):
            if i not in used and t.value is not None and abs(t.value - g["value"]) < 1e-6 \
                    and similarity(g["quote"], t.text) >= 0.3:
                used.add(i)
                break
    tally = scores.tallies["targets"]
    tally.tp += len(used)
    tally.fn += len(gold) - len(used)
    tally.fp += len(doc.targets) - len(used)


def score_meta(gold: dict, doc: Document, scores: Scores) -> None:
    meta = doc.metadata
    pred = {"kind": meta.kind, "number": meta.number, "issuer": meta.issuer,
            "issued_on": meta.issued_on.isoformat() if meta.issued_on else None}
    scores.meta_total += 1
    for key in pred:
        scores.meta[key] += norm(str(gold.get(key))) == norm(str(pred[key]))
    scores.tallies["basis"].add(Counter(norm(b) for b in gold.get("basis", [])),
                                Counter(norm(c.number) for c in meta.basis))


def score_corpus(corpus: Path, analyze: Callable[[Path], Document]) -> Scores:
    scores = Scores()
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = analyze(corpus / "docs" / gold["doc"])
        score_meta(gold["meta"], doc, scores)
        score_targets(gold["targets"], doc, scores)
        if gold.get("tasks_annotated"):
            score_tasks(gold["tasks"], doc, scores, gold_path.stem[:2])
    return scores


def report(scores: Scores) -> dict:
    out = {name: tally.prf() for name, tally in scores.tallies.items()}
    out["metadata"] = {k: round(v / scores.meta_total, 3) for k, v in scores.meta.items()}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--details", action="store_true", help="print every task match")
    args = parser.parse_args(argv)
    from service.pipeline import analyze_file

    scores = score_corpus(args.corpus, analyze_file)
    result = report(scores)
    if args.details:
        print("\n".join(scores.details))
    print(f"{'field':<10} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for name, prf in result.items():
        if name == "metadata":
            continue
        print(f"{name:<10} {prf['precision']:>6.3f} {prf['recall']:>6.3f} {prf['f1']:>6.3f}   "
              f"{prf['tp']}/{prf['fp']}/{prf['fn']}")
    print("metadata accuracy: " + ", ".join(f"{k} {v:.3f}" for k, v in result["metadata"].items()))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
