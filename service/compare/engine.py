"""`compare(lower, upper)`: align each lower task with the upper passages it draws on and classify it.

Upper passages are the upper document's tasks and its other sentences (objectives, targets,
headings: passages.py). Per lower task the signals are the aligned share on the lower side
(`lexical`), the share of the best upper passage taken over (`upper_cov`), the two-sided overlap
with added owners and deadlines set aside (`dice`), the IDF content-word overlap (`content`) and,
with an encoder, the best cosine of the task or one of its sentences to any upper passage
(`semantic`). Upper vectors may be given (stored with the document), so that only the lower
document is embedded.
"""
from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass

import numpy as np

from ..document import Document, Task
from ..messages import say
from .align import MIN_CONTAINMENT, PairAlignment, ShingleIndex, Unit, align_task, prepare
from .classify import (Thresholds, additions, copied_targets, decide, has_detail, lexical_share,
                       load_thresholds, set_aside)
from .content_words import ContentIndex
from .embed import Encoder, cosine, default_encoder
from .model import Addition, Comparison, DocRef, Item, Method, Span, UpperMatch, UpperTask
from .placeholders import places_in
from .passages import Passage, passages
from .reasons import reason

LEXICAL_CANDIDATES = 3
SEMANTIC_CANDIDATES = 2
CONTENT_CANDIDATES = 2
MIN_CONTENT = 0.1          # content overlap below which an upper passage is not a candidate
_SENTENCES = re.compile(r"(?<=[.;])\s+(?=\S)")


def doc_ref(doc: Document) -> DocRef:
    meta = doc.metadata
    return DocRef(kind=meta.kind, number=meta.number, issuer=meta.issuer, issued_on=meta.issued_on)


def _spans(unit: Unit, hits: set[int]) -> list[Span]:
    """Token hits merged into character spans of the unit's text (gaps of spaces/punctuation)."""
    spans: list[Span] = []
    for i in sorted(hits):
        tok = unit.toks[i]
        if spans and (i - 1) in hits:
            spans[-1].end = tok.end
        else:
            spans.append(Span(start=tok.start, end=tok.end))
    return spans


def _candidates(row_lex: np.ndarray, row_sem: np.ndarray | None, row_con: np.ndarray) -> list[int]:
    """Upper passages worth aligning: best by shingles, by content words, and by meaning."""
    picked = [int(k) for k in np.argsort(-row_lex)[:LEXICAL_CANDIDATES] if row_lex[k] > MIN_CONTAINMENT]
    picked += [int(k) for k in np.argsort(-row_con)[:CONTENT_CANDIDATES] if row_con[k] > MIN_CONTENT]
    if row_sem is not None:
        picked += [int(k) for k in np.argsort(-row_sem)[:SEMANTIC_CANDIDATES]]
    return list(dict.fromkeys(picked))


def _choose(unit: Unit, uppers: list[Unit], cands: list[int], row_lex: np.ndarray,
            row_sem: np.ndarray | None, row_con: np.ndarray) -> list[PairAlignment]:
    """Aligned upper passages; with nothing aligned, the closest by meaning or content words."""
    chosen = align_task(unit, uppers, cands, row_lex) if cands else []
    if not any(p.lower_hits for p in chosen):
        if row_sem is not None:
            chosen = [PairAlignment(int(np.argmax(row_sem)), 0.0)]
        elif row_con.size and row_con.max() > MIN_CONTENT:
            chosen = [PairAlignment(int(np.argmax(row_con)), 0.0)]
    return chosen


@dataclass
class Evidence:
    """What decides a lower task's class: the aligned upper passages and the signals."""

    unit: Unit
    chosen: list[PairAlignment]
    lexical: float                      # share of lower tokens aligned to any chosen passage
    dice: float                         # two-sided overlap with the best passage, additions set aside
    semantic: float | None              # best cosine of the task (or a sentence of it) to a passage
    found: list[Addition]               # owners, deadline, figures, words the lower task adds
    content: float = 0.0                # IDF-weighted content-word overlap (content.py)
    length: float = 0.0                 # log of lower tokens over the closest passage's
    upper_cov: float = 0.0              # share of the best passage's tokens the task takes over

    @property
    def detail(self) -> bool:
        return has_detail(self.found)

    def signals(self) -> dict[str, float]:
        """The named inputs of the adapted-vs-new model (logit.py)."""
        out = {"lexical": self.lexical, "content": self.content, "length": self.length,
               "dice": self.dice, "upper_cov": self.upper_cov}
        if self.semantic is not None:
            out["semantic"] = self.semantic
        return out


