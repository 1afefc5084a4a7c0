"""Which stored documents could be the upper source of a document: the ones its basis cites
(matched by number), then the ones whose wording overlaps most."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..document import Document
from .documents import by_number, fold, number_key, recent
from .models import DocumentRow


def _shingles(folded: str, size: int = 3, limit: int = 60000) -> set[str]:
    words = folded[:limit].split()
    return {" ".join(words[i:i + size]) for i in range(max(0, len(words) - size + 1))}


def _similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def rank_sources(session: Session, doc: Document, doc_id: str | None = None,
                 limit: int = 10) -> list[tuple[DocumentRow, float, str]]:
    """(row, score, reason) best first: cited by number (score 1), then wording overlap (0–1)."""
    out: list[tuple[DocumentRow, float, str]] = []
    seen = {doc_id}
    for citation in doc.metadata.basis:
        key = number_key(citation.number)
        for row in by_number(session, key) if key else []:
            if row.id not in seen:
                seen.add(row.id)
                out.append((row, 1.0, f"cited in basis: {citation.number}"))
    mine = _shingles(fold(doc.text))
    scored = [(row, _similarity(mine, _shingles(row.folded))) for row in recent(session)
              if row.id not in seen]
    scored.sort(key=lambda pair: -pair[1])
    out += [(row, round(score, 4), "similar wording") for row, score in scored if score >= 0.05]
    return out[:limit]
