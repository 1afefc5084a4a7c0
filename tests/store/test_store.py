"""Storage: migrations, documents and tasks, dedup by hash, jobs, keys, audit, webhooks."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from service.pipeline import analyze_file
from service.store import FileStore, Store, documents, jobs, security, webhooks
from service.store.models import AppendOnlyError, AuditRow
from service.store.search import Filters, search_documents, search_tasks

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"


@pytest.fixture(scope="module")
def chi_thi():
    return analyze_file(SAMPLES / "ubnd-chi-thi.txt")


def test_migrations_upgrade_an_empty_database(tmp_path):
    store = Store.open(tmp_path)
    names = set(inspect(store.engine).get_table_names())
    assert {"documents", "tasks", "jobs", "api_keys", "audit_log", "webhooks",
            "webhook_deliveries", "alembic_version"} <= names
    Store.open(tmp_path).close()        # a second upgrade is a no-op
    store.close()


def test_save_read_delete_document(store, chi_thi):
    with store.session() as s:
        row = documents.save_document(s, chi_thi, "a" * 64, "chi-thi.txt")
        doc_id = row.id
    with store.session() as s:
        row = documents.by_sha(s, "a" * 64)
        assert row.id == doc_id and row.number == "03/CT-UBND" and row.year == 2025
        assert documents.load(row).tasks[0].text == chi_thi.tasks[0].text
        assert row.task_count == len(chi_thi.tasks)
    with store.session() as s:
        assert documents.delete_document(s, doc_id) is not None
    with store.session() as s:
        assert documents.get_row(s, doc_id) is None
        assert search_tasks(s, Filters()) == []


def test_search_ignores_diacritics_and_filters(store, chi_thi):
    with store.session() as s:
        documents.save_document(s, chi_thi, "b" * 64, "chi-thi.txt")
    with store.session() as s:
        assert search_documents(s, Filters(q="giai ngan von dau tu cong"))
        assert search_documents(s, Filters(q="GIẢI NGÂN", kind="chi_thi", year=2025))
        assert not search_documents(s, Filters(q="giai ngan", year=2019))
        found = search_tasks(s, Filters(q="so tai chinh"))
        assert found and all("so tai chinh" in t.folded for t, _ in found)
        owned = search_tasks(s, Filters(owner="sở tài chính"))
        assert owned and all("tai chinh" in t.lead_folded for t, _ in owned)


def test_job_claim_once_and_recover(store):
    with store.session() as s:
        job_id = jobs.create_job(s, "analyze", {"sha256": "c" * 64}).id
    with store.session() as s:
        assert jobs.claim(s, job_id)
        assert not jobs.claim(s, job_id)
    with store.session() as s:                       # the process dies here; at start-up:
        assert jobs.recover(s, max_attempts=3) == [job_id]
    with store.session() as s:
        assert jobs.get_job(s, job_id).status == "queued"
        jobs.finish(s, job_id, result={"ok": 1})
    with store.session() as s:
        assert jobs.get_job(s, job_id).status == "done"


def test_keys_hashed_and_revocable(store):
    with store.session() as s:
        row, key = security.create_key(s, "bot", "reader")
        assert row.key_hash != key and len(row.key_hash) == 64
    with store.session() as s:
        assert security.lookup(s, key).role == "reader"
        assert security.revoke(s, row.id)
    with store.session() as s:
        assert security.lookup(s, key) is None


def test_audit_log_is_append_only(store):
    with store.session() as s:
        security.audit(s, "admin", "upload", "doc1", filename="a.txt")
    with pytest.raises(AppendOnlyError):
        with store.session() as s:
            s.delete(s.query(AuditRow).first())
    with store.session() as s:
        assert [e.action for e in security.audit_entries(s)] == ["upload"]


def test_webhook_subscriptions_and_delivery_log(store):
    with store.session() as s:
        hook = webhooks.create_webhook(s, "http://127.0.0.1:9/x", "k", ["job.done"])
        webhooks.log_delivery(s, hook.id, "job.done", None, 1, 500, "boom")
    with store.session() as s:
        assert [w.id for w in webhooks.subscribed(s, "job.done")] == [hook.id]
        assert webhooks.subscribed(s, "job.failed") == []
        assert webhooks.deliveries(s, hook.id)[0].status_code == 500


def test_file_store_is_content_addressed(tmp_path):
    files = FileStore(tmp_path)
    digest = files.put(b"hello")
    assert files.put(b"hello") == digest
    assert files.path(digest).relative_to(tmp_path).parts == (digest[:2], digest[2:])
    assert files.get(digest) == b"hello"
    with pytest.raises(ValueError):
        files.path("../../etc/passwd")


class HashingEncoder:
    """A deterministic stand-in encoder: hashed word counts in 64 dimensions."""

    name = "hashing-64"

    def encode(self, texts):
        import zlib

        import numpy as np

        rows = np.zeros((len(texts), 64), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                rows[i, zlib.crc32(word.encode()) % 64] += 1
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def test_passage_vectors_are_stored_with_the_document(store, chi_thi):
    from service.compare.engine import upper_passages
    from service.store import documents
    from service.store.sources import store_vectors, stored_vectors

    encoder = HashingEncoder()
    with store.session() as s:
        doc_id = documents.save_document(s, chi_thi, "ab" * 32, "chi-thi.txt").id
        store_vectors(s, doc_id, chi_thi, encoder)
    with store.session() as s:
        vectors = stored_vectors(s, doc_id, chi_thi, encoder)
        other = type("Other", (HashingEncoder,), {"name": "another-encoder"})()
        assert stored_vectors(s, doc_id, chi_thi, other) is None      # made by another encoder
    expected = encoder.encode([p.text for p in upper_passages(chi_thi)])
    assert vectors.shape == expected.shape and abs(vectors - expected).max() < 1e-3
