"""Content-word overlap: what a lower task is about, whatever words frame it.

A condensed table row ("Hoàn thành Dự án Luật Đo đạc và bản đồ (sửa đổi)") shares few word runs with the
long upper sentence it restates, but it shares its key noun phrases. Each task becomes a set of
terms (content syllables and adjacent pairs of them, synonyms read as one, placeholders and function
words dropped). A term weighs its IDF over the upper document's tasks, so words every upper task
carries count little; boilerplate and slogan words (service/lexicons/synonyms.yaml) weigh a tenth.
`ContentIndex.scores(text)` is the weighted share of a lower task's terms found in each upper task.
"""
from __future__ import annotations

import math
from functools import cache

import numpy as np

from ..lexicons import load
from .placeholders import tokens

BOILERPLATE_WEIGHT = 0.1
UNIGRAM_WEIGHT = 0.5
FUNCTION_WORDS = frozenset(load("synonyms")["function_words"])


@cache
def _lexicon() -> tuple[dict[tuple[str, ...], tuple[str, ...]], frozenset[tuple[str, ...]],
                        dict[str, list[int]]]:
    """(synonym phrase → canonical phrase, boilerplate phrases, first syllable → phrase lengths
    to try, longest first)."""
    lex = load("synonyms")
    canon = {tuple(w.split()): tuple(group[0].split()) for group in lex["groups"] for w in group}
    boiler = frozenset(tuple(w.split()) for w in lex["boilerplate"])
    lengths: dict[str, set[int]] = {}
    for phrase in list(canon) + list(boiler):
        lengths.setdefault(phrase[0], set()).add(len(phrase))
    return canon, boiler, {w: sorted(n, reverse=True) for w, n in lengths.items()}


def canonical(norms: list[str]) -> tuple[list[str], list[bool]]:
    """Synonyms replaced by their group's first member (longest phrase first), and for each
    resulting syllable whether it belongs to a boilerplate phrase."""
    canon, boiler, lengths = _lexicon()
    out: list[str] = []
    i = 0
    while i < len(norms):
        n = next((n for n in lengths.get(norms[i], ()) if tuple(norms[i:i + n]) in canon), 0)
        out += canon[tuple(norms[i:i + n])] if n else [norms[i]]
        i += n or 1
    flags = [False] * len(out)
    for i, w in enumerate(out):
        for n in lengths.get(w, ()):
            if tuple(out[i:i + n]) in boiler:
                flags[i:i + n] = [True] * n
                break
    return out, flags


@cache
def terms(text: str, places: frozenset[str] = frozenset()) -> dict[str, float]:
    """Content terms of a task with their base weight (before IDF): unigrams and bigrams of
    content syllables; boilerplate and unigrams weigh less."""
    norms = [t.norm for t in tokens(text, places)]
    words, flags = canonical(norms)
    keep = [not (w.startswith("<") or w in FUNCTION_WORDS or w.isdigit()) for w in words]
    out: dict[str, float] = {}
    for i, w in enumerate(words):
        if not keep[i]:
            continue
        out[w] = UNIGRAM_WEIGHT * (BOILERPLATE_WEIGHT if flags[i] else 1.0)
        if i + 1 < len(words) and keep[i + 1]:
            out[f"{w} {words[i + 1]}"] = BOILERPLATE_WEIGHT if flags[i] and flags[i + 1] else 1.0
    return out


class ContentIndex:
    """The upper document's tasks as term sets, with IDF weights over those tasks."""

    def __init__(self, upper_texts: list[str], places: frozenset[str] = frozenset(),
                 background: list[str] = ()) -> None:
        """IDF over the upper texts and `background` (the lower document's tasks), so that the
        topic words both documents repeat count little."""
        self.places = places
        self.vocab: dict[str, int] = {}
        rows = [[self.vocab.setdefault(t, len(self.vocab)) for t in terms(text, places)]
                for text in upper_texts]
        self.matrix = np.zeros((len(upper_texts), len(self.vocab)), dtype=np.float32)
        for k, cols in enumerate(rows):
            self.matrix[k, cols] = 1.0
        df = self.matrix.sum(axis=0)
        for text in background:
            cols = [c for t in terms(text, places) if (c := self.vocab.get(t)) is not None]
            df[cols] += 1.0
        n = len(upper_texts) + len(background)
        self.idf = np.log((n + 1) / (df + 1)) + 1.0
        self.unseen_idf = math.log(n + 1) + 1.0

    def scores(self, text: str) -> np.ndarray:
        """Weighted share of the task's terms found in each upper task (one value per upper task)."""
        found = terms(text, self.places)
        if not found or not len(self.matrix):
            return np.zeros(len(self.matrix))
        cols, weights, missing = [], [], 0.0
        for term, base in found.items():
            col = self.vocab.get(term)
            if col is None:
                missing += base * self.unseen_idf
            else:
                cols.append(col)
                weights.append(base * self.idf[col])
        w = np.asarray(weights, dtype=np.float32)
        total = float(w.sum()) + missing
        if not cols or total <= 0:
            return np.zeros(len(self.matrix))
        return (self.matrix[:, cols] @ w) / total

    def union_score(self, text: str, uppers: list[int]) -> float:
        """Weighted share of the task's terms found in any of several upper tasks (a merge)."""
        if not uppers:
            return 0.0
        found = terms(text, self.places)
        union = self.matrix[uppers].max(axis=0)
        num = total = 0.0
        for term, base in found.items():
            col = self.vocab.get(term)
            weight = base * (self.unseen_idf if col is None else float(self.idf[col]))
            total += weight
            num += weight if col is not None and union[col] else 0.0
        return num / total if total else 0.0
