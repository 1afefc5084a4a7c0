"""Score `rasoat analyze` against gold annotations (../shared/ANNOTATION.md), end to end, per document.

Tasks are matched one-to-one to gold quotes by text; a missed task loses its fields (its gold
lead, support and deadline count as misses) and a spurious task's fields count as false alarms.

The headline is the first-sight figure: every annotated document outside the tuning set is scored
once, before any rule is changed for it, and that score is kept in evaluation/first_sight.json
with the commit it was measured on (`--record` adds documents not yet there). Current figures on
the same documents follow, then the tuning set (the four documents the rules were written on).

    python evaluation/score.py [--details] [--only X15 ...] [--json out.json] [--record] [--extractor hybrid]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.document import Document  # noqa: E402
from service.text import fold_spaces, fold_tone_placement  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
OWN_GOLD = ROOT / "evaluation" / "gold"            # our annotations of unannotated real documents
FIRST_SIGHT = ROOT / "evaluation" / "first_sight.json"
TUNING_SET = {"B1", "B2", "D1", "D2"}              # the four documents the rules were first written on
# PDF and DOCX originals of some annotated texts (corpus README): scored as a user would upload them.
ORIGINALS = {"C1": "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx"}
META_FIELDS = ("kind", "number", "issuer", "issued_on")
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
    return _similar(norm(_quote_core(quote)), norm(text))


def _similar(g: str, p: str) -> float:
    """`similarity` of texts already in comparison form."""
    if not g or not p:
        return 0.0
    if g in p or p in g:
        return 1.0 if min(len(g), len(p)) / max(len(g), len(p)) > 0.2 or g in p else 0.6
    gw, pw = g.split(), set(p.split())
    return sum(w in pw for w in gw) / len(gw)


def match_tasks(gold: list[dict], pred: list) -> list[tuple[dict, object | None]]:
    """One-to-one matching, best pair first: every (gold, prediction) pair above the threshold, taken in order
    of similarity (ties: gold order, then prediction order), each side used once. A short gold quote that shares
    words with another item's text no longer takes it from the gold quote it carries whole. Two quotes an item
    contains tie at 1.0 and go in gold order: an item that runs two gold tasks together opens with the earlier
    (preferring the closer length instead cost 9 true owners on the corpus)."""
    gold_norm = [norm(_quote_core(g["quote"])) for g in gold]
    pred_norm = [norm(t.text) for t in pred]
    pairs = sorted(((-score, i, j) for i, g in enumerate(gold_norm) for j, p in enumerate(pred_norm)
                    if (score := _similar(g, p)) > MATCH_THRESHOLD))
    of_gold: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in pairs:
        if i not in of_gold and j not in used:
            of_gold[i] = j
            used.add(j)
    matched = [(g, pred[of_gold[i]] if i in of_gold else None) for i, g in enumerate(gold)]
    return matched + [(None, t) for j, t in enumerate(pred) if j not in used]


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
    for g, p in match_tasks(gold, doc.tasks):
        score_pair(g, p, scores.tallies)
        scores.details.append(_detail(name, g, p))


def score_pair(g: dict | None, p, tallies: dict[str, Tally]) -> None:
    """Tally one gold task and the prediction matched to it (either may be None)."""
    tallies["tasks"].add(Counter([1] if g else []), Counter([1] if p else []))
    tallies["lead"].add(_bodies(g["lead"] if g else []), _bodies([b.name for b in p.lead] if p else []))
    tallies["support"].add(_bodies(g["support"] if g else []), _bodies([b.name for b in p.support] if p else []))
    gd, pd = _deadline_key(g["deadline"]) if g else None, _deadline_key(p.deadline) if p else None
    if gd and pd and _deadline_equal(gd, pd):
        tallies["deadline"].tp += 1
    else:
        tallies["deadline"].fn += gd is not None
        tallies["deadline"].fp += pd is not None


def _detail(name: str, g: dict | None, p) -> str:
    if g and p:
        return (f"{name} MATCH {g['quote'][:60]!r}\n   lead gold={g['lead']} pred={[b.name for b in p.lead]}"
                f"\n   supp gold={g['support']} pred={[b.name for b in p.support]}"
                f"\n   dl gold={_deadline_key(g['deadline'])} pred={_deadline_key(p.deadline)}")
    if g:
        return f"{name} MISSED {g['quote'][:100]!r}"
    return f"{name} SPURIOUS {p.text[:100]!r}"


PAIRED = 1000.0      # one more pair outweighs any similarity (up to 1,000 pairs a document): most pairs first


def score_targets(gold: list[dict], doc: Document, scores: Scores) -> None:
    """Targets pair one to one on equal value and similar quote (≥ 0.3): as many pairs as can be made, the most
    similar among those (scipy's assignment). First-fit let an earlier gold target of the same value take the
    prediction a later one quotes exactly; best pair first can still strand one of two quotes an item contains."""
    from scipy.optimize import linear_sum_assignment   # scipy comes with scikit-learn (the semantic extra)

    weight = np.zeros((len(gold), len(doc.targets)))
    for i, g in enumerate(gold):
        for j, t in enumerate(doc.targets):
            same = t.value is not None and abs(t.value - g["value"]) < 1e-6
            if same and (sim := similarity(g["quote"], t.text)) >= 0.3:
                weight[i, j] = PAIRED + sim
    rows, cols = linear_sum_assignment(weight, maximize=True)
    paired = int(sum(weight[i, j] > 0 for i, j in zip(rows, cols)))
    tally = scores.tallies["targets"]
    tally.tp += paired
    tally.fn += len(gold) - paired
    tally.fp += len(doc.targets) - paired


def score_meta(gold: dict, doc: Document, scores: Scores) -> None:
    meta = doc.metadata
    pred = {"kind": meta.kind, "number": meta.number, "issuer": meta.issuer,
            "issued_on": meta.issued_on.isoformat() if meta.issued_on else None}
    scores.meta_total += 1
    for key in pred:
        scores.meta[key] += norm(str(gold.get(key))) == norm(str(pred[key]))
    scores.tallies["basis"].add(Counter(norm(b) for b in gold.get("basis", [])),
                                Counter(norm(c.number) for c in meta.basis))


@dataclass
class GoldDoc:
    """One annotated document: its id ("X15", "P-00178020"), gold and text path."""

    id: str
    gold: dict
    path: Path

    @property
    def tuning(self) -> bool:
        return self.id in TUNING_SET


def gold_docs(corpus: Path = DEFAULT_CORPUS, own: Path = OWN_GOLD) -> list[GoldDoc]:
    """The shared gold (`corpus/gold`, texts in `corpus/docs`) and ours (`evaluation/gold`, texts
    named relative to the corpus root, e.g. "pool_2009_2010/00178020.txt")."""
    docs = []
    for path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        docs.append(GoldDoc(path.stem.split("_")[0], gold, corpus / "docs" / gold["doc"]))
    for path in sorted(own.glob("*.json")) if own.is_dir() else []:
        gold = json.loads(path.read_text(encoding="utf-8"))
        docs.append(GoldDoc(path.stem, gold, corpus / gold["doc"]))
    return docs


def score_doc(doc_gold: GoldDoc, analyze: Callable[[Path], Document], scores: Scores | None = None) -> Scores:
    """Score one document into `scores` (a fresh tally when None)."""
    scores = scores or Scores()
    gold = doc_gold.gold
    doc = analyze(doc_gold.path)
    score_meta(gold["meta"], doc, scores)
    score_targets(gold["targets"], doc, scores)
    if gold.get("tasks_annotated"):
        score_tasks(gold["tasks"], doc, scores, doc_gold.id)
    return scores


def originals(corpus: Path, docs: list[GoldDoc]) -> list[GoldDoc]:
    """The annotated documents whose PDF or DOCX original is in the corpus, pointing at the original."""
    folder = corpus / "originals"
    found = []
    for doc in docs:
        name = ORIGINALS.get(doc.id) or next((p.name for p in sorted(folder.glob(f"{doc.id}_*"))
                                              if p.suffix in (".pdf", ".docx")), None) if folder.is_dir() else None
        if name:
            found.append(GoldDoc(f"{doc.id}.{name.rsplit('.', 1)[1]}", doc.gold, folder / name))
    return found


def report(scores: Scores) -> dict:
    out = {name: tally.prf() for name, tally in scores.tallies.items()}
    out["metadata"] = {k: round(v / scores.meta_total, 3) for k, v in scores.meta.items()} \
        if scores.meta_total else {}
    out["documents"] = scores.meta_total
    return out


def pooled(rows: list[dict]) -> dict:
    """Micro-averaged figures over per-document tallies (as recorded or as measured)."""
    scores = Scores()
    for row in rows:
        for name, counts in row["tallies"].items():
            tally = scores.tallies[name]
            tally.tp, tally.fp, tally.fn = tally.tp + counts["tp"], tally.fp + counts["fp"], tally.fn + counts["fn"]
        scores.meta.update({k: int(v) for k, v in row["meta"].items()})
        scores.meta_total += 1
    return report(scores)


def as_row(scores: Scores) -> dict:
    """What is kept of one document's score: raw counts, so rows can be pooled later."""
    return {"tallies": {n: {"tp": t.tp, "fp": t.fp, "fn": t.fn} for n, t in scores.tallies.items()},
            "meta": {k: bool(scores.meta[k]) for k in META_FIELDS}}


# ---------------------------------------------------------------- first-sight record
def load_first_sight(path: Path = FIRST_SIGHT) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"documents": {}}


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def record_first_sight(docs: list[GoldDoc], rows: dict[str, dict], path: Path = FIRST_SIGHT,
                       allow_dirty: bool = False) -> list[str]:
    """Add every gold document not yet recorded, with the commit it was measured on. Refuses when
    the package has uncommitted changes (the score must belong to a commit)."""
    if _git("status", "--porcelain", "service") and not allow_dirty:
        raise SystemExit("service/ has uncommitted changes: commit first, then record first sight")
    record = load_first_sight(path)
    commit, added = _git("rev-parse", "--short=12", "HEAD"), []
    for doc in docs:
        if doc.tuning or doc.id in record["documents"]:
            continue
        record["documents"][doc.id] = {"commit": commit, "date": date.today().isoformat(),
                                       "gold": str(doc.gold["doc"]), **rows[doc.id]}
        added.append(doc.id)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return added


