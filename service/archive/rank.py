"""`find_sources(doc, corpus)`: which stored documents could be the upper source of `doc`, over any
`Corpus` (the local `Archive`, or the service's database via service.store.sources).

1. citations: numbers in `doc.metadata.basis` matched against stored numbers → cited, ranked first;
2. content: the LSH index proposes candidates (never a scan of the archive), the best by MinHash
   Jaccard estimate are re-ranked by the task-level content score (service.archive.coverage).

Score in 0..1: a cited document (by number; or, when the number finds nothing, by kind, date and
issuer) 0.8 + 0.2 × content; otherwise 0.8 × content, × 0.8 at `doc`'s own administrative level (a
sibling ranks below the parent they share). An uncited document issued after `doc` or at a lower
level is never offered. A stored document with `doc`'s own number
is another copy of it (the PDF of the same plan), never its source. `likely_upper` picks the one to
compare against when none is given (check-draft, the review report).
"""
from __future__ import annotations

import re
from datetime import date

import numpy as np
from pydantic import BaseModel

from ..document import Document
from ..text import strip_diacritics
from ..messages import say
from . import signature as sg
from .coverage import content_score
from .corpus import Corpus
from .levels import level_of
from .store import Record

CITED_FLOOR = 0.8
SIBLING = 0.8            # an uncited candidate at the document's own level weighs less
RERANK_MIN = 10          # LSH candidates re-ranked by content: max(2 × top, this)
MIN_CONTENT = 0.25       # an uncited candidate is a likely upper from this content score (as the
                         # batch links' content links: a quarter of the tasks aligned)


class SourceCandidate(BaseModel):
    """A stored document that may be the upper source of the queried one."""

    id: str
    path: str
    number: str | None = None
    kind: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    score: float
    cited: bool = False
    content_score: float = 0.0
    jaccard: float | None = None        # MinHash estimate of the shingle Jaccard, when a candidate
    reason: str = ""


def _folded(text: str | None) -> str:
    return re.sub(r"\s+", " ", strip_diacritics(text or "").lower().replace("đ", "d")).strip()


def _same_issuer(cited: str | None, stored: str | None) -> bool:
    """Issuers that read alike ("Bộ Tài chính" in "BỘ TÀI CHÍNH"), or one of them unknown."""
    a, b = _folded(cited), _folded(stored)
    return not a or not b or a in b or b in a


def _by_kind_date_issuer(citation, archive: Corpus) -> list[Record]:
    """Stored documents of the citation's day, kind and issuer: a number that was not read
    (a scan) or that the citation garbles still finds its document."""
    if citation.issued_on is None or not hasattr(archive, "by_date"):
        return []
    return [rec for rec in archive.by_date(citation.issued_on)
            if (citation.kind in (None, "khac") or rec.kind in (None, "khac") or citation.kind == rec.kind)
            and _same_issuer(citation.issuer, rec.issuer)
            and (citation.kind or citation.issuer)]


def cited_records(doc: Document, archive: Corpus) -> dict[str, tuple[Record, str]]:
    """Stored documents cited in the basis, by id, with the citation as written: by number, or
    (when the number finds nothing) by kind, date and issuer."""
    found: dict[str, tuple[Record, str]] = {}
    for citation in doc.metadata.basis:
        by_number = archive.by_number(citation.number)
        for rec in by_number:
            year_cited = citation.issued_on.year if citation.issued_on else None
            if year_cited and rec.issued_on and int(rec.issued_on[:4]) != year_cited:
                continue                       # same number, another year: another document
            found.setdefault(rec.id, (rec, citation.number or ""))
        if not by_number:
            label = " ".join(str(x) for x in (citation.kind, citation.issued_on, citation.issuer) if x)
            for rec in _by_kind_date_issuer(citation, archive):
                found.setdefault(rec.id, (rec, label))
    return found