def _upper_cov(pair: PairAlignment, upper: Unit) -> float:
    return len(pair.upper_hits) / len(upper.toks) if upper.toks else 0.0


def _content(unit: Unit, uppers: list[Unit], index: ContentIndex,
             chosen: list[PairAlignment], row_con: np.ndarray) -> tuple[float, float]:
    """Content-word overlap (best single passage, or all chosen ones together) and the log
    length ratio against the passage closest in content."""
    content = max(float(row_con.max()), index.union_score(unit.text, [p.upper for p in chosen]))
    best = uppers[int(np.argmax(row_con))]
    length = math.log(max(len(unit.toks), 1) / max(len(best.toks), 1))
    return content, max(min(length, 3.0), -3.0)


def _evidence(task: Task, unit: Unit, uppers: list[Unit], upper_tasks: list[Task | None],
              row_sem: np.ndarray | None, index: ContentIndex, shingles: ShingleIndex) -> Evidence:
    """Align one lower task and gather its signals."""
    row_con = index.scores(unit.text)
    row_lex = shingles.containment(unit)
    cands = _candidates(row_lex, row_sem, row_con)
    chosen = _choose(unit, uppers, cands, row_lex, row_sem, row_con)
    hits = set().union(*(p.lower_hits for p in chosen)) if chosen else set()
    found = additions(unit, hits, task, [upper_tasks[p.upper] for p in chosen])
    content, length = _content(unit, uppers, index, chosen, row_con)
    dice, upper_cov = 0.0, 0.0
    if chosen:
        best = chosen[0]
        aside = len(set_aside(unit, best.lower_hits, task))
        total = len(unit.toks) - aside + best.region
        dice = 2 * len(best.lower_hits) / total if total else 0.0
        upper_cov = max(_upper_cov(p, uppers[p.upper]) for p in chosen)
    semantic = float(row_sem.max()) if row_sem is not None and row_sem.size else None
    return Evidence(unit, chosen, lexical_share(unit, chosen), min(dice, 1.0), semantic, found,
                    content, length, upper_cov)


def _match(unit: Unit, upper: Unit, kind: str, pair: PairAlignment,
           row_sem: np.ndarray | None) -> UpperMatch:
    lexical = len(pair.lower_hits) / len(unit.toks) if unit.toks else 0.0
    semantic = float(row_sem[pair.upper]) if row_sem is not None else None
    similarity = lexical if semantic is None else (lexical + max(semantic, 0.0)) / 2
    return UpperMatch(task_id=upper.task_id, text=upper.text, kind=kind, similarity=round(similarity, 3),
                      lexical=round(lexical, 3), semantic=None if semantic is None else round(semantic, 3),
                      copied_spans=_spans(upper, pair.upper_hits),
                      upper_coverage=round(_upper_cov(pair, upper), 3))


def _item(task: Task, ev: Evidence, uppers: list[Unit], kinds: list[str], upper_tasks: list[Task | None],
          row_sem: np.ndarray | None, th: Thresholds) -> Item:
    """Classify one lower task and describe its counterparts, copies, additions and why."""
    cls = decide(ev.lexical, ev.dice, ev.semantic, ev.detail, th, ev.signals())
    signals = {k: round(v, 3) for k, v in ev.signals().items()}
    if cls == "new":
        item = Item(task_id=task.id, text=task.text, class_=cls, local_additions=ev.found, signals=signals)
    else:
        hits = set().union(*(p.lower_hits for p in ev.chosen))
        counterparts = [(uppers[p.upper].task_id, upper_tasks[p.upper]) for p in ev.chosen]
        item = Item(task_id=task.id, text=task.text, class_=cls, signals=signals,
                    upper=[_match(ev.unit, uppers[p.upper], kinds[p.upper], p, row_sem) for p in ev.chosen],
                    copied_targets=copied_targets(task, counterparts),
                    local_additions=ev.found, copied_spans=_spans(ev.unit, hits))
    item.reason = reason(item)
    return item


def _resolve_encoder(encoder: Encoder | None, semantic: bool) -> tuple[Encoder | None, list[str]]:
    if not semantic:
        return None, [say("note_semantic_off")]
    if encoder is not None:
        return encoder, []
    found, note = default_encoder()
    return found, [note] if note else []


def pieces(text: str) -> list[str]:
    """A task and, when it has several sentences, each of them (a long item may restate one)."""
    parts = [p for p in _SENTENCES.split(text.strip()) if len(p.split()) >= 4]
    return [text] + (parts if len(parts) > 1 else [])


