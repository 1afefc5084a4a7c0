"""The learned task filter (line role): of the items the rules segment as tasks, which are work to do.

Rules keep every directive-looking item; in articles, rule-setting decisions and reports many are not
tasks. A logistic regression over what the rules found (owner, deadline, targets, origin, genre, kind)
and the encoder's sentence vector of the item and of its document scores each item; with the model or
hybrid extractor, items scored below the fitted cut are dropped with their targets. Fitted by
evaluation/task_filter_lodo.py (strength and cut by leave-one-document-out); coefficients in
models/task_filter.json (catalogue entry "task-filter"). Without sentence vectors it does nothing.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import get_args

import numpy as np

from ..document import Document, DocumentKind, Problem, TaskOrigin

FILE = "task_filter.json"
NAME = "task-filter"
DIM = 384
GENRES = ("act", "rules", "mandate", "article")


def _hand(doc: Document) -> np.ndarray:
    """What the rules found, per task (one row each)."""
    kind, kinds = doc.metadata.kind, get_args(DocumentKind)
    doc_part = [float(_genre(doc) == g) for g in GENRES] + [float(kind == k) for k in kinds]
    owned = sum(bool(t.lead) for t in doc.tasks) / max(len(doc.tasks), 1)
    doc_part += [np.log1p(len(doc.tasks)), owned]
    size = max(len(doc.text), 1)
    rows = []
    for task in doc.tasks:
        rows.append([float(bool(task.lead)), float(bool(task.support)), float(task.deadline is not None),
                     float(bool(task.targets)), float(task.budget is not None), float(task.output is not None),
                     *[float(task.origin == o) for o in get_args(TaskOrigin)],
                     np.log1p(len(task.text) / 100), task.start / size, float(task.text.rstrip().endswith(":")),
                     *doc_part])
    return np.asarray(rows, dtype=np.float32).reshape(len(doc.tasks), -1)


def describe(doc: Document, vectors: np.ndarray) -> np.ndarray:
    """One feature row per task: the rules' findings, the task's vector, the mean vector of the document."""
    vectors = np.asarray(vectors, dtype=np.float32).reshape(len(doc.tasks), DIM)
    mean = np.repeat(vectors.mean(0, keepdims=True), len(doc.tasks), axis=0) if len(doc.tasks) else vectors
    return np.concatenate([_hand(doc), vectors, mean], axis=1)


def fit_model(x: np.ndarray, y: np.ndarray, strength: float):
    """Standardised L2 logistic regression (scikit-learn; training only), balanced classes."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=strength, class_weight="balanced", max_iter=2000))
    return model.fit(x, y)


PROTECT = {                                    # items kept whatever their score, by what the rules found
    "none": lambda task: False,
    "deadline": lambda task: task.deadline is not None,
    "lead_deadline": lambda task: bool(task.lead) or task.deadline is not None,
}


WORK_KINDS = ("nghi_quyet", "chuong_trinh", "ke_hoach", "chi_thi", "ket_luan", "quyet_dinh", "cong_van")
SCOPES = {                                     # documents the filter applies to
    "all": lambda doc: True,
    # not an act issuing work: an article, rule-setting, a mandate, or a report, notice, guidance, other kind
    "beyond_work_acts": lambda doc: _genre(doc) != "act" or doc.metadata.kind not in WORK_KINDS,
}


def _genre(doc: Document) -> str:
    from ..genre import genre

    return genre(doc.metadata)


def keep_mask(doc: Document, scores: np.ndarray, cut: float, protect: str, scope: str = "all") -> list[bool]:
    """Which tasks stay: in scope, those scored ≥ cut or protected; out of scope, all."""
    if not SCOPES[scope](doc):
        return [True] * len(doc.tasks)
    return [bool(s >= cut) or PROTECT[protect](t) for t, s in zip(doc.tasks, scores)]


def save(model, cut: float, protect: str, scope: str, about: dict, path: Path | None = None) -> Path:
    """Coefficients as JSON (no pickle): the scaler's mean and scale, weights, intercept, cut, protection, scope."""
    scaler, lr = model[0], model[-1]
    path = path or Path(__file__).resolve().parents[2] / "models" / FILE
    path.write_text(json.dumps({**about, "cut": cut, "protect": protect, "scope": scope, "mean": scaler.mean_.round(6).tolist(),
                                "scale": scaler.scale_.round(6).tolist(), "coef": lr.coef_[0].round(6).tolist(),
                                "intercept": round(float(lr.intercept_[0]), 6)}) + "\n", encoding="utf-8")
    return path


@cache
def _coefficients() -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float, str, str] | None:
    from importlib.resources import files

    from ..models import catalogue_entry
    from ..models.catalogue import sha256_of

    path = Path(str(files("service.models") / FILE))
    try:
        entry = catalogue_entry(NAME)
    except LookupError:
        return None
    if not path.exists() or sha256_of(path) != entry["sha256"]:
        raise RuntimeError(f"{path} is missing or does not match the sha256 in the model catalogue")
    data = json.loads(path.read_text(encoding="utf-8"))
    return (np.asarray(data["mean"], np.float32), np.asarray(data["scale"], np.float32),
            np.asarray(data["coef"], np.float32), float(data["intercept"]), float(data["cut"]), data["protect"], data["scope"])


def task_scores(doc: Document, vectors: np.ndarray) -> np.ndarray | None:
    """Probability that each task is work to do, or None without coefficients."""
    model = _coefficients()
    if model is None or not doc.tasks:
        return None
    mean, scale, coef, intercept = model[:4]
    z = ((describe(doc, vectors) - mean) / scale) @ coef + intercept
    return 1.0 / (1.0 + np.exp(-z))


def drop_tasks(doc: Document, ids: list[str]) -> Document:
    """Remove tasks by id. The document's targets stay: leave-one-document-out lost targets (F1 0.655 →
    0.587) when those inside dropped items went with them."""
    dropped = set(ids)
    doc.tasks = [t for t in doc.tasks if t.id not in dropped]
    return doc


def filter_tasks(doc: Document) -> Document:
    """Stage: with the model or hybrid extractor, in documents of its scope, drop items the filter scores
    below its cut (unless protected by what the rules found)."""
    if doc.extractor in (None, "rules") or not doc.tasks or len(doc._task_vectors) < len(doc.tasks):
        return doc
    try:
        scores = task_scores(doc, np.stack([doc._task_vectors[t.id] for t in doc.tasks]))
        cut, protect, scope = _coefficients()[-3:]
    except (RuntimeError, TypeError) as error:
        doc.warnings.append(Problem(stage="task_filter", code="task_filter_unavailable",
                                    message=f"Không dùng được bộ lọc nhiệm vụ ({error}); giữ mọi mục."))
        return doc
    return drop_tasks(doc, [t.id for t, k in zip(doc.tasks, keep_mask(doc, scores, cut, protect, scope)) if not k])
