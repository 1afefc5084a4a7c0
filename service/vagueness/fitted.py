"""The fitted vagueness score, beside the transparent sum: a ridge regression from the task's missing
parts, its cue count per category, the transparent score, what its document's items name (shares) and the
encoder's sentence vector onto the
gold specificity (ANNOTATION.md §2, 1 = slogan … 5 = fully specified), mapped to 0..1 like the sum
(1 = vague). Fitted by evaluation/vagueness_fit.py (ridge strength chosen by leave-one-document-out);
the coefficients are in fitted.json. Only where the tagger ran (model or hybrid extractor) is the
sentence vector at hand; elsewhere `Vagueness.fitted` stays None. Cues, missing parts and hint stay
the explanation.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np

from ..document import Vagueness

PARTS = ("owner", "deadline", "target", "output", "budget")
LEVELS = (1.0, 2.0, 3.0, 4.0, 5.0)
FITTED = Path(__file__).with_name("fitted.json")


def categories() -> list[str]:
    from .cues import load_rules

    return sorted({rule.category for rule in load_rules(frozenset())})


def ladder(missing: list[str]) -> float:
    """The specificity ANNOTATION.md §2 gives the parts found: 5 owner, checkable output or measure and
    deadline; 4 owner and one of them; 3 owner only; 2 a time only; 1 none."""
    owner, time = "owner" not in missing, "deadline" not in missing
    measure = "output" not in missing or "target" not in missing
    if owner:
        return 5.0 if measure and time else 4.0 if measure or time else 3.0
    return 2.0 if time else 1.0


def document_context(scored: list[Vagueness]) -> np.ndarray:
    """The shares of a document's items that name an owner, a deadline, and a measure or output: an item is
    read against its neighbours (where most name their owner, the structure names it for the rest too)."""
    n = max(1, len(scored))
    found = [("owner",), ("deadline",), ("target", "output")]
    return np.asarray([sum(any(p not in v.missing for p in parts) for v in scored) / n for parts in found],
                      dtype=np.float32)


def features(vagueness: Vagueness, vector: np.ndarray, cats: list[str],
             context: np.ndarray | None = None) -> np.ndarray:
    """The document's context (its shares, and the owner share where this item names none), missing parts
    (0/1), cue count per category, transparent score, the specificity ladder of the parts found (as a number
    and as one indicator per level, so that its steps need not be equal), then the sentence vector."""
    context = np.zeros(3, dtype=np.float32) if context is None else context
    per_cat = dict.fromkeys(cats, 0.0)
    for cue in vagueness.cues:
        if cue.category in per_cat:
            per_cat[cue.category] += 1.0
    level = ladder(vagueness.missing)
    head = [*map(float, context), float(context[0]) * float("owner" in vagueness.missing)] \
        + [float(p in vagueness.missing) for p in PARTS] + list(per_cat.values()) + [vagueness.score, level] \
        + [float(level == step) for step in LEVELS]
    return np.concatenate([np.asarray(head, dtype=np.float32), np.asarray(vector, dtype=np.float32)])


def to_vagueness(specificity: float) -> float:
    """Predicted specificity 1..5 → 0..1, 1 = vague."""
    return round(float(np.clip((5.0 - specificity) / 4.0, 0.0, 1.0)), 3)


@cache
def _coefficients() -> tuple[list[str], np.ndarray, np.ndarray, float] | None:
    if not FITTED.exists():
        return None
    data = json.loads(FITTED.read_text(encoding="utf-8"))
    return data["categories"], np.asarray(data["mean"], dtype=np.float32), \
        np.asarray(data["coef"], dtype=np.float32), float(data["intercept"])


def fitted_score(vagueness: Vagueness, vector: np.ndarray | None, context: np.ndarray | None = None) -> float | None:
    """The fitted 0..1 vagueness of one task (`context`: `document_context` of its document), or None without a
    sentence vector or coefficients."""
    model = _coefficients()
    if model is None or vector is None:
        return None
    cats, mean, coef, intercept = model
    x = features(vagueness, vector, cats, context)
    if x.shape != coef.shape:                   # coefficients fitted on other features: no fitted score
        return None
    x = x - mean
    return to_vagueness(float(x @ coef + intercept))
