"""Lexical signal: word and character shingles pick candidates, a Smith–Waterman local alignment
over normalised word tokens finds the copied runs (repeated, so reordered clauses are caught).

A lower task may draw on several upper tasks: `align_task` keeps adding the upper task that
covers the most lower tokens not yet covered.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .placeholders import Token, tokens

MATCH, MISMATCH, GAP = 2.0, -1.0, 1.0
MIN_RUN_SCORE = 6.0        # a local alignment worth keeping: about three words in a row
MAX_ROUNDS = 3             # alignments per (lower, upper) pair: the copied clause and moved ones
MIN_EXTRA = 3              # tokens a further upper task must add to the coverage of a lower one
MIN_CONTAINMENT = 0.05     # shingle containment below which an upper task is not aligned
WORD_N, CHAR_N = 3, 5


@dataclass
class Unit:
    """A task prepared for comparison: tokens, ids in a shared vocabulary, shingles."""

    task_id: str
    text: str
    toks: list[Token]
    ids: np.ndarray
    words: set[tuple[str, ...]]
    chars: set[str]
    sentences: np.ndarray                          # sentence number of each token


@dataclass
class PairAlignment:
    """How a lower task aligns with one upper task."""

    upper: int
    score: float                                   # summed Smith–Waterman score of the runs
    lower_hits: set[int] = field(default_factory=set)   # matched lower token positions
    upper_hits: set[int] = field(default_factory=set)   # matched upper token positions
    shingle: float = 0.0                           # shingle containment of the lower task
    region: int = 0                                # tokens of the upper sentences drawn on

    def dice(self, lower_len: int) -> float:
        """Matched tokens against the lower task and the upper sentences it draws on."""
        total = lower_len + self.region
        return 2 * len(self.lower_hits) / total if total else 0.0


def shingles(norms: Sequence[str]) -> tuple[set[tuple[str, ...]], set[str]]:
    """Word n-grams (n=3, or the whole text when shorter) and character 5-grams."""
    n = min(WORD_N, len(norms)) or 1
    words = {tuple(norms[i:i + n]) for i in range(max(len(norms) - n + 1, 0))}
    joined = " ".join(norms)
    chars = {joined[i:i + CHAR_N] for i in range(max(len(joined) - CHAR_N + 1, 0))}
    return words, chars


def prepare(task_id: str, text: str, vocab: dict[str, int],
            places: frozenset[str] = frozenset()) -> Unit:
    """Tokenise and shingle one task; `vocab` grows with new token forms."""
    toks = tokens(text, places)
    norms = [t.norm for t in toks]
    ids = np.array([vocab.setdefault(n, len(vocab)) for n in norms], dtype=np.int64)
    words, chars = shingles(norms)
    return Unit(task_id, text, toks, ids, words, chars, sentence_numbers(text, toks))


def sentence_numbers(text: str, toks: list[Token]) -> np.ndarray:
    """Sentence number of each token: a new sentence after a full stop or a line break."""
    out = np.zeros(len(toks), dtype=np.int64)
    for i in range(1, len(toks)):
        gap = text[toks[i - 1].end:toks[i].start]
        out[i] = out[i - 1] + ("." in gap or "\n" in gap)
    return out


def region_size(upper: Unit, hits: set[int]) -> int:
    """Tokens in the upper sentences that hold a real share of the hits (≥ 2 and ≥ 20 %)."""
    if not hits:
        return 0
    sizes = np.bincount(upper.sentences)
    hit_counts = np.bincount(upper.sentences[sorted(hits)], minlength=len(sizes))
    keep = (hit_counts >= 2) & (hit_counts >= 0.2 * sizes)
    return int(sizes[keep].sum()) or int(sizes[hit_counts > 0].sum())


def containment(lower: Unit, upper: Unit) -> float:
    """Mean share of the lower task's word and character shingles found in the upper task."""
    if not lower.chars:
        return 0.0
    w = len(lower.words & upper.words) / len(lower.words) if lower.words else 0.0
    c = len(lower.chars & upper.chars) / len(lower.chars)
    return (w + c) / 2


