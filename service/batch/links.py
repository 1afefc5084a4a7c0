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
from datasketch import MinHashLSH

from ..archive import signature as sg
from ..archive.coverage import content_score
from ..archive.rank import MIN_CONTENT  # nor, when re-ranked, below this content score
from ..archive.store import LSH_THRESHOLD

MIN_JACCARD = 0.15         # no content link below this Jaccard estimate (real pairs: 0.17–0.47,
                           # unrelated ~0.03, see service/archive/store.py)
SAME_LEVEL = 0.8           # a candidate at the document's own level (a sibling?) weighs less
POOL = 10                  # LSH candidates kept by Jaccard estimate
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


class Index:
    """The LSH index, the number index and column arrays for vectorised candidate filtering."""

    def __init__(self, nodes: list[Node]):
        self.nodes = nodes
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=sg.NUM_PERM)
        self.by_key: dict[str, list[int]] = defaultdict(list)
        with self.lsh.insertion_session() as session:
            for i, node in enumerate(nodes):
                session.insert(i, sg.from_hashvalues(node.signature), check_duplication=False)
                if node.key:
                    self.by_key[node.key].append(i)
        self.sigs = np.stack([n.signature for n in nodes]) if nodes else np.zeros((0, sg.NUM_PERM), np.uint64)
        self.level = np.array([-1 if n.level is None else n.level for n in nodes], dtype=np.int64)
        self.day = np.array([n.issued_on.toordinal() if n.issued_on else -1 for n in nodes], dtype=np.int64)
        self.key = np.array([n.key or "" for n in nodes], dtype=object)

    def jaccard(self, node: Node, idx: np.ndarray) -> np.ndarray:
        return (self.sigs[idx] == node.signature[None, :]).mean(axis=1)

    def allowed(self, node: Node, pos: int, idx: np.ndarray) -> np.ndarray:
        """Possible uppers of nodes[pos]: not itself or another copy, not issued later, not at a
        lower level."""
        ok = idx != pos
        if node.key:
            ok &= self.key[idx] != node.key
        if node.issued_on:
            ok &= (self.day[idx] < 0) | (self.day[idx] <= node.issued_on.toordinal())
        if node.level is not None:
            ok &= (self.level[idx] < 0) | (self.level[idx] <= node.level)
        return ok


def _row(node: Node, cand: Node, method: str, jaccard: float, content: float | None) -> dict:
    return {"sha256": node.sha256, "number": node.number, "parent_sha256": cand.sha256,
            "parent_number": cand.number, "method": method, "jaccard": round(float(jaccard), 4),
            "content": None if content is None else round(content, 4)}


def _cited(node: Node, index: Index) -> dict | None:
    idx = np.array([i for key in node.basis for i in index.by_key.get(key, ())
                    if index.nodes[i].sha256 != node.sha256 and index.nodes[i].key != node.key], dtype=np.int64)
    if not len(idx):
        return None
    est = index.jaccard(node, idx)
    best = int(np.argmax(est))
    return _row(node, index.nodes[idx[best]], "citation", est[best], None)


def _by_content(node: Node, pos: int, index: Index, norms: Callable[[str], list[str]] | None,
                rerank: int) -> dict | None:
    idx = np.fromiter(index.lsh.query(sg.from_hashvalues(node.signature)), dtype=np.int64)
    idx = idx[index.allowed(node, pos, idx)] if len(idx) else idx
    if not len(idx):
        return None
    same = (index.level[idx] >= 0) & (index.level[idx] == (-2 if node.level is None else node.level))
    est = index.jaccard(node, idx) * np.where(same, SAME_LEVEL, 1.0)
    order = [int(k) for k in np.argsort(-est)[:POOL] if est[k] >= MIN_JACCARD]
    if not order:
        return None
    cands = [index.nodes[idx[k]] for k in order]
    if norms is None or rerank <= 0:
        return _row(node, cands[0], "content", est[order[0]], None)
    mine = norms(node.sha256)
    scored = [(content_score(mine, norms(c.sha256)), est[k], n) for n, (k, c) in enumerate(zip(order, cands))
              if n < rerank]
    content, jac, n = max(scored)
    return _row(node, cands[n], "content", jac, content) if content >= MIN_CONTENT else None


def link_all(nodes: list[Node], norms: Callable[[str], list[str]] | None = None,
             rerank: int = 0, use_citations: bool = True) -> list[dict]:
    """One link row per document that has an upper document in the archive."""
    index = Index(nodes)
    out = []
    for pos, node in enumerate(nodes):
        row = _cited(node, index) if use_citations and node.basis else None
        row = row or _by_content(node, pos, index, norms, rerank)
        if row:
            out.append(row)
    return out
