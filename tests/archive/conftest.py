"""Fixtures for the archive tests: a store of a few samples (plus a corrupt file) in a tmp dir."""
import shutil
from pathlib import Path

import pytest

from service.archive import Archive, index_folder

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"
NAMES = ["tinh-uy-ctr-chuyen-doi-so.txt", "ubnd-chi-thi.txt", "cong-van-trien-khai.txt"]


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for name in NAMES:
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    return folder


@pytest.fixture(scope="session")
def indexed(sample_dir, tmp_path_factory):
    """(store path, first index report)."""
    store = tmp_path_factory.mktemp("store")
    archive = Archive.open(store)
    report = index_folder(sample_dir, archive)
    archive.close()
    return store, report