def smith_waterman(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Local-alignment score matrix (linear gaps), one vectorised row per token of `a`."""
    n, m = len(a), len(b)
    h = np.zeros((n + 1, m + 1), dtype=np.float32)
    ramp = np.arange(m + 1, dtype=np.float32) * GAP
    scores = np.where(a[:, None] == b[None, :], np.float32(MATCH), np.float32(MISMATCH))
    row = np.zeros(m + 1, dtype=np.float32)
    for i in range(1, n + 1):
        np.maximum(h[i - 1, :-1] + scores[i - 1], h[i - 1, 1:] - GAP, out=row[1:])
        np.maximum(row, 0.0, out=row)
        row += ramp
        np.maximum.accumulate(row, out=h[i])            # gaps along b
        h[i] -= ramp
    return h


def smith_waterman_batch(a: np.ndarray, bs: list[np.ndarray]) -> list[np.ndarray]:
    """`smith_waterman(a, b)` for several `b` at once: one row loop over `a` for all of them (the
    `b` are padded on the right with a value no token has; a column depends only on columns to
    its left, so the padding changes nothing)."""
    k, m, n = len(bs), max(len(b) for b in bs), len(a)
    padded = np.full((k, m), -3, dtype=np.int64)
    for r, b in enumerate(bs):
        padded[r, :len(b)] = b
    h = np.zeros((n + 1, k, m + 1), dtype=np.float32)
    ramp = np.arange(m + 1, dtype=np.float32) * GAP
    scores = np.where(a[:, None, None] == padded[None], np.float32(MATCH), np.float32(MISMATCH))
    row = np.zeros((k, m + 1), dtype=np.float32)
    for i in range(1, n + 1):
        np.maximum(h[i - 1, :, :-1] + scores[i - 1], h[i - 1, :, 1:] - GAP, out=row[:, 1:])
        np.maximum(row, 0.0, out=row)
        row += ramp
        np.maximum.accumulate(row, axis=1, out=h[i])
        h[i] -= ramp
    return [h[:, r, :len(b) + 1] for r, b in enumerate(bs)]


def traceback(h: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[float, list[tuple[int, int]]]:
    """Best local alignment in `h`: its score and the matched (i, j) token pairs."""
    i, j = np.unravel_index(int(np.argmax(h)), h.shape)
    score = float(h[i, j])
    pairs: list[tuple[int, int]] = []
    while i > 0 and j > 0 and h[i, j] > 0:
        same = a[i - 1] == b[j - 1]
        if h[i, j] == h[i - 1, j - 1] + (MATCH if same else MISMATCH):
            if same:
                pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif h[i, j] == h[i - 1, j] - GAP:
            i -= 1
        else:
            j -= 1
    return score, pairs[::-1]


def _shared_span(a: np.ndarray, b: np.ndarray) -> tuple[int, int, int, int, int] | None:
    """How many tokens of `a` occur in `b`, and the spans of `a` and `b` between their first and
    last shared tokens (a local alignment starts and ends on a match, so nothing outside counts)."""
    la, lb = a.tolist(), b.tolist()
    common = set(la) & set(lb)
    if not common:
        return None
    in_a = [i for i, x in enumerate(la) if x in common]
    in_b = [j for j, x in enumerate(lb) if x in common]
    return len(in_a), in_a[0], in_a[-1] + 1, in_b[0], in_b[-1] + 1


def align_pair(lower: Unit, upper: Unit, index: int, shingle: float | None = None,
               first: np.ndarray | None = None) -> PairAlignment:
    """Repeated local alignment: after each run, its tokens are masked and the next is sought
    (`first`: the first round's score matrix, when computed in a batch)."""
    a, b = lower.ids.copy(), upper.ids.copy()
    result = PairAlignment(index, 0.0, shingle=containment(lower, upper) if shingle is None else shingle)
    for round_ in range(MAX_ROUNDS):
        span = _shared_span(a, b)
        if span is None or span[0] < MIN_EXTRA:           # too few shared tokens left for a run
            break
        if round_ == 0 and first is not None:
            a0, b0 = 0, 0
            score, pairs = traceback(first, a, b)
        else:
            _, a0, a1, b0, b1 = span
            score, pairs = traceback(smith_waterman(a[a0:a1], b[b0:b1]), a[a0:a1], b[b0:b1])
        if score < MIN_RUN_SCORE and not (pairs and len(pairs) == len(a)):
            break
        result.score += score
        for i, j in pairs:
            result.lower_hits.add(i + a0)
            result.upper_hits.add(j + b0)
            a[i + a0], b[j + b0] = -1, -2
    result.region = region_size(upper, result.upper_hits)
    return result


def coverage(lower: Unit, hits: set[int]) -> float:
    """Share of the lower task's tokens that the hits cover (a placeholder counts as one)."""
    return len(hits) / len(lower.toks) if lower.toks else 0.0


def quick_scores(lowers: list[Unit], uppers: list[Unit]) -> np.ndarray:
    """Shingle containment of every lower task in every upper task (lower × upper)."""
    index = ShingleIndex(uppers)
    return np.array([index.containment(lo) for lo in lowers]).reshape(len(lowers), len(uppers))


class ShingleIndex:
    """The upper units' shingles as posting lists: `containment(lower)` equals `containment(lower,
    upper)` for every upper unit at once."""

    def __init__(self, uppers: list[Unit]) -> None:
        self.n = len(uppers)
        self.words: dict[tuple[str, ...], list[int]] = {}
        self.chars: dict[str, list[int]] = {}
        for k, unit in enumerate(uppers):
            for s in unit.words:
                self.words.setdefault(s, []).append(k)
            for s in unit.chars:
                self.chars.setdefault(s, []).append(k)

    def _share(self, shingles: set, postings: dict) -> np.ndarray:
        hits = [k for s in shingles for k in postings.get(s, ())]
        return np.bincount(np.asarray(hits, dtype=np.int64), minlength=self.n) / max(len(shingles), 1)

    def containment(self, lower: Unit) -> np.ndarray:
        if not lower.chars or not self.n:
            return np.zeros(self.n)
        words = self._share(lower.words, self.words) if lower.words else np.zeros(self.n)
        return (words + self._share(lower.chars, self.chars)) / 2


def align_task(lower: Unit, uppers: list[Unit], candidates: Sequence[int],
               shingles: np.ndarray | None = None) -> list[PairAlignment]:
    """Upper tasks this lower task draws on, best first, each adding new covered tokens
    (`shingles`: the lower task's containment in every upper, when already computed)."""
    worth = [k for k in candidates if (span := _shared_span(lower.ids, uppers[k].ids)) and span[0] >= MIN_EXTRA]
    firsts = dict(zip(worth, smith_waterman_batch(lower.ids, [uppers[k].ids for k in worth]))) if worth else {}
    pairs = [align_pair(lower, uppers[k], k, None if shingles is None else float(shingles[k]), firsts.get(k))
             for k in candidates]
    chosen: list[PairAlignment] = []
    covered: set[int] = set()
    for pair in sorted(pairs, key=lambda p: (len(p.lower_hits), p.score), reverse=True):
        extra = len(pair.lower_hits - covered)
        if (not chosen and pair.lower_hits) or extra >= MIN_EXTRA:
            chosen.append(pair)
            covered |= pair.lower_hits
    return chosen or sorted(pairs, key=lambda p: p.shingle, reverse=True)[:1]