# ---------------------------------------------------------------- printing
FIELDS = ("tasks", "lead", "support", "deadline", "targets", "basis")


def _f1(row: dict, name: str) -> str:
    t = row["tallies"][name]
    if not t["tp"] + t["fp"] + t["fn"]:
        return "    –"
    p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
    r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
    return f"{2 * p * r / (p + r) if p + r else 0.0:5.2f}"


def _short(commit: str) -> str:
    """A commit hash shortened to 7 characters; any other label ("original") as it is."""
    return commit[:7] if re.fullmatch(r"[0-9a-f]{7,40}", commit) else commit


def print_rows(docs: list[GoldDoc], rows: dict[str, dict], first: dict) -> None:
    print(f"{'document':<12} {'set':<6} " + " ".join(f"{f[:7]:>7}" for f in FIELDS)
          + "  meta k/n/i/d   first-sight tasks/lead (commit)")
    for doc in docs:
        row, seen = rows[doc.id], first["documents"].get(doc.id)
        if not doc.tuning and not seen:
            print(f"{doc.id:<12} new    (not yet recorded at first sight: run with --record)")
            continue
        meta = "".join("✓" if row["meta"][k] else "·" for k in META_FIELDS)
        then = f"{_f1(seen, 'tasks')}/{_f1(seen, 'lead')} ({_short(seen['commit'])})" if seen else ""
        print(f"{doc.id:<12} {'tune' if doc.tuning else 'dev':<6} "
              + " ".join(f"{_f1(row, f):>7}" for f in FIELDS) + f"  {meta:<13} {then}")


