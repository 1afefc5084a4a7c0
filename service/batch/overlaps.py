"""Overlapping tasks (chồng chéo) between sibling plans: plans linked to the same parent.

Per parent, a MinHash LSH over the normalised task texts of its children proposes task pairs from
different siblings; a pair is kept at a Jaccard estimate ≥ `OVERLAP`. `from_parent` says whether
both tasks also match one same task of the parent (each took it over, as expected) or not (a local
task two siblings both carry: a candidate overlap of responsibilities).
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from ..archive.signature import shingles

OVERLAP = 0.5
TASK_PERM = 64


def task_signature(norm: str) -> LeanMinHash:
    m = MinHash(num_perm=TASK_PERM, seed=1)
    words = shingles([norm])
    if words:
        m.update_batch([w.encode("utf-8") for w in words])
    return LeanMinHash(m)


def _estimate(a: LeanMinHash, b: LeanMinHash) -> float:
    return float(np.mean(a.hashvalues == b.hashvalues))


def _parent_hits(parent: list[tuple[str, LeanMinHash]], sig: LeanMinHash) -> set[str]:
    return {tid for tid, p in parent if _estimate(sig, p) >= OVERLAP}


def sibling_overlaps(parent_sha: str, parent_tasks: list[tuple[str, str, str]],
                     children: dict[str, list[tuple[str, str, str]]]) -> list[dict]:
    """Overlap rows among the children of one parent; tasks are (task_id, text, norm)."""
    sigs = {(sha, tid): (text, task_signature(norm)) for sha, tasks in children.items()
            for tid, text, norm in tasks if norm.strip()}
    lsh = MinHashLSH(threshold=OVERLAP, num_perm=TASK_PERM)
    for key, (_, sig) in sigs.items():
        lsh.insert(key, sig, check_duplication=False)
    parent = [(tid, task_signature(norm)) for tid, _, norm in parent_tasks if norm.strip()]
    hits = {key: _parent_hits(parent, sig) for key, (_, sig) in sigs.items()}
    rows = []
    for key, (text, sig) in sigs.items():
        for other in lsh.query(sig):
            if other[0] <= key[0]:                     # each pair once, never within one plan
                continue
            jaccard = _estimate(sig, sigs[other][1])
            if jaccard >= OVERLAP:
                rows.append({"parent_sha256": parent_sha, "sha256_a": key[0], "task_a": key[1],
                             "sha256_b": other[0], "task_b": other[1], "jaccard": round(jaccard, 4),
                             "from_parent": bool(hits[key] & hits[other]),
                             "text_a": text, "text_b": sigs[other][0]})
    return rows


def all_overlaps(links: list[dict], tasks_of) -> list[dict]:
    """Overlap rows for every parent with two or more linked children; `tasks_of(sha)` gives
    a document's (task_id, text, norm) list."""
    children: dict[str, list[str]] = defaultdict(list)
    for link in links:
        children[link["parent_sha256"]].append(link["sha256"])
    rows = []
    for parent, kids in children.items():
        if len(kids) > 1:
            rows += sibling_overlaps(parent, tasks_of(parent), {k: tasks_of(k) for k in kids})
    return rows
