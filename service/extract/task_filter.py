"""The learned task filter (line role): of the items the rules segment as tasks, which are work to do.

Rules keep every directive-looking item; in articles, rule-setting decisions and reports many are not
tasks. A logistic regression over what the rules found (owner, deadline, targets, origin), the kind of
heading the item stands under (structure.yaml's heading lists), the genre and kind, and the encoder's
sentence vectors of the item and of its document scores each item. With the hybrid
extractor, in documents of its scope, items scored below the cut are dropped (their targets stay in the
document's list); protected items stay whatever their score. It runs right after the tagger's vectors
and before the tagger's fields are merged, so it sees the rules' findings only. Fitted by
evaluation/task_filter_lodo.py (strength, cut, protection and scope by leave-one-document-out);
coefficients in models/task_filter.json, sha256 in the catalogue ("task-filter").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import get_args

import numpy as np

from ..document import Document, DocumentKind, Problem, Task, TaskOrigin
from ..genre import Genre, genre
from ..messages import say
from ..text import HEADING_MAX_CHARS, heading_key

FILE = "task_filter.json"
NAME = "task-filter"
DIM = 384                                      # the encoder's sentence vector
WORK_KINDS = ("nghi_quyet", "chuong_trinh", "ke_hoach", "chi_thi", "ket_luan", "quyet_dinh", "cong_van")
LIST_JOINERS = ("và", "hoặc", "cùng", "với")     # words that go on with a list of names, not with what it does


def named_lead(task: Task) -> bool:
    """A lead named in the item's own words and followed by what it does ("Sở X có trách nhiệm …", "Sở Y tế chủ
    trì."), not handed down by a heading, lead-in or the addressee, and not an item that is only names
    ("Trung tâm A;", "Trung tâm A và các đơn vị trực thuộc;")."""
    own = [body.end for body in task.lead if task.start <= body.start < task.end]
    words = re.findall(r"\w+", task.text[max(own) - task.start:]) if own else []
    return len(words) >= 2 and words[0].lower() not in LIST_JOINERS


PROTECT = {                                    # items kept whatever their score, by what the rules found
    "none": lambda task, doc: False,
    "deadline": lambda task, doc: task.deadline is not None,
    "lead_deadline": lambda task, doc: bool(task.lead) or task.deadline is not None,
    "lead_and_deadline": lambda task, doc: bool(task.lead) and task.deadline is not None,   # who and by when
    # who and by when, or, outside press articles (which report what bodies do), who in the item's own words
    "lead_and_deadline_or_named": lambda task, doc: (bool(task.lead) and task.deadline is not None)
    or (named_lead(task) and genre(doc.metadata) != "article"),
}
SCOPES = {                                     # documents the filter applies to
    "all": lambda doc: True,
    # not an act issuing work: an article, rule-setting, a mandate, or a report, notice, guidance, other kind
    "beyond_work_acts": lambda doc: genre(doc.metadata) != "act" or doc.metadata.kind not in WORK_KINDS,
}


@dataclass(frozen=True)
class Filter:
    """Standardised logistic regression and how it is applied."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    cut: float
    protect: str
    scope: str

    def scores(self, doc: Document, vectors: np.ndarray) -> np.ndarray:
        """Probability that each task is work to do."""
        z = ((describe(doc, vectors) - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


HEADING_KINDS = ("report_headings", "task_headings", "non_task_headings", "mandate_headings")


@cache
def _heading_cues() -> dict[str, tuple[str, ...]]:
    from ..lexicons import load

    cues = load("structure")
    return {kind: tuple(cues[kind]) for kind in HEADING_KINDS}


def _headings_above(task: Task, sections: dict) -> list[str]:
    """The headings of the task's section and of every section above it, nearest first, lower-cased."""
    out, at = [], sections.get(task.section)
    while at is not None and len(out) < 10:
        out.append(heading_key(at.heading))
        at = sections.get(at.parent)
    return out


def heading_context(task: Task, sections: dict) -> list[float]:
    """Where the item stands: under a heading of each kind of structure.yaml (what was done, work to do, purpose
    and requirements, a standing mandate), how deep, and whether under no heading at all."""
    headings, cues = _headings_above(task, sections), _heading_cues()
    short = [h for h in headings if len(h) <= HEADING_MAX_CHARS]      # headings proper, not lead-in sentences
    under = [float(any(h.startswith(cues[kind]) for h in short)) for kind in ("report_headings",
                                                                             "non_task_headings",
                                                                             "mandate_headings")]
    under.append(float(any(word in h for h in short for word in cues["task_headings"])))
    return under + [len(headings) / 5, float(not headings)]


def _hand(doc: Document) -> np.ndarray:
    """What the rules found, per task (one row each), then the document's genre, kind and shape."""
    kind = doc.metadata.kind
    doc_part = [float(genre(doc.metadata) == g) for g in get_args(Genre)]
    doc_part += [float(kind == k) for k in get_args(DocumentKind)]
    owned = sum(bool(t.lead) for t in doc.tasks) / max(len(doc.tasks), 1)
    doc_part += [np.log1p(len(doc.tasks)), owned]
    size = max(len(doc.text), 1)
    sections = {s.id: s for s in doc.sections}
    rows = [[float(bool(task.lead)), float(bool(task.support)), float(task.deadline is not None),
             float(bool(task.targets)), float(task.budget is not None), float(task.output is not None),
             *[float(task.origin == o) for o in get_args(TaskOrigin)],
             np.log1p(len(task.text) / 100), task.start / size, float(task.text.rstrip().endswith(":")),
             *heading_context(task, sections), *doc_part] for task in doc.tasks]
    return np.asarray(rows, dtype=np.float32).reshape(len(doc.tasks), -1)


def describe(doc: Document, vectors: np.ndarray) -> np.ndarray:
    """One feature row per task: the rules' findings, the task's vector, the mean vector of the document."""
    vectors = np.asarray(vectors, dtype=np.float32).reshape(len(doc.tasks), DIM)
    mean = np.repeat(vectors.mean(0, keepdims=True), len(doc.tasks), axis=0) if len(doc.tasks) else vectors
    return np.concatenate([_hand(doc), vectors, mean], axis=1)


def features_count() -> int:
    """Columns of describe(): the shipped coefficients must have as many."""
    return _hand(Document(tasks=[Task(id="t", text="t", start=0, end=1)])).shape[1] + 2 * DIM


def keep_mask(doc: Document, scores: np.ndarray, cut: float, protect: str, scope: str = "all") -> list[bool]:
    """Which tasks stay: in scope, those scored ≥ cut or protected; out of scope, all."""
    if not SCOPES[scope](doc):
        return [True] * len(doc.tasks)
    return [bool(s >= cut) or PROTECT[protect](t, doc) for t, s in zip(doc.tasks, scores)]


def vectors_of(doc: Document) -> np.ndarray:
    """The tagger's sentence vector of each task (zeros for a task without tokens, as in training)."""
    zero = np.zeros(DIM, np.float32)
    return np.stack([doc._task_vectors.get(t.id, zero) for t in doc.tasks])


@cache
def shipped() -> Filter | None:
    """The catalogued filter (None when the catalogue has no entry); RuntimeError when the file does not
    match its sha256 or the features it was fitted on."""
    from importlib.resources import files

    from ..models import catalogue_entry
    from ..models.catalogue import sha256_of

    path = Path(str(files("service.models") / FILE))
    try:
        entry = catalogue_entry(NAME)
    except LookupError:
        return None
    if not path.exists() or sha256_of(path) != entry["sha256"]:
        raise RuntimeError(say("model_file_mismatch", path=path))
    data = json.loads(path.read_text(encoding="utf-8"))
    expected = features_count()
    if len(data["coef"]) != expected:
        raise RuntimeError(f"{path} was fitted on {len(data['coef'])} features, not {expected}")
    return Filter(*(np.asarray(data[k], np.float32) for k in ("mean", "scale", "coef")),
                  float(data["intercept"]), float(data["cut"]), data["protect"], data["scope"])


def drop_tasks(doc: Document, ids: list[str]) -> Document:
    """Remove tasks by id. The document's targets stay: leave-one-document-out lost targets (F1 0.655 →
    0.587) when those inside dropped items went with them."""
    dropped = set(ids)
    doc.tasks = [t for t in doc.tasks if t.id not in dropped]
    return doc


def filter_tasks(doc: Document) -> Document:
    """Stage: with the hybrid extractor, in documents of the filter's scope, drop items scored below its cut
    (unless protected by what the rules found)."""
    if doc.extractor != "hybrid" or not doc.tasks or not doc._task_vectors:
        return doc
    try:
        model = shipped()
    except RuntimeError:
        doc.warnings.append(Problem(stage="task_filter", code="task_filter_unavailable",
                                    message=say("task_filter_unavailable")))
        return doc
    if model is None or not SCOPES[model.scope](doc):
        return doc
    keep = keep_mask(doc, model.scores(doc, vectors_of(doc)), model.cut, model.protect)
    return drop_tasks(doc, [t.id for t, k in zip(doc.tasks, keep) if not k])
