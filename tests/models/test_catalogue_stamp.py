"""sha256 of model files: large built files keep their digest beside them, so a new process does not
hash 470 MB again; a changed file is hashed anew, and nothing is written outside the models folder."""
import hashlib
import json
import os

import pytest

from service.models import catalogue


@pytest.fixture
def models(tmp_path, monkeypatch):
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setenv("RASOAT_MODELS_DIR", str(folder))
    monkeypatch.setattr(catalogue, "STAMP_FROM", 16)
    catalogue._sha256.cache_clear()
    yield folder
    catalogue._sha256.cache_clear()


def _write(path, data: bytes):
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def test_the_digest_is_stamped_and_trusted_while_the_file_is_unchanged(models):
    weights = models / "encoder" / "model.safetensors"
    weights.parent.mkdir()
    digest = _write(weights, b"trong so mo hinh " * 8)
    assert catalogue.sha256_of(weights) == digest
    stamp = json.loads((models / "encoder" / "model.safetensors.sha256").read_text(encoding="utf-8"))
    assert stamp["sha256"] == digest and stamp["size"] == weights.stat().st_size

    stamp["sha256"] = "0" * 64                # a later process reads the stamp, not the file
    (models / "encoder" / "model.safetensors.sha256").write_text(json.dumps(stamp), encoding="utf-8")
    catalogue._sha256.cache_clear()
    assert catalogue.sha256_of(weights) == "0" * 64


def test_a_rewritten_file_is_hashed_again(models):
    weights = models / "model.safetensors"
    _write(weights, b"ban dau " * 8)
    catalogue.sha256_of(weights)
    changed = _write(weights, b"da sua " * 9)
    stat = weights.stat()
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert catalogue.sha256_of(weights) == changed


def test_files_outside_the_models_folder_and_small_files_get_no_stamp(models, tmp_path):
    outside = tmp_path / "package" / "weights.bin"
    outside.parent.mkdir()
    digest = _write(outside, b"goi cai dat " * 8)
    small = models / "head.safetensors"
    _write(small, b"nho")
    assert catalogue.sha256_of(outside) == digest
    catalogue.sha256_of(small)
    assert not list(tmp_path.rglob("*.sha256"))
