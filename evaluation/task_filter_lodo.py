"""Leave-one-document-out for the learned task filter (line role: is this item a task?).

    python evaluation/task_filter_lodo.py cache        # rules and hybrid analyses + task vectors → cache
    python evaluation/task_filter_lodo.py lodo [--json out.json]
    python evaluation/task_filter_lodo.py fit          # the shipped filter on every document → models/

Each item the hybrid extractor segments as a task is labelled by evaluation/score.py's matching (1 if it
carries a gold task). service/extract/task_filter.py describes it (what the rules found, origin, genre,
kind, the encoder's sentence vector of the item and the mean over its document). For each held-out
document a logistic regression is fitted on the others; its strength, the keep cut and the protection
(items kept whatever their score: none, those with a deadline, those with a lead or deadline) and the scope
(every document, or only those that are not acts issuing work: service/extract/task_filter.py SCOPES) are chosen
by an inner 6-fold cross-validation over those other documents, maximising the mean F1 of tasks, lead,
support and deadline, so nothing is chosen with the held-out document in view. `fit` chooses the same
three by leave-one-document-out over all documents and fits on all of them.
Printed: every field of evaluation/score.py pooled over the held-out documents for rules, hybrid and
hybrid followed by the filter, and task F1 per genre.
"""
from __future__ import annotations

import argparse
import os
import json
import sys
from collections import defaultdict
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):     # one thread: many small fits, no oversubscription
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.score import Scores, as_row, gold_docs, match_tasks, pooled, score_doc  # noqa: E402
from service.document import Document  # noqa: E402

FIELDS = ("tasks", "lead", "support", "deadline", "targets")
STRENGTHS = (0.01, 0.03, 0.1, 0.3)
CUTS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
INNER_FOLDS = 6
EXTRACTORS = ("rules", "hybrid")


def cache_dir() -> Path:
    from models.build import models_dir

    return models_dir() / "task-filter-data"


def cmd_cache() -> None:
    """Analyse every task-annotated gold document with the rules and with the hybrid (without the task filter,
    which is what is evaluated); store both Documents and the task vectors."""
    from service import ingest
    from service.extract.tagger import default_tagger
    from service.pipeline import STAGES, run_stages

    out = cache_dir()
    out.mkdir(parents=True, exist_ok=True)
    tagger, stages = default_tagger(), [s for s in STAGES if s[0] != "task_filter"]
    for gold in gold_docs():
        if not gold.gold.get("tasks_annotated"):
            continue
        for extractor in EXTRACTORS:
            doc = ingest.read_file(gold.path)
            doc.extractor = extractor
            doc = run_stages(doc, stages)
            (out / f"{gold.id}.{extractor}.json").write_text(doc.model_dump_json(), encoding="utf-8")
        vectors = tagger.run([t.text for t in doc.tasks])[1] if doc.tasks else []
        np.save(out / f"{gold.id}.npy", np.stack([v if v is not None else np.zeros(384, np.float32)
                                                  for v in vectors]) if vectors else np.zeros((0, 384), np.float32))
        print(gold.id, len(doc.tasks), flush=True)


def load(extractor: str = "hybrid") -> tuple[dict, dict, dict]:
    """(gold by id, Document by id, task vectors by id) from the cache."""
    golds = {g.id: g for g in gold_docs() if g.gold.get("tasks_annotated")}
    docs, vectors = {}, {}
    for i in golds:
        docs[i] = Document.model_validate_json((cache_dir() / f"{i}.{extractor}.json").read_text(encoding="utf-8"))
        vectors[i] = np.load(cache_dir() / f"{i}.npy")
    return golds, docs, vectors


TALLIED = ("tasks", "lead", "support", "deadline")


def _counts(tallies: dict) -> np.ndarray:
    return np.array([[tallies[f].tp, tallies[f].fp, tallies[f].fn] for f in TALLIED], dtype=np.float64)


def item_effects(gold, doc: Document) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per item: label (carries a gold task), its (tp, fp, fn) per field if kept and if dropped; and the
    document's constant part (gold tasks no item carries)."""
    from evaluation.score import Tally, score_pair

    def tally(g, p) -> np.ndarray:
        tallies = {f: Tally() for f in TALLIED}
        score_pair(g, p, tallies)
        return _counts(tallies)

    by_item = {id(p): g for g, p in match_tasks(gold.gold["tasks"], doc.tasks) if p is not None}
    base = sum((tally(g, None) for g, p in match_tasks(gold.gold["tasks"], doc.tasks) if p is None),
               np.zeros((len(TALLIED), 3)))
    label = np.array([by_item.get(id(t)) is not None for t in doc.tasks], dtype=np.float32)
    kept = np.stack([tally(by_item.get(id(t)), t) for t in doc.tasks])
    dropped = np.stack([tally(by_item.get(id(t)), None) for t in doc.tasks])
    return label, kept, dropped, base


def table(golds, docs, vectors):
    """Feature rows, labels, documents, per-item effects (kept, dropped) and per-document constants."""
    from service.extract.task_filter import describe

    xs, ys, groups, kept, dropped, base = [], [], [], [], [], {}
    for i in golds:
        if not docs[i].tasks:
            continue
        label, k, d, b = item_effects(golds[i], docs[i])
        xs.append(describe(docs[i], vectors[i]))
        ys.append(label)
        kept.append(k)
        dropped.append(d)
        base[i] = b
        groups += [i] * len(docs[i].tasks)
    return (np.concatenate(xs), np.concatenate(ys), np.array(groups), np.concatenate(kept),
            np.concatenate(dropped), base)