def lsh_candidates(sig, archive: Corpus, exclude: str | None, limit: int) -> tuple[dict[str, float], int]:
    """Up to `limit` LSH candidates by Jaccard estimate, and how many the LSH returned."""
    ids = [i for i in archive.candidates(sig) if i != exclude]
    if not ids:
        return {}, 0
    ids, values = archive.signatures(ids)
    est = (values == np.asarray(sig.hashvalues, dtype=np.uint64)[None, :]).mean(axis=1)
    order = np.argsort(-est)[:limit]
    return {ids[k]: float(est[k]) for k in order}, len(ids)


def _score(cited: bool, content: float, sibling: bool) -> float:
    score = CITED_FLOOR + (1 - CITED_FLOOR) * content if cited else CITED_FLOOR * content
    return round(score * (SIBLING if sibling and not cited else 1.0), 4)


def never_upper(doc: Document, rec: Record) -> bool:
    """An uncited document issued after `doc`, or at a lower administrative level, is never its upper."""
    issued = doc.metadata.issued_on
    if issued and rec.issued_on and date.fromisoformat(rec.issued_on) > issued:
        return True
    mine, theirs = level_of(doc.metadata.issuer), level_of(rec.issuer)
    return mine is not None and theirs is not None and theirs > mine


def _sibling(doc: Document, rec: Record) -> bool:
    """The same level as `doc`: a sibling plan, ranked below the parent they share."""
    mine, theirs = level_of(doc.metadata.issuer), level_of(rec.issuer)
    return mine is not None and mine == theirs


def _candidate(rec: Record, content: float, cite: str | None, jaccard: float | None,
               sibling: bool) -> SourceCandidate:
    reasons = [say("reason_cited", number=cite)] if cite is not None else []
    reasons.append(say("reason_content", share=content) + (say("reason_sibling") if sibling and cite is None else ""))
    return SourceCandidate(
        id=rec.id, path=rec.path, number=rec.number, kind=rec.kind, issuer=rec.issuer,
        issued_on=rec.issued_on, score=_score(cite is not None, content, sibling),
        cited=cite is not None, content_score=round(content, 4),
        jaccard=None if jaccard is None else round(jaccard, 4), reason="; ".join(reasons))


def find_sources(doc: Document, archive: Corpus, top: int = 5, use_citations: bool = True,
                 stats: dict | None = None) -> list[SourceCandidate]:
    """Candidate upper documents of `doc` in `archive` (any Corpus), best first (the document
    itself is left out)."""
    own_id = archive.own_id(doc)
    norms = sg.normalised_tasks(doc)
    sig = sg.minhash(sg.shingles(norms))
    cited = cited_records(doc, archive) if use_citations else {}
    cited.pop(own_id, None)
    pool, returned = lsh_candidates(sig, archive, own_id, max(2 * top, RERANK_MIN))
    mine = sg.number_key(doc.metadata.number)
    records = {r.id: r for r in archive.records([i for i in pool if i not in cited])
               if not (mine and sg.number_key(r.number) == mine)      # another copy of this document
               and not never_upper(doc, r)}
    records.update({i: rec for i, (rec, _) in cited.items()})
    out = [_candidate(rec, content_score(norms, rec.tasks), cited[i][1] if i in cited else None,
                      pool.get(i), _sibling(doc, rec))
           for i, rec in records.items()]
    out = [c for c in out if c.cited or c.score > 0]
    out.sort(key=lambda c: (-c.score, -(c.jaccard or 0.0)))
    if stats is not None:
        stats.update(archive=len(archive), lsh_candidates=returned, reranked=len(records))
    return out[:top]


def likely_upper(found: list[SourceCandidate]) -> SourceCandidate | None:
    """The candidate to compare against when no upper is given: the best one, if its basis cites it
    or its content score reaches MIN_CONTENT."""
    best = found[0] if found else None
    return best if best and (best.cited or best.content_score >= MIN_CONTENT) else None