def semantic_rows(encoder: Encoder, lower: Document, upper_texts: list[str],
                  upper_vectors: np.ndarray | None = None) -> np.ndarray:
    """Best cosine of each lower task (or one of its sentences) to each upper passage."""
    texts, owner = [], []
    for i, task in enumerate(lower.tasks):
        for piece in pieces(task.text):
            texts.append(piece)
            owner.append(i)
    if upper_vectors is None:                     # one call: the encoder sees every text together
        both = encoder.encode(texts + upper_texts)
        vectors, up = both[:len(texts)], both[len(texts):]
    else:
        vectors, up = encoder.encode(texts), upper_vectors
    sims = cosine(vectors, up) if len(texts) and len(upper_texts) else np.zeros((len(texts), len(upper_texts)))
    rows = np.full((len(lower.tasks), len(upper_texts)), -1.0, dtype=np.float32)
    np.maximum.at(rows, np.asarray(owner, dtype=np.int64), sims)
    return rows


def upper_passages(upper: Document) -> list[Passage]:
    """What of `upper` a lower task may take over (passages.py); the order stored vectors follow."""
    return passages(upper)


def evidence(lower: Document, upper: Document, encoder: Encoder | None = None,
             upper_vectors: np.ndarray | None = None) -> tuple[list[Evidence], list[Unit], dict[int, np.ndarray]]:
    """Signals for every lower task (no thresholds involved): used by `compare` and calibration.
    Returns the evidence, the upper passage units and the cosine rows by lower task index."""
    vocab: dict[str, int] = {}
    places = frozenset(places_in(lower.text) | places_in(upper.text) |
                       {d.metadata.place for d in (lower, upper) if d.metadata.place})
    found_passages = upper_passages(upper)
    uppers = [prepare(p.id, p.text, vocab, places) for p in found_passages]
    lowers = [prepare(t.id, t.text, vocab, places) for t in lower.tasks]
    if not uppers:
        return [Evidence(u, [], 0.0, 0.0, None, []) for u in lowers], uppers, {}
    by_id = {t.id: t for t in upper.tasks}
    upper_tasks = [by_id.get(p.id) if p.kind == "task" else None for p in found_passages]
    index = ContentIndex([p.text for p in found_passages], places, [t.text for t in lower.tasks])
    rows: dict[int, np.ndarray] = {}
    if encoder is not None and lower.tasks:
        sem = semantic_rows(encoder, lower, [p.text for p in found_passages], upper_vectors)
        rows = dict(enumerate(sem))
    shingles = ShingleIndex(uppers)
    found = [_evidence(task, unit, uppers, upper_tasks, rows.get(i), index, shingles)
             for i, (task, unit) in enumerate(zip(lower.tasks, lowers))]
    return found, uppers, rows


def compare(lower: Document, upper: Document, encoder: Encoder | None = None,
            semantic: bool = True, upper_vectors: np.ndarray | None = None) -> Comparison:
    """Compare a lower-level plan's tasks with the upper document it implements.

    `encoder` defaults to multilingual-e5-small (service/compare/embed.py); `semantic=False` (or
    no encoder installed) runs the lexical signals alone, and the result's notes say so.
    `upper_vectors` (one row per `upper_passages(upper)`) spare embedding the upper document.
    """
    began = time.perf_counter()
    encoder, notes = _resolve_encoder(encoder, semantic)
    found, uppers, rows = evidence(lower, upper, encoder, upper_vectors)
    semantic_ran = encoder is not None and bool(uppers) and bool(lower.tasks)
    th = load_thresholds(semantic_ran)
    found_passages = upper_passages(upper)
    kinds = [p.kind for p in found_passages]
    by_id = {t.id: t for t in upper.tasks}
    upper_tasks = [by_id.get(p.id) if p.kind == "task" else None for p in found_passages]
    items = [_item(task, ev, uppers, kinds, upper_tasks, rows.get(i), th)
             for i, (task, ev) in enumerate(zip(lower.tasks, found))]
    used = {m.task_id for item in items for m in item.upper}
    total = sum(len(t.text) for t in lower.tasks)
    copied = sum(len(i.text) for i in items if i.class_ == "verbatim")
    return Comparison(
        lower=doc_ref(lower), upper=doc_ref(upper),
        copy_ratio=round(copied / total, 4) if total else 0.0,
        coverage=round(len(used & set(by_id)) / len(upper.tasks), 4) if upper.tasks else 0.0,
        items=items,
        uncovered_upper=[UpperTask(task_id=t.id, text=t.text) for t in upper.tasks if t.id not in used],
        method=Method(semantic=semantic_ran, thresholds=th.as_dict(),
                      encoder=getattr(encoder, "name", None) if semantic_ran else None),
        notes=notes, timings={"total": round(time.perf_counter() - began, 4)})
