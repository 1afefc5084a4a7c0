"""Start-up clean-up of the file store: temporary files and stored files that no document and no
job refers to (an upload cut after its file was written but before its job was created)."""
from __future__ import annotations

from sqlalchemy import select

from . import Store
from .models import DocumentRow, JobRow


def referenced(store: Store) -> set[str]:
    """Every file hash a document or a job payload (analyse, draft check, batch) refers to."""
    with store.session() as s:
        digests = set(s.scalars(select(DocumentRow.sha256)))
        for payload in s.scalars(select(JobRow.payload)):
            payload = payload or {}
            digests |= {payload.get("sha256"), payload.get("upper_sha256")}
            digests |= {item.get("sha256") for item in payload.get("files", [])}
    digests.discard(None)
    return digests


def sweep_orphans(store: Store, older_than: float = 600.0) -> int:
    """Delete orphan files older than `older_than` seconds; how many were deleted."""
    return store.files.sweep(referenced(store), older_than)