def fit(x, y, strength: float):
    from service.extract.task_filter import fit_model

    return fit_model(x, y, strength)


def objective(keep: np.ndarray, effects: tuple, groups: np.ndarray) -> float:
    """Mean F1 of tasks, lead, support and deadline when only `keep` items stay."""
    kept, dropped, base = effects
    total = np.where(keep[:, None, None], kept, dropped).sum(0) + sum(base[g] for g in set(groups))
    tp, fp, fn = total[:, 0], total[:, 1], total[:, 2]
    return float(np.mean(np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)))


def oof(x, y, groups, strength: float, folds: int | None = None) -> np.ndarray:
    """Out-of-fold probabilities, documents grouped into `folds` (None: one fold per document)."""
    names = sorted(set(groups))
    fold_of = {n: (k % folds if folds else k) for k, n in enumerate(names)}
    f = np.array([fold_of[g] for g in groups])
    p = np.zeros(len(y))
    for k in set(f):
        model = fit(x[f != k], y[f != k], strength)
        p[f == k] = model.predict_proba(x[f == k])[:, 1]
    return p


def choose(x, y, groups, effects, masks: tuple[dict, dict], folds: int | None = INNER_FOLDS) -> tuple:
    """(objective, strength, cut, protection, scope) best by cross-validation over documents."""
    protected, outside = masks
    best = (-1.0, STRENGTHS[0], CUTS[0], "none", "all")
    for strength in STRENGTHS:
        p = oof(x, y, groups, strength, folds)
        for cut in CUTS:
            for name, mask in protected.items():
                for scope, out in outside.items():
                    keep = (p >= cut) | mask | out
                    best = max(best, (objective(keep, effects, groups), strength, cut, name, scope))
    return best


def masks(golds, docs) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Per protection rule, the items it keeps whatever their score; per scope, the items outside it
    (rows in table() order)."""
    from service.extract.task_filter import PROTECT, SCOPES

    protected = {name: np.array([rule(t) for i in golds for t in docs[i].tasks]) for name, rule in PROTECT.items()}
    outside = {name: np.array([not rule(docs[i]) for i in golds for _ in docs[i].tasks])
               for name, rule in SCOPES.items()}
    return protected, outside


def filtered(doc: Document, keep: list[bool]) -> Document:
    from service.extract.task_filter import drop_tasks

    return drop_tasks(doc.model_copy(deep=True), [t.id for t, k in zip(doc.tasks, keep) if not k])


def cmd_lodo(json_path: Path | None) -> None:
    from service.extract.task_filter import keep_mask
    from service.genre import genre

    golds, docs, vectors = load()
    rules_docs = load("rules")[1]
    x, y, groups, kept, dropped, base = table(golds, docs, vectors)
    protected, outside = masks(golds, docs)
    rows = {"rules": {}, "hybrid": {}, "hybrid + filter": {}}
    chosen, probs = {}, {}
    for held in golds:
        if not docs[held].tasks:
            p_held = np.zeros(0)
        else:
            train = groups != held
            inner = ({k: v[train] for k, v in protected.items()}, {k: v[train] for k, v in outside.items()})
            _, strength, cut, protect, scope = choose(x[train], y[train], groups[train],
                                                      (kept[train], dropped[train], base), inner)
            p_held = fit(x[train], y[train], strength).predict_proba(x[~train])[:, 1]
            chosen[held] = (strength, cut, protect, scope)
        probs[held] = p_held.tolist()
        keep = keep_mask(docs[held], p_held, *chosen[held][1:]) if docs[held].tasks else []
        rows["rules"][held] = as_row(score_doc(golds[held], lambda _: rules_docs[held], Scores()))
        rows["hybrid"][held] = as_row(score_doc(golds[held], lambda _: docs[held], Scores()))
        rows["hybrid + filter"][held] = as_row(score_doc(golds[held], lambda _: filtered(docs[held], keep), Scores()))
        a, b = (pooled([rows[m][held]])["tasks"]["f1"] for m in ("hybrid", "hybrid + filter"))
        print(f"  {held}: tasks {a:.2f} → {b:.2f} {chosen.get(held)}", flush=True)
    report(rows, {i: genre(docs[i].metadata) for i in golds})
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


def cmd_fit() -> None:
    """The shipped filter: strength and cut by leave-one-document-out on every document, fitted on all."""
    from service.extract.task_filter import save

    golds, docs, vectors = load()
    x, y, groups, kept, dropped, base = table(golds, docs, vectors)
    score, strength, cut, protect, scope = choose(x, y, groups, (kept, dropped, base), masks(golds, docs),
                                                  folds=None)
    path = save(fit(x, y, strength), cut, protect, scope, {"documents": len(golds), "items": int(len(y)), "strength": strength,
                                          "lodo_objective": round(score, 3)})
    print(f"{path}: strength {strength}, cut {cut}, protect {protect}, scope {scope}, LODO mean F1 (tasks, lead, support, deadline) {score:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("cache", "lodo", "fit"))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    {"cache": cmd_cache, "lodo": lambda: cmd_lodo(args.json), "fit": cmd_fit}[args.command]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
