"""The service's database as a `service.archive.Corpus`: the API and the draft-check job rank upper
documents with `service.archive.find_sources`, the function `rasoat find-source` uses.

    found = find_sources(doc, corpus(session, own_id=doc_id), top=10)

Every stored document has a `document_signatures` row (the archive's normalised task texts, number
key and MinHash signature), written in the same transaction as the document (`index_document`,
called by `documents.save_document`) and deleted with it. The LSH index over the signatures is kept
in memory, one per process and database, built from that table on first use (after `backfill` of
documents stored before the table existed) and brought up to date before every query: a
(row count, sum of row ids) fingerprint is compared and, when it changed, the stored ids are diffed.
So SQLite and PostgreSQL behave alike, several workers or processes see the same documents, and no
file beside the database can drift from it.
"""
from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Iterable

import numpy as np
from datasketch import MinHashLSH
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..archive import Record
from ..archive import signature as sg
from ..archive.store import LSH_THRESHOLD
from ..document import Document
from .models import DocumentRow, SignatureRow

CHUNK = 500


def signature_row(doc_id: str, doc: Document) -> SignatureRow:
    """The signature row of an analysed document."""
    norms = sg.normalised_tasks(doc)
    return SignatureRow(document_id=doc_id, number_key=sg.number_key(doc.metadata.number),
                        tasks=json.dumps(norms, ensure_ascii=False),
                        signature=sg.to_bytes(sg.minhash(sg.shingles(norms))))


def index_document(session: Session, doc_id: str, doc: Document) -> None:
    """Add a stored document's signature row (committed with the document)."""
    session.add(signature_row(doc_id, doc))


def store_vectors(session: Session, doc_id: str, doc: Document, encoder) -> None:
    """Keep the document's passage embeddings with its signature row (service/compare/vectors.py)."""
    from ..compare.vectors import passage_vectors

    row = session.scalars(select(SignatureRow).where(SignatureRow.document_id == doc_id)).first()
    if row is not None:
        row.vectors, row.encoder = passage_vectors(doc, encoder), encoder.name


def stored_vectors(session: Session, doc_id: str | None, doc: Document, encoder):
    """The stored passage embeddings of a document, when made by `encoder`; else None."""
    from ..compare.vectors import unpack

    if doc_id is None or encoder is None:
        return None
    row = session.scalars(select(SignatureRow).where(SignatureRow.document_id == doc_id)).first()
    return unpack(row.vectors, row.encoder, doc, encoder) if row is not None else None


def backfill(engine: Engine, chunk: int = 100) -> int:
    """Add the signature rows of documents stored without one; how many were added."""
    missing = select(DocumentRow.id).where(~select(SignatureRow.id).where(
        SignatureRow.document_id == DocumentRow.id).exists())
    added = 0
    with Session(engine) as s:
        ids = list(s.scalars(missing))
        for i in range(0, len(ids), chunk):
            rows = s.execute(select(DocumentRow.id, DocumentRow.analysis)
                             .where(DocumentRow.id.in_(ids[i:i + chunk]))).all()
            s.add_all(signature_row(r.id, Document.model_validate_json(r.analysis)) for r in rows)
            try:
                s.commit()
                added += len(rows)
            except IntegrityError:            # another process filled these in meanwhile
                s.rollback()
    return added


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    ids = list(ids)
    return (ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK))


def signatures(session: Session, ids: Iterable[str]) -> tuple[list[str], np.ndarray]:
    """(ids, hash values matrix) of stored documents; unknown ids are skipped."""
    rows = [r for part in _chunks(ids) for r in session.execute(
        select(SignatureRow.document_id, SignatureRow.signature).where(SignatureRow.document_id.in_(part)))]
    if not rows:
        return [], np.zeros((0, sg.NUM_PERM), dtype=np.uint64)
    return [r[0] for r in rows], np.stack([sg.from_bytes(r[1]) for r in rows])


