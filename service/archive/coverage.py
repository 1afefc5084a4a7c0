"""Task-level content score of a candidate upper document: the share of the query's tasks that
align to some candidate task with service.compare's lexical signal at or above the calibrated
`adapted` threshold (coverage-like, seen from the lower side)."""
from __future__ import annotations

import numpy as np

from ..compare.align import MIN_CONTAINMENT, Unit, align_task, quick_scores, shingles
from ..compare.classify import lexical_share, load_thresholds
from ..compare.placeholders import Token

CANDIDATE_TASKS = 3          # upper tasks aligned per query task (best by shingle containment)
GATE = 0.2                   # shingle containment below which no alignment is tried: a task half
                             # aligned (the `adapted` threshold) shares far more than this


def unit(task_id: str, norm_text: str, vocab: dict[str, int]) -> Unit:
    """A comparison unit built from a stored normalised task text."""
    norms = norm_text.split()
    toks = [Token(n, i, i + 1) for i, n in enumerate(norms)]
    ids = np.array([vocab.setdefault(n, len(vocab)) for n in norms], dtype=np.int64)
    words, chars = shingles(norms)
    return Unit(task_id, norm_text, toks, ids, words, chars, np.zeros(len(norms), dtype=np.int64))


def units(norm_texts: list[str], vocab: dict[str, int]) -> list[Unit]:
    return [unit(str(i), text, vocab) for i, text in enumerate(norm_texts) if text.strip()]


def task_covered(lower: Unit, uppers: list[Unit], row: np.ndarray, threshold: float) -> bool:
    """Does the lower task align to the uppers with an aligned share ≥ `threshold`?"""
    cands = [int(k) for k in np.argsort(-row)[:CANDIDATE_TASKS] if row[k] > max(GATE, MIN_CONTAINMENT)]
    if not cands:
        return False
    return lexical_share(lower, align_task(lower, uppers, cands)) >= threshold


def content_score(lower_norms: list[str], upper_norms: list[str]) -> float:
    """Share of the lower document's tasks that some upper task covers (0..1)."""
    vocab: dict[str, int] = {}
    lowers, uppers = units(lower_norms, vocab), units(upper_norms, vocab)
    if not lowers or not uppers:
        return 0.0
    threshold = load_thresholds(False).adapted
    rows = quick_scores(lowers, uppers)
    covered = sum(task_covered(lo, uppers, row, threshold) for lo, row in zip(lowers, rows))
    return covered / len(lowers)
