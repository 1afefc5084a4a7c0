"""On a synthetic archive of ~200 documents the LSH proposes far fewer candidates than the
archive holds, find-source never reads every signature, and the known upper still ranks first."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from corpora.archive import archive_docs, base_tasks, lower_of, variant_pool  # noqa: E402
from service.archive import Archive, find_sources  # noqa: E402
from service.archive.store import Archive as StoreArchive  # noqa: E402

N = 200


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    pool = variant_pool(base_tasks(sorted((ROOT / "corpora" / "samples").glob("*.txt"))), variants=6)
    docs = archive_docs(N, pool, seed=7)
    archive = Archive.open(tmp_path_factory.mktemp("synthetic"))
    for i, upper in enumerate(docs):
        archive.add(upper.doc, f"synthetic:{i}", upper.norms)
    archive.save()
    return archive, docs


def test_lsh_candidates_fewer_than_archive(synthetic, monkeypatch):
    archive, docs = synthetic
    whole = []
    original = StoreArchive.signatures

    def spy(self, ids=None):
        whole.append(ids is None)
        return original(self, ids)

    monkeypatch.setattr(StoreArchive, "signatures", spy)
    counts, hits = [], 0
    for i in range(0, N, 25):
        stats: dict = {}
        found = find_sources(lower_of(docs[i].doc, i), archive, stats=stats)
        counts.append(stats["lsh_candidates"])
        hits += bool(found) and found[0].number == docs[i].doc.metadata.number
    assert not any(whole)
    assert max(counts) < N and sum(counts) / len(counts) < N / 4
    assert hits >= len(counts) - 1
