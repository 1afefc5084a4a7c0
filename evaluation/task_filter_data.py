"""Data of the task filter's evaluation: the gold documents analysed by the rules and by the hybrid (without
the filter), the tagger's sentence vectors of their tasks, and each item's label and effect on the score.

    python evaluation/task_filter_lodo.py cache    # → $RASOAT_MODELS_DIR/task-filter-data
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from evaluation.score import Tally, gold_docs, match_tasks, score_pair
from service.document import Document
from service.extract.task_filter import DIM, PROTECT, SCOPES, describe, vectors_of

EXTRACTORS = ("rules", "hybrid")
TALLIED = ("tasks", "lead", "support", "deadline")


def cache_dir() -> Path:
    from models.build import models_dir

    return models_dir() / "task-filter-data"


def build_cache() -> None:
    """Analyse every task-annotated gold document with each extractor, the task filter left out."""
    from service import ingest
    from service.pipeline import STAGES, run_stages

    out = cache_dir()
    out.mkdir(parents=True, exist_ok=True)
    stages = [s for s in STAGES if s[0] != "task_filter"]
    for gold in gold_docs():
        if not gold.gold.get("tasks_annotated"):
            continue
        for extractor in EXTRACTORS:
            doc = ingest.read_file(gold.path)
            doc.extractor = extractor
            doc = run_stages(doc, stages)
            (out / f"{gold.id}.{extractor}.json").write_text(doc.model_dump_json(), encoding="utf-8")
        np.save(out / f"{gold.id}.npy", vectors_of(doc) if doc.tasks else np.zeros((0, DIM), np.float32))
        print(gold.id, len(doc.tasks), flush=True)


def load(extractor: str) -> tuple[dict, dict, dict]:
    """(gold by id, Document by id, task vectors by id) from the cache."""
    golds = {g.id: g for g in gold_docs() if g.gold.get("tasks_annotated")}
    docs = {i: Document.model_validate_json((cache_dir() / f"{i}.{extractor}.json").read_text(encoding="utf-8"))
            for i in golds}
    return golds, docs, {i: np.load(cache_dir() / f"{i}.npy") for i in golds}


def _tally(g, p) -> np.ndarray:
    tallies = {f: Tally() for f in TALLIED}
    score_pair(g, p, tallies)
    return np.array([[tallies[f].tp, tallies[f].fp, tallies[f].fn] for f in TALLIED], dtype=np.float64)


def item_effects(gold, doc: Document) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per item: label (carries a gold task), its (tp, fp, fn) per field if kept and if dropped; and the
    document's constant part (gold tasks no item carries). The matching is the whole document's: dropping a
    matched item may let score.py re-match its gold task elsewhere, which this does not foresee."""
    pairs = match_tasks(gold.gold["tasks"], doc.tasks)
    by_item = {id(p): g for g, p in pairs if p is not None}
    base = sum((_tally(g, None) for g, p in pairs if p is None), np.zeros((len(TALLIED), 3)))
    label = np.array([by_item.get(id(t)) is not None for t in doc.tasks], dtype=np.float32)
    kept = np.array([_tally(by_item.get(id(t)), t) for t in doc.tasks]).reshape(-1, len(TALLIED), 3)
    dropped = np.array([_tally(by_item.get(id(t)), None) for t in doc.tasks]).reshape(-1, len(TALLIED), 3)
    return label, kept, dropped, base


@dataclass
class Table:
    """One row per item of every document, in document order."""

    x: np.ndarray
    y: np.ndarray
    groups: np.ndarray
    kept: np.ndarray
    dropped: np.ndarray
    base: dict                                     # document → constant (tp, fp, fn) per field
    protected: dict[str, np.ndarray]               # protection rule → items it keeps
    outside: dict[str, np.ndarray]                 # scope → items of documents outside it

    def rows(self, mask: np.ndarray) -> "Table":
        return Table(self.x[mask], self.y[mask], self.groups[mask], self.kept[mask], self.dropped[mask],
                     self.base, {k: v[mask] for k, v in self.protected.items()},
                     {k: v[mask] for k, v in self.outside.items()})


def table(golds, docs, features_docs, vectors) -> Table:
    """Features from `features_docs` (the rules' findings), labels and effects from `docs` (same tasks)."""
    parts: dict[str, list] = {k: [] for k in ("x", "y", "g", "k", "d", "p", "o")}
    base = {}
    for i in golds:
        doc = docs[i]
        label, kept, dropped, base[i] = item_effects(golds[i], doc)
        if not doc.tasks:
            continue
        assert [t.text for t in doc.tasks] == [t.text for t in features_docs[i].tasks], i
        parts["x"].append(describe(features_docs[i], vectors[i]))
        parts["y"].append(label)
        parts["g"].append(np.array([i] * len(doc.tasks)))
        parts["k"].append(kept)
        parts["d"].append(dropped)
        found = features_docs[i]
        parts["p"].append({n: np.array([rule(t, found) for t in found.tasks]) for n, rule in PROTECT.items()})
        parts["o"].append({n: np.full(len(doc.tasks), not rule(doc)) for n, rule in SCOPES.items()})
    join = np.concatenate
    return Table(join(parts["x"]), join(parts["y"]), join(parts["g"]), join(parts["k"]), join(parts["d"]), base,
                 {n: join([p[n] for p in parts["p"]]) for n in PROTECT},
                 {n: join([o[n] for o in parts["o"]]) for n in SCOPES})
