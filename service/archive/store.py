"""The local archive: a SQLite file (metadata, normalised task texts, MinHash signatures) and a
pickled datasketch MinHashLSH index beside it, under `./.rasoat/archive/` by default.

    archive = Archive.open(".rasoat/archive")
    archive.add(doc, path)          # None when a document with the same sha256 is already in
    archive.save()                  # commit and write the LSH index
"""
from __future__ import annotations

import json
import pickle
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from datasketch import MinHashLSH

from ..document import Document
from .location import DEFAULT_STORE
from . import signature as sg

LSH_THRESHOLD = 0.1     # real lower/upper pairs have shingle Jaccard 0.17–0.47, unrelated ~0.03
SCHEMA = """
create table if not exists documents (
  id text primary key, path text, sha256 text unique not null, kind text, number text,
  number_key text, issuer text, issued_on text, title text, tasks text not null,
  signature blob not null);
create index if not exists documents_number on documents(number_key);
"""
COLUMNS = "id, path, sha256, kind, number, issuer, issued_on, title, tasks"


@dataclass
class Record:
    """One stored document (without its signature)."""

    id: str
    path: str
    sha256: str
    kind: str | None
    number: str | None
    issuer: str | None
    issued_on: str | None
    title: str | None
    tasks: list[str]                 # normalised task texts


def _record(row: tuple) -> Record:
    return Record(*row[:8], tasks=json.loads(row[8]))


class Archive:
    """Stored documents with their signatures, and the LSH index over the signatures."""

    def __init__(self, root: Path, db: sqlite3.Connection, lsh: MinHashLSH) -> None:
        self.root, self.db, self.lsh = root, db, lsh
        self._dirty = False

    @classmethod
    def open(cls, root: str | Path = DEFAULT_STORE) -> Archive:
        """Open (or create) the archive in directory `root`."""
        root = Path(root)
        root.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(root / "archive.sqlite")
        db.executescript(SCHEMA)
        lsh_file = root / "lsh.pkl"
        if lsh_file.exists():
            lsh = pickle.loads(lsh_file.read_bytes())
        else:
            lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=sg.NUM_PERM)
        return cls(root, db, lsh)

    def __len__(self) -> int:
        return self.db.execute("select count(*) from documents").fetchone()[0]

    def own_id(self, doc: Document) -> str:
        """The id `doc` has (or would have) here: the first 16 hex digits of its sha256."""
        return sg.content_sha256(doc)[:16]

    def has(self, sha256: str) -> bool:
        return self.db.execute("select 1 from documents where sha256 = ?", (sha256,)).fetchone() is not None

    def add(self, doc: Document, path: str | Path = "", norms: list[str] | None = None) -> str | None:
        """Store one analysed document; its id, or None when its sha256 is already stored.
        `norms` (normalised task texts) may be given when computed already."""
        sha = sg.content_sha256(doc)
        if self.has(sha):
            return None
        norms = sg.normalised_tasks(doc) if norms is None else norms
        sig = sg.minhash(sg.shingles(norms))
        meta = doc.metadata
        doc_id = self.own_id(doc)
        self.db.execute(
            "insert into documents values (?,?,?,?,?,?,?,?,?,?,?)",
            (doc_id, str(path), sha, meta.kind, meta.number, sg.number_key(meta.number), meta.issuer,
             meta.issued_on.isoformat() if meta.issued_on else None, meta.title,
             json.dumps(norms, ensure_ascii=False), sg.to_bytes(sig)))
        self.lsh.insert(doc_id, sig, check_duplication=False)
        self._dirty = True
        return doc_id

    def add_many(self, docs: Iterable[tuple[Document, str | Path]]) -> list[str]:
        """Store many documents (one transaction); ids of those newly added."""
        added = [doc_id for doc, path in docs if (doc_id := self.add(doc, path))]
        self.save()
        return added

    def save(self) -> None:
        """Commit the table and write the LSH index."""
        self.db.commit()
        if self._dirty:
            tmp = self.root / "lsh.pkl.tmp"
            tmp.write_bytes(pickle.dumps(self.lsh, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(self.root / "lsh.pkl")
            self._dirty = False

    def close(self) -> None:
        self.save()
        self.db.close()

    # ------------------------------------------------------------------ reading
    def records(self, ids: Iterable[str]) -> list[Record]:
        """Stored documents by id (unknown ids are skipped)."""
        ids = list(ids)
        out: list[Record] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            out += [_record(r) for r in self.db.execute(
                f"select {COLUMNS} from documents where id in ({marks})", chunk)]
        return out

    def by_number(self, number: str | None) -> list[Record]:
        """Stored documents whose number matches (case, spaces and dashes folded)."""
        key = sg.number_key(number)
        if not key:
            return []
        return [_record(r) for r in self.db.execute(
            f"select {COLUMNS} from documents where number_key = ?", (key,))]

    def by_date(self, issued_on) -> list[Record]:
        """Stored documents issued on that day (a citation whose number matched nothing)."""
        return [_record(r) for r in self.db.execute(
            f"select {COLUMNS} from documents where issued_on = ?", (issued_on.isoformat(),))]

    def signatures(self, ids: Iterable[str] | None = None) -> tuple[list[str], np.ndarray]:
        """(ids, hash values matrix) of the given documents, or of all of them."""
        if ids is None:
            rows = self.db.execute("select id, signature from documents").fetchall()
        else:
            ids = list(ids)
            rows = []
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                rows += self.db.execute(f"select id, signature from documents where id in "
                                        f"({','.join('?' * len(chunk))})", chunk).fetchall()
        if not rows:
            return [], np.zeros((0, sg.NUM_PERM), dtype=np.uint64)
        return [r[0] for r in rows], np.stack([sg.from_bytes(r[1]) for r in rows])

    def candidates(self, sig) -> list[str]:
        """Ids the LSH index returns for a signature (documents likely above the threshold)."""
        return list(self.lsh.query(sig))
