"""A small archive: province programme, two plans citing it, other samples, a corrupt PDF and a
duplicate file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"
FILES = ["tinh-uy-ctr-chuyen-doi-so.txt", "huyen-uy-kh-chuyen-doi-so.txt", "ubnd-kh-phan-cong.docx",
         "ubnd-chi-thi.txt", "cong-van-trien-khai.pdf"]


@pytest.fixture
def small_archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "sub").mkdir(parents=True)
    for name in FILES:
        shutil.copy(SAMPLES / name, folder / name)
    shutil.copy(SAMPLES / FILES[0], folder / "sub" / "copy-of-programme.txt")       # a duplicate
    (folder / "sub" / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage \x00\xff" * 20)
    (folder / "notes.csv").write_text("not a document", encoding="utf-8")
    return folder