def print_summary(title: str, result: dict) -> None:
    print(f"\n{title} ({result['documents']} documents)")
    print(f"{'field':<10} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for name in FIELDS:
        prf = result[name]
        print(f"{name:<10} {prf['precision']:>6.3f} {prf['recall']:>6.3f} {prf['f1']:>6.3f}   "
              f"{prf['tp']}/{prf['fp']}/{prf['fn']}")
    if result["metadata"]:
        print("metadata accuracy: " + ", ".join(f"{k} {v:.3f}" for k, v in result["metadata"].items()))


def print_batches(first: dict) -> None:
    """First sight by batch: the documents recorded together, against the commit they were scored on."""
    batches: dict[str, list[dict]] = {}
    for row in first["documents"].values():
        batches.setdefault(row["commit"], []).append(row)
    print("\nfirst sight by batch (commit, documents): " + "  ".join(f"{f[:7]:>7}" for f in FIELDS))
    when = {c: _git("show", "-s", "--format=%ct", c) or "0" for c in batches}
    for commit, rows in sorted(batches.items(), key=lambda kv: int(when[kv[0]])):
        result = pooled(rows)
        print(f"  {commit[:9]} ({len(rows):>2} docs, {rows[0]['date']}):      "
              + "  ".join(f"{result[f]['f1']:>7.3f}" for f in FIELDS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--details", action="store_true", help="print every task match")
    parser.add_argument("--only", nargs="*", help="score only these document ids")
    parser.add_argument("--originals", action="store_true",
                        help="also score the PDF/DOCX originals of annotated texts")
    parser.add_argument("--record", action="store_true",
                        help="record first-sight scores of gold documents not yet recorded")
    parser.add_argument("--allow-dirty", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--extractor", choices=("rules", "model", "hybrid"),
                        help="extractor to score (default: the catalogue's)")
    args = parser.parse_args(argv)
    from functools import partial

    from service.pipeline import analyze_file

    analyze_file = partial(analyze_file, extractor=args.extractor)

    docs = [d for d in gold_docs(args.corpus) if not args.only or d.id in args.only]
    rows, details = {}, []
    for doc in docs:
        scores = score_doc(doc, analyze_file)
        rows[doc.id] = as_row(scores)
        details += scores.details
    if args.record:
        print("recorded first sight:", ", ".join(record_first_sight(docs, rows, allow_dirty=args.allow_dirty))
              or "nothing new")
    first = load_first_sight()
    if args.details:
        print("\n".join(d for d in details if d.split()[0] in first["documents"] or d.split()[0] in TUNING_SET))
    print_rows(docs, rows, first)
    results = {
        "first_sight": pooled(list(first["documents"].values())),
        "current_dev": pooled([rows[d.id] for d in docs if d.id in first["documents"]]),
        "current_tuning": pooled([rows[d.id] for d in docs if d.tuning]),
        "current_all": pooled([rows[d.id] for d in docs if d.tuning or d.id in first["documents"]]),
    }
    print_summary("HEADLINE — first sight: each document scored before any change was made for it, "
                  "as recorded in evaluation/first_sight.json", results["first_sight"])
    print_batches(first)
    print_summary("Now, on the same documents (no longer unseen: rules have since been changed "
                  "with them in view)", results["current_dev"])
    print_summary("Tuning set (B1, B2, D1, D2: the rules were first written on these)", results["current_tuning"])
    if args.originals:
        files = originals(args.corpus, docs)
        original_rows = {d.id: as_row(score_doc(d, analyze_file)) for d in files}
        print("\nThe same documents from their PDF/DOCX originals (as a user uploads them):")
        print_rows(files, original_rows, {"documents": {d.id: {**original_rows[d.id], "commit": "original"}
                                                        for d in files}})
        results["originals"] = pooled(list(original_rows.values()))
    if args.json:
        results["documents"] = {k: v for k, v in rows.items() if k in first["documents"] or k in TUNING_SET}
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