class LshIndex:
    """The in-memory LSH index over `document_signatures`, kept in step with the table."""

    def __init__(self, engine: Engine) -> None:
        backfill(engine)
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=sg.NUM_PERM)
        self.ids: set[str] = set()
        self.fingerprint: tuple[int, int] | None = None
        self.lock = threading.Lock()

    def sync(self, session: Session) -> int:
        """Bring the index up to date with the table; how many documents it holds."""
        fingerprint = tuple(session.execute(select(
            func.count(SignatureRow.id), func.coalesce(func.sum(SignatureRow.id), 0))).one())
        if fingerprint != self.fingerprint:
            stored = set(session.scalars(select(SignatureRow.document_id)))
            for gone in self.ids - stored:
                self.lsh.remove(gone)
            ids, values = signatures(session, stored - self.ids)
            for doc_id, row in zip(ids, values):
                self.lsh.insert(doc_id, sg.from_hashvalues(row), check_duplication=False)
            self.ids = (self.ids & stored) | set(ids)
            self.fingerprint = fingerprint
        return len(self.ids)

    def query(self, session: Session, sig) -> list[str]:
        with self.lock:
            self.sync(session)
            return list(self.lsh.query(sig))


_indexes: weakref.WeakKeyDictionary[Engine, LshIndex] = weakref.WeakKeyDictionary()
_indexes_lock = threading.Lock()


def lsh_index(engine: Engine) -> LshIndex:
    """This process's LSH index of the database behind `engine`."""
    with _indexes_lock:
        if engine not in _indexes:
            _indexes[engine] = LshIndex(engine)
        return _indexes[engine]


def _record(row) -> Record:
    return Record(row.id, row.filename, row.sha256, row.kind, row.number, row.issuer,
                  row.issued_on.isoformat() if row.issued_on else None, row.title, json.loads(row.tasks))


RECORD = select(DocumentRow.id, DocumentRow.filename, DocumentRow.sha256, DocumentRow.kind,
                DocumentRow.number, DocumentRow.issuer, DocumentRow.issued_on, DocumentRow.title,
                SignatureRow.tasks).join(SignatureRow, SignatureRow.document_id == DocumentRow.id)


class StoreCorpus:
    """Stored documents read through one session (see service.archive.corpus.Corpus)."""

    def __init__(self, session: Session, own_id: str | None = None) -> None:
        self.session, self.own = session, own_id
        self.index = lsh_index(session.get_bind())

    def __len__(self) -> int:
        return self.session.scalar(select(func.count(SignatureRow.id))) or 0

    def own_id(self, doc: Document) -> str | None:
        """The id given for the queried document, else the stored document with its sha256."""
        if self.own:
            return self.own
        return self.session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sg.content_sha256(doc)))

    def by_number(self, number: str | None) -> list[Record]:
        key = sg.number_key(number)
        if not key:
            return []
        return [_record(r) for r in self.session.execute(RECORD.where(SignatureRow.number_key == key))]

    def by_date(self, issued_on) -> list[Record]:
        """Documents issued on that day (a citation whose number matched nothing)."""
        return [_record(r) for r in self.session.execute(RECORD.where(DocumentRow.issued_on == issued_on))]

    def candidates(self, sig) -> list[str]:
        return self.index.query(self.session, sig)

    def signatures(self, ids: Iterable[str]) -> tuple[list[str], np.ndarray]:
        return signatures(self.session, ids)

    def records(self, ids: Iterable[str]) -> list[Record]:
        return [_record(r) for part in _chunks(ids)
                for r in self.session.execute(RECORD.where(DocumentRow.id.in_(part)))]


def corpus(session: Session, own_id: str | None = None) -> StoreCorpus:
    """The stored documents as a Corpus for `service.archive.find_sources`; `own_id` is the queried
    document's id when it is stored (it is never its own source)."""
    return StoreCorpus(session, own_id)
