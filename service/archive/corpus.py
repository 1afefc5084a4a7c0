"""`Corpus`: what `find_sources` reads of a set of stored documents. Two implementations: the
local `Archive` (SQLite file + pickled LSH, `rasoat index`/`find-source`) and the service's
database (`service.store.sources.StoreCorpus`, used by the API and the draft-check job)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

import numpy as np
from datasketch import LeanMinHash

from ..document import Document
from .store import Record


class Corpus(Protocol):
    """Stored documents with their MinHash signatures and an LSH index over them."""

    def __len__(self) -> int:
        """How many documents are stored."""

    def own_id(self, doc: Document) -> str | None:
        """The id `doc` itself would have (or has) here; it is never its own source."""

    def by_number(self, number: str | None) -> list[Record]:
        """Documents whose number matches (service.archive.signature.number_key)."""

    def by_date(self, issued_on: date) -> list[Record]:
        """Documents issued on that day (citations matched by kind, date and issuer)."""

    def candidates(self, sig: LeanMinHash) -> list[str]:
        """Ids the LSH index proposes for a signature (never a scan of every document)."""

    def signatures(self, ids: Iterable[str]) -> tuple[list[str], np.ndarray]:
        """(ids, hash values matrix) of the given documents; unknown ids are skipped."""

    def records(self, ids: Iterable[str]) -> list[Record]:
        """Documents by id; unknown ids are skipped."""
