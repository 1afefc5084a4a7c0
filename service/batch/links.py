"""Link each document to the upper document it implements, across a whole archive.

1. citations: a number in the document's basis that some archived document carries (the most
   similar by MinHash when several are cited);
2. content: candidates come from a MinHash LSH index (never all pairs) over the same signatures
   as service/archive (level-aware normalised task shingles), restricted to documents issued no
   later and at the same or a higher administrative level; the best by Jaccard estimate (same
   level weighed down), optionally re-ranked by service/archive's task-level content score.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from ..archive import signature as sg
from ..archive.content import content_score
from ..archive.store import LSH_THRESHOLD

MIN_JACCARD = 0.1          # content links below this Jaccard estimate are not made
MIN_CONTENT = 0.25         # nor, when re-ranked, below this content score
SAME_LEVEL = 0.8           # a candidate at the document's own level (a sibling?) weighs less
POOL = 10                  # LSH candidates kept by Jaccard estimate
SCHEME = getattr(MinHash(num_perm=1, seed=sg.SEED), "scheme", None)   # datasketch ≥ 2 names it


def lean(values: np.ndarray) -> LeanMinHash:
    """A signature from stored hash values (datasketch 2 wants the hashing scheme stated)."""
    if SCHEME is None:
        return LeanMinHash(seed=sg.SEED, hashvalues=values)
    return LeanMinHash(seed=sg.SEED, hashvalues=values, scheme=SCHEME)


@dataclass
class Node:
    """What linking needs of one document."""

    sha256: str
    number: str | None
    level: int | None
    issued_on: date | None
    basis: list[str]           # number keys cited in the basis
    signature: np.ndarray      # MinHash hash values (uint64)

    @property
    def key(self) -> str | None:
        return sg.number_key(self.number)


def build_index(nodes: list[Node]) -> tuple[MinHashLSH, dict[str, list[int]]]:
    """The LSH index over every signature and the number index (number key → node positions)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=sg.NUM_PERM)
    by_key: dict[str, list[int]] = defaultdict(list)
    with lsh.insertion_session() as session:
        for i, node in enumerate(nodes):
            session.insert(i, lean(node.signature), check_duplication=False)
            if node.key:
                by_key[node.key].append(i)
    return lsh, by_key


def _allowed(node: Node, cand: Node) -> bool:
    """A possible upper: not another copy, not issued later, not at a lower level."""
    if cand.sha256 == node.sha256 or (node.key and cand.key == node.key):
        return False
    if node.issued_on and cand.issued_on and cand.issued_on > node.issued_on:
        return False
    return node.level is None or cand.level is None or cand.level <= node.level


def _jaccard(node: Node, cands: list[Node]) -> np.ndarray:
    values = np.stack([c.signature for c in cands])
    return (values == node.signature[None, :]).mean(axis=1)


def _row(node: Node, cand: Node, method: str, jaccard: float, content: float | None) -> dict:
    return {"sha256": node.sha256, "number": node.number, "parent_sha256": cand.sha256,
            "parent_number": cand.number, "method": method, "jaccard": round(float(jaccard), 4),
            "content": None if content is None else round(content, 4)}


def _cited(node: Node, nodes: list[Node], by_key: dict[str, list[int]]) -> dict | None:
    cands = [nodes[i] for key in node.basis for i in by_key.get(key, ())
             if nodes[i].sha256 != node.sha256 and nodes[i].key != node.key]
    if not cands:
        return None
    est = _jaccard(node, cands)
    best = int(np.argmax(est))
    return _row(node, cands[best], "citation", est[best], None)


def _by_content(node: Node, nodes: list[Node], lsh: MinHashLSH,
                norms: Callable[[str], list[str]] | None, rerank: int) -> dict | None:
    cands = [nodes[i] for i in lsh.query(lean(node.signature)) if _allowed(node, nodes[i])]
    if not cands:
        return None
    est = _jaccard(node, cands) * [1.0 if c.level is None or node.level is None or c.level < node.level
                                   else SAME_LEVEL for c in cands]
    order = [int(k) for k in np.argsort(-est)[:POOL] if est[k] >= MIN_JACCARD]
    if not order:
        return None
    if norms is None or rerank <= 0:
        return _row(node, cands[order[0]], "content", est[order[0]], None)
    mine = norms(node.sha256)
    scored = [(content_score(mine, norms(cands[k].sha256)), est[k], k) for k in order[:rerank]]
    content, jac, k = max(scored)
    return _row(node, cands[k], "content", jac, content) if content >= MIN_CONTENT else None


def link_all(nodes: list[Node], norms: Callable[[str], list[str]] | None = None,
             rerank: int = 0, use_citations: bool = True) -> list[dict]:
    """One link row per document that has an upper document in the archive."""
    lsh, by_key = build_index(nodes)
    out = []
    for node in nodes:
        row = _cited(node, nodes, by_key) if use_citations and node.basis else None
        row = row or _by_content(node, nodes, lsh, norms, rerank)
        if row:
            out.append(row)
    return out
