"""Leave-one-document-out comparison of the extractors: rules, model, hybrid, per field.

    python models/train_tagger.py data && python models/train_tagger.py lodo
    python evaluation/lodo_extract.py [--json out.json]

For each annotated document, the tagger's head was trained without it (models/train_tagger.py lodo
wrote its guesses on every task the rules segmented there). Each extractor is applied to the rules'
analysis of the document and scored with evaluation/score.py. The hybrid's per-field thresholds are
chosen, for each held-out document, on the other documents only (nested: the choice never sees the
document it is scored on); a field whose best choice is "never" stays with the rules. The thresholds
fitted on all documents, and the winner per field, are printed for models/catalogue.yaml.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.score import Scores, gold_docs, pooled, as_row, score_doc  # noqa: E402
from service.document import Document  # noqa: E402
from service.extract.combine import DEFAULT_THRESHOLDS, combine  # noqa: E402
from service.extract.span_layer import model_guesses, side_by_side  # noqa: E402
from service.extract.tagger import SpanGuess  # noqa: E402

FIELDS = ("tasks", "lead", "support", "deadline", "targets")
NEVER = 1.01                                     # a threshold no score reaches: the field stays with the rules
GRID = {"lead": [0.3, 0.5, 0.7, 0.9, NEVER], "support": [0.3, 0.5, 0.7, 0.9, NEVER],
        "deadline": [0.3, 0.5, 0.7, 0.9, NEVER], "fill_inherited": [True, False],
        "extend": [0.3, 0.5, 0.7, 0.9, NEVER]}
CHOSEN = ("lead", "support", "deadline", "extend")   # each chosen alone, the others left to the rules


def cache_dir() -> Path:
    from models.build import models_dir

    return models_dir() / "tagger-data"


def apply(doc: Document, guesses: dict[str, list], mode: str, thresholds: dict | None = None) -> Document:
    doc = doc.model_copy(deep=True)
    for task in doc.tasks:
        raw = [SpanGuess(*g) for g in guesses.get(task.text, [])]
        combine(task, model_guesses(side_by_side(task, raw)), mode, thresholds)
    if mode == "model":
        doc.targets = [t for task in doc.tasks for t in task.targets]
    return doc


def row(gold, doc: Document) -> dict:
    return as_row(score_doc(gold, lambda _: doc, Scores()))


def f1(rows: list[dict], field: str) -> float:
    """Pooled F1 of `field`; for "extend" (it widens lead and support bodies) the mean of both."""
    if field == "extend":
        return (f1(rows, "lead") + f1(rows, "support")) / 2
    return pooled(rows)[field]["f1"]


def choices() -> list[tuple[str, dict]]:
    """One field varied at a time (field, thresholds); the other fields never filled by the model."""
    off = {"lead": NEVER, "support": NEVER, "deadline": NEVER, "output": NEVER, "extend": NEVER}
    out = [("lead", {**off, "lead": t, "fill_inherited": f}) for t in GRID["lead"] for f in GRID["fill_inherited"]]
    out += [(field, {**off, field: t}) for field in ("support", "deadline", "extend") for t in GRID[field]]
    return out


def _thresholds(best: dict[str, dict]) -> dict:
    """The hybrid's thresholds from the best choice of each field."""
    return {"lead": best["lead"]["lead"], "fill_inherited": best["lead"]["fill_inherited"],
            "support": best["support"]["support"], "deadline": best["deadline"]["deadline"],
            "extend": best["extend"]["extend"], "output": NEVER}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    cache = cache_dir()
    predictions = json.loads((cache / "lodo_predictions.json").read_text(encoding="utf-8"))
    golds = {d.id: d for d in gold_docs() if d.id in predictions}
    docs = {i: Document.model_validate_json((cache / "rule_docs" / f"{i}.json").read_text(encoding="utf-8"))
            for i in golds}
    rows = {mode: {i: row(golds[i], apply(docs[i], predictions[i], mode)) for i in golds}
            for mode in ("rules", "model")}
    grid = [(field, th, {i: row(golds[i], apply(docs[i], predictions[i], "hybrid", th)) for i in golds})
            for field, th in choices()]
    chosen_per_doc, hybrid_rows = {}, {}
    for held in golds:                           # nested: thresholds chosen without the held-out document
        best = {}
        for field in CHOSEN:
            cands = [(f1([r[i] for i in golds if i != held], field), th) for f, th, r in grid if f == field]
            best[field] = max(cands, key=lambda c: c[0])[1]
        th = _thresholds(best)
        chosen_per_doc[held] = th
        hybrid_rows[held] = row(golds[held], apply(docs[held], predictions[held], "hybrid", th))
    rows["hybrid"] = hybrid_rows
    table = {mode: {f: pooled(list(r.values()))[f] for f in FIELDS} for mode, r in rows.items()}
    print(f"leave-one-document-out over {len(golds)} annotated documents (task-level F1; P/R)")
    print(f"{'field':<10}" + "".join(f"{m:>22}" for m in rows))
    for f in FIELDS:
        print(f"{f:<10}" + "".join(f"{table[m][f]['f1']:>8.3f} ({table[m][f]['precision']:.2f}/"
                                   f"{table[m][f]['recall']:.2f})" for m in rows))
    fitted = {}
    for field in CHOSEN:
        fitted[field] = max(((f1(list(r.values()), field), th) for f, th, r in grid if f == field),
                            key=lambda c: c[0])[1]
    final = _thresholds(fitted)
    print("hybrid thresholds fitted on all documents:", json.dumps(final))
    if args.json:
        args.json.write_text(json.dumps({"table": table, "thresholds": final, "per_document": chosen_per_doc,
                                         "rows": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
