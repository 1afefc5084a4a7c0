"""Score a task's vagueness and summarise a document.

The score is a transparent sum, capped at 1 (1 = slogan only):

    score = min(1, missing part + min(cue_cap, Σ over categories of min(category_cap, Σ cue weights)))

    missing part: owner (no lead body)                      0.60
                  deadline (no thời hạn)                    0.30
                  measure (neither a target nor an output)  0.20
                  budget                                    (reported, not scored)

The weights and both band cuts were fitted to the gold specificity of ../shared/ANNOTATION.md §2 by
leave-one-document-out (`python evaluation/vagueness_weights.py`; 81 to 88 of 90 folds chose these) and
follow its levels: a task with no owner is at most level 2, so its missing owner alone reaches the
vague cut; a task with an owner but no measure or time (level 3) scores 0.5, mixed, and crosses
into vague only with slogan cues (level 2); an owner with a measure or a time (level 4) stays
specific unless cues push it up. Cue weights come from service/lexicons/vague_cues.yaml (a slogan
verb 0.15, an intensifier 0.06…), counted only where their context conditions hold. Bands:
specific < SPECIFIC_BELOW ≤ mixed < VAGUE_FROM ≤ vague; a task is flagged vague from VAGUE_FROM.
"""
from __future__ import annotations

from dataclasses import astuple, dataclass

import numpy as np

from ..document import Document, Task, Vagueness, VaguenessSummary
from .cues import Hit, Rule, find_hits, has_measure, to_cue
from .hints import make_hint


@dataclass(frozen=True)
class Weights:
    """The five fitted numbers of the sum (evaluation/vagueness_weights.py refits them)."""

    owner: float = 0.60             # missing lead body
    deadline: float = 0.30          # missing thời hạn
    measure: float = 0.20           # neither a target nor an output
    category_cap: float = 0.10      # cue weight counted per category at most
    cue_cap: float = 0.35           # cue weight counted in all at most


WEIGHTS = Weights()
SPECIFIC_BELOW = 0.50
VAGUE_FROM = 0.60
PARTS = ("owner", "deadline", "target", "output", "budget")
WORST = 5


def missing_parts(task: Task) -> list[str]:
    """Which of owner, deadline, target, output, budget the task lacks (a measured figure counts
    as a target even where the targets stage kept none)."""
    present = {"owner": bool(task.lead), "deadline": task.deadline is not None,
               "target": bool(task.targets) or has_measure(task.text),
               "output": task.output is not None, "budget": task.budget is not None}
    return [part for part in PARTS if not present[part]]


def missing_flags(missing: list[str]) -> tuple[bool, bool, bool]:
    """Owner, deadline and measure missing (a measure is missing when both target and output are);
    a missing budget is reported, not scored."""
    return "owner" in missing, "deadline" in missing, "target" in missing and "output" in missing


def cue_sums(hits: list[Hit]) -> dict[str, float]:
    """Cue weight per category."""
    per_category: dict[str, float] = {}
    for hit in hits:
        per_category[hit.rule.category] = per_category.get(hit.rule.category, 0.0) + hit.rule.weight
    return per_category


def combine(flags, per_category, weights: Weights = WEIGHTS):
    """The sum for one task (a float) or many (arrays, tasks on the first axis): `flags` holds the
    missing owner, deadline and measure on its last axis, `per_category` the cue sums on its last axis."""
    owner, deadline, measure, category_cap, cue_cap = astuple(weights)
    parts = np.asarray(flags, dtype=float) @ np.array([owner, deadline, measure])
    cues = np.minimum(category_cap, np.asarray(per_category, dtype=float))
    return np.minimum(1.0, parts + np.minimum(cue_cap, cues.sum(axis=-1)))


def band(score: float) -> str:
    if score < SPECIFIC_BELOW:
        return "specific"
    return "mixed" if score < VAGUE_FROM else "vague"


def is_vague(score: float) -> bool:
    return score >= VAGUE_FROM


def score_task(task: Task, rules: tuple[Rule, ...] | None = None) -> Vagueness:
    """Cues, missing parts, score and rewrite hint of one task."""
    hits = find_hits(task, rules)
    missing = missing_parts(task)
    score = round(float(combine(missing_flags(missing), list(cue_sums(hits).values()))), 3)
    cues = [to_cue(h, task) for h in hits]
    hint = make_hint(missing, cues) if band(score) != "specific" else None
    return Vagueness(score=score, cues=cues, missing=missing, hint=hint)


def summarise(tasks: list[Task]) -> VaguenessSummary:
    """Mean score, tasks per band, the worst vague tasks and how often each part is missing."""
    scored = [t for t in tasks if t.vagueness is not None]
    distribution = {"specific": 0, "mixed": 0, "vague": 0}
    missing_counts = {part: 0 for part in PARTS}
    for task in scored:
        distribution[band(task.vagueness.score)] += 1
        for part in task.vagueness.missing:
            missing_counts[part] += 1
    ranked = sorted((t for t in scored if is_vague(t.vagueness.score)), key=lambda t: -t.vagueness.score)
    mean = sum(t.vagueness.score for t in scored) / len(scored) if scored else 0.0
    return VaguenessSummary(score=round(mean, 3), distribution=distribution,
                            worst_tasks=[t.id for t in ranked[:WORST]], missing_counts=missing_counts)


def score_document(doc: Document, rules: tuple[Rule, ...] | None = None) -> Document:
    """Set every task's vagueness and the document's summary."""
    from .fitted import document_context, fitted_score

    for task in doc.tasks:
        task.vagueness = score_task(task, rules)
    context = document_context([t.vagueness for t in doc.tasks])
    for task in doc.tasks:
        task.vagueness.fitted = fitted_score(task.vagueness, doc._task_vectors.get(task.id), context)
    doc.vagueness_summary = summarise(doc.tasks)
    return doc
