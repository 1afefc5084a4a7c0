"""No rule, lexicon line or test of ours is a fragment of the real corpus (../shared/corpus/real).

The check is evaluation/fragments.py: every string literal and YAML scalar of service/, tests/,
corpora/ and evaluation/, normalised, looked up as runs of WORDS consecutive words in the corpus
documents (runs found in 3 or more documents are stock phrases of the genre and allowed).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation import fragments as check  # noqa: E402

WORDS = 12
pytestmark = pytest.mark.skipif(
    not check.CORPUS.is_dir(),
    reason=f"the real corpus is not at {check.CORPUS} (../shared/corpus/real beside the repository): "
           "nothing to compare our strings with")


@pytest.fixture(scope="module")
def hits() -> list[tuple[str, str, str]]:
    return check.fragments(WORDS)


def _in(hits: list[tuple[str, str, str]], folder: str) -> list[str]:
    return [f"{path}: “{text}” — {docs}" for path, text, docs in hits if path.startswith(folder + "/")]


def test_a_copied_run_would_be_found():
    """The index holds every run of the corpus, under the same normalisation our strings get."""
    document = max(sorted(check.CORPUS.rglob("*.txt")), key=lambda p: p.stat().st_size)
    tokens = check.norm(document.read_text(encoding="utf-8", errors="replace"))
    run = " ".join(tokens[40:40 + WORDS]).upper()              # any casing and spacing
    assert document.name in check.corpus_index(WORDS).get(tuple(check.norm(run)), set())


@pytest.mark.parametrize("folder", ["tests", "corpora", "evaluation"])
def test_no_fragments_in_our_tests_samples_and_evaluation(hits, folder):
    found = _in(hits, folder)
    assert not found, f"{len(found)} fragment(s) of the real corpus:\n" + "\n".join(found)


def test_no_fragments_in_the_service(hits):
    found = _in(hits, "service")
    assert not found, f"{len(found)} fragment(s) of the real corpus:\n" + "\n".join(found)
