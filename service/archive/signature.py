"""What the archive keeps of a document's wording: level-aware normalised task texts, their word
shingles and a MinHash signature over them (datasketch, 128 permutations).

Normalisation is service.compare.placeholders's, so "Sở Tư pháp tỉnh" and "Phòng Tư pháp huyện"
read alike and a district plan shares shingles with the province programme it copies.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import LeanMinHash, MinHash

from ..compare.placeholders import places_in, tokens
from ..document import Document

NUM_PERM = 128
SEED = 1
SHINGLE = 3
_DASHES = re.compile(r"[‐-―−]")


def doc_places(doc: Document) -> frozenset[str]:
    """Place names of a document, replaced by `<place>` wherever they stand in its tasks."""
    found = places_in(doc.text) if doc.text else set()
    if doc.metadata.place:
        found.add(doc.metadata.place)
    return frozenset(found)


def task_norms(text: str, places: frozenset[str] = frozenset()) -> list[str]:
    """Normalised tokens of one task (a multi-word token is joined with `_`)."""
    return [t.norm.replace(" ", "_") for t in tokens(text, places)]


def normalised_tasks(doc: Document) -> list[str]:
    """Each task's normalised text, one space-separated string per task."""
    places = doc_places(doc)
    return [" ".join(task_norms(t.text, places)) for t in doc.tasks]


def shingles(norm_texts: list[str], size: int = SHINGLE) -> set[str]:
    """Word n-grams of every normalised task (a shorter task is one shingle); never across tasks."""
    out: set[str] = set()
    for text in norm_texts:
        words = text.split()
        if 0 < len(words) < size:
            out.add(" ".join(words))
        out.update(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))
    return out


def minhash(shingle_set: set[str]) -> LeanMinHash:
    """The MinHash signature of a shingle set."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    if shingle_set:
        m.update_batch([s.encode("utf-8") for s in shingle_set])
    return LeanMinHash(m)


_SCHEME = getattr(MinHash(num_perm=1, seed=SEED), "scheme", None)   # datasketch >= 2 names it


def from_hashvalues(values: np.ndarray) -> LeanMinHash:
    """A signature rebuilt from stored hash values (datasketch 2 wants the hashing scheme stated)."""
    if _SCHEME is None:
        return LeanMinHash(seed=SEED, hashvalues=values)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=_SCHEME)


def to_bytes(sig: LeanMinHash) -> bytes:
    return np.asarray(sig.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint64)


def number_key(number: str | None) -> str | None:
    """A document number for matching: upper case, no spaces, one kind of dash ("41-CTr/TU")."""
    if not number:
        return None
    key = _DASHES.sub("-", re.sub(r"\s+", "", number)).upper()
    return key or None


def content_sha256(doc: Document) -> str:
    """The document's file hash, or a hash of its text and tasks when it never came from a file."""
    if doc.source.sha256:
        return doc.source.sha256
    body = doc.text or "\n".join(t.text for t in doc.tasks)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
